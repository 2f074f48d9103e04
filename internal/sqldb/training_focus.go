package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// checkFocus refuses practice issues that are not on the needs map's list
// and rights the library does not have.
func checkFocus(ctx context.Context, tx *sql.Tx, x *lightbulb.Session) error {
	for _, i := range x.Issues {
		if !lightbulb.ValidNeedsIssue(i) {
			return lightbulb.FieldError("issues", "Choose practice issues from the list")
		}
	}
	for _, code := range x.Rights {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM rights WHERE code = $1`, code).Scan(&n); err != nil || n == 0 {
			return lightbulb.FieldError("rights", "Choose rights from the list")
		}
	}
	return nil
}

// saveFocus replaces what a session addresses.
func saveFocus(ctx context.Context, tx *sql.Tx, x *lightbulb.Session) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM training_session_focus WHERE session_id = $1`, x.ID); err != nil {
		return fmt.Errorf("clear focus: %w", err)
	}
	for kind, codes := range map[string][]string{"right": x.Rights, "issue": x.Issues} {
		for _, c := range slices.Compact(slices.Sorted(slices.Values(codes))) {
			if _, err := tx.ExecContext(ctx, `INSERT INTO training_session_focus (session_id, kind, code) VALUES ($1, $2, $3)`, x.ID, kind, c); err != nil {
				return fmt.Errorf("save focus: %w", err)
			}
		}
	}
	return nil
}

// loadFocus reads what a session addresses.
func (s *TrainingService) loadFocus(ctx context.Context, x *lightbulb.Session) error {
	rows, err := s.db.readRows(ctx, `SELECT kind, code FROM training_session_focus WHERE session_id = $1 ORDER BY kind, code`, x.ID)
	if err != nil {
		return fmt.Errorf("session focus: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, code string
		if err := rows.Scan(&kind, &code); err != nil {
			return err
		}
		if kind == "right" {
			x.Rights = append(x.Rights, code)
		} else {
			x.Issues = append(x.Issues, code)
		}
	}
	return rows.Err()
}

// FocusCoverage counts, for each right and practice issue, the workshops
// run for a client organisation (or one of its cohorts) that address it.
func (s *TrainingService) FocusCoverage(ctx context.Context, clientOrgID, cohortID int64) (*lightbulb.FocusCoverage, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT f.kind, f.code, count(*) FROM training_session_focus f
		JOIN training_sessions s ON s.id = f.session_id JOIN training_cohorts h ON h.id = s.cohort_id
		WHERE s.org_id = $1 AND h.client_org_id = $2 AND ($3 = 0 OR h.id = $3) AND NOT s.cancelled GROUP BY f.kind, f.code`, org, clientOrgID, cohortID)
	if err != nil {
		return nil, fmt.Errorf("focus coverage: %w", err)
	}
	defer rows.Close()
	out := &lightbulb.FocusCoverage{Rights: map[string]int{}, Issues: map[string]int{}}
	for rows.Next() {
		var kind, code string
		var n int
		if err := rows.Scan(&kind, &code, &n); err != nil {
			return nil, err
		}
		if kind == "right" {
			out.Rights[code] = n
		} else {
			out.Issues[code] = n
		}
	}
	return out, rows.Err()
}
