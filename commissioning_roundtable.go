package lightbulb

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Roundtables and their action plans: a commissioner meets the providers it
// commissions, notes who came and what was said, and agrees actions, each
// owned in the commissioner's organisation or a provider's, with a due date,
// a status, the requirement it serves and the evidence that closed it. The
// providers present see the roundtable and its plan, and update the actions
// their organisation owns.

// An action's status is a review action's: open, in progress, done
// (ActionStatuses).

// OrgRef names an organisation.
type OrgRef struct {
	ID   int64
	Name string
}

// Roundtable is a meeting of a commissioner with providers it commissions.
type Roundtable struct {
	ID               int64
	CommissionerID   int64
	CommissionerName string
	Title            string
	HeldOn           Date
	Attendees        string // who came, by name and role, as written
	Notes            string
	Providers        []OrgRef // the provider organisations present
	Actions          []*CommAction
	CreatedAt        time.Time
}

// Validate checks a roundtable before it is recorded.
func (rt *Roundtable) Validate() error {
	var v ValidationErrors
	rt.Title, rt.Attendees, rt.Notes = strings.TrimSpace(rt.Title), strings.TrimSpace(rt.Attendees), strings.TrimSpace(rt.Notes)
	switch {
	case rt.Title == "":
		v.Add("title", "Enter the roundtable's name")
	case len([]rune(rt.Title)) > 200:
		v.Add("title", "The roundtable's name must be 200 characters or fewer")
	}
	if rt.HeldOn.IsZero() {
		v.Add("held_on", "Enter the day the roundtable met")
	}
	if len(rt.Providers) == 0 {
		v.Add("providers", "Choose the providers that took part")
	}
	if rt.Attendees == "" {
		v.Add("attendees", "Enter who came, by name or role")
	}
	if len([]rune(rt.Attendees)) > 5000 || len([]rune(rt.Notes)) > 20000 {
		v.Add("notes", "The notes must be 20,000 characters or fewer, and who came 5,000")
	}
	return v.Err()
}

// Present reports whether organisation org took part.
func (rt *Roundtable) Present(org int64) bool {
	return slices.ContainsFunc(rt.Providers, func(o OrgRef) bool { return o.ID == org })
}

// CommAction is an action from a roundtable or a quality visit.
type CommAction struct {
	ID              int64
	RoundtableID    int64
	VisitID         int64
	Source          string // the roundtable's or visit's name, in lists
	OwnerOrgID      int64
	OwnerOrgName    string
	Owner           string // the person or role who owns it
	Text            string
	RequirementCode string // the requirement it serves, if any
	DueOn           Date
	Status          ActionStatus
	ClosingEvidence string
	UpdatedBy       string
	UpdatedAt       time.Time
}

// Validate checks a new action: owners are the organisations that may own it.
func (a *CommAction) Validate(owners []OrgRef) error {
	var v ValidationErrors
	a.Text, a.Owner = strings.TrimSpace(a.Text), strings.TrimSpace(a.Owner)
	switch {
	case a.Text == "":
		v.Add("text", "Enter what is to be done")
	case len([]rune(a.Text)) > 1000:
		v.Add("text", "What is to be done must be 1,000 characters or fewer")
	}
	if !slices.ContainsFunc(owners, func(o OrgRef) bool { return o.ID == a.OwnerOrgID }) {
		v.Add("owner_org", "Choose the organisation that owns the action")
	}
	if a.Owner == "" {
		v.Add("owner", "Enter who owns the action, by name or role")
	}
	if a.DueOn.IsZero() {
		v.Add("due_on", "Enter when the action is due")
	}
	if a.Status == "" {
		a.Status = ActionOpen
	}
	return v.Err()
}

// Overdue reports whether the action is past its day and not done.
func (a *CommAction) Overdue(today Date) bool { return a.Status != ActionDone && a.DueOn.Before(today) }

// ActionUpdate is a change of an action's status, with the evidence that
// closes it when it is done.
type ActionUpdate struct {
	Status   ActionStatus
	Evidence string
}

// Validate checks an update: a done action needs the evidence that closed it.
func (u *ActionUpdate) Validate() error {
	var v ValidationErrors
	u.Evidence = strings.TrimSpace(u.Evidence)
	if !slices.Contains(ActionStatuses, u.Status) {
		v.Add("status", "Choose the action's status")
	}
	if u.Status == ActionDone && u.Evidence == "" {
		v.Add("evidence", "Enter the evidence that the action is done")
	}
	if len([]rune(u.Evidence)) > 5000 {
		v.Add("evidence", "The evidence must be 5,000 characters or fewer")
	}
	return v.Err()
}

// RoundtableService keeps roundtables and the actions from them and from
// quality visits. Commissioner methods work on the commissioning
// organisation in ctx; Provider* methods on the provider in ctx, and only
// on roundtables it took part in and actions it owns.
type RoundtableService interface {
	// RoundtableProviders are the providers on Lightbulb the commissioner
	// has contracts with: those it may invite.
	RoundtableProviders(ctx context.Context) ([]OrgRef, error)
	CreateRoundtable(ctx context.Context, rt *Roundtable) error
	Roundtables(ctx context.Context) ([]*Roundtable, error)
	Roundtable(ctx context.Context, id int64) (*Roundtable, error)
	AddRoundtableAction(ctx context.Context, roundtableID int64, a *CommAction) error
	// UpdateAction changes an action of the commissioner's.
	UpdateAction(ctx context.Context, id int64, u *ActionUpdate) error
	// Actions lists the actions owned by the organisation in ctx, on
	// either side, soonest due first.
	Actions(ctx context.Context) ([]*CommAction, error)

	ProviderRoundtables(ctx context.Context) ([]*Roundtable, error)
	ProviderRoundtable(ctx context.Context, id int64) (*Roundtable, error)
	// ProviderUpdateAction changes an action the provider in ctx owns.
	ProviderUpdateAction(ctx context.Context, id int64, u *ActionUpdate) error
}
