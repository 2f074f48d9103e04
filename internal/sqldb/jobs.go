package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// maxAttempts is how often a failing job is tried before it is left for a
// person to look at (its last_error says why).
const maxAttempts = 5

// job is one row of the jobs table.
type job struct {
	id, org  int64
	kind     string
	payload  string
	attempts int
}

// claimSQL picks the next due job. On PostgreSQL the row is locked and rows
// another runner holds are skipped; on SQLite the transaction already holds
// the database's single write lock, so no other runner can claim it.
func (db *DB) claimSQL() string {
	q := `SELECT id, org_id, kind, payload, attempts FROM jobs WHERE done_at IS NULL AND run_at <= $1 AND attempts < $2 ORDER BY run_at, id LIMIT 1`
	if db.Dialect == Postgres {
		q += ` FOR UPDATE SKIP LOCKED`
	}
	return q
}

// RunDueJobs runs every job that is due. Each job is claimed, its mail
// written to the outbox and the job marked done in one transaction, so a
// crash before the commit leaves it to run again and a commit means it never
// runs again. Mail is delivered by SMTP after the commit; a failed delivery
// stays in the outbox with its error.
func (s *TrainingService) RunDueJobs(ctx context.Context) (int, error) {
	done := 0
	for done < 1000 {
		var queued []*lightbulb.Mail
		var failed *job
		var jobErr error
		found := false
		err := s.db.tx(ctx, func(tx *sql.Tx) error {
			var j job
			err := tx.QueryRowContext(ctx, s.db.claimSQL(), lightbulb.Now(), maxAttempts).Scan(&j.id, &j.org, &j.kind, &j.payload, &j.attempts)
			if errors.Is(err, sql.ErrNoRows) {
				return nil
			} else if err != nil {
				return fmt.Errorf("claim job: %w", err)
			}
			found = true
			mails, err := s.handle(lightbulb.WithOrg(ctx, j.org), tx, &j)
			if err == nil && s.JobFault != nil {
				err = s.JobFault(j.kind)
			}
			if err != nil {
				failed, jobErr = &j, err
				return err // roll back: nothing of this job is kept
			}
			for _, m := range mails {
				if err := queueMail(ctx, tx, m); err != nil {
					return err
				}
			}
			if _, err := tx.ExecContext(ctx, `UPDATE jobs SET done_at = $1, attempts = attempts + 1 WHERE id = $2`, lightbulb.Now(), j.id); err != nil {
				return fmt.Errorf("finish job: %w", err)
			}
			queued = mails
			return nil
		})
		if failed != nil {
			if err := s.retryLater(ctx, failed, jobErr); err != nil {
				return done, err
			}
			continue
		}
		if err != nil {
			return done, err
		}
		if !found {
			return done, nil
		}
		done++
		for _, m := range queued {
			s.deliver(ctx, m)
		}
	}
	return done, nil
}

// retryLater counts a failed attempt and waits a minute per attempt so far.
func (s *TrainingService) retryLater(ctx context.Context, j *job, cause error) error {
	next := lightbulb.Now().Add(time.Duration(j.attempts+1) * time.Minute)
	_, err := s.db.write.ExecContext(ctx, `UPDATE jobs SET attempts = attempts + 1, last_error = $1, run_at = $2 WHERE id = $3`,
		cause.Error(), next, j.id)
	if err != nil {
		return fmt.Errorf("job %d failed (%v) and could not be rescheduled: %w", j.id, cause, err)
	}
	return nil
}

// queueMail writes a message to the outbox inside tx.
func queueMail(ctx context.Context, tx *sql.Tx, m *lightbulb.Mail) error {
	m.CreatedAt = lightbulb.Now()
	if err := tx.QueryRowContext(ctx, `INSERT INTO outbox (to_addr, subject, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		m.To, m.Subject, m.Body, m.CreatedAt).Scan(&m.ID); err != nil {
		return fmt.Errorf("queue mail: %w", err)
	}
	return nil
}

// deliver sends a queued message by SMTP when the mail service has a server,
// and records the outcome on its outbox row.
func (s *TrainingService) deliver(ctx context.Context, m *lightbulb.Mail) {
	if s.mail == nil || s.mail.Deliver == nil {
		return
	}
	var sentAt *time.Time
	if err := s.mail.Deliver(ctx, m); err != nil {
		m.Error = err.Error()
	} else {
		now := lightbulb.Now()
		sentAt = &now
	}
	_, _ = s.db.write.ExecContext(ctx, `UPDATE outbox SET sent_at = $1, error = $2 WHERE id = $3`, sentAt, m.Error, m.ID)
}

// handle works out what a job does, inside its transaction, and returns the
// mail to send. A job whose booking has moved on sends nothing.
func (s *TrainingService) handle(ctx context.Context, tx *sql.Tx, j *job) ([]*lightbulb.Mail, error) {
	if j.kind == lightbulb.JobPlanCheckin {
		return planCheckinMail(ctx, tx, j.org, j.payload, s.baseURL)
	}
	id, err := strconv.ParseInt(j.payload, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("job %d: bad payload %q", j.id, j.payload)
	}
	b, err := scanBooking(tx.QueryRowContext(ctx, `SELECT `+bookingCols+` FROM training_bookings WHERE org_id = $1 AND id = $2`, j.org, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("job %d booking: %w", j.id, err)
	}
	x, err := scanSession(tx.QueryRowContext(ctx, `SELECT `+sessionCols+sessionFrom+` WHERE s.org_id = $1 AND s.id = $2`, j.org, b.SessionID))
	if err != nil {
		return nil, fmt.Errorf("job %d session: %w", j.id, err)
	}
	b.Session = x
	switch j.kind {
	case lightbulb.JobReminder2d, lightbulb.JobReminder1h:
		if b.Status != lightbulb.BookingConfirmed || x.Cancelled {
			return nil, nil
		}
		return []*lightbulb.Mail{s.reminderMail(b, j.kind)}, nil
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
		return s.feedbackRequestMail(ctx, tx, j.org, b)
	case lightbulb.JobOfferExpiry:
		if b.Status != lightbulb.BookingOffered || lightbulb.Now().Before(b.OfferExpires) {
			return nil, nil
		}
		if err := s.expireOffer(ctx, tx, j.org, b); err != nil {
			return nil, err
		}
		return []*lightbulb.Mail{s.expiredMail(b)}, nil
	}
	return nil, fmt.Errorf("job %d: unknown kind %q", j.id, j.kind)
}

// PendingJobs counts jobs not yet done, for the jobs command and tests.
func (db *DB) PendingJobs(ctx context.Context) (int, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM jobs WHERE done_at IS NULL`).Scan(&n)
	return n, err
}
