package lightbulb

import (
	"context"
	"net/mail"
	"strings"
	"time"
)

// The Human Rights Action Plan is a public commitment to small everyday
// steps: a person signs as one of four roles, chooses the plan's actions for
// that role, and is asked some months later which they took. It is a
// commitment, never a certificate or a badge.

// The four roles a person signs the Action Plan as.
const (
	PlanIndividual  = "individual"
	PlanCommunity   = "community"
	PlanPublicBody  = "public_body"
	PlanPolicymaker = "policymaker"
)

// PlanRoles lists the roles in the order the plan shows them.
var PlanRoles = []string{PlanIndividual, PlanCommunity, PlanPublicBody, PlanPolicymaker}

// The nations of the UK a signatory may say they live or work in.
var Nations = []string{"england", "scotland", "wales", "northern_ireland"}

// The states of a signature, and of a piece of public text (an own action
// or a check-in story) waiting for moderation.
const (
	SignPending   = "pending"
	SignConfirmed = "confirmed"
	SignInvalid   = "invalid"

	ModPending  = "pending"
	ModApproved = "approved"
	ModRejected = "rejected"
)

// MaxUnaskedMails is how many emails one signature's or subscription's
// address may get without its owner doing anything (a confirmation link and
// two reminders that someone tried again), so the form cannot be used to
// flood an address.
const MaxUnaskedMails = 3

// ActionItem is one numbered action for a role, in English and Welsh, with
// its Easy Read wording. Each edit makes a new version.
type ActionItem struct {
	ID        int64
	Role      string
	Position  int
	Version   int
	Text      string
	TextCy    string
	Easy      string
	EasyCy    string
	Retired   bool
	UpdatedAt time.Time
}

// In is the action's wording in lang, English when it has no Welsh.
func (a *ActionItem) In(lang string) string {
	if lang == LangWelsh && a.TextCy != "" {
		return a.TextCy
	}
	return a.Text
}

// EasyIn is the action's Easy Read wording in lang. A Welsh page without
// Welsh Easy Read shows the plain Welsh rather than English; English falls
// back to the plain wording.
func (a *ActionItem) EasyIn(lang string) string {
	switch {
	case lang == LangWelsh && a.EasyCy != "":
		return a.EasyCy
	case lang == LangWelsh && a.TextCy != "":
		return a.TextCy
	case a.Easy != "":
		return a.Easy
	}
	return a.In(lang)
}

// Validate checks an action before it is saved.
func (a *ActionItem) Validate() error {
	var v ValidationErrors
	a.Text, a.TextCy = strings.TrimSpace(a.Text), strings.TrimSpace(a.TextCy)
	a.Easy, a.EasyCy = strings.TrimSpace(a.Easy), strings.TrimSpace(a.EasyCy)
	if !oneOf(a.Role, PlanRoles) {
		v.Add("role", "Choose who the action is for")
	}
	if a.Text == "" {
		v.Add("text", "Enter the action in English")
	} else if len(a.Text) > 500 {
		v.Add("text", "The action in English must be 500 characters or fewer")
	}
	if len(a.TextCy) > 500 {
		v.Add("text_cy", "The action in Welsh must be 500 characters or fewer")
	}
	return v.Err()
}

// ActionItemVersion is one saved version of an action.
type ActionItemVersion struct {
	Version   int
	Text      string
	TextCy    string
	Easy      string
	EasyCy    string
	Retired   bool
	EditedBy  string
	CreatedAt time.Time
}

// SignRequest is what a person sends to sign the Action Plan.
type SignRequest struct {
	Role           string
	Actions        []int64
	OwnAction      string
	Name           string
	Email          string
	Organisation   string
	Nation         string
	LocalAuthority string
	Checkins       bool
	Lang           string
	// OrgID is the opted-in organisation a public body worker counts their
	// signature for; 0 for none.
	OrgID int64
	// Suspect marks a sign-up the web layer judged automated (over the
	// address's limit, or the hidden field filled in): it is kept, never
	// emailed and never counted, and the sender is not told.
	Suspect bool
}

// Validate checks a sign-up and tidies its answers.
func (r *SignRequest) Validate() error {
	var v ValidationErrors
	r.Name, r.OwnAction = strings.TrimSpace(r.Name), strings.TrimSpace(r.OwnAction)
	r.Organisation, r.LocalAuthority = strings.TrimSpace(r.Organisation), strings.TrimSpace(r.LocalAuthority)
	r.Email = CleanEmail(r.Email)
	if !oneOf(r.Role, PlanRoles) {
		v.Add("role", "Choose who you are signing as")
	}
	if len(r.Actions) == 0 && r.OwnAction == "" {
		v.Add("actions", "Choose at least one action, or write your own")
	}
	if len(r.OwnAction) > 300 {
		v.Add("own_action", "Your own action must be 300 characters or fewer")
	}
	if r.Name == "" {
		v.Add("name", "Enter your name")
	} else if len(r.Name) > 200 {
		v.Add("name", "Your name must be 200 characters or fewer")
	}
	checkEmail(&v, "email", r.Email)
	if len(r.Organisation) > 200 {
		v.Add("organisation", "Your organisation’s name must be 200 characters or fewer")
	}
	if r.Nation != "" && !oneOf(r.Nation, Nations) {
		v.Add("nation", "Choose a nation from the list")
	}
	if r.LocalAuthority != "" && !ValidLocalAuthority(r.Nation, r.LocalAuthority) {
		v.Add("local_authority", "Choose a local authority in your nation from the list")
	}
	if r.Role != PlanPublicBody {
		r.OrgID = 0
	}
	r.Lang = MailLang(r.Lang)
	return v.Err()
}

