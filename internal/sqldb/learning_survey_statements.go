package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

const statementCols = `t.id, t.text_en, t.text_cy, t.retired,
	(SELECT count(*) FROM learning_survey_asks a WHERE a.statement_id = t.id)`

func scanStatement(r scanner) (*lightbulb.SurveyStatement, error) {
	var st lightbulb.SurveyStatement
	err := r.Scan(&st.ID, &st.Text, &st.Welsh, &st.Retired, &st.Asked)
	return &st, err
}

// FindStatements lists the organisation's own statements, those in use
// first, each in the order added.
func (s *SurveyService) FindStatements(ctx context.Context) ([]*lightbulb.SurveyStatement, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+statementCols+` FROM learning_survey_statements t
		WHERE t.org_id = $1 ORDER BY t.retired, t.id`, org)
	if err != nil {
		return nil, fmt.Errorf("find statements: %w", err)
	}
	defer rows.Close()
	var out []*lightbulb.SurveyStatement
	for rows.Next() {
		st, err := scanStatement(rows)
		if err != nil {
			return nil, fmt.Errorf("scan statement: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// FindStatement returns one of the organisation's own statements.
func (s *SurveyService) FindStatement(ctx context.Context, id int64) (*lightbulb.SurveyStatement, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	st, err := scanStatement(s.db.readRow(ctx, `SELECT `+statementCols+` FROM learning_survey_statements t
		WHERE t.org_id = $1 AND t.id = $2`, org, id))
	if err != nil {
		return nil, notFound(err, "There is no such statement.")
	}
	return st, nil
}

// errStatementAsked is made afresh each time: pages translate an error's
// message in place.
func errStatementAsked() error {
	return lightbulb.FieldError("text", "A survey has asked this statement, so its English cannot change. Retire it and add a new statement instead.")
}

// SaveStatement adds or changes one of the organisation's own statements.
func (s *SurveyService) SaveStatement(ctx context.Context, st *lightbulb.SurveyStatement) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := st.Validate(); err != nil {
		return err
	}
	if st.ID == 0 {
		err = s.db.write.QueryRowContext(ctx, `INSERT INTO learning_survey_statements (org_id, text_en, text_cy, created_at)
			VALUES ($1, $2, $3, $4) RETURNING id`, org, st.Text, st.Welsh, lightbulb.Now()).Scan(&st.ID)
		if err != nil {
			return fmt.Errorf("add statement: %w", err)
		}
		return nil
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		old, err := scanStatement(tx.QueryRowContext(ctx, `SELECT `+statementCols+` FROM learning_survey_statements t
			WHERE t.org_id = $1 AND t.id = $2`, org, st.ID))
		if err != nil {
			return notFound(err, "There is no such statement.")
		}
		if old.Asked > 0 && old.Text != st.Text {
			return errStatementAsked()
		}
		if _, err := tx.ExecContext(ctx, `UPDATE learning_survey_statements SET text_en = $1, text_cy = $2 WHERE org_id = $3 AND id = $4`,
			st.Text, st.Welsh, org, st.ID); err != nil {
			return fmt.Errorf("change statement: %w", err)
		}
		return nil
	})
}

// RetireStatement stops or starts asking a statement in new surveys.
func (s *SurveyService) RetireStatement(ctx context.Context, id int64, retired bool) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	res, err := s.db.write.ExecContext(ctx, `UPDATE learning_survey_statements SET retired = $1 WHERE org_id = $2 AND id = $3`, retired, org, id)
	if err != nil {
		return fmt.Errorf("retire statement: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such statement.")
	}
	return nil
}

// surveyQuestions is what a survey asks: the built-in statements, then the
// organisation's own it asked when created, in order.
func surveyQuestions(ctx context.Context, q queryer, org, surveyID int64) ([]lightbulb.SurveyQuestion, error) {
	qs := append([]lightbulb.SurveyQuestion(nil), lightbulb.SurveyQuestions...)
	rows, err := q.QueryContext(ctx, `SELECT `+statementCols+` FROM learning_survey_statements t
		JOIN learning_survey_asks k ON k.statement_id = t.id
		WHERE t.org_id = $1 AND k.survey_id = $2 ORDER BY k.position`, org, surveyID)
	if err != nil {
		return nil, fmt.Errorf("survey statements: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		st, err := scanStatement(rows)
		if err != nil {
			return nil, fmt.Errorf("scan survey statement: %w", err)
		}
		qs = append(qs, st.Question())
	}
	return qs, rows.Err()
}

// askStatements fixes which of the organisation's own statements a new
// survey asks: those not retired.
func askStatements(ctx context.Context, tx *sql.Tx, org, surveyID int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO learning_survey_asks (survey_id, statement_id, position)
		SELECT $1, t.id, t.id FROM learning_survey_statements t WHERE t.org_id = $2 AND NOT t.retired`, surveyID, org)
	if err != nil {
		return fmt.Errorf("survey asks: %w", err)
	}
	return nil
}
