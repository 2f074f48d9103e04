package sqldb_test

import (
	"fmt"
	"testing"
	"time"

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

// TestAssessedInTime: worked by hand. Cases received Fri 27 Feb, Mon 2 Mar,
// Tue 3 Mar and Wed 4 Mar 2026 are due 20 working days later: 27 Mar, 30
// Mar, 31 Mar and 1 Apr. March has the first three due: the first assessed
// on 20 March (in time), the second on 2 April (late), the third never: 1
// of 3. April has the fourth, not assessed: 0 of 1.
func TestAssessedInTime(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f, cs := newCaseFixture(t, db)
		var ids []int64
		for i, day := range []string{"2026-02-27", "2026-03-02", "2026-03-03", "2026-03-04"} {
			c := &lightbulb.Case{Type: lightbulb.CaseComplaint, SourceRef: fmt.Sprintf("T-%d", i), Received: day, ServiceID: f.wardA.ID, Summary: "Visiting stopped"}
			if err := cs.CreateCase(f.ctxA, c); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, c.ID)
		}
		assess := func(id int64, at time.Time) {
			setClock(t, at)
			if err := cs.SaveCaseAssessments(f.ctxA, []*lightbulb.CaseAssessment{{CaseID: id, Finding: lightbulb.FindingNone}}); err != nil {
				t.Fatal(err)
			}
		}
		assess(ids[0], time.Date(2026, 3, 20, 15, 0, 0, 0, time.UTC))
		assess(ids[1], time.Date(2026, 4, 2, 9, 0, 0, 0, time.UTC))
		setClock(t, time.Date(2026, 5, 1, 6, 0, 0, 0, time.UTC))
		is := sqldb.NewIndicatorService(db)
		if _, err := is.ComputeMonths(f.ctxA, "2026-03", "2026-04"); err != nil {
			t.Fatal(err)
		}
		if v, ok := orgValue(t, is, f.ctxA, "cases.assessed_in_time", "2026-03"); !ok || v.Numerator != 1 || v.Denominator != 3 {
			t.Fatalf("March: %+v %v", v, ok)
		}
		if v, ok := orgValue(t, is, f.ctxA, "cases.assessed_in_time", "2026-04"); !ok || v.Numerator != 0 || v.Denominator != 1 {
			t.Fatalf("April: %+v %v", v, ok)
		}
	})
}
