package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// A trainer schedules thirty weekly workshops for a cohort in one form,
// after a list of chosen dates with mistakes saves nothing.
func TestTrainerSchedulesASeries(t *testing.T) {
	te := newTrainEnv(t, nil)
	tr := te.client().signIn("trainer")
	mustContain(t, tr.get("/training/manage"), "Schedule a series of sessions")
	mustContain(t, tr.get(fmt.Sprintf("/training/manage/sessions/series?cohort=%d", te.cohort.ID)), "Which dates", "Number of weeks")
	first := time.Now().AddDate(0, 0, 14).In(lightbulb.London)
	form := url.Values{"course": {fmt.Sprint(te.course.ID)}, "cohort": {fmt.Sprint(te.cohort.ID)}, "part": {"2"},
		"start": {"10:00"}, "end": {"13:00"}, "mode": {"online"}, "join_url": {"https://meet.example/wave"}, "capacity": {"25"},
		"facilitators": {"Tomos Pritchard, Esther Okafor"}}
	before, _ := te.tr.FindSessions(te.pctx, lightbulb.SessionFilter{CohortID: te.cohort.ID})

	bad := cloneValues(form)
	bad.Set("how", "dates")
	bad.Set("dates", first.Format("02/01/2006")+"\n31/02/2031\n"+first.Format("2/1/2006"))
	bad.Set("capacity", "ten")
	r := tr.post("/training/manage/sessions/series", bad)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a series with mistakes: %d", r.status)
	}
	mustContain(t, r, "There is a problem", "Dates, line 2: enter a real date", "Dates, line 3: this date is on an earlier line too",
		"Places: enter a number in figures", "Tomos Pritchard, Esther Okafor")
	none := cloneValues(form)
	mustContain(t, tr.post("/training/manage/sessions/series", none), "Choose every week or dates you choose")
	if after, _ := te.tr.FindSessions(te.pctx, lightbulb.SessionFilter{CohortID: te.cohort.ID}); len(after) != len(before) {
		t.Fatalf("a refused series saved %d sessions", len(after)-len(before))
	}

	weekly := cloneValues(form)
	weekly.Set("how", "weekly")
	weekly.Set("first-day", fmt.Sprint(first.Day()))
	weekly.Set("first-month", fmt.Sprint(int(first.Month())))
	weekly.Set("first-year", fmt.Sprint(first.Year()))
	weekly.Set("weeks", "30")
	weekly["issues"] = []string{"visiting", "restraint"}
	r = tr.post("/training/manage/sessions/series", weekly)
	if r.status != http.StatusSeeOther || r.location != fmt.Sprintf("/training/manage/cohorts/%d", te.cohort.ID) {
		t.Fatalf("thirty weeks: %d %s %s", r.status, r.location, text(r.body))
	}
	mustContain(t, tr.get(r.location), "30 sessions have been scheduled.")
	after, _ := te.tr.FindSessions(te.pctx, lightbulb.SessionFilter{CohortID: te.cohort.ID})
	if len(after) != len(before)+30 {
		t.Fatalf("%d sessions after a 30-week series", len(after)-len(before))
	}
	// The needs map shows what the workshops cover.
	ctx := lightbulb.WithOrg(context.Background(), te.orgA.ID)
	must(t, te.svc.Surveys.SaveNeeds(ctx, &lightbulb.Needs{UserID: te.users["staffA"].ID, Rights: []string{"A8"}, Issues: []string{"visiting"}},
		[]string{"A8", "A3"}))
	mustContain(t, tr.get(fmt.Sprintf("/training/needs/map?org=%d", te.orgA.ID)), "Workshops addressing the issue", ">30<", "None yet")
	mustContain(t, tr.get(fmt.Sprintf("/training/manage/cohorts/%d", te.cohort.ID)), "/training/needs/map?org=", "/training/checks/results")
	last := after[len(after)-1].StartsAt.In(lightbulb.London)
	if last.Hour() != 10 || !strings.Contains(after[len(after)-1].Facilitators, "Esther") || last.Weekday() != first.Weekday() {
		t.Fatalf("the last session: %s %+v", last, after[len(after)-1])
	}
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}
