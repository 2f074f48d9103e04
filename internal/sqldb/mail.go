package sqldb

import (
	"context"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// MailService implements lightbulb.MailService on the outbox table.
type MailService struct {
	db *DB
	// Deliver, when set, sends a message by SMTP; its error is kept with the
	// message rather than returned, so a mail server outage never loses mail.
	Deliver func(ctx context.Context, m *lightbulb.Mail) error
}

// NewMailService returns a MailService on db.
func NewMailService(db *DB) *MailService { return &MailService{db: db} }

// SendMail stores m in the outbox and delivers it when SMTP is configured.
func (s *MailService) SendMail(ctx context.Context, m *lightbulb.Mail) error {
	m.CreatedAt = lightbulb.Now()
	if err := s.db.write.QueryRowContext(ctx, `INSERT INTO outbox (to_addr, subject, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		m.To, m.Subject, m.Body, m.CreatedAt).Scan(&m.ID); err != nil {
		return fmt.Errorf("queue mail: %w", err)
	}
	if s.Deliver == nil {
		return nil
	}
	var sentAt *time.Time
	if err := s.Deliver(ctx, m); err != nil {
		m.Error = err.Error()
	} else {
		now := lightbulb.Now()
		sentAt, m.SentAt = &now, &now
	}
	_, err := s.db.write.ExecContext(ctx, `UPDATE outbox SET sent_at = $1, error = $2 WHERE id = $3`, sentAt, m.Error, m.ID)
	return err
}

// FindMail lists the newest messages in the outbox.
func (s *MailService) FindMail(ctx context.Context, limit int) ([]*lightbulb.Mail, error) {
	if limit <= 0 {
		limit = 50
	}
	rows, err := s.db.read.QueryContext(ctx, `SELECT id, to_addr, subject, body, created_at, sent_at, error
		FROM outbox ORDER BY id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("find mail: %w", err)
	}
	defer rows.Close()
	var out []*lightbulb.Mail
	for rows.Next() {
		var m lightbulb.Mail
		if err := rows.Scan(&m.ID, &m.To, &m.Subject, &m.Body, &m.CreatedAt, &m.SentAt, &m.Error); err != nil {
			return nil, err
		}
		out = append(out, &m)
	}
	return out, rows.Err()
}
