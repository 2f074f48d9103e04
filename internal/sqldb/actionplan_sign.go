package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

const signatureCols = `id, token, role, name, email, organisation, nation, local_authority, lang, checkins, own_action, own_state,
	status, suspect, created_at, confirmed_at, stopped_at`

func scanSignature(r scanner) (*lightbulb.Signature, error) {
	var g lightbulb.Signature
	err := r.Scan(&g.ID, &g.Token, &g.Role, &g.Name, &g.Email, &g.Organisation, &g.Nation, &g.LocalAuthority, &g.Lang,
		&g.Checkins, &g.OwnAction, &g.OwnState, &g.Status, &g.Suspect, &g.CreatedAt, &g.ConfirmedAt, &g.StoppedAt)
	return &g, err
}

var errNoSignature = lightbulb.Errorf(lightbulb.ENOTFOUND, "This link is not one we know. It may be old, or part of it may be missing.")

// Sign records a sign-up; see lightbulb.ActionPlanService.
func (s *ActionPlanService) Sign(ctx context.Context, r *lightbulb.SignRequest) error {
	if err := r.Validate(); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if err := s.checkActions(ctx, tx, r); err != nil {
			return err
		}
		if err := checkOrg(ctx, tx, r.OrgID); err != nil {
			return err
		}
		if !r.Suspect {
			blocked, err := domainBlocked(ctx, tx, r.Email)
			if err != nil {
				return err
			}
			r.Suspect = blocked
		}
		old, err := scanSignature(tx.QueryRowContext(ctx, `SELECT `+signatureCols+` FROM actionplan_signatures WHERE email = $1`, r.Email))
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return s.addSignature(ctx, tx, r)
		case err != nil:
			return fmt.Errorf("find signature: %w", err)
		case r.Suspect || old.Status == lightbulb.SignInvalid:
			return nil
		case old.Status == lightbulb.SignPending:
			return s.replacePending(ctx, tx, old, r)
		}
		return mailUnasked(ctx, tx, "actionplan_signatures", old.ID, lightbulb.SignAgainMail(old, r.Lang, s.baseURL))
	})
}

// checkActions refuses actions that are not the chosen role's current ones.
func (s *ActionPlanService) checkActions(ctx context.Context, tx *sql.Tx, r *lightbulb.SignRequest) error {
	for _, id := range r.Actions {
		var ok bool
		err := tx.QueryRowContext(ctx, `SELECT true FROM actionplan_actions WHERE id = $1 AND role = $2 AND NOT retired`, id, r.Role).Scan(&ok)
		if errors.Is(err, sql.ErrNoRows) {
			return lightbulb.FieldError("actions", "Choose actions from the list for the role you chose")
		} else if err != nil {
			return err
		}
	}
	return nil
}

// domainBlocked reports whether email's domain is on the blocked list.
func domainBlocked(ctx context.Context, tx *sql.Tx, email string) (bool, error) {
	_, domain, _ := strings.Cut(email, "@")
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM actionplan_blocked_domains WHERE domain = $1`, domain).Scan(&n)
	return n > 0, err
}

func (s *ActionPlanService) addSignature(ctx context.Context, tx *sql.Tx, r *lightbulb.SignRequest) error {
	own := ""
	if r.OwnAction != "" {
		own = lightbulb.ModPending
	}
	g := &lightbulb.Signature{Token: newToken(), Role: r.Role, Name: r.Name, Email: r.Email, Lang: r.Lang, OwnAction: r.OwnAction}
	err := tx.QueryRowContext(ctx, `INSERT INTO actionplan_signatures (token, role, name, email, organisation, nation, local_authority,
			lang, checkins, own_action, own_state, status, suspect, created_at, org_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending', $12, $13, $14) RETURNING id`,
		g.Token, r.Role, r.Name, r.Email, r.Organisation, r.Nation, r.LocalAuthority, r.Lang, r.Checkins, r.OwnAction, own,
		r.Suspect, lightbulb.Now(), orgArg(r.OrgID)).Scan(&g.ID)
	if err != nil {
		return fmt.Errorf("add signature: %w", err)
	}
	if err := s.chooseActions(ctx, tx, g, r.Actions); err != nil || r.Suspect {
		return err
	}
	return mailUnasked(ctx, tx, "actionplan_signatures", g.ID, lightbulb.SignConfirmMail(g, s.baseURL))
}

