package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// FindClientCohorts lists the cohorts run for a client organisation.
func (s *TrainingService) FindClientCohorts(ctx context.Context, clientOrgID int64) ([]*lightbulb.Cohort, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+cohortCols+cohortFrom+` WHERE h.org_id = $1 AND h.client_org_id = $2
		ORDER BY h.starts_on, h.id`, org, clientOrgID)
	if err != nil {
		return nil, fmt.Errorf("client cohorts: %w", err)
	}
	return collect(rows, scanCohort)
}

// FindMembers lists a cohort's members by name, then address.
func (s *TrainingService) FindMembers(ctx context.Context, cohortID int64) ([]*lightbulb.CohortMember, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT id, cohort_id, email, name, coalesce(added_by, 0), created_at FROM training_cohort_members
		WHERE org_id = $1 AND cohort_id = $2 ORDER BY CASE WHEN name = '' THEN 1 ELSE 0 END, lower(name), email`, org, cohortID)
	if err != nil {
		return nil, fmt.Errorf("find members: %w", err)
	}
	return collect(rows, func(r scanner) (*lightbulb.CohortMember, error) {
		var m lightbulb.CohortMember
		return &m, r.Scan(&m.ID, &m.CohortID, &m.Email, &m.Name, &m.AddedBy, &m.CreatedAt)
	})
}

// AddMembers adds people to a cohort in one transaction: one bad address
// adds nobody. Addresses already on the cohort are left alone (a name given
// now fills in a missing one).
func (s *TrainingService) AddMembers(ctx context.Context, cohortID int64, people []lightbulb.CohortMember, by int64) (int, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return 0, err
	}
	if len(people) == 0 {
		return 0, lightbulb.FieldError("email", "Enter an email address")
	}
	for i := range people {
		if err := people[i].Validate(); err != nil {
			return 0, err
		}
	}
	added := 0
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM training_cohorts WHERE org_id = $1 AND id = $2`, org, cohortID).Scan(&n); err != nil || n == 0 {
			return notFound(sql.ErrNoRows, "There is no such cohort.")
		}
		now := lightbulb.Now()
		for _, m := range people {
			res, err := tx.ExecContext(ctx, `INSERT INTO training_cohort_members (org_id, cohort_id, email, name, added_by, created_at)
				VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (cohort_id, email) DO NOTHING`, org, cohortID, m.Email, m.Name, nullID(by), now)
			if err != nil {
				return fmt.Errorf("add member: %w", err)
			}
			if k, _ := res.RowsAffected(); k > 0 {
				added++
			} else if m.Name != "" {
				if _, err := tx.ExecContext(ctx, `UPDATE training_cohort_members SET name = $1 WHERE cohort_id = $2 AND email = $3 AND name = ''`,
					m.Name, cohortID, m.Email); err != nil {
					return fmt.Errorf("member name: %w", err)
				}
			}
		}
		return nil
	})
	return added, err
}

// RemoveMember takes a person off a cohort. Their bookings stay.
func (s *TrainingService) RemoveMember(ctx context.Context, cohortID, memberID int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	res, err := s.db.write.ExecContext(ctx, `DELETE FROM training_cohort_members WHERE org_id = $1 AND cohort_id = $2 AND id = $3`, org, cohortID, memberID)
	if err != nil {
		return fmt.Errorf("remove member: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such member.")
	}
	return nil
}

// checkCohortBooking applies a cohort's rules to a booking on one of its
// sessions: once the cohort has members only they may book, and a person
// holds one date for each part of the programme.
func (s *TrainingService) checkCohortBooking(ctx context.Context, tx *sql.Tx, x *lightbulb.Session, req *lightbulb.BookingRequest) error {
	if x.Open() {
		return nil
	}
	var members, me int
	err := tx.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(CASE WHEN email = $2 THEN 1 ELSE 0 END), 0)
		FROM training_cohort_members WHERE cohort_id = $1`, x.CohortID, req.Email).Scan(&members, &me)
	if err != nil {
		return fmt.Errorf("cohort members: %w", err)
	}
	if members > 0 && me == 0 {
		return lightbulb.Errorf(lightbulb.ECONFLICT, "This session is for the named members of a programme. Ask your organisation's training lead to add you.")
	}
	if x.Part == 0 {
		return nil
	}
	var other int
	err = tx.QueryRowContext(ctx, `SELECT count(*) FROM training_bookings b JOIN training_sessions s ON s.id = b.session_id
		WHERE s.cohort_id = $1 AND s.part = $2 AND s.id <> $3 AND NOT s.cancelled AND b.status NOT IN ('cancelled', 'expired')
		AND (b.email = $4 OR (b.user_id IS NOT NULL AND b.user_id = $5))`, x.CohortID, x.Part, x.ID, req.Email, req.UserID).Scan(&other)
	if err != nil {
		return fmt.Errorf("bookings for the part: %w", err)
	}
	if other > 0 {
		return lightbulb.FieldError("email", "You already have a place on another date for this part of the programme. Cancel that booking to choose a different date.")
	}
	return nil
}

// ListedCohorts are the cohorts run for clientOrgID (every client's for 0)
// that email may book, by id: those with no named members and those naming
// the address. One query, where the training listing read each cohort and
// all its members in turn.
func (s *TrainingService) ListedCohorts(ctx context.Context, clientOrgID int64, email string) (map[int64]*lightbulb.Cohort, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+cohortCols+cohortFrom+` WHERE h.org_id = $1 AND ($2 = 0 OR h.client_org_id = $2)
		AND (NOT EXISTS (SELECT 1 FROM training_cohort_members m WHERE m.cohort_id = h.id)
			OR EXISTS (SELECT 1 FROM training_cohort_members m WHERE m.cohort_id = h.id AND m.email = $3))`,
		org, clientOrgID, strings.ToLower(email))
	if err != nil {
		return nil, fmt.Errorf("listed cohorts: %w", err)
	}
	cs, err := collect(rows, scanCohort)
	out := make(map[int64]*lightbulb.Cohort, len(cs))
	for _, c := range cs {
		out[c.ID] = c
	}
	return out, err
}

// FinishedCohorts lists the cohorts whose final part the person with this
// email address has attended, so they can start their plan for it.
func (s *TrainingService) FinishedCohorts(ctx context.Context, email string) ([]*lightbulb.Cohort, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return loadEach(ctx, s.db, func(id int64) (*lightbulb.Cohort, error) { return s.FindCohort(ctx, id) },
		`SELECT DISTINCT h.id FROM training_bookings b JOIN training_sessions s ON s.id = b.session_id
		JOIN training_cohorts h ON h.id = s.cohort_id WHERE b.org_id = $1 AND b.email = $2 AND b.attendance = 'attended'
		AND s.part = (SELECT count(*) FROM training_programme_parts pp WHERE pp.programme_id = h.programme_id)`, org, email)
}
