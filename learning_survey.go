package lightbulb

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Survey kinds: a baseline of staff views, and a follow-up compared with it.
const (
	SurveyBaseline = "baseline"
	SurveyFollowUp = "follow_up"
)

// SurveyMinGroup is the fewest responses whose results are shown; results
// of smaller groups are withheld so that nobody can be picked out.
const SurveyMinGroup = 5

// SurveyQuestion is one statement of the staff survey, answered on a
// five-point scale from strongly disagree (1) to strongly agree (5).
type SurveyQuestion struct {
	ID    string
	Theme string // confidence, attitudes or practice; "own" for an organisation's own
	Text  string // English; pages translate a built-in statement's
	// Own statements are written by the organisation, with their Welsh
	// beside them (empty until someone writes it).
	Own   bool
	Welsh string
}

// SurveyQuestions are asked in every survey, so that a follow-up can be
// compared with its baseline; an organisation's own statements follow them.
var SurveyQuestions = []SurveyQuestion{
	{ID: "conf_explain", Theme: "confidence", Text: "I am confident I can explain what the Human Rights Act means for the people I support."},
	{ID: "conf_spot", Theme: "confidence", Text: "I am confident I would recognise a decision that restricts someone's rights."},
	{ID: "att_relevant", Theme: "attitudes", Text: "Human rights are relevant to my everyday work."},
	{ID: "att_equality", Theme: "attitudes", Text: "Treating people fairly sometimes means treating them differently."},
	{ID: "prac_talk", Theme: "practice", Text: "In the last month I have talked about someone's rights with a colleague or the person themselves."},
	{ID: "prac_record", Theme: "practice", Text: "When a decision restricts someone's rights, my team writes down why."},
}

// Survey is a survey of an organisation's staff, open between two days
// (inclusive, in Europe/London).
type Survey struct {
	ID         int64
	Title      string
	Kind       string
	BaselineID int64 // for a follow-up, the survey it is compared with
	OpensOn    string
	ClosesOn   string
	Responses  int
	CreatedAt  time.Time
	// Questions are the statements this survey asks: the built-in ones and
	// the organisation's own that were in use when it was created. Set by
	// FindSurvey.
	Questions []SurveyQuestion
}

// Validate checks a survey before it is saved.
func (s *Survey) Validate() error {
	var v ValidationErrors
	s.Title = strings.TrimSpace(s.Title)
	if s.Title == "" {
		v.Add("title", "Enter a title")
	}
	if s.Kind != SurveyBaseline && s.Kind != SurveyFollowUp {
		v.Add("kind", "Select baseline or follow-up")
	} else if s.Kind == SurveyFollowUp && s.BaselineID == 0 {
		v.Add("baseline", "Select the baseline survey this follows up")
	}
	opens, err1 := time.Parse("2006-01-02", s.OpensOn)
	closes, err2 := time.Parse("2006-01-02", s.ClosesOn)
	if err1 != nil {
		v.Add("opens", "Enter the day the survey opens")
	}
	if err2 != nil {
		v.Add("closes", "Enter the day the survey closes")
	} else if err1 == nil && closes.Before(opens) {
		v.Add("closes", "The closing day must be on or after the opening day")
	}
	return v.Err()
}

// SurveyToday is the current day in Europe/London, as YYYY-MM-DD.
func SurveyToday() string { return Now().In(London).Format("2006-01-02") }

// OpenNow says why the survey cannot be answered today, or nil.
func (s *Survey) OpenNow() error {
	today := SurveyToday()
	if today < s.OpensOn {
		return Errorf(ECONFLICT, "This survey is not open yet.")
	}
	if today > s.ClosesOn {
		return Errorf(ECONFLICT, "This survey has closed, so it can no longer be answered.")
	}
	return nil
}

// SurveyAnswer is one person's response: question id to a point of the
// scale, what they wrote, and the staff group they chose (empty when they
// preferred not to say).
type SurveyAnswer struct {
	Scores     map[string]int
	Comment    string
	StaffGroup string
}

