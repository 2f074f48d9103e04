package lightbulb

import (
	"slices"
	"sort"
	"time"
)

// Knowledge check phases: before the course and after it.
const (
	CheckPre  = "pre"
	CheckPost = "post"
)

// Kinds of knowledge check question.
const (
	CheckInAct    = "in_act"   // which of these are rights in the Act
	CheckScenario = "scenario" // which rights a scenario engages
	CheckRestrict = "restrict" // whether a right can be restricted
)

// CheckOption is one answer a question offers: a right's code, or a
// distractor's key starting "x_".
type CheckOption struct {
	Value string
	Label string
}

// CheckQuestion is one question of the knowledge check. Its correct answer
// is not stored: it is worked out from the rights library when the check is
// scored, so it stays right if an admin changes a right's category.
type CheckQuestion struct {
	ID      string
	Kind    string
	Prompt  string // English; pages translate it
	Right   *Right // the right a restrict question asks about
	Options []CheckOption
	// engages lists the rights a scenario engages, by code.
	engages []string
}

// Multi reports whether the question takes several answers.
func (q *CheckQuestion) Multi() bool { return q.Kind != CheckRestrict }

// checkDistractors are things people often think are rights in the Act but
// are not.
var checkDistractors = []CheckOption{
	{"x_job", "A right to a job"},
	{"x_room", "A right to a single room in hospital"},
	{"x_gp", "A right to see the GP of your choice"},
}

// checkScenarios are everyday situations and the rights they engage.
var checkScenarios = []struct {
	id, prompt string
	options    []string
	engages    []string
}{
	{"q2", "A care home stops a resident's daughter from visiting after one argument with staff. Which rights does this engage?",
		[]string{"A8", "A3", "A10", "P1A2"}, []string{"A8"}},
	{"q3", "Night staff lock the ward door so that a patient who keeps asking to go home cannot leave. Which rights does this engage?",
		[]string{"A5", "A8", "A9", "P1A3"}, []string{"A5", "A8"}},
	{"q4", "A man is left in wet, soiled sheets all night because the team is short-staffed. Which rights does this engage?",
		[]string{"A3", "A8", "A10", "A9"}, []string{"A3", "A8"}},
}

// checkRestrict names the rights asked about: can this right be restricted?
var checkRestrict = []string{"A3", "A8", "A5"}

// BuildCheck makes the knowledge check from the rights library, in the
// library's language. Rights missing from the library are left out.
func BuildCheck(rights []*Right) []*CheckQuestion {
	by := map[string]*Right{}
	for _, r := range rights {
		by[r.Code] = r
	}
	label := func(code string) (CheckOption, bool) {
		r, ok := by[code]
		if !ok {
			return CheckOption{}, false
		}
		return CheckOption{Value: code, Label: r.Text.Title}, true
	}
	var qs []*CheckQuestion
	in := &CheckQuestion{ID: "q1", Kind: CheckInAct, Prompt: "Which of these are rights in the Human Rights Act?"}
	for i, code := range []string{"A8", "A5", "A10"} {
		if o, ok := label(code); ok {
			in.Options = append(in.Options, o)
		}
		in.Options = append(in.Options, checkDistractors[i])
	}
	qs = append(qs, in)
	for _, s := range checkScenarios {
		q := &CheckQuestion{ID: s.id, Kind: CheckScenario, Prompt: s.prompt, engages: s.engages}
		for _, code := range s.options {
			if o, ok := label(code); ok {
				q.Options = append(q.Options, o)
			}
		}
		qs = append(qs, q)
	}
	for i, code := range checkRestrict {
		if r, ok := by[code]; ok && r.Category != NonDiscrimination {
			qs = append(qs, &CheckQuestion{ID: "r" + string(rune('1'+i)), Kind: CheckRestrict, Prompt: "Can this right ever be restricted?", Right: r,
				Options: []CheckOption{{"yes", "Yes"}, {"no", "No"}}})
		}
	}
	return qs
}

// correct is a question's right answer, sorted, from the library's current data.
func (q *CheckQuestion) correct() []string {
	var out []string
	switch q.Kind {
	case CheckInAct:
		for _, o := range q.Options {
			if o.Value[0] != 'x' {
				out = append(out, o.Value)
			}
		}
	case CheckScenario:
		for _, o := range q.Options {
			if slices.Contains(q.engages, o.Value) {
				out = append(out, o.Value)
			}
		}
	case CheckRestrict:
		if q.Right.Category == Absolute {
			return []string{"no"}
		}
		return []string{"yes"}
	}
	sort.Strings(out)
	return out
}

