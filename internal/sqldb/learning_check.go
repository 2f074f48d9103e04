package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// CheckStatus returns a token's booking and its knowledge check attempts.
func (s *LearningService) CheckStatus(ctx context.Context, token string) (*lightbulb.Booking, *lightbulb.CheckChange, error) {
	b, err := s.tr.FindBookingByToken(ctx, token)
	if err != nil {
		return nil, nil, err
	}
	c, err := s.checkChange(ctx, s.db.read, b.ID)
	return b, c, err
}

type queryer interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

func (s *LearningService) checkChange(ctx context.Context, q queryer, bookingID int64) (*lightbulb.CheckChange, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT phase, score, total, taken_at, answers FROM learning_check_attempts WHERE org_id = $1 AND booking_id = $2`, org, bookingID)
	if err != nil {
		return nil, fmt.Errorf("check attempts: %w", err)
	}
	defer rows.Close()
	c := &lightbulb.CheckChange{}
	for rows.Next() {
		var a lightbulb.CheckAttempt
		var answers sql.NullString
		if err := rows.Scan(&a.Phase, &a.Score, &a.Total, &a.TakenAt, &answers); err != nil {
			return nil, fmt.Errorf("scan attempt: %w", err)
		}
		if answers.Valid {
			if err := json.Unmarshal([]byte(answers.String), &a.Answers); err != nil {
				return nil, fmt.Errorf("decode check answers: %w", err)
			}
		}
		if a.Phase == lightbulb.CheckPre {
			c.Pre = &a
		} else {
			c.Post = &a
		}
	}
	return c, rows.Err()
}

var errCheckTwice = lightbulb.Errorf(lightbulb.ECONFLICT, "You have already taken this check. Your score is below.")

// SaveCheck records one scored attempt and its answers, once per booking
// and phase.
func (s *LearningService) SaveCheck(ctx context.Context, token, phase string, score, total int, answers map[string][]string) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if total < 1 || score < 0 || score > total {
		return lightbulb.Errorf(lightbulb.EINVALID, "The check could not be scored. Please try again.")
	}
	b, err := s.tr.FindBookingByToken(ctx, token)
	if err != nil {
		return err
	}
	if err := b.CheckOpen(phase); err != nil {
		return err
	}
	var kept any
	if answers != nil {
		raw, err := json.Marshal(answers)
		if err != nil {
			return fmt.Errorf("encode check answers: %w", err)
		}
		kept = string(raw)
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		c, err := s.checkChange(ctx, tx, b.ID)
		if err != nil {
			return err
		}
		if (phase == lightbulb.CheckPre && c.Pre != nil) || (phase == lightbulb.CheckPost && c.Post != nil) {
			return errCheckTwice
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO learning_check_attempts (org_id, booking_id, phase, score, total, taken_at, answers) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			org, b.ID, phase, score, total, lightbulb.Now(), kept)
		if isUnique(err) {
			return errCheckTwice
		} else if err != nil {
			return fmt.Errorf("save check: %w", err)
		}
		return nil
	})
}

// CheckResults sums up every booking's attempts by course and by cohort.
func (s *LearningService) CheckResults(ctx context.Context) (*lightbulb.CheckResults, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT a.booking_id, a.phase, a.score, a.total, c.title, coalesce(h.name, '')
		FROM learning_check_attempts a JOIN training_bookings b ON b.id = a.booking_id JOIN training_sessions s ON s.id = b.session_id
		JOIN training_courses c ON c.id = s.course_id LEFT JOIN training_cohorts h ON h.id = s.cohort_id
		WHERE a.org_id = $1 ORDER BY c.title, a.booking_id`, org)
	if err != nil {
		return nil, fmt.Errorf("check results: %w", err)
	}
	defer rows.Close()
	type who struct{ course, cohort string }
	people := map[int64]*lightbulb.CheckChange{}
	where := map[int64]who{}
	var order []int64
	for rows.Next() {
		var id int64
		var a lightbulb.CheckAttempt
		var w who
		if err := rows.Scan(&id, &a.Phase, &a.Score, &a.Total, &w.course, &w.cohort); err != nil {
			return nil, fmt.Errorf("scan check result: %w", err)
		}
		if people[id] == nil {
			people[id] = &lightbulb.CheckChange{}
			where[id] = w
			order = append(order, id)
		}
		if a.Phase == lightbulb.CheckPre {
			people[id].Pre = &a
		} else {
			people[id].Post = &a
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	res := &lightbulb.CheckResults{}
	groups := map[string]*lightbulb.CheckGroup{}
	add := func(list *[]*lightbulb.CheckGroup, key, label string, c *lightbulb.CheckChange) {
		g := groups[key]
		if g == nil {
			g = &lightbulb.CheckGroup{Label: label}
			groups[key] = g
			*list = append(*list, g)
		}
		g.Add(c)
	}
	for _, id := range order {
		w := where[id]
		add(&res.Courses, "c"+w.course, w.course, people[id])
		if w.cohort != "" {
			add(&res.Cohorts, "h"+w.cohort, w.cohort, people[id])
		}
	}
	return res, nil
}
