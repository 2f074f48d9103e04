package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// PlanService stores embedding plans; see lightbulb.PlanService.
type PlanService struct{ db *DB }

// NewPlanService returns a PlanService over db.
func NewPlanService(db *DB) *PlanService { return &PlanService{db: db} }

var _ lightbulb.PlanService = (*PlanService)(nil)

// CreatePlan saves a plan, its actions and its check-ins, and queues the
// check-in emails, in one transaction.
func (s *PlanService) CreatePlan(ctx context.Context, p *lightbulb.Plan) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return err
	}
	now := lightbulb.Now()
	p.CreatedAt = now
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO learning_plans (org_id, user_id, reflection, shared, cohort_id, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, org, p.UserID, p.Reflection, p.Shared, nullID(p.CohortID), now).Scan(&p.ID)
		if err != nil {
			return fmt.Errorf("create plan: %w", err)
		}
		for i, a := range p.Actions {
			if err := tx.QueryRowContext(ctx, `INSERT INTO learning_plan_actions (plan_id, position, text, due_on) VALUES ($1, $2, $3, $4) RETURNING id`,
				p.ID, i, a.Text, a.DueOn).Scan(&a.ID); err != nil {
				return fmt.Errorf("plan action: %w", err)
			}
		}
		for _, m := range lightbulb.PlanCheckinMonths {
			at := now.AddDate(0, m, 0)
			c := &lightbulb.PlanCheckin{Months: m, DueOn: at.In(lightbulb.London).Format("2006-01-02")}
			if err := tx.QueryRowContext(ctx, `INSERT INTO learning_plan_checkins (plan_id, months, due_on) VALUES ($1, $2, $3) RETURNING id`,
				p.ID, m, c.DueOn).Scan(&c.ID); err != nil {
				return fmt.Errorf("plan check-in: %w", err)
			}
			if err := enqueue(ctx, tx, org, lightbulb.JobPlanCheckin, c.ID, at); err != nil {
				return fmt.Errorf("queue check-in: %w", err)
			}
			p.Checkins = append(p.Checkins, c)
		}
		return nil
	})
}

