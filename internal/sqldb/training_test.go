package sqldb_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// trainingFixture is a provider with one course and an open session.
type trainingFixture struct {
	db       *sqldb.DB
	svc      *sqldb.TrainingService
	ctx      context.Context // scoped to the provider
	provider *lightbulb.Organisation
	client   *lightbulb.Organisation
	course   *lightbulb.Course
}

func newTrainingFixture(t *testing.T, db *sqldb.DB) *trainingFixture {
	t.Helper()
	f := &trainingFixture{db: db, svc: sqldb.NewTrainingService(db, sqldb.NewMailService(db), "https://lb.test")}
	f.provider = sqldbtest.MustOrg(t, db, "charity", lightbulb.KindCharity)
	f.client = sqldbtest.MustOrg(t, db, "trust", lightbulb.KindNHSTrust)
	f.ctx = lightbulb.WithOrg(context.Background(), f.provider.ID)
	f.course = &lightbulb.Course{Title: "Rights in practice", Summary: "The basics", DurationMins: 120, Mode: lightbulb.ModeOnline}
	if err := f.svc.CreateCourse(f.ctx, f.course); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *trainingFixture) session(t *testing.T, capacity int, starts time.Time, cohort int64) *lightbulb.Session {
	t.Helper()
	x := &lightbulb.Session{CourseID: f.course.ID, CohortID: cohort, Part: 1, StartsAt: starts, EndsAt: starts.Add(2 * time.Hour),
		Mode: lightbulb.ModeOnline, JoinURL: "https://meet.example/abc", Capacity: capacity}
	if err := f.svc.CreateSession(f.ctx, x); err != nil {
		t.Fatal(err)
	}
	return x
}

func (f *trainingFixture) book(t *testing.T, sessionID int64, email string, wait bool) *lightbulb.Booking {
	t.Helper()
	b, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: sessionID, Name: "Person " + email, Email: email, Wait: wait})
	if err != nil {
		t.Fatalf("book %s: %v", email, err)
	}
	if b.Status == lightbulb.BookingPending {
		if b, err = f.svc.ConfirmBooking(f.ctx, b.Token); err != nil {
			t.Fatalf("confirm %s: %v", email, err)
		}
	}
	return b
}

// setClock makes lightbulb.Now return a fixed time until the test ends.
func setClock(t *testing.T, at time.Time) {
	t.Helper()
	old := lightbulb.Now
	lightbulb.Now = func() time.Time { return at }
	t.Cleanup(func() { lightbulb.Now = old })
}

func TestCatalogueProgrammesAndCohorts(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		if err := f.svc.CreateCourse(f.ctx, &lightbulb.Course{Mode: "post"}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("empty course: %v", err)
		} else if v := err.(*lightbulb.ValidationErrors); len(v.List) != 4 {
			t.Fatalf("empty course: %d errors, want 4: %v", len(v.List), err)
		}
		second := &lightbulb.Course{Title: "Deciding with rights", Summary: "FART", DurationMins: 180, Mode: lightbulb.ModeInPerson}
		if err := f.svc.CreateCourse(f.ctx, second); err != nil {
			t.Fatal(err)
		}
		p := &lightbulb.Programme{Title: "Practitioner programme"}
		if err := f.svc.CreateProgramme(f.ctx, p, []int64{second.ID, f.course.ID}); err != nil {
			t.Fatal(err)
		}
		got, err := f.svc.FindProgramme(f.ctx, p.ID)
		if err != nil || len(got.Parts) != 2 || got.Parts[0].ID != second.ID || got.Parts[1].ID != f.course.ID {
			t.Fatalf("programme = %+v, %v; want parts in the order given", got, err)
		}
		// A programme cannot use another provider's course, and nothing is half-written.
		other := lightbulb.WithOrg(context.Background(), f.client.ID)
		if err := f.svc.CreateProgramme(other, &lightbulb.Programme{Title: "Stolen"}, []int64{f.course.ID}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("programme with another provider's course: %v", err)
		}
		if ps, _ := f.svc.FindProgrammes(other); len(ps) != 0 {
			t.Fatalf("a refused programme was half-written: %+v", ps)
		}
		day := time.Date(2030, 3, 1, 0, 0, 0, 0, time.UTC)
		c := &lightbulb.Cohort{ProgrammeID: p.ID, ClientOrgID: f.client.ID, Name: "Trust wave 1", StartsOn: day, EndsOn: day.AddDate(0, 1, 0)}
		if err := f.svc.CreateCohort(f.ctx, c); err != nil {
			t.Fatal(err)
		}
		bad := &lightbulb.Cohort{ProgrammeID: p.ID, ClientOrgID: f.client.ID, Name: "Backwards", StartsOn: day, EndsOn: day.AddDate(0, 0, -1)}
		if err := f.svc.CreateCohort(f.ctx, bad); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("cohort ending before it starts: %v", err)
		}
		if _, err := f.svc.FindCohort(other, c.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another org read the cohort: %v", err)
		}
		if _, err := f.svc.FindCourses(context.Background()); lightbulb.ErrorCode(err) != lightbulb.EFORBIDDEN {
			t.Fatalf("courses without an organisation: %v", err)
		}
	})
}

