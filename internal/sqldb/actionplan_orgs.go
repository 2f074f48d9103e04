package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// PlanOrgs lists the organisations that count their staff's signatures.
func (s *ActionPlanService) PlanOrgs(ctx context.Context) ([]lightbulb.PlanOrg, error) {
	rows, err := s.db.readRows(ctx, `SELECT o.id, o.name FROM actionplan_org_optins p JOIN organisations o ON o.id = p.org_id
		ORDER BY o.name, o.id`)
	if err != nil {
		return nil, fmt.Errorf("plan organisations: %w", err)
	}
	return collect(rows, func(r scanner) (o lightbulb.PlanOrg, err error) { return o, r.Scan(&o.ID, &o.Name) })
}

// SetOrgOptIn opts the context's organisation in or out. Opting out keeps
// the signatures already counted for it, and hides them from its page.
func (s *ActionPlanService) SetOrgOptIn(ctx context.Context, in bool) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	q := `DELETE FROM actionplan_org_optins WHERE org_id = $1`
	args := []any{org}
	if in {
		q, args = `INSERT INTO actionplan_org_optins (org_id, opted_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`, append(args, lightbulb.Now())
	}
	if _, err := s.db.write.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("opt in: %w", err)
	}
	return nil
}

// OrgPlanCounts counts the context's organisation's signatures, live: one
// organisation's are few, and only its admins ask.
func (s *ActionPlanService) OrgPlanCounts(ctx context.Context) (*lightbulb.OrgPlanCounts, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	c := &lightbulb.OrgPlanCounts{Chosen: map[int64]int{}, Taken: map[int64]int{}}
	var one int
	err = s.db.readRow(ctx, `SELECT 1 FROM actionplan_org_optins WHERE org_id = $1`, org).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return c, nil
	} else if err != nil {
		return nil, err
	}
	c.OptedIn = true
	if err := s.db.readRow(ctx, `SELECT count(*) FROM actionplan_signatures g WHERE g.org_id = $1 AND `+counted, org).
		Scan(&c.Signed); err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT sa.action_id, count(*), count(sa.taken_at) FROM actionplan_signature_actions sa
		JOIN actionplan_signatures g ON g.id = sa.signature_id WHERE g.org_id = $1 AND `+counted+` GROUP BY sa.action_id`, org)
	if err != nil {
		return nil, fmt.Errorf("organisation counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var chosen, taken int
		if err := rows.Scan(&id, &chosen, &taken); err != nil {
			return nil, err
		}
		c.Chosen[id], c.Taken[id] = chosen, taken
	}
	return c, rows.Err()
}

// checkOrg refuses an organisation that has not opted in.
func checkOrg(ctx context.Context, tx *sql.Tx, org int64) error {
	if org == 0 {
		return nil
	}
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM actionplan_org_optins WHERE org_id = $1`, org).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return lightbulb.FieldError("org", "Choose an organisation from the list")
	}
	return err
}

// orgArg is an organisation id for a nullable column.
func orgArg(org int64) any {
	if org == 0 {
		return nil
	}
	return org
}