func (s *PlanService) planIDs(ctx context.Context, where string, args ...any) ([]int64, error) {
	rows, err := s.db.readRows(ctx, `SELECT id FROM learning_plans WHERE `+where+` ORDER BY created_at DESC, id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("find plans: %w", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// load reads one plan of the organisation with its actions and check-ins.
func (s *PlanService) load(ctx context.Context, org, id int64) (*lightbulb.Plan, error) {
	p := &lightbulb.Plan{ID: id}
	err := s.db.readRow(ctx, `SELECT p.user_id, u.name, p.reflection, p.shared, coalesce(p.cohort_id, 0), p.created_at
		FROM learning_plans p JOIN users u ON u.id = p.user_id
		WHERE p.org_id = $1 AND p.id = $2`, org, id).Scan(&p.UserID, &p.OwnerName, &p.Reflection, &p.Shared, &p.CohortID, &p.CreatedAt)
	if err != nil {
		return nil, notFound(err, "There is no such plan.")
	}
	rows, err := s.db.readRows(ctx, `SELECT id, text, due_on, done FROM learning_plan_actions WHERE plan_id = $1 ORDER BY position`, id)
	if err != nil {
		return nil, fmt.Errorf("plan actions: %w", err)
	}
	for rows.Next() {
		a := &lightbulb.PlanAction{}
		if err := rows.Scan(&a.ID, &a.Text, &a.DueOn, &a.Done); err != nil {
			rows.Close()
			return nil, err
		}
		p.Actions = append(p.Actions, a)
	}
	rows.Close()
	rows, err = s.db.readRows(ctx, `SELECT id, months, due_on, answer, answered_at FROM learning_plan_checkins WHERE plan_id = $1 ORDER BY months`, id)
	if err != nil {
		return nil, fmt.Errorf("plan check-ins: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c := &lightbulb.PlanCheckin{}
		var at sql.NullTime
		if err := rows.Scan(&c.ID, &c.Months, &c.DueOn, &c.Answer, &at); err != nil {
			return nil, err
		}
		c.AnsweredAt = at.Time
		p.Checkins = append(p.Checkins, c)
	}
	return p, rows.Err()
}

// FindPlans lists a person's own plans, newest first.
func (s *PlanService) FindPlans(ctx context.Context, userID int64) ([]*lightbulb.Plan, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	ids, err := s.planIDs(ctx, `org_id = $1 AND user_id = $2`, org, userID)
	if err != nil {
		return nil, err
	}
	var out []*lightbulb.Plan
	for _, id := range ids {
		p, err := s.load(ctx, org, id)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

var errNoPlan = lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such plan.")

// FindPlan returns a plan to its owner; anyone else is told there is none.
func (s *PlanService) FindPlan(ctx context.Context, id, userID int64) (*lightbulb.Plan, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	p, err := s.load(ctx, org, id)
	if err != nil {
		return nil, err
	}
	if p.UserID != userID {
		return nil, errNoPlan
	}
	return p, nil
}

// SetActionsDone marks exactly the listed actions done.
func (s *PlanService) SetActionsDone(ctx context.Context, planID, userID int64, done []int64) error {
	p, err := s.FindPlan(ctx, planID, userID)
	if err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		for _, a := range p.Actions {
			if _, err := tx.ExecContext(ctx, `UPDATE learning_plan_actions SET done = $1 WHERE plan_id = $2 AND id = $3`, slices.Contains(done, a.ID), p.ID, a.ID); err != nil {
				return fmt.Errorf("mark action: %w", err)
			}
		}
		return nil
	})
}

// AnswerCheckin records a due check-in's answer, once.
func (s *PlanService) AnswerCheckin(ctx context.Context, planID, checkinID, userID int64, answer string) error {
	p, err := s.FindPlan(ctx, planID, userID)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(p.Checkins, func(c *lightbulb.PlanCheckin) bool { return c.ID == checkinID })
	if i < 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such check-in.")
	}
	c := p.Checkins[i]
	switch {
	case c.Answered():
		return lightbulb.Errorf(lightbulb.ECONFLICT, "You have already answered this check-in.")
	case !c.Due():
		return lightbulb.Errorf(lightbulb.ECONFLICT, "This check-in is not due yet.")
	case len([]rune(answer)) > 4000:
		return lightbulb.FieldError("answer", "Your answer must be 4,000 characters or fewer")
	case answer == "":
		return lightbulb.FieldError("answer", "Say how it has gone")
	}
	_, err = s.db.write.ExecContext(ctx, `UPDATE learning_plan_checkins SET answer = $1, answered_at = $2 WHERE plan_id = $3 AND id = $4 AND answered_at IS NULL`,
		answer, lightbulb.Now(), p.ID, c.ID)
	if err != nil {
		return fmt.Errorf("answer check-in: %w", err)
	}
	return nil
}

// SetShared shares a plan with the organisation's leads, or stops sharing it.
func (s *PlanService) SetShared(ctx context.Context, planID, userID int64, shared bool) error {
	p, err := s.FindPlan(ctx, planID, userID)
	if err != nil {
		return err
	}
	if _, err := s.db.write.ExecContext(ctx, `UPDATE learning_plans SET shared = $1 WHERE id = $2`, shared, p.ID); err != nil {
		return fmt.Errorf("share plan: %w", err)
	}
	return nil
}

// Progress counts the organisation's plans; shared plans come in full,
// private ones only as numbers.
func (s *PlanService) Progress(ctx context.Context) (*lightbulb.PlanProgress, error) {
	return s.progress(ctx, 0)
}

// CohortPlans counts the plans that end one cohort's programme, with
// shared plans in full.
func (s *PlanService) CohortPlans(ctx context.Context, cohortID int64) (*lightbulb.PlanProgress, error) {
	return s.progress(ctx, cohortID)
}

// progress sums up the organisation's plans, or one cohort's.
func (s *PlanService) progress(ctx context.Context, cohortID int64) (*lightbulb.PlanProgress, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	where, args := `org_id = $1`, []any{org}
	if cohortID != 0 {
		where, args = where+` AND cohort_id = $2`, append(args, cohortID)
	}
	ids, err := s.planIDs(ctx, where, args...)
	if err != nil {
		return nil, err
	}
	pr := &lightbulb.PlanProgress{CohortID: cohortID}
	people := map[int64]bool{}
	today := lightbulb.SurveyToday()
	for _, id := range ids {
		p, err := s.load(ctx, org, id)
		if err != nil {
			return nil, err
		}
		pr.Plans++
		people[p.UserID] = true
		for _, a := range p.Actions {
			pr.Actions++
			if a.Done {
				pr.ActionsDone++
			}
		}
		for _, c := range p.Checkins {
			if c.Answered() {
				pr.Answered++
			}
			if c.Answered() || today >= c.DueOn {
				pr.CheckinsDue++
			}
		}
		if p.Shared {
			pr.Shared = append(pr.Shared, p)
		}
	}
	pr.People = len(people)
	return pr, nil
}

// planCheckinMail writes the email for a check-in job, unless it has been
// answered already.
func planCheckinMail(ctx context.Context, tx *sql.Tx, org int64, payload, baseURL string) ([]*lightbulb.Mail, error) {
	id, err := strconv.ParseInt(payload, 10, 64)
	if err != nil {
		return nil, fmt.Errorf("check-in job: bad payload %q", payload)
	}
	var planID int64
	var months int
	var answered sql.NullTime
	var email, name, lang string
	err = tx.QueryRowContext(ctx, `SELECT p.id, c.months, c.answered_at, u.email, u.name, u.lang FROM learning_plan_checkins c
		JOIN learning_plans p ON p.id = c.plan_id JOIN users u ON u.id = p.user_id WHERE p.org_id = $1 AND c.id = $2`, org, id).
		Scan(&planID, &months, &answered, &email, &name, &lang)
	if errors.Is(err, sql.ErrNoRows) || answered.Valid {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("check-in job: %w", err)
	}
	return []*lightbulb.Mail{lightbulb.PlanCheckinMail(email, name, lang, months, planID, baseURL)}, nil
}
