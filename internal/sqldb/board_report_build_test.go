package sqldb_test

import (
	"context"
	"errors"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestBoardReportBuildJob: issuing a report queues its files' job in the
// same transaction; a build that fails is recorded with its reason, and
// the lead's try again builds it; the job writes its progress as it goes;
// the files kept are served unchanged later, and B never reaches them.
func TestBoardReportBuildJob(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newDecisionFixture(t, db)
		bs := sqldb.NewBoardReportService(db)
		last := lightbulb.LastEndedMonth(lightbulb.Now())
		r := &lightbulb.BoardReport{Title: "Board, quarter 3", From: lightbulb.AddMonths(last, -2), To: last, Lang: "en",
			Items: []lightbulb.BoardReportItem{{Indicator: "cases.reviewed"}, {Indicator: "decisions.blanket"}}}
		if err := bs.CreateBoardReport(f.ctxA, r); err != nil {
			t.Fatal(err)
		}
		if err := bs.BuildBoardReportAgain(f.ctxA, r.ID); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("building a draft's files: %v", err)
		}
		var seen []lightbulb.BoardReportBuild
		fail := true
		build := func(ctx context.Context, org string, rep *lightbulb.BoardReport, progress func(done, total int) error) (*lightbulb.BoardReportFiles, error) {
			for i := range rep.Items {
				if err := progress(i+1, len(rep.Items)); err != nil {
					return nil, err
				}
				now, err := bs.FindBoardReport(ctx, rep.ID)
				if err != nil {
					return nil, err
				}
				seen = append(seen, now.Build)
			}
			if fail {
				return nil, errors.New("chart 2 would not draw")
			}
			return &lightbulb.BoardReportFiles{PDF: []byte("%PDF " + org + " " + rep.Title), CSV: []byte("Indicator,Key\n")}, nil
		}
		q := jobs.NewQueue(db.Writer(), string(db.Dialect))
		bs.RegisterJobs(q, build)
		if err := bs.IssueBoardReport(f.ctxA, r.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := bs.FindBoardReport(f.ctxA, r.ID); got.Build.State != lightbulb.BuildQueued {
			t.Fatalf("issued report's files: %+v", got.Build)
		}
		if _, err := bs.BoardReportFiles(f.ctxA, r.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("files before the job ran: %v", err)
		}
		runJobs(t, q)
		got, _ := bs.FindBoardReport(f.ctxA, r.ID)
		if got.Build.State != lightbulb.BuildFailed || got.Build.Error != "chart 2 would not draw" {
			t.Fatalf("a failing build is not recorded: %+v", got.Build)
		}
		if len(seen) != 2 || seen[0] != (lightbulb.BoardReportBuild{State: lightbulb.BuildBuilding, Done: 1, Total: 2}) || seen[1].Done != 2 {
			t.Fatalf("progress seen while building: %+v", seen)
		}
		if err := bs.BuildBoardReportAgain(f.ctxB, r.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("B tries A's build again: %v", err)
		}
		fail = false
		if err := bs.BuildBoardReportAgain(f.ctxA, r.ID); err != nil {
			t.Fatal(err)
		}
		runJobs(t, q)
		got, _ = bs.FindBoardReport(f.ctxA, r.ID)
		if got.Build != (lightbulb.BoardReportBuild{State: lightbulb.BuildReady, Done: 2, Total: 2}) {
			t.Fatalf("after trying again: %+v", got.Build)
		}
		files, err := bs.BoardReportFiles(f.ctxA, r.ID)
		if err != nil || string(files.PDF) != "%PDF Org trust-a Board, quarter 3" || string(files.CSV) != "Indicator,Key\n" {
			t.Fatalf("files kept: %q %q %v", files.PDF, files.CSV, err)
		}
		if _, err := bs.BoardReportFiles(f.ctxB, r.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("B reads A's files: %v", err)
		}
		// A ready report is not built again: the paper stays as built.
		if err := bs.BuildBoardReportAgain(f.ctxA, r.ID); err != nil {
			t.Fatal(err)
		}
		if n := runJobs(t, q); n != 0 {
			t.Fatalf("a ready report queued %d builds", n)
		}
	})
}

// runJobs runs every due job and returns how many ran.
func runJobs(t *testing.T, q *jobs.Queue) int {
	t.Helper()
	n, err := q.RunDue(context.Background(), 50)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
