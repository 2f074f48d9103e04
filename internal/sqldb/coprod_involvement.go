package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

// CreateInvolvement posts an involvement, invites the experts chosen (each
// emailed in their language) and queues the job that opens their wellbeing
// follow-ups when it ends, all in one transaction.
func (s *CoprodService) CreateInvolvement(ctx context.Context, inv *lightbulb.Involvement, experts []int64) (int, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return 0, err
	}
	if err := inv.Validate(); err != nil {
		return 0, err
	}
	if err := s.checkSupporter(ctx, org, inv.SupporterID); err != nil {
		return 0, err
	}
	if err := checkInvolvementLink(ctx, s.db.read, org, inv); err != nil {
		return 0, err
	}
	inv.CreatedAt = lightbulb.Now()
	skipped := 0
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		rate, err := rateOn(ctx, tx, org, inv.Level, lightbulb.Today(inv.StartsAt))
		if err != nil {
			return err
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO coprod_involvements (org_id, title, activity, level, starts_at, minutes, prep_minutes,
			follow_minutes, place, topics, access, supporter_id, lead_id, created_at, needs_check, training_session_id, review_id,
			open_to_interest)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
			org, inv.Title, inv.Activity, inv.Level, inv.StartsAt, inv.Minutes, inv.PrepMinutes, inv.FollowMinutes, inv.Place,
			strings.Join(inv.Topics, ","), inv.Access, inv.SupporterID, inv.LeadID, inv.CreatedAt, inv.NeedsCheck,
			nullID(inv.TrainingSessionID), nullID(inv.ReviewID), inv.Open).Scan(&inv.ID)
		if err != nil {
			return fmt.Errorf("create involvement: %w", err)
		}
		for _, id := range experts {
			invited, err := s.invite(ctx, tx, org, inv, rate, id)
			if err != nil {
				return err
			}
			if !invited {
				skipped++
			}
		}
		_, err = jobs.Enqueue(ctx, tx, jobs.New{Org: org, Kind: lightbulb.JobCoprodEnded, Payload: strconv.FormatInt(inv.ID, 10),
			At: inv.EndsAt(), Key: fmt.Sprintf("%s:%d", lightbulb.JobCoprodEnded, inv.ID)})
		return err
	})
	return skipped, err
}

// checkSupporter makes sure the supporter belongs to the organisation.
func (s *CoprodService) checkSupporter(ctx context.Context, org, userID int64) error {
	var n int
	err := s.db.readRow(ctx, `SELECT COUNT(*) FROM memberships WHERE org_id = $1 AND user_id = $2 AND role = 'coproduction'`, org, userID).Scan(&n)
	if err != nil {
		return err
	}
	if n == 0 {
		return lightbulb.FieldError("supporter", "Choose who will follow up with experts afterwards")
	}
	return nil
}

