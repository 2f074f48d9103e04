package lightbulb

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Jobs co-production queues. JobCoprodEnded runs when an involvement ends
// (payload: its id) and opens a wellbeing follow-up for each expert who
// took part; JobCoprodFollowUpDue runs when a follow-up falls due (payload:
// "id:stage") and reminds the supporter, then the lead.
const (
	JobCoprodEnded       = "coproduction.ended"
	JobCoprodFollowUpDue = "coproduction.followup_due"
)

// FollowUpWithin is how soon after an involvement its follow-ups are due.
const FollowUpWithin = 48 * time.Hour

// The levels of involvement, each with its own rate.
var CoprodLevels = []string{"standard", "enhanced", "chairing"}

// CoprodActivities are the kinds of work an involvement can be.
var CoprodActivities = []string{"workshop", "guide", "easy_read", "translation", "training", "review", "panel"}

// States of an invitation to an involvement.
const (
	InviteInvited  = "invited"
	InviteAccepted = "accepted"
	InviteDeclined = "declined"
	// InviteInterested: the expert asked to take part in an open
	// involvement; the lead has not yet offered them a place.
	InviteInterested = "interested"
)

// Limits on what one claim can hold.
const (
	MaxClaimMinutes = 16 * 60    // one involvement, preparation and follow-up
	MaxExpensePence = 50_000     // £500 of expenses on one claim
	MaxRatePence    = 100_000    // £1,000 an hour, half day or day
	MaxReducedPence = 10_000_000 // a lower amount, per involvement
)

// Involvement is a piece of co-production work: a session an organisation
// invites lived experience experts to, paid for its preparation and
// follow-up time as well as the session itself.
type Involvement struct {
	ID            int64
	Title         string
	Activity      string
	Level         string
	StartsAt      time.Time
	Minutes       int // the session itself
	PrepMinutes   int
	FollowMinutes int
	Place         string // a place or a link
	Topics        []string
	Access        string // access arrangements
	SupporterID   int64  // who follows up wellbeing afterwards
	SupporterName string
	LeadID        int64
	LeadName      string
	CreatedAt     time.Time
	Invites       []*Invite
	// NeedsCheck is a kind of check (CheckKinds) every expert must hold on
	// the day, or "" for none.
	NeedsCheck string
	// Open: experts may ask to take part, and the lead offers them a place.
	Open bool
	// A link, never a copy: the training session the experts facilitate,
	// or the Traffic Light review they contribute to, if any.
	TrainingSessionID int64
	ReviewID          int64
	LinkTitle         string // the session's course or the review's title
	// CheckStates is each invited expert's NeedsCheck state on the day.
	CheckStates map[int64]string
}

// EndsAt is when the session ends.
func (i *Involvement) EndsAt() time.Time {
	return i.StartsAt.Add(time.Duration(i.Minutes) * time.Minute)
}

// PaidMinutes is the session with its preparation and follow-up time.
func (i *Involvement) PaidMinutes() int { return i.Minutes + i.PrepMinutes + i.FollowMinutes }

// Validate checks an involvement before it is posted.
func (i *Involvement) Validate() error {
	var v ValidationErrors
	i.Title, i.Place, i.Access = strings.TrimSpace(i.Title), strings.TrimSpace(i.Place), strings.TrimSpace(i.Access)
	switch {
	case i.Title == "":
		v.Add("title", "Enter what the involvement is")
	case len([]rune(i.Title)) > 200:
		v.Add("title", "The title must be 200 characters or fewer")
	}
	if !slices.Contains(CoprodActivities, i.Activity) {
		v.Add("activity", "Choose the kind of activity")
	}
	if !slices.Contains(CoprodLevels, i.Level) {
		v.Add("level", "Choose the level of involvement")
	}
	if i.StartsAt.IsZero() {
		v.Add("date", "Enter the day of the session")
	}
	if i.Minutes <= 0 {
		v.Add("hours", "Enter how long the session lasts")
	}
	if i.PaidMinutes() > MaxClaimMinutes {
		v.Add("hours", "The session, preparation and follow-up together must be 16 hours or less")
	}
	if i.Place == "" {
		v.Add("place", "Enter the place or the link")
	}
	if i.SupporterID == 0 {
		v.Add("supporter", "Choose who will follow up with experts afterwards")
	}
	if i.NeedsCheck != "" && !slices.Contains(CheckKinds, i.NeedsCheck) {
		v.Add("needs_check", "Choose a check from the list, or none")
	}
	return v.Err()
}

