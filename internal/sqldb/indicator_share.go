package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// IndicatorShares lists the organisation's shares, newest first.
func (s *IndicatorService) IndicatorShares(ctx context.Context) ([]lightbulb.IndicatorShare, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT s.id, s.viewer_id, o.name, o.kind, s.created_by, s.created_at, s.revoked_by, s.revoked_at
		FROM indicator_shares s JOIN organisations o ON o.id = s.viewer_id WHERE s.org_id = $1 ORDER BY s.created_at DESC, s.id DESC`, org)
	if err != nil {
		return nil, fmt.Errorf("indicator shares: %w", err)
	}
	return collect(rows, func(r scanner) (x lightbulb.IndicatorShare, err error) {
		var rev sql.NullTime
		err = r.Scan(&x.ID, &x.ViewerID, &x.ViewerName, &x.ViewerKind, &x.CreatedBy, &x.CreatedAt, &x.RevokedBy, &rev)
		if rev.Valid {
			x.RevokedAt = &rev.Time
		}
		return x, err
	})
}

// IndicatorViewers lists the charity and commissioner organisations, other
// than the organisation itself, by name.
func (s *IndicatorService) IndicatorViewers(ctx context.Context) ([]*lightbulb.Organisation, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT id, slug, name, kind, operator, created_at FROM organisations
		WHERE kind IN ($1, $2) AND id <> $3 ORDER BY name`, lightbulb.KindCharity, lightbulb.KindCommissioner, org)
	if err != nil {
		return nil, fmt.Errorf("indicator viewers: %w", err)
	}
	return collect(rows, scanOrg)
}

// ShareIndicators shares the organisation's indicators with viewer, which
// must be a charity or commissioner organisation it does not already share
// with.
func (s *IndicatorService) ShareIndicators(ctx context.Context, viewer int64, by string) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		var kind string
		err := tx.QueryRowContext(ctx, `SELECT kind FROM organisations WHERE id = $1`, viewer).Scan(&kind)
		if err == sql.ErrNoRows || (err == nil && (!lightbulb.CanViewIndicators(lightbulb.OrgKind(kind)) || viewer == org)) {
			return lightbulb.FieldError("viewer", "Choose the charity or a commissioner from the list")
		} else if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM indicator_shares WHERE org_id = $1 AND viewer_id = $2 AND revoked_at IS NULL`,
			org, viewer).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return lightbulb.FieldError("viewer", "You already share your indicators with this organisation")
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO indicator_shares (org_id, viewer_id, created_by, created_at) VALUES ($1, $2, $3, $4)`,
			org, viewer, by, lightbulb.Now())
		return err
	})
}

// StopSharingIndicators stops the organisation's active share with viewer.
func (s *IndicatorService) StopSharingIndicators(ctx context.Context, viewer int64, by string) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	res, err := s.db.write.ExecContext(ctx, `UPDATE indicator_shares SET revoked_by = $1, revoked_at = $2
		WHERE org_id = $3 AND viewer_id = $4 AND revoked_at IS NULL`, by, lightbulb.Now(), org, viewer)
	if err != nil {
		return fmt.Errorf("stop sharing: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "You do not share your indicators with this organisation.")
	}
	return nil
}

// SharedIndicatorValues reads the whole-organisation values of keys of
// every organisation with an active share to the organisation in ctx.
func (s *IndicatorService) SharedIndicatorValues(ctx context.Context, keys []string, from, to string) ([]lightbulb.SharedValue, error) {
	me, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	args := []any{me, from, to}
	var ph []string
	for _, k := range keys {
		args = append(args, k)
		ph = append(ph, fmt.Sprintf("$%d", len(args)))
	}
	if len(ph) == 0 {
		return nil, nil
	}
	rows, err := s.db.readRows(ctx, `SELECT o.id, o.name, v.indicator, v.month, v.numerator, v.denominator, v.value
		FROM indicator_values v JOIN organisations o ON o.id = v.org_id
		WHERE v.service_id = 0 AND v.month >= $2 AND v.month <= $3 AND v.indicator IN (`+strings.Join(ph, ", ")+`)
		AND v.org_id IN (SELECT org_id FROM indicator_shares WHERE viewer_id = $1 AND revoked_at IS NULL)
		ORDER BY o.name, o.id, v.indicator, v.month`, args...)
	if err != nil {
		return nil, fmt.Errorf("shared indicators: %w", err)
	}
	return collect(rows, func(r scanner) (x lightbulb.SharedValue, err error) {
		return x, r.Scan(&x.OrgID, &x.OrgName, &x.Indicator, &x.Month, &x.Numerator, &x.Denominator, &x.Value)
	})
}
