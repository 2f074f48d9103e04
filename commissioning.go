package lightbulb

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Commissioning with human rights (docs/commissioning.md): a commissioning
// organisation publishes its principles, keeps a library of requirements,
// attaches them to contracts with providers, and assures each provider's
// answers through a draft report the provider may check for facts.

// FactCheckDays is how long a provider has to comment on a draft report.
const FactCheckDays = 14

// JobCommissioningWindow closes a draft report's fact-check window (payload:
// the assessment's id); the report becomes final.
const JobCommissioningWindow = "commissioning.factcheck_close"

// MeasureFrequencies are how often a requirement's measure is reported.
var MeasureFrequencies = []string{"monthly", "quarterly", "six_monthly", "yearly"}

// The states of an assurance report.
const (
	AssessmentDraft = "draft" // issued, the provider may check its facts
	AssessmentFinal = "final"
)

// PrinciplesStatement is one version of an organisation's human rights principles
// for commissioning, in English and Welsh.
type PrinciplesStatement struct {
	Version     int
	OrgSlug     string
	OrgName     string
	BodyEN      string
	BodyCY      string
	PublishedBy string
	PublishedAt time.Time
}

// Body returns the statement in lang, or in English when there is no Welsh.
func (p *PrinciplesStatement) Body(lang string) string {
	if lang == "cy" && p.BodyCY != "" {
		return p.BodyCY
	}
	return p.BodyEN
}

// Validate checks a statement before it is published.
func (p *PrinciplesStatement) Validate() error {
	var v ValidationErrors
	p.BodyEN, p.BodyCY = strings.TrimSpace(p.BodyEN), strings.TrimSpace(p.BodyCY)
	for _, f := range []struct{ field, body, blank, long string }{
		{"body_en", p.BodyEN, "Enter the principles in English", "The principles in English must be 20,000 characters or fewer"},
		{"body_cy", p.BodyCY, "Enter the principles in Welsh", "The principles in Welsh must be 20,000 characters or fewer"},
	} {
		switch {
		case f.body == "":
			v.Add(f.field, f.blank)
		case len([]rune(f.body)) > 20000:
			v.Add(f.field, f.long)
		}
	}
	return v.Err()
}

// Requirement is one version of a requirement in a commissioner's library:
// what a provider must show, the rights it engages, the FREDA and PANEL
// principles, free tags (a contract schedule, an EDS 2022 outcome, a CQC
// quality statement), the evidence expected and an optional measure.
type Requirement struct {
	ID         int64 // this version's id
	Code       string
	Version    int
	Text       string
	Rights     []string
	Principles []string
	Tags       []string
	Evidence   string
	Measure    string
	Frequency  string
	Target     string
	CreatedAt  time.Time
	ContractID int64 // a local requirement's contract; 0 for the library's
}

// Validate checks a requirement against the rights codes that exist.
func (r *Requirement) Validate(rights []string) error {
	var v ValidationErrors
	r.Text, r.Evidence = strings.TrimSpace(r.Text), strings.TrimSpace(r.Evidence)
	r.Measure, r.Target = strings.TrimSpace(r.Measure), strings.TrimSpace(r.Target)
	switch {
	case r.Text == "":
		v.Add("text", "Enter what the provider must do")
	case len([]rune(r.Text)) > 1000:
		v.Add("text", "What the provider must do must be 1,000 characters or fewer")
	}
	if len(r.Rights) == 0 {
		v.Add("rights", "Select the rights the requirement engages")
	}
	for _, c := range r.Rights {
		if !slices.Contains(rights, c) {
			v.Add("rights", "Select rights from the list")
			break
		}
	}
	for _, p := range r.Principles {
		if !validPrinciple(p) {
			v.Add("principles", "Select principles from the FREDA and PANEL list")
			break
		}
	}
	if len(r.Tags) > 20 {
		v.Add("tags", "Enter 20 tags or fewer")
	}
	if r.Evidence == "" {
		v.Add("evidence", "Enter the evidence you expect")
	}
	r.validateMeasure(&v)
	return v.Err()
}

func (r *Requirement) validateMeasure(v *ValidationErrors) {
	if r.Measure == "" {
		r.Frequency, r.Target = "", ""
		return
	}
	if !slices.Contains(MeasureFrequencies, r.Frequency) {
		v.Add("frequency", "Choose how often the measure is reported")
	}
	if r.Target == "" {
		v.Add("target", "Enter the measure's target")
	}
}

