package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// TestDecisionIsolation tries every decisions route as a visitor, as council
// B's staff and admin against trust A's decision, as an admin without a
// staff role, and as staff on the lead pages; then checks nothing changed.
func TestDecisionIsolation(t *testing.T) {
	e := newDecisionEnv(t)
	d := &lightbulb.Decision{ServiceID: e.wardA.ID, Reasoning: lightbulb.Reasoning{Proposal: "Trust A secret plan"}}
	if err := e.svc.Decisions.CreateDecision(e.ctxA(), d); err != nil {
		t.Fatal(err)
	}
	rec := fmt.Sprintf("/decisions/%d", d.ID)
	steal := url.Values{"service": {fmt.Sprint(e.homeB.ID)}, "proposal": {"Taken over"}}
	// Routes on trust A's decision.
	onRecord := []route{
		{"GET", rec, nil}, {"GET", rec + "/record.pdf", nil}, {"GET", rec + "/edit/situation", nil}, {"POST", rec + "/edit/situation", steal},
		{"GET", rec + "/edit/tests", nil}, {"POST", rec + "/edit/rights", url.Values{"rights": {"A3"}}},
		{"POST", rec + "/decide", nil}, {"GET", rec + "/review", nil},
		{"POST", rec + "/review", url.Values{"note": {"x"}, "outcome": {"end"}}},
	}
	staffPages := []route{{"GET", "/decisions", nil}, {"GET", "/decisions/new", nil}}
	leadPages := []route{{"GET", "/decisions/indicators", nil}, {"GET", "/decisions/services", nil},
		{"POST", "/decisions/services", url.Values{"name": {"Intruder Ward"}}}}
	create := route{"POST", "/decisions", url.Values{"service": {fmt.Sprint(e.wardA.ID)}, "proposal": {"Made from outside"}}}

	call := func(c *client, r route) resp {
		if r.method == "POST" {
			return c.post(r.path, r.form)
		}
		return c.get(r.path)
	}
	expect := func(who string, c *client, rs []route, want int) {
		t.Helper()
		for _, r := range rs {
			got := call(c, r)
			ok := got.status == want
			if want == http.StatusSeeOther {
				ok = ok && strings.HasPrefix(got.location, "/sign-in")
			}
			if !ok {
				t.Errorf("%s %s %s: status %d (location %q), want %d", who, r.method, r.path, got.status, got.location, want)
			}
			if strings.Contains(got.body, "Trust A secret plan") {
				t.Errorf("%s %s %s shows trust A's decision", who, r.method, r.path)
			}
		}
	}
	all := append(append(append(append([]route{}, onRecord...), staffPages...), leadPages...), create)
	expect("visitor", e.client(), all, http.StatusSeeOther)
	staffB := e.client().signIn("staffB")
	expect("staffB", staffB, onRecord, http.StatusNotFound)
	expect("staffB", staffB, staffPages, http.StatusOK)
	expect("staffB", staffB, leadPages, http.StatusForbidden)
	// B's staff cannot file a decision under A's service.
	if r := call(staffB, create); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Select a service of your organisation") {
		t.Errorf("staffB creating in A's service: %d", r.status)
	}
	adminB := e.client().signIn("adminB")
	expect("adminB", adminB, append(append([]route{}, onRecord...), staffPages...), http.StatusForbidden)
	expect("adminB", adminB, leadPages[:2], http.StatusOK)
	// An admin who is not staff or lead in A does not read A's decisions.
	adminA := e.client().signIn("adminA")
	expect("adminA", adminA, onRecord, http.StatusForbidden)
	// Staff in A use the record but not the lead pages.
	staffA := e.client().signIn("staffA")
	expect("staffA", staffA, leadPages, http.StatusForbidden)
	if r := staffA.get(rec); r.status != http.StatusOK || !strings.Contains(r.body, "Trust A secret plan") {
		t.Fatalf("staffA reads the record: %d", r.status)
	}
	// B's lists never show A's decisions or services.
	for _, p := range []string{"/decisions", "/decisions/services"} {
		if r := adminB.get(p); strings.Contains(r.body, "Willow Ward") || strings.Contains(r.body, "secret plan") {
			t.Errorf("adminB's %s shows trust A's data", p)
		}
	}
	// Nothing changed in A, and B gained no decision or service from it.
	got, err := e.svc.Decisions.FindDecision(e.ctxA(), d.ID)
	if err != nil || got.Reasoning.Proposal != "Trust A secret plan" || got.Status != lightbulb.StatusDraft || len(got.Reasoning.Rights) != 0 {
		t.Fatalf("trust A's decision changed: %+v %v", got, err)
	}
	ss, _ := e.svc.Decisions.FindServices(e.ctxA())
	for _, s := range ss {
		if s.Name == "Intruder Ward" {
			t.Fatal("a service was added to trust A from outside")
		}
	}
}
