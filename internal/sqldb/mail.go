package sqldb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

// JobDeliverMail is the job that sends one outbox message by SMTP.
const JobDeliverMail = "mail.deliver"

// Mail delivery retries for about six hours (30s, 1m, 2m, ... then hourly)
// before it gives up, so an hour-long mail server outage loses nothing.
const (
	mailAttempts = 12
	mailLease    = 2 * time.Minute
)

// MailService implements lightbulb.MailService on the outbox table.
type MailService struct {
	db *DB
	// Deliver, when set, sends a message by SMTP. Without it, mail waits
	// in the outbox until a process with a mail server runs the queue.
	Deliver func(ctx context.Context, m *lightbulb.Mail) error
}

// NewMailService returns a MailService on db.
func NewMailService(db *DB) *MailService { return &MailService{db: db} }

// Delivering reports whether this process has a mail server to send with.
func (s *MailService) Delivering() bool { return s.Deliver != nil }

// SendMail queues m: an outbox row and the job that delivers it.
func (s *MailService) SendMail(ctx context.Context, m *lightbulb.Mail) error {
	return s.db.tx(ctx, func(tx *sql.Tx) error { return queueMail(ctx, tx, m) })
}

// queueMail writes m to the outbox inside tx with the job that delivers it,
// so a change and the email it causes commit together.
func queueMail(ctx context.Context, tx *sql.Tx, m *lightbulb.Mail) error {
	m.CreatedAt = lightbulb.Now()
	if lightbulb.IsErased(m.To) {
		// An erased person's bookings and decisions stay; their reminders
		// have no one to go to.
		return nil
	}
	if m.MessageID == "" {
		b := make([]byte, 12)
		_, _ = rand.Read(b)
		m.MessageID = hex.EncodeToString(b)
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO outbox (to_addr, subject, body, created_at, message_id, lang, list_unsubscribe) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		m.To, m.Subject, m.Body, m.CreatedAt, m.MessageID, m.Lang, m.ListUnsubscribe).Scan(&m.ID); err != nil {
		return fmt.Errorf("queue mail: %w", err)
	}
	job, err := jobs.Enqueue(ctx, tx, jobs.New{Kind: JobDeliverMail, Payload: fmt.Sprint(m.ID)})
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE outbox SET job_id = $1 WHERE id = $2`, job, m.ID); err != nil {
		return fmt.Errorf("queue mail: %w", err)
	}
	m.Status = lightbulb.MailQueued
	return nil
}

// RegisterJobs adds email delivery to q when this process has a mail server;
// without one, delivery jobs wait for a process that has.
func (s *MailService) RegisterJobs(q *jobs.Queue) {
	if s.Deliver == nil {
		return
	}
	q.RegisterLong(JobDeliverMail, s.deliverJob, jobs.MaxAttempts(mailAttempts),
		jobs.Backoff(30*time.Second, time.Hour), jobs.Lease(mailLease))
}

// deliverJob sends one outbox message. A message already marked sent is not
// sent again; the one window where a message can go twice is a process
// killed after the mail server accepted it and before sent_at was written,
// and then the second copy carries the same Message-ID.
func (s *MailService) deliverJob(ctx context.Context, j *jobs.Job) error {
	var m lightbulb.Mail
	err := s.db.readRow(ctx, `SELECT id, to_addr, subject, body, created_at, sent_at, message_id, lang, list_unsubscribe FROM outbox WHERE id = $1`, j.Payload).
		Scan(&m.ID, &m.To, &m.Subject, &m.Body, &m.CreatedAt, &m.SentAt, &m.MessageID, &m.Lang, &m.ListUnsubscribe)
	if errors.Is(err, sql.ErrNoRows) {
		return nil // erased since it was queued
	} else if err != nil {
		return fmt.Errorf("read outbox %s: %w", j.Payload, err)
	}
	if m.SentAt != nil {
		return nil
	}
	if err := s.Deliver(ctx, &m); err != nil {
		_, _ = s.db.write.ExecContext(context.WithoutCancel(ctx), `UPDATE outbox SET error = $1 WHERE id = $2`, err.Error(), m.ID)
		return err
	}
	_, err = s.db.write.ExecContext(context.WithoutCancel(ctx), `UPDATE outbox SET sent_at = $1, error = '' WHERE id = $2`, lightbulb.Now(), m.ID)
	return err
}

// FindMail lists the newest messages in the outbox with their delivery.
func (s *MailService) FindMail(ctx context.Context, limit int) ([]*lightbulb.Mail, error) {
	if limit <= 0 {
		limit = 50
	}
	rows, err := s.db.readRows(ctx, `SELECT o.id, o.to_addr, o.subject, o.body, o.created_at, o.sent_at, o.error, o.message_id, o.lang, o.list_unsubscribe,
			COALESCE(j.state, ''), COALESCE(j.attempts, 0), j.run_at
		FROM outbox o LEFT JOIN jobs j ON j.id = o.job_id ORDER BY o.id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("find mail: %w", err)
	}
	defer rows.Close()
	var out []*lightbulb.Mail
	for rows.Next() {
		var m lightbulb.Mail
		var state string
		var runAt *time.Time
		if err := rows.Scan(&m.ID, &m.To, &m.Subject, &m.Body, &m.CreatedAt, &m.SentAt, &m.Error, &m.MessageID, &m.Lang, &m.ListUnsubscribe, &state, &m.Attempts, &runAt); err != nil {
			return nil, err
		}
		m.MaxAttempts = mailAttempts
		m.Status = mailStatus(&m, state)
		if m.Status == lightbulb.MailRetrying {
			m.NextTry = runAt
		}
		out = append(out, &m)
	}
	return out, rows.Err()
}

// mailStatus says where a message is, from its outbox row and its job.
func mailStatus(m *lightbulb.Mail, job string) string {
	switch {
	case m.SentAt != nil:
		return lightbulb.MailSent
	case job == jobs.Failed:
		return lightbulb.MailGivenUp
	case job == jobs.Running:
		return lightbulb.MailSending
	case m.Attempts > 0:
		return lightbulb.MailRetrying
	}
	return lightbulb.MailQueued
}

// mailEach queues, inside tx, one letter to each person the query finds;
// the query selects each person's email, name and language.
func mailEach(ctx context.Context, tx *sql.Tx, query string, args []any, letter func(email, name, lang string) *lightbulb.Mail) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	var mails []*lightbulb.Mail
	for rows.Next() {
		var email, name, lang string
		if err := rows.Scan(&email, &name, &lang); err != nil {
			rows.Close()
			return err
		}
		mails = append(mails, letter(email, name, lang))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, m := range mails {
		if err := queueMail(ctx, tx, m); err != nil {
			return err
		}
	}
	return nil
}
