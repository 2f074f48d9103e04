package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

const assessmentCols = `SELECT case_id, finding, severity, scope, rights, action_taken, learning,
	COALESCE(decision_id, 0), COALESCE(review_action_id, 0), assessed_by, assessed_at FROM case_assessments`

func scanAssessment(row scanner) (*lightbulb.CaseAssessment, error) {
	var a lightbulb.CaseAssessment
	var scope, rights string
	err := row.Scan(&a.CaseID, &a.Finding, &a.Severity, &scope, &rights, &a.ActionTaken, &a.Learning,
		&a.DecisionID, &a.ReviewActionID, &a.AssessedBy, &a.AssessedAt)
	if err != nil {
		return nil, err
	}
	a.Scope, a.Rights = lightbulb.Scope(scope), splitCodes(strings.Trim(rights, ","))
	return &a, nil
}

// CaseAssessment returns a case's assessment, or nil when it has none.
func (s *CaseService) CaseAssessment(ctx context.Context, caseID int64) (*lightbulb.CaseAssessment, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	a, err := scanAssessment(s.db.readRow(ctx, assessmentCols+` WHERE org_id = $1 AND case_id = $2`, org, caseID))
	if err == sql.ErrNoRows {
		return nil, nil
	}
	return a, err
}

// SaveCaseAssessments stores assessments of the organisation's cases in one
// transaction: every one is checked first, and none is stored if one is
// wrong. Links must be the organisation's own decisions and review actions.
func (s *CaseService) SaveCaseAssessments(ctx context.Context, as []*lightbulb.CaseAssessment) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	a := lightbulb.ActorFrom(ctx)
	if a == nil || a.UserID == 0 {
		return lightbulb.Errorf(lightbulb.EFORBIDDEN, "Sign in to assess a case.")
	}
	codes, err := s.rightCodes(ctx)
	if err != nil {
		return err
	}
	now := lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		for _, x := range as {
			if err := s.checkAssessment(ctx, tx, org, codes, x); err != nil {
				return err
			}
			x.AssessedBy, x.AssessedAt = a.Name, now
			_, err := tx.ExecContext(ctx, `INSERT INTO case_assessments (case_id, org_id, finding, severity, scope, rights,
				action_taken, learning, decision_id, review_action_id, assessed_by_id, assessed_by, assessed_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
				ON CONFLICT (case_id) DO UPDATE SET finding = $3, severity = $4, scope = $5, rights = $6, action_taken = $7,
				learning = $8, decision_id = $9, review_action_id = $10, assessed_by_id = $11, assessed_by = $12, assessed_at = $13`,
				x.CaseID, org, x.Finding, x.Severity, string(x.Scope), codeList(x.Rights), x.ActionTaken, x.Learning,
				nullID(x.DecisionID), nullID(x.ReviewActionID), a.UserID, a.Name, now)
			if err != nil {
				return fmt.Errorf("save assessment: %w", err)
			}
		}
		return nil
	})
}

// checkAssessment validates one assessment against the organisation's
// cases, rights, decisions and review actions.
func (s *CaseService) checkAssessment(ctx context.Context, tx *sql.Tx, org int64, codes []string, x *lightbulb.CaseAssessment) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cases WHERE org_id = $1 AND id = $2`, org, x.CaseID).Scan(&n); err != nil {
		return err
	} else if n == 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such case.")
	}
	var v lightbulb.ValidationErrors
	if err := x.Validate(); err != nil {
		v.List = append(v.List, err.(*lightbulb.ValidationErrors).List...)
	}
	for _, r := range x.Rights {
		if !containsCode(codes, r) {
			v.Add("rights", "Select rights from the list")
			break
		}
	}
	for _, l := range []struct {
		table, field string
		id           int64
	}{{"decisions", "decision", x.DecisionID}, {"review_actions", "review_action", x.ReviewActionID}} {
		if l.id == 0 {
			continue
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM `+l.table+` WHERE org_id = $1 AND id = $2`, org, l.id).Scan(&n); err != nil {
			return err
		} else if n == 0 {
			v.Add(l.field, "Choose a decision or review action of your organisation")
		}
	}
	return v.Err()
}