func TestSessionRules(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		start := time.Now().Add(72 * time.Hour).UTC()
		tests := []struct {
			name  string
			edit  func(*lightbulb.Session)
			field string
		}{
			{"end before start", func(x *lightbulb.Session) { x.EndsAt = x.StartsAt.Add(-time.Hour) }, "end"},
			{"online without a link", func(x *lightbulb.Session) { x.JoinURL = "" }, "join_url"},
			{"in person without a venue", func(x *lightbulb.Session) { x.Mode = lightbulb.ModeInPerson }, "venue"},
			{"no places", func(x *lightbulb.Session) { x.Capacity = 0 }, "capacity"},
		}
		for _, tt := range tests {
			x := &lightbulb.Session{CourseID: f.course.ID, StartsAt: start, EndsAt: start.Add(time.Hour), Mode: lightbulb.ModeOnline,
				JoinURL: "https://meet.example/x", Capacity: 5}
			tt.edit(x)
			err := f.svc.CreateSession(f.ctx, x)
			var v *lightbulb.ValidationErrors
			if !errors.As(err, &v) || v.List[0].Field != tt.field {
				t.Errorf("%s: err %v, want an error on %s", tt.name, err, tt.field)
			}
		}
		x := f.session(t, 2, start, 0)
		f.book(t, x.ID, "a@example.org", false)
		f.book(t, x.ID, "b@example.org", false)
		x.Capacity = 1
		if err := f.svc.UpdateSession(f.ctx, x); lightbulb.ErrorCode(err) != lightbulb.EINVALID || !strings.Contains(lightbulb.ErrorMessage(err), "2 places") {
			t.Fatalf("capacity below the places taken: %v", err)
		}
		if got, _ := f.svc.FindSession(f.ctx, x.ID); got.Capacity != 2 || got.Taken != 2 {
			t.Fatalf("after a refused change: %+v", got)
		}
		// Cancelling the session tells both booked people, once.
		x.Capacity, x.Cancelled = 2, true
		if err := f.svc.UpdateSession(f.ctx, x); err != nil {
			t.Fatal(err)
		}
		if err := f.svc.UpdateSession(f.ctx, x); err != nil {
			t.Fatal(err)
		}
		sqldbtest.RunJobs(t, db, f.svc)
		for _, to := range []string{"a@example.org", "b@example.org"} {
			if n := outboxTo(t, db, to, "Session cancelled"); n != 1 {
				t.Fatalf("cancellation emails to %s = %d, want 1", to, n)
			}
		}
	})
}

