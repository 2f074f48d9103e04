package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// MarkDecided puts a complete draft in force and keeps it as a new version.
// A draft with gaps is refused: the caller shows lightbulb.Reasoning.Missing.
func (s *DecisionService) MarkDecided(ctx context.Context, id int64) (*lightbulb.Decision, error) {
	cats, err := s.Categories(ctx)
	if err != nil {
		return nil, err
	}
	return s.change(ctx, id, func(tx *sql.Tx, d *lightbulb.Decision) (string, error) {
		if err := draftOnly(ctx, tx, d.OrgID, d.ID); err != nil {
			return "", err
		}
		if len(d.Reasoning.Missing(cats, lightbulb.Today(lightbulb.Now()))) > 0 {
			return "", lightbulb.Errorf(lightbulb.ECONFLICT, "This decision has gaps in its reasoning. Fill them in before marking it as decided.")
		}
		d.Status = lightbulb.StatusInForce
		return "decided", nil
	}, lightbulb.DecisionReview{})
}

// ReviewDecision records a review of a decision in force. Continue keeps it
// in force with a new review date; change returns it to draft to be edited
// and decided again; end ends it. Each keeps a version.
func (s *DecisionService) ReviewDecision(ctx context.Context, id int64, rv lightbulb.DecisionReview) (*lightbulb.Decision, error) {
	return s.change(ctx, id, func(tx *sql.Tx, d *lightbulb.Decision) (string, error) {
		if d.Status != lightbulb.StatusInForce {
			return "", lightbulb.Errorf(lightbulb.ECONFLICT, "Only a decision in force can be reviewed.")
		}
		var v lightbulb.ValidationErrors
		if strings.TrimSpace(rv.Note) == "" {
			v.Add("note", "Describe what has changed since the decision, or that nothing has")
		}
		today := lightbulb.Today(lightbulb.Now())
		switch rv.Outcome {
		case lightbulb.ReviewContinue:
			if rv.ReviewDate == "" {
				v.Add("review_date", "Enter the date of the next review")
			} else if !validDate(rv.ReviewDate) {
				v.Add("review_date", "Enter the review date as day, month and year")
			} else if rv.ReviewDate < today {
				v.Add("review_date", "The review date must be today or in the future")
			}
			d.Reasoning.ReviewDate = rv.ReviewDate
		case lightbulb.ReviewChange:
			d.Status = lightbulb.StatusDraft
		case lightbulb.ReviewEnd:
			d.Status = lightbulb.StatusEnded
		default:
			v.Add("outcome", "Select whether the decision continues, changes or ends")
		}
		return "review", v.Err()
	}, rv)
}

// change loads a decision in a transaction, lets fn change it, then stores
// it and a new version together.
func (s *DecisionService) change(ctx context.Context, id int64, fn func(*sql.Tx, *lightbulb.Decision) (string, error), rv lightbulb.DecisionReview) (*lightbulb.Decision, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	var d *lightbulb.Decision
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		d, err = scanDecision(tx.QueryRowContext(ctx, decisionCols+` WHERE d.org_id = $1 AND d.id = $2`, org, id))
		if err != nil {
			return notFound(err, "There is no such decision.")
		}
		kind, err := fn(tx, d)
		if err != nil {
			return err
		}
		return s.keepVersion(ctx, tx, d, kind, rv)
	})
	return d, err
}

func (s *DecisionService) keepVersion(ctx context.Context, tx *sql.Tx, d *lightbulb.Decision, kind string, rv lightbulb.DecisionReview) error {
	body, err := json.Marshal(d.Reasoning)
	if err != nil {
		return err
	}
	d.Version++
	d.UpdatedAt = lightbulb.Now()
	var actorID *int64
	name := ""
	if a := lightbulb.ActorFrom(ctx); a != nil {
		actorID, name = &a.UserID, a.Name
	}
	if _, err := tx.ExecContext(ctx, `UPDATE decisions SET status = $1, version = $2, review_date = $3, reasoning = $4, updated_at = $5
		WHERE org_id = $6 AND id = $7`, string(d.Status), d.Version, d.Reasoning.ReviewDate, string(body), d.UpdatedAt, d.OrgID, d.ID); err != nil {
		return fmt.Errorf("update decision: %w", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO decision_versions (org_id, decision_id, number, status, kind, note, outcome,
		reasoning, actor_id, actor_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		d.OrgID, d.ID, d.Version, string(d.Status), kind, strings.TrimSpace(rv.Note), rv.Outcome, string(body), actorID, name, d.UpdatedAt)
	if err != nil {
		return fmt.Errorf("keep version: %w", err)
	}
	return nil
}

// Versions lists a decision's kept versions, newest first.
func (s *DecisionService) Versions(ctx context.Context, id int64) ([]*lightbulb.Version, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT number, status, kind, note, outcome, reasoning, actor_name, created_at
		FROM decision_versions WHERE org_id = $1 AND decision_id = $2 ORDER BY number DESC`, org, id)
	if err != nil {
		return nil, fmt.Errorf("versions: %w", err)
	}
	defer rows.Close()
	var out []*lightbulb.Version
	for rows.Next() {
		var v lightbulb.Version
		var status, body string
		if err := rows.Scan(&v.Number, &status, &v.Kind, &v.Note, &v.Outcome, &body, &v.ActorName, &v.CreatedAt); err != nil {
			return nil, err
		}
		v.Status = lightbulb.Status(status)
		if err := json.Unmarshal([]byte(body), &v.Reasoning); err != nil {
			return nil, fmt.Errorf("decode version: %w", err)
		}
		out = append(out, &v)
	}
	return out, rows.Err()
}

// DueReminders lists decisions in force, in every organisation, whose review
// falls on or before until (overdue ones too) and whose owner has not been reminded of
// that review date. For the `lightbulb remind` job, not for web requests.
func (s *DecisionService) DueReminders(ctx context.Context, until string) ([]*lightbulb.Decision, error) {
	return s.query(ctx, decisionCols+` WHERE d.status = 'in_force' AND d.review_date <> '' AND d.review_date <= $1
		AND NOT EXISTS (SELECT 1 FROM decision_reminders r WHERE r.decision_id = d.id AND r.review_date = d.review_date)
		ORDER BY d.review_date, d.id`, until)
}
