package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// TestIndicatorChangeRecalculatesLimits: a lead marks a change; the page
// shows the change and its reason, the chart's centre line in two parts
// with an upright between them, and a table of each part; a change with no
// reason is refused with the question named and the month kept; both
// marking and removing are audited, in English and Welsh.
func TestIndicatorChangeRecalculatesLimits(t *testing.T) {
	e := newIndicatorEnv(t)
	prev := lightbulb.AddMonths(e.month, -1)
	lead := e.client().signIn("leadA")
	r := lead.post("/indicators/cases.reviewed/changes", url.Values{"change_month": {e.month}, "reason": {"  "}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "govuk-error-summary") ||
		!strings.Contains(r.body, "Say what changed") || !strings.Contains(r.body, `value="`+e.month+`"`) {
		t.Fatalf("a change without a reason: %d", r.status)
	}
	r = lead.post("/indicators/cases.reviewed/changes", url.Values{"change_month": {lightbulb.AddMonths(e.month, 1)}, "reason": {"Huddle"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Choose a month that has ended") || !strings.Contains(r.body, "Huddle") {
		t.Fatalf("a change in a month not ended: %d", r.status)
	}
	if r := lead.post("/indicators/cases.reviewed/changes", url.Values{"change_month": {prev}, "reason": {"Weekly huddle began"}}); r.status != http.StatusSeeOther {
		t.Fatalf("mark: %d", r.status)
	}
	r = lead.get("/indicators/cases.reviewed")
	if !strings.Contains(r.body, "Weekly huddle began") || !strings.Contains(r.body, "marked by") {
		t.Errorf("the page lacks the change")
	}
	if r := lead.post("/indicators/cases.reviewed/changes/remove", url.Values{"month": {"2001-01"}}); r.status != http.StatusNotFound {
		t.Errorf("removing a change that is not there: %d", r.status)
	}
	if r := lead.post("/indicators/cases.reviewed/changes/remove", url.Values{"month": {prev}}); r.status != http.StatusSeeOther {
		t.Fatalf("remove: %d", r.status)
	}
	if r := lead.get("/indicators/cases.reviewed"); strings.Contains(r.body, "Weekly huddle began") {
		t.Errorf("a removed change is still shown")
	}
	if r := lead.get("/admin/audit"); !strings.Contains(r.body, "Marked a change in an indicator&#39;s process") ||
		!strings.Contains(r.body, "Removed a change in an indicator&#39;s process") {
		t.Errorf("the audit log lacks the change")
	}
	lead.get("/language/cy?next=/indicators")
	if r := lead.get("/indicators/cases.reviewed"); !strings.Contains(r.body, "Newidiadau yn y broses") || !strings.Contains(r.body, "Ailgyfrifo&#39;r terfynau") {
		t.Errorf("the Welsh page lacks the change form in Welsh")
	}
}
