package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// TestCaseIsolation tries every casework route as a visitor, as council B's
// staff and admin against trust A's case and upload, as an admin of A
// without a staff role, and as staff on the lead pages; then checks that
// nothing of A's changed and B gained nothing from it.
func TestCaseIsolation(t *testing.T) {
	e := newCaseEnv(t)
	c := e.newCase(t, "A-SECRET", "Trust A secret visiting complaint")
	token, err := e.svc.Cases.PutCaseUpload(e.ctxA(), "a.csv", []byte(caseCSV))
	if err != nil {
		t.Fatal(err)
	}
	rec := fmt.Sprintf("/cases/%d", c.ID)
	cols := "/cases/import/columns?upload=" + token
	mapping := url.Values{"map-source_ref": {"Ref"}, "map-type": {"Record type"}, "map-received": {"Date reported"},
		"map-service": {"Location"}, "map-summary": {"Description"}, "action": {"import"}}
	onRecord := []route{{"GET", rec, nil}, {"POST", rec + "/review", url.Values{"verdict-A8": {"rejected"}, "verdict-A3": {"rejected"}}},
		{"POST", rec + "/status", url.Values{"status": {"closed"}}},
		{"POST", rec + "/assessment", url.Values{"finding": {"none"}}}}
	onUpload := []route{{"GET", cols, nil}, {"POST", cols, mapping}, {"GET", "/cases/import/progress?upload=" + token, nil}}
	staffPages := []route{{"GET", "/cases", nil}, {"GET", "/cases/new", nil}}
	period := "?from=2026-03&to=2026-03&type=complaint"
	leadPages := []route{{"GET", "/cases/indicators", nil}, {"GET", "/cases/indicators?format=csv", nil}, {"GET", "/cases/import", nil},
		{"GET", "/cases/assess" + period, nil}, {"GET", "/cases/assessment-report" + period, nil}, {"GET", "/cases/assessment-report" + period + "&format=csv", nil},
		{"GET", "/cases/assessment-report" + period + "&format=pdf", nil}}
	create := route{"POST", "/cases", caseForm("B-1", "Made from outside", e.wardA.ID)}
	// Assessing a period names A's case; from B it is not among B's cases.
	assess := route{"POST", "/cases/assess" + period, url.Values{fmt.Sprintf("case-%d", c.ID): {"1"}, fmt.Sprintf("finding-%d", c.ID): {"none"}}}

	all := append(append(append(append(append([]route{}, onRecord...), onUpload...), staffPages...), leadPages...), create, assess)
	expectRoutes(t, "visitor", e.client(), all, http.StatusSeeOther, "secret visiting", "Willow Ward")
	if r := caseUpload(t, e.client(), "x.csv", []byte(caseCSV)); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/sign-in") {
		t.Errorf("visitor upload: %d %q", r.status, r.location)
	}
	staffB := e.client().signIn("staffB")
	expectRoutes(t, "staffB", staffB, onRecord, http.StatusNotFound, "secret visiting", "Willow Ward")
	expectRoutes(t, "staffB", staffB, staffPages, http.StatusOK, "secret visiting", "Willow Ward")
	expectRoutes(t, "staffB", staffB, append(append([]route{}, leadPages...), onUpload...), http.StatusForbidden, "secret visiting", "Willow Ward")
	if r := staffB.call(create); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Select a service of your organisation") {
		t.Errorf("staffB creating in A's service: %d", r.status)
	}
	adminB := e.client().signIn("adminB")
	expectRoutes(t, "adminB", adminB, append(append([]route{}, onRecord...), staffPages...), http.StatusForbidden, "secret visiting", "Willow Ward")
	expectRoutes(t, "adminB", adminB, onUpload, http.StatusNotFound, "secret visiting", "Willow Ward")
	expectRoutes(t, "adminB", adminB, leadPages, http.StatusOK, "secret visiting", "Willow Ward")
	expectRoutes(t, "adminB", adminB, []route{assess}, http.StatusUnprocessableEntity, "secret visiting", "Willow Ward", "A-SECRET")
	expectRoutes(t, "staffB", staffB, []route{assess}, http.StatusForbidden, "secret visiting")
	adminA := e.client().signIn("adminA")
	expectRoutes(t, "adminA", adminA, onRecord, http.StatusForbidden, "secret visiting", "Willow Ward")
	staffA := e.client().signIn("staffA")
	expectRoutes(t, "staffA", staffA, append(append([]route{}, leadPages...), onUpload...), http.StatusForbidden, "secret visiting", "Willow Ward")
	if r := staffA.get(rec); r.status != http.StatusOK || !strings.Contains(r.body, "secret visiting") {
		t.Fatalf("staffA reads the case: %d", r.status)
	}
	// B's lists and indicators never count A's case.
	for _, p := range []string{"/cases", "/cases/indicators", "/cases/indicators?format=csv"} {
		cl := staffB
		if strings.HasPrefix(p, "/cases/indicators") {
			cl = adminB
		}
		if r := cl.get(p); strings.Contains(r.body, "A-SECRET") || strings.Contains(r.body, "cases,,,1") || strings.Contains(r.body, "0 of 1") {
			t.Errorf("B's %s shows trust A's case", p)
		}
	}
	got, err := e.svc.Cases.FindCase(e.ctxA(), c.ID)
	if err != nil || got.Status != "open" || got.Reviewed || got.Summary != "Trust A secret visiting complaint" {
		t.Fatalf("trust A's case changed: %+v %v", got, err)
	}
	if a, err := e.svc.Cases.CaseAssessment(e.ctxA(), c.ID); a != nil || err != nil {
		t.Fatalf("trust A's case was assessed from outside: %+v %v", a, err)
	}
	p, _ := e.svc.Cases.FindCases(e.ctxA(), lightbulb.CaseFilter{})
	if len(p.Cases) != 1 {
		t.Fatalf("trust A has %d cases, want 1: an import or create got through", len(p.Cases))
	}
}
