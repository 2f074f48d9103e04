package lightbulb

import (
	"slices"
	"time"
)

// NeedsMaxChoices is how many rights, and how many practice issues, a
// person may choose to focus on.
const NeedsMaxChoices = 3

// NeedsIssues are the practice issues people can choose, by key.
var NeedsIssues = []CheckOption{
	{"visiting", "Visiting and family contact"},
	{"restraint", "Restraint and restrictive practices"},
	{"dignity", "Privacy and dignity in personal care"},
	{"choice", "Choice, capacity and consent"},
	{"equality", "Equality and discrimination"},
	{"speaking_up", "Complaints and speaking up"},
	{"end_of_life", "End of life care"},
	{"belief", "Religion, belief and culture"},
}

// ValidNeedsIssue reports whether key is one of NeedsIssues.
func ValidNeedsIssue(key string) bool {
	return slices.ContainsFunc(NeedsIssues, func(o CheckOption) bool { return o.Value == key })
}

// Needs is what one person wants to focus on, in their organisation and,
// if they chose one, their cohort.
type Needs struct {
	UserID    int64
	CohortID  int64
	Rights    []string // right codes
	Issues    []string // NeedsIssues keys
	UpdatedAt time.Time
}

// Validate checks a choice against the rights library's codes.
func (n *Needs) Validate(rightCodes []string) error {
	var v ValidationErrors
	switch {
	case len(n.Rights) == 0:
		v.Add("rights", "Choose at least one right")
	case len(n.Rights) > NeedsMaxChoices:
		v.Add("rights", "Choose up to 3 rights")
	}
	for _, c := range n.Rights {
		if !slices.Contains(rightCodes, c) {
			v.Add("rights", "Choose rights from the list")
			break
		}
	}
	switch {
	case len(n.Issues) == 0:
		v.Add("issues", "Choose at least one practice issue")
	case len(n.Issues) > NeedsMaxChoices:
		v.Add("issues", "Choose up to 3 practice issues")
	}
	for _, i := range n.Issues {
		if !ValidNeedsIssue(i) {
			v.Add("issues", "Choose practice issues from the list")
			break
		}
	}
	return v.Err()
}

// NeedsMap counts, for each right and practice issue, the people who chose
// both; a person who chose two rights and two issues adds one to four cells.
type NeedsMap struct {
	People      int
	Cells       map[string]map[string]int // right code, then issue key
	RightTotals map[string]int            // people choosing each right
	IssueTotals map[string]int            // people choosing each issue
	Max         int                       // the largest cell
}

// Add counts one person's choices.
func (m *NeedsMap) Add(n *Needs) {
	if m.Cells == nil {
		m.Cells, m.RightTotals, m.IssueTotals = map[string]map[string]int{}, map[string]int{}, map[string]int{}
	}
	m.People++
	for _, r := range n.Rights {
		m.RightTotals[r]++
		if m.Cells[r] == nil {
			m.Cells[r] = map[string]int{}
		}
		for _, i := range n.Issues {
			m.Cells[r][i]++
			m.Max = max(m.Max, m.Cells[r][i])
		}
	}
	for _, i := range n.Issues {
		m.IssueTotals[i]++
	}
}

// Count is the number of people who chose both a right and an issue.
func (m *NeedsMap) Count(right, issue string) int { return m.Cells[right][issue] }

// Shade is a cell's band from 0 (nobody) to 4 (the most chosen), for a
// heat-map table that also shows the number.
func (m *NeedsMap) Shade(right, issue string) int {
	n := m.Count(right, issue)
	if n == 0 || m.Max == 0 {
		return 0
	}
	return min(4, (n*4+m.Max-1)/m.Max)
}
