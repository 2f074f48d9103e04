package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// SeedSignature is a signature as demo data and benchmarks load it: already
// confirmed (or not), with no email sent.
type SeedSignature struct {
	lightbulb.SignRequest
	Confirmed time.Time // zero leaves it pending
	Taken     []int64   // actions the signatory said they took
}

// SeedSignatures records signatures in one transaction, with prepared
// single-row inserts (fast on both engines), and sends nothing. Counts are
// not refreshed: call RefreshCounts after.
func (s *ActionPlanService) SeedSignatures(ctx context.Context, list []SeedSignature) error {
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		sig, err := tx.PrepareContext(ctx, `INSERT INTO actionplan_signatures (token, role, name, email, organisation, nation,
			local_authority, lang, checkins, own_action, own_state, status, suspect, created_at, confirmed_at, org_id)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`)
		if err != nil {
			return err
		}
		defer sig.Close()
		act, err := tx.PrepareContext(ctx, `INSERT INTO actionplan_signature_actions (signature_id, action_id, taken_at) VALUES ($1, $2, $3)`)
		if err != nil {
			return err
		}
		defer act.Close()
		for i := range list {
			if err := seedOne(ctx, sig, act, &list[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

func seedOne(ctx context.Context, sig, act *sql.Stmt, g *SeedSignature) error {
	status, own := lightbulb.SignPending, ""
	var confirmed any
	if !g.Confirmed.IsZero() {
		status, confirmed = lightbulb.SignConfirmed, g.Confirmed
	}
	if g.OwnAction != "" {
		own = lightbulb.ModPending
	}
	created := g.Confirmed.Add(-time.Hour)
	if g.Confirmed.IsZero() {
		created = lightbulb.Now()
	}
	var id int64
	if err := sig.QueryRowContext(ctx, newToken(), g.Role, g.Name, lightbulb.CleanEmail(g.Email), g.Organisation, g.Nation,
		g.LocalAuthority, lightbulb.MailLang(g.Lang), g.Checkins, g.OwnAction, own, status, g.Suspect, created, confirmed, orgArg(g.OrgID)).Scan(&id); err != nil {
		return fmt.Errorf("seed signature %s: %w", g.Email, err)
	}
	taken := map[int64]bool{}
	for _, t := range g.Taken {
		taken[t] = true
	}
	for _, a := range g.Actions {
		var at any
		if taken[a] {
			at = g.Confirmed.Add(30 * 24 * time.Hour)
		}
		if _, err := act.ExecContext(ctx, id, a, at); err != nil {
			return fmt.Errorf("seed signature action: %w", err)
		}
	}
	return nil
}

// SeedSubscribers adds confirmed subscribers in one transaction and sends
// nothing: for demo data and benchmarks.
func (s *NewsletterService) SeedSubscribers(ctx context.Context, emails, langs []string, consent string) error {
	now := lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `INSERT INTO newsletter_subscribers (email, lang, status, token, consent_text, consent_at, created_at, confirmed_at)
			VALUES ($1, $2, 'confirmed', $3, $4, $5, $5, $5) ON CONFLICT DO NOTHING`)
		if err != nil {
			return err
		}
		defer st.Close()
		for i, e := range emails {
			if _, err := st.ExecContext(ctx, lightbulb.CleanEmail(e), lightbulb.MailLang(langs[i%len(langs)]), newToken(), consent, now); err != nil {
				return fmt.Errorf("seed subscriber: %w", err)
			}
		}
		return nil
	})
}
