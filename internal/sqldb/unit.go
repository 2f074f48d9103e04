package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// UnitService implements lightbulb.UnitService: the organisation's wards,
// teams and homes (table services) and who belongs to them.
type UnitService struct {
	db *DB
	// lists keeps FindUnits per organisation until the 'units' version
	// moves (migration 0050: any change to services or unit_members).
	lists *contentCache[int64, []lightbulb.Unit]
}

// NewUnitService returns a UnitService on db.
func NewUnitService(db *DB) *UnitService {
	return &UnitService{db: db, lists: newContentCache[int64, []lightbulb.Unit](db, "units")}
}

var _ lightbulb.UnitService = (*UnitService)(nil)

// FindUnits lists the units of the organisation in ctx by name. The list is
// kept per process (see lists); each call gets its own copies, so a caller
// that changes one changes nothing kept.
func (s *UnitService) FindUnits(ctx context.Context) ([]*lightbulb.Unit, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	kept, err := s.lists.get(ctx, org, func(ctx context.Context) ([]lightbulb.Unit, error) {
		return s.readUnits(ctx, org)
	})
	if err != nil || len(kept) == 0 {
		return nil, err
	}
	us := make([]lightbulb.Unit, len(kept))
	copy(us, kept)
	out := make([]*lightbulb.Unit, len(us))
	for i := range us {
		out[i] = &us[i]
	}
	return out, nil
}

// readUnits reads the units of org by name, with their numbers of members.
func (s *UnitService) readUnits(ctx context.Context, org int64) ([]lightbulb.Unit, error) {
	rows, err := s.db.readRows(ctx, `SELECT s.id, s.org_id, s.name,
		(SELECT count(*) FROM unit_members m WHERE m.unit_id = s.id)
		FROM services s WHERE s.org_id = $1 ORDER BY s.name`, org)
	if err != nil {
		return nil, fmt.Errorf("find units: %w", err)
	}
	return collect(rows, func(r scanner) (lightbulb.Unit, error) {
		var u lightbulb.Unit
		return u, r.Scan(&u.ID, &u.OrgID, &u.Name, &u.Members)
	})
}

// FindUnit returns one unit of the organisation in ctx.
func (s *UnitService) FindUnit(ctx context.Context, id int64) (*lightbulb.Unit, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	var u lightbulb.Unit
	err = s.db.readRow(ctx, `SELECT s.id, s.org_id, s.name,
		(SELECT count(*) FROM unit_members m WHERE m.unit_id = s.id)
		FROM services s WHERE s.org_id = $1 AND s.id = $2`, org, id).Scan(&u.ID, &u.OrgID, &u.Name, &u.Members)
	if err != nil {
		return nil, notFound(err, "There is no such ward, team or home in your organisation.")
	}
	return &u, nil
}

// CreateUnit adds a ward, team or home to the organisation in ctx and
// matches to it the reviews that name it.
func (s *UnitService) CreateUnit(ctx context.Context, u *lightbulb.Unit) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := validUnitName(&u.Name); err != nil {
		return err
	}
	u.OrgID = org
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		have, err := unitNames(ctx, tx, org)
		if err != nil {
			return err
		}
		for _, h := range have {
			if lightbulb.UnitKey(h.Name) == lightbulb.UnitKey(u.Name) {
				return lightbulb.FieldError("name", "Your organisation already has a ward, team or home with this name")
			}
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO services (org_id, name, created_at) VALUES ($1, $2, $3) RETURNING id`,
			org, u.Name, lightbulb.Now()).Scan(&u.ID)
		if isUnique(err) {
			return lightbulb.FieldError("name", "Your organisation already has a ward, team or home with this name")
		}
		if err != nil {
			return fmt.Errorf("create unit: %w", err)
		}
		_, err = matchReviews(ctx, tx, org)
		return err
	})
}

func validUnitName(name *string) error {
	*name = collapseSpaces(*name)
	if *name == "" {
		return lightbulb.FieldError("name", "Enter the name of the ward, team or home")
	} else if len(*name) > 120 {
		return lightbulb.FieldError("name", "The name must be 120 characters or fewer")
	}
	return nil
}

// collapseSpaces trims s and makes each run of spaces one space.
func collapseSpaces(s string) string {
	var out []rune
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00A0' {
			space = true
			continue
		}
		if space && len(out) > 0 {
			out = append(out, ' ')
		}
		space = false
		out = append(out, r)
	}
	return string(out)
}

// unitNames lists the units of org, read in tx.
func unitNames(ctx context.Context, q querier, org int64) ([]*lightbulb.Unit, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, org_id, name FROM services WHERE org_id = $1 ORDER BY name`, org)
	if err != nil {
		return nil, fmt.Errorf("unit names: %w", err)
	}
	return collect(rows, func(r scanner) (*lightbulb.Unit, error) {
		var u lightbulb.Unit
		return &u, r.Scan(&u.ID, &u.OrgID, &u.Name)
	})
}

// checkUnit refuses a unit id that is not the organisation's.
func checkUnit(ctx context.Context, q querier, org, id int64) error {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM services WHERE org_id = $1 AND id = $2`, org, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return lightbulb.FieldError("unit", "Choose a ward, team or home from your organisation’s list")
	}
	return nil
}