// SplitTags reads tags typed one to a line or separated by commas.
func SplitTags(s string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '\n' || r == ';' }) {
		if t = strings.TrimSpace(t); t != "" && !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// Contract is a commissioner's contract with a provider: an organisation on
// Lightbulb (ProviderID) or one named only.
type Contract struct {
	ID               int64
	CommissionerID   int64
	CommissionerName string
	ProviderID       int64
	ProviderName     string
	Title            string
	Services         string
	ValuePence       int64
	StartsOn         Date
	EndsOn           Date
	CreatedAt        time.Time
	Sharing          bool          // the provider shares its reviews with the commissioner now
	Escalation       string        // one of EscalationStates
	Escalations      []*Escalation // every change, newest first
	Visits           []*Visit      // planned and made, newest first, without findings
	Schedule         ReturnSchedule
	Periods          []*ReturnPeriod // the scheduled returns, soonest due first
	Requirements     []*ContractRequirement
	Returns          []*Return
	Assessments      []*Assessment
}

// Validate checks a contract before it is recorded.
func (c *Contract) Validate() error {
	var v ValidationErrors
	c.Title, c.ProviderName, c.Services = strings.TrimSpace(c.Title), strings.TrimSpace(c.ProviderName), strings.TrimSpace(c.Services)
	switch {
	case c.Title == "":
		v.Add("title", "Enter the contract's name")
	case len([]rune(c.Title)) > 200:
		v.Add("title", "The contract's name must be 200 characters or fewer")
	}
	if c.ProviderID == 0 && c.ProviderName == "" {
		v.Add("provider", "Choose the provider, or enter the name of one not on Lightbulb")
	}
	if c.ValuePence < 0 {
		v.Add("value", "Enter the contract's value")
	}
	if c.StartsOn.IsZero() {
		v.Add("starts_on", "Enter the day the contract starts")
	}
	if c.EndsOn.IsZero() {
		v.Add("ends_on", "Enter the day the contract ends")
	}
	if !c.StartsOn.IsZero() && !c.EndsOn.IsZero() && !c.StartsOn.Before(c.EndsOn) {
		v.Add("ends_on", "The contract must end after it starts")
	}
	return v.Err()
}

// Overdue counts the scheduled returns due before today that the provider
// has not sent or, for a contract without a schedule, the requirements
// whose first return was due before today and that it has not answered.
func (c *Contract) Overdue(today Date) int {
	n := 0
	if c.Schedule.Set() {
		for _, p := range c.Periods {
			if p.State(today) == PeriodOverdue {
				n++
			}
		}
		return n
	}
	for _, cr := range c.Requirements {
		if cr.Latest == nil && cr.DueOn.Before(today) {
			n++
		}
	}
	return n
}

// LatestReport is the newest assurance report, or nil.
func (c *Contract) LatestReport() *Assessment {
	if len(c.Assessments) == 0 {
		return nil
	}
	return c.Assessments[0]
}

// ContractRequirement is a requirement (the version attached) a contract
// carries, with when its returns are due.
type ContractRequirement struct {
	ID          int64
	Requirement *Requirement
	DueOn       Date
	Latest      *Answer // the provider's latest answer, if any
}

// Return is a provider's answers to a contract's requirements for a period.
type Return struct {
	ID          int64
	ContractID  int64
	PeriodID    int64 // the scheduled return it answers, if any
	Period      string
	SubmittedBy string
	SubmittedAt time.Time
	Answers     []*Answer
}

// Answer is a provider's rating of one requirement with its evidence and,
// optionally, a Traffic Light review of its own that it shares with the
// commissioner, kept as a figure with its date.
type Answer struct {
	ContractRequirementID int64
	Rating                Rating
	Evidence              string
	ReviewID              int64
	Figure                Figure    // the review's subject and counts, as attached
	FigureAt              time.Time // when the review was submitted
	SubmittedAt           time.Time
	// Figures counted from the provider's own records when it answered,
	// if it chose to attach them: AttachRestrictions, AttachTraining and
	// AttachCases ask for them; Counted holds them.
	AttachRestrictions, AttachTraining, AttachCases bool
	Counted                                         Counted
}

// Counted is evidence counted from a provider's own records: from its
// register of everyday decisions, the blanket restrictions in force and
// the reviews of decisions in force that are overdue; from training, how
// many of its people have attended human rights training, of how many;
// from casework, how many of the cases it received in the twelve months
// before were reviewed through the rights lens, of how many.
// A commissioner sees it only as these totals, and only while the
// provider shares its reviews with it.
type Counted struct {
	HasRestrictions         bool
	BlanketInForce, Overdue int
	HasTraining             bool
	Trained, People         int
	HasCases                bool
	CasesReviewed, Cases    int
	At                      time.Time
}

// Attached reports whether any figure counted from the provider's own
// records is asked for.
func (a *Answer) Attached() bool { return a.AttachRestrictions || a.AttachTraining || a.AttachCases }

// Any reports whether any figure was counted.
func (c Counted) Any() bool { return c.HasRestrictions || c.HasTraining || c.HasCases }

// Figure is a Traffic Light review as evidence: its subject and how many
// statements were rated green, amber and red when it was attached.
type Figure struct {
	Subject           string
	Green, Amber, Red int
}

// String stores a figure as "green,amber,red,subject".
func (f Figure) String() string {
	if f.Subject == "" {
		return ""
	}
	return fmt.Sprintf("%d,%d,%d,%s", f.Green, f.Amber, f.Red, f.Subject)
}

// ParseFigure reads a stored figure; text in another form is kept whole as
// the subject.
func ParseFigure(s string) Figure {
	p := strings.SplitN(s, ",", 4)
	if len(p) == 4 {
		var f Figure
		if _, err := fmt.Sscanf(p[0]+" "+p[1]+" "+p[2], "%d %d %d", &f.Green, &f.Amber, &f.Red); err == nil {
			f.Subject = p[3]
			return f
		}
	}
	return Figure{Subject: s}
}

// Assessment is a commissioner's assurance report on a contract: issued as
// a draft the provider may check for facts for FactCheckDays, then final.
type Assessment struct {
	ID           int64
	ContractID   int64
	State        string
	Summary      string
	IssuedBy     string
	IssuedAt     time.Time
	WindowEndsAt time.Time
	FinalAt      time.Time
	Lines        []*AssessmentLine
	Comments     []*FactComment
}

// Open reports whether the provider may still comment.
func (a *Assessment) Open(now time.Time) bool {
	return a.State == AssessmentDraft && now.Before(a.WindowEndsAt)
}

// AssessmentLine is the commissioner's rating of one requirement.
type AssessmentLine struct {
	ContractRequirementID int64
	Rating                Rating
	Note                  string
}

// FactComment is a provider's comment on a draft report's accuracy.
type FactComment struct {
	By   string
	At   time.Time
	Text string
}

// EvidenceReview is one of a provider's submitted Traffic Light reviews it
// may attach as evidence; Shared says whether the contract's commissioner
// may see it.
type EvidenceReview struct {
	ID          int64
	Subject     string
	SubmittedAt time.Time
	Figure      Figure
	Shared      bool
}

// CommissioningService keeps principles, requirements, contracts, returns
// and assurance reports. Commissioner methods work on the commissioning
// organisation in ctx; provider methods (Provider*, SubmitReturn,
// CommentOnDraft, EvidenceReviews) on the provider organisation in ctx, and
// only on contracts naming it.
type CommissioningService interface {
	RoundtableService
	VisitService
	PublishPrinciples(ctx context.Context, p *PrinciplesStatement) error
	PrinciplesHistory(ctx context.Context) ([]*PrinciplesStatement, error)
	// PublicPrinciples returns an organisation's principles (version 0 for
	// the current one) and every published version, to anyone.
	PublicPrinciples(ctx context.Context, orgSlug string, version int) (*PrinciplesStatement, []*PrinciplesStatement, error)

	Requirements(ctx context.Context) ([]*Requirement, error)
	RequirementHistory(ctx context.Context, code string) ([]*Requirement, error)
	SaveRequirement(ctx context.Context, r *Requirement) error
	LoadStarter(ctx context.Context, rs []*Requirement) (int, error)

	CreateContract(ctx context.Context, c *Contract) error
	Contracts(ctx context.Context) ([]*Contract, error)
	Contract(ctx context.Context, id int64) (*Contract, error)
	AttachRequirement(ctx context.Context, contractID, requirementID int64, due Date) error
	// AddLocalRequirement writes a requirement for one contract, beside
	// the library, and attaches it.
	AddLocalRequirement(ctx context.Context, contractID int64, r *Requirement, due Date) error
	// ProviderServices lists the provider's wards, teams and homes (the
	// shared list) while it shares its reviews with the commissioner.
	ProviderServices(ctx context.Context, contractID int64) ([]string, error)
	SetContractServices(ctx context.Context, contractID int64, names []string) error
	IssueDraft(ctx context.Context, contractID int64, a *Assessment) error
	// SetReturnSchedule sets how often the contract's returns are due;
	// scheduled returns not yet opened are replaced.
	SetReturnSchedule(ctx context.Context, contractID int64, s ReturnSchedule) error

	ProviderContracts(ctx context.Context) ([]*Contract, error)
	ProviderContract(ctx context.Context, id int64) (*Contract, error)
	EvidenceReviews(ctx context.Context, contractID int64) ([]*EvidenceReview, error)
	SubmitReturn(ctx context.Context, contractID int64, r *Return) error
	CommentOnDraft(ctx context.Context, contractID, assessmentID int64, text string) error
}

// DraftReportMail tells a provider's lead, in their language, that a draft
// assurance report on a contract is ready to check for facts until the
// window closes.
func DraftReportMail(to, name, lang string, c *Contract, a *Assessment, baseURL string) *Mail {
	return letter("commissioning_draft", lang, to, struct {
		Name, Commissioner, Contract, Until, Link string
	}{name, c.CommissionerName, c.Title, LongTime(a.WindowEndsAt, lang), fmt.Sprintf("%s/contracts/%d", baseURL, c.ID)})
}
