package lightbulb

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// JobPlanCheckin emails the owner of an embedding plan that a check-in is
// due. Its payload is the check-in's id.
const JobPlanCheckin = "plan_checkin"

// PlanCheckinMonths are the months after writing a plan when its owner is
// asked how it is going.
var PlanCheckinMonths = []int{1, 3}

// PlanMaxActions is how many actions one plan holds.
const PlanMaxActions = 3

// PlanAction is one thing a person will do, by a day (YYYY-MM-DD).
type PlanAction struct {
	ID    int64
	Text  string
	DueOn string
	Done  bool
}

// PlanCheckin asks, some months on, how the plan is going.
type PlanCheckin struct {
	ID         int64
	Months     int
	DueOn      string
	Answer     string
	AnsweredAt time.Time
}

// Answered reports whether the check-in has been answered.
func (c *PlanCheckin) Answered() bool { return !c.AnsweredAt.IsZero() }

// Due reports whether the check-in can be answered today.
func (c *PlanCheckin) Due() bool { return !c.Answered() && SurveyToday() >= c.DueOn }

// Plan is a person's reflection on their training and how they will embed
// it. It is private to them unless they share it with their organisation's
// leads, who otherwise see only counts.
type Plan struct {
	ID         int64
	UserID     int64
	OwnerName  string
	Reflection string
	Shared     bool
	// CohortID is the programme's cohort the plan ends, if any: shared, it
	// is read by the client's leads and the programme's trainers together.
	CohortID  int64
	Actions   []*PlanAction
	Checkins  []*PlanCheckin
	CreatedAt time.Time
}

// Validate checks a plan before it is saved: a reflection, and each action
// with its day.
func (p *Plan) Validate() error {
	var v ValidationErrors
	p.Reflection = strings.TrimSpace(p.Reflection)
	if p.Reflection == "" {
		v.Add("reflection", "Write what you will do differently")
	} else if len([]rune(p.Reflection)) > 4000 {
		v.Add("reflection", "Your reflection must be 4,000 characters or fewer")
	}
	if len(p.Actions) == 0 {
		v.Add("action_1", "Add at least one action")
	}
	for i, a := range p.Actions {
		a.Text = strings.TrimSpace(a.Text)
		if a.Text == "" {
			v.Add(fmt.Sprintf("action_%d", i+1), "Describe this action")
		}
		if _, err := SurveyParseDay(a.DueOn); err != nil {
			v.Add(fmt.Sprintf("action_%d_due", i+1), "Enter the day you will do this action by")
		}
	}
	return v.Err()
}

// PlanProgress sums up an organisation's plans for its leads.
type PlanProgress struct {
	Plans, People         int
	Actions, ActionsDone  int
	CheckinsDue, Answered int // check-ins whose day has come, and those answered
	Shared                []*Plan
	// CohortID is set when the counts are one cohort's plans.
	CohortID int64
}

// PlanService stores embedding plans, scoped to the organisation in ctx.
type PlanService interface {
	CreatePlan(ctx context.Context, p *Plan) error
	// FindPlans lists a person's own plans.
	FindPlans(ctx context.Context, userID int64) ([]*Plan, error)
	// FindPlan returns a plan to its owner only.
	FindPlan(ctx context.Context, id, userID int64) (*Plan, error)
	// SetActionsDone marks which of a plan's actions are done.
	SetActionsDone(ctx context.Context, planID, userID int64, done []int64) error
	// AnswerCheckin records how it went, once the check-in is due.
	AnswerCheckin(ctx context.Context, planID, checkinID, userID int64, answer string) error
	SetShared(ctx context.Context, planID, userID int64, shared bool) error
	// Progress counts every plan in the organisation, with shared plans in full.
	Progress(ctx context.Context) (*PlanProgress, error)
	// CohortPlans is Progress for the plans that end one cohort's programme.
	CohortPlans(ctx context.Context, cohortID int64) (*PlanProgress, error)
}

// PlanCheckinMail reminds a plan's owner, in their language, to say how it
// is going.
func PlanCheckinMail(to, name, lang string, months int, planID int64, baseURL string) *Mail {
	return letter("plan_checkin", lang, to, struct {
		Name   string
		Months int
		Link   string
	}{name, months, fmt.Sprintf("%s/plans/%d", baseURL, planID)})
}
