package lightbulb

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Status is where a decision is in its life.
type Status string

// The statuses of a decision.
const (
	StatusDraft   Status = "draft"
	StatusInForce Status = "in_force"
	StatusEnded   Status = "ended"
)

// Statuses lists every status in display order.
var Statuses = []Status{StatusDraft, StatusInForce, StatusEnded}

// Scope is who a decision affects.
type Scope string

// The scopes of a decision. ScopeEveryone makes it a blanket rule.
const (
	ScopePerson   Scope = "person"
	ScopeGroup    Scope = "group"
	ScopeEveryone Scope = "everyone"
)

// The steps of the decision form, in order.
const (
	StepSituation = "situation"
	StepVoice     = "voice"
	StepRights    = "rights"
	StepTests     = "tests"
	StepOutcome   = "outcome"
)

// Steps lists the form's steps in order.
var Steps = []string{StepSituation, StepVoice, StepRights, StepTests, StepOutcome}

// LegitimateAims are the aims the qualified articles list, as stored codes.
var LegitimateAims = []string{"national_security", "public_safety", "economic_wellbeing",
	"disorder_crime", "health_morals", "rights_of_others"}

// RightTest is the reasoning about one right the decision engages.
type RightTest struct {
	Code string `json:"code"`
	// Restricts is "yes" or "no": does the decision restrict this right?
	Restricts string `json:"restricts"`
	// Limited rights: which permitted case applies.
	PermittedCase string `json:"permitted_case,omitempty"`
	// Qualified rights (and a justification of different treatment).
	LegalBasis      string `json:"legal_basis,omitempty"`
	Aim             string `json:"aim,omitempty"`
	Necessary       string `json:"necessary,omitempty"`
	LessRestrictive string `json:"less_restrictive,omitempty"`
	Proportionate   string `json:"proportionate,omitempty"`
}

// Restricted reports whether the decision restricts this right.
func (t RightTest) Restricted() bool { return t.Restricts == "yes" }

// Reasoning is what a person writes in the steps; each version keeps a copy.
type Reasoning struct {
	// Situation.
	Date       string `json:"date"` // YYYY-MM-DD
	Proposal   string `json:"proposal"`
	Reason     string `json:"reason"`
	Scope      Scope  `json:"scope"`
	PersonRef  string `json:"person_ref,omitempty"`
	Group      string `json:"group,omitempty"`
	BlanketWhy string `json:"blanket_why,omitempty"`
	// Voice.
	Involved string `json:"involved"` // yes, partly, no
	OwnWords string `json:"own_words,omitempty"`
	Others   string `json:"others,omitempty"`
	WhyNot   string `json:"why_not,omitempty"`
	// Rights and tests.
	Rights []string    `json:"rights"`
	Tests  []RightTest `json:"tests"`
	// Outcome.
	Outcome    string `json:"outcome"`
	DecidedBy  string `json:"decided_by"`
	ReviewDate string `json:"review_date,omitempty"` // YYYY-MM-DD
}

// Test returns the test for a right, or a blank one.
func (r *Reasoning) Test(code string) RightTest {
	for _, t := range r.Tests {
		if t.Code == code {
			return t
		}
	}
	return RightTest{Code: code}
}

// Restricted lists the codes of the rights the decision restricts.
func (r *Reasoning) Restricted() []string {
	var out []string
	for _, c := range r.Rights {
		if r.Test(c).Restricted() {
			out = append(out, c)
		}
	}
	return out
}

// Blanket reports whether the decision applies to everyone in the service.
func (r *Reasoning) Blanket() bool { return r.Scope == ScopeEveryone }

