package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// RecordClaim records the time and expenses for an accepted invitation,
// with the fee worked out from the rate in force on the day and the
// expert's preference.
func (s *CoprodService) RecordClaim(ctx context.Context, inviteID int64, c *lightbulb.Claim) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		var level, state string
		var v lightbulb.Involvement
		err := tx.QueryRowContext(ctx, `SELECT i.involvement_id, i.expert_id, i.state, v.level, v.starts_at FROM coprod_invites i
			JOIN coprod_involvements v ON v.id = i.involvement_id WHERE i.id = $1 AND i.org_id = $2`, inviteID, org).
			Scan(&c.InvolvementID, &c.ExpertID, &state, &level, &v.StartsAt)
		if err != nil {
			return notFound(err, "There is no such invitation.")
		}
		if state != lightbulb.InviteAccepted {
			return lightbulb.FieldError("hours", "Time can be recorded only for an involvement that was accepted")
		}
		rate, err := rateOn(ctx, tx, org, level, lightbulb.Today(v.StartsAt))
		if err != nil {
			return err
		}
		c.RatePence, c.RateUnit = rate.Pence, rate.Unit
		p, err := profile(ctx, tx, org, c.ExpertID)
		if err != nil {
			return err
		}
		c.PayPref, c.FeePence, c.State, c.CreatedAt = p.PayPref, lightbulb.Fee(p, rate, c.Minutes), lightbulb.ClaimSubmitted, lightbulb.Now()
		if p.PayPref == lightbulb.PayCharity {
			c.PayTo = p.Charity
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO coprod_claims (org_id, involvement_id, expert_id, minutes, rate_pence, fee_pence,
			expenses_pence, expenses_note, pay_pref, pay_to, state, recorded_by, created_at, rate_unit)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT DO NOTHING RETURNING id`,
			org, c.InvolvementID, c.ExpertID, c.Minutes, c.RatePence, c.FeePence, c.ExpensesPence, c.ExpensesNote, c.PayPref,
			c.PayTo, c.State, c.RecordedBy, c.CreatedAt, c.RateUnit).Scan(&c.ID)
		if err == sql.ErrNoRows {
			return lightbulb.FieldError("hours", "Time for this involvement has already been recorded")
		} else if err != nil || c.Receipt == nil {
			return err
		}
		r := c.Receipt
		return tx.QueryRowContext(ctx, `INSERT INTO coprod_receipts (org_id, claim_id, filename, content_type, size, body, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, org, c.ID, r.Name, r.Type, len(r.Data), r.Data, c.CreatedAt).Scan(&c.ReceiptID)
	})
}

// Receipt returns one of the organisation's receipts and whose claim it is.
func (s *CoprodService) Receipt(ctx context.Context, id int64) (*lightbulb.Receipt, int64, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, 0, err
	}
	r := &lightbulb.Receipt{ID: id}
	var expert int64
	err = s.db.readRow(ctx, `SELECT r.filename, r.content_type, r.body, c.expert_id FROM coprod_receipts r
		JOIN coprod_claims c ON c.id = r.claim_id WHERE r.id = $1 AND r.org_id = $2`, id, org).Scan(&r.Name, &r.Type, &r.Data, &expert)
	return r, expert, notFound(err, "There is no such receipt.")
}

// ApproveClaim approves a submitted claim, or gives a claim above the
// organisation's amount its second approval. Nobody approves a claim for
// their own time, one they recorded, or twice.
func (s *CoprodService) ApproveClaim(ctx context.Context, claimID, approverID int64) error {
	return s.moveClaim(ctx, claimID, func(c *lightbulb.Claim, second int64) (string, []any, error) {
		switch {
		case c.State != lightbulb.ClaimSubmitted && c.State != lightbulb.ClaimApprovedOnce:
			return "", nil, lightbulb.FieldError("approve", "This claim has already been approved")
		case c.ExpertID == approverID || c.RecordedBy == approverID:
			return "", nil, lightbulb.FieldError("approve", "You cannot approve a claim for your own time or one you recorded: ask another approver")
		case c.State == lightbulb.ClaimApprovedOnce && c.ApprovedBy == approverID:
			return "", nil, lightbulb.FieldError("approve", "You approved this claim already: it needs a second approver")
		case c.State == lightbulb.ClaimApprovedOnce:
			return `state = 'approved', second_by = $1, second_at = $2`, []any{approverID, lightbulb.Now()}, nil
		case second > 0 && c.TotalPence() > second:
			return `state = 'approved_once', approved_by = $1, approved_at = $2`, []any{approverID, lightbulb.Now()}, nil
		}
		return `state = 'approved', approved_by = $1, approved_at = $2`, []any{approverID, lightbulb.Now()}, nil
	})
}

