package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Having attended the programme's final part, Nia is asked to start her
// plan for it; once shared, the trainer and trust A's administrator read
// it together on the cohort's plans page. Nobody else reaches it.
func TestPlanAtTheEndOfAProgramme(t *testing.T) {
	te := newTrainEnv(t, nil)
	two := &lightbulb.Session{CourseID: te.course.ID, CohortID: te.cohort.ID, Part: 2, StartsAt: te.cohortS.StartsAt.Add(7 * 24 * time.Hour),
		EndsAt: te.cohortS.EndsAt.Add(7 * 24 * time.Hour), Mode: lightbulb.ModeOnline, JoinURL: "https://meet.example/p2", Capacity: 10}
	must(t, te.tr.CreateSession(te.pctx, two))
	var marks []func()
	for _, x := range []*lightbulb.Session{te.cohortS, two} {
		b, err := te.tr.Book(te.pctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Nia", Email: "staffa@example.org",
			UserID: te.users["staffA"].ID, OrgID: te.orgA.ID})
		must(t, err)
		x := x
		marks = append(marks, func() { must(t, te.tr.MarkAttendance(te.pctx, x.ID, map[int64]string{b.ID: lightbulb.Attended}, "")) })
	}
	setNow(t, two.EndsAt.Add(time.Hour))
	nia := te.client().signIn("staffA")
	marks[0]()
	if r := nia.get("/plans"); r.status != http.StatusOK || strings.Contains(r.body, "You have finished") {
		t.Fatalf("asked for a plan before the final part: %d", r.status)
	}
	marks[1]()
	mustContain(t, nia.get("/plans"), "You have finished Trust A wave 1.", fmt.Sprintf("/plans/new?cohort=%d", te.cohort.ID))
	mustContain(t, nia.get(fmt.Sprintf("/plans/new?cohort=%d", te.cohort.ID)), "At the end of Trust A wave 1", "also read by the programme")
	due := time.Now().AddDate(0, 2, 0)
	form := url.Values{"cohort": {fmt.Sprint(te.cohort.ID)}, "reflection": {"Ask families before limiting visits."}, "shared": {"yes"},
		"action_1": {"Review visiting rules with the team"}, "action_1_due-day": {fmt.Sprint(due.Day())},
		"action_1_due-month": {fmt.Sprint(int(due.Month()))}, "action_1_due-year": {fmt.Sprint(due.Year())}}
	if r := nia.post("/plans", form); r.status != http.StatusSeeOther {
		t.Fatalf("plan: %d %s", r.status, text(r.body))
	}
	if r := nia.get("/plans"); strings.Contains(r.body, "You have finished") {
		t.Error("still asked for a plan after writing one")
	}
	base := fmt.Sprintf("/training/cohorts/%d/plans", te.cohort.ID)
	mustContain(t, te.client().signIn("trainer").get(base), "Plans from this programme", "Ask families before limiting visits.")
	mustContain(t, te.client().signIn("adminA").get(base), "Ask families before limiting visits.")
	expectRoutes(t, "visitor", te.client(), []route{{"GET", base, nil}}, http.StatusSeeOther)
	for _, key := range []string{"staffA", "staffB", "adminB", "platform"} {
		expectRoutes(t, key, te.client().signIn(key), []route{{"GET", base, nil}}, http.StatusNotFound, "Ask families")
	}
	// Another organisation's person cannot start a plan for trust A's cohort.
	if r := te.client().signIn("staffB").post("/plans", form); r.status != http.StatusNotFound {
		t.Errorf("staffB plans for trust A's cohort: %d", r.status)
	}
}