func containsCode(codes []string, c string) bool {
	for _, x := range codes {
		if x == c {
			return true
		}
	}
	return false
}

// AssessedCases lists a period's cases, oldest first, with their rights and
// assessments: at most MaxAssessed.
func (s *CaseService) AssessedCases(ctx context.Context, f lightbulb.CaseFilter) ([]*lightbulb.AssessedCase, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	where, args := caseWhere(org, f)
	rows, err := s.db.readRows(ctx, caseCols+` WHERE `+where+
		fmt.Sprintf(` ORDER BY c.received, c.id LIMIT %d`, lightbulb.MaxAssessed), args...)
	if err != nil {
		return nil, fmt.Errorf("assessed cases: %w", err)
	}
	cs, err := collect(rows, scanCase)
	if err != nil || len(cs) == 0 {
		return nil, err
	}
	out := make([]*lightbulb.AssessedCase, len(cs))
	byID := map[int64]*lightbulb.AssessedCase{}
	args = []any{org}
	var marks []string
	for i, c := range cs {
		out[i] = &lightbulb.AssessedCase{Case: c}
		byID[c.ID] = out[i]
		args = append(args, c.ID)
		marks = append(marks, fmt.Sprintf("$%d", len(args)))
	}
	return out, s.fillAssessed(ctx, "org_id = $1 AND case_id IN ("+strings.Join(marks, ", ")+")", args, byID)
}

// fillAssessed adds the rights and assessments of the cases in byID, found
// by where.
func (s *CaseService) fillAssessed(ctx context.Context, where string, args []any, byID map[int64]*lightbulb.AssessedCase) error {
	rows, err := s.db.readRows(ctx, `SELECT case_id, code, suggested, verdict, strength FROM case_rights
		WHERE `+where+` ORDER BY suggested DESC, score DESC, code`, args...)
	if err != nil {
		return fmt.Errorf("case rights: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var r lightbulb.CaseRight
		if err := rows.Scan(&id, &r.Code, &r.Suggested, &r.Verdict, &r.Strength); err != nil {
			return err
		}
		if c := byID[id]; c != nil {
			c.Rights = append(c.Rights, r)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	as, err := s.db.readRows(ctx, assessmentCols+` WHERE `+where, args...)
	if err != nil {
		return fmt.Errorf("assessments: %w", err)
	}
	list, err := collect(as, scanAssessment)
	for _, a := range list {
		if c := byID[a.CaseID]; c != nil {
			c.Assessment = a
		}
	}
	return err
}

// AssessmentLinks lists the organisation's decisions (not ended) and
// review actions that a case may be linked to, newest first.
func (s *CaseService) AssessmentLinks(ctx context.Context) ([]lightbulb.AssessmentLink, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT 'decision', id, reasoning FROM decisions WHERE org_id = $1 ORDER BY id DESC`, org)
	if err != nil {
		return nil, fmt.Errorf("links: %w", err)
	}
	var out []lightbulb.AssessmentLink
	for rows.Next() {
		var l lightbulb.AssessmentLink
		var body string
		if err := rows.Scan(&l.Kind, &l.ID, &body); err != nil {
			rows.Close()
			return nil, err
		}
		var d lightbulb.Decision
		_ = json.Unmarshal([]byte(body), &d.Reasoning)
		l.Label = d.Title()
		out = append(out, l)
	}
	rows.Close()
	rows, err = s.db.readRows(ctx, `SELECT 'action', id, description FROM review_actions WHERE org_id = $1 ORDER BY id DESC`, org)
	if err != nil {
		return nil, fmt.Errorf("links: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var l lightbulb.AssessmentLink
		if err := rows.Scan(&l.Kind, &l.ID, &l.Label); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}
