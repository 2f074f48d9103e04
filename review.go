package lightbulb

import (
	"context"
	"strings"
	"time"
)

// Rating is a Traffic Light rating of one statement.
type Rating string

// The ratings. NotApplicable says the statement does not apply to the service.
const (
	Green         Rating = "green"
	Amber         Rating = "amber"
	Red           Rating = "red"
	NotApplicable Rating = "na"
)

// Ratings lists every rating in display order.
var Ratings = []Rating{Green, Amber, Red, NotApplicable}

// ValidRating reports whether r is one of Ratings.
func ValidRating(r Rating) bool {
	for _, x := range Ratings {
		if x == r {
			return true
		}
	}
	return false
}

// rank orders ratings from worst to best; not applicable has no rank.
func (r Rating) rank() int {
	return map[Rating]int{Red: 1, Amber: 2, Green: 3}[r]
}

// Principles are the FREDA and PANEL principles a statement may relate to.
var Principles = []string{"Fairness", "Respect", "Equality", "Dignity", "Autonomy",
	"Participation", "Accountability", "Non-discrimination", "Empowerment", "Legality"}

func validPrinciple(p string) bool {
	for _, x := range Principles {
		if x == p {
			return true
		}
	}
	return false
}

// Statement is one thing a review asks about, as worded in one version of a
// framework. Code stays the same across versions so reviews can be compared.
type Statement struct {
	ID         int64
	Code       string
	Theme      string
	Sort       int
	Text       string
	Good       string // what good looks like
	RedMeans   string
	AmberMeans string
	GreenMeans string
	Rights     []string // codes from the rights library, e.g. "A8"
	Principles []string
	Cy         StatementWelsh // empty until translated
	EnVersion  int            // the framework version whose edit last changed the English
	CyBasedOn  int            // the EnVersion the Welsh was translated from
}

// Framework is one version of a set of statements grouped by theme. Editing
// a framework stores a new version; every review keeps the version it used.
type Framework struct {
	ID         int64
	Slug       string
	Name       string
	Version    int
	EditedBy   string
	CreatedAt  time.Time
	Statements []*Statement
}

// Theme is a named group of statements, in framework order.
type Theme struct {
	Name       string
	NameCy     string
	Statements []*Statement
}

// Themes groups the statements by theme, keeping the order they come in.
func (f *Framework) Themes() []Theme {
	var out []Theme
	for _, s := range f.Statements {
		if n := len(out); n == 0 || out[n-1].Name != s.Theme {
			out = append(out, Theme{Name: s.Theme, NameCy: s.Cy.Theme})
		}
		out[len(out)-1].Statements = append(out[len(out)-1].Statements, s)
	}
	return out
}

// Statement returns the statement with code, or nil.
func (f *Framework) Statement(code string) *Statement {
	for _, s := range f.Statements {
		if s.Code == code {
			return s
		}
	}
	return nil
}

// ValidateStatement checks a statement's wording before a new version is stored.
func ValidateStatement(s *Statement) error {
	var v ValidationErrors
	s.Text, s.Good = strings.TrimSpace(s.Text), strings.TrimSpace(s.Good)
	if s.Text == "" {
		v.Add("text", "Enter the statement")
	} else if len(s.Text) > 500 {
		v.Add("text", "The statement must be 500 characters or fewer")
	}
	if s.Good == "" {
		v.Add("good", "Enter what good looks like")
	}
	for _, p := range s.Principles {
		if !validPrinciple(p) {
			v.Add("principles", "Select principles from the FREDA and PANEL list")
			break
		}
	}
	for _, f := range []struct{ name, val, msg string }{
		{"red", s.RedMeans, "Enter what red means for this statement"},
		{"amber", s.AmberMeans, "Enter what amber means for this statement"},
		{"green", s.GreenMeans, "Enter what green means for this statement"},
	} {
		if strings.TrimSpace(f.val) == "" {
			v.Add(f.name, f.msg)
		}
	}
	return v.Err()
}