func TestBookingRules(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		x := f.session(t, 1, time.Now().Add(72*time.Hour), 0)
		b, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Ann", Email: " Ann@Example.org "})
		if err != nil || b.Status != lightbulb.BookingPending || b.Email != "ann@example.org" {
			t.Fatalf("visitor booking = %+v, %v; want pending", b, err)
		}
		if got, _ := f.svc.FindSession(f.ctx, x.ID); got.Taken != 0 {
			t.Fatal("a pending booking holds a place")
		}
		again, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Ann", Email: "ann@example.org"})
		if err != nil || again.ID != b.ID {
			t.Fatalf("asking again while pending: %+v, %v; want the same booking", again, err)
		}
		if b, err = f.svc.ConfirmBooking(f.ctx, b.Token); err != nil || b.Status != lightbulb.BookingConfirmed {
			t.Fatalf("confirm = %+v, %v", b, err)
		}
		if _, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Ann", Email: "ann@example.org"}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("double booking: %v", err)
		}
		if _, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Bo", Email: "bo@example.org"}); err != errFullMessage(err) {
			t.Fatalf("full session: %v", err)
		}
		w, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Bo", Email: "bo@example.org", Wait: true})
		if err != nil {
			t.Fatal(err)
		}
		if w, _ = f.svc.ConfirmBooking(f.ctx, w.Token); w.Status != lightbulb.BookingWaiting {
			t.Fatalf("confirming on a full session: %s, want waiting", w.Status)
		}
		past := f.session(t, 5, time.Now().Add(-time.Hour), 0)
		if _, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: past.ID, Name: "C", Email: "c@example.org"}); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("past session: %v", err)
		}
		closed := f.session(t, 5, time.Now().Add(72*time.Hour), 0)
		closed.Cancelled = true
		if err := f.svc.UpdateSession(f.ctx, closed); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: closed.ID, Name: "C", Email: "c@example.org"}); !strings.Contains(lightbulb.ErrorMessage(err), "cancelled") {
			t.Fatalf("cancelled session: %v", err)
		}
		// A cohort's session does not exist for other organisations' staff.
		p := &lightbulb.Programme{Title: "P"}
		_ = f.svc.CreateProgramme(f.ctx, p, []int64{f.course.ID})
		c := &lightbulb.Cohort{ProgrammeID: p.ID, ClientOrgID: f.client.ID, Name: "C1", StartsOn: time.Now(), EndsOn: time.Now()}
		if err := f.svc.CreateCohort(f.ctx, c); err != nil {
			t.Fatal(err)
		}
		cs := f.session(t, 5, time.Now().Add(72*time.Hour), c.ID)
		if _, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: cs.ID, Name: "Out", Email: "o@example.org", OrgID: 999}); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("outsider booking a cohort session: %v", err)
		}
		in, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: cs.ID, Name: "In", Email: "in@example.org", OrgID: f.client.ID, UserID: 0})
		if err != nil || in.Status != lightbulb.BookingPending {
			t.Fatalf("member booking a cohort session: %+v %v", in, err)
		}
	})
}

func errFullMessage(err error) error {
	if lightbulb.ErrorCode(err) == lightbulb.ECONFLICT && strings.Contains(lightbulb.ErrorMessage(err), "waiting list") {
		return err
	}
	return errors.New("not the full-session error")
}

func outboxTo(t *testing.T, db *sqldb.DB, to, subject string) int {
	t.Helper()
	ms, err := sqldb.NewMailService(db).FindMail(context.Background(), 500)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range ms {
		if m.To == to && strings.Contains(m.Subject, subject) {
			n++
		}
	}
	return n
}

func TestWaitingListOffers(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		x := f.session(t, 1, time.Now().Add(10*24*time.Hour), 0)
		a := f.book(t, x.ID, "a@example.org", false)
		b := f.book(t, x.ID, "b@example.org", true)
		c := f.book(t, x.ID, "c@example.org", true)
		if b.Status != lightbulb.BookingWaiting || c.Status != lightbulb.BookingWaiting {
			t.Fatalf("waiting = %s, %s", b.Status, c.Status)
		}
		if _, err := f.svc.CancelBooking(f.ctx, a.Token); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.CancelBooking(f.ctx, a.Token); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("cancelling twice: %v", err)
		}
		sqldbtest.RunJobs(t, db, f.svc)
		b, _ = f.svc.FindBookingByToken(f.ctx, b.Token)
		if b.Status != lightbulb.BookingOffered || b.OfferExpires.Sub(time.Now()) < 47*time.Hour {
			t.Fatalf("first waiting after a cancellation: %s until %v", b.Status, b.OfferExpires)
		}
		if n := outboxTo(t, db, "b@example.org", "A place is free"); n != 1 {
			t.Fatalf("offer emails to b = %d, want 1", n)
		}
		// b lets the offer run out: it passes to c, and b cannot take it late.
		setClock(t, b.OfferExpires.Add(time.Minute))
		sqldbtest.RunJobs(t, db, f.svc)
		if _, err := f.svc.AcceptOffer(f.ctx, b.Token); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT || !strings.Contains(lightbulb.ErrorMessage(err), "expired") {
			t.Fatalf("accepting an expired offer: %v", err)
		}
		c, _ = f.svc.FindBookingByToken(f.ctx, c.Token)
		if c.Status != lightbulb.BookingOffered {
			t.Fatalf("next in line after expiry: %s", c.Status)
		}
		if outboxTo(t, db, "b@example.org", "has gone") != 1 || outboxTo(t, db, "c@example.org", "A place is free") != 1 {
			t.Fatal("expiry and next offer emails not sent once each")
		}
		if c, err := f.svc.AcceptOffer(f.ctx, c.Token); err != nil || c.Status != lightbulb.BookingConfirmed {
			t.Fatalf("accept = %+v, %v", c, err)
		}
		if got, _ := f.svc.FindSession(f.ctx, x.ID); got.Taken != 1 || got.Waiting != 0 {
			t.Fatalf("session after the offers: taken %d waiting %d", got.Taken, got.Waiting)
		}
	})
}

