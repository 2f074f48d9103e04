package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// TestTrainingIsolation tries every training route as a visitor, as staff
// and admin of council B (whose cohort sessions these are not), as staff of
// trust A (the cohort's organisation) and as a trainer, and checks who gets
// in and that nothing changed.
func TestTrainingIsolation(t *testing.T) {
	te := newTrainEnv(t, nil)
	// Nia of trust A is booked on her cohort's session.
	nia, err := te.tr.Book(te.pctx, &lightbulb.BookingRequest{SessionID: te.cohortS.ID, Name: "Nia", Email: "staffa@example.org",
		UserID: te.users["staffA"].ID, OrgID: te.orgA.ID})
	must(t, err)
	q := &lightbulb.TrainingRequest{OrgName: "Trust A", ContactName: "Ada", Email: "ada@example.org", Challenges: "Night-time restraint",
		TeamSize: 10, Format: "online"}
	must(t, te.tr.CreateRequest(te.pctx, q))
	cs, cohort, req := sid(te.cohortS), fmt.Sprint(te.cohort.ID), fmt.Sprint(q.ID)
	course := fmt.Sprint(te.course.ID)

	// Trainer pages: only trainers of the operator organisation.
	trainer := []route{
		{"GET", "/training/manage", nil}, {"GET", "/training/manage/courses/new", nil}, {"GET", "/training/manage/courses/" + course, nil},
		{"POST", "/training/manage/courses/" + course, url.Values{"title": {"Taken over"}, "summary": {"x"}, "duration": {"60"}, "mode": {"online"}}},
		{"POST", "/training/manage/courses", url.Values{"title": {"Planted"}, "summary": {"x"}, "duration": {"60"}, "mode": {"online"}}},
		{"GET", "/training/manage/programmes/new", nil},
		{"POST", "/training/manage/programmes", url.Values{"title": {"Planted"}, "part_" + course: {"1"}}},
		{"GET", "/training/manage/cohorts/new", nil}, {"GET", "/training/manage/cohorts/" + cohort, nil},
		{"POST", "/training/manage/cohorts", url.Values{"name": {"Planted"}}},
		{"GET", "/training/manage/sessions/new", nil}, {"GET", "/training/manage/sessions/" + cs, nil},
		{"GET", "/training/manage/sessions/series", nil},
		{"POST", "/training/manage/sessions/series", url.Values{"course": {course}, "how": {"dates"}, "dates": {"1/1/2099"}, "start": {"10:00"}, "end": {"11:00"},
			"mode": {"online"}, "join_url": {"https://planted.example"}, "capacity": {"5"}}},
		{"GET", "/training/manage/sessions/" + cs + "/edit", nil},
		{"POST", "/training/manage/sessions/" + cs, url.Values{"capacity": {"500"}}},
		{"POST", "/training/manage/sessions", url.Values{"capacity": {"5"}}},
		{"POST", "/training/manage/sessions/" + cs + "/attendance", url.Values{fmt.Sprintf("mark_%d", nia.ID): {"no_show"}, "notes": {"Planted"}}},
		{"GET", "/training/manage/requests", nil}, {"GET", "/training/manage/requests/" + req, nil},
		{"POST", "/training/manage/requests/" + req, url.Values{"status": {"delivered"}, "notes": {"Planted"}}},
		{"POST", "/training/manage/requests/" + req + "/cohort", url.Values{"name": {"Planted"}}},
	}
	// A cohort's session, for its organisation and trainers only.
	cohortOnly := []route{
		{"GET", "/training/sessions/" + cs, nil}, {"GET", "/training/sessions/" + cs + "/calendar.ics", nil},
		{"POST", "/training/sessions/" + cs + "/book", url.Values{"name": {"Intruder"}, "email": {"intruder@example.org"}}},
	}
	visitor := te.client()
	expectRoutes(t, "visitor", visitor, trainer, http.StatusSeeOther)
	expectRoutes(t, "visitor", visitor, cohortOnly, http.StatusNotFound)
	for _, key := range []string{"staffB", "adminB", "staffA", "adminA", "platform"} {
		c := te.client().signIn(key)
		expectRoutes(t, key, c, trainer, http.StatusForbidden)
		if key == "staffB" || key == "adminB" || key == "platform" {
			expectRoutes(t, key, c, cohortOnly, http.StatusNotFound)
			if r := c.get("/training"); strings.Contains(r.body, "Trust A wave 1") {
				t.Errorf("%s sees trust A's cohort sessions in the listing", key)
			}
			if r := c.get("/training/sessions/" + cs + "/join"); r.status != http.StatusNotFound {
				t.Errorf("%s asks for trust A's joining page: %d", key, r.status)
			}
		}
	}
	// Trust A's staff see their session, but not its register.
	staffA := te.client().signIn("staffA")
	if r := staffA.get("/training/sessions/" + cs); r.status != http.StatusOK {
		t.Errorf("staffA cannot see her cohort's session: %d", r.status)
	}
	// Nobody reaches a booking without its token.
	for _, path := range []string{"/training/bookings/" + nia.Token[:10], "/training/bookings/x/booking.ics"} {
		if r := te.client().signIn("adminA").get(path); r.status != http.StatusNotFound {
			t.Errorf("%s without the token: %d", path, r.status)
		}
	}
	if r := te.client().post("/training/bookings/wrong/cancel", nil); r.status != http.StatusNotFound {
		t.Errorf("cancel with a wrong token: %d", r.status)
	}

	// Nothing changed.
	if c, _ := te.tr.FindCourse(te.pctx, te.course.ID); c.Title == "Taken over" {
		t.Fatal("an outsider changed a course")
	}
	if x, _ := te.tr.FindSession(te.pctx, te.cohortS.ID); x.Capacity != 20 || x.Taken != 1 {
		t.Fatalf("the cohort session changed: %+v", x)
	}
	if reg, _ := te.tr.Register(te.pctx, te.cohortS.ID); len(reg) != 1 || reg[0].Attendance != "" || reg[0].Email != "staffa@example.org" {
		t.Fatalf("the register changed: %+v", reg[0])
	}
	if n, _ := te.tr.SessionNotes(te.pctx, te.cohortS.ID); n != "" {
		t.Fatal("an outsider wrote session notes")
	}
	if got, _ := te.tr.FindRequest(te.pctx, q.ID); got.Status != "new" || got.Notes != "" || got.CohortID != 0 {
		t.Fatalf("an outsider moved the request: %+v", got)
	}
	for _, list := range []func() int{
		func() int { cs, _ := te.tr.FindCourses(te.pctx); return len(cs) },
		func() int { ps, _ := te.tr.FindProgrammes(te.pctx); return len(ps) },
		func() int { cs, _ := te.tr.FindCohorts(te.pctx); return len(cs) },
	} {
		if list() != 1 {
			t.Fatal("an outsider added to the catalogue")
		}
	}

	// The trainer reaches every trainer page.
	tr := te.client().signIn("trainer")
	for _, r := range trainer {
		if r.method == "GET" {
			if got := tr.get(r.path); got.status != http.StatusOK {
				t.Errorf("trainer %s: %d", r.path, got.status)
			}
		}
	}
	mustContain(t, tr.get("/training/manage/sessions/"+cs), "staffa@example.org")
}
