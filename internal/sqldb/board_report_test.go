package sqldb_test

import (
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestBoardReports: a draft is checked, saved and changed; once issued it
// is kept as it is; another organisation never finds it; a month computed
// again after issue is reported.
func TestBoardReports(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newDecisionFixture(t, db)
		bs, is := sqldb.NewBoardReportService(db), sqldb.NewIndicatorService(db)
		last := lightbulb.LastEndedMonth(lightbulb.Now())
		bad := &lightbulb.BoardReport{Title: "Q", From: last, To: lightbulb.AddMonths(last, -2), Lang: "en",
			Items: []lightbulb.BoardReportItem{{Indicator: "nope"}}, KeyIssues: []string{"1", "2", "3", "4", "5", "6"}}
		err := bs.CreateBoardReport(f.ctxA, bad)
		v, ok := err.(*lightbulb.ValidationErrors)
		if !ok || len(v.List) != 3 {
			t.Fatalf("a report with a backwards period, an unknown indicator and six issues: %v", err)
		}
		r := &lightbulb.BoardReport{Title: "Board, quarter 3", From: lightbulb.AddMonths(last, -2), To: last, Lang: "cy",
			Purpose: "For assurance", KeyIssues: []string{" Reviews are up ", "", "Blanket rules\nremain"},
			Items: []lightbulb.BoardReportItem{{Indicator: "cases.reviewed"}, {Indicator: "decisions.blanket", TellsUs: "Steady"}}}
		if err := bs.CreateBoardReport(f.ctxA, r); err != nil {
			t.Fatal(err)
		}
		r.Items[0].Actions = "Weekly huddle"
		if err := bs.UpdateBoardReport(f.ctxA, r); err != nil {
			t.Fatal(err)
		}
		got, err := bs.FindBoardReport(f.ctxA, r.ID)
		if err != nil || got.Status != lightbulb.ReportDraft || len(got.KeyIssues) != 2 || got.KeyIssues[1] != "Blanket rules remain" ||
			len(got.Items) != 2 || got.Items[0].Actions != "Weekly huddle" || got.Items[1].TellsUs != "Steady" || got.CreatedBy != "Nurse A" {
			t.Fatalf("found %+v %v", got, err)
		}
		if _, err := bs.FindBoardReport(f.ctxB, r.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("B finds A's report: %v", err)
		}
		if err := bs.IssueBoardReport(f.ctxB, r.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("B issues A's report: %v", err)
		}
		if _, err := is.ComputeMonths(f.ctxA, last, last); err != nil {
			t.Fatal(err)
		}
		if err := bs.IssueBoardReport(f.ctxA, r.ID); err != nil {
			t.Fatal(err)
		}
		if err := bs.UpdateBoardReport(f.ctxA, r); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("changing an issued report: %v", err)
		}
		if err := bs.IssueBoardReport(f.ctxA, r.ID); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("issuing twice: %v", err)
		}
		got, _ = bs.FindBoardReport(f.ctxA, r.ID)
		if ms, err := is.RecomputedSince(f.ctxA, r.From, r.To, *got.IssuedAt); err != nil || len(ms) != 0 {
			t.Fatalf("recomputed before any recompute: %v %v", ms, err)
		}
		if err := is.RecomputeIndicators(f.ctxA, last, "Lead"); err != nil {
			t.Fatal(err)
		}
		if ms, _ := is.RecomputedSince(f.ctxA, r.From, r.To, *got.IssuedAt); len(ms) != 1 || ms[0] != last {
			t.Fatalf("recomputed since issue: %v", ms)
		}
		list, err := bs.FindBoardReports(f.ctxA)
		if err != nil || len(list) != 1 || list[0].Status != lightbulb.ReportIssued {
			t.Fatalf("list %+v %v", list, err)
		}
		if list, _ := bs.FindBoardReports(f.ctxB); len(list) != 0 {
			t.Fatalf("B lists A's reports")
		}
	})
}
