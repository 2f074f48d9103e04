package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/tagger"
)

// ReviewCase records a reviewer's verdict on every right of the case, the
// rights they added, FREDA principles and notes, in one transaction.
func (s *CaseService) ReviewCase(ctx context.Context, id int64, rv lightbulb.CaseReview) (*lightbulb.Case, error) {
	c, err := s.FindCase(ctx, id)
	if err != nil {
		return nil, err
	}
	known, err := s.rightCodes(ctx)
	if err != nil {
		return nil, err
	}
	if err := caseCheckReview(c, rv, known); err != nil {
		return nil, err
	}
	name := ""
	if a := lightbulb.ActorFrom(ctx); a != nil {
		name = a.Name
	}
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		for _, r := range c.Rights {
			v := rv.Verdicts[r.Code]
			q := `UPDATE case_rights SET verdict = $1 WHERE org_id = $2 AND case_id = $3 AND code = $4`
			if !r.Suggested && v == "rejected" {
				q = `DELETE FROM case_rights WHERE verdict <> $1 AND org_id = $2 AND case_id = $3 AND code = $4`
			}
			if _, err := tx.ExecContext(ctx, q, v, c.OrgID, id, r.Code); err != nil {
				return fmt.Errorf("record verdict: %w", err)
			}
		}
		for _, code := range rv.Added {
			_, err := tx.ExecContext(ctx, `INSERT INTO case_rights (org_id, case_id, code, verdict) VALUES ($1, $2, $3, 'confirmed')
				ON CONFLICT (case_id, code) DO UPDATE SET verdict = 'confirmed'`, c.OrgID, id, code)
			if err != nil {
				return fmt.Errorf("add right: %w", err)
			}
		}
		_, err := tx.ExecContext(ctx, `UPDATE cases SET reviewed = $1, freda = $2, notes = $3, reviewed_by = $4, updated_at = $5
			WHERE org_id = $6 AND id = $7`, true, strings.Join(rv.Freda, ","), strings.TrimSpace(rv.Notes), name, lightbulb.Now(), c.OrgID, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("review case: %w", err)
	}
	return s.FindCase(ctx, id)
}

// caseCheckReview refuses a review that leaves a right without a verdict,
// adds an unknown right or names a principle FREDA does not have.
func caseCheckReview(c *lightbulb.Case, rv lightbulb.CaseReview, known []string) error {
	var v lightbulb.ValidationErrors
	for _, r := range c.Rights {
		if x := rv.Verdicts[r.Code]; x != "confirmed" && x != "rejected" {
			v.Add("verdict-"+r.Code, "Confirm or reject each suggested right")
		}
	}
	for _, code := range rv.Added {
		if !slices.Contains(known, code) {
			v.Add("added", "Select rights from the list")
			break
		}
	}
	for _, p := range rv.Freda {
		if !slices.Contains(lightbulb.CaseFreda, p) {
			v.Add("freda", "Select principles from the list")
			break
		}
	}
	if len(rv.Notes) > 10000 {
		v.Add("notes", "Notes must be 10,000 characters or fewer")
	} else if msg := lightbulb.ContactMessage("notes", rv.Notes); msg != "" {
		v.Add("notes", msg)
	}
	return v.Err()
}

func (s *CaseService) rightCodes(ctx context.Context) ([]string, error) {
	rows, err := s.db.readRows(ctx, `SELECT code FROM rights ORDER BY sort`)
	if err != nil {
		return nil, fmt.Errorf("rights: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CaseLabels supplies the rights reviewers confirmed, across every
// organisation, to `lightbulb rights train --db`. It is an operator's tool
// and reads no organisation from the context on purpose: the model is
// shared. Only the summary and the codes leave the database.
type CaseLabels struct{ db *DB }

// NewCaseLabels returns the reviewer-confirmed labels in db.
func NewCaseLabels(db *DB) *CaseLabels { return &CaseLabels{db: db} }

// ConfirmedLabels lists every reviewed case's summary with the rights a
// reviewer confirmed (none, when they rejected every suggestion).
func (l *CaseLabels) ConfirmedLabels(ctx context.Context) ([]tagger.Example, error) {
	rows, err := l.db.readRows(ctx, `SELECT c.id, c.summary, COALESCE(r.code, '') FROM cases c
		LEFT JOIN case_rights r ON r.case_id = c.id AND r.verdict = 'confirmed'
		WHERE c.reviewed ORDER BY c.id, r.code`)
	if err != nil {
		return nil, fmt.Errorf("confirmed labels: %w", err)
	}
	defer rows.Close()
	var out []tagger.Example
	for rows.Next() {
		var id int64
		var text, code string
		if err := rows.Scan(&id, &text, &code); err != nil {
			return nil, err
		}
		key := fmt.Sprintf("case-%d", id)
		if len(out) == 0 || out[len(out)-1].ID != key {
			out = append(out, tagger.Example{ID: key, Text: text, Rights: []string{}})
		}
		if code != "" {
			last := &out[len(out)-1]
			last.Rights = append(last.Rights, code)
		}
	}
	return out, rows.Err()
}
