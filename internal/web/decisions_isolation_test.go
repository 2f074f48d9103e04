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
		{"POST", rec + "/decide", nil}, {"GET", rec + "/review", nil}, {"GET", rec + "/discard", nil}, {"POST", rec + "/discard", nil},
		{"POST", rec + "/review", url.Values{"note": {"x"}, "outcome": {"end"}}},
	}
	staffPages := []route{{"GET", "/decisions", nil}, {"GET", "/decisions/new", nil}}
	leadPages := []route{{"GET", "/decisions/indicators", nil}, {"GET", "/units", nil},
		{"POST", "/units", url.Values{"name": {"Intruder Ward"}}}}
	create := route{"POST", "/decisions", url.Values{"service": {fmt.Sprint(e.wardA.ID)}, "proposal": {"Made from outside"}}}

	all := append(append(append(append([]route{}, onRecord...), staffPages...), leadPages...), create)
	expectRoutes(t, "visitor", e.client(), all, http.StatusSeeOther, "Trust A secret plan")
	staffB := e.client().signIn("staffB")
	expectRoutes(t, "staffB", staffB, onRecord, http.StatusNotFound, "Trust A secret plan")
	expectRoutes(t, "staffB", staffB, staffPages, http.StatusOK, "Trust A secret plan")
	expectRoutes(t, "staffB", staffB, leadPages, http.StatusForbidden, "Trust A secret plan")
	// B's staff cannot file a decision under A's service.
	if r := staffB.call(create); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Select a service of your organisation") {
		t.Errorf("staffB creating in A's service: %d", r.status)
	}
	adminB := e.client().signIn("adminB")
	expectRoutes(t, "adminB", adminB, append(append([]route{}, onRecord...), staffPages...), http.StatusForbidden, "Trust A secret plan")
	expectRoutes(t, "adminB", adminB, leadPages[:2], http.StatusOK, "Trust A secret plan")
	// An admin who is not staff or lead in A does not read A's decisions.
	adminA := e.client().signIn("adminA")
	expectRoutes(t, "adminA", adminA, onRecord, http.StatusForbidden, "Trust A secret plan")
	// Staff in A use the record but not the lead pages.
	staffA := e.client().signIn("staffA")
	expectRoutes(t, "staffA", staffA, leadPages, http.StatusForbidden, "Trust A secret plan")
	if r := staffA.get(rec); r.status != http.StatusOK || !strings.Contains(r.body, "Trust A secret plan") {
		t.Fatalf("staffA reads the record: %d", r.status)
	}
	// B's lists never show A's decisions or services.
	for _, p := range []string{"/decisions", "/units"} {
		if r := adminB.get(p); strings.Contains(r.body, "Willow Ward") || strings.Contains(r.body, "secret plan") {
			t.Errorf("adminB's %s shows trust A's data", p)
		}
	}
	// Nothing changed in A, and B gained no decision or service from it.
	got, err := e.svc.Decisions.FindDecision(e.ctxA(), d.ID)
	if err != nil || got.Reasoning.Proposal != "Trust A secret plan" || got.Status != lightbulb.StatusDraft || len(got.Reasoning.Rights) != 0 {
		t.Fatalf("trust A's decision changed: %+v %v", got, err)
	}
	ss, _ := e.svc.Units.FindUnits(e.ctxA())
	for _, s := range ss {
		if s.Name == "Intruder Ward" {
			t.Fatal("a service was added to trust A from outside")
		}
	}
}