// ReviewStatus says whether a review can still be changed.
type ReviewStatus string

// A draft can be rated; a submitted review is locked.
const (
	ReviewDraft     ReviewStatus = "draft"
	ReviewSubmitted ReviewStatus = "submitted"
)

// ContributorKind says in what capacity a person contributes to a review.
type ContributorKind string

// Staff contribute as staff; people who use the service and lived experience
// experts have their contributions marked as theirs.
const (
	AsStaff       ContributorKind = "staff"
	AsServiceUser ContributorKind = "service_user"
	AsExpert      ContributorKind = "expert"
)

// ContributorKinds lists every kind in display order.
var ContributorKinds = []ContributorKind{AsStaff, AsServiceUser, AsExpert}

// Review is one organisation's look at how well a service (or the whole
// organisation) is doing on human rights over a period.
type Review struct {
	ID      int64
	OrgID   int64
	Subject string // the unit's name, or the organisation's
	// UnitID is the ward, team or home reviewed; 0 for the whole
	// organisation, and for an old review not yet matched to the list.
	UnitID           int64
	WholeOrg         bool
	PeriodStart      time.Time
	PeriodEnd        time.Time
	FrameworkID      int64
	FrameworkVersion int
	Status           ReviewStatus
	LeadID           int64
	LeadName         string
	CreatedAt        time.Time
	SubmittedAt      time.Time // zero until submitted
}

// Locked reports whether the review has been submitted.
func (r *Review) Locked() bool { return r.Status == ReviewSubmitted }

// Contributor is a person invited to rate a review.
type Contributor struct {
	UserID int64
	Name   string
	Kind   ContributorKind
}

// Rated is a rating of one statement with its evidence: a contributor's view
// or, for final ratings, the one the lead agreed.
type Rated struct {
	Code     string
	Rating   Rating
	Evidence string
	UserID   int64
	UserName string
	Kind     ContributorKind
	// Via marks views from people who use the service without an account
	// (ViaLink, ViaGroup, ViaAdvocate); UserID is then 0 and UserName the
	// group's or advocate's description.
	Via       string
	UpdatedAt time.Time
}

// ValidateRatings checks ratings before they are saved. A rating left empty
// is allowed in a draft; red and amber need evidence.
func ValidateRatings(rs []Rated) error {
	var v ValidationErrors
	for i := range rs {
		r := &rs[i]
		r.Evidence = strings.TrimSpace(r.Evidence)
		if r.Rating == "" {
			continue
		}
		if !ValidRating(r.Rating) {
			v.Add("rating-"+r.Code, "Select red, amber, green or not applicable")
		} else if (r.Rating == Red || r.Rating == Amber) && r.Evidence == "" {
			v.Add("evidence-"+r.Code, "Enter the evidence for a red or amber rating")
		} else if len(r.Evidence) > 4000 {
			v.Add("evidence-"+r.Code, "Evidence must be 4000 characters or fewer")
		}
	}
	return v.Err()
}

// ThemeCount is how many statements of one theme got each rating.
type ThemeCount struct {
	Theme                          string
	Green, Amber, Red, NA, Unrated int
}

// Total is the number of statements in the theme.
func (c ThemeCount) Total() int { return c.Green + c.Amber + c.Red + c.NA + c.Unrated }

// Summarise counts the final ratings by theme.
func Summarise(f *Framework, finals map[string]Rated) []ThemeCount {
	var out []ThemeCount
	for _, th := range f.Themes() {
		c := ThemeCount{Theme: th.Name}
		for _, s := range th.Statements {
			switch finals[s.Code].Rating {
			case Green:
				c.Green++
			case Amber:
				c.Amber++
			case Red:
				c.Red++
			case NotApplicable:
				c.NA++
			default:
				c.Unrated++
			}
		}
		out = append(out, c)
	}
	return out
}

// Change is how one statement's rating moved since the previous review.
type Change struct {
	Statement *Statement
	Before    Rating
	After     Rating
	Direction string // "improved", "worse", "same" or "new"
}

