package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

// trainingKinds are the jobs the training and learning areas own; each
// writes its email to the outbox in the job's own transaction.
var trainingKinds = []string{lightbulb.JobReminder2d, lightbulb.JobReminder1h, lightbulb.JobOfferMail,
	lightbulb.JobOfferExpiry, lightbulb.JobCancelled, lightbulb.JobFeedbackRequest, lightbulb.JobPlanCheckin}

// RegisterJobs adds the training and learning jobs to q: reminders, offers
// and their expiry, cancellations, feedback requests and plan check-ins.
func (s *TrainingService) RegisterJobs(q *jobs.Queue) {
	for _, k := range trainingKinds {
		q.Register(k, s.runJob)
	}
	q.Register(lightbulb.JobAccessNeeds, clearAccessNeeds)
	_ = q.Daily("training-access-needs", lightbulb.JobAccessNeeds, "02:45") // a fixed, valid time: it cannot fail
}

// clearAccessNeeds forgets bookers' access needs once their session ended
// more than AccessNeedsDays ago: they were asked only to meet them.
func clearAccessNeeds(ctx context.Context, tx *sql.Tx, _ *jobs.Job) error {
	cutoff := lightbulb.Now().AddDate(0, 0, -lightbulb.AccessNeedsDays)
	_, err := tx.ExecContext(ctx, `UPDATE training_bookings SET access_needs = '' WHERE access_needs <> ''
		AND session_id IN (SELECT id FROM training_sessions WHERE ends_at < $1)`, cutoff)
	if err != nil {
		return fmt.Errorf("clear access needs: %w", err)
	}
	return nil
}

// runJob works out a training job's email, inside the job's transaction,
// and queues it there, so the job is finished exactly when its mail is
// queued.
func (s *TrainingService) runJob(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
	mails, err := s.handle(ctx, tx, j)
	if err != nil {
		return err
	}
	for _, m := range mails {
		if err := queueMail(ctx, tx, m); err != nil {
			return err
		}
	}
	return nil
}

// enqueue adds a training job about one record (a booking or check-in).
func enqueue(ctx context.Context, tx *sql.Tx, org int64, kind string, id int64, at time.Time) error {
	_, err := jobs.Enqueue(ctx, tx, jobs.New{Org: org, Kind: kind, Payload: strconv.FormatInt(id, 10), At: at})
	return err
}

// handle works out what a job does, inside its transaction, and returns the
// mail to send. A job whose booking has moved on sends nothing.
func (s *TrainingService) handle(ctx context.Context, tx *sql.Tx, j *jobs.Job) ([]*lightbulb.Mail, error) {
	if j.Kind == lightbulb.JobPlanCheckin {
		return planCheckinMail(ctx, tx, j.Org, j.Payload, s.baseURL)
	}
	id, err := strconv.ParseInt(j.Payload, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("job %d: bad payload %q", j.ID, j.Payload)
	}
	b, err := scanBooking(tx.QueryRowContext(ctx, `SELECT `+bookingCols+` FROM training_bookings WHERE org_id = $1 AND id = $2`, j.Org, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("job %d booking: %w", j.ID, err)
	}
	x, err := scanSession(tx.QueryRowContext(ctx, `SELECT `+sessionCols+sessionFrom+` WHERE s.org_id = $1 AND s.id = $2`, j.Org, b.SessionID))
	if err != nil {
		return nil, fmt.Errorf("job %d session: %w", j.ID, err)
	}
	b.Session = x
	switch j.Kind {
	case lightbulb.JobReminder2d, lightbulb.JobReminder1h:
		if b.Status != lightbulb.BookingConfirmed || x.Cancelled {
			return nil, nil
		}
		return []*lightbulb.Mail{s.reminderMail(b, j.Kind)}, nil
	case lightbulb.JobOfferMail:
		if b.Status != lightbulb.BookingOffered {
			return nil, nil
		}
		return []*lightbulb.Mail{s.offerMail(b)}, nil
	case lightbulb.JobCancelled:
		if !x.Cancelled || (!b.Holds() && b.Status != lightbulb.BookingWaiting) {
			return nil, nil
		}
		return []*lightbulb.Mail{lightbulb.SessionCancelledMail(b, s.baseURL)}, nil
	case lightbulb.JobFeedbackRequest:
		return s.feedbackRequestMail(ctx, tx, j.Org, b)
	case lightbulb.JobOfferExpiry:
		if b.Status != lightbulb.BookingOffered || lightbulb.Now().Before(b.OfferExpires) {
			return nil, nil
		}
		if err := s.expireOffer(ctx, tx, j.Org, b); err != nil {
			return nil, err
		}
		return []*lightbulb.Mail{s.expiredMail(b)}, nil
	}
	return nil, fmt.Errorf("job %d: unknown kind %q", j.ID, j.Kind)
}
