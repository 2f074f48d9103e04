package lightbulb

import (
	"context"
	"time"
)

// Mail is a message Lightbulb sends. Every message is kept in the outbox
// and delivered by a job, with retries, when a mail server is configured.
type Mail struct {
	ID      int64
	To      string
	Subject string
	Body    string
	// Lang is the language the message was written in ("en", "cy").
	Lang      string
	CreatedAt time.Time
	SentAt    *time.Time
	Error     string // the last delivery error, if any
	// MessageID is the Message-ID header, fixed when the mail is queued so
	// every delivery attempt carries the same one.
	MessageID string
	// ListUnsubscribe, when set, is the one-click unsubscribe address sent
	// as List-Unsubscribe with List-Unsubscribe-Post (RFC 8058).
	ListUnsubscribe string
	// Delivery as the outbox shows it: MailQueued, MailSending, MailSent,
	// MailRetrying or MailGivenUp, with attempts made and the next try.
	Status      string
	Attempts    int
	MaxAttempts int
	NextTry     *time.Time
}

// Delivery states of a queued email.
const (
	MailQueued   = "queued"
	MailSending  = "sending"
	MailSent     = "sent"
	MailRetrying = "retrying"
	MailGivenUp  = "given_up"
)

// MailService queues and lists mail. SendMail only queues: delivery is a
// job, so a mail server that is down delays email and loses none.
type MailService interface {
	SendMail(ctx context.Context, m *Mail) error
	FindMail(ctx context.Context, limit int) ([]*Mail, error)
	// Delivering reports whether a mail server is configured, so the
	// outbox can say why queued mail is not going out.
	Delivering() bool
}

// ResetService issues and redeems single-use password reset tokens. Only a
// hash of a token is stored.
type ResetService interface {
	CreateReset(ctx context.Context, userID int64, tokenHash string, expires time.Time) error
	// FindReset returns the user of a token that UseReset would accept,
	// without using it, or the same EINVALID error.
	FindReset(ctx context.Context, tokenHash string) (int64, error)
	// UseReset marks a token used, with every other unused token of the same
	// person, and returns its user, or an EINVALID error when the token is
	// unknown, used or expired.
	UseReset(ctx context.Context, tokenHash string) (int64, error)
}