// TestJobsSurviveACrash runs the due jobs with a sender that fails after the
// claim (a crash between claim and send), then runs them again, and checks
// that every reminder goes exactly once.
func TestJobsSurviveACrash(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		start := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Second)
		x := f.session(t, 10, start, 0)
		f.book(t, x.ID, "a@example.org", false)
		f.book(t, x.ID, "b@example.org", false)
		if n, _, _ := sqldbtest.Jobs(t, db, f.svc).Pending(context.Background()); n != 4 {
			t.Fatalf("pending training jobs = %d, want 4 (two reminders each)", n)
		}
		setClock(t, start.Add(-47*time.Hour)) // the two-day reminders are due
		crashing := sqldbtest.Jobs(t, db, f.svc)
		// Only the reminders crash: the daily clean-up of access needs, due or
		// not depending on the hour the test runs, finishes here once for
		// the day and does not count below.
		crashing.Fault = func(kind string) error {
			if kind == lightbulb.JobAccessNeeds {
				return nil
			}
			return errors.New("the process died")
		}
		if _, err := crashing.RunDue(context.Background(), 100); err != nil {
			t.Fatalf("crashing run: %v", err)
		}
		if outboxTo(t, db, "a@example.org", "Reminder") != 0 {
			t.Fatal("a crashed job left mail behind")
		}
		// The failed jobs wait a minute before their next try.
		setClock(t, start.Add(-47*time.Hour+2*time.Minute))
		var wg sync.WaitGroup
		counts := make([]int, 3)
		for i := range counts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				n, err := sqldbtest.Jobs(t, db, f.svc).RunDue(context.Background(), 100)
				if err != nil {
					t.Error(err)
				}
				counts[i] = n
			}()
		}
		wg.Wait()
		if total := counts[0] + counts[1] + counts[2]; total != 2 {
			t.Fatalf("concurrent runners did %v jobs, want 2 in all", counts)
		}
		if n := sqldbtest.RunJobs(t, db, f.svc); n != 0 {
			t.Fatalf("a third run did %d jobs", n)
		}
		for _, to := range []string{"a@example.org", "b@example.org"} {
			if n := outboxTo(t, db, to, "Reminder"); n != 1 {
				t.Fatalf("reminders to %s = %d, want 1", to, n)
			}
		}
		if n, _, _ := sqldbtest.Jobs(t, db, f.svc).Pending(context.Background()); n != 2 {
			t.Fatalf("training jobs pending after the two-day reminders = %d, want the two one-hour ones", n)
		}
	})
}

