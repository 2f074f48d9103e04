package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// pals adds a PALS contact received on day.
func (e *caseEnv) pals(t *testing.T, ref, day, summary string) *lightbulb.Case {
	t.Helper()
	c := &lightbulb.Case{Type: lightbulb.CasePALS, SourceRef: ref, Received: day, ServiceID: e.wardA.ID, Summary: summary}
	if err := e.svc.Cases.CreateCase(e.ctxA(), c); err != nil {
		t.Fatal(err)
	}
	return c
}

// A reviewer assesses one case on its record: a finding without its
// severity is refused naming the question, and what was typed is kept.
func TestCaseAssessmentOnTheRecord(t *testing.T) {
	e := newCaseEnv(t)
	c := e.newCase(t, "C-7", "Visiting stopped for everyone on the ward")
	staff := e.client().signIn("staffA")
	rec := fmt.Sprintf("/cases/%d", c.ID)
	mustContain(t, staff.get(rec), "Human rights impact assessment", "Not assessed yet", `name="finding"`)
	f := url.Values{"finding": {"breached"}, "scope": {"everyone"}, "rights": {"A8"}, "action_taken": {"Visiting restored the same day"}}
	r := staff.post(rec+"/assessment", f)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("no severity: %d", r.status)
	}
	mustContain(t, r, "There is a problem", `href="#severity"`, "Select how severe it was", "Visiting restored the same day")
	f.Set("severity", "high")
	f.Set("learning", "Rules for the whole ward need a decision record")
	if r := staff.post(rec+"/assessment", f); r.status != http.StatusSeeOther {
		t.Fatalf("assess: %d %s", r.status, text(r.body))
	}
	mustContain(t, staff.get(rec), "Assessed by", "Rules for the whole ward need a decision record", `value="high" checked`)
	a, err := e.svc.Cases.CaseAssessment(e.ctxA(), c.ID)
	if err != nil || a == nil || a.Scope != lightbulb.ScopeEveryone || a.Severity != "high" {
		t.Fatalf("stored %+v, %v", a, err)
	}
}

// A lead assesses November's PALS contacts in one pass, skips one, fixes a
// mistake the page names by case, and reads the report as a page, a CSV and
// a PDF, in English and Welsh.
func TestCaseAssessmentPassAndReport(t *testing.T) {
	e := newCaseEnv(t)
	p1 := e.pals(t, "P-1", "2026-11-03", "Visiting stopped for a week")
	p2 := e.pals(t, "P-2", "2026-11-12", "Meals left cold")
	p3 := e.pals(t, "P-3", "2026-11-28", "Asked about parking")
	e.pals(t, "P-4", "2026-12-02", "Visiting again")
	lead := e.client().signIn("leadA")
	page := lead.get("/cases/assess?from=2026-11&to=2026-11&type=pals")
	mustContain(t, page, "Assess a period’s cases", "Case P-1", "Case P-3", "November 2026", fmt.Sprintf(`name="finding-%d"`, p2.ID))
	if strings.Contains(page.body, "Case P-4") {
		t.Error("December's contact is in November's pass")
	}
	sfx := func(c *lightbulb.Case, k string) string { return fmt.Sprintf("%s-%d", k, c.ID) }
	f := url.Values{sfx(p1, "case"): {"1"}, sfx(p2, "case"): {"1"}, sfx(p3, "case"): {"1"},
		sfx(p1, "finding"): {"at_risk"}, sfx(p1, "severity"): {"moderate"}, sfx(p1, "scope"): {"person"}, sfx(p1, "rights"): {"A8"},
		sfx(p1, "action_taken"): {"Visits restored"}, sfx(p1, "learning"): {"Check visiting rules with the family"},
		sfx(p2, "finding"): {"breached"}, sfx(p2, "severity"): {"low"}, sfx(p2, "scope"): {"group"},
		sfx(p2, "action_taken"): {"Meals reheated; kitchen told"}}
	r := lead.post("/cases/assess?from=2026-11&to=2026-11&type=pals", f)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a case without rights: %d", r.status)
	}
	mustContain(t, r, "Case P-2: Select the rights at risk or breached", fmt.Sprintf(`href="#rights-%d"`, p2.ID), "Check visiting rules with the family")
	if a, _ := e.svc.Cases.CaseAssessment(e.ctxA(), p1.ID); a != nil {
		t.Fatal("P-1 was saved although P-2 was wrong")
	}
	f.Set(sfx(p2, "rights"), "A8")
	r = lead.post("/cases/assess?from=2026-11&to=2026-11&type=pals", f)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/cases/assessment-report?") {
		t.Fatalf("save the pass: %d %q %s", r.status, r.location, text(r.body))
	}
	rep := lead.get(r.location)
	mustContain(t, rep, "Assessments saved: 2", "Human rights impact assessment", "PALS concern", "November 2026",
		"Check visiting rules with the family", "Meals reheated; kitchen told", "Rights at risk or breached", `id="assessed-rights-chart-title"`, "Assess the rest")
	csv := lead.get(r.location + "&format=csv")
	if !strings.HasPrefix(csv.header.Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV: %s", csv.header.Get("Content-Type"))
	}
	mustContain(t, csv, "Reference,Date received", "P-1,2026-11-03,Willow Ward,PALS concern,A right was at risk,Moderate severity,One person,A8")
	pdf := lead.get(r.location + "&format=pdf")
	if pdf.header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf.body, "%PDF") {
		t.Fatalf("PDF: %s", pdf.header.Get("Content-Type"))
	}
	cy := lead.get(r.location+"&format=csv", "Accept-Language", "cy")
	mustContain(t, cy, "Cyfeirnod", "Pryder PALS")
	mustContain(t, lead.get(r.location, "Accept-Language", "cy"), "Asesiad o effaith ar hawliau dynol", "Tachwedd 2026")
}