// CleanEmail trims an email address and puts it in lower case, the one form
// it is stored and compared in.
func CleanEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// checkEmail adds an error about field unless email is a bare address.
func checkEmail(v *ValidationErrors, field, email string) {
	if email == "" {
		v.Add(field, "Enter your email address")
	} else if a, err := mail.ParseAddress(email); err != nil || a.Address != email {
		v.Add(field, "Enter an email address in the correct format, like name@example.org")
	}
}

func oneOf(s string, list []string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Signature is one person's signing of the Action Plan.
type Signature struct {
	ID             int64
	Token          string
	Role           string
	Name           string
	Email          string
	Organisation   string
	Nation         string
	LocalAuthority string
	Lang           string
	Checkins       bool
	OwnAction      string
	OwnState       string
	Status         string
	Suspect        bool
	CreatedAt      time.Time
	ConfirmedAt    *time.Time
	StoppedAt      *time.Time
	Actions        []*ActionItem
}

// PlanCounts are the public counts, kept by a job: confirmed signatures
// that are not suspect, by role and nation, and how many people chose and
// said they took each action.
type PlanCounts struct {
	Total     int
	ByRole    map[string]int
	ByNation  map[string]int
	Chosen    map[int64]int
	Taken     map[int64]int
	UpdatedAt time.Time
}

// Checkin is a "which of your actions did you take?" email and its answer.
type Checkin struct {
	ID          int64
	Months      int
	Token       string
	SentAt      time.Time
	AnsweredAt  *time.Time
	Story       string
	QuoteOK     bool
	StoryState  string
	Signature   *Signature
	Taken       map[int64]bool
	StopAddress string // the one-click stop link for this signature
}

// CheckinAnswer is a signatory's answer to a check-in.
type CheckinAnswer struct {
	Taken   []int64
	Story   string
	QuoteOK bool
}

// Validate checks an answer.
func (a *CheckinAnswer) Validate() error {
	var v ValidationErrors
	a.Story = strings.TrimSpace(a.Story)
	if len(a.Story) > 2000 {
		v.Add("story", "Your story must be 2000 characters or fewer")
	}
	if a.QuoteOK && a.Story == "" {
		v.Add("story", "Write your story, or untick that we may quote it")
	}
	return v.Err()
}

// Moderated is a piece of public text waiting for, or given, a decision:
// an own action (Kind "action") or a check-in story (Kind "story").
type Moderated struct {
	Kind    string
	ID      int64
	Role    string
	Text    string
	State   string
	Created time.Time
}

// SuspectFilter picks sign-ups to invalidate in bulk: by domain, by an
// address pattern (* for any characters), or by a time range. At least
// one must be set.
type SuspectFilter struct {
	Domain  string
	Pattern string
	From    time.Time
	To      time.Time
	// SuspectOnly limits the pick to sign-ups already marked suspect.
	SuspectOnly bool
}

// Empty reports whether the filter picks nothing.
func (f SuspectFilter) Empty() bool {
	return f.Domain == "" && f.Pattern == "" && f.From.IsZero() && f.To.IsZero()
}

// ActionPlanService runs the Action Plan. Public methods take tokens that
// only the signatory's email holds; the charity's methods check nothing and
// the web layer lets only its communications role reach them.
type ActionPlanService interface {
	// FindActionItems lists the actions of role ("" for every role) in
	// order; retired ones only when withRetired.
	FindActionItems(ctx context.Context, role string, withRetired bool) ([]*ActionItem, error)
	FindActionItem(ctx context.Context, id int64) (*ActionItem, error)
	// SaveActionItem adds an action (ID 0) or saves a new version of one.
	SaveActionItem(ctx context.Context, a *ActionItem) error
	ActionItemHistory(ctx context.Context, id int64) ([]*ActionItemVersion, error)

	// Sign records a sign-up and emails its confirmation link. Signing again
	// with an address already used emails that address instead, and the
	// caller says the same thing on screen either way.
	Sign(ctx context.Context, r *SignRequest) error
	FindSignature(ctx context.Context, token string) (*Signature, error)
	ConfirmSignature(ctx context.Context, token string) (*Signature, error)
	// StopCheckins stops check-ins for the signature a signed stop token
	// names, and anonymises it; the counts keep it.
	StopCheckins(ctx context.Context, stopToken string) (*Signature, error)
	FindStop(ctx context.Context, stopToken string) (*Signature, error)

	FindCheckin(ctx context.Context, token string) (*Checkin, error)
	AnswerCheckin(ctx context.Context, token string, a *CheckinAnswer) error
	// SendCheckins emails the check-ins that are due; a daily job runs it.
	SendCheckins(ctx context.Context) (int, error)

	PlanCounts(ctx context.Context) (*PlanCounts, error)
	// RefreshCounts recounts the public counts; a job runs it.
	RefreshCounts(ctx context.Context) error
	// FindPublished lists approved own actions and quotable stories.
	FindPublished(ctx context.Context, limit int) ([]*Moderated, error)

	FindModeration(ctx context.Context) ([]*Moderated, error)
	Moderate(ctx context.Context, kind string, id int64, approve bool) error
	FindSignatures(ctx context.Context, limit int) ([]*Signature, error)
	CountSuspect(ctx context.Context, f SuspectFilter) (int, error)
	InvalidateSuspect(ctx context.Context, f SuspectFilter) (int, error)
	BlockDomain(ctx context.Context, domain string) error
	BlockedDomains(ctx context.Context) ([]string, error)
	// AnonymiseSignatures anonymises signatures made before cutoff.
	AnonymiseSignatures(ctx context.Context, cutoff time.Time) (int, error)
	ActionPlanOrgs
}