// MarkPaid records the day an approved claim was paid.
func (s *CoprodService) MarkPaid(ctx context.Context, claimID int64, paidOn lightbulb.Date) error {
	return s.moveClaim(ctx, claimID, func(c *lightbulb.Claim, _ int64) (string, []any, error) {
		switch {
		case c.State != lightbulb.ClaimApproved:
			return "", nil, lightbulb.FieldError("paid_on", "Only an approved claim can be marked paid")
		case paidOn.IsZero():
			return "", nil, lightbulb.FieldError("paid_on", "Enter the day it was paid")
		case lightbulb.Today(lightbulb.Now()) < paidOn.String():
			return "", nil, lightbulb.FieldError("paid_on", "The day it was paid must be today or in the past")
		case paidOn.String() < lightbulb.Today(c.CreatedAt):
			return "", nil, lightbulb.FieldError("paid_on", "The day it was paid cannot be before the claim was made")
		}
		return `state = 'paid', paid_on = $1`, []any{paidOn.String()}, nil
	})
}

// moveClaim loads a claim of the organisation and applies the change set
// returns, in one transaction; set is given the amount above which a claim
// needs a second approver.
func (s *CoprodService) moveClaim(ctx context.Context, claimID int64, set func(*lightbulb.Claim, int64) (string, []any, error)) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		c := &lightbulb.Claim{ID: claimID}
		err := tx.QueryRowContext(ctx, `SELECT expert_id, recorded_by, COALESCE(approved_by, 0), state, fee_pence, expenses_pence, created_at
			FROM coprod_claims WHERE id = $1 AND org_id = $2`, claimID, org).
			Scan(&c.ExpertID, &c.RecordedBy, &c.ApprovedBy, &c.State, &c.FeePence, &c.ExpensesPence, &c.CreatedAt)
		if err != nil {
			return notFound(err, "There is no such claim.")
		}
		var second int64
		if err := tx.QueryRowContext(ctx, `SELECT second_above_pence FROM coprod_settings WHERE org_id = $1`, org).Scan(&second); err != nil && err != sql.ErrNoRows {
			return err
		}
		clause, args, err := set(c, second)
		if err != nil {
			return err
		}
		args = append(args, claimID)
		_, err = tx.ExecContext(ctx, `UPDATE coprod_claims SET `+clause+fmt.Sprintf(` WHERE id = $%d`, len(args)), args...)
		return err
	})
}

// Claims lists the organisation's claims made from one day up to another.
func (s *CoprodService) Claims(ctx context.Context, from, to lightbulb.Date) ([]*lightbulb.Claim, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return s.claims(ctx, `c.org_id = $1 AND c.created_at >= $2 AND c.created_at < $3`, org, from.In(lightbulb.London), to.In(lightbulb.London))
}

