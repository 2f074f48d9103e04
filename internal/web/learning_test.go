package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// learnEnded adds a session for trust A's cohort that ended an hour ago,
// with staffA (signed in) and a visitor, Vic, booked and marked attended.
// It returns the session and the two bookings.
func learnEnded(t *testing.T, te *trainEnv) (*lightbulb.Session, *lightbulb.Booking, *lightbulb.Booking) {
	t.Helper()
	real := lightbulb.Now
	start := real().Add(-3 * time.Hour).Truncate(time.Minute)
	lightbulb.Now = func() time.Time { return start.Add(-48 * time.Hour) }
	defer func() { lightbulb.Now = real }()
	x := &lightbulb.Session{CourseID: te.course.ID, CohortID: te.cohort.ID, Part: 2, StartsAt: start, EndsAt: start.Add(2 * time.Hour),
		Mode: lightbulb.ModeInPerson, Venue: "Trust A seminar room", Capacity: 20}
	must(t, te.tr.CreateSession(te.pctx, x))
	nia, err := te.tr.Book(te.pctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Nia Staff", Email: "staffa@example.org",
		UserID: te.users["staffA"].ID, OrgID: te.orgA.ID})
	must(t, err)
	vic, err := te.tr.Book(te.pctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Vic Visitor", Email: "vic@example.org", OrgID: te.orgA.ID})
	must(t, err)
	vic, err = te.tr.ConfirmBooking(te.pctx, vic.Token)
	must(t, err)
	lightbulb.Now = real
	must(t, te.tr.MarkAttendance(te.pctx, x.ID, map[int64]string{nia.ID: lightbulb.Attended, vic.ID: lightbulb.Attended}, ""))
	return x, nia, vic
}

var learnFeedbackRE = regexp.MustCompile(`/training/feedback/([A-Za-z0-9_-]+)`)

func TestLearningFeedbackJourney(t *testing.T) {
	te := newTrainEnv(t, nil)
	_, nia, _ := learnEnded(t, te)
	te.runJobs(t)
	// Vic follows the link in the email and gives anonymous feedback.
	m, _ := te.lastMail(t, "vic@example.org", "How was it?")
	tok := learnFeedbackRE.FindStringSubmatch(m.Body)
	if tok == nil {
		t.Fatalf("the request has no feedback link: %s", m.Body)
	}
	vic := te.client()
	page := "/training/feedback/" + tok[1]
	mustContain(t, vic.get(page), "How would you rate the session?", "Keep my feedback anonymous")
	r := vic.post(page, url.Values{"rating": {"9"}, "comment": {"Kept after an error"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a rating of 9: status %d", r.status)
	}
	mustContain(t, r, "Choose a rating from 1 (poor) to 5 (excellent)", `href="#rating"`, "Kept after an error")
	r = vic.post(page, url.Values{"rating": {"4"}, "comment": {"Too fast in places"}, "anonymous": {"yes"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("feedback: status %d %s", r.status, text(r.body))
	}
	mustContain(t, vic.get(page), "You have already given feedback on this session")
	r = vic.post(page, url.Values{"rating": {"1"}})
	mustContain(t, r, "You have already given feedback on this session")

	// Nia, signed in, finds her session in the app and agrees to be quoted.
	staffA := te.client().signIn("staffA")
	r = staffA.get("/training/feedback")
	mustContain(t, r, "/training/feedback/"+nia.Token, "Rights at the bedside")
	r = staffA.post("/training/feedback/"+nia.Token, url.Values{"rating": {"5"}, "comment": {"Reminds us why we do the job we do"}, "consent": {"yes"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("Nia's feedback: %d %s", r.status, text(r.body))
	}
	if r := staffA.get("/training/feedback"); strings.Contains(r.body, nia.Token) {
		t.Fatal("the session is still waiting for Nia's feedback")
	}

	// The trainer sees the results and publishes Nia's quote only.
	tr := te.client().signIn("trainer")
	r = tr.get("/training/feedback/results")
	mustContain(t, r, "By course", "By cohort", "Trust A wave 1", "4.5", "Too fast in places", "Anonymous", "Nia Staff")
	if strings.Contains(r.body, "Vic Visitor") {
		t.Fatal("anonymous feedback shows its author")
	}
	ids := regexp.MustCompile(`action="/training/feedback/results/([A-Za-z0-9_-]+)"`).FindAllStringSubmatch(r.body, -1)
	if len(ids) != 1 {
		t.Fatalf("%d publish buttons, want 1 (only Nia consented)", len(ids))
	}
	if r := te.client().get("/training/testimonials"); strings.Contains(r.body, "Reminds us") {
		t.Fatal("a quote is public before a trainer publishes it")
	}
	r = tr.post("/training/feedback/results/"+ids[0][1], url.Values{"publish": {"yes"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("publish: %d", r.status)
	}
	r = te.client().get("/training/testimonials")
	mustContain(t, r, "Reminds us why we do the job we do", "Nia,")
	if strings.Contains(r.body, "Nia Staff") {
		t.Fatal("the public page shows a full name")
	}
	cy := te.client().get("/training/testimonials", "Accept-Language", "cy")
	mustContain(t, cy, "Reminds us why we do the job we do")
	if strings.Contains(cy.body, "What people say about our training") {
		t.Fatal("the Welsh testimonials page has an English heading")
	}
}

func TestLearningFeedbackNotYet(t *testing.T) {
	te := newTrainEnv(t, nil)
	b, err := te.tr.Book(te.pctx, &lightbulb.BookingRequest{SessionID: te.cohortS.ID, Name: "Nia", Email: "staffa@example.org",
		UserID: te.users["staffA"].ID, OrgID: te.orgA.ID})
	must(t, err)
	r := te.client().post("/training/feedback/"+b.Token, url.Values{"rating": {"5"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("feedback before the session: %d", r.status)
	}
	mustContain(t, r, "This session has not finished yet")
	if res, _ := te.svc.Learning.FeedbackResults(te.pctx); len(res.All) != 0 {
		t.Fatal("feedback before the session was saved")
	}
}
