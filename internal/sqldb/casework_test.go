package sqldb_test

import (
	"context"
	"fmt"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// caseSuggest suggests A8 for any summary about visiting, as a stand-in
// tagger whose output the test can predict.
func caseSuggest(text string) []lightbulb.CaseRight {
	if len(text) > 0 && text[0] == 'V' {
		return []lightbulb.CaseRight{{Code: "A8", Suggested: true, Score: 0.9, Strength: "strong", Because: []string{"visiting"}}}
	}
	return nil
}

func newCaseFixture(t *testing.T, db *sqldb.DB) (*decisionFixture, *sqldb.CaseService) {
	f := newDecisionFixture(t, db)
	return f, sqldb.NewCaseService(db, caseSuggest)
}

func TestCaseCreateFindReview(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f, cs := newCaseFixture(t, db)
		c := &lightbulb.Case{Type: lightbulb.CaseComplaint, SourceRef: "C-1", Received: "2026-03-02", ServiceID: f.wardA.ID,
			Summary: "Visiting stopped for a week", PersonRef: "P-7"}
		if err := cs.CreateCase(f.ctxA, c); err != nil {
			t.Fatal(err)
		}
		if err := cs.CreateCase(f.ctxA, &lightbulb.Case{Type: lightbulb.CaseComplaint, SourceRef: "C-1", Received: "2026-03-02",
			ServiceID: f.wardA.ID, Summary: "again"}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("duplicate reference: %v", err)
		}
		if err := cs.CreateCase(f.ctxB, &lightbulb.Case{Type: lightbulb.CaseComplaint, SourceRef: "B-1", Received: "2026-03-02",
			ServiceID: f.wardA.ID, Summary: "x"}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("B filing under A's service: %v", err)
		}
		got, err := cs.FindCase(f.ctxA, c.ID)
		if err != nil || len(got.Rights) != 1 || got.Rights[0].Code != "A8" || got.Rights[0].Because[0] != "visiting" || got.Rights[0].Strength != "strong" || got.Reviewed {
			t.Fatalf("find: %+v %v", got, err)
		}
		if _, err := cs.FindCase(f.ctxB, c.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("B reads A's case: %v", err)
		}
		if _, err := cs.ReviewCase(f.ctxA, c.ID, lightbulb.CaseReview{}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("review without verdicts: %v", err)
		}
		if _, err := cs.ReviewCase(f.ctxB, c.ID, lightbulb.CaseReview{Verdicts: map[string]string{"A8": "rejected"}}); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("B reviews A's case: %v", err)
		}
		got, err = cs.ReviewCase(f.ctxA, c.ID, lightbulb.CaseReview{Verdicts: map[string]string{"A8": "rejected"},
			Added: []string{"A3"}, Freda: []string{"dignity"}, Notes: "Seen"})
		if err != nil || !got.Reviewed || fmt.Sprint(got.Confirmed()) != "[A3]" || fmt.Sprint(got.Freda) != "[dignity]" || got.ReviewedBy != "Nurse A" {
			t.Fatalf("review: %+v %v", got, err)
		}
		labels, err := sqldb.NewCaseLabels(db).ConfirmedLabels(context.Background())
		if err != nil || len(labels) != 1 || fmt.Sprint(labels[0].Rights) != "[A3]" {
			t.Fatalf("labels: %+v %v", labels, err)
		}
		if err := cs.SetCaseStatus(f.ctxB, c.ID, "closed"); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("B closes A's case: %v", err)
		}
		if err := cs.SetCaseStatus(f.ctxA, c.ID, "closed"); err != nil {
			t.Fatal(err)
		}
	})
}

func caseBatch(svc int64, n int, summary string) []*lightbulb.Case {
	var out []*lightbulb.Case
	for i := range n {
		out = append(out, &lightbulb.Case{Type: lightbulb.CaseIncident, SourceRef: fmt.Sprintf("IN-%03d", i),
			Received: fmt.Sprintf("2026-%02d-%02d", i%3+1, i%28+1), ServiceID: svc, Summary: summary, Harm: "low", Status: "open"})
	}
	return out
}

