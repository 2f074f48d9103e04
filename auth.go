package lightbulb

import (
	"context"
	"time"
)

// Mail is a message Lightbulb sends. Every message is kept in the outbox;
// it is also delivered by SMTP when a server is configured.
type Mail struct {
	ID      int64
	To      string
	Subject string
	Body    string
	// Lang is the language the message was written in ("en", "cy").
	Lang      string
	CreatedAt time.Time
	SentAt    *time.Time
	Error     string
}

// MailService queues and lists mail.
type MailService interface {
	SendMail(ctx context.Context, m *Mail) error
	FindMail(ctx context.Context, limit int) ([]*Mail, error)
}

// ResetService issues and redeems single-use password reset tokens. Only a
// hash of a token is stored.
type ResetService interface {
	CreateReset(ctx context.Context, userID int64, tokenHash string, expires time.Time) error
	// UseReset marks a token used, with every other unused token of the same
	// person, and returns its user, or an EINVALID error when the token is
	// unknown, used or expired.
	UseReset(ctx context.Context, tokenHash string) (int64, error)
}