// replacePending puts a new sign-up's answers on an unconfirmed signature of
// the same address and sends its confirmation link again.
func (s *ActionPlanService) replacePending(ctx context.Context, tx *sql.Tx, g *lightbulb.Signature, r *lightbulb.SignRequest) error {
	own := ""
	if r.OwnAction != "" {
		own = lightbulb.ModPending
	}
	_, err := tx.ExecContext(ctx, `UPDATE actionplan_signatures SET role = $1, name = $2, organisation = $3, nation = $4,
		local_authority = $5, lang = $6, checkins = $7, own_action = $8, own_state = $9, suspect = false, org_id = $10 WHERE id = $11`,
		r.Role, r.Name, r.Organisation, r.Nation, r.LocalAuthority, r.Lang, r.Checkins, r.OwnAction, own, orgArg(r.OrgID), g.ID)
	if err != nil {
		return fmt.Errorf("replace signature: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM actionplan_signature_actions WHERE signature_id = $1`, g.ID); err != nil {
		return err
	}
	g.Role, g.Name, g.Lang, g.OwnAction = r.Role, r.Name, r.Lang, r.OwnAction
	if err := s.chooseActions(ctx, tx, g, r.Actions); err != nil {
		return err
	}
	return mailUnasked(ctx, tx, "actionplan_signatures", g.ID, lightbulb.SignConfirmMail(g, s.baseURL))
}

func (s *ActionPlanService) chooseActions(ctx context.Context, tx *sql.Tx, g *lightbulb.Signature, ids []int64) error {
	for _, id := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT INTO actionplan_signature_actions (signature_id, action_id) VALUES ($1, $2)
			ON CONFLICT DO NOTHING`, g.ID, id); err != nil {
			return fmt.Errorf("choose action: %w", err)
		}
	}
	var err error
	g.Actions, err = actionsOf(ctx, tx, g.ID)
	return err
}

// mailUnasked queues m to the address of row id of table (a signature or
// a subscriber) unless it has had lightbulb.MaxUnaskedMails emails its
// owner did not act on, so the public forms cannot flood an address.
func mailUnasked(ctx context.Context, tx *sql.Tx, table string, id int64, m *lightbulb.Mail) error {
	res, err := tx.ExecContext(ctx, `UPDATE `+table+` SET unasked_mails = unasked_mails + 1
		WHERE id = $1 AND unasked_mails < $2`, id, lightbulb.MaxUnaskedMails)
	if err != nil {
		return fmt.Errorf("count unasked mail: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	return queueMail(ctx, tx, m)
}

// FindSignature finds a signature by the token in its confirmation email.
func (s *ActionPlanService) FindSignature(ctx context.Context, token string) (*lightbulb.Signature, error) {
	g, err := scanSignature(s.db.readRow(ctx, `SELECT `+signatureCols+` FROM actionplan_signatures
		WHERE token = $1 AND anonymised_at IS NULL`, token))
	if err != nil {
		return nil, notFound(err, errNoSignature.Message)
	}
	g.Actions, err = actionsOf(ctx, s.db.read, g.ID)
	return g, err
}

// ConfirmSignature confirms a pending signature; confirming twice is fine.
func (s *ActionPlanService) ConfirmSignature(ctx context.Context, token string) (*lightbulb.Signature, error) {
	err := s.db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE actionplan_signatures SET status = 'confirmed', confirmed_at = $1, unasked_mails = 0
			WHERE token = $2 AND status = 'pending' AND anonymised_at IS NULL`, lightbulb.Now(), token)
		if err != nil {
			return fmt.Errorf("confirm signature: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			return enqueueCounts(ctx, tx)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.FindSignature(ctx, token)
}

// JobPlanCounts recounts the public counts.
const JobPlanCounts = "actionplan.counts"

// enqueueCounts asks for the counts to be recounted within ten seconds: one
// job per ten-second window, however many people confirm in it.
func enqueueCounts(ctx context.Context, tx *sql.Tx) error {
	now := lightbulb.Now()
	at := now.Truncate(countsEvery).Add(countsEvery)
	_, err := jobs.Enqueue(ctx, tx, jobs.New{Kind: JobPlanCounts, At: at, Key: fmt.Sprintf("%s:%d", JobPlanCounts, at.Unix())})
	return err
}
