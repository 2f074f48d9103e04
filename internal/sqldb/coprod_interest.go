package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// opportunities lists the organisation's open involvements to come that the
// expert has not been invited to or asked about, leaving out any touching a
// topic they opted out of, and all of them while they have paused.
func (s *CoprodService) opportunities(ctx context.Context, org int64, p *lightbulb.ExpertProfile) ([]*lightbulb.Involvement, error) {
	if p.Paused {
		return nil, nil
	}
	rows, err := s.db.readRows(ctx, `SELECT `+involvementColumns+involvementFrom+` WHERE v.org_id = $1 AND v.open_to_interest IS TRUE
		AND v.starts_at > $2 AND NOT EXISTS (SELECT 1 FROM coprod_invites i WHERE i.involvement_id = v.id AND i.expert_id = $3)
		ORDER BY v.starts_at, v.id`, org, lightbulb.Now(), p.UserID)
	if err != nil {
		return nil, fmt.Errorf("opportunities: %w", err)
	}
	all, err := collect(rows, scanInvolvement)
	var out []*lightbulb.Involvement
	for _, v := range all {
		if !p.OptedOut(v.Topics) {
			out = append(out, v)
		}
	}
	return out, err
}

// ExpressInterest records that an expert asks to take part in an open
// involvement to come and emails the co-production leads; asking again
// changes nothing.
func (s *CoprodService) ExpressInterest(ctx context.Context, involvementID, userID int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	p, err := profile(ctx, s.db.read, org, userID)
	if err != nil {
		return err
	}
	var asked int
	if err := s.db.readRow(ctx, `SELECT COUNT(*) FROM coprod_invites WHERE org_id = $1 AND involvement_id = $2 AND expert_id = $3
		AND state = 'interested'`, org, involvementID, userID).Scan(&asked); err != nil || asked > 0 {
		return err // asked already (a second press of the button)
	}
	open, err := s.opportunities(ctx, org, p)
	if err != nil {
		return err
	}
	var inv *lightbulb.Involvement
	for _, v := range open {
		if v.ID == involvementID {
			inv = v
		}
	}
	if inv == nil {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such opportunity.")
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO coprod_invites (org_id, involvement_id, expert_id, state, offer_pence, created_at)
			VALUES ($1, $2, $3, 'interested', 0, $4) ON CONFLICT DO NOTHING`, org, involvementID, userID, lightbulb.Now())
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil // asked already
		}
		return mailEach(ctx, tx, `SELECT u.email, u.name, COALESCE(u.lang, '') FROM users u JOIN memberships m ON m.user_id = u.id
			WHERE m.org_id = $1 AND m.role = 'coproduction' ORDER BY u.id`, []any{org}, func(email, name, lang string) *lightbulb.Mail {
			return lightbulb.CoprodInterestMail(email, name, lang, p.PreferredName, inv, s.baseURL)
		})
	})
}

// OfferPlace turns an expert's request to take part into an invitation
// with its offer, checked as any invitation is, and emails them.
func (s *CoprodService) OfferPlace(ctx context.Context, inviteID int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		var state string
		var involvementID, expertID int64
		err := tx.QueryRowContext(ctx, `SELECT state, involvement_id, expert_id FROM coprod_invites WHERE id = $1 AND org_id = $2`, inviteID, org).
			Scan(&state, &involvementID, &expertID)
		if err != nil {
			return notFound(err, "There is no such invitation.")
		}
		if state != lightbulb.InviteInterested {
			return lightbulb.FieldError("offer", "This expert has been offered a place already")
		}
		inv, err := scanInvolvement(tx.QueryRowContext(ctx, `SELECT `+involvementColumns+involvementFrom+` WHERE v.id = $1`, involvementID))
		if err != nil {
			return err
		}
		rate, err := rateOn(ctx, tx, org, inv.Level, lightbulb.Today(inv.StartsAt))
		if err != nil {
			return err
		}
		p, err := profile(ctx, tx, org, expertID)
		if err != nil {
			return err
		}
		offer, err := offerFor(ctx, tx, org, inv, rate, p, "offer",
			"Their check for this involvement is not in date on the day of the session: record their renewal first")
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE coprod_invites SET state = 'invited', offer_pence = $1 WHERE id = $2`, offer, inviteID); err != nil {
			return err
		}
		return queueMail(ctx, tx, lightbulb.CoprodInviteMail(p.Email, p.PreferredName, p.Lang, inv, s.baseURL))
	})
}