// ScoreCheck marks answers (question id to the values chosen): a question
// scores only when exactly the right answers are chosen. Every question must
// be answered.
func ScoreCheck(qs []*CheckQuestion, answers map[string][]string) (score int, err error) {
	var v ValidationErrors
	for _, q := range qs {
		got := slices.Clone(answers[q.ID])
		if len(got) == 0 {
			if q.Multi() {
				v.Add(q.ID, "Choose at least one answer")
			} else {
				v.Add(q.ID, "Choose yes or no")
			}
			continue
		}
		sort.Strings(got)
		if slices.Equal(got, q.correct()) {
			score++
		}
	}
	return score, v.Err()
}

// CheckAttempt is one person's score in one phase.
type CheckAttempt struct {
	Phase   string
	Score   int
	Total   int
	TakenAt time.Time
	// Answers are the values chosen for each question id; nil for attempts
	// saved before answers were kept.
	Answers map[string][]string
}

// Percent is the score as a whole percentage.
func (a *CheckAttempt) Percent() int {
	if a == nil || a.Total == 0 {
		return 0
	}
	return (a.Score*100 + a.Total/2) / a.Total
}

// CheckChange is a person's two attempts, either of which may be missing.
type CheckChange struct {
	Pre, Post *CheckAttempt
}

// Both reports whether both phases were taken.
func (c *CheckChange) Both() bool { return c.Pre != nil && c.Post != nil }

// Change is the post percentage less the pre percentage.
func (c *CheckChange) Change() int { return c.Post.Percent() - c.Pre.Percent() }

// CheckGroup sums up a course's or cohort's checks.
type CheckGroup struct {
	Label           string
	Pre, Post       int // people who took each phase
	PreSum, PostSum int // sums of percentages
	Both            int // people who took both
	ChangeSum       int // sum of their changes, in percentage points
}

// Add counts one person's attempts.
func (g *CheckGroup) Add(c *CheckChange) {
	if c.Pre != nil {
		g.Pre++
		g.PreSum += c.Pre.Percent()
	}
	if c.Post != nil {
		g.Post++
		g.PostSum += c.Post.Percent()
	}
	if c.Both() {
		g.Both++
		g.ChangeSum += c.Change()
	}
}

func checkAvg(sum, n int) int {
	if n == 0 {
		return 0
	}
	return (sum*2 + n) / (2 * n) // rounded half up for positive sums
}

// PreAverage is the mean percentage before.
func (g *CheckGroup) PreAverage() int { return checkAvg(g.PreSum, g.Pre) }

// PostAverage is the mean percentage after.
func (g *CheckGroup) PostAverage() int { return checkAvg(g.PostSum, g.Post) }

// ChangeAverage is the mean change of the people who took both, in points.
func (g *CheckGroup) ChangeAverage() float64 {
	if g.Both == 0 {
		return 0
	}
	return float64(g.ChangeSum) / float64(g.Both)
}

// CheckResults sums up knowledge checks by course and by cohort.
type CheckResults struct {
	Courses []*CheckGroup
	Cohorts []*CheckGroup
}

// CheckOpen says why the booking may not take a phase's check now, or nil:
// the check before the course is open until the session starts, the check
// after it once the session has ended, for people with a place who came.
func (b *Booking) CheckOpen(phase string) error {
	x, now := b.Session, Now()
	switch {
	case phase != CheckPre && phase != CheckPost:
		return Errorf(ENOTFOUND, "There is no such check.")
	case b.Status != BookingConfirmed || x.Cancelled:
		return Errorf(ECONFLICT, "Knowledge checks are for people with a place on the session.")
	case phase == CheckPre && !now.Before(x.StartsAt):
		return Errorf(ECONFLICT, "The check before the course closed when the session started.")
	case phase == CheckPost && x.EndsAt.After(now):
		return Errorf(ECONFLICT, "The check after the course opens when the session ends.")
	case phase == CheckPost && b.Attendance == NoShow:
		return Errorf(ECONFLICT, "The register shows you did not come to this session, so the check after it is not open to you.")
	}
	return nil
}
