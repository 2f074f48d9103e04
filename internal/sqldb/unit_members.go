package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Members lists the people in a unit of the organisation in ctx.
func (s *UnitService) Members(ctx context.Context, unitID int64) ([]lightbulb.UnitMember, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT m.unit_id, s.name, u.id, u.name, u.email, COALESCE(a.name, '')
		FROM unit_members m JOIN services s ON s.id = m.unit_id JOIN users u ON u.id = m.user_id
		LEFT JOIN users a ON a.id = m.added_by
		WHERE m.org_id = $1 AND m.unit_id = $2 ORDER BY u.name, u.id`, org, unitID)
	if err != nil {
		return nil, fmt.Errorf("unit members: %w", err)
	}
	return collect(rows, func(r scanner) (lightbulb.UnitMember, error) {
		var m lightbulb.UnitMember
		return m, r.Scan(&m.UnitID, &m.UnitName, &m.UserID, &m.Name, &m.Email, &m.AddedBy)
	})
}

// AddMember puts a member of the organisation in ctx in one of its units,
// recording the actor as who added them. Adding someone twice is no change.
func (s *UnitService) AddMember(ctx context.Context, unitID, userID int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	var by any
	if a := lightbulb.ActorFrom(ctx); a != nil && a.UserID != userID {
		by = a.UserID
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if err := checkUnit(ctx, tx, org, unitID); err != nil {
			return err
		}
		if err := checkMember(ctx, tx, org, userID); err != nil {
			return err
		}
		return addMember(ctx, tx, org, unitID, userID, by)
	})
}

func addMember(ctx context.Context, tx *sql.Tx, org, unitID, userID int64, by any) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO unit_members (org_id, unit_id, user_id, added_by, created_at)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (unit_id, user_id) DO NOTHING`, org, unitID, userID, by, lightbulb.Now())
	if err != nil {
		return fmt.Errorf("add unit member: %w", err)
	}
	return nil
}

// checkMember refuses a person who is not a member of the organisation.
func checkMember(ctx context.Context, q querier, org, userID int64) error {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM memberships WHERE org_id = $1 AND user_id = $2`, org, userID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return lightbulb.FieldError("person", "Choose a person from your organisation")
	}
	return nil
}

// RemoveMember takes a person out of a unit of the organisation in ctx.
func (s *UnitService) RemoveMember(ctx context.Context, unitID, userID int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	res, err := s.db.write.ExecContext(ctx, `DELETE FROM unit_members WHERE org_id = $1 AND unit_id = $2 AND user_id = $3`, org, unitID, userID)
	if err != nil {
		return fmt.Errorf("remove unit member: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "This person is not in that ward, team or home.")
	}
	return nil
}

// UnitsOf lists the units a person belongs to in the organisation in ctx.
func (s *UnitService) UnitsOf(ctx context.Context, userID int64) ([]*lightbulb.Unit, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT s.id, s.org_id, s.name FROM unit_members m JOIN services s ON s.id = m.unit_id
		WHERE m.org_id = $1 AND m.user_id = $2 ORDER BY s.name`, org, userID)
	if err != nil {
		return nil, fmt.Errorf("units of: %w", err)
	}
	return collect(rows, func(r scanner) (*lightbulb.Unit, error) {
		var u lightbulb.Unit
		return &u, r.Scan(&u.ID, &u.OrgID, &u.Name)
	})
}

// SetOwnUnits replaces the actor's own units in the organisation in ctx;
// every id must be one of its units, or nothing changes.
func (s *UnitService) SetOwnUnits(ctx context.Context, ids []int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	a := lightbulb.ActorFrom(ctx)
	if a == nil {
		return lightbulb.Errorf(lightbulb.EFORBIDDEN, "Sign in to choose your ward, team or home.")
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if err := checkMember(ctx, tx, org, a.UserID); err != nil {
			return err
		}
		for _, id := range ids {
			if err := checkUnit(ctx, tx, org, id); err != nil {
				return lightbulb.FieldError("units", "Choose wards, teams or homes from your organisation’s list")
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM unit_members WHERE org_id = $1 AND user_id = $2`, org, a.UserID); err != nil {
			return err
		}
		for _, id := range ids {
			if err := addMember(ctx, tx, org, id, a.UserID, nil); err != nil {
				return err
			}
		}
		return nil
	})
}
