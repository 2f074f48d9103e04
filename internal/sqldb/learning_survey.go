package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// SurveyService stores staff surveys; see lightbulb.SurveyService.
type SurveyService struct{ db *DB }

// NewSurveyService returns a SurveyService over db.
func NewSurveyService(db *DB) *SurveyService { return &SurveyService{db: db} }

var _ lightbulb.SurveyService = (*SurveyService)(nil)

const surveyCols = `s.id, s.title, s.kind, coalesce(s.baseline_id, 0), s.opens_on, s.closes_on, s.created_at,
	(SELECT count(*) FROM learning_survey_responses r WHERE r.survey_id = s.id)`

func scanSurvey(r scanner) (*lightbulb.Survey, error) {
	var s lightbulb.Survey
	err := r.Scan(&s.ID, &s.Title, &s.Kind, &s.BaselineID, &s.OpensOn, &s.ClosesOn, &s.CreatedAt, &s.Responses)
	return &s, err
}

// FindSurveys lists the organisation's surveys, newest first.
func (s *SurveyService) FindSurveys(ctx context.Context) ([]*lightbulb.Survey, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+surveyCols+` FROM learning_surveys s WHERE s.org_id = $1 ORDER BY s.opens_on DESC, s.id DESC`, org)
	if err != nil {
		return nil, fmt.Errorf("find surveys: %w", err)
	}
	defer rows.Close()
	var out []*lightbulb.Survey
	for rows.Next() {
		x, err := scanSurvey(rows)
		if err != nil {
			return nil, fmt.Errorf("scan survey: %w", err)
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// FindSurvey returns one of the organisation's surveys.
func (s *SurveyService) FindSurvey(ctx context.Context, id int64) (*lightbulb.Survey, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	x, err := scanSurvey(s.db.readRow(ctx, `SELECT `+surveyCols+` FROM learning_surveys s WHERE s.org_id = $1 AND s.id = $2`, org, id))
	if err != nil {
		return nil, notFound(err, "There is no such survey.")
	}
	x.Questions, err = surveyQuestions(ctx, s.db.read, org, id)
	return x, err
}

// CreateSurvey saves a survey; a follow-up must name a baseline of the same
// organisation.
func (s *SurveyService) CreateSurvey(ctx context.Context, x *lightbulb.Survey) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := x.Validate(); err != nil {
		return err
	}
	if x.Kind == lightbulb.SurveyFollowUp {
		b, err := s.FindSurvey(ctx, x.BaselineID)
		if err != nil || b.Kind != lightbulb.SurveyBaseline {
			return lightbulb.FieldError("baseline", "Select the baseline survey this follows up")
		}
	} else {
		x.BaselineID = 0
	}
	x.CreatedAt = lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO learning_surveys (org_id, title, kind, baseline_id, opens_on, closes_on, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, org, x.Title, x.Kind, nullID(x.BaselineID), x.OpensOn, x.ClosesOn, x.CreatedAt).Scan(&x.ID)
		if err != nil {
			return fmt.Errorf("create survey: %w", err)
		}
		return askStatements(ctx, tx, org, x.ID)
	})
}

// HasResponded reports whether a person has answered a survey.
func (s *SurveyService) HasResponded(ctx context.Context, surveyID, userID int64) (bool, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return false, err
	}
	var n int
	err = s.db.readRow(ctx, `SELECT count(*) FROM learning_survey_responded WHERE org_id = $1 AND survey_id = $2 AND user_id = $3`,
		org, surveyID, userID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("has responded: %w", err)
	}
	return n > 0, nil
}

var errSurveyStaffOnly = lightbulb.Errorf(lightbulb.EFORBIDDEN, "Only staff of this organisation can answer its staff survey.")

var errSurveyTwice = lightbulb.Errorf(lightbulb.ECONFLICT, "You have already answered this survey. Each person answers once.")

// Respond saves a response and marks the person as having answered, in one
// transaction; the two rows share nothing but the survey.
func (s *SurveyService) Respond(ctx context.Context, surveyID, userID int64, a *lightbulb.SurveyAnswer) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	x, err := s.FindSurvey(ctx, surveyID)
	if err != nil {
		return err
	}
	if err := x.OpenNow(); err != nil {
		return err
	}
	if err := a.Validate(x.Questions); err != nil {
		return err
	}
	scores, err := json.Marshal(a.Scores)
	if err != nil {
		return fmt.Errorf("encode scores: %w", err)
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		var n int
		// Only the organisation's staff (and its leads, who are staff) answer.
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM memberships WHERE org_id = $1 AND user_id = $2 AND role IN ($3, $4)`,
			org, userID, lightbulb.RoleStaff, lightbulb.RoleLead).Scan(&n); err != nil {
			return fmt.Errorf("survey staff: %w", err)
		}
		if n == 0 {
			return errSurveyStaffOnly
		}
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM learning_survey_responded WHERE survey_id = $1 AND user_id = $2`, surveyID, userID).Scan(&n); err != nil {
			return fmt.Errorf("has responded: %w", err)
		}
		if n > 0 {
			return errSurveyTwice
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO learning_survey_responded (survey_id, user_id, org_id) VALUES ($1, $2, $3)`, surveyID, userID, org); err != nil {
			if isUnique(err) {
				return errSurveyTwice
			}
			return fmt.Errorf("mark responded: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO learning_survey_responses (id, survey_id, org_id, scores, comment, staff_group) VALUES ($1, $2, $3, $4, $5, $6)`,
			newToken(), surveyID, org, string(scores), a.Comment, a.StaffGroup); err != nil {
			return fmt.Errorf("save response: %w", err)
		}
		return tallyUnits(ctx, tx, org, surveyID, userID, a.Scores)
	})
}

// SurveyResults counts the answers to each statement, and lists comments.
func (s *SurveyService) SurveyResults(ctx context.Context, id int64) (*lightbulb.SurveyResults, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	x, err := s.FindSurvey(ctx, id)
	if err != nil {
		return nil, err
	}
	res := &lightbulb.SurveyResults{Survey: x}
	if x.Responses < lightbulb.SurveyMinGroup {
		res.Withheld = true
		return res, nil
	}
	by := map[string]*lightbulb.SurveyQuestionResult{}
	for _, q := range x.Questions {
		r := &lightbulb.SurveyQuestionResult{Question: q}
		by[q.ID] = r
		res.Questions = append(res.Questions, r)
	}
	roles := lightbulb.NewSurveyBreakdown()
	for _, g := range lightbulb.StaffGroups {
		roles.Group(g, "")
	}
	roles.Group("", "") // prefer not to say
	rows, err := s.db.readRows(ctx, `SELECT scores, comment, staff_group FROM learning_survey_responses WHERE org_id = $1 AND survey_id = $2 ORDER BY id`, org, id)
	if err != nil {
		return nil, fmt.Errorf("survey responses: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var raw, comment, group string
		if err := rows.Scan(&raw, &comment, &group); err != nil {
			return nil, fmt.Errorf("scan response: %w", err)
		}
		var scores map[string]int
		if err := json.Unmarshal([]byte(raw), &scores); err != nil {
			return nil, fmt.Errorf("decode response: %w", err)
		}
		for q, n := range scores {
			if r := by[q]; r != nil && n >= 1 && n <= 5 {
				r.Dist[n-1]++
				r.Count++
			}
		}
		roles.Add(group, "", scores)
		if comment != "" {
			res.Comments = append(res.Comments, comment)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	res.ByRole = roles.Finish()
	res.ByWard, err = unitTallies(ctx, s.db.read, org, id)
	return res, err
}
