package lightbulb

import (
	"context"
	"time"
)

// Invitation is a pending membership: an organisation's admin asked a person
// to join it with roles, and the person joins when they accept through the
// emailed link. Adding someone who already has an account works the same way
// as adding someone new, so an admin learns nothing about other people's
// accounts: not whether one exists, nor its name.
type Invitation struct {
	ID        int64
	OrgID     int64
	OrgName   string
	UserID    int64
	Email     string
	Roles     []Role
	CreatedAt time.Time
	ExpiresAt time.Time
	// NewAccount is true while the account has no password: accepting sets
	// one. The admin's pages never show it.
	NewAccount bool
	// Name and Lang are the account's name and language, for the
	// invitation email only: the admin's pages never show them.
	Name, Lang string
}

// MembershipInvitationMail asks a person who already has an account to
// accept an organisation's invitation, in lang.
func MembershipInvitationMail(inv *Invitation, lang, link string) *Mail {
	return letter("membership_invitation", lang, inv.Email, struct{ Name, Org, Link string }{inv.Name, inv.OrgName, link})
}

// InvitationService keeps pending memberships.
type InvitationService interface {
	// Invite records a pending membership of the organisation in ctx with
	// roles for the account with email, making an account named name when
	// there is none. Name is required either way. A person already in the
	// organisation is an EINVALID error on email; an earlier pending
	// invitation of the same person is replaced.
	Invite(ctx context.Context, email, name string, roles []Role, tokenHash string, expires time.Time) (*Invitation, error)
	// PendingInvitations lists the organisation in ctx's invitations not
	// yet accepted or expired, newest first.
	PendingInvitations(ctx context.Context) ([]*Invitation, error)
	// FindInvitation returns a pending, unexpired invitation by its token's
	// hash, or an EINVALID error.
	FindInvitation(ctx context.Context, tokenHash string) (*Invitation, error)
	// AcceptInvitation gives the invited person the invitation's roles and
	// marks it accepted. Only that person (userID) may accept it.
	AcceptInvitation(ctx context.Context, tokenHash string, userID int64) (*Invitation, error)
}

// PublicMailPerDay is how many emails the public forms (training bookings,
// bespoke requests) send one address in a day, whatever is submitted.
const PublicMailPerDay = 5

// MailAllowance counts the emails public forms send each address each day,
// in the database, so that the cap holds across processes.
type MailAllowance interface {
	// TakeMail counts one more email to email today (Europe/London) and
	// reports whether it is within perDay; one over is not counted.
	TakeMail(ctx context.Context, email string, perDay int) (bool, error)
}
