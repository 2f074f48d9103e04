package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Traffic Light reviews written before the list of units named their
// service in free text. They are matched to a unit by name with quotes,
// case and spaces set aside (when a unit is added and when the server
// starts); a lead matches the rest by hand.

// matchReviews points org's unmatched reviews at the unit whose name they
// give, and takes the unit's spelling of it. It returns how many it matched.
func matchReviews(ctx context.Context, tx *sql.Tx, org int64) (int, error) {
	units, err := unitNames(ctx, tx, org)
	if err != nil {
		return 0, err
	}
	byKey := map[string]*lightbulb.Unit{}
	for _, u := range units {
		byKey[lightbulb.UnitKey(u.Name)] = u
	}
	subjects, err := unmatched(ctx, tx, org)
	if err != nil {
		return 0, err
	}
	total := 0
	for _, sub := range subjects {
		u, ok := byKey[lightbulb.UnitKey(sub.Subject)]
		if !ok {
			continue
		}
		n, err := pointReviews(ctx, tx, org, sub.Subject, u)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

func pointReviews(ctx context.Context, tx *sql.Tx, org int64, subject string, u *lightbulb.Unit) (int, error) {
	res, err := tx.ExecContext(ctx, `UPDATE reviews SET unit_id = $1, subject = $2
		WHERE org_id = $3 AND unit_id IS NULL AND NOT whole_org AND subject = $4`, u.ID, u.Name, org, subject)
	if err != nil {
		return 0, fmt.Errorf("match reviews: %w", err)
	}
	n, err := res.RowsAffected()
	return int(n), err
}

func unmatched(ctx context.Context, q querier, org int64) ([]lightbulb.UnmatchedSubject, error) {
	rows, err := q.QueryContext(ctx, `SELECT subject, count(*) FROM reviews WHERE org_id = $1 AND unit_id IS NULL AND NOT whole_org
		GROUP BY subject ORDER BY subject`, org)
	if err != nil {
		return nil, fmt.Errorf("unmatched reviews: %w", err)
	}
	return collect(rows, func(r scanner) (lightbulb.UnmatchedSubject, error) {
		var x lightbulb.UnmatchedSubject
		return x, r.Scan(&x.Subject, &x.Reviews)
	})
}

// UnmatchedSubjects lists the services named in the organisation's reviews
// that match none of its units.
func (s *UnitService) UnmatchedSubjects(ctx context.Context) ([]lightbulb.UnmatchedSubject, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return unmatched(ctx, s.db.read, org)
}

// MatchSubject points every unmatched review of subject at a unit of the
// organisation in ctx, and returns how many.
func (s *UnitService) MatchSubject(ctx context.Context, subject string, unitID int64) (int, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return 0, err
	}
	var n int
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		if err := checkUnit(ctx, tx, org, unitID); err != nil {
			return err
		}
		u, err := s.findUnitTx(ctx, tx, org, unitID)
		if err != nil {
			return err
		}
		if n, err = pointReviews(ctx, tx, org, subject, u); err != nil {
			return err
		}
		if n == 0 {
			return lightbulb.Errorf(lightbulb.ENOTFOUND, "No review waits to be matched under that name.")
		}
		return nil
	})
	return n, err
}

func (s *UnitService) findUnitTx(ctx context.Context, q querier, org, id int64) (*lightbulb.Unit, error) {
	var u lightbulb.Unit
	err := q.QueryRowContext(ctx, `SELECT id, org_id, name FROM services WHERE org_id = $1 AND id = $2`, org, id).Scan(&u.ID, &u.OrgID, &u.Name)
	return &u, notFound(err, "There is no such ward, team or home in your organisation.")
}

// MatchAllReviews matches every organisation's unmatched reviews to its
// units by name; serve runs it at start, so reviews written before the list
// existed join it. It returns how many reviews it matched.
func (s *UnitService) MatchAllReviews(ctx context.Context) (int, error) {
	rows, err := s.db.readRows(ctx, `SELECT DISTINCT org_id FROM reviews WHERE unit_id IS NULL AND NOT whole_org`)
	if err != nil {
		return 0, fmt.Errorf("match all reviews: %w", err)
	}
	orgs, err := collect(rows, func(r scanner) (int64, error) {
		var id int64
		return id, r.Scan(&id)
	})
	if err != nil {
		return 0, err
	}
	total := 0
	for _, org := range orgs {
		err := s.db.tx(ctx, func(tx *sql.Tx) error {
			n, err := matchReviews(ctx, tx, org)
			total += n
			return err
		})
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// reviewUnit points a new review of one service at the organisation's
// unit: the one chosen, or else the one whose name the subject gives (with
// quotes, case and spaces set aside). The review takes the unit's name.
func reviewUnit(ctx context.Context, q querier, org int64, r *lightbulb.Review) error {
	units, err := unitNames(ctx, q, org)
	if err != nil {
		return err
	}
	for _, u := range units {
		if (r.UnitID > 0 && u.ID == r.UnitID) || (r.UnitID == 0 && lightbulb.UnitKey(u.Name) == lightbulb.UnitKey(r.Subject)) {
			r.UnitID, r.Subject = u.ID, u.Name
			return nil
		}
	}
	return lightbulb.FieldError("unit", "Choose a ward, team or home from your organisation’s list")
}
