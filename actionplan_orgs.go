package lightbulb

import "context"

// An organisation may opt in to count its staff's signatures: a public body
// worker signing chooses it, and its admins see how many of their staff
// signed and which actions they chose (never who).

// PlanOrg is an organisation a public body worker may count their
// signature for.
type PlanOrg struct {
	ID   int64
	Name string
}

// OrgPlanCounts is what an opted-in organisation sees: confirmed, not
// suspect signatures counted for it, and how many chose and took each
// action.
type OrgPlanCounts struct {
	OptedIn bool
	Signed  int
	Chosen  map[int64]int
	Taken   map[int64]int
}

// ActionPlanOrgs is the organisations' side of the Action Plan. Its methods
// take the organisation from the context (lightbulb.OrgFrom), except
// PlanOrgs, which lists every opted-in organisation for the public form.
type ActionPlanOrgs interface {
	PlanOrgs(ctx context.Context) ([]PlanOrg, error)
	SetOrgOptIn(ctx context.Context, in bool) error
	OrgPlanCounts(ctx context.Context) (*OrgPlanCounts, error)
}
