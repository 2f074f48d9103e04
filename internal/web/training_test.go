package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/mail"
	"github.com/lightbulb-hr/lightbulb/internal/mail/mailtest"
	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
	"github.com/lightbulb-hr/lightbulb/internal/web"
)

// trainEnv is the test env with training switched on: a trainer in the
// operator organisation, a course, an open session with one place, and a
// cohort for trust A with one session.
type trainEnv struct {
	*env
	tr      *sqldb.TrainingService
	q       *jobs.Queue // the job queue serve would run, with mail delivery when deliver is set
	pctx    context.Context
	course  *lightbulb.Course
	open    *lightbulb.Session
	cohort  *lightbulb.Cohort
	cohortS *lightbulb.Session
}

func newTrainEnv(t *testing.T, deliver func(context.Context, *lightbulb.Mail) error) *trainEnv {
	t.Helper()
	return newTrainEnvLimit(t, deliver, 0)
}

// newTrainEnvLimit is newTrainEnv with a limit of attempts per network address.
func newTrainEnvLimit(t *testing.T, deliver func(context.Context, *lightbulb.Mail) error, perAddr int) *trainEnv {
	t.Helper()
	e := newEnv(t)
	hash, _ := password.Hash(testPassword, password.Minimum)
	u := sqldbtest.MustUser(t, e.db, "trainer@example.org", e.opOrg, lightbulb.RoleTrainer)
	if err := sqldb.NewUserService(e.db).SetPassword(context.Background(), u.ID, hash); err != nil {
		t.Fatal(err)
	}
	e.users["trainer"] = u
	ms := sqldb.NewMailService(e.db)
	ms.Deliver = deliver
	tr := sqldb.NewTrainingService(e.db, ms, "http://lightbulb.test")
	e.svc.Mail, e.svc.Training = ms, tr
	e.svc.Learning, e.svc.Surveys, e.svc.Plans = sqldb.NewLearningService(e.db, tr), sqldb.NewSurveyService(e.db), sqldb.NewPlanService(e.db)
	e.svc.Coverage = sqldb.NewCoverageService(e.db)
	q := sqldbtest.Jobs(t, e.db, tr)
	ms.RegisterJobs(q)
	e.svc.Jobs = q
	s, err := web.New(e.svc, web.Options{BaseURL: "http://lightbulb.test", Sessions: sqldb.NewSessionStore(e.db),
		Ready: e.db.Ping, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Password: password.Minimum, AddressPerMinute: perAddr})
	if err != nil {
		t.Fatal(err)
	}
	e.srv.Close()
	e.handler = s.Handler()
	e.srv = httptest.NewServer(e.handler)
	t.Cleanup(e.srv.Close)

	te := &trainEnv{env: e, tr: tr, q: q, pctx: lightbulb.WithOrg(context.Background(), e.opOrg.ID)}
	te.course = &lightbulb.Course{Title: "Rights at the bedside", Summary: "Everyday decisions", DurationMins: 120, Mode: lightbulb.ModeOnline}
	must(t, tr.CreateCourse(te.pctx, te.course))
	start := time.Now().Add(5 * 24 * time.Hour).UTC().Truncate(time.Minute)
	te.open = &lightbulb.Session{CourseID: te.course.ID, StartsAt: start, EndsAt: start.Add(2 * time.Hour), Mode: lightbulb.ModeOnline,
		JoinURL: "https://meet.example/secret-room", Capacity: 1}
	must(t, tr.CreateSession(te.pctx, te.open))
	p := &lightbulb.Programme{Title: "Practitioner programme"}
	must(t, tr.CreateProgramme(te.pctx, p, []int64{te.course.ID, te.course.ID}))
	te.cohort = &lightbulb.Cohort{ProgrammeID: p.ID, ClientOrgID: e.orgA.ID, Name: "Trust A wave 1", StartsOn: start, EndsOn: start.AddDate(0, 1, 0)}
	must(t, tr.CreateCohort(te.pctx, te.cohort))
	te.cohortS = &lightbulb.Session{CourseID: te.course.ID, CohortID: te.cohort.ID, Part: 1, StartsAt: start, EndsAt: start.Add(2 * time.Hour),
		Mode: lightbulb.ModeInPerson, Venue: "Trust A seminar room", Capacity: 20}
	must(t, tr.CreateSession(te.pctx, te.cohortS))
	return te
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

var tokenRE = regexp.MustCompile(`/training/bookings/([A-Za-z0-9_-]+)`)

// lastMail returns the newest message to an address whose subject contains
// subject, and the booking token linked from it.
// runJobs runs what the queue has due, as serve's workers would.
func (te *trainEnv) runJobs(t *testing.T) {
	t.Helper()
	if _, err := te.q.RunDue(context.Background(), 10000); err != nil {
		t.Fatal(err)
	}
}

func (te *trainEnv) lastMail(t *testing.T, to, subject string) (*lightbulb.Mail, string) {
	t.Helper()
	ms, err := te.svc.Mail.FindMail(context.Background(), 200)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.To == to && strings.Contains(m.Subject, subject) {
			tok := ""
			if mm := tokenRE.FindStringSubmatch(m.Body); mm != nil {
				tok = mm[1]
			}
			return m, tok
		}
	}
	t.Fatalf("no mail to %s about %q", to, subject)
	return nil, ""
}

