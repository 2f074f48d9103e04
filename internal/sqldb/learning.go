package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// LearningService stores feedback on training; see lightbulb.LearningService.
type LearningService struct {
	db *DB
	tr *TrainingService
}

// NewLearningService returns a LearningService over db that reads sessions
// and bookings through tr.
func NewLearningService(db *DB, tr *TrainingService) *LearningService {
	return &LearningService{db: db, tr: tr}
}

var _ lightbulb.LearningService = (*LearningService)(nil)

// feedbackOpen says why a booking may not give feedback, or nil.
func feedbackOpen(b *lightbulb.Booking) error {
	x := b.Session
	switch {
	case b.Status != lightbulb.BookingConfirmed || x.Cancelled:
		return lightbulb.Errorf(lightbulb.ECONFLICT, "Feedback can only be given by people who had a place on the session.")
	case x.EndsAt.After(lightbulb.Now()):
		return lightbulb.Errorf(lightbulb.ECONFLICT, "This session has not finished yet. You can give feedback once it ends.")
	case b.Attendance == lightbulb.NoShow:
		return lightbulb.Errorf(lightbulb.ECONFLICT, "The register shows you did not come to this session, so you cannot give feedback on it.")
	}
	return nil
}

// FeedbackBooking returns a token's booking and whether it gave feedback.
func (s *LearningService) FeedbackBooking(ctx context.Context, token string) (*lightbulb.Booking, bool, error) {
	b, err := s.tr.FindBookingByToken(ctx, token)
	if err != nil {
		return nil, false, err
	}
	given, err := s.given(ctx, s.db.read, b.ID)
	return b, given, err
}

