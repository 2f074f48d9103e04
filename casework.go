package lightbulb

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"time"
)

// CaseType is the kind of a case.
type CaseType string

// The kinds of case.
const (
	CaseComplaint    CaseType = "complaint"
	CasePALS         CaseType = "pals"
	CaseIncident     CaseType = "incident"
	CaseSafeguarding CaseType = "safeguarding"
)

// CaseTypes lists every kind of case in display order.
var CaseTypes = []CaseType{CaseComplaint, CasePALS, CaseIncident, CaseSafeguarding}

// CaseHarms lists the levels of harm of an incident, least first.
var CaseHarms = []string{"none", "low", "moderate", "severe", "death"}

// CaseStatuses lists where a case can be: open or closed.
var CaseStatuses = []string{"open", "closed"}

// CaseFreda lists the FREDA principles a reviewer can record.
var CaseFreda = []string{"fairness", "respect", "equality", "dignity", "autonomy"}

// Case is a complaint, PALS concern, incident or safeguarding concern. The
// person it is about appears only as a pseudonymous reference.
type Case struct {
	ID          int64
	OrgID       int64
	Type        CaseType
	SourceRef   string // the reference in the source system, unique in the organisation
	Received    string // YYYY-MM-DD
	ServiceID   int64
	ServiceName string
	Summary     string
	Harm        string // incidents only
	Status      string
	PersonRef   string
	// Reviewed is true once a person has reviewed it through the rights lens.
	Reviewed bool
	Freda    []string
	Notes    string
	Rights   []CaseRight
	// ReviewedBy names who last reviewed it.
	ReviewedBy string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// CaseRight is a right on a case: suggested by the tagger or added by a
// reviewer, and a reviewer's verdict on it.
type CaseRight struct {
	Code string
	// Suggested is true when the tagger put it forward; Score and Because
	// say how strongly and why, and Strength says it in words a reviewer
	// reads: "strong" or "possible" ("" for suggestions stored before
	// strengths were kept).
	Suggested bool
	Score     float64
	Strength  string
	Because   []string
	// Verdict is "" (not yet reviewed), "confirmed" or "rejected".
	Verdict string
}

// Confirmed lists the codes of the rights a reviewer confirmed.
func (c *Case) Confirmed() []string {
	var out []string
	for _, r := range c.Rights {
		if r.Verdict == "confirmed" {
			out = append(out, r.Code)
		}
	}
	return out
}

// CaseReview is what a reviewer records: a verdict per suggested right,
// rights added, FREDA principles and notes.
type CaseReview struct {
	Verdicts map[string]string // code -> confirmed or rejected
	Added    []string
	Freda    []string
	Notes    string
}

// caseNameRE finds what looks like a person's name after a title.
var caseNameRE = regexp.MustCompile(`\b(Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z][a-z]+`)

// CaseLooksLikeName reports whether s appears to hold a person's name: a
// title followed by a capitalised word ("Mrs Smith"). It is a guard against
// the obvious, not a promise that a text is anonymous.
func CaseLooksLikeName(s string) bool { return caseNameRE.MatchString(s) }

// Validate checks a case before it is stored and trims its text.
func (c *Case) Validate() error {
	var v ValidationErrors
	c.SourceRef, c.Summary, c.PersonRef = strings.TrimSpace(c.SourceRef), strings.TrimSpace(c.Summary), strings.TrimSpace(c.PersonRef)
	if !slices.Contains(CaseTypes, c.Type) {
		v.Add("type", "Select the type of case")
	}
	if c.SourceRef == "" {
		v.Add("source_ref", "Enter the reference in the system the case came from")
	} else if len(c.SourceRef) > 64 {
		v.Add("source_ref", "The reference must be 64 characters or fewer")
	}
	if _, err := time.Parse(time.DateOnly, c.Received); err != nil {
		v.Add("received", "Enter the date the case was received, for example 27 3 2026")
	}
	if c.ServiceID == 0 {
		v.Add("service", "Select the ward, team or home")
	}
	if c.Summary == "" {
		v.Add("summary", "Enter a summary of what happened")
	} else if len(c.Summary) > 10000 {
		v.Add("summary", "The summary must be 10,000 characters or fewer")
	} else if CaseLooksLikeName(c.Summary) {
		v.Add("summary", "Remove the name from the summary: refer to the person by their reference")
	} else if msg := ContactMessage("summary", c.Summary); msg != "" {
		v.Add("summary", msg)
	}
	if c.Type == CaseIncident && !slices.Contains(CaseHarms, c.Harm) {
		v.Add("harm", "Select the level of harm")
	}
	if c.Type != CaseIncident {
		c.Harm = ""
	}
	if c.Status == "" {
		c.Status = "open"
	}
	if !slices.Contains(CaseStatuses, c.Status) {
		v.Add("status", "Select the status")
	}
	if len(c.PersonRef) > 40 {
		v.Add("person_ref", "The reference must be 40 characters or fewer")
	} else if strings.Contains(c.PersonRef, " ") && CaseLooksLikeName(c.PersonRef) || caseLooksLikeFullName(c.PersonRef) {
		v.Add("person_ref", "Enter a reference, not the person’s name")
	} else if ContactIn(c.PersonRef) != "" {
		v.Add("person_ref", "Enter a reference, not the person’s NHS number, phone number or email address")
	}
	return v.Err()
}

// ContactMessage is what a person is told when text they typed in a case's
// summary or review notes (field) holds a contact detail: the import removes
// these, and manual entry refuses them so that nothing is changed behind the
// person's back and what they typed is kept for them to correct.
func ContactMessage(field, s string) string {
	return contactMessages[field+"/"+ContactIn(s)]
}

var contactMessages = map[string]string{
	"summary/" + ContactEmail: "Remove the email address from the summary: refer to the person by their reference",
	"summary/" + ContactNHS:   "Remove the NHS number from the summary: refer to the person by their reference",
	"summary/" + ContactPhone: "Remove the phone number from the summary: refer to the person by their reference",
	"notes/" + ContactEmail:   "Remove the email address from the notes: refer to the person by their reference",
	"notes/" + ContactNHS:     "Remove the NHS number from the notes: refer to the person by their reference",
	"notes/" + ContactPhone:   "Remove the phone number from the notes: refer to the person by their reference",
}

// caseLooksLikeFullName reports whether a reference is two or more
// capitalised words of letters only, such as "John Smith".
func caseLooksLikeFullName(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' || strings.ToLower(w[1:]) != w[1:] || strings.ContainsAny(w, "0123456789-/") {
			return false
		}
	}
	return true
}