func sid(x *lightbulb.Session) string { return fmt.Sprint(x.ID) }

func TestTrainingPublicBooking(t *testing.T) {
	te := newTrainEnv(t, nil)
	v := te.client()
	r := v.get("/training")
	mustContain(t, r, "Rights at the bedside", "1 places left")
	// In Welsh, the English-only course title is marked as English.
	mustContain(t, v.get("/training", "Accept-Language", "cy"), `<span lang="en">Rights at the bedside</span>`)
	if strings.Contains(r.body, "Trust A wave 1") || strings.Contains(r.body, "/training/sessions/"+sid(te.cohortS)) {
		t.Fatal("a visitor sees a cohort's session")
	}
	page := "/training/sessions/" + sid(te.open)
	r = v.get(page)
	mustContain(t, r, "Book a place", "Add to calendar")
	if strings.Contains(r.body, "secret-room") {
		t.Fatal("the joining link is on the public page")
	}
	cy := te.client().get(page, "Accept-Language", "cy")
	z := te.open.StartsAt.In(lightbulb.London)
	mustContain(t, cy, "Archebu lle", "Ychwanegu at y calendr", fmt.Sprintf("%d", z.Day()), " tan ", z.Format("MST"))
	if !strings.Contains(cy.body, "Dydd ") {
		t.Fatal("the Welsh session page names the day in English")
	}
	r = v.post(page+"/book", url.Values{"name": {"Ann Visitor"}, "email": {"not-an-email"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad email: status %d", r.status)
	}
	mustContain(t, r, "Enter an email address in the correct format", `value="Ann Visitor"`)

	r = v.post(page+"/book", url.Values{"name": {"Ann Visitor"}, "email": {"ann@example.org"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("book: status %d %s", r.status, text(r.body))
	}
	mustContain(t, v.get(page), "We have emailed a link to ann@example.org")
	_, tok := te.lastMail(t, "ann@example.org", "Confirm your booking")
	if s, _ := te.tr.FindSession(te.pctx, te.open.ID); s.Taken != 0 {
		t.Fatal("an unconfirmed booking holds a place")
	}
	mustContain(t, v.get("/training/bookings/"+tok), "Confirm my booking")
	if r := v.get("/training/bookings/" + tok + "/booking.ics"); r.status != http.StatusNotFound {
		t.Fatalf("calendar file before confirming: %d", r.status)
	}
	if r := v.post("/training/bookings/"+tok+"/confirm", nil); r.status != http.StatusSeeOther {
		t.Fatalf("confirm: %d", r.status)
	}
	mail, _ := te.lastMail(t, "ann@example.org", "You are booked")
	if !strings.Contains(mail.Body, "/training/bookings/"+tok+"/booking.ics") {
		t.Fatalf("confirmation lacks the calendar link:\n%s", mail.Body)
	}
	ics := v.get("/training/bookings/" + tok + "/booking.ics")
	if ics.header.Get("Content-Type") != "text/calendar; charset=utf-8" {
		t.Fatalf("calendar type %q", ics.header.Get("Content-Type"))
	}
	mustContain(t, ics, "BEGIN:VEVENT", "DTSTART:"+te.open.StartsAt.UTC().Format("20060102T150405Z"), "SUMMARY:Rights at the bedside")

	// The joining link: for Ann's token, not for anyone else.
	if r := v.get(page + "/join?token=" + tok); r.status != http.StatusSeeOther || r.location != te.open.JoinURL {
		t.Fatalf("booked person joining: %d %q", r.status, r.location)
	}
	for _, path := range []string{page + "/join", page + "/join?token=nonsense"} {
		r := te.client().get(path)
		if r.status != http.StatusForbidden || strings.Contains(r.body, "secret-room") {
			t.Fatalf("%s: status %d", path, r.status)
		}
		mustContain(t, r, "Only people booked on this session can join it")
	}

	// Double booking, then a full session and its waiting list.
	r = v.post(page+"/book", url.Values{"name": {"Ann"}, "email": {"ANN@example.org"}})
	mustContain(t, r, "You have already booked this session")
	r = te.client().post(page+"/book", url.Values{"name": {"Bo"}, "email": {"bo@example.org"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("booking a full session: %d", r.status)
	}
	mustContain(t, r, "This session is full")
	bo := te.client()
	mustContain(t, bo.get(page), "Join the waiting list")
	bo.post(page+"/book", url.Values{"name": {"Bo"}, "email": {"bo@example.org"}, "wait": {"1"}})
	_, boTok := te.lastMail(t, "bo@example.org", "Confirm your booking")
	bo.post("/training/bookings/"+boTok+"/confirm", nil)
	mustContain(t, bo.get("/training/bookings/"+boTok), "On the waiting list")

	// Ann cancels: Bo is offered the place by email and accepts it.
	if r := v.post("/training/bookings/"+tok+"/cancel", nil); r.status != http.StatusSeeOther {
		t.Fatalf("cancel: %d", r.status)
	}
	if r := v.post("/training/bookings/"+tok+"/cancel", nil); r.status != http.StatusUnprocessableEntity {
		t.Fatalf("cancelling twice: %d", r.status)
	}
	te.runJobs(t) // the offer is a job: serve's workers would run it at once
	if _, offerTok := te.lastMail(t, "bo@example.org", "A place is free"); offerTok != boTok {
		t.Fatalf("offer links to %q, want Bo's booking", offerTok)
	}
	mustContain(t, bo.get("/training/bookings/"+boTok), "Accept the place")
	bo.post("/training/bookings/"+boTok+"/accept", nil)
	mustContain(t, bo.get("/training/bookings/"+boTok), "Booked", "Join the session")
	if r := v.get(page + "/join?token=" + tok); r.status != http.StatusForbidden {
		t.Fatalf("a cancelled booking still joins: %d", r.status)
	}
	entries, _, _ := te.svc.Audit.FindAudit(te.pctx, lightbulb.AuditFilter{})
	seen := map[string]bool{}
	for _, a := range entries {
		seen[a.Action] = true
	}
	for _, want := range []string{"training.book", "training.booking.confirm", "training.booking.cancel", "training.booking.accept"} {
		if !seen[want] {
			t.Errorf("no %s in the audit log", want)
		}
	}
}

func TestTrainingStaffBookCohortSessions(t *testing.T) {
	te := newTrainEnv(t, nil)
	staff := te.client().signIn("staffA")
	mustContain(t, staff.get("/training"), "Book one date for each part.", "Part 1", "Trust A wave 1")
	page := "/training/sessions/" + sid(te.cohortS)
	mustContain(t, staff.get(page), "You will book as")
	if r := staff.post(page+"/book", nil); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/training/bookings/") {
		t.Fatalf("staff booking: %d %q", r.status, r.location)
	}
	mustContain(t, staff.get(page), "Your booking", "Booked")
	mustContain(t, staff.get("/training"), "Your bookings", "Rights at the bedside")
	if _, tok := te.lastMail(t, "staffa@example.org", "You are booked"); tok == "" {
		t.Fatal("no booking link in the confirmation")
	}
	other := te.client().signIn("staffB")
	if r := other.get(page); r.status != http.StatusNotFound {
		t.Fatalf("another org's staff see the cohort session: %d", r.status)
	}
	if r := other.post(page+"/book", nil); r.status != http.StatusNotFound {
		t.Fatalf("another org's staff book the cohort session: %d", r.status)
	}
}

func TestTrainingTrainerRunsASession(t *testing.T) {
	te := newTrainEnv(t, nil)
	tr := te.client().signIn("trainer")
	mustContain(t, tr.get("/training/manage"), "Run training", "Rights at the bedside", "Trust A wave 1")

	r := tr.post("/training/manage/courses", url.Values{"title": {""}, "duration": {"5"}})
	mustContain(t, r, "Enter a title", "Enter a duration between 15 and 480 minutes", "Select online or in person",
		"<title>Error: Add a course", `<h1 class="govuk-heading-l">Add a course</h1>`)
	// A number typed in words is an error that names the question, never a silent 0.
	r = tr.post("/training/manage/courses", url.Values{"title": {"T"}, "summary": {"S"}, "duration": {"ninety"}, "mode": {"online"}})
	mustContain(t, r, "Duration in minutes: enter a number in figures, such as 12")
	r = tr.post("/training/manage/courses", url.Values{"title": {"Deciding with FREDA"}, "summary": {"Fairness, respect"}, "duration": {"120"}, "mode": {"online"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("create course: %d %s", r.status, text(r.body))
	}
	day := time.Now().Add(10 * 24 * time.Hour).In(lightbulb.London)
	form := url.Values{"course": {fmt.Sprint(te.course.ID)}, "cohort": {"0"}, "date-day": {fmt.Sprint(day.Day())}, "date-month": {fmt.Sprint(int(day.Month()))},
		"date-year": {fmt.Sprint(day.Year())}, "start": {"14:00"}, "end": {"13:00"},
		"mode": {"online"}, "join_url": {"https://meet.example/x"}, "capacity": {"12"}}
	r = tr.post("/training/manage/sessions", form)
	mustContain(t, r, "The end time must be after the start time", `value="https://meet.example/x"`)
	if strings.Contains(r.body, "This session is cancelled") || strings.Contains(r.body, `action="/training/manage/sessions/0"`) {
		t.Fatal("a new session's form came back as if editing one")
	}
	form.Set("end", "16:00")
	r = tr.post("/training/manage/sessions", form)
	if r.status != http.StatusSeeOther {
		t.Fatalf("schedule: %d %s", r.status, text(r.body))
	}
	reg := tr.get(r.location)
	mustContain(t, reg, "0 of 12 places taken")
	if z := time.Now().Add(10 * 24 * time.Hour).In(lightbulb.London).Format("MST"); !strings.Contains(reg.body, "14:00 to 16:00 "+z) {
		t.Fatalf("the register lacks the London time with its zone %s: %s", z, text(reg.body))
	}

	// Capacity below the number booked is refused.
	b, err := te.tr.Book(te.pctx, &lightbulb.BookingRequest{SessionID: te.cohortS.ID, Name: "Nia", Email: "nia@example.org", UserID: te.users["staffA"].ID, OrgID: te.orgA.ID})
	must(t, err)
	te.tr.Book(te.pctx, &lightbulb.BookingRequest{SessionID: te.cohortS.ID, Name: "Ola", Email: "ola@example.org", UserID: te.users["adminA"].ID, OrgID: te.orgA.ID})
	edit := "/training/manage/sessions/" + sid(te.cohortS)
	r = tr.get(edit + "/edit")
	mustContain(t, r, `value="Trust A seminar room"`)
	cd := te.cohortS.StartsAt.In(lightbulb.London)
	f := url.Values{"course": {fmt.Sprint(te.course.ID)}, "cohort": {fmt.Sprint(te.cohort.ID)}, "part": {"1"}, "date-day": {fmt.Sprint(cd.Day())},
		"date-month": {fmt.Sprint(int(cd.Month()))}, "date-year": {fmt.Sprint(cd.Year())},
		"start": {te.cohortS.StartsAt.In(lightbulb.London).Format("15:04")}, "end": {te.cohortS.EndsAt.In(lightbulb.London).Format("15:04")},
		"mode": {"in_person"}, "venue": {"Trust A seminar room"}, "capacity": {"1"}}
	mustContain(t, tr.post(edit, f), "2 places are already taken")

	// Attendance waits for the session to start: the register says so, and a
	// mark sent early is refused with the notes kept in the form.
	mustContain(t, tr.get(edit), "Nia", "Ola", "Attendance can be marked from the start of the session.")
	r = tr.post(edit+"/attendance", url.Values{fmt.Sprintf("mark_%d", b.ID): {"attended"}, "notes": {"Lively talk about visiting"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("early attendance: %d", r.status)
	}
	mustContain(t, r, "There is a problem", "not before", "Lively talk about visiting")

	// Attendance on the day.
	setNow(t, te.cohortS.StartsAt)
	r = tr.post(edit+"/attendance", url.Values{fmt.Sprintf("mark_%d", b.ID): {"attended"}, "notes": {"Lively talk about visiting"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("attendance: %d %s", r.status, text(r.body))
	}
	mustContain(t, tr.get(edit), "Attendance has been saved", "Lively talk about visiting")
	entries, _, _ := te.svc.Audit.FindAudit(te.pctx, lightbulb.AuditFilter{Action: "training.attendance"})
	if len(entries) != 1 || entries[0].Detail != fmt.Sprintf("booking %d: attended", b.ID) || entries[0].ActorName != "Person trainer@example.org" {
		t.Fatalf("attendance audit = %+v", entries)
	}
	r = tr.get(fmt.Sprintf("/training/manage/cohorts/%d", te.cohort.ID))
	mustContain(t, r, "Progress", "Attended")
}

func TestTrainingBespokeRequest(t *testing.T) {
	te := newTrainEnv(t, nil)
	v := te.client()
	r := v.post("/training/request", url.Values{"org_name": {"Riverside"}, "format": {"fax"}})
	mustContain(t, r, "Tell us about the challenges your team faces", "Select a format", `value="Riverside"`)
	staff := te.client().signIn("adminA")
	mustContain(t, staff.get("/training/request"), `value="Org trust-a"`)
	r = staff.post("/training/request", url.Values{"org_name": {"Org trust-a"}, "contact_name": {"Ada"}, "email": {"adminA@example.org"},
		"challenges": {"Restraint decisions at night"}, "team_size": {"40"}, "format": {"either"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("request: %d %s", r.status, text(r.body))
	}
	te.lastMail(t, "admina@example.org", "We have your training request")
	tr := te.client().signIn("trainer")
	r = tr.get("/training/manage/requests")
	mustContain(t, r, "Org trust-a", "New")
	qs, _ := te.tr.FindRequests(te.pctx)
	page := fmt.Sprintf("/training/manage/requests/%d", qs[0].ID)
	mustContain(t, tr.get(page), "Restraint decisions at night")
	tr.post(page, url.Values{"status": {"booked"}, "notes": {"Two sessions agreed"}})
	progs, _ := te.tr.FindProgrammes(te.pctx)
	r = tr.post(page+"/cohort", url.Values{"name": {""}, "programme": {fmt.Sprint(progs[0].ID)}, "client": {fmt.Sprint(te.orgA.ID)}, "starts-day": {"10"}, "starts-month": {"1"}, "starts-year": {"2030"}, "ends-day": {"1"}, "ends-month": {"1"}, "ends-year": {"2030"}})
	mustContain(t, r, "Enter a name for the cohort", "The end date must be on or after the start date")
	r = tr.post(page+"/cohort", url.Values{"name": {"Night staff"}, "programme": {fmt.Sprint(progs[0].ID)}, "client": {fmt.Sprint(te.orgA.ID)}, "starts-day": {"10"}, "starts-month": {"1"}, "starts-year": {"2030"}, "ends-day": {"1"}, "ends-month": {"2"}, "ends-year": {"2030"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("cohort from request: %d %s", r.status, text(r.body))
	}
	mustContain(t, tr.get(r.location), "Night staff", "From a bespoke request")
}

// TestTrainingEmailsThroughSMTP books, waits and is offered a place with the
// mail service delivering through a real SMTP server.
func TestTrainingEmailsThroughSMTP(t *testing.T) {
	rec := mailtest.Start(t)
	te := newTrainEnv(t, mail.Sender(rec.SMTP("Lightbulb <training@lightbulb.test>")))
	page := "/training/sessions/" + sid(te.open)
	a, b := te.client(), te.client()
	a.post(page+"/book", url.Values{"name": {"Ann"}, "email": {"ann@example.org"}})
	_, aTok := te.lastMail(t, "ann@example.org", "Confirm")
	a.post("/training/bookings/"+aTok+"/confirm", nil)
	b.post(page+"/book", url.Values{"name": {"Bo"}, "email": {"bo@example.org"}, "wait": {"1"}})
	_, bTok := te.lastMail(t, "bo@example.org", "Confirm")
	b.post("/training/bookings/"+bTok+"/confirm", nil)
	a.post("/training/bookings/"+aTok+"/cancel", nil)
	te.runJobs(t)
	got := strings.Join(rec.Messages(), "\n=====\n")
	for _, want := range []string{"RCPT TO:<ann@example.org>", "Subject: Confirm your booking", "/training/bookings/" + aTok + "/booking.ics",
		"RCPT TO:<bo@example.org>", "Subject: A place is free", "The place is held for you until"} {
		if !strings.Contains(got, want) {
			t.Errorf("the SMTP server did not receive %q; it got:\n%s", want, got)
		}
	}
	ms, _ := te.svc.Mail.FindMail(context.Background(), 50)
	for _, m := range ms {
		if m.SentAt == nil {
			t.Errorf("%q to %s was not delivered: %s", m.Subject, m.To, m.Error)
		}
	}
}

// TestTrainingFormsAreRateLimited: the public forms email whatever address
// they are given, so one network address cannot send them without limit.
func TestTrainingFormsAreRateLimited(t *testing.T) {
	te := newTrainEnvLimit(t, nil, 3)
	v := te.client()
	for i := range 3 {
		if r := v.post("/training/sessions/"+sid(te.open)+"/book", url.Values{"name": {"N"}, "email": {fmt.Sprintf("n%d@example.org", i)}}); r.status != http.StatusSeeOther {
			t.Fatalf("booking %d: %d", i, r.status)
		}
	}
	if r := v.post("/training/request", url.Values{}); r.status != http.StatusTooManyRequests {
		t.Fatalf("fourth form in a minute: %d", r.status)
	}
	if r := v.post("/training/sessions/"+sid(te.open)+"/book", url.Values{"name": {"N"}, "email": {"n9@example.org"}}); r.status != http.StatusTooManyRequests {
		t.Fatalf("fifth form in a minute: %d", r.status)
	}
}

// setNow makes lightbulb.Now return at until the test ends.
func setNow(t *testing.T, at time.Time) {
	t.Helper()
	old := lightbulb.Now
	lightbulb.Now = func() time.Time { return at }
	t.Cleanup(func() { lightbulb.Now = old })
}
