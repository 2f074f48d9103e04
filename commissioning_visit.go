package lightbulb

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Quality visits and escalation: a commissioner plans a visit to a service
// a contract covers, with a visiting team that may include lived experience
// experts (paid through a co-production involvement), records what it found
// against the contract's requirements and turns findings into actions; and
// it moves a contract between escalation states, each change kept with who
// made it, when and why.

// Visit is a quality visit to a provider's service under a contract.
type Visit struct {
	ID               int64
	ContractID       int64
	ContractTitle    string
	CommissionerID   int64
	CommissionerName string
	ProviderID       int64
	ProviderName     string
	Service          string
	PlannedOn        Date
	Team             string // the visiting team, by name and role
	InvolvementID    int64  // the co-production involvement paying its experts, if any
	InvolvementTitle string
	VisitedOn        Date // zero until findings are recorded
	Summary          string
	Findings         []*Finding
	Actions          []*CommAction
}

// Validate checks a visit before it is planned.
func (v *Visit) Validate() error {
	var e ValidationErrors
	v.Service, v.Team = strings.TrimSpace(v.Service), strings.TrimSpace(v.Team)
	if v.Service == "" {
		e.Add("service", "Enter the service you will visit")
	}
	if v.PlannedOn.IsZero() {
		e.Add("planned_on", "Enter the day of the visit")
	}
	switch {
	case v.Team == "":
		e.Add("team", "Enter the visiting team, by name or role")
	case len([]rune(v.Team)) > 2000:
		e.Add("team", "The visiting team must be 2,000 characters or fewer")
	}
	return e.Err()
}

// Finding is what a visit found about one of the contract's requirements.
type Finding struct {
	ContractRequirementID int64
	Code                  string
	Rating                Rating
	Text                  string
}

// VisitRecord is what a visiting team recorded: the day, a summary and the
// findings against the requirements it looked at.
type VisitRecord struct {
	VisitedOn Date
	Summary   string
	Findings  []*Finding
}

// Validate checks a record against the contract's requirements.
func (r *VisitRecord) Validate(c *Contract) error {
	var v ValidationErrors
	r.Summary = strings.TrimSpace(r.Summary)
	if r.VisitedOn.IsZero() {
		v.Add("visited_on", "Enter the day of the visit")
	}
	if r.Summary == "" {
		v.Add("summary", "Enter a summary of what the team found")
	}
	if len(r.Findings) == 0 {
		v.Add("summary", "Record a finding against at least one requirement")
	}
	for _, f := range r.Findings {
		f.Text = strings.TrimSpace(f.Text)
		i := slices.IndexFunc(c.Requirements, func(cr *ContractRequirement) bool { return cr.ID == f.ContractRequirementID })
		if i < 0 {
			v.Add("summary", "Record findings only against the requirements this contract carries")
			continue
		}
		f.Code = c.Requirements[i].Requirement.Code
		if !slices.Contains([]Rating{Green, Amber, Red}, f.Rating) {
			v.Add("rating-"+strconv.FormatInt(f.ContractRequirementID, 10), "Rate what you found about each requirement red, amber or green")
		}
		if f.Text == "" {
			v.Add("finding-"+strconv.FormatInt(f.ContractRequirementID, 10), "Say what you found about each requirement you rated")
		}
	}
	return v.Err()
}

// The escalation states of a contract, from no concerns to suspended.
const (
	EscalationNone        = "none"
	EscalationImprovement = "improvement"
	EscalationRemedial    = "remedial"
	EscalationSuspended   = "suspended"
)

// EscalationStates are a contract's possible states, in order.
var EscalationStates = []string{EscalationNone, EscalationImprovement, EscalationRemedial, EscalationSuspended}

// Escalation is one change of a contract's state.
type Escalation struct {
	State  string
	Reason string
	By     string
	At     time.Time
}

// VisitService keeps quality visits and contracts' escalation. Commissioner
// methods work on the commissioning organisation in ctx; ProviderVisit on
// the provider in ctx, for visits under contracts naming it.
type VisitService interface {
	// VisitInvolvements are the commissioner's co-production involvements
	// a visit's experts may be paid through.
	VisitInvolvements(ctx context.Context) ([]OrgRef, error)
	PlanVisit(ctx context.Context, contractID int64, v *Visit) error
	Visit(ctx context.Context, id int64) (*Visit, error)
	RecordVisit(ctx context.Context, id int64, r *VisitRecord) error
	AddVisitAction(ctx context.Context, visitID int64, a *CommAction) error
	ProviderVisit(ctx context.Context, id int64) (*Visit, error)
	// Escalate moves a contract to state, saying why.
	Escalate(ctx context.Context, contractID int64, state, reason string) error
}

// EscalationMail tells a provider's lead, in their language, that the
// commissioner has moved a contract to another state, and why.
func EscalationMail(to, name, lang string, c *Contract, state, reason, baseURL string) *Mail {
	return letter("commissioning_escalation", lang, to, struct {
		Name, Commissioner, Contract, State, Reason, Link string
	}{name, c.CommissionerName, c.Title, state, reason, fmt.Sprintf("%s/contracts/%d", baseURL, c.ID)})
}
