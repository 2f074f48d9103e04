package web_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/web"
)

// TestReportFilesBuiltByAJob: an issued report's page shows its files
// queued, then building with progress (in English and Welsh), then failed
// with the reason and a try again, then ready with the downloads; the page
// asks itself again only while building, announced politely; the files
// served are the bytes built, unchanged by a later change of target.
func TestReportFilesBuiltByAJob(t *testing.T) {
	e := newIndicatorEnv(t)
	q := e.svc.Jobs.(*jobs.Queue)
	fail := true
	build := web.BoardReportBuilder(e.svc.Indicators)
	sqldb.NewBoardReportService(e.db).RegisterJobs(q, func(ctx context.Context, org string, rep *lightbulb.BoardReport, progress func(int, int) error) (*lightbulb.BoardReportFiles, error) {
		if fail {
			return nil, errors.New("the chart could not be drawn")
		}
		return build(ctx, org, rep, progress)
	})
	run := func() {
		if _, err := q.RunDue(context.Background(), 10); err != nil {
			t.Fatal(err)
		}
	}
	lead := e.client().signIn("leadA")
	r := lead.post("/reports", reportForm(e, "Board, quarter 3"))
	var id int64
	if _, err := fmt.Sscanf(r.location, "/reports/%d/edit", &id); err != nil {
		t.Fatalf("create: %d %q", r.status, r.location)
	}
	rep := fmt.Sprintf("/reports/%d", id)
	if r := lead.post(rep+"/issue", nil); r.status != http.StatusSeeOther {
		t.Fatalf("issue: %d", r.status)
	}
	page := func(wants ...string) string {
		t.Helper()
		body := lead.get(rep).body
		for _, want := range wants {
			if !strings.Contains(body, want) {
				t.Errorf("report page lacks %q", want)
			}
		}
		return body
	}
	body := page("Its PDF and CSV are being built.", `role="status"`, "The report&#39;s PDF and CSV are queued to be built.",
		`hx-trigger="every 2s"`, `<a class="govuk-link" href="`+rep+`">Check again</a>`)
	if strings.Contains(body, rep+"/report.pdf") {
		t.Errorf("the queued report offers its PDF")
	}
	if r := lead.get(rep + "/report.pdf"); r.status != http.StatusSeeOther || r.location != rep {
		t.Errorf("the PDF before it is built: %d %q", r.status, r.location)
	}
	if _, err := e.db.Writer().Exec(`UPDATE board_reports SET build_state = 'building', build_done = 3, build_total = 12 WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	page("Building the report&#39;s PDF and CSV: reading indicator 4 of 12.", `hx-trigger="every 2s"`)
	if body := e.client().signIn("leadA").welsh().get(rep).body; !strings.Contains(body, "yn darllen dangosydd 4 o 12") {
		t.Errorf("the Welsh page does not show the progress")
	}
	if _, err := e.db.Writer().Exec(`UPDATE board_reports SET build_state = 'queued' WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	run()
	body = page("The report&#39;s PDF and CSV could not be built.", "the chart could not be drawn", `action="`+rep+`/build"`, "Try again")
	if strings.Contains(body, "hx-trigger") {
		t.Errorf("a failed build still asks the page again")
	}
	fail = false
	if r := lead.post(rep+"/build", nil); r.status != http.StatusSeeOther {
		t.Fatalf("try again: %d", r.status)
	}
	page("queued to be built")
	run()
	body = page(rep+"/report.pdf", rep+"/report.csv")
	if strings.Contains(body, "hx-trigger") || strings.Contains(body, "Try again") {
		t.Errorf("a ready report still polls or offers to try again")
	}
	pdf := lead.get(rep + "/report.pdf").body
	if !strings.HasPrefix(pdf, "%PDF") || len(pdf) < 2000 {
		t.Fatalf("PDF: %.20q (%d bytes)", pdf, len(pdf))
	}
	csv := lead.get(rep + "/report.csv").body
	if !strings.HasPrefix(csv, "Indicator,Key,Month") || !strings.Contains(csv, "cases.reviewed,"+e.month) {
		t.Errorf("CSV: %.120q", csv)
	}
	// A target set after issue changes today's reading, not the paper kept.
	if r := lead.post("/indicators/cases.reviewed/target", url.Values{"target": {"95"}}); r.status != http.StatusSeeOther {
		t.Fatalf("set target: %d", r.status)
	}
	if again := lead.get(rep + "/report.pdf").body; again != pdf {
		t.Errorf("the issued PDF changed after a target was set")
	}
	if again := lead.get(rep + "/report.csv").body; again != csv {
		t.Errorf("the issued CSV changed after a target was set")
	}
	if audit := lead.get("/admin/audit").body; !strings.Contains(audit, "Asked for a board report&#39;s files to be built again") {
		t.Errorf("trying again is not in the audit log")
	}
}