func TestAttendanceAndProgress(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		p := &lightbulb.Programme{Title: "Two parts"}
		if err := f.svc.CreateProgramme(f.ctx, p, []int64{f.course.ID, f.course.ID}); err != nil {
			t.Fatal(err)
		}
		c := &lightbulb.Cohort{ProgrammeID: p.ID, ClientOrgID: f.client.ID, Name: "Wave", StartsOn: time.Now(), EndsOn: time.Now()}
		if err := f.svc.CreateCohort(f.ctx, c); err != nil {
			t.Fatal(err)
		}
		x := f.session(t, 5, time.Now().Add(72*time.Hour), c.ID)
		b, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Nia", Email: "nia@example.org", UserID: 0, OrgID: f.client.ID})
		if err != nil {
			t.Fatal(err)
		}
		pending, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Pat", Email: "pat@example.org", OrgID: f.client.ID})
		if err != nil {
			t.Fatal(err)
		}
		b, _ = f.svc.ConfirmBooking(f.ctx, b.Token)
		// Before the session starts nobody can be marked, and nothing is saved.
		err = f.svc.MarkAttendance(f.ctx, x.ID, map[int64]string{b.ID: lightbulb.Attended}, "Too soon")
		if lightbulb.ErrorCode(err) != lightbulb.ECONFLICT || !strings.Contains(lightbulb.ErrorMessage(err), "from the start of the session") {
			t.Fatalf("marking before the start: %v", err)
		}
		if reg, _ := f.svc.Register(f.ctx, x.ID); reg[0].Attendance != "" {
			t.Fatalf("an early mark was saved: %+v", reg[0])
		}
		if n, _ := f.svc.SessionNotes(f.ctx, x.ID); n != "" {
			t.Fatalf("notes saved with a refused mark: %q", n)
		}
		if err := f.svc.MarkAttendance(f.ctx, x.ID, nil, "Room booked"); err != nil {
			t.Fatalf("notes alone before the start: %v", err)
		}
		setClock(t, x.StartsAt)
		if err := f.svc.MarkAttendance(f.ctx, x.ID, map[int64]string{pending.ID: lightbulb.Attended}, ""); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("marking a pending booking: %v", err)
		}
		if err := f.svc.MarkAttendance(f.ctx, x.ID, map[int64]string{b.ID: "maybe"}, ""); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("a bad mark: %v", err)
		}
		if err := f.svc.MarkAttendance(f.ctx, x.ID, map[int64]string{b.ID: lightbulb.Attended}, "Good questions on Article 8"); err != nil {
			t.Fatal(err)
		}
		if n, _ := f.svc.SessionNotes(f.ctx, x.ID); n != "Good questions on Article 8" {
			t.Fatalf("notes = %q", n)
		}
		other := lightbulb.WithOrg(context.Background(), f.client.ID)
		if err := f.svc.MarkAttendance(other, x.ID, map[int64]string{b.ID: lightbulb.NoShow}, "x"); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another org marked attendance: %v", err)
		}
		if _, err := f.svc.Register(other, x.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another org read the register: %v", err)
		}
		pr, err := f.svc.CohortProgress(f.ctx, c.ID)
		if err != nil || len(pr) != 1 || pr[0].Parts[0] != lightbulb.Attended || pr[0].Parts[1] != "" {
			t.Fatalf("progress = %+v, %v", pr, err)
		}
	})
}

func TestBespokeRequestBecomesACohort(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		r := &lightbulb.TrainingRequest{FromOrgID: f.client.ID, OrgName: "Trust", ContactName: "Kim", Email: "kim@example.org",
			Challenges: "Visiting restrictions on our wards", TeamSize: 40, Format: lightbulb.ModeOnline}
		if err := f.svc.CreateRequest(f.ctx, r); err != nil {
			t.Fatal(err)
		}
		if err := f.svc.CreateRequest(f.ctx, &lightbulb.TrainingRequest{Format: "fax"}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("empty request: %v", err)
		}
		p := &lightbulb.Programme{Title: "P"}
		_ = f.svc.CreateProgramme(f.ctx, p, []int64{f.course.ID})
		c := &lightbulb.Cohort{ProgrammeID: p.ID, ClientOrgID: f.client.ID, Name: "From request", StartsOn: time.Now(), EndsOn: time.Now()}
		if err := f.svc.CohortFromRequest(f.ctx, r.ID, c); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("cohort from a new request: %v", err)
		}
		if err := f.svc.UpdateRequest(f.ctx, r.ID, "lost", ""); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("unknown status: %v", err)
		}
		if err := f.svc.UpdateRequest(f.ctx, r.ID, "booked", "Agreed 2 sessions"); err != nil {
			t.Fatal(err)
		}
		if err := f.svc.CohortFromRequest(f.ctx, r.ID, c); err != nil {
			t.Fatal(err)
		}
		got, _ := f.svc.FindRequest(f.ctx, r.ID)
		if got.CohortID != c.ID || got.Notes != "Agreed 2 sessions" {
			t.Fatalf("request after cohort = %+v", got)
		}
		if err := f.svc.CohortFromRequest(f.ctx, r.ID, &lightbulb.Cohort{ProgrammeID: p.ID, ClientOrgID: f.client.ID, Name: "Again", StartsOn: time.Now(), EndsOn: time.Now()}); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("second cohort: %v", err)
		}
		if _, err := f.svc.FindRequest(lightbulb.WithOrg(context.Background(), f.client.ID), r.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another org read the request: %v", err)
		}
	})
}

