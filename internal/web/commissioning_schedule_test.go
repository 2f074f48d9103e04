package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// TestCommissioningReturnSchedule: a schedule with a mistake is refused
// naming the question and keeping what was typed; a good one lists the
// scheduled returns; once the job opens the first, the provider's lead
// sends that return and the commissioner sees it sent on time.
func TestCommissioningReturnSchedule(t *testing.T) {
	e, _ := commEnv(t)
	com, lead, id, cr := contractWithReturn(t, e)
	path := "/commissioning/contracts/" + id
	due := lightbulb.DateOf(lightbulb.Now().AddDate(0, 0, 10))
	form := url.Values{"frequency": {"quarterly"}, "first_due-day": {strconv.Itoa(due.Day)}, "first_due-month": {strconv.Itoa(int(due.Month))},
		"first_due-year": {"twenty"}}
	r := com.post(path+"/schedule", form)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "First return due: enter the day, month and year as numbers") ||
		!strings.Contains(r.body, `value="quarterly" checked`) {
		t.Fatalf("a bad year: %d %s", r.status, r.body)
	}
	form.Set("frequency", "")
	form.Set("first_due-year", strconv.Itoa(due.Year))
	if r := com.post(path+"/schedule", form); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Choose how often returns are due") {
		t.Fatalf("no frequency: %d", r.status)
	}
	form.Set("frequency", "quarterly")
	if r := com.post(path+"/schedule", form); r.status != http.StatusSeeOther {
		t.Fatalf("schedule: %d %s", r.status, r.body)
	}
	ctx := lightbulb.WithOrg(context.Background(), mustOrgID(t, e, "icb"))
	if _, err := sqldb.NewCommissioningService(e.db, "").RunReturnSchedules(ctx); err != nil {
		t.Fatal(err)
	}
	c, _ := e.svc.Commissioning.Contract(ctx, atoi64(id))
	first := c.Periods[0]
	if r := com.get(path); !strings.Contains(r.body, "Scheduled returns") || !strings.Contains(r.body, first.Name("en")) || !strings.Contains(r.body, "Open now") {
		t.Fatalf("the commissioner's schedule: %s", r.body)
	}
	page := lead.get("/contracts/" + id)
	if !strings.Contains(page.body, "Which return are you sending?") || !strings.Contains(page.body, first.Name("en")) {
		t.Fatalf("the provider's open return: %s", page.body)
	}
	if r := lead.post("/contracts/"+id+"/return", url.Values{"period_id": {itoa64(first.ID)}, "rating-" + cr: {"green"},
		"evidence-" + cr: {"Register reviewed quarterly"}}); r.status != http.StatusSeeOther {
		t.Fatalf("scheduled return: %d %s", r.status, r.body)
	}
	if r := com.get(path); !strings.Contains(r.body, "Sent on time") {
		t.Fatalf("the return is not shown as sent on time: %s", r.body)
	}
	if h := com.get("/commissioning").body; !strings.Contains(h, "Requirements by provider") || !strings.Contains(h, "Evidence age") ||
		!strings.Contains(h, "0 days") {
		t.Fatalf("the commissioner's home lacks the requirements by provider: %s", h)
	}
	// The commissioner's dashboard leads with contracts, returns and drafts.
	d := com.get("/dashboard").body
	if i, j := strings.Index(d, "Returns due in the next four weeks"), strings.Index(d, "Read the 16 rights"); i < 0 || j < i ||
		!strings.Contains(d, "Draft reports open to providers") {
		t.Fatalf("the commissioner's dashboard: %s", d)
	}
}
