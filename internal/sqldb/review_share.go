package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Rollup returns the latest submitted review of each of the organisation's
// subjects, counted by theme.
func (s *ReviewService) Rollup(ctx context.Context) ([]lightbulb.GridRow, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return s.rollup(ctx, org)
}

const shareCols = `s.id, s.commissioner_id, o.name, s.created_by, s.created_at, s.revoked_by, s.revoked_at`

func scanShare(row scanner) (*lightbulb.Share, error) {
	var sh lightbulb.Share
	var rev sql.NullTime
	err := row.Scan(&sh.ID, &sh.CommissionerID, &sh.CommissionerOrg, &sh.CreatedBy, &sh.CreatedAt, &sh.RevokedBy, &rev)
	if rev.Valid {
		sh.RevokedAt = rev.Time
	}
	return &sh, err
}

// FindShares lists the organisation's shares, newest first, revoked ones too.
func (s *ReviewService) FindShares(ctx context.Context) ([]*lightbulb.Share, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+shareCols+` FROM review_shares s JOIN organisations o ON o.id = s.commissioner_id
		WHERE s.org_id = $1 ORDER BY s.id DESC`, org)
	if err != nil {
		return nil, fmt.Errorf("find shares: %w", err)
	}
	return collect(rows, scanShare)
}

func actorName(ctx context.Context) string {
	if a := lightbulb.ActorFrom(ctx); a != nil {
		return a.Name
	}
	return ""
}

// ShareRollup shares the organisation's roll-up with a commissioner
// organisation. Only an organisation of kind commissioner may be chosen.
func (s *ReviewService) ShareRollup(ctx context.Context, commissionerID int64) (*lightbulb.Share, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	var out *lightbulb.Share
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		var kind string
		err := tx.QueryRowContext(ctx, `SELECT kind FROM organisations WHERE id = $1`, commissionerID).Scan(&kind)
		if err == sql.ErrNoRows || (err == nil && (lightbulb.OrgKind(kind) != lightbulb.KindCommissioner || commissionerID == org)) {
			return lightbulb.FieldError("commissioner", "Select a commissioning organisation: the roll-up can only be shared with a commissioner")
		} else if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM review_shares WHERE org_id = $1 AND commissioner_id = $2 AND revoked_at IS NULL`,
			org, commissionerID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return lightbulb.FieldError("commissioner", "The roll-up is already shared with this organisation")
		}
		var id int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO review_shares (org_id, commissioner_id, created_by, created_at)
			VALUES ($1, $2, $3, $4) RETURNING id`, org, commissionerID, actorName(ctx), lightbulb.Now()).Scan(&id); err != nil {
			return fmt.Errorf("share roll-up: %w", err)
		}
		out, err = scanShare(tx.QueryRowContext(ctx, `SELECT `+shareCols+` FROM review_shares s JOIN organisations o ON o.id = s.commissioner_id
			WHERE s.id = $1`, id))
		return err
	})
	return out, err
}

// RevokeShare ends an active share; the row stays as the record.
func (s *ReviewService) RevokeShare(ctx context.Context, id int64) (*lightbulb.Share, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	res, err := s.db.write.ExecContext(ctx, `UPDATE review_shares SET revoked_at = $1, revoked_by = $2
		WHERE org_id = $3 AND id = $4 AND revoked_at IS NULL`, lightbulb.Now(), actorName(ctx), org, id)
	if err != nil {
		return nil, fmt.Errorf("revoke share: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no active share with that number.")
	}
	sh, err := scanShare(s.db.write.QueryRowContext(ctx, `SELECT `+shareCols+` FROM review_shares s
		JOIN organisations o ON o.id = s.commissioner_id WHERE s.org_id = $1 AND s.id = $2`, org, id))
	return sh, notFound(err, "There is no active share with that number.")
}

// SharedWithMe lists the organisations with an active share to the
// organisation in ctx, by name.
func (s *ReviewService) SharedWithMe(ctx context.Context) ([]*lightbulb.Organisation, error) {
	me, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT DISTINCT o.id, o.slug, o.name, o.kind, o.operator, o.created_at
		FROM review_shares s JOIN organisations o ON o.id = s.org_id
		WHERE s.commissioner_id = $1 AND s.revoked_at IS NULL ORDER BY o.name`, me)
	if err != nil {
		return nil, fmt.Errorf("shared with me: %w", err)
	}
	return collect(rows, scanOrg)
}

// SharedRollup returns ownerID's roll-up to the organisation in ctx, only
// while an active share between the two exists. This is the one read across
// organisations that Lightbulb allows.
func (s *ReviewService) SharedRollup(ctx context.Context, ownerID int64) (*lightbulb.Organisation, []lightbulb.GridRow, error) {
	me, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, nil, err
	}
	var n int
	if err := s.db.readRow(ctx, `SELECT count(*) FROM review_shares WHERE org_id = $1 AND commissioner_id = $2
		AND revoked_at IS NULL`, ownerID, me).Scan(&n); err != nil {
		return nil, nil, fmt.Errorf("shared roll-up: %w", err)
	}
	if n == 0 {
		return nil, nil, lightbulb.Errorf(lightbulb.ENOTFOUND, "This organisation does not share its reviews with yours.")
	}
	o, err := scanOrg(s.db.readRow(ctx, `SELECT `+orgCols+` FROM organisations WHERE id = $1`, ownerID))
	if err != nil {
		return nil, nil, notFound(err, "There is no such organisation.")
	}
	grid, err := s.rollup(ctx, ownerID)
	return o, grid, err
}
