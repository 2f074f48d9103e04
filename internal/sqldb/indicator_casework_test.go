package sqldb_test

import (
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestCasesByRight: a month counts its cases with a right confirmed (each
// case once) and each right's cases as parts; a right only suggested or
// rejected does not count; B sees none of it.
func TestCasesByRight(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f, cs := newCaseFixture(t, db)
		is := sqldb.NewIndicatorService(db)
		confirmed := [][]string{{"A8", "A14"}, {"A8"}, {}, nil} // the last not reviewed
		for i, v := range confirmed {
			c := &lightbulb.Case{Type: lightbulb.CaseComplaint, SourceRef: string(rune('A' + i)), Received: "2026-03-0" + string(rune('1'+i)),
				ServiceID: f.wardA.ID, Summary: "Visiting stopped and staff spoke over her"}
			if err := cs.CreateCase(f.ctxA, c); err != nil {
				t.Fatal(err)
			}
			if v != nil {
				// Every suggestion rejected; the rights confirmed added.
				rv := lightbulb.CaseReview{Verdicts: map[string]string{}, Added: v}
				for _, r := range c.Rights {
					rv.Verdicts[r.Code] = "rejected"
				}
				if _, err := cs.ReviewCase(f.ctxA, c.ID, rv); err != nil {
					t.Fatal(err)
				}
			}
		}
		if _, err := is.ComputeMonths(f.ctxA, "2026-03", "2026-03"); err != nil {
			t.Fatal(err)
		}
		if v, ok := orgValue(t, is, f.ctxA, "cases.by_right", "2026-03"); !ok || v.Value != 2 {
			t.Fatalf("cases with a right: %+v %v", v, ok)
		}
		parts, err := is.IndicatorParts(f.ctxA, "cases.by_right", "2026-01", "2026-12")
		if err != nil || len(parts) != 2 || parts[0].Indicator != "cases.by_right/A14" || parts[0].Value != 1 ||
			parts[1].Indicator != "cases.by_right/A8" || parts[1].Value != 2 {
			t.Fatalf("parts: %+v %v", parts, err)
		}
		if vs, err := is.IndicatorValues(f.ctxA, []string{"cases.by_right"}, "2026-03", "2026-03", true); err != nil || len(vs) != 2 {
			t.Fatalf("the indicator's own values hold its parts: %+v %v", vs, err)
		}
		if parts, _ := is.IndicatorParts(f.ctxB, "cases.by_right", "2026-01", "2026-12"); len(parts) != 0 {
			t.Fatalf("B sees A's parts: %+v", parts)
		}
	})
}