func (s *CoprodService) claims(ctx context.Context, where string, args ...any) ([]*lightbulb.Claim, error) {
	rows, err := s.db.readRows(ctx, `SELECT c.id, c.involvement_id, c.expert_id, COALESCE(p.preferred_name, u.name), v.title,
		c.minutes, c.rate_pence, c.fee_pence, c.expenses_pence, c.expenses_note, c.pay_pref, c.pay_to, c.state, c.recorded_by,
		COALESCE(c.approved_by, 0), COALESCE(au.name, ''), c.approved_at, COALESCE(c.second_by, 0), COALESCE(su.name, ''), c.paid_on, c.created_at, COALESCE(rc.id, 0),
		c.rate_unit
		FROM coprod_claims c JOIN users u ON u.id = c.expert_id JOIN coprod_involvements v ON v.id = c.involvement_id
		LEFT JOIN coprod_profiles p ON p.org_id = c.org_id AND p.user_id = c.expert_id
		LEFT JOIN users au ON au.id = c.approved_by LEFT JOIN users su ON su.id = c.second_by LEFT JOIN coprod_receipts rc ON rc.claim_id = c.id WHERE `+where+` ORDER BY c.created_at, c.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("claims: %w", err)
	}
	return collect(rows, func(row scanner) (*lightbulb.Claim, error) {
		c := &lightbulb.Claim{}
		var at sql.NullTime
		err := row.Scan(&c.ID, &c.InvolvementID, &c.ExpertID, &c.ExpertName, &c.Title, &c.Minutes, &c.RatePence, &c.FeePence,
			&c.ExpensesPence, &c.ExpensesNote, &c.PayPref, &c.PayTo, &c.State, &c.RecordedBy, &c.ApprovedBy, &c.ApproverName,
			&at, &c.SecondBy, &c.SecondName, &c.PaidOn, &c.CreatedAt, &c.ReceiptID, &c.RateUnit)
		c.ApprovedAt = at.Time
		return c, err
	})
}

// Rates lists every rate version, newest first within each level.
func (s *CoprodService) Rates(ctx context.Context) ([]*lightbulb.CoprodRate, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT id, level, pence, unit, starts_on FROM coprod_rates WHERE org_id = $1 ORDER BY level, starts_on DESC`, org)
	if err != nil {
		return nil, fmt.Errorf("rates: %w", err)
	}
	return collect(rows, func(row scanner) (*lightbulb.CoprodRate, error) {
		r := &lightbulb.CoprodRate{}
		return r, row.Scan(&r.ID, &r.Level, &r.Pence, &r.Unit, &r.StartsOn)
	})
}

// AddRate adds a rate version; one level has one rate per start day.
func (s *CoprodService) AddRate(ctx context.Context, r *lightbulb.CoprodRate) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	var v lightbulb.ValidationErrors
	if !slices.Contains(lightbulb.CoprodLevels, r.Level) {
		v.Add("level", "Choose the level this rate is for")
	}
	if r.Unit == "" {
		r.Unit = lightbulb.RateHour
	}
	if !slices.Contains(lightbulb.RateUnits, r.Unit) {
		v.Add("unit", "Choose whether the rate is for an hour, a half day or a day")
	}
	if r.Pence <= 0 || r.Pence > lightbulb.MaxRatePence {
		v.Add("pence", "Enter a rate from £0.01 to £1,000")
	}
	if _, err := lightbulb.ParseDate(r.StartsOn); err != nil {
		v.Add("starts_on", "Enter the day the rate starts")
	}
	if err := v.Err(); err != nil {
		return err
	}
	actor := lightbulb.ActorFrom(ctx)
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO coprod_rates (org_id, level, pence, starts_on, created_by, created_at, unit)
			VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`, org, r.Level, r.Pence, r.StartsOn, nullID(actorID(actor)),
			lightbulb.Now(), r.Unit).Scan(&r.ID)
		if err == sql.ErrNoRows {
			return lightbulb.FieldError("starts_on", "This level already has a rate starting that day: a change is a new rate from a later day")
		}
		return err
	})
}

func actorID(a *lightbulb.Actor) int64 {
	if a == nil {
		return 0
	}
	return a.UserID
}

// Settings returns the organisation's co-production settings, or the
// defaults until it saves its own.
func (s *CoprodService) Settings(ctx context.Context) (*lightbulb.CoprodSettings, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return coprodSettings(ctx, s.db.read, org)
}

func coprodSettings(ctx context.Context, q querier, org int64) (*lightbulb.CoprodSettings, error) {
	st := lightbulb.DefaultCoprodSettings()
	err := q.QueryRowContext(ctx, `SELECT second_above_pence, pay_target_days, renewal_days FROM coprod_settings WHERE org_id = $1`, org).
		Scan(&st.SecondAbovePence, &st.PayTargetDays, &st.RenewalDays)
	if err == sql.ErrNoRows {
		err = nil
	}
	return st, err
}

// SaveSettings keeps the organisation's co-production settings.
func (s *CoprodService) SaveSettings(ctx context.Context, st *lightbulb.CoprodSettings) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := st.Validate(); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO coprod_settings (org_id, second_above_pence, pay_target_days, renewal_days, updated_by, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (org_id) DO UPDATE SET second_above_pence = excluded.second_above_pence,
			pay_target_days = excluded.pay_target_days, renewal_days = excluded.renewal_days, updated_by = excluded.updated_by,
			updated_at = excluded.updated_at`, org, st.SecondAbovePence, st.PayTargetDays, st.RenewalDays,
			nullID(actorID(lightbulb.ActorFrom(ctx))), lightbulb.Now())
		return err
	})
}
