package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// tallyUnits counts a response in each ward, team or home the person
// belongs to now: one more response, and one more of each point chosen.
// Only counts are kept, so no row links the response to a ward.
func tallyUnits(ctx context.Context, tx *sql.Tx, org, surveyID, userID int64, scores map[string]int) error {
	rows, err := tx.QueryContext(ctx, `SELECT unit_id FROM unit_members WHERE org_id = $1 AND user_id = $2`, org, userID)
	if err != nil {
		return fmt.Errorf("respondent's units: %w", err)
	}
	var units []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		units = append(units, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	add := func(unit int64, question string, point int) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO learning_survey_unit_tallies (survey_id, unit_id, org_id, question_id, point, n)
			VALUES ($1, $2, $3, $4, $5, 1)
			ON CONFLICT (survey_id, unit_id, question_id, point) DO UPDATE SET n = learning_survey_unit_tallies.n + 1`,
			surveyID, unit, org, question, point)
		if err != nil {
			return fmt.Errorf("tally survey by unit: %w", err)
		}
		return nil
	}
	for _, u := range units {
		if err := add(u, "", 0); err != nil {
			return err
		}
		for q, n := range scores {
			if err := add(u, q, n); err != nil {
				return err
			}
		}
	}
	return nil
}

// unitTallies reads a survey's counts by ward, team or home into a
// breakdown, units by name.
func unitTallies(ctx context.Context, q queryer, org, surveyID int64) (*lightbulb.SurveyBreakdown, error) {
	rows, err := q.QueryContext(ctx, `SELECT t.unit_id, v.name, t.question_id, t.point, t.n
		FROM learning_survey_unit_tallies t JOIN services v ON v.id = t.unit_id
		WHERE t.org_id = $1 AND t.survey_id = $2 ORDER BY v.name, t.unit_id`, org, surveyID)
	if err != nil {
		return nil, fmt.Errorf("survey by unit: %w", err)
	}
	defer rows.Close()
	b := lightbulb.NewSurveyBreakdown()
	for rows.Next() {
		var unit int64
		var name, question string
		var point, n int
		if err := rows.Scan(&unit, &name, &question, &point, &n); err != nil {
			return nil, fmt.Errorf("scan survey by unit: %w", err)
		}
		b.Tally(strconv.FormatInt(unit, 10), name, question, point, n)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return b.Finish(), nil
}
