package lightbulb

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// StaffGroups are the groups a person may choose to say their role on a
// staff survey (an empty choice is "prefer not to say"). They follow the
// broad staff groups of NHS and social care surveys, not Lightbulb's roles,
// which say what someone may do here rather than what their job is.
var StaffGroups = []string{"nursing", "support", "medical", "ahp", "social_work", "manager", "admin", "other"}

// SurveyStatement is a statement an organisation adds to its own staff
// surveys, such as an equality and human rights item, with its Welsh.
type SurveyStatement struct {
	ID      int64
	Text    string // English
	Welsh   string // empty until someone writes it
	Retired bool   // no longer asked in new surveys
	// Asked counts the surveys that ask it; once one does, its English is
	// fixed, so that every answer was to the same words.
	Asked int
}

// SurveyStatementMax is the longest statement, in characters.
const SurveyStatementMax = 300

// QuestionID is the id its answers are stored under.
func (s *SurveyStatement) QuestionID() string { return "s" + strconv.FormatInt(s.ID, 10) }

// Question is the statement as a survey asks it.
func (s *SurveyStatement) Question() SurveyQuestion {
	return SurveyQuestion{ID: s.QuestionID(), Theme: "own", Text: s.Text, Own: true, Welsh: s.Welsh}
}

// Validate checks a statement before it is saved.
func (s *SurveyStatement) Validate() error {
	var v ValidationErrors
	s.Text, s.Welsh = strings.TrimSpace(s.Text), strings.TrimSpace(s.Welsh)
	if s.Text == "" {
		v.Add("text", "Enter the statement in English")
	} else if utf8.RuneCountInString(s.Text) > SurveyStatementMax {
		v.Add("text", "The statement must be 300 characters or fewer")
	}
	if utf8.RuneCountInString(s.Welsh) > SurveyStatementMax {
		v.Add("welsh", "The Welsh must be 300 characters or fewer")
	}
	return v.Err()
}

// SurveyGroup is how one group of people (a staff group or a ward) answered.
type SurveyGroup struct {
	Key   string // the staff group's code, or the ward's id
	Name  string // the ward's name; pages label staff groups themselves
	Count int
	dist  map[string]*[5]int
}

// Agree is the share of the group agreeing with a statement, as a whole
// percentage.
func (g *SurveyGroup) Agree(questionID string) int {
	d := g.dist[questionID]
	if d == nil {
		return 0
	}
	r := SurveyQuestionResult{Dist: *d}
	for _, n := range d {
		r.Count += n
	}
	return r.Agree()
}

// SurveyBreakdown is a survey's results by group: the groups shown, and the
// groups withheld so that nobody can be picked out.
type SurveyBreakdown struct {
	Shown    []*SurveyGroup
	Withheld []*SurveyGroup
	byKey    map[string]*SurveyGroup
	order    []*SurveyGroup
}

// NewSurveyBreakdown starts a breakdown; groups are shown in the order they
// are first named.
func NewSurveyBreakdown() *SurveyBreakdown {
	return &SurveyBreakdown{byKey: map[string]*SurveyGroup{}}
}

// Group names a group, so that it takes its place in the order.
func (b *SurveyBreakdown) Group(key, name string) *SurveyGroup {
	g := b.byKey[key]
	if g == nil {
		g = &SurveyGroup{Key: key, Name: name, dist: map[string]*[5]int{}}
		b.byKey[key] = g
		b.order = append(b.order, g)
	}
	return g
}

// Add counts one response in a group.
func (b *SurveyBreakdown) Add(key, name string, scores map[string]int) {
	g := b.Group(key, name)
	g.Count++
	for q, n := range scores {
		if n < 1 || n > 5 {
			continue
		}
		if g.dist[q] == nil {
			g.dist[q] = &[5]int{}
		}
		g.dist[q][n-1]++
	}
}

// Tally adds stored counts to a group: with no question id, n responses;
// otherwise n answers of point to that question.
func (b *SurveyBreakdown) Tally(key, name, questionID string, point, n int) {
	g := b.Group(key, name)
	switch {
	case questionID == "":
		g.Count += n
	case point >= 1 && point <= 5:
		if g.dist[questionID] == nil {
			g.dist[questionID] = &[5]int{}
		}
		g.dist[questionID][point-1] += n
	}
}

// Finish decides what is shown. A group with fewer than SurveyMinGroup
// responses is withheld; when exactly one group is withheld, the smallest
// shown group is withheld too, so that the hidden group's answers cannot be
// worked out by taking the shown groups from the whole. Groups nobody in
// answered are left out.
func (b *SurveyBreakdown) Finish() *SurveyBreakdown {
	b.Shown, b.Withheld = nil, nil
	for _, g := range b.order {
		switch {
		case g.Count == 0:
		case g.Count < SurveyMinGroup:
			b.Withheld = append(b.Withheld, g)
		default:
			b.Shown = append(b.Shown, g)
		}
	}
	if len(b.Withheld) == 1 && len(b.Shown) > 0 {
		small := 0
		for i, g := range b.Shown {
			if g.Count < b.Shown[small].Count {
				small = i
			}
		}
		b.Withheld = append(b.Withheld, b.Shown[small])
		b.Shown = append(b.Shown[:small:small], b.Shown[small+1:]...)
	}
	return b
}
