package sqldb

import (
	"context"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// indicatorChanges reads the organisation's marked changes, by indicator
// and month.
func (s *IndicatorService) indicatorChanges(ctx context.Context) ([]lightbulb.IndicatorChange, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT indicator, month, reason, set_by, set_at FROM indicator_changes
		WHERE org_id = $1 ORDER BY indicator, month`, org)
	if err != nil {
		return nil, fmt.Errorf("indicator changes: %w", err)
	}
	return collect(rows, func(r scanner) (c lightbulb.IndicatorChange, err error) {
		return c, r.Scan(&c.Indicator, &c.Month, &c.Reason, &c.SetBy, &c.SetAt)
	})
}

// MarkIndicatorChange marks a change in an indicator of the catalogue the
// organisation has; marking a month again replaces its reason.
func (s *IndicatorService) MarkIndicatorChange(ctx context.Context, c lightbulb.IndicatorChange) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if _, ok := lightbulb.FindIndicator(c.Indicator); !ok {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "No such indicator.")
	}
	if err := c.Validate(lightbulb.Now()); err != nil {
		return err
	}
	_, err = s.db.write.ExecContext(ctx, `INSERT INTO indicator_changes (org_id, indicator, month, reason, set_by, set_at)
		VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (org_id, indicator, month) DO UPDATE SET reason = excluded.reason,
		set_by = excluded.set_by, set_at = excluded.set_at`, org, c.Indicator, c.Month, c.Reason, c.SetBy, lightbulb.Now())
	if err != nil {
		return fmt.Errorf("mark change: %w", err)
	}
	return nil
}

// RemoveIndicatorChange removes the organisation's change of key at month.
func (s *IndicatorService) RemoveIndicatorChange(ctx context.Context, key, month string) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	res, err := s.db.write.ExecContext(ctx, `DELETE FROM indicator_changes WHERE org_id = $1 AND indicator = $2 AND month = $3`, org, key, month)
	if err != nil {
		return fmt.Errorf("remove change: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such change.")
	}
	return nil
}
