package sqldb_test

import (
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// A lead assesses a month's PALS contacts in one pass: all are stored or,
// if one is wrong, none; links must be the organisation's own; another
// organisation reads and writes none of them; the report counts them.
func TestCaseAssessments(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f, cs := newCaseFixture(t, db)
		mk := func(ref, typ, day, summary string) *lightbulb.Case {
			c := &lightbulb.Case{Type: lightbulb.CaseType(typ), SourceRef: ref, Received: day, ServiceID: f.wardA.ID, Summary: summary}
			if err := cs.CreateCase(f.ctxA, c); err != nil {
				t.Fatal(err)
			}
			return c
		}
		p1 := mk("P-1", "pals", "2026-11-03", "Visiting stopped for a week")
		p2 := mk("P-2", "pals", "2026-11-20", "Meals left cold")
		mk("P-3", "pals", "2026-12-01", "Visiting again")
		mk("C-1", "complaint", "2026-11-04", "Visiting refused")
		d := &lightbulb.Decision{ServiceID: f.wardA.ID, Reasoning: lightbulb.Reasoning{Proposal: "Visiting by booking"}}
		if err := f.svc.CreateDecision(f.ctxA, d); err != nil {
			t.Fatal(err)
		}
		nov := lightbulb.CaseFilter{Type: lightbulb.CasePALS, From: "2026-11-01", To: "2026-11-30"}
		got, err := cs.AssessedCases(f.ctxA, nov)
		if err != nil || len(got) != 2 || got[0].SourceRef != "P-1" || got[0].Assessment != nil || len(got[0].Rights) != 1 {
			t.Fatalf("November's PALS contacts: %d, %v", len(got), err)
		}
		good := &lightbulb.CaseAssessment{CaseID: p1.ID, Finding: lightbulb.FindingBreached, Severity: "high", Scope: lightbulb.ScopeEveryone,
			Rights: []string{"A8"}, ActionTaken: "Visiting restored the same day", Learning: "A ward rule stopped all visits", DecisionID: d.ID}
		bad := &lightbulb.CaseAssessment{CaseID: p2.ID, Finding: lightbulb.FindingAtRisk}
		if err := cs.SaveCaseAssessments(f.ctxA, []*lightbulb.CaseAssessment{good, bad}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("one wrong assessment: %v", err)
		}
		if a, _ := cs.CaseAssessment(f.ctxA, p1.ID); a != nil {
			t.Fatal("the good assessment was stored although the pass had a wrong one")
		}
		if err := cs.SaveCaseAssessments(f.ctxB, []*lightbulb.CaseAssessment{good}); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("B assesses A's case: %v", err)
		}
		other := *good
		other.DecisionID = 0
		other.ReviewActionID = 999
		if err := cs.SaveCaseAssessments(f.ctxA, []*lightbulb.CaseAssessment{&other}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("a link to no action of A's: %v", err)
		}
		bad.Finding = lightbulb.FindingNone
		bad.Severity = "high" // dropped: nothing was at risk
		if err := cs.SaveCaseAssessments(f.ctxA, []*lightbulb.CaseAssessment{good, bad}); err != nil {
			t.Fatal(err)
		}
		a, err := cs.CaseAssessment(f.ctxA, p1.ID)
		if err != nil || a.Finding != "breached" || a.Scope != lightbulb.ScopeEveryone || len(a.Rights) != 1 || a.Rights[0] != "A8" ||
			a.DecisionID != d.ID || a.AssessedBy != "Nurse A" {
			t.Fatalf("stored: %+v %v", a, err)
		}
		if a, _ := cs.CaseAssessment(f.ctxB, p1.ID); a != nil {
			t.Fatal("B reads A's assessment")
		}
		got, _ = cs.AssessedCases(f.ctxA, nov)
		rep := lightbulb.SummariseAssessments(got)
		if rep.Cases != 2 || rep.Assessed != 2 || rep.Engaged != 1 || rep.ByRight[0] != (lightbulb.Count{Key: "A8", Label: "A8", N: 1}) ||
			len(rep.Items) != 1 || rep.Items[0].Assessment.Learning != "A ward rule stopped all visits" {
			t.Fatalf("report: %+v", rep)
		}
		if got, _ := cs.AssessedCases(f.ctxB, nov); len(got) != 0 {
			t.Fatalf("B's period shows %d of A's cases", len(got))
		}
		// The linked decision, a draft, can still be discarded.
		if err := f.svc.DiscardDraft(f.ctxA, d.ID); err != nil {
			t.Fatal(err)
		}
		if a, _ := cs.CaseAssessment(f.ctxA, p1.ID); a.DecisionID != 0 {
			t.Fatalf("the assessment still links the discarded draft: %d", a.DecisionID)
		}
		links, err := cs.AssessmentLinks(f.ctxA)
		if err != nil || len(links) != 0 {
			t.Fatalf("links: %+v %v", links, err)
		}
	})
}