// Decision is a recorded decision that may restrict someone's rights.
type Decision struct {
	ID          int64
	OrgID       int64
	ServiceID   int64
	ServiceName string
	Status      Status
	// Version counts the versions kept: 0 until first decided.
	Version   int
	Reasoning Reasoning
	// Complete is true when Missing found no gaps when it was last saved.
	Complete  bool
	OwnerID   int64
	OwnerName string
	OwnerMail string
	OwnerLang string // the owner's language, for email
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Title is what the register calls a decision: what was decided, or while
// there is no outcome yet, what is proposed.
func (d *Decision) Title() string {
	if t := strings.TrimSpace(d.Reasoning.Outcome); t != "" {
		return t
	}
	return strings.TrimSpace(d.Reasoning.Proposal)
}

// Acting reports whether the decision acts on people: it is in force, or it
// was in force and has been reopened for change at a review.
func (d *Decision) Acting() bool {
	return d.Status == StatusInForce || (d.Status == StatusDraft && d.Version > 0)
}

// ReviewDue reports whether a review date is set and falls on or before today.
func (d *Decision) ReviewDue(today string) bool {
	return d.Status == StatusInForce && d.Reasoning.ReviewDate != "" && d.Reasoning.ReviewDate <= today
}

// Overdue reports whether the review date has passed.
func (d *Decision) Overdue(today string) bool {
	return d.Status == StatusInForce && d.Reasoning.ReviewDate != "" && d.Reasoning.ReviewDate < today
}

// Version is one kept version of a decision: when it was decided or reviewed.
type Version struct {
	Number    int
	Status    Status
	Reasoning Reasoning
	// Kind is "decided" or "review"; a review has a note and an outcome.
	Kind      string
	Note      string
	Outcome   string // continue, change, end
	ActorName string
	CreatedAt time.Time
}

// Review outcomes.
const (
	ReviewContinue = "continue"
	ReviewChange   = "change"
	ReviewEnd      = "end"
)

// DecisionReview is what a person records when reviewing a decision.
type DecisionReview struct {
	Note       string
	Outcome    string
	ReviewDate string
}

// Gap is one missing part of a decision's reasoning.
type Gap struct {
	Step    string
	Field   string
	Message string
	// Arg, when set, fills the message's %s (a right's code).
	Arg string
}

// Missing lists the gaps in the reasoning that stop it being marked as
// decided. cats gives each right's category, which is data, not code.
func (r *Reasoning) Missing(cats map[string]Category, today string) []Gap {
	var g []Gap
	add := func(step, field, msg, arg string) { g = append(g, Gap{step, field, msg, arg}) }
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	if blank(r.Date) {
		add(StepSituation, "date", "Enter the date of the decision", "")
	}
	if blank(r.Proposal) {
		add(StepSituation, "proposal", "Describe what is proposed", "")
	}
	if blank(r.Reason) {
		add(StepSituation, "reason", "Explain why it is proposed", "")
	}
	switch r.Scope {
	case ScopePerson:
		if blank(r.PersonRef) {
			add(StepSituation, "person_ref", "Enter a reference for the person, not their name", "")
		}
	case ScopeGroup:
		if blank(r.Group) {
			add(StepSituation, "group", "Describe the group it affects", "")
		}
	case ScopeEveryone:
		if blank(r.BlanketWhy) {
			add(StepSituation, "blanket_why", "Explain why this must apply to everyone rather than be decided person by person", "")
		}
	default:
		add(StepSituation, "scope", "Select who the decision affects", "")
	}
	switch r.Involved {
	case "yes", "partly":
		if blank(r.OwnWords) && blank(r.Others) {
			add(StepVoice, "own_words", "Record what the person said, or what their advocate or family said", "")
		}
	case "no":
		if blank(r.WhyNot) {
			add(StepVoice, "why_not", "Explain why the person was not involved", "")
		}
	default:
		add(StepVoice, "involved", "Select whether the person was involved", "")
	}
	if len(r.Rights) == 0 {
		add(StepRights, "rights", "Select at least one right the decision engages", "")
	}
	g = append(g, r.testGaps(cats)...)
	if blank(r.Outcome) {
		add(StepOutcome, "outcome", "Describe what was decided", "")
	}
	if blank(r.DecidedBy) {
		add(StepOutcome, "decided_by", "Enter who made the decision", "")
	}
	if len(r.Restricted()) > 0 {
		if r.ReviewDate == "" {
			add(StepOutcome, "review_date", "Enter a review date: every restriction must be reviewed", "")
		} else if r.ReviewDate < today {
			add(StepOutcome, "review_date", "The review date must be today or in the future", "")
		}
	}
	return g
}

func (r *Reasoning) testGaps(cats map[string]Category) []Gap {
	var g []Gap
	add := func(field, msg, code string) {
		g = append(g, Gap{StepTests, field + "-" + code, msg, code})
	}
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	onlyA14 := len(r.Rights) > 0
	for _, c := range r.Rights {
		if cats[c] != NonDiscrimination {
			onlyA14 = false
		}
	}
	if onlyA14 {
		g = append(g, Gap{StepRights, "rights", "Discrimination is always about another right: select the right whose enjoyment is affected too", ""})
	}
	for _, c := range r.Rights {
		t := r.Test(c)
		if t.Restricts != "yes" && t.Restricts != "no" {
			add("restricts", "Say whether the decision restricts %s", c)
			continue
		}
		if !t.Restricted() {
			continue
		}
		switch cats[c] {
		case Absolute:
			add("restricts", "%s is an absolute right: nothing can justify restricting it. Change the plan", c)
		case Limited:
			if blank(t.PermittedCase) {
				add("permitted_case", "Say which case the article permits for %s", c)
			}
			if blank(t.LegalBasis) {
				add("legal_basis", "Give the law that allows restricting %s", c)
			}
			g = append(g, balanceGaps(t)...)
		default: // qualified, and a justification of different treatment
			if blank(t.LegalBasis) {
				add("legal_basis", "Give the law that allows restricting %s", c)
			}
			if !slices.Contains(LegitimateAims, t.Aim) {
				add("aim", "Select the legitimate aim for restricting %s", c)
			}
			g = append(g, balanceGaps(t)...)
		}
	}
	return g
}

// balanceGaps asks what every restriction that may be justified needs,
// whether the right is limited or qualified: why it is necessary, the less
// restrictive options considered, and why it is proportionate.
func balanceGaps(t RightTest) []Gap {
	var g []Gap
	add := func(field, msg string) { g = append(g, Gap{StepTests, field + "-" + t.Code, msg, t.Code}) }
	if strings.TrimSpace(t.Necessary) == "" {
		add("necessary", "Explain why restricting %s is necessary")
	}
	if strings.TrimSpace(t.LessRestrictive) == "" {
		add("less_restrictive", "List the less restrictive options considered for %s and why each was not enough")
	}
	if strings.TrimSpace(t.Proportionate) == "" {
		add("proportionate", "Explain why restricting %s is proportionate for this person")
	}
	return g
}

// DecisionFilter narrows the register. Empty fields match everything.
type DecisionFilter struct {
	Right     string
	Status    Status
	ServiceID int64
	Blanket   bool
	// Review is "due" (on or before Today plus 14 days) or "overdue".
	Review string
	Today  string
	// PersonRef finds decisions about a person by (part of) their reference.
	PersonRef string
}

// DueSoonDays is how far ahead a review counts as due, and when the owner
// is reminded.
const DueSoonDays = 14

// DecisionService stores decisions of the organisation in ctx.
type DecisionService interface {
	FindDecisions(ctx context.Context, f DecisionFilter) ([]*Decision, error)
	FindDecision(ctx context.Context, id int64) (*Decision, error)
	// CreateDecision stores a new draft owned by the actor in ctx.
	CreateDecision(ctx context.Context, d *Decision) error
	// SaveDraft stores changed reasoning; an ended or in-force decision is refused.
	SaveDraft(ctx context.Context, d *Decision) error
	// MarkDecided puts a complete draft in force and keeps a version of it.
	MarkDecided(ctx context.Context, id int64) (*Decision, error)
	// ReviewDecision records a review of a decision in force and keeps a version.
	ReviewDecision(ctx context.Context, id int64, rv DecisionReview) (*Decision, error)
	// DiscardDraft deletes a draft that was never decided, if the actor in
	// ctx owns it, and keeps what it said in the audit log.
	DiscardDraft(ctx context.Context, id int64) error
	// Versions lists the kept versions, newest first.
	Versions(ctx context.Context, id int64) ([]*Version, error)
	// Categories returns each right's category, for Missing.
	Categories(ctx context.Context) (map[string]Category, error)
}

// ReminderService finds reviews falling due across every organisation and
// records the reminders sent, so none is sent twice. For `lightbulb remind`.
type ReminderService interface {
	DueReminders(ctx context.Context, until string) ([]*Decision, error)
}

// Today returns the date in London as YYYY-MM-DD, the form review dates use.
func Today(t time.Time) string {
	return t.In(London).Format(time.DateOnly)
}

// AddDays returns the date n days after a YYYY-MM-DD date.
func AddDays(date string, n int) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return t.AddDate(0, 0, n).Format(time.DateOnly)
}