// Validate checks that every statement the survey asks has a point on the
// scale, and that the staff group is one offered.
func (a *SurveyAnswer) Validate(qs []SurveyQuestion) error {
	var v ValidationErrors
	if a.StaffGroup != "" && !slices.Contains(StaffGroups, a.StaffGroup) {
		v.Add("staff_group", "Choose the group that best describes your role, or prefer not to say")
	}
	for _, q := range qs {
		if n := a.Scores[q.ID]; n < 1 || n > 5 {
			v.Add(q.ID, "Choose how far you agree")
		}
	}
	a.Comment = strings.TrimSpace(a.Comment)
	if len([]rune(a.Comment)) > 2000 {
		v.Add("comment", "Your answer must be 2,000 characters or fewer")
	}
	return v.Err()
}

// SurveyQuestionResult is how one statement was answered.
type SurveyQuestionResult struct {
	Question SurveyQuestion
	// Dist[i] counts answers of i+1.
	Dist  [5]int
	Count int
}

// Agree is the share who agreed or strongly agreed, as a whole percentage.
func (r *SurveyQuestionResult) Agree() int {
	if r.Count == 0 {
		return 0
	}
	return ((r.Dist[3]+r.Dist[4])*100 + r.Count/2) / r.Count
}

// SurveyResults are a survey's results, or Withheld when too few answered.
type SurveyResults struct {
	Survey    *Survey
	Withheld  bool
	Questions []*SurveyQuestionResult
	Comments  []string
	// ByRole and ByWard break the results down by the staff group people
	// chose and by the wards, teams and homes they belong to; groups of
	// fewer than SurveyMinGroup are withheld.
	ByRole *SurveyBreakdown
	ByWard *SurveyBreakdown
}

// Question returns the result for a question id, or nil.
func (r *SurveyResults) Question(id string) *SurveyQuestionResult {
	for _, q := range r.Questions {
		if q.Question.ID == id {
			return q
		}
	}
	return nil
}

// SurveyService stores what an organisation's staff tell it: anonymous
// surveys, whose responses hold no link to who gave them, and the learning
// needs people choose. Every method is scoped to the organisation in ctx.
type SurveyService interface {
	FindSurveys(ctx context.Context) ([]*Survey, error)
	FindSurvey(ctx context.Context, id int64) (*Survey, error)
	CreateSurvey(ctx context.Context, s *Survey) error
	// HasResponded reports whether a person has answered a survey.
	HasResponded(ctx context.Context, surveyID, userID int64) (bool, error)
	// Respond saves a response while the survey is open, once per person.
	Respond(ctx context.Context, surveyID, userID int64, a *SurveyAnswer) error
	// SurveyResults sums a survey up, withheld under SurveyMinGroup responses.
	SurveyResults(ctx context.Context, id int64) (*SurveyResults, error)

	// FindStatements lists the organisation's own statements, those in use
	// first.
	FindStatements(ctx context.Context) ([]*SurveyStatement, error)
	FindStatement(ctx context.Context, id int64) (*SurveyStatement, error)
	// SaveStatement adds a statement (ID 0) or changes one: its Welsh at
	// any time, its English only until a survey asks it.
	SaveStatement(ctx context.Context, st *SurveyStatement) error
	// RetireStatement stops (or starts again) asking a statement in new
	// surveys; surveys that asked it keep it.
	RetireStatement(ctx context.Context, id int64, retired bool) error

	// FindNeeds returns a person's learning needs, or empty ones.
	FindNeeds(ctx context.Context, userID int64) (*Needs, error)
	// SaveNeeds replaces a person's learning needs, checked against the
	// library's right codes.
	SaveNeeds(ctx context.Context, n *Needs, rightCodes []string) error
	// MapNeeds counts everyone's needs, or one cohort's when cohortID is set.
	MapNeeds(ctx context.Context, cohortID int64) (*NeedsMap, error)
}

// SurveyParseDay reads a YYYY-MM-DD day.
func SurveyParseDay(day string) (time.Time, error) { return time.Parse("2006-01-02", day) }

// State says whether a survey is "not_open" yet, "open" or "closed" today
// (in Europe/London).
func (s *Survey) State() string {
	switch today := SurveyToday(); {
	case today < s.OpensOn:
		return "not_open"
	case today > s.ClosesOn:
		return "closed"
	}
	return "open"
}
