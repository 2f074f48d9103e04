package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// reportForm is a board report's answers.
func reportForm(e *indicatorEnv, title string) url.Values {
	return url.Values{"title": {title}, "from": {lightbulb.AddMonths(e.month, -2)}, "to": {e.month}, "lang": {"en"},
		"indicators": {"cases.reviewed", "decisions.blanket"}, "purpose": {"Assurance"}, "issue-1": {"Reviews are up"}}
}

// TestReportIsolation tries every board report route as a visitor, as
// staff and as council B's lead against trust A's report.
func TestReportIsolation(t *testing.T) {
	e := newIndicatorEnv(t)
	leadA := e.client().signIn("leadA")
	r := leadA.post("/reports", reportForm(e, "A-SECRET board paper"))
	if r.status != http.StatusSeeOther {
		t.Fatalf("leadA starts a report: %d %s", r.status, r.body)
	}
	var id int64
	fmt.Sscanf(r.location, "/reports/%d/edit", &id)
	rep := fmt.Sprintf("/reports/%d", id)
	onReport := []route{{"GET", rep, nil}, {"GET", rep + "/edit", nil}, {"POST", rep, reportForm(e, "changed")},
		{"POST", rep + "/issue", nil}, {"POST", rep + "/build", nil}, {"GET", rep + "/report.pdf", nil}, {"GET", rep + "/report.csv", nil}}
	pages := []route{{"GET", "/reports", nil}, {"GET", "/reports/new", nil}, {"POST", "/reports", reportForm(e, "B's")}}
	all := append(append([]route{}, onReport...), pages...)
	expectRoutes(t, "visitor", e.client(), all, http.StatusSeeOther, "A-SECRET")
	expectRoutes(t, "staffA", e.client().signIn("staffA"), all, http.StatusForbidden, "A-SECRET")
	leadB := e.client().signIn("leadB")
	expectRoutes(t, "leadB", leadB, onReport, http.StatusNotFound, "A-SECRET")
	if r := leadB.get("/reports"); r.status != http.StatusOK || strings.Contains(r.body, "A-SECRET") {
		t.Errorf("leadB's list: %d, or shows A's report", r.status)
	}
	got, err := e.svc.Reports.FindBoardReport(e.ctxA(), id)
	if err != nil || got.Title != "A-SECRET board paper" || got.Status != lightbulb.ReportDraft {
		t.Fatalf("A's report changed: %+v %v", got, err)
	}
}