// Invite is one expert's invitation to an involvement and their answer.
type Invite struct {
	ID            int64
	InvolvementID int64
	ExpertID      int64
	ExpertName    string
	State         string
	OfferPence    int64 // the fee offered, per the expert's preference
	RespondedAt   time.Time
	CreditByName  bool         // the expert agrees to be credited by name
	Involvement   *Involvement // filled in on the expert's own page
	Claim         *Claim       // the claim for it, once recorded
}

// Claim is the time and expenses an expert claims for one involvement.
type Claim struct {
	ID            int64
	InvolvementID int64
	ExpertID      int64
	ExpertName    string
	Title         string
	Minutes       int
	RatePence     int64  // from the rate in force on the day
	RateUnit      string // what RatePence is for: RateUnits
	FeePence      int64  // after the expert's preference
	ExpensesPence int64
	ExpensesNote  string
	PayPref       string
	PayTo         string // a charity, when the fee goes to one
	State         string // submitted, approved or paid
	RecordedBy    int64
	ApprovedBy    int64
	ApproverName  string
	ApprovedAt    time.Time
	SecondBy      int64 // the second approver, above the organisation's amount
	SecondName    string
	PaidOn        string // YYYY-MM-DD
	CreatedAt     time.Time
	Receipt       *Receipt // a receipt to keep with a new claim
	ReceiptID     int64    // the receipt kept, if any
}

// Receipts for expenses: a photo or PDF up to MaxReceiptBytes.
const MaxReceiptBytes = 10 << 20

// ReceiptTypes are the kinds of file a receipt can be.
var ReceiptTypes = []string{"image/jpeg", "image/png", "application/pdf"}

// Receipt is a file kept with a claim as evidence of an expense.
type Receipt struct {
	ID   int64
	Name string
	Type string // as the file's first bytes show, never as the browser says
	Data []byte
}

// Claim states. A claim above the organisation's amount is approved once,
// then by a second person.
const (
	ClaimSubmitted    = "submitted"
	ClaimApprovedOnce = "approved_once"
	ClaimApproved     = "approved"
	ClaimPaid         = "paid"
)

// CoprodSettings are an organisation's choices for co-production.
type CoprodSettings struct {
	// SecondAbovePence: claims with a total above it need a second
	// approver; 0 for never.
	SecondAbovePence int64
	// PayTargetDays: claims should be paid within this many working days.
	PayTargetDays int
	// RenewalDays: for this many days after a check ends its renewal is
	// awaited, and the expert is not shown as lapsed.
	RenewalDays int
}

// DefaultCoprodSettings are an organisation's settings until it saves its own.
func DefaultCoprodSettings() *CoprodSettings {
	return &CoprodSettings{PayTargetDays: DefaultPayTargetDays, RenewalDays: DefaultRenewalDays}
}

// Validate checks the settings before they are saved.
func (s *CoprodSettings) Validate() error {
	var v ValidationErrors
	if s.SecondAbovePence < 0 || s.SecondAbovePence > MaxCapPence {
		v.Add("second_above", "Enter an amount from £0 to £100,000, or leave it blank for no second approver")
	}
	if s.PayTargetDays < 1 || s.PayTargetDays > MaxPayTargetDays {
		v.Add("pay_target", "Enter a payment target from 1 to 120 working days")
	}
	if s.RenewalDays < 0 || s.RenewalDays > MaxRenewalDays {
		v.Add("renewal_days", "Enter a renewal window from 0 to 180 days")
	}
	return v.Err()
}

// TotalPence is the fee with expenses.
func (c *Claim) TotalPence() int64 { return c.FeePence + c.ExpensesPence }