func TestCaseImportUpsertPagesIndicators(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f, cs := newCaseFixture(t, db)
		res, err := cs.ImportCases(f.ctxA, caseBatch(f.wardA.ID, 120, "Visiting refused"), true)
		if err != nil || res.Created != 120 || res.Updated != 0 {
			t.Fatalf("first import: %+v %v", res, err)
		}
		res, err = cs.ImportCases(f.ctxA, caseBatch(f.wardA.ID, 130, "Visiting refused again"), true)
		if err != nil || res.Created != 10 || res.Updated != 120 {
			t.Fatalf("re-import: %+v %v", res, err)
		}
		if _, err := cs.ImportCases(f.ctxB, caseBatch(f.wardA.ID, 1, "x"), false); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("B imports into A's service: %v", err)
		}
		seen := map[int64]bool{}
		after := ""
		for {
			p, err := cs.FindCases(f.ctxA, lightbulb.CaseFilter{After: after, Limit: 50})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range p.Cases {
				if seen[c.ID] {
					t.Fatalf("case %d on two pages", c.ID)
				}
				seen[c.ID] = true
			}
			if p.Next == "" {
				break
			}
			after = p.Next
		}
		if len(seen) != 130 {
			t.Fatalf("pages held %d cases, want 130", len(seen))
		}
		if p, _ := cs.FindCases(f.ctxB, lightbulb.CaseFilter{}); len(p.Cases) != 0 {
			t.Fatalf("B lists A's cases")
		}
		p, _ := cs.FindCases(f.ctxA, lightbulb.CaseFilter{Right: "A8", From: "2026-02-01", To: "2026-02-28", Limit: 200})
		if len(p.Cases) != 43 {
			t.Fatalf("filtered: %d cases, want 43", len(p.Cases))
		}
		one := p.Cases[0]
		if _, err := cs.ReviewCase(f.ctxA, one.ID, lightbulb.CaseReview{Verdicts: map[string]string{"A8": "confirmed"}}); err != nil {
			t.Fatal(err)
		}
		ci, err := cs.CaseIndicators(f.ctxA, lightbulb.CaseFilter{})
		if err != nil || ci.Total != 130 || ci.Reviewed != 1 || len(ci.TopRights) != 1 || ci.TopRights[0].Key != "A8" ||
			len(ci.ByRightMonth) != 1 || ci.ByRightMonth[0].Month != "2026-02" || ci.ByHarm[1].N != 130 ||
			len(ci.ByServiceType) != 1 || ci.ByServiceType[0].N != 130 {
			t.Fatalf("indicators: %+v %v", ci, err)
		}
		if ci, _ := cs.CaseIndicators(f.ctxB, lightbulb.CaseFilter{}); ci.Total != 0 {
			t.Fatalf("B counts A's cases")
		}
		// A re-import keeps the reviewer's verdict.
		if _, err := cs.ImportCases(f.ctxA, caseBatch(f.wardA.ID, 130, "Visiting refused"), true); err != nil {
			t.Fatal(err)
		}
		got, _ := cs.FindCase(f.ctxA, one.ID)
		if fmt.Sprint(got.Confirmed()) != "[A8]" {
			t.Fatalf("verdict lost on re-import: %+v", got.Rights)
		}
		// The counts follow a case that changes type and month on re-import.
		moved := caseBatch(f.wardA.ID, 1, "Visiting refused")
		moved[0].Type, moved[0].Harm, moved[0].Received = lightbulb.CaseComplaint, "", "2025-12-01"
		if _, err := cs.ImportCases(f.ctxA, moved, false); err != nil {
			t.Fatal(err)
		}
		ci, _ = cs.CaseIndicators(f.ctxA, lightbulb.CaseFilter{})
		if ci.Total != 130 || len(ci.ByServiceType) != 2 || ci.ByHarm[1].N != 129 {
			t.Fatalf("counts after a change: %+v", ci)
		}
		ci, _ = cs.CaseIndicators(f.ctxA, lightbulb.CaseFilter{From: "2025-12-01", To: "2025-12-31"})
		if ci.Total != 1 || ci.ByServiceType[0].Month != "complaint" {
			t.Fatalf("counts of December: %+v", ci)
		}
	})
}

