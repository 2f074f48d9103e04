package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// CoverageService reports training coverage; see lightbulb.CoverageService.
type CoverageService struct{ db *DB }

// NewCoverageService returns a CoverageService over db.
func NewCoverageService(db *DB) *CoverageService { return &CoverageService{db: db} }

var _ lightbulb.CoverageService = (*CoverageService)(nil)

// Coverage counts, by role, the organisation's people who attended a
// session booked as its members, and who in each role still has a
// mandatory course to attend. courses names the provider's courses.
func (s *CoverageService) Coverage(ctx context.Context, courses []*lightbulb.Course) (*lightbulb.Coverage, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	roles := map[int64][]lightbulb.Role{}
	rows, err := s.db.readRows(ctx, `SELECT user_id, role FROM memberships WHERE org_id = $1`, org)
	if err != nil {
		return nil, fmt.Errorf("coverage people: %w", err)
	}
	for rows.Next() {
		var id int64
		var r lightbulb.Role
		if err := rows.Scan(&id, &r); err != nil {
			rows.Close()
			return nil, err
		}
		roles[id] = append(roles[id], r)
	}
	rows.Close()
	// attended[user] is the set of courses they attended.
	attended := map[int64]map[int64]bool{}
	rows, err = s.db.readRows(ctx, `SELECT b.user_id, x.course_id FROM training_bookings b JOIN training_sessions x ON x.id = b.session_id
		WHERE b.booker_org_id = $1 AND b.user_id IS NOT NULL AND b.attendance = 'attended'`, org)
	if err != nil {
		return nil, fmt.Errorf("coverage attendance: %w", err)
	}
	for rows.Next() {
		var u, c int64
		if err := rows.Scan(&u, &c); err != nil {
			rows.Close()
			return nil, err
		}
		if attended[u] == nil {
			attended[u] = map[int64]bool{}
		}
		attended[u][c] = true
	}
	rows.Close()
	cov := &lightbulb.Coverage{}
	by := map[lightbulb.Role]*lightbulb.CoverageRole{}
	for u, rs := range roles {
		trained := len(attended[u]) > 0
		cov.All.People++
		if trained {
			cov.All.Trained++
		}
		for _, r := range rs {
			if by[r] == nil {
				by[r] = &lightbulb.CoverageRole{Role: r}
				cov.Roles = append(cov.Roles, by[r])
			}
			by[r].People++
			if trained {
				by[r].Trained++
			}
		}
	}
	sort.Slice(cov.Roles, func(i, j int) bool { return cov.Roles[i].Role < cov.Roles[j].Role })
	mand, err := s.Mandatory(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range courses {
		for _, r := range mand[c.ID] {
			m := &lightbulb.CoverageMandatory{CourseID: c.ID, CourseTitle: c.Title, Role: r}
			for u, rs := range roles {
				if hasRole(rs, r) {
					m.People++
					if !attended[u][c.ID] {
						m.Outstanding++
					}
				}
			}
			cov.Mandatory = append(cov.Mandatory, m)
		}
	}
	trained := func(u int64) bool { return len(attended[u]) > 0 }
	if err := s.coverUnits(ctx, org, roles, trained, cov); err != nil {
		return nil, err
	}
	return cov, nil
}

func hasRole(rs []lightbulb.Role, r lightbulb.Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// Mandatory lists the organisation's mandatory (course, role) pairs.
func (s *CoverageService) Mandatory(ctx context.Context) (map[int64][]lightbulb.Role, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT course_id, role FROM learning_mandatory WHERE org_id = $1 ORDER BY course_id, role`, org)
	if err != nil {
		return nil, fmt.Errorf("mandatory: %w", err)
	}
	defer rows.Close()
	out := map[int64][]lightbulb.Role{}
	for rows.Next() {
		var c int64
		var r lightbulb.Role
		if err := rows.Scan(&c, &r); err != nil {
			return nil, err
		}
		out[c] = append(out[c], r)
	}
	return out, rows.Err()
}

// SetMandatory replaces the organisation's mandatory pairs in one transaction.
// Courses must exist and roles must be real roles.
func (s *CoverageService) SetMandatory(ctx context.Context, m map[int64][]lightbulb.Role) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM learning_mandatory WHERE org_id = $1`, org); err != nil {
			return fmt.Errorf("clear mandatory: %w", err)
		}
		for c, rs := range m {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM training_courses WHERE id = $1`, c).Scan(&n); err != nil {
				return fmt.Errorf("find course: %w", err)
			}
			if n == 0 {
				return lightbulb.Errorf(lightbulb.EINVALID, "Choose courses from the list.")
			}
			for _, r := range rs {
				if !lightbulb.ValidRole(r) {
					return lightbulb.Errorf(lightbulb.EINVALID, "Choose roles from the list.")
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO learning_mandatory (org_id, course_id, role) VALUES ($1, $2, $3)`, org, c, r); err != nil {
					return fmt.Errorf("set mandatory: %w", err)
				}
			}
		}
		return nil
	})
}
