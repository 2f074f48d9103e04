package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// scheduleFeedbackRequest queues the email asking an attendee for feedback,
// to go when their session ends (at once if it has), unless one is queued.
func (s *TrainingService) scheduleFeedbackRequest(ctx context.Context, tx *sql.Tx, org, sessionID, bookingID int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM jobs WHERE org_id = $1 AND kind = $2 AND payload = $3`,
		org, lightbulb.JobFeedbackRequest, fmt.Sprint(bookingID)).Scan(&n); err != nil {
		return fmt.Errorf("find feedback job: %w", err)
	}
	if n > 0 {
		return nil
	}
	var ends sql.NullTime
	if err := tx.QueryRowContext(ctx, `SELECT ends_at FROM training_sessions WHERE org_id = $1 AND id = $2`, org, sessionID).Scan(&ends); err != nil {
		return fmt.Errorf("session end: %w", err)
	}
	at := lightbulb.Now()
	if ends.Valid && ends.Time.After(at) {
		at = ends.Time
	}
	return enqueue(ctx, tx, org, lightbulb.JobFeedbackRequest, bookingID, at)
}

// feedbackRequestMail writes the feedback request for a booking that came
// and has not given feedback yet.
func (s *TrainingService) feedbackRequestMail(ctx context.Context, tx *sql.Tx, org int64, b *lightbulb.Booking) ([]*lightbulb.Mail, error) {
	if b.Status != lightbulb.BookingConfirmed || b.Attendance != lightbulb.Attended || b.Session.Cancelled {
		return nil, nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM learning_feedback_given WHERE org_id = $1 AND booking_id = $2`, org, b.ID).Scan(&n); err != nil {
		return nil, fmt.Errorf("feedback given: %w", err)
	}
	if n > 0 {
		return nil, nil
	}
	return []*lightbulb.Mail{lightbulb.FeedbackRequestMail(b, s.baseURL)}, nil
}
