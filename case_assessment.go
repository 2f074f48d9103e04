package lightbulb

import (
	"context"
	"slices"
	"strings"
	"time"
)

// What a human rights impact assessment of a case found.
const (
	FindingAtRisk   = "at_risk"  // a right was put at risk
	FindingBreached = "breached" // a right was breached
	FindingNone     = "none"     // no right was at risk
)

// AssessmentFindings lists the findings in the order a form offers them.
var AssessmentFindings = []string{FindingAtRisk, FindingBreached, FindingNone}

// AssessmentSeverities lists how severe a risk or breach was, least first.
var AssessmentSeverities = []string{"low", "moderate", "high"}

// AssessmentScopes are whom it affects: one person, a group, or everyone
// (a blanket practice). They are the decisions' scopes.
var AssessmentScopes = []Scope{ScopePerson, ScopeGroup, ScopeEveryone}

// CaseAssessment is a human rights impact assessment of one case: beyond
// the rights a review confirms, whether a right was at risk or breached, how
// severe, whom it affects, what was done and the learning, and the decision
// or review action it led to.
type CaseAssessment struct {
	CaseID      int64
	Finding     string
	Severity    string
	Scope       Scope
	Rights      []string // the rights at risk or breached
	ActionTaken string
	Learning    string
	// DecisionID and ReviewActionID link what the case led to (0: none).
	DecisionID     int64
	ReviewActionID int64
	AssessedBy     string
	AssessedAt     time.Time
}

// Engaged reports whether the assessment found a right at risk or breached.
func (a *CaseAssessment) Engaged() bool {
	return a.Finding == FindingAtRisk || a.Finding == FindingBreached
}

// Validate checks an assessment and tidies it: a case where no right was
// at risk keeps no severity, scope or rights. Fields are named as the
// case page names them.
func (a *CaseAssessment) Validate() error {
	var v ValidationErrors
	a.ActionTaken, a.Learning = strings.TrimSpace(a.ActionTaken), strings.TrimSpace(a.Learning)
	if !slices.Contains(AssessmentFindings, a.Finding) {
		v.Add("finding", "Select whether a right was at risk or breached")
	}
	if a.Engaged() {
		if !slices.Contains(AssessmentSeverities, a.Severity) {
			v.Add("severity", "Select how severe it was")
		}
		if !slices.Contains(AssessmentScopes, a.Scope) {
			v.Add("scope", "Select whom it affects: one person, a group or everyone")
		}
		if len(a.Rights) == 0 {
			v.Add("rights", "Select the rights at risk or breached")
		}
		if a.ActionTaken == "" {
			v.Add("action_taken", "Say what was done")
		}
	} else {
		a.Severity, a.Scope, a.Rights = "", "", nil
	}
	for field, s := range map[string]string{"action_taken": a.ActionTaken, "learning": a.Learning} {
		if len(s) > 5000 {
			v.Add(field, "Write 5,000 characters or fewer")
		} else if CaseLooksLikeName(s) || ContactIn(s) != "" {
			v.Add(field, "Remove names, NHS numbers, phone numbers and email addresses: refer to the person by their reference")
		}
	}
	return v.Err()
}

// AssessedCase is a case with its assessment, if it has one.
type AssessedCase struct {
	*Case
	Assessment *CaseAssessment
}

// AssessmentLink is a decision or review action a case can be linked to.
type AssessmentLink struct {
	Kind  string // "decision" or "action"
	ID    int64
	Label string
}

// CaseAssessmentService stores the impact assessments of the organisation
// in ctx. The case store implements it.
type CaseAssessmentService interface {
	// CaseAssessment returns a case's assessment, or nil when it has none.
	CaseAssessment(ctx context.Context, caseID int64) (*CaseAssessment, error)
	// SaveCaseAssessments stores assessments of the organisation's cases,
	// all or none; the actor in ctx is their assessor.
	SaveCaseAssessments(ctx context.Context, as []*CaseAssessment) error
	// AssessedCases lists the cases the filter finds (From, To and Type; at
	// most MaxAssessed, oldest first) with their rights and assessments.
	AssessedCases(ctx context.Context, f CaseFilter) ([]*AssessedCase, error)
	// AssessmentLinks lists the decisions and review actions a case may
	// be linked to.
	AssessmentLinks(ctx context.Context) ([]AssessmentLink, error)
}

// MaxAssessed is how many cases one pass assesses and one report reads.
const MaxAssessed = 200

// AssessmentReport summarises the assessments of a period's cases: the
// rights engaged, how severe, whom they affect, and the learning.
type AssessmentReport struct {
	Cases      int // cases in the period
	Assessed   int
	Engaged    int // at risk or breached
	ByFinding  []Count
	BySeverity []Count
	ByScope    []Count
	ByRight    []Count
	// Items are the assessed cases where a right was at risk or breached,
	// most severe first, each with what was done and the learning.
	Items []*AssessedCase
}

// SummariseAssessments builds the report from a period's cases.
func SummariseAssessments(cs []*AssessedCase) *AssessmentReport {
	rep := &AssessmentReport{Cases: len(cs)}
	finding, severity, scope, right := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	for _, c := range cs {
		a := c.Assessment
		if a == nil {
			continue
		}
		rep.Assessed++
		finding[a.Finding]++
		if !a.Engaged() {
			continue
		}
		rep.Engaged++
		severity[a.Severity]++
		scope[string(a.Scope)]++
		for _, r := range a.Rights {
			right[r]++
		}
		rep.Items = append(rep.Items, c)
	}
	inOrder := func(m map[string]int, order []string) []Count {
		var out []Count
		for _, k := range order {
			out = append(out, Count{Key: k, Label: k, N: m[k]})
		}
		return out
	}
	rep.ByFinding = inOrder(finding, AssessmentFindings)
	rep.BySeverity = inOrder(severity, AssessmentSeverities)
	rep.ByScope = inOrder(scope, []string{string(ScopePerson), string(ScopeGroup), string(ScopeEveryone)})
	rep.ByRight = counts(right, false)
	slices.SortStableFunc(rep.Items, func(x, y *AssessedCase) int {
		return slices.Index(AssessmentSeverities, y.Assessment.Severity) - slices.Index(AssessmentSeverities, x.Assessment.Severity)
	})
	return rep
}
