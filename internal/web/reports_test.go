package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestBoardReportJourney: a lead starts a report (a period that makes no
// sense is refused with an error summary), writes what each indicator
// tells us, reads it with its charts, downloads the PDF and the Welsh CSV,
// issues it, and finds it kept; every view and download is audited.
func TestBoardReportJourney(t *testing.T) {
	e := newIndicatorEnv(t)
	lead := e.client().signIn("leadA")
	if r := lead.get("/reports/new"); r.status != http.StatusOK || !strings.Contains(r.body, "Complaints and incidents reviewed through the rights lens") {
		t.Fatalf("new report form: %d", r.status)
	}
	bad := reportForm(e, "")
	bad.Set("from", e.month)
	bad.Set("to", "2020-01")
	bad.Del("indicators")
	r := lead.post("/reports", bad)
	for _, msg := range []string{"govuk-error-summary", "Enter a title for the report", "The last month must be the same as or after the first month",
		"Choose at least one indicator", `href="#indicators"`} {
		if r.status != 422 || !strings.Contains(r.body, msg) {
			t.Errorf("a report without a title, a backwards period and no indicator: %d, lacks %q", r.status, msg)
		}
	}
	f := reportForm(e, "Board, quarter 3")
	f.Set("lang", "cy")
	r = lead.post("/reports", f)
	var id int64
	if _, err := fmt.Sscanf(r.location, "/reports/%d/edit", &id); err != nil {
		t.Fatalf("create: %d %q", r.status, r.location)
	}
	rep := fmt.Sprintf("/reports/%d", id)
	f.Set("tells-cases.reviewed", "Fewer cases were reviewed than last quarter.")
	f.Set("actions-cases.reviewed", "Weekly rights huddle on every ward.")
	if r := lead.post(rep, f); r.status != http.StatusSeeOther {
		t.Fatalf("save: %d", r.status)
	}
	r = lead.get(rep)
	for _, want := range []string{"Board, quarter 3", "Reviews are up", "Weekly rights huddle on every ward.", "chart-1-title", "Summary of the indicators", "Issue the report"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("report page lacks %q", want)
		}
	}
	if pdf := lead.get(rep + "/report.pdf"); !strings.HasPrefix(pdf.body, "%PDF") || len(pdf.body) < 2000 {
		t.Errorf("PDF: %.20q (%d bytes)", pdf.body, len(pdf.body))
	}
	if csv := lead.get(rep + "/report.csv"); !strings.HasPrefix(csv.body, "Dangosydd,Allwedd,Mis") || !strings.Contains(csv.body, "cases.reviewed,"+e.month) {
		t.Errorf("the report's CSV is not in its language, Welsh: %.120q", csv.body)
	}
	if r := lead.post(rep+"/issue", nil); r.status != http.StatusSeeOther {
		t.Fatalf("issue: %d", r.status)
	}
	if r := lead.post(rep, f); r.status != 422 || !strings.Contains(r.body, "This report has been issued, so it cannot change.") {
		t.Errorf("saving an issued report: %d", r.status)
	}
	if r := lead.get(rep + "/edit"); r.status != http.StatusSeeOther {
		t.Errorf("editing an issued report: %d", r.status)
	}
	if r := lead.get("/reports"); !strings.Contains(r.body, "Board, quarter 3") || !strings.Contains(r.body, "Issued") {
		t.Errorf("the issued report is not listed")
	}
	audit := lead.get("/admin/audit").body
	for _, want := range []string{"Started a board report", "Saved a board report", "Looked at a board report", "Downloaded a board report", "Issued a board report"} {
		if !strings.Contains(audit, want) {
			t.Errorf("the audit log lacks %q", want)
		}
	}
}