// Validate checks the time and expenses claimed.
func (c *Claim) Validate() error {
	var v ValidationErrors
	c.ExpensesNote = strings.TrimSpace(c.ExpensesNote)
	if c.Minutes <= 0 {
		v.Add("hours", "Enter the time you spent")
	} else if c.Minutes > MaxClaimMinutes {
		v.Add("hours", "The time must be 16 hours or less for one involvement")
	}
	if c.ExpensesPence < 0 || c.ExpensesPence > MaxExpensePence {
		v.Add("expenses", "Expenses must be £500 or less on one claim")
	}
	if c.ExpensesPence > 0 && c.ExpensesNote == "" {
		v.Add("expenses_note", "Say what the expenses were for, such as a bus fare")
	}
	if len([]rune(c.ExpensesNote)) > 500 {
		v.Add("expenses_note", "What the expenses were for must be 500 characters or fewer")
	}
	if r := c.Receipt; r != nil {
		switch {
		case len(r.Data) > MaxReceiptBytes:
			v.Add("receipt", "The receipt must be 10 MB or smaller")
		case !slices.Contains(ReceiptTypes, r.Type):
			v.Add("receipt", "The receipt must be a photo (JPEG or PNG) or a PDF")
		}
	}
	return v.Err()
}

// The units a rate can be for. A half day is up to HalfDayMinutes; longer
// work is paid by the half day started, and a day rate pays half a day
// for each half day started.
const (
	RateHour    = "hour"
	RateHalfDay = "half_day"
	RateDay     = "day"
)

// RateUnits lists the units in display order.
var RateUnits = []string{RateHour, RateHalfDay, RateDay}

// HalfDayMinutes is the longest a half day lasts.
const HalfDayMinutes = 4 * 60

// FullFee is the fee for minutes at a rate, before the expert's preference:
// by the hour (to the nearest penny), or by each half day started.
func FullFee(r *CoprodRate, minutes int) int64 {
	halves := int64((minutes + HalfDayMinutes - 1) / HalfDayMinutes)
	switch r.Unit {
	case RateHalfDay:
		return r.Pence * halves
	case RateDay:
		return (r.Pence*halves + 1) / 2
	}
	return (r.Pence*int64(minutes) + 30) / 60
}

// Fee is what an expert is owed for minutes at a rate, by their
// preference: the full fee (to them, a charity or as vouchers), no more than
// their lower amount, or nothing.
func Fee(p *ExpertProfile, r *CoprodRate, minutes int) int64 {
	full := FullFee(r, minutes)
	switch p.PayPref {
	case PayNone:
		return 0
	case PayReduced:
		return min(full, p.ReducedPence)
	}
	return full
}

// CoprodRate is what an organisation pays an hour, half day or day at one
// level from a day on. A rise is a new rate with a later start, never an
// edit.
type CoprodRate struct {
	ID       int64
	Level    string
	Pence    int64
	Unit     string // RateUnits; "" is an hour
	StartsOn string // YYYY-MM-DD
}

// FollowUp is a wellbeing check-in with an expert after an involvement, or
// one they asked for.
type FollowUp struct {
	ID            int64
	InvolvementID int64 // 0 when the expert asked
	Title         string
	ExpertID      int64
	ExpertName    string
	SupporterID   int64 // 0: any co-production lead
	SupporterName string
	DueAt         time.Time
	DoneAt        time.Time
	Method        string // call, message, in_person
	Outcome       string // fine, wants_call, signposted, other
	Note          string // the expert can read it
	Requested     bool
}

// Done reports whether the follow-up has happened.
func (f *FollowUp) Done() bool { return !f.DoneAt.IsZero() }

// Overdue reports whether it is past due and not done.
func (f *FollowUp) Overdue(now time.Time) bool { return !f.Done() && now.After(f.DueAt) }

// The ways a follow-up can happen and what came of it.
var (
	FollowUpMethods  = []string{"call", "message", "in_person"}
	FollowUpOutcomes = []string{"fine", "wants_call", "signposted", "other"}
)

// CoprodHome is a co-production lead's overview.
type CoprodHome struct {
	Involvements []*Involvement
	Claims       []*Claim // waiting for approval or payment
	FollowUps    []*FollowUp
}

// ExpertRecords is everything an expert sees on their own page.
type ExpertRecords struct {
	Profile *ExpertProfile
	// Opportunities are open involvements to come that they may ask to
	// join: none touching a topic they opted out of, none while paused.
	Opportunities []*Involvement
	Invites       []*Invite
	Claims        []*Claim
	FollowUps     []*FollowUp
	Checks        []*ExpertCheck // newest first
}