// Compare sets each statement's final rating beside the previous review's.
func Compare(f *Framework, now, before map[string]Rated) []Change {
	var out []Change
	for _, s := range f.Statements {
		c := Change{Statement: s, Before: before[s.Code].Rating, After: now[s.Code].Rating}
		a, b := c.After.rank(), c.Before.rank()
		switch {
		case a == 0 || b == 0:
			c.Direction = "new"
			if c.Before == c.After {
				c.Direction = "same"
			}
		case a > b:
			c.Direction = "improved"
		case a < b:
			c.Direction = "worse"
		default:
			c.Direction = "same"
		}
		out = append(out, c)
	}
	return out
}

// ActionStatus is how far an improvement action has got.
type ActionStatus string

// The statuses of an action.
const (
	ActionOpen       ActionStatus = "open"
	ActionInProgress ActionStatus = "in_progress"
	ActionDone       ActionStatus = "done"
)

// ActionStatuses lists every status in display order.
var ActionStatuses = []ActionStatus{ActionOpen, ActionInProgress, ActionDone}

// Action is an improvement a review's red or amber statement led to.
type Action struct {
	ID            int64
	ReviewID      int64
	Subject       string
	StatementCode string
	Description   string
	OwnerID       int64
	OwnerName     string
	Due           time.Time
	Status        ActionStatus
	CreatedAt     time.Time
}

// Overdue reports whether the action is not done and its due date has passed.
func (a *Action) Overdue(now time.Time) bool {
	return a.Status != ActionDone && a.Due.Before(now.Truncate(24*time.Hour))
}

// ValidateAction checks a new action.
func ValidateAction(a *Action) error {
	var v ValidationErrors
	a.Description = strings.TrimSpace(a.Description)
	if a.Description == "" {
		v.Add("description", "Enter what will be done")
	} else if len(a.Description) > 2000 {
		v.Add("description", "The action must be 2000 characters or fewer")
	}
	if a.OwnerID <= 0 {
		v.Add("owner", "Select who owns this action")
	}
	if a.Due.IsZero() {
		v.Add("due", "Enter a due date, like 31 3 2027")
	}
	if a.Status == "" {
		a.Status = ActionOpen
	}
	return v.Err()
}

// GridRow is one subject's latest submitted review, counted by theme.
type GridRow struct {
	ReviewID    int64
	Subject     string
	PeriodEnd   time.Time
	SubmittedAt time.Time
	Themes      []ThemeCount
	// Earlier are up to GridRounds earlier submitted reviews of the same
	// subject, oldest first, for the trend.
	Earlier []GridRound
}

// Share lets a commissioner organisation see an organisation's roll-up.
type Share struct {
	ID              int64
	CommissionerID  int64
	CommissionerOrg string
	CreatedBy       string
	CreatedAt       time.Time
	RevokedBy       string
	RevokedAt       time.Time // zero while active
}

// Active reports whether the share has not been revoked.
func (s *Share) Active() bool { return s.RevokedAt.IsZero() }

// ReviewInvitation is a draft review a person was asked to rate, in any of
// the organisations they belong to.
type ReviewInvitation struct {
	ReviewID    int64
	OrgID       int64
	OrgName     string
	Subject     string
	PeriodStart time.Time
	PeriodEnd   time.Time
	Kind        ContributorKind
	Rated       int // how many statements they have rated so far
}

// ReviewFilter narrows a list of reviews.
type ReviewFilter struct {
	// ContributorID lists only the reviews this person was invited to.
	ContributorID int64
}