// invite offers one expert a place, unless they have paused or opted out of
// the involvement's topics (reported false, never why).
func (s *CoprodService) invite(ctx context.Context, tx *sql.Tx, org int64, inv *lightbulb.Involvement, rate *lightbulb.CoprodRate, userID int64) (bool, error) {
	p, err := profile(ctx, tx, org, userID)
	if err != nil {
		return false, lightbulb.FieldError("experts", "Choose experts from the list")
	}
	if p.OptedOut(inv.Topics) {
		return false, nil
	}
	offer, err := offerFor(ctx, tx, org, inv, rate, p, "experts",
		"Someone you chose has no check in date for this involvement on the day of the session (their checks and when they end are shown beside their name): record their renewal first, or leave them out")
	if err != nil {
		return false, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO coprod_invites (org_id, involvement_id, expert_id, state, offer_pence, created_at)
		VALUES ($1, $2, $3, 'invited', $4, $5)`, org, inv.ID, userID, offer, inv.CreatedAt)
	if err != nil {
		return false, fmt.Errorf("invite: %w", err)
	}
	return true, queueMail(ctx, tx, lightbulb.CoprodInviteMail(p.Email, p.PreferredName, p.Lang, inv, s.baseURL))
}

// offerFor is the fee offered to an expert for an involvement, refused
// (on field, with checkMessage for a check) when the check it needs is not
// in date on the day or the offer would take them past their own cap.
func offerFor(ctx context.Context, tx *sql.Tx, org int64, inv *lightbulb.Involvement, rate *lightbulb.CoprodRate, p *lightbulb.ExpertProfile,
	field, checkMessage string) (int64, error) {
	if err := needCheck(ctx, tx, org, inv, p.UserID, field, checkMessage); err != nil {
		return 0, err
	}
	offer := lightbulb.Fee(p, rate, inv.PaidMinutes())
	if err := checkCap(ctx, tx, org, p, inv.StartsAt, offer); err != nil {
		return 0, err
	}
	return offer, nil
}

// checkCap refuses an offer that, with the offers the expert has accepted
// in the same week or month, would pass the cap they set themselves.
func checkCap(ctx context.Context, q querier, org int64, p *lightbulb.ExpertProfile, at time.Time, offer int64) error {
	if p.CapPence == 0 || offer == 0 {
		return nil
	}
	from, to := capPeriod(at, p.CapPeriod)
	var taken int64
	err := q.QueryRowContext(ctx, `SELECT COALESCE(SUM(i.offer_pence), 0) FROM coprod_invites i
		JOIN coprod_involvements v ON v.id = i.involvement_id
		WHERE i.org_id = $1 AND i.expert_id = $2 AND i.state = 'accepted' AND v.starts_at >= $3 AND v.starts_at < $4`,
		org, p.UserID, from, to).Scan(&taken)
	if err != nil {
		return fmt.Errorf("cap: %w", err)
	}
	if taken+offer > p.CapPence {
		// The lead is not told the cap or what else was accepted: those are
		// the expert's payment details.
		return lightbulb.FieldError("experts", "This offer would take an expert you chose past the cap they set themselves. Leave them out, or offer less time")
	}
	return nil
}

// capPeriod is the week (from Monday) or calendar month, in London, that at
// falls in.
func capPeriod(at time.Time, period string) (time.Time, time.Time) {
	t := at.In(lightbulb.London)
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, lightbulb.London)
	if period == "week" {
		from := day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
		return from, from.AddDate(0, 0, 7)
	}
	from := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, lightbulb.London)
	return from, from.AddDate(0, 1, 0)
}

// rateOn is the rate for level in force on day.
func rateOn(ctx context.Context, q querier, org int64, level, day string) (*lightbulb.CoprodRate, error) {
	r := &lightbulb.CoprodRate{Level: level}
	err := q.QueryRowContext(ctx, `SELECT id, pence, unit, starts_on FROM coprod_rates WHERE org_id = $1 AND level = $2 AND starts_on <= $3
		ORDER BY starts_on DESC LIMIT 1`, org, level, day).Scan(&r.ID, &r.Pence, &r.Unit, &r.StartsOn)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, lightbulb.FieldError("level", "There is no rate for this level on that day yet: add one on the rates page first")
	}
	return r, err
}

// Respond records an expert's answer to their own invitation.
func (s *CoprodService) Respond(ctx context.Context, inviteID, userID int64, accept, understood bool) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		var offer int64
		v := &lightbulb.Involvement{}
		var was string
		err := tx.QueryRowContext(ctx, `SELECT i.offer_pence, i.state, v.id, v.starts_at, v.minutes, v.needs_check FROM coprod_invites i
			JOIN coprod_involvements v ON v.id = i.involvement_id
			WHERE i.id = $1 AND i.org_id = $2 AND i.expert_id = $3`, inviteID, org, userID).Scan(&offer, &was, &v.ID, &v.StartsAt, &v.Minutes, &v.NeedsCheck)
		if err != nil {
			return notFound(err, "There is no such invitation.")
		}
		if was == lightbulb.InviteInterested {
			return lightbulb.FieldError("answer", "You have asked to take part. You can answer once you are offered a place")
		}
		state := lightbulb.InviteDeclined
		if accept {
			state = lightbulb.InviteAccepted
			if offer > 0 && !understood {
				return lightbulb.FieldError("understood", "Confirm that you have read about payment and benefits")
			}
			p, err := profile(ctx, tx, org, userID)
			if err != nil {
				return err
			}
			if err := needCheck(ctx, tx, org, v, userID, "answer",
				"This involvement needs a check of yours that is not in date on the day. Talk to your co-production lead about renewing it"); err != nil {
				return err
			}
			if err := checkCap(ctx, tx, org, p, v.StartsAt, offer); err != nil {
				return lightbulb.FieldError("understood", "Accepting this would take you past the cap you set. Change your cap on your profile first, or say no")
			}
		}
		if _, err = tx.ExecContext(ctx, `UPDATE coprod_invites SET state = $1, responded_at = $2 WHERE id = $3`, state, lightbulb.Now(), inviteID); err != nil {
			return err
		}
		if accept && !lightbulb.Now().Before(v.EndsAt()) {
			// Said yes once it had ended (recorded afterwards): open the
			// follow-up now; opening is idempotent.
			_, err = jobs.Enqueue(ctx, tx, jobs.New{Org: org, Kind: lightbulb.JobCoprodEnded, Payload: strconv.FormatInt(v.ID, 10)})
		}
		return err
	})
}

// needCheck refuses an expert whose check of the kind the involvement needs
// has lapsed, or was never recorded, on the day it starts; one ended but in
// the organisation's renewal window may take part.
func needCheck(ctx context.Context, q querier, org int64, inv *lightbulb.Involvement, userID int64, field, message string) error {
	if inv.NeedsCheck == "" {
		return nil
	}
	state, err := checkStateOn(ctx, q, org, userID, inv.NeedsCheck, lightbulb.Today(inv.StartsAt))
	if err != nil {
		return err
	}
	if !lightbulb.CheckUsable(state) {
		return lightbulb.FieldError(field, message)
	}
	return nil
}

// checkStateOn is the state of an expert's latest check of kind on day.
func checkStateOn(ctx context.Context, q querier, org, userID int64, kind, day string) (string, error) {
	c, err := latestCheck(ctx, q, org, userID, kind)
	if err != nil {
		return "", err
	}
	st, err := coprodSettings(ctx, q, org)
	if err != nil {
		return "", err
	}
	return c.StateOn(day, st.RenewalDays), nil
}
