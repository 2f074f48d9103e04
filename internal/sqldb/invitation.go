package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// InvitationService implements lightbulb.InvitationService.
type InvitationService struct{ db *DB }

// NewInvitationService returns an InvitationService on db.
func NewInvitationService(db *DB) *InvitationService { return &InvitationService{db: db} }

var errInvitation = lightbulb.Errorf(lightbulb.EINVALID, "This invitation is not valid: it has expired, been used or been replaced. Ask the organisation's admin for a new one.")

// Invite records a pending membership, making the account when there is none.
func (s *InvitationService) Invite(ctx context.Context, email, name string, roles []lightbulb.Role, tokenHash string, expires time.Time) (*lightbulb.Invitation, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	if err := inviteValid(email, name, roles); err != nil {
		return nil, err
	}
	u, err := s.account(ctx, email, name)
	if err != nil {
		return nil, err
	}
	inv := &lightbulb.Invitation{OrgID: org, UserID: u.ID, Email: u.Email, Name: u.Name, Lang: u.Lang, Roles: roles, NewAccount: u.PasswordHash == "",
		CreatedAt: lightbulb.Now(), ExpiresAt: expires.UTC()}
	var by *int64
	if a := lightbulb.ActorFrom(ctx); a != nil && a.UserID > 0 {
		by = &a.UserID
	}
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM memberships WHERE org_id = $1 AND user_id = $2`, org, u.ID).Scan(&n); err != nil {
			return fmt.Errorf("invite: %w", err)
		}
		if n > 0 {
			return lightbulb.FieldError("email", "This person is already in your organisation. Change their roles from the list of people.")
		}
		if err := tx.QueryRowContext(ctx, `SELECT name FROM organisations WHERE id = $1`, org).Scan(&inv.OrgName); err != nil {
			return fmt.Errorf("invite: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM membership_invitations WHERE org_id = $1 AND user_id = $2 AND accepted_at IS NULL`, org, u.ID); err != nil {
			return fmt.Errorf("invite: %w", err)
		}
		return tx.QueryRowContext(ctx, `INSERT INTO membership_invitations (org_id, user_id, roles, token_hash, invited_by, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, org, u.ID, joinRoles(roles), tokenHash, by, inv.CreatedAt, inv.ExpiresAt).Scan(&inv.ID)
	})
	if err != nil {
		return nil, err
	}
	return inv, nil
}

// inviteValid checks what the admin typed, the same way whether or not the
// address has an account.
func inviteValid(email, name string, roles []lightbulb.Role) error {
	var v lightbulb.ValidationErrors
	if e := NormaliseEmail(email); e == "" || !strings.Contains(e, "@") {
		v.Add("email", "Enter an email address in the correct format, like name@example.org")
	}
	if strings.TrimSpace(name) == "" {
		v.Add("name", "Enter the person’s name")
	}
	if len(roles) == 0 {
		v.Add("roles", "Select at least one role")
	}
	for _, r := range roles {
		if !lightbulb.ValidRole(r) {
			v.Add("roles", fmt.Sprintf("%q is not a role", r))
		}
	}
	return v.Err()
}

// account finds the account with email, or makes one named name.
func (s *InvitationService) account(ctx context.Context, email, name string) (*lightbulb.User, error) {
	users := NewUserService(s.db)
	u, err := users.FindUserByEmail(ctx, email)
	if lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
		return u, err
	}
	u = &lightbulb.User{Email: email, Name: name}
	if err := users.CreateUser(ctx, u); err != nil {
		if lightbulb.ErrorCode(err) == lightbulb.EINVALID {
			// Made at the same moment by someone else: use theirs.
			if found, ferr := users.FindUserByEmail(ctx, email); ferr == nil {
				return found, nil
			}
		}
		return nil, err
	}
	return u, nil
}

const invitationColumns = `i.id, i.org_id, o.name, i.user_id, u.email, u.name, u.lang, u.password_hash = '', i.roles, i.created_at, i.expires_at
	FROM membership_invitations i JOIN organisations o ON o.id = i.org_id JOIN users u ON u.id = i.user_id`

func scanInvitation(r scanner) (*lightbulb.Invitation, error) {
	var inv lightbulb.Invitation
	var roles string
	if err := r.Scan(&inv.ID, &inv.OrgID, &inv.OrgName, &inv.UserID, &inv.Email, &inv.Name, &inv.Lang, &inv.NewAccount, &roles, &inv.CreatedAt, &inv.ExpiresAt); err != nil {
		return nil, err
	}
	for _, x := range strings.Split(roles, ",") {
		inv.Roles = append(inv.Roles, lightbulb.Role(x))
	}
	return &inv, nil
}

// PendingInvitations lists the organisation's open invitations, newest first.
func (s *InvitationService) PendingInvitations(ctx context.Context) ([]*lightbulb.Invitation, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+invitationColumns+`
		WHERE i.org_id = $1 AND i.accepted_at IS NULL AND i.expires_at > $2 ORDER BY i.id DESC`, org, lightbulb.Now())
	if err != nil {
		return nil, fmt.Errorf("pending invitations: %w", err)
	}
	return collect(rows, scanInvitation)
}

// FindInvitation returns an open invitation by its token's hash.
func (s *InvitationService) FindInvitation(ctx context.Context, tokenHash string) (*lightbulb.Invitation, error) {
	return openInvitation(ctx, s.db.read, tokenHash)
}

func openInvitation(ctx context.Context, q queryRower, tokenHash string) (*lightbulb.Invitation, error) {
	inv, err := scanInvitation(q.QueryRowContext(ctx, `SELECT `+invitationColumns+`
		WHERE i.token_hash = $1 AND i.accepted_at IS NULL AND i.expires_at > $2`, tokenHash, lightbulb.Now()))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errInvitation
	} else if err != nil {
		return nil, fmt.Errorf("find invitation: %w", err)
	}
	return inv, nil
}

// AcceptInvitation adds the person to the organisation with the roles.
func (s *InvitationService) AcceptInvitation(ctx context.Context, tokenHash string, userID int64) (*lightbulb.Invitation, error) {
	var inv *lightbulb.Invitation
	err := s.db.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if inv, err = openInvitation(ctx, tx, tokenHash); err != nil {
			return err
		}
		if inv.UserID != userID {
			return lightbulb.Errorf(lightbulb.EFORBIDDEN, "This invitation is for another account. Sign out, then open the link again.")
		}
		now := lightbulb.Now()
		for _, r := range inv.Roles {
			if _, err := tx.ExecContext(ctx, `INSERT INTO memberships (org_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
				ON CONFLICT DO NOTHING`, inv.OrgID, userID, string(r), now); err != nil {
				return fmt.Errorf("accept invitation: %w", err)
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE membership_invitations SET accepted_at = $1 WHERE id = $2`, now, inv.ID)
		return err
	})
	return inv, err
}

func joinRoles(rs []lightbulb.Role) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r)
	}
	return strings.Join(s, ",")
}
