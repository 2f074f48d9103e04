package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

var _ lightbulb.CheckService = (*CoprodService)(nil)

const checkSelect = `SELECT c.id, c.expert_id, COALESCE(p.preferred_name, u.name), c.kind, c.checked_on, c.expires_on, COALESCE(c.recorded_by, 0)
	FROM coprod_checks c JOIN users u ON u.id = c.expert_id LEFT JOIN coprod_profiles p ON p.org_id = c.org_id AND p.user_id = c.expert_id`

func scanCheck(row scanner) (*lightbulb.ExpertCheck, error) {
	c := &lightbulb.ExpertCheck{}
	return c, row.Scan(&c.ID, &c.ExpertID, &c.ExpertName, &c.Kind, &c.CheckedOn, &c.ExpiresOn, &c.RecordedBy)
}

// RecordCheck records a check for one of the organisation's experts and
// queues, in the same transaction, the reminder before it ends.
func (s *CoprodService) RecordCheck(ctx context.Context, c *lightbulb.ExpertCheck) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := c.Validate(); err != nil {
		return err
	}
	if _, err := profile(ctx, s.db.read, org, c.ExpertID); err != nil {
		return lightbulb.FieldError("expert", "Choose whose check this is from the list")
	}
	c.RecordedBy = actorID(lightbulb.ActorFrom(ctx))
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO coprod_checks (org_id, expert_id, kind, checked_on, expires_on, recorded_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, org, c.ExpertID, c.Kind, c.CheckedOn, c.ExpiresOn, nullID(c.RecordedBy),
			lightbulb.Now()).Scan(&c.ID)
		if err != nil {
			return fmt.Errorf("record check: %w", err)
		}
		if lightbulb.Today(lightbulb.Now()) > c.ExpiresOn {
			return nil // ended already: nothing to remind about
		}
		day, _ := lightbulb.ParseDate(c.ReminderOn())
		_, err = jobs.Enqueue(ctx, tx, jobs.New{Org: org, Kind: lightbulb.JobCoprodCheckDue, Payload: strconv.FormatInt(c.ID, 10),
			At: day.In(lightbulb.London).Add(9 * time.Hour)})
		return err
	})
}

// Checks lists the organisation's experts, each with their latest check of
// every kind.
func (s *CoprodService) Checks(ctx context.Context) ([]*lightbulb.ExpertChecks, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	experts, err := s.Experts(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, checkSelect+` WHERE c.org_id = $1 ORDER BY c.expires_on, c.id`, org)
	if err != nil {
		return nil, fmt.Errorf("checks: %w", err)
	}
	checks, err := collect(rows, scanCheck)
	if err != nil {
		return nil, err
	}
	out := make([]*lightbulb.ExpertChecks, len(experts))
	byExpert := map[int64]*lightbulb.ExpertChecks{}
	for i, p := range experts {
		out[i] = &lightbulb.ExpertChecks{Expert: p, Latest: map[string]*lightbulb.ExpertCheck{}}
		byExpert[p.UserID] = out[i]
	}
	for _, c := range checks { // by expiry, so the latest ending wins
		if x := byExpert[c.ExpertID]; x != nil {
			x.Latest[c.Kind] = c
		}
	}
	return out, nil
}

// MyChecks lists one expert's checks, the latest ending first.
func (s *CoprodService) MyChecks(ctx context.Context, userID int64) ([]*lightbulb.ExpertCheck, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return myChecks(ctx, s.db.read, org, userID)
}

func myChecks(ctx context.Context, q querier, org, userID int64) ([]*lightbulb.ExpertCheck, error) {
	rows, err := q.QueryContext(ctx, checkSelect+` WHERE c.org_id = $1 AND c.expert_id = $2 ORDER BY c.expires_on DESC, c.id DESC`, org, userID)
	if err != nil {
		return nil, fmt.Errorf("checks: %w", err)
	}
	return collect(rows, scanCheck)
}

// latestCheck is an expert's check of kind that ends last, or nil.
func latestCheck(ctx context.Context, q querier, org, userID int64, kind string) (*lightbulb.ExpertCheck, error) {
	c, err := scanCheck(q.QueryRowContext(ctx, checkSelect+` WHERE c.org_id = $1 AND c.expert_id = $2 AND c.kind = $3
		ORDER BY c.expires_on DESC, c.id DESC LIMIT 1`, org, userID, kind))
	if err == sql.ErrNoRows {
		return nil, nil
	}
	return c, err
}

// remindCheck tells the expert and the co-production leads, each in their
// language, that a check ends soon, unless it has been renewed since.
func (s *CoprodService) remindCheck(ctx context.Context, tx *sql.Tx, org, id int64) error {
	c, err := scanCheck(tx.QueryRowContext(ctx, checkSelect+` WHERE c.org_id = $1 AND c.id = $2`, org, id))
	if err == sql.ErrNoRows {
		return nil // erased with the expert
	} else if err != nil {
		return err
	}
	latest, err := latestCheck(ctx, tx, org, c.ExpertID, c.Kind)
	if err != nil || latest.ExpiresOn > c.ExpiresOn {
		return err // renewed already
	}
	p, err := profile(ctx, tx, org, c.ExpertID)
	if err == errNotExpert {
		return nil // no longer one of the organisation's experts
	} else if err != nil {
		return err
	}
	if err := queueMail(ctx, tx, lightbulb.CoprodCheckMail(p.Email, p.PreferredName, p.Lang, c, true, s.baseURL)); err != nil {
		return err
	}
	return mailEach(ctx, tx, `SELECT u.email, u.name, COALESCE(u.lang, '') FROM users u JOIN memberships m ON m.user_id = u.id
		WHERE m.org_id = $1 AND m.role = 'coproduction' ORDER BY u.id`, []any{org}, func(email, name, lang string) *lightbulb.Mail {
		return lightbulb.CoprodCheckMail(email, name, lang, c, false, s.baseURL)
	})
}
