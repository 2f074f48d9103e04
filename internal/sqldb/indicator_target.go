package sqldb

import (
	"context"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// indicatorTargets reads the organisation's own targets by indicator.
func (s *IndicatorService) indicatorTargets(ctx context.Context) (map[string]lightbulb.IndicatorTarget, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT indicator, target, set_by, updated_at FROM indicator_targets WHERE org_id = $1`, org)
	if err != nil {
		return nil, fmt.Errorf("indicator targets: %w", err)
	}
	ts, err := collect(rows, func(r scanner) (t lightbulb.IndicatorTarget, err error) {
		return t, r.Scan(&t.Indicator, &t.Target, &t.SetBy, &t.UpdatedAt)
	})
	out := map[string]lightbulb.IndicatorTarget{}
	for _, t := range ts {
		out[t.Indicator] = t
	}
	return out, err
}

// SetIndicatorTarget sets the organisation's target for an indicator of
// the catalogue, or removes it with clear. A share must be 0 to 100 and a
// count not below 0.
func (s *IndicatorService) SetIndicatorTarget(ctx context.Context, key string, target float64, clear bool, by string) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	d, ok := lightbulb.FindIndicator(key)
	if !ok {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "No such indicator.")
	}
	if clear {
		_, err := s.db.write.ExecContext(ctx, `DELETE FROM indicator_targets WHERE org_id = $1 AND indicator = $2`, org, key)
		return err
	}
	if lo, hi, bounded := d.Bounds(); bounded && (target < lo || (hi > lo && target > hi)) {
		if d.Unit == lightbulb.UnitPercent {
			return lightbulb.FieldError("target", "Enter a target from 0 to 100")
		}
		return lightbulb.FieldError("target", "Enter a target of 0 or more")
	}
	_, err = s.db.write.ExecContext(ctx, `INSERT INTO indicator_targets (org_id, indicator, target, set_by, updated_at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (org_id, indicator) DO UPDATE SET target = excluded.target, set_by = excluded.set_by, updated_at = excluded.updated_at`,
		org, key, target, by, lightbulb.Now())
	return err
}

// Impact sums keys' whole-organisation values over every organisation and
// the months from from to to.
func (s *IndicatorService) Impact(ctx context.Context, keys []string, from, to string) (map[string]float64, error) {
	out := map[string]float64{}
	for _, k := range keys {
		var v float64
		err := s.db.readRow(ctx, `SELECT COALESCE(SUM(value), 0) FROM indicator_values
			WHERE indicator = $1 AND service_id = 0 AND month >= $2 AND month <= $3`, k, from, to).Scan(&v)
		if err != nil {
			return nil, fmt.Errorf("impact %s: %w", k, err)
		}
		out[k] = v
	}
	return out, nil
}