// CaseFilter narrows the case list. Empty fields match everything. After is
// the keyset cursor of the page before ("received|id").
type CaseFilter struct {
	Type      CaseType
	ServiceID int64
	Status    string
	Right     string
	Reviewed  string // "yes", "no" or ""
	From, To  string // YYYY-MM-DD, inclusive
	After     string
	Limit     int
}

// CasePage is one page of cases and the cursor of the next, if any.
type CasePage struct {
	Cases []*Case
	Next  string
}

// CaseCount is one cell of an indicator: a key (a right, a month, a
// service...) and how many cases.
type CaseCount struct {
	Key   string
	Month string
	N     int
}

// CaseIndicators are the counts behind the indicators page.
type CaseIndicators struct {
	Total, Reviewed int
	ByRightMonth    []CaseCount // Key is a right's code
	ByServiceType   []CaseCount // Key is service name, Month holds the type
	ByHarm          []CaseCount
	TopRights       []CaseCount
}

// ReviewedShare is the percentage of cases reviewed through the rights lens.
func (ci *CaseIndicators) ReviewedShare() int {
	if ci.Total == 0 {
		return 0
	}
	return ci.Reviewed * 100 / ci.Total
}

// CaseImportResult says what an import did.
type CaseImportResult struct {
	Created, Updated int
}

// CaseService stores the cases of the organisation in ctx.
type CaseService interface {
	// CreateCase stores a new case with the tagger's suggestions.
	CreateCase(ctx context.Context, c *Case) error
	// FindCases lists a page of cases, newest received first; each case
	// carries what a list shows, without its rights, FREDA, notes, reviewer
	// or times (FindCase has those).
	FindCases(ctx context.Context, f CaseFilter) (*CasePage, error)
	FindCase(ctx context.Context, id int64) (*Case, error)
	// SetCaseStatus opens or closes a case.
	SetCaseStatus(ctx context.Context, id int64, status string) error
	// ReviewCase records a reviewer's verdicts, added rights, FREDA and notes.
	ReviewCase(ctx context.Context, id int64, rv CaseReview) (*Case, error)
	// ImportCases inserts or updates cases keyed on their source reference,
	// in one transaction; suggest computes suggestions when true.
	ImportCases(ctx context.Context, cs []*Case, suggest bool) (CaseImportResult, error)
	CaseIndicators(ctx context.Context, f CaseFilter) (*CaseIndicators, error)
	// PutCaseUpload keeps an uploaded file between the import steps.
	PutCaseUpload(ctx context.Context, name string, body []byte) (token string, err error)
	CaseUpload(ctx context.Context, token string) (name string, body []byte, err error)
	// SaveCaseMapping keeps a mapping of fields to column headings by name.
	SaveCaseMapping(ctx context.Context, name string, m map[string]string) error
	CaseMappings(ctx context.Context) (map[string]map[string]string, error)
	// StartCaseImport queues the import of a checked upload as a job, with
	// the options it was checked with. ECONFLICT when this upload, or any
	// other of the organisation's, is already queued or running.
	StartCaseImport(ctx context.Context, token string, total int, opts CaseImportOptions) error
	// SetCaseImport records an import's progress or end.
	SetCaseImport(ctx context.Context, token string, st CaseUploadState) error
	CaseImportState(ctx context.Context, token string) (CaseUploadState, error)
	CaseAssessmentService
}

// CaseImportOptions are what a browser import was checked with; the job
// that stores the file reads them back, on whichever process runs it.
type CaseImportOptions struct {
	Mapping map[string]string `json:"mapping"`
	Redact  bool              `json:"redact"`
	Suggest bool              `json:"suggest"`
	// ByID and ByName say who started it, for the audit log.
	ByID   int64  `json:"by_id"`
	ByName string `json:"by_name"`
}

// CaseUploadState is how far an import started in the browser has got.
type CaseUploadState struct {
	State       string // "", "queued", "running", "done" or "failed"
	Options     CaseImportOptions
	Done, Total int
	// Created and Updated say what a finished import did; Message why one failed.
	Created, Updated int
	Message          string
}

// Percent is how much of the import is done.
func (s CaseUploadState) Percent() int {
	if s.Total == 0 {
		return 0
	}
	return s.Done * 100 / s.Total
}

// HasRight reports whether a right is already on the case.
func (c *Case) HasRight(code string) bool {
	for _, r := range c.Rights {
		if r.Code == code {
			return true
		}
	}
	return false
}
