package sqldb_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// The case indicators come from stored counts, and they and the list's
// pages are kept in each process until the organisation's cases change.
// After every kind of change (imports, reviews, verdicts taken back, cases
// moved, status, erasure, deletes, a renamed ward) they must equal the
// indicators worked out from the cases themselves and the pages read
// afresh, in this process and in another that had them kept.
func TestCaseIndicatorsFromCountsFollowEveryChange(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f, cs := newCaseFixture(t, db)
		other := sqldb.NewCaseService(db, caseSuggest) // another process's view
		wardB := &lightbulb.Unit{Name: "Ward 2"}
		if err := f.units.CreateUnit(f.ctxA, wardB); err != nil {
			t.Fatal(err)
		}
		filters := []lightbulb.CaseFilter{{}, {ServiceID: f.wardA.ID}, {ServiceID: wardB.ID}, {Type: lightbulb.CaseIncident},
			{Type: lightbulb.CaseComplaint}, {From: "2026-02-01", To: "2026-02-28"}, {From: "2025-12-01", To: "2026-01-31", ServiceID: wardB.ID}}
		check := func(step string) {
			t.Helper()
			for _, fl := range filters {
				want, err := cs.CaseIndicatorsFromCases(f.ctxA, fl)
				if err != nil {
					t.Fatal(err)
				}
				for name, svc := range map[string]*sqldb.CaseService{"this process": cs, "another process": other} {
					got, err := svc.CaseIndicators(f.ctxA, fl)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(got, want) {
						t.Errorf("%s, %s, filter %+v:\n got %+v\nwant %+v", step, name, fl, got, want)
					}
				}
			}
			if got, _ := cs.CaseIndicators(f.ctxB, lightbulb.CaseFilter{}); got.Total != 0 || len(got.TopRights) != 0 {
				t.Errorf("%s: B counts A's cases: %+v", step, got)
			}
			checkPages(t, step, f.ctxA, cs, other, []lightbulb.CaseFilter{{}, {ServiceID: wardB.ID}, {Status: "closed"},
				{Reviewed: "yes"}, {Type: lightbulb.CaseComplaint}, {Limit: 5}})
			if got, _ := cs.FindCases(f.ctxB, lightbulb.CaseFilter{}); len(got.Cases) != 0 {
				t.Errorf("%s: B lists A's cases", step)
			}
		}
		check("empty")

		if _, err := cs.ImportCases(f.ctxA, caseBatch(f.wardA.ID, 60, "Visiting refused"), true); err != nil {
			t.Fatal(err)
		}
		reviewer := sqldbtest.MustUser(t, db, "reviewer@a.test", nil)
		named := &lightbulb.Case{Type: lightbulb.CasePALS, SourceRef: "P-1", Received: "2026-03-30", ServiceID: wardB.ID,
			Summary: "Asked for " + reviewer.Name + " by name", Status: "open"}
		if _, err := cs.ImportCases(f.ctxA, []*lightbulb.Case{named}, false); err != nil {
			t.Fatal(err)
		}
		c := &lightbulb.Case{Type: lightbulb.CaseComplaint, SourceRef: "C-1", Received: "2026-02-10", ServiceID: wardB.ID,
			Summary: "Visiting stopped for a week"}
		if err := cs.CreateCase(f.ctxA, c); err != nil {
			t.Fatal(err)
		}
		check("imported and recorded")

		page, err := cs.FindCases(f.ctxA, lightbulb.CaseFilter{Limit: 12})
		if err != nil {
			t.Fatal(err)
		}
		for i, x := range page.Cases {
			rv := lightbulb.CaseReview{Verdicts: map[string]string{"A8": "confirmed"}}
			if i%4 == 1 {
				rv.Verdicts["A8"] = "rejected"
			}
			if i%3 == 0 {
				rv.Added = []string{"A3", "A14"}
			}
			if _, err := cs.ReviewCase(f.ctxA, x.ID, rv); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := cs.ReviewCase(f.ctxA, c.ID, lightbulb.CaseReview{Verdicts: map[string]string{"A8": "confirmed"}, Added: []string{"A5"}}); err != nil {
			t.Fatal(err)
		}
		check("reviewed")
		if ci, _ := cs.CaseIndicators(f.ctxA, lightbulb.CaseFilter{}); len(ci.TopRights) < 3 || ci.Reviewed != 13 {
			t.Fatalf("reviews not counted: %+v", ci)
		}

		// Verdicts taken back: A8 rejected, an added right removed.
		again := page.Cases[0]
		if _, err := cs.ReviewCase(f.ctxA, again.ID, lightbulb.CaseReview{Verdicts: map[string]string{"A8": "rejected", "A3": "confirmed", "A14": "rejected"}}); err != nil {
			t.Fatal(err)
		}
		check("verdicts taken back")

		// A re-import moves reviewed cases to another ward, month and type.
		moved := caseBatch(f.wardA.ID, 60, "Visiting refused")
		imported := slices.DeleteFunc(slices.Clone(page.Cases), func(c *lightbulb.Case) bool { return !strings.HasPrefix(c.SourceRef, "IN-") })
		for i, x := range imported[:6] {
			m := moved[slices.IndexFunc(moved, func(m *lightbulb.Case) bool { return m.SourceRef == x.SourceRef })]
			m.ServiceID, m.Received = wardB.ID, fmt.Sprintf("2025-12-%02d", i+1)
			if i%2 == 0 {
				m.Type, m.Harm = lightbulb.CaseComplaint, ""
			}
		}
		if _, err := cs.ImportCases(f.ctxA, moved, true); err != nil {
			t.Fatal(err)
		}
		check("moved by a re-import")

		if err := cs.SetCaseStatus(f.ctxA, c.ID, "closed"); err != nil {
			t.Fatal(err)
		}
		if _, err := sqldb.NewPrivacyService(db).ErasePerson(f.ctxA, lightbulb.Subject{UserID: lightbulb.ActorFrom(f.ctxA).UserID}); err != nil {
			t.Fatal(err)
		}
		if _, err := sqldb.NewPrivacyService(db).ErasePerson(f.ctxA, lightbulb.Subject{UserID: reviewer.ID}); err != nil {
			t.Fatal(err)
		}
		check("closed, reviewers erased")
		if p, _ := cs.FindCases(f.ctxA, lightbulb.CaseFilter{ServiceID: wardB.ID}); slices.ContainsFunc(p.Cases, func(c *lightbulb.Case) bool {
			return strings.Contains(c.Summary, reviewer.Name)
		}) {
			t.Errorf("a kept page still names the erased person")
		}

		// Deletes straight in the database: a reviewed case with its rights,
		// and one confirmed right of another case.
		if _, err := db.Writer().Exec(`DELETE FROM cases WHERE id = $1`, c.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Writer().Exec(`DELETE FROM case_rights WHERE case_id = $1 AND verdict = 'confirmed'`, page.Cases[3].ID); err != nil {
			t.Fatal(err)
		}
		check("deleted")

		if _, err := db.Writer().Exec(`UPDATE services SET name = 'Ward 2 (renamed)' WHERE id = $1`, wardB.ID); err != nil {
			t.Fatal(err)
		}
		check("ward renamed")
	})
}

// checkPages compares the pages of the list each service gives, the first
// and the second of each filter, with the pages read afresh.
func checkPages(t *testing.T, step string, ctx context.Context, cs, other *sqldb.CaseService, filters []lightbulb.CaseFilter) {
	t.Helper()
	for _, fl := range filters {
		for page := 0; page < 2; page++ {
			want, err := cs.FindCasesFresh(ctx, fl)
			if err != nil {
				t.Fatal(err)
			}
			for name, svc := range map[string]*sqldb.CaseService{"this process": cs, "another process": other} {
				got, err := svc.FindCases(ctx, fl)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s, %s, list %+v: got %d cases (next %q), want %d (next %q)", step, name, fl, len(got.Cases), got.Next, len(want.Cases), want.Next)
				}
			}
			if want.Next == "" {
				break
			}
			fl.After = want.Next
		}
	}
}
