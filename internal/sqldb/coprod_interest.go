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
	rows, err := s.db.read.QueryContext(ctx, `SELECT `+involvementColumns+involvementFrom+` WHERE v.org_id = $1 AND v.open_to_interest IS TRUE
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
// involvement to come; asking again changes nothing.
func (s *CoprodService) ExpressInterest(ctx context.Context, involvementID, userID int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	p, err := profile(ctx, s.db.read, org, userID)
	if err != nil {
		return err
	}
	open, err := s.opportunities(ctx, org, p)
	if err != nil {
		return err
	}
	found := false
	for _, v := range open {
		found = found || v.ID == involvementID
	}
	if !found {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such opportunity.")
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO coprod_invites (org_id, involvement_id, expert_id, state, offer_pence, created_at)
			VALUES ($1, $2, $3, 'interested', 0, $4) ON CONFLICT DO NOTHING`, org, involvementID, userID, lightbulb.Now())
		return err
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