// TestLastPlaceGoesOnce confirms five bookings at once on a session with one
// place: exactly one gets it and the others wait.
func TestLastPlaceGoesOnce(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		x := f.session(t, 1, time.Now().Add(72*time.Hour), 0)
		var tokens []string
		for i := range 5 {
			b, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "P", Email: fmt.Sprintf("p%d@example.org", i)})
			if err != nil {
				t.Fatal(err)
			}
			tokens = append(tokens, b.Token)
		}
		var wg sync.WaitGroup
		states := make([]string, len(tokens))
		for i, tok := range tokens {
			wg.Add(1)
			go func() {
				defer wg.Done()
				b, err := f.svc.ConfirmBooking(f.ctx, tok)
				if err != nil {
					t.Error(err)
					return
				}
				states[i] = b.Status
			}()
		}
		wg.Wait()
		n := 0
		for _, s := range states {
			if s == lightbulb.BookingConfirmed {
				n++
			} else if s != lightbulb.BookingWaiting {
				t.Errorf("state %q", s)
			}
		}
		if got, _ := f.svc.FindSession(f.ctx, x.ID); n != 1 || got.Taken != 1 || got.Waiting != 4 {
			t.Fatalf("%d confirmed; session taken %d waiting %d; want 1, 1, 4", n, got.Taken, got.Waiting)
		}
	})
}

// BenchmarkFindSessions lists the upcoming open sessions of a catalogue of
// 300 sessions with 10 bookings each, as /training does.
func BenchmarkFindSessions(b *testing.B) {
	db := sqldbtest.MustOpen(b)
	svc := sqldb.NewTrainingService(db, sqldb.NewMailService(db), "")
	o := sqldbtest.MustOrg(b, db, "charity", lightbulb.KindCharity)
	ctx := lightbulb.WithOrg(context.Background(), o.ID)
	c := &lightbulb.Course{Title: "C", Summary: "S", DurationMins: 60, Mode: lightbulb.ModeOnline}
	if err := svc.CreateCourse(ctx, c); err != nil {
		b.Fatal(err)
	}
	for i := range 300 {
		at := time.Now().Add(time.Duration(i+1) * 24 * time.Hour)
		x := &lightbulb.Session{CourseID: c.ID, StartsAt: at, EndsAt: at.Add(time.Hour), Mode: lightbulb.ModeOnline, JoinURL: "https://x.example", Capacity: 20}
		if err := svc.CreateSession(ctx, x); err != nil {
			b.Fatal(err)
		}
		for j := range 10 {
			if _, err := svc.Book(ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "P", Email: fmt.Sprintf("p%d@example.org", j)}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		xs, err := svc.FindSessions(ctx, lightbulb.SessionFilter{Upcoming: true, OpenOnly: true})
		if err != nil || len(xs) != 300 {
			b.Fatalf("%d sessions, %v", len(xs), err)
		}
	}
}

// A booking change and the email it causes commit together: the store
// queues each email in the change's own transaction, and a change that is
// refused queues none.
func TestBookingEmailsCommitWithTheChange(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		x := f.session(t, 1, time.Now().Add(72*time.Hour).UTC().Truncate(time.Second), 0)
		req := &lightbulb.BookingRequest{SessionID: x.ID, Name: "Ann", Email: "ann@example.org"}
		b, err := f.svc.Book(f.ctx, req)
		if err != nil || outboxTo(t, db, "ann@example.org", "Confirm your booking") != 1 {
			t.Fatalf("booking: %v; confirmation emails %d", err, outboxTo(t, db, "ann@example.org", "Confirm your booking"))
		}
		if _, err := f.svc.ConfirmBooking(f.ctx, b.Token); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.ConfirmBooking(f.ctx, b.Token); err != nil {
			t.Fatalf("following the link again: %v", err)
		}
		if n := outboxTo(t, db, "ann@example.org", "You are booked"); n != 1 {
			t.Fatalf("booked emails = %d, want 1 (following the link again changes nothing)", n)
		}
		if _, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Bo", Email: "bo@example.org"}); err == nil {
			t.Fatal("a full session took a booking without the waiting list")
		}
		if n := outboxTo(t, db, "bo@example.org", ""); n != 0 {
			t.Fatalf("a refused booking queued %d emails", n)
		}
		if _, err := f.svc.CancelBooking(f.ctx, b.Token); err != nil {
			t.Fatal(err)
		}
		if n := outboxTo(t, db, "ann@example.org", "Booking cancelled"); n != 1 {
			t.Fatalf("cancellation emails = %d, want 1", n)
		}
	})
}
