package lightbulb

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Co-production (docs/coproduction.md): lived experience experts control
// their own profile; an organisation's co-production lead invites them to
// involvements, records their time and pay, and follows up their wellbeing.

// The answers an access need can have. NeedPreferNot is "prefer not to say".
const (
	NeedYes       = "yes"
	NeedNo        = "no"
	NeedPreferNot = "prefer_not"
)

// NeedAnswers lists the answers to a yes-or-no access need.
var NeedAnswers = []string{NeedYes, NeedNo, NeedPreferNot}

// ExpertFormats are the formats an expert can ask papers in.
var ExpertFormats = []string{"standard", "large_print", "audio", "braille", NeedPreferNot}

// CoprodTopics are the topics an involvement can touch and an expert can
// opt out of, never saying why.
var CoprodTopics = []string{"restraint", "seclusion", "detention", "self_harm", "abuse", "bereavement", "children"}

// The ways an expert can be paid for their time.
const (
	PayFull     = "paid"
	PayReduced  = "reduced"
	PayCharity  = "charity"
	PayVouchers = "vouchers"
	PayNone     = "none"
)

// ExpertGroups are the groups an expert may choose to share about
// themselves, used only in counts of who is involved.
var ExpertGroups = []string{"disabled", "learning_disability", "autistic", "mental_health", "carer", "young_person",
	"older_person", "ethnic_minority", "lgbtq", "welsh_speaker", "bsl_user"}

// GroupCountsHidden is the smallest count shown: fewer could identify
// someone.
const GroupCountsHidden = 5

// PayPrefs lists the payment preferences in display order.
var PayPrefs = []string{PayFull, PayReduced, PayCharity, PayVouchers, PayNone}

// CapPeriods are the periods an expert's own earnings cap can cover.
var CapPeriods = []string{"week", "month"}

// MaxCapPence is the largest cap an expert can set (£100,000).
const MaxCapPence = 10_000_000

// ExpertProfile is what a lived experience expert tells one organisation
// about themselves. It is theirs to change; access needs and payment
// details are seen only by those arranging or paying.
type ExpertProfile struct {
	UserID        int64
	Email         string // the account's address, for reference
	Lang          string
	Known         bool // the expert has saved their profile at least once
	PreferredName string
	Phone         string
	ContactBy     string // "email" or "phone"
	// Access needs; each may be "prefer not to say".
	Format              string
	Breaks              string
	Captions            string
	EasyRead            string
	AvoidTimes          string
	AvoidTimesPreferNot bool
	// Consents, each off until the expert turns it on; any can be turned off.
	CreditByName  bool
	QuoteInternal bool
	QuotePublic   bool // only after seeing the exact words
	Recording     bool
	// Opt-outs: pause everything, or topics.
	Paused       bool
	OptOutTopics []string
	// Payment.
	PayPref      string
	ReducedPence int64 // the lower amount per involvement, for PayReduced
	Charity      string
	CapPence     int64 // the expert's own cap on earnings; 0 for none
	CapPeriod    string
	PublicSector bool     // paid only for work outside their job, in their own time
	Groups       []string // groups they choose to share, for counts only
	UpdatedAt    time.Time
}

// Name is how to address the expert: their preferred name, or the account's.
func (p *ExpertProfile) Name(account string) string {
	if p.PreferredName != "" {
		return p.PreferredName
	}
	return account
}

// OptedOut reports whether the expert has paused everything or opted out of
// any of topics.
func (p *ExpertProfile) OptedOut(topics []string) bool {
	if p.Paused {
		return true
	}
	for _, t := range topics {
		if slices.Contains(p.OptOutTopics, t) {
			return true
		}
	}
	return false
}

// Paid reports whether the expert takes money (to themselves, a charity or
// as vouchers) for their time.
func (p *ExpertProfile) Paid() bool { return p.PayPref != PayNone && p.PayPref != "" }

// Validate checks a profile before it is saved.
func (p *ExpertProfile) Validate() error {
	var v ValidationErrors
	p.PreferredName = strings.TrimSpace(p.PreferredName)
	p.Phone = strings.TrimSpace(p.Phone)
	p.Charity = strings.TrimSpace(p.Charity)
	p.AvoidTimes = strings.TrimSpace(p.AvoidTimes)
	switch {
	case p.PreferredName == "":
		v.Add("preferred_name", "Enter the name you would like us to use")
	case len([]rune(p.PreferredName)) > 100:
		v.Add("preferred_name", "Your preferred name must be 100 characters or fewer")
	}
	if len([]rune(p.Phone)) > 30 {
		v.Add("phone", "Your phone number must be 30 characters or fewer")
	}
	if p.ContactBy == "phone" && p.Phone == "" {
		v.Add("phone", "Enter a phone number, or choose to be contacted by email")
	}
	if len([]rune(p.AvoidTimes)) > 500 {
		v.Add("avoid_times", "Times to avoid must be 500 characters or fewer")
	}
	if p.AvoidTimesPreferNot {
		p.AvoidTimes = ""
	}
	if !slices.Contains(PayPrefs, p.PayPref) {
		v.Add("pay_pref", "Choose how you would like to be paid")
	}
	if p.PayPref == PayReduced && p.ReducedPence <= 0 {
		v.Add("reduced", "Enter the lower amount you would like for each involvement")
	}
	if p.PayPref == PayCharity && p.Charity == "" {
		v.Add("charity", "Enter the charity you would like your fee paid to")
	}
	if p.CapPence > 0 && !slices.Contains(CapPeriods, p.CapPeriod) {
		v.Add("cap_period", "Choose whether your cap is for a week or a month")
	}
	if p.CapPence == 0 {
		p.CapPeriod = ""
	}
	slices.Sort(p.OptOutTopics)
	slices.Sort(p.Groups)
	return v.Err()
}

// Pounds shows an amount of pence as "£1,234.50".
func Pounds(pence int64) string {
	sign := ""
	if pence < 0 {
		sign, pence = "-", -pence
	}
	whole := strconv.FormatInt(pence/100, 10)
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	return fmt.Sprintf("%s£%s.%02d", sign, whole, pence%100)
}

// ParsePounds reads an amount typed as pounds ("12", "12.5", "£1,012.50")
// into pence; anything else, or more than two decimal places, is refused.
func ParsePounds(s string) (int64, bool) {
	s = strings.ReplaceAll(strings.TrimPrefix(strings.TrimSpace(s), "£"), ",", "")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" && frac == "" || len(frac) > 2 || strings.HasPrefix(whole, "-") || strings.HasPrefix(whole, "+") {
		return 0, false
	}
	if whole == "" {
		whole = "0"
	}
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || w > 1_000_000_000 {
		return 0, false
	}
	f := int64(0)
	if frac != "" {
		f, err = strconv.ParseInt((frac + "0")[:2], 10, 64)
		if err != nil || strings.ContainsAny(frac, "+-") {
			return 0, false
		}
	}
	return w*100 + f, true
}
