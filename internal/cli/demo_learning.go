package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// learnDemoVoices are the demo's attendees: who, the rating, what they
// said, whether anonymous, whether they agreed to be quoted, whether a
// trainer published it, and their knowledge check scores out of 7 before and
// after the course.
var learnDemoVoices = []struct {
	name, comment          string
	rating                 int
	anon, consent, publish bool
	pre, post              int
}{
	{"Hana Ali", "Clear, principled training which reminds us why we do the job we do.", 5, false, true, true, 3, 6},
	{"Owen Reid", "The visiting case made me rethink how we explain restrictions to families.", 5, false, true, true, 4, 6},
	{"Kit Lowe", "Useful, but the part on qualified rights went quickly. More cases, please.", 3, true, true, false, 2, 5},
	{"Mo Davies", "I finally understand what proportionate means in practice.", 4, true, true, true, 5, 7},
	{"Ruth Webb", "Good session. I would have liked more time for questions.", 4, false, false, false, 3, 4},
}

// learnDemoNursePre is the demo nurse's score before the course; she has
// the check after it still to take.
const learnDemoNursePre = 3

// loadLearningDemo adds a team session that ended a fortnight ago, its
// attendees and their feedback, some of it published as testimonials. The
// Northbridge nurse came too and has her feedback still to give. It runs once.
func loadLearningDemo(ctx context.Context, db *sqldb.DB, out io.Writer) error {
	if err := loadLearningSurveyDemo(ctx, db, out); err != nil {
		return err
	}
	if err := loadLearningPlanDemo(ctx, db, out); err != nil {
		return err
	}
	charity, err := sqldb.NewOrgService(db).FindOrgBySlug(ctx, "lightbulb-charity")
	if err != nil {
		return fmt.Errorf("demo learning: %w", err)
	}
	ctx = lightbulb.WithOrg(ctx, charity.ID)
	tr := sqldb.NewTrainingService(db, sqldb.NewMailService(db), "")
	ls := sqldb.NewLearningService(db, tr)
	if res, err := ls.FeedbackResults(ctx); err != nil || len(res.All) > 0 {
		fmt.Fprintln(out, "Learning demo: already loaded.")
		return err
	}
	courses, err := tr.FindCourses(ctx)
	if err != nil || len(courses) == 0 {
		return fmt.Errorf("demo learning needs the training demo: %v", err)
	}
	bookings, past, err := learnDemoPastSession(ctx, db, tr, ls, courses[0].ID)
	if err != nil {
		return fmt.Errorf("demo learning: %w", err)
	}
	if err := learnDemoTrainStaff(ctx, db, tr, past); err != nil {
		return fmt.Errorf("demo learning: %w", err)
	}
	// Attendance is left for the trainer to mark, as on the day: marking it
	// queues the feedback requests by email.
	for i, v := range learnDemoVoices {
		f := &lightbulb.FeedbackForm{Rating: v.rating, Comment: v.comment, Anonymous: v.anon, Consent: v.consent}
		if err := ls.GiveFeedback(ctx, bookings[i].Token, f); err != nil {
			return fmt.Errorf("demo feedback: %w", err)
		}
		if err := ls.SaveCheck(ctx, bookings[i].Token, lightbulb.CheckPost, v.post, 7, nil); err != nil {
			return fmt.Errorf("demo check after: %w", err)
		}
	}
	res, err := ls.FeedbackResults(ctx)
	if err != nil {
		return err
	}
	published := 0
	for _, f := range res.All {
		for _, v := range learnDemoVoices {
			if v.publish && f.Comment == v.comment {
				if err := ls.PublishFeedback(ctx, f.ID, true); err != nil {
					return fmt.Errorf("demo publish: %w", err)
				}
				published++
			}
		}
	}
	fmt.Fprintf(out, "Learning demo: a past session with %d pieces of feedback, %d published as testimonials, and knowledge checks before and after.\n", len(res.All), published)
	return nil
}

// learnDemoPastSession creates a session that ended two weeks ago and books
// the demo's voices and the Northbridge nurse on it. Bookings are only
// taken for sessions to come, so the clock is wound back while booking;
// the demo command runs alone, before anything serves requests.
func learnDemoPastSession(ctx context.Context, db *sqldb.DB, tr *sqldb.TrainingService, ls *sqldb.LearningService, course int64) ([]*lightbulb.Booking, *lightbulb.Session, error) {
	starts := demoWorkday(-14, 10)
	real := lightbulb.Now
	lightbulb.Now = func() time.Time { return starts.Add(-30 * time.Minute).UTC() } // too late for reminders
	defer func() { lightbulb.Now = real }()
	x := &lightbulb.Session{CourseID: course, StartsAt: starts, EndsAt: starts.Add(2 * time.Hour), Mode: lightbulb.ModeOnline,
		JoinURL: "https://meet.example.org/lightbulb-past", Capacity: 30, Facilitators: "Tomos Pritchard (trainer), Esther Okafor (lived experience expert)"}
	if err := tr.CreateSession(ctx, x); err != nil {
		return nil, nil, err
	}
	var out []*lightbulb.Booking
	for i, v := range learnDemoVoices {
		b, err := tr.Book(ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: v.name, Email: fmt.Sprintf("attendee%d@example.org", i+1)})
		if err == nil {
			b, err = tr.ConfirmBooking(ctx, b.Token)
		}
		if err == nil {
			err = ls.SaveCheck(ctx, b.Token, lightbulb.CheckPre, v.pre, 7, nil)
		}
		if err != nil {
			return nil, nil, err
		}
		out = append(out, b)
	}
	trust, err := sqldb.NewOrgService(db).FindOrgBySlug(ctx, "northbridge-nhs")
	if err != nil {
		return nil, nil, err
	}
	if nurse, err := sqldb.NewUserService(db).FindUserByEmail(ctx, "nurse@northbridge.test"); err == nil {
		b, err := tr.Book(ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: nurse.Name, Email: nurse.Email, UserID: nurse.ID, OrgID: trust.ID})
		if err == nil {
			err = ls.SaveCheck(ctx, b.Token, lightbulb.CheckPre, learnDemoNursePre, 7, nil)
		}
		if err != nil {
			return nil, nil, err
		}
		out = append(out, b)
	}
	return out, x, nil
}
