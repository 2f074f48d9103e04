package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// CoprodService keeps co-production; see lightbulb.CoprodService.
type CoprodService struct {
	db      *DB
	baseURL string
}

// NewCoprodService returns a CoprodService over db whose emails link to baseURL.
func NewCoprodService(db *DB, baseURL string) *CoprodService {
	return &CoprodService{db: db, baseURL: baseURL}
}

var _ lightbulb.CoprodService = (*CoprodService)(nil)

const profileColumns = `u.id, u.email, COALESCE(u.lang, ''), u.name, p.user_id IS NOT NULL, COALESCE(p.preferred_name, ''), COALESCE(p.phone, ''),
	COALESCE(p.contact_by, 'email'), COALESCE(p.format, ''), COALESCE(p.breaks, ''), COALESCE(p.captions, ''), COALESCE(p.easy_read, ''),
	COALESCE(p.avoid_times, ''), COALESCE(p.avoid_times_prefer_not, FALSE), COALESCE(p.consent_credit, FALSE),
	COALESCE(p.consent_quote_internal, FALSE), COALESCE(p.consent_quote_public, FALSE), COALESCE(p.consent_recording, FALSE),
	COALESCE(p.paused, FALSE), COALESCE(p.opt_out_topics, ''), COALESCE(p.pay_pref, 'paid'), COALESCE(p.reduced_pence, 0),
	COALESCE(p.charity, ''), COALESCE(p.cap_pence, 0), COALESCE(p.cap_period, ''), COALESCE(p.public_sector, FALSE), COALESCE(p.shared_groups, ''), p.updated_at`

// expertsFrom is the organisation's experts ($1) with any profile they saved.
const expertsFrom = ` FROM users u JOIN memberships m ON m.user_id = u.id AND m.org_id = $1 AND m.role = 'expert'
	LEFT JOIN coprod_profiles p ON p.org_id = m.org_id AND p.user_id = u.id`

func scanProfile(row scanner) (*lightbulb.ExpertProfile, error) {
	p := &lightbulb.ExpertProfile{}
	var account, topics, groups string
	var updated sql.NullTime
	err := row.Scan(&p.UserID, &p.Email, &p.Lang, &account, &p.Known, &p.PreferredName, &p.Phone, &p.ContactBy,
		&p.Format, &p.Breaks, &p.Captions, &p.EasyRead, &p.AvoidTimes, &p.AvoidTimesPreferNot, &p.CreditByName,
		&p.QuoteInternal, &p.QuotePublic, &p.Recording, &p.Paused, &topics, &p.PayPref, &p.ReducedPence,
		&p.Charity, &p.CapPence, &p.CapPeriod, &p.PublicSector, &groups, &updated)
	if err != nil {
		return nil, err
	}
	if p.PreferredName == "" {
		p.PreferredName = account
	}
	p.OptOutTopics, p.Groups = splitList(topics), splitList(groups)
	p.UpdatedAt = updated.Time
	return p, nil
}

var errNotExpert = lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such lived experience expert here.")

// profile reads one expert's profile through q, in org.
func profile(ctx context.Context, q querier, org, userID int64) (*lightbulb.ExpertProfile, error) {
	p, err := scanProfile(q.QueryRowContext(ctx, `SELECT `+profileColumns+expertsFrom+` WHERE u.id = $2`, org, userID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNotExpert
	}
	return p, err
}

// Profile returns an expert's profile, blank and with every consent off
// until they save one.
func (s *CoprodService) Profile(ctx context.Context, userID int64) (*lightbulb.ExpertProfile, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return profile(ctx, s.db.read, org, userID)
}

// Experts lists the organisation's experts by name.
func (s *CoprodService) Experts(ctx context.Context) ([]*lightbulb.ExpertProfile, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+profileColumns+expertsFrom+` ORDER BY COALESCE(p.preferred_name, u.name), u.id`, org)
	if err != nil {
		return nil, fmt.Errorf("experts: %w", err)
	}
	return collect(rows, scanProfile)
}

// SaveProfile writes an expert's own profile.
func (s *CoprodService) SaveProfile(ctx context.Context, p *lightbulb.ExpertProfile) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return err
	}
	if _, err := profile(ctx, s.db.read, org, p.UserID); err != nil {
		return err
	}
	p.UpdatedAt = lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO coprod_profiles (org_id, user_id, preferred_name, phone, contact_by, format, breaks,
			captions, easy_read, avoid_times, avoid_times_prefer_not, consent_credit, consent_quote_internal, consent_quote_public,
			consent_recording, paused, opt_out_topics, pay_pref, reduced_pence, charity, cap_pence, cap_period, public_sector, updated_at,
			shared_groups)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)
			ON CONFLICT (org_id, user_id) DO UPDATE SET preferred_name = excluded.preferred_name, phone = excluded.phone,
			contact_by = excluded.contact_by, format = excluded.format, breaks = excluded.breaks, captions = excluded.captions,
			easy_read = excluded.easy_read, avoid_times = excluded.avoid_times, avoid_times_prefer_not = excluded.avoid_times_prefer_not,
			consent_credit = excluded.consent_credit, consent_quote_internal = excluded.consent_quote_internal,
			consent_quote_public = excluded.consent_quote_public, consent_recording = excluded.consent_recording,
			paused = excluded.paused, opt_out_topics = excluded.opt_out_topics, pay_pref = excluded.pay_pref,
			reduced_pence = excluded.reduced_pence, charity = excluded.charity, cap_pence = excluded.cap_pence,
			cap_period = excluded.cap_period, public_sector = excluded.public_sector, updated_at = excluded.updated_at,
			shared_groups = excluded.shared_groups`,
			org, p.UserID, p.PreferredName, p.Phone, p.ContactBy, p.Format, p.Breaks, p.Captions, p.EasyRead, p.AvoidTimes,
			p.AvoidTimesPreferNot, p.CreditByName, p.QuoteInternal, p.QuotePublic, p.Recording, p.Paused,
			strings.Join(p.OptOutTopics, ","), p.PayPref, p.ReducedPence, p.Charity, p.CapPence, p.CapPeriod, p.PublicSector, p.UpdatedAt,
			strings.Join(p.Groups, ","))
		if err != nil {
			return fmt.Errorf("save profile: %w", err)
		}
		return nil
	})
}

// InvolvedExperts lists the experts who said yes to an involvement starting
// in the period.
func (s *CoprodService) InvolvedExperts(ctx context.Context, from, to lightbulb.Date) ([]*lightbulb.ExpertProfile, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+profileColumns+expertsFrom+` WHERE u.id IN (SELECT i.expert_id FROM coprod_invites i
		JOIN coprod_involvements v ON v.id = i.involvement_id WHERE i.org_id = $1 AND i.state = 'accepted' AND v.starts_at >= $2 AND v.starts_at < $3)
		ORDER BY u.id`, org, from.In(lightbulb.London), to.In(lightbulb.London))
	if err != nil {
		return nil, fmt.Errorf("involved experts: %w", err)
	}
	return collect(rows, scanProfile)
}
