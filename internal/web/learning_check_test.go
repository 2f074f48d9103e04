package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// learnAnswers answers the test env's check (its library holds A3, absolute,
// and A8, qualified): all right, or all right but the in-Act question.
func learnAnswers(allRight bool) url.Values {
	v := url.Values{"q1": {"A8"}, "q2": {"A8"}, "q3": {"A8"}, "q4": {"A3", "A8"}, "r1": {"no"}, "r2": {"yes"}}
	if !allRight {
		v["q1"] = []string{"A8", "x_job"}
		v["r1"] = []string{"yes"}
	}
	return v
}

func TestLearningChecksBeforeAndAfter(t *testing.T) {
	te := newTrainEnv(t, nil)
	b, err := te.tr.Book(te.pctx, &lightbulb.BookingRequest{SessionID: te.cohortS.ID, Name: "Nia", Email: "staffa@example.org",
		UserID: te.users["staffA"].ID, OrgID: te.orgA.ID})
	must(t, err)
	c := te.client()
	mustContain(t, c.get("/training/bookings/"+b.Token), "/training/checks/"+b.Token)
	page := "/training/checks/" + b.Token
	r := c.get(page)
	mustContain(t, r, "Take the check before the course", "Which of these are rights in the Human Rights Act?", "A right to a job", "Right A8")
	if strings.Contains(r.body, "/training/checks/"+b.Token+"/post") {
		t.Fatal("the check after the course is offered before it")
	}
	// A question left out: an error, and the other answers kept.
	partial := learnAnswers(false)
	partial.Del("q3")
	r = c.post(page+"/pre", partial)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a question left out: %d", r.status)
	}
	mustContain(t, r, "Question 3: choose at least one answer", `href="#q3"`, `id="q1-x_job" name="q1" type="checkbox" value="x_job" checked`)
	if r = c.post(page+"/post", learnAnswers(true)); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "opens when the session ends") {
		t.Fatalf("the check after, before the session: %d", r.status)
	}
	if r = c.post(page+"/pre", learnAnswers(false)); r.status != http.StatusSeeOther {
		t.Fatalf("pre check: %d %s", r.status, text(r.body))
	}
	mustContain(t, c.get(page), "You scored 4 out of 6.", "4 out of 6 (67%)", "The check after the course opens when the session ends")
	if r = c.post(page+"/pre", learnAnswers(true)); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "already taken this check") {
		t.Fatalf("pre check twice: %d", r.status)
	}

	// After the session, marked attended, the check again.
	real := lightbulb.Now
	lightbulb.Now = func() time.Time { return te.cohortS.EndsAt.Add(time.Hour) }
	defer func() { lightbulb.Now = real }()
	must(t, te.tr.MarkAttendance(te.pctx, te.cohortS.ID, map[int64]string{b.ID: lightbulb.Attended}, ""))
	mustContain(t, c.get(page), "Take the check after the course")
	if r = c.post(page+"/post", learnAnswers(true)); r.status != http.StatusSeeOther {
		t.Fatalf("post check: %d %s", r.status, text(r.body))
	}
	mustContain(t, c.get(page), "6 out of 6 (100%)", "Your change", "up 33 points",
		"Your answers after the course", "Correct", "Your answer", "Right answer", "Why",
		"short staffing never excuses it", "This right is absolute")
	mustContain(t, c.get(page, "Accept-Language", "cy"), "i fyny 33 pwynt", "Eich newid",
		"Eich atebion ar ôl y cwrs", "Yr ateb cywir", "nid yw prinder staff byth yn esgus", "Mae&#39;r hawl hon yn absoliwt")

	tr := te.client().signIn("trainer")
	mustContain(t, tr.get("/training/checks/results"), "By course", "By cohort", "Trust A wave 1", "67%", "100%", "up 33 points")
	if r := c.post(page+"/later", learnAnswers(true)); r.status != http.StatusNotFound {
		t.Fatalf("a phase that does not exist: %d", r.status)
	}
}

func TestLearningChecksIsolation(t *testing.T) {
	te := newTrainEnv(t, nil)
	b, err := te.tr.Book(te.pctx, &lightbulb.BookingRequest{SessionID: te.cohortS.ID, Name: "Nia", Email: "staffa@example.org",
		UserID: te.users["staffA"].ID, OrgID: te.orgA.ID})
	must(t, err)
	for _, key := range []string{"", "staffB", "adminB", "staffA", "adminA", "platform"} {
		c := te.client()
		want := http.StatusForbidden
		if key == "" {
			want = http.StatusSeeOther
		} else {
			c.signIn(key)
		}
		if r := c.get("/training/checks/results"); r.status != want {
			t.Errorf("%q check results: %d, want %d", key, r.status, want)
		}
		// Without the whole token, nobody reads or takes a check.
		if r := c.get("/training/checks/" + b.Token[:12]); r.status != http.StatusNotFound {
			t.Errorf("%q a cut-short token: %d", key, r.status)
		}
		if r := c.post("/training/checks/"+b.Token[:12]+"/pre", learnAnswers(true)); r.status != http.StatusNotFound {
			t.Errorf("%q a check with a cut-short token: %d", key, r.status)
		}
	}
	if _, ch, _ := te.svc.Learning.CheckStatus(te.pctx, b.Token); ch.Pre != nil || ch.Post != nil {
		t.Fatal("an outsider took Nia's check")
	}
	if r := te.client().signIn("trainer").get("/training/checks/results"); r.status != http.StatusOK {
		t.Fatalf("the trainer's results: %d", r.status)
	}
}

// Every line on why, for every category a right can have, has its Welsh.
func TestLearningCheckWhyInWelsh(t *testing.T) {
	var rights []*lightbulb.Right
	for _, code := range []string{"A3", "A5", "A8", "A9", "A10", "P1A2", "P1A3"} {
		rights = append(rights, &lightbulb.Right{Code: code, Category: lightbulb.Qualified})
	}
	for _, cat := range []lightbulb.Category{lightbulb.Absolute, lightbulb.Limited, lightbulb.Qualified} {
		rights[0].Category = cat
		for _, q := range lightbulb.BuildCheck(rights) {
			why := q.Why()
			if why == "" || i18n.T("cy", why) == why {
				t.Errorf("%s (%s): no Welsh for %q", q.ID, cat, why)
			}
		}
	}
}