type queryRower interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func (s *LearningService) given(ctx context.Context, q queryRower, bookingID int64) (bool, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return false, err
	}
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM learning_feedback_given WHERE org_id = $1 AND booking_id = $2`, org, bookingID).Scan(&n); err != nil {
		return false, fmt.Errorf("feedback given: %w", err)
	}
	return n > 0, nil
}

var errFeedbackTwice = lightbulb.Errorf(lightbulb.ECONFLICT, "You have already given feedback on this session. Thank you.")

// GiveFeedback saves one booking's feedback, once.
func (s *LearningService) GiveFeedback(ctx context.Context, token string, f *lightbulb.FeedbackForm) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := f.Validate(); err != nil {
		return err
	}
	b, err := s.tr.FindBookingByToken(ctx, token)
	if err != nil {
		return err
	}
	if err := feedbackOpen(b); err != nil {
		return err
	}
	name := b.Name
	if f.Anonymous {
		name = ""
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if given, err := s.given(ctx, tx, b.ID); err != nil {
			return err
		} else if given {
			return errFeedbackTwice
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO learning_feedback_given (booking_id, org_id) VALUES ($1, $2)`, b.ID, org); err != nil {
			if isUnique(err) {
				return errFeedbackTwice
			}
			return fmt.Errorf("mark feedback given: %w", err)
		}
		day := lightbulb.Now().In(lightbulb.London).Format("2006-01-02")
		_, err := tx.ExecContext(ctx, `INSERT INTO learning_feedback (id, org_id, session_id, rating, comment, name, consent, published, given_on)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, newToken(), org, b.SessionID, f.Rating, f.Comment, name, f.Consent, false, day)
		if err != nil {
			return fmt.Errorf("save feedback: %w", err)
		}
		return nil
	})
}

// FeedbackDue lists a person's ended, attended sessions still without feedback.
func (s *LearningService) FeedbackDue(ctx context.Context, userID int64) ([]*lightbulb.Booking, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT b.token FROM training_bookings b JOIN training_sessions s ON s.id = b.session_id
		WHERE b.org_id = $1 AND b.user_id = $2 AND b.status = 'confirmed' AND b.attendance <> 'no_show' AND s.cancelled = $3 AND s.ends_at <= $4
		AND NOT EXISTS (SELECT 1 FROM learning_feedback_given g WHERE g.booking_id = b.id)
		ORDER BY s.starts_at DESC, b.id`, org, userID, false, lightbulb.Now())
	if err != nil {
		return nil, fmt.Errorf("feedback due: %w", err)
	}
	tokens, err := scanStrings(rows)
	if err != nil {
		return nil, err
	}
	var out []*lightbulb.Booking
	for _, t := range tokens {
		b, err := s.tr.FindBookingByToken(ctx, t)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

func scanStrings(rows *sql.Rows) ([]string, error) {
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

const feedbackCols = `f.id, f.session_id, f.rating, f.comment, f.name, f.consent, f.published, f.given_on, c.title, coalesce(h.name, ''), s.starts_at`
const feedbackFrom = ` FROM learning_feedback f JOIN training_sessions s ON s.id = f.session_id JOIN training_courses c ON c.id = s.course_id
	LEFT JOIN training_cohorts h ON h.id = s.cohort_id`

func (s *LearningService) findFeedback(ctx context.Context, where string) ([]*lightbulb.Feedback, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+feedbackCols+feedbackFrom+` WHERE f.org_id = $1`+where+` ORDER BY s.starts_at DESC, f.session_id, f.id`, org)
	if err != nil {
		return nil, fmt.Errorf("find feedback: %w", err)
	}
	defer rows.Close()
	var out []*lightbulb.Feedback
	for rows.Next() {
		var f lightbulb.Feedback
		if err := rows.Scan(&f.ID, &f.SessionID, &f.Rating, &f.Comment, &f.Name, &f.Consent, &f.Published, &f.GivenOn,
			&f.CourseTitle, &f.CohortName, &f.SessionStart); err != nil {
			return nil, fmt.Errorf("scan feedback: %w", err)
		}
		out = append(out, &f)
	}
	return out, rows.Err()
}

// FeedbackResults sums up feedback per session, course and cohort.
func (s *LearningService) FeedbackResults(ctx context.Context) (*lightbulb.FeedbackResults, error) {
	all, err := s.findFeedback(ctx, "")
	if err != nil {
		return nil, err
	}
	res := &lightbulb.FeedbackResults{All: all}
	groups := map[string]*lightbulb.FeedbackGroup{}
	add := func(list *[]*lightbulb.FeedbackGroup, key, label string, day time.Time, rating int) {
		g, ok := groups[key]
		if !ok {
			g = &lightbulb.FeedbackGroup{Label: label, Day: day}
			groups[key] = g
			*list = append(*list, g)
		}
		g.Add(rating)
	}
	for _, f := range all {
		add(&res.Sessions, fmt.Sprint("s", f.SessionID), f.CourseTitle, f.SessionStart, f.Rating)
		add(&res.Courses, "c"+f.CourseTitle, f.CourseTitle, time.Time{}, f.Rating)
		if f.CohortName != "" {
			add(&res.Cohorts, "h"+f.CohortName, f.CohortName, time.Time{}, f.Rating)
		}
	}
	return res, nil
}

// PublishFeedback shows or hides a consented quote on the testimonials page.
func (s *LearningService) PublishFeedback(ctx context.Context, id string, publish bool) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	var consent bool
	var comment string
	err = s.db.readRow(ctx, `SELECT consent, comment FROM learning_feedback WHERE org_id = $1 AND id = $2`, org, id).Scan(&consent, &comment)
	if errors.Is(err, sql.ErrNoRows) {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such feedback.")
	} else if err != nil {
		return fmt.Errorf("find feedback: %w", err)
	}
	if publish && (!consent || comment == "") {
		return lightbulb.Errorf(lightbulb.ECONFLICT, "This person did not agree to be quoted, so their words cannot be published.")
	}
	if _, err := s.db.write.ExecContext(ctx, `UPDATE learning_feedback SET published = $1 WHERE org_id = $2 AND id = $3`, publish, org, id); err != nil {
		return fmt.Errorf("publish feedback: %w", err)
	}
	return nil
}

// Testimonials lists the published quotes, newest session first.
func (s *LearningService) Testimonials(ctx context.Context) ([]*lightbulb.Feedback, error) {
	return s.findFeedback(ctx, ` AND f.published = `+s.db.boolTrue()+` AND f.consent = `+s.db.boolTrue())
}

func (db *DB) boolTrue() string {
	if db.Dialect == Postgres {
		return "TRUE"
	}
	return "1"
}