// CoprodService keeps co-production for the organisation in ctx.
type CoprodService interface {
	// Profile returns the expert's profile, blank with everything off
	// until they save it.
	Profile(ctx context.Context, userID int64) (*ExpertProfile, error)
	SaveProfile(ctx context.Context, p *ExpertProfile) error
	// Experts lists the organisation's experts with their profiles.
	Experts(ctx context.Context) ([]*ExpertProfile, error)
	// CreateInvolvement posts an involvement and invites experts, skipping
	// anyone paused or opted out of its topics (their number is returned),
	// and refusing an offer that would pass an expert's own cap.
	CreateInvolvement(ctx context.Context, i *Involvement, experts []int64) (skipped int, err error)
	Involvement(ctx context.Context, id int64) (*Involvement, error)
	Home(ctx context.Context) (*CoprodHome, error)
	// Respond records an expert's answer to their own invitation. Paid
	// work is accepted only once they confirm they have read about
	// payment and benefits (understood).
	Respond(ctx context.Context, inviteID, userID int64, accept, understood bool) error
	// MyRecords is the expert's own page.
	MyRecords(ctx context.Context, userID int64) (*ExpertRecords, error)
	// RecordClaim records time and expenses for an accepted invitation, by
	// the expert or a lead for them.
	RecordClaim(ctx context.Context, inviteID int64, c *Claim) error
	// Receipt returns a receipt and the expert whose claim it belongs to.
	Receipt(ctx context.Context, id int64) (*Receipt, int64, error)
	// ApproveClaim approves a claim, or gives it its second approval.
	ApproveClaim(ctx context.Context, claimID, approverID int64) error
	Settings(ctx context.Context) (*CoprodSettings, error)
	SaveSettings(ctx context.Context, s *CoprodSettings) error
	MarkPaid(ctx context.Context, claimID int64, paidOn Date) error
	// Claims lists claims made from a day up to (not including) another.
	Claims(ctx context.Context, from, to Date) ([]*Claim, error)
	Rates(ctx context.Context) ([]*CoprodRate, error)
	AddRate(ctx context.Context, r *CoprodRate) error
	FollowUp(ctx context.Context, id int64) (*FollowUp, error)
	// InvolvedExperts lists the experts who said yes to an involvement
	// starting from one day up to another, for counts by group.
	InvolvedExperts(ctx context.Context, from, to Date) ([]*ExpertProfile, error)
	// FollowUps lists check-ins due from one day up to another.
	FollowUps(ctx context.Context, from, to Date) ([]*FollowUp, error)
	CompleteFollowUp(ctx context.Context, f *FollowUp) error
	// RequestFollowUp lets an expert ask for a follow-up at any time.
	RequestFollowUp(ctx context.Context, userID int64) error
	// ExpressInterest records that an expert asks to take part in an open
	// involvement to come.
	ExpressInterest(ctx context.Context, involvementID, userID int64) error
	// OfferPlace offers an expert who asked a place, as an invitation,
	// checked like one (their cap, the check it needs).
	OfferPlace(ctx context.Context, inviteID int64) error
	CoprodVoices
	CheckService
	ResourceService
	LinkService
}

// Clock is the session's start as 24-hour "15:04" in Europe/London.
func (i *Involvement) Clock() string { return i.StartsAt.In(London).Format("15:04") }

// Offer is the fee offered, as "£60.00".
func (in *Invite) Offer() string { return Pounds(in.OfferPence) }

// HoursMinutes shows minutes as hours and minutes, "2:30".
func HoursMinutes(minutes int) string { return fmt.Sprintf("%d:%02d", minutes/60, minutes%60) }

// Time is the time claimed as "2:30".
func (c *Claim) Time() string { return HoursMinutes(c.Minutes) }

// Fee, Expenses and Total show the claim's amounts in pounds.
func (c *Claim) Fee() string      { return Pounds(c.FeePence) }
func (c *Claim) Expenses() string { return Pounds(c.ExpensesPence) }
func (c *Claim) Total() string    { return Pounds(c.TotalPence()) }
