package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func splitCodes(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// FindNeeds returns a person's learning needs in the organisation.
func (s *SurveyService) FindNeeds(ctx context.Context, userID int64) (*lightbulb.Needs, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	n := &lightbulb.Needs{UserID: userID}
	var cohort sql.NullInt64
	var rights, issues string
	err = s.db.readRow(ctx, `SELECT cohort_id, rights, issues, updated_at FROM learning_needs WHERE org_id = $1 AND user_id = $2`, org, userID).
		Scan(&cohort, &rights, &issues, &n.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return n, nil
	} else if err != nil {
		return nil, fmt.Errorf("find needs: %w", err)
	}
	n.CohortID, n.Rights, n.Issues = cohort.Int64, splitCodes(rights), splitCodes(issues)
	return n, nil
}

// SaveNeeds replaces a person's needs. A cohort must be one run for this
// organisation.
func (s *SurveyService) SaveNeeds(ctx context.Context, n *lightbulb.Needs, rightCodes []string) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := n.Validate(rightCodes); err != nil {
		return err
	}
	if n.CohortID != 0 {
		var c int
		if err := s.db.readRow(ctx, `SELECT count(*) FROM training_cohorts WHERE id = $1 AND client_org_id = $2`, n.CohortID, org).Scan(&c); err != nil {
			return fmt.Errorf("find cohort: %w", err)
		}
		if c == 0 {
			return lightbulb.FieldError("cohort", "Choose one of your organisation's cohorts")
		}
	}
	n.UpdatedAt = lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM learning_needs WHERE org_id = $1 AND user_id = $2`, org, n.UserID); err != nil {
			return fmt.Errorf("replace needs: %w", err)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO learning_needs (org_id, user_id, cohort_id, rights, issues, updated_at) VALUES ($1, $2, $3, $4, $5, $6)`,
			org, n.UserID, nullID(n.CohortID), strings.Join(n.Rights, ","), strings.Join(n.Issues, ","), n.UpdatedAt)
		if err != nil {
			return fmt.Errorf("save needs: %w", err)
		}
		return nil
	})
}

// MapNeeds counts the organisation's needs, or one cohort's.
func (s *SurveyService) MapNeeds(ctx context.Context, cohortID int64) (*lightbulb.NeedsMap, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	q, args := `SELECT rights, issues FROM learning_needs WHERE org_id = $1`, []any{org}
	if cohortID != 0 {
		q, args = q+` AND cohort_id = $2`, append(args, cohortID)
	}
	rows, err := s.db.readRows(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("map needs: %w", err)
	}
	defer rows.Close()
	m := &lightbulb.NeedsMap{}
	for rows.Next() {
		var rights, issues string
		if err := rows.Scan(&rights, &issues); err != nil {
			return nil, fmt.Errorf("scan needs: %w", err)
		}
		m.Add(&lightbulb.Needs{Rights: splitCodes(rights), Issues: splitCodes(issues)})
	}
	return m, rows.Err()
}