func TestCaseListFiltersTheCountsRuleOut(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f, cs := newCaseFixture(t, db)
		empty := &lightbulb.Unit{Name: "Empty ward"}
		if err := sqldb.NewUnitService(db).CreateUnit(f.ctxA, empty); err != nil {
			t.Fatal(err)
		}
		if _, err := cs.ImportCases(f.ctxA, caseBatch(f.wardA.ID, 30, "Visiting refused"), false); err != nil {
			t.Fatal(err)
		}
		old := &lightbulb.Unit{Name: "Old ward"}
		if err := sqldb.NewUnitService(db).CreateUnit(f.ctxA, old); err != nil {
			t.Fatal(err)
		}
		edges := caseBatch(old.ID, 2, "Call bell out of reach")
		edges[0].SourceRef, edges[0].Received = "OLD-1", "2025-01-01"
		edges[1].SourceRef, edges[1].Received = "OLD-2", "2025-03-31"
		if _, err := cs.ImportCases(f.ctxA, edges, false); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name string
			f    lightbulb.CaseFilter
			want int
		}{
			{"ward with cases", lightbulb.CaseFilter{ServiceID: f.wardA.ID}, 30},
			{"ward with none", lightbulb.CaseFilter{ServiceID: empty.ID}, 0},
			{"ward with cases on the first and last day of its months", lightbulb.CaseFilter{ServiceID: old.ID}, 2},
			{"same, from the last day", lightbulb.CaseFilter{ServiceID: old.ID, From: "2025-03-31"}, 1},
			{"type with none", lightbulb.CaseFilter{Type: lightbulb.CaseComplaint}, 0},
			{"type with some", lightbulb.CaseFilter{Type: lightbulb.CaseIncident, Limit: 200}, 32},
			{"none reviewed", lightbulb.CaseFilter{Reviewed: "yes"}, 0},
			{"none reviewed yet", lightbulb.CaseFilter{Reviewed: "no", ServiceID: f.wardA.ID}, 30},
			{"ward in a month with cases", lightbulb.CaseFilter{ServiceID: f.wardA.ID, From: "2026-02-15", To: "2026-02-20"}, 2},
			{"ward in a month without", lightbulb.CaseFilter{ServiceID: f.wardA.ID, From: "2026-05-01"}, 0},
			{"ward, status the counts do not know", lightbulb.CaseFilter{ServiceID: f.wardA.ID, Status: "closed"}, 0},
		} {
			p, err := cs.FindCases(f.ctxA, tc.f)
			if err != nil || len(p.Cases) != tc.want {
				t.Fatalf("%s: %d cases, want %d (%v)", tc.name, len(p.Cases), tc.want, err)
			}
		}
		if p, _ := cs.FindCases(f.ctxB, lightbulb.CaseFilter{ServiceID: f.wardA.ID}); len(p.Cases) != 0 {
			t.Fatalf("B lists A's ward")
		}
	})
}

func TestCaseImportManyStatementsMixNewAndKnown(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f, cs := newCaseFixture(t, db)
		if _, err := cs.ImportCases(f.ctxA, caseBatch(f.wardA.ID, 450, "Visiting refused"), false); err != nil {
			t.Fatal(err)
		}
		res, err := cs.ImportCases(f.ctxA, caseBatch(f.wardA.ID, 500, "Visiting refused again"), true)
		if err != nil || res.Created != 50 || res.Updated != 450 {
			t.Fatalf("re-import: %+v %v", res, err)
		}
		ci, err := cs.CaseIndicators(f.ctxA, lightbulb.CaseFilter{})
		if err != nil || ci.Total != 500 {
			t.Fatalf("indicators count %d cases, want 500 (%v)", ci.Total, err)
		}
		p, err := cs.FindCases(f.ctxA, lightbulb.CaseFilter{Limit: 200})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range p.Cases {
			full, err := cs.FindCase(f.ctxA, c.ID)
			if err != nil || full.Summary != "Visiting refused again" || len(full.Rights) == 0 {
				t.Fatalf("case %s: %q with %d rights (%v)", c.SourceRef, full.Summary, len(full.Rights), err)
			}
		}
	})
}