// ReviewService stores frameworks, reviews, actions and shares. Every method
// but the framework ones and SharedRollup is scoped to the organisation in ctx.
type ReviewService interface {
	// CurrentFramework returns the newest version of the default framework.
	CurrentFramework(ctx context.Context) (*Framework, error)
	// FindFramework returns one version with its statements.
	FindFramework(ctx context.Context, id int64) (*Framework, error)
	// FrameworkVersions lists every version, newest first, without statements.
	FrameworkVersions(ctx context.Context) ([]*Framework, error)
	// UpdateStatement stores a new framework version with one statement changed.
	UpdateStatement(ctx context.Context, code string, s Statement) (*Framework, error)
	// UpdateStatementWelsh stores a new framework version with one
	// statement's Welsh changed, and its theme's Welsh name on every
	// statement of that theme.
	UpdateStatementWelsh(ctx context.Context, code string, cy StatementWelsh) (*Framework, error)

	FindReviews(ctx context.Context, f ReviewFilter) ([]*Review, error)
	FindReview(ctx context.Context, id int64) (*Review, error)
	CreateReview(ctx context.Context, r *Review) error
	Contributors(ctx context.Context, reviewID int64) ([]Contributor, error)
	// MyInvitations lists the actor's invitations to draft reviews in every
	// organisation they still belong to, whichever one ctx is in.
	MyInvitations(ctx context.Context) ([]ReviewInvitation, error)
	AddContributor(ctx context.Context, reviewID int64, c Contributor) error
	// SaveContributions stores the actor's ratings; they must be invited.
	SaveContributions(ctx context.Context, reviewID int64, rs []Rated) error
	Contributions(ctx context.Context, reviewID int64) ([]Rated, error)
	// SaveFinals stores the lead's agreed ratings.
	SaveFinals(ctx context.Context, reviewID int64, rs []Rated) error
	// AcceptAgreed makes the contributors' rating the final one for every
	// statement they all agree on and the lead has not yet rated; it
	// returns how many.
	AcceptAgreed(ctx context.Context, reviewID int64) (int, error)
	Finals(ctx context.Context, reviewID int64) (map[string]Rated, error)
	// SubmitReview locks a review whose every statement has a final rating.
	SubmitReview(ctx context.Context, reviewID int64) error
	// PreviousReview returns the last submitted review of the same subject
	// before r, or ENOTFOUND.
	PreviousReview(ctx context.Context, r *Review) (*Review, error)

	CreateAction(ctx context.Context, a *Action) error
	FindActions(ctx context.Context, reviewID int64) ([]*Action, error)
	SetActionStatus(ctx context.Context, id int64, s ActionStatus) (*Action, error)

	// Rollup returns the latest submitted review of each subject. The rows
	// may be shared with other requests: callers must not change them.
	Rollup(ctx context.Context) ([]GridRow, error)
	FindShares(ctx context.Context) ([]*Share, error)
	// ShareRollup shares the roll-up with a commissioner organisation.
	ShareRollup(ctx context.Context, commissionerID int64) (*Share, error)
	RevokeShare(ctx context.Context, id int64) (*Share, error)
	// SharedWithMe lists the organisations sharing their roll-up with the
	// organisation in ctx.
	SharedWithMe(ctx context.Context) ([]*Organisation, error)
	// SharedRollup returns another organisation's roll-up, only while it has an
	// active share with the organisation in ctx: the one sanctioned read
	// across organisations.
	SharedRollup(ctx context.Context, ownerID int64) (*Organisation, []GridRow, error)
}

// Validate checks a new review's subject and period.
func (r *Review) Validate() error {
	var v ValidationErrors
	r.Subject = strings.TrimSpace(r.Subject)
	if r.Subject == "" && r.UnitID == 0 && !r.WholeOrg {
		v.Add("unit", "Choose the ward, team or home you are reviewing, or the whole organisation")
	} else if len(r.Subject) > 200 {
		v.Add("unit", "The service name must be 200 characters or fewer")
	}
	if r.PeriodStart.IsZero() {
		v.Add("start", "Enter the date the period starts, like 1 4 2026")
	}
	if r.PeriodEnd.IsZero() {
		v.Add("end", "Enter the date the period ends, like 31 3 2027")
	} else if !r.PeriodStart.IsZero() && r.PeriodEnd.Before(r.PeriodStart) {
		v.Add("end", "The period must end on or after the day it starts")
	}
	return v.Err()
}
