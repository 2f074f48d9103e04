package lightbulb

import (
	"fmt"
	"slices"
	"time"
)

// Recurring returns: a commissioner sets how often a contract's returns are
// due and when the first is; each return is a period the job queue opens
// ReturnOpenDays before it is due, emailing the provider's leads, reminds
// them ReturnReminderDays before, and once more the day after it is missed.

// JobCommissioningReturns opens, reminds and chases scheduled returns daily.
const JobCommissioningReturns = "commissioning.returns"

const (
	ReturnOpenDays     = 28 // a return opens four weeks before it is due
	ReturnReminderDays = 7  // and its provider is reminded a week before
	// ReturnChaseDays is how long after a missed date the provider is still
	// told it is overdue; older missed returns are shown, not emailed.
	ReturnChaseDays = 28
)

// The states of a scheduled return, for its label.
const (
	PeriodUpcoming = "upcoming" // not open yet
	PeriodOpen     = "open"     // open and not yet due
	PeriodOverdue  = "overdue"  // due and not returned
	PeriodOnTime   = "on_time"  // returned by the day it was due
	PeriodLate     = "late"     // returned after it was due
)

// ReturnSchedule is how often a contract's returns are due (one of
// MeasureFrequencies) and the day the first one is due.
type ReturnSchedule struct {
	Frequency string
	FirstDue  Date
}

// Set reports whether the contract has a schedule.
func (s ReturnSchedule) Set() bool { return s.Frequency != "" }

// FrequencyMonths is how many months a return of frequency f covers.
func FrequencyMonths(f string) int {
	return map[string]int{"monthly": 1, "quarterly": 3, "six_monthly": 6, "yearly": 12}[f]
}

// Validate checks the schedule against the contract's term: the first
// return must be due after the contract starts and by the day it ends.
func (s ReturnSchedule) Validate(c *Contract) error {
	var v ValidationErrors
	if !slices.Contains(MeasureFrequencies, s.Frequency) {
		v.Add("frequency", "Choose how often returns are due")
	}
	switch {
	case s.FirstDue.IsZero():
		v.Add("first_due", "Enter when the first return is due")
	case !c.StartsOn.Before(s.FirstDue):
		v.Add("first_due", "The first return must be due after the contract starts")
	case c.EndsOn.Before(s.FirstDue):
		v.Add("first_due", "The first return must be due by the day the contract ends")
	}
	return v.Err()
}

// Periods lists the returns the schedule asks for over the contract's term:
// each covers the months before the month it is due in, and the last is the
// first whose months reach the contract's end.
func (s ReturnSchedule) Periods(c *Contract) []*ReturnPeriod {
	n := FrequencyMonths(s.Frequency)
	if n == 0 || s.FirstDue.IsZero() {
		return nil
	}
	var out []*ReturnPeriod
	for i := 0; i < 200; i++ {
		due := s.FirstDue.AddMonths(i * n)
		first := Date{due.Year, due.Month, 1}
		p := &ReturnPeriod{DueOn: due, CoversFrom: first.AddMonths(-n), CoversTo: first.addDays(-1)}
		if c.EndsOn.Before(p.CoversFrom) {
			break
		}
		out = append(out, p)
	}
	return out
}

// AddMonths is the same day n months later (or earlier), or the last day of
// that month when it is shorter: 31 January and one month is 28 February.
func (d Date) AddMonths(n int) Date {
	first := time.Date(d.Year, d.Month, 1, 0, 0, 0, 0, time.UTC).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	return Date{first.Year(), first.Month(), min(d.Day, last)}
}

func (d Date) addDays(n int) Date { return DateOf(d.In(London).AddDate(0, 0, n)) }

// ReturnPeriod is one scheduled return of a contract: the months it covers,
// the day it is due, when the job opened it and the return that answered it.
type ReturnPeriod struct {
	ID         int64
	ContractID int64
	CoversFrom Date // the first day of the first month covered
	CoversTo   Date // the last day of the last month covered
	DueOn      Date
	OpenedAt   time.Time
	ReturnID   int64
	ReturnedOn Date
}

// Name is the months the return covers in lang, joined by a dash so the
// Welsh needs no mutation: "April–June 2027", "Ebrill–Mehefin 2027"; a
// single month is "April 2027".
func (p *ReturnPeriod) Name(lang string) string {
	from, to := p.CoversFrom, p.CoversTo
	month := func(d Date) string { return MonthName(lang, d.Month) }
	switch {
	case from.Year == to.Year && from.Month == to.Month:
		return fmt.Sprintf("%s %d", month(from), from.Year)
	case from.Year == to.Year:
		return fmt.Sprintf("%s–%s %d", month(from), month(to), to.Year)
	}
	return fmt.Sprintf("%s %d–%s %d", month(from), from.Year, month(to), to.Year)
}

// State is the period's state on day today (one of the Period* constants).
func (p *ReturnPeriod) State(today Date) string {
	switch {
	case p.ReturnID != 0 && p.DueOn.Before(p.ReturnedOn):
		return PeriodLate
	case p.ReturnID != 0:
		return PeriodOnTime
	case p.DueOn.Before(today):
		return PeriodOverdue
	case p.OpenedAt.IsZero():
		return PeriodUpcoming
	}
	return PeriodOpen
}

// Answerable reports whether the provider may send this return now: the job
// has opened it and nobody has answered it.
func (p *ReturnPeriod) Answerable() bool { return !p.OpenedAt.IsZero() && p.ReturnID == 0 }

// ReturnOpenMail tells a provider's lead, in their language, that a
// scheduled return on a contract is open and when it is due.
func ReturnOpenMail(to, name, lang string, c *Contract, p *ReturnPeriod, baseURL string) *Mail {
	return returnMail("commissioning_return_open", to, name, lang, c, p, baseURL)
}

// ReturnReminderMail reminds a provider's lead that a scheduled return is
// due soon or, once the day has passed, overdue.
func ReturnReminderMail(to, name, lang string, c *Contract, p *ReturnPeriod, baseURL string) *Mail {
	return returnMail("commissioning_return_reminder", to, name, lang, c, p, baseURL)
}

func returnMail(kind, to, name, lang string, c *Contract, p *ReturnPeriod, baseURL string) *Mail {
	return letter(kind, lang, to, struct {
		Name, Commissioner, Contract, Period, Due, Link string
		Overdue                                         bool
	}{name, c.CommissionerName, c.Title, p.Name(MailLang(lang)), LongDate(p.DueOn.Time(), lang),
		fmt.Sprintf("%s/contracts/%d", baseURL, c.ID), p.DueOn.Before(DateOf(Now()))})
}

// ReturnName is the period a return covers in lang: its scheduled months,
// or the words the provider typed for a return outside a schedule.
func (c *Contract) ReturnName(r *Return, lang string) string {
	for _, p := range c.Periods {
		if r.PeriodID != 0 && p.ID == r.PeriodID {
			return p.Name(lang)
		}
	}
	return r.Period
}

// NextDue is the soonest scheduled return not yet sent that is due today or
// later, or nil.
func (c *Contract) NextDue(today Date) *ReturnPeriod {
	for _, p := range c.Periods {
		if p.ReturnID == 0 && !p.DueOn.Before(today) {
			return p
		}
	}
	return nil
}

// Trend is requirement cr's ratings in the provider's last n returns that
// answered it, oldest first.
func (c *Contract) Trend(cr *ContractRequirement, n int) []Rating {
	var out []Rating
	for _, r := range c.Returns { // newest first
		for _, a := range r.Answers {
			if a.ContractRequirementID == cr.ID && len(out) < n {
				out = append([]Rating{a.Rating}, out...)
			}
		}
	}
	return out
}

// EvidenceDays is how many days old the evidence of an answer is on day
// today: from the attached review's submission when it is older than the
// answer.
func (a *Answer) EvidenceDays(today Date) int {
	at := a.SubmittedAt
	if !a.FigureAt.IsZero() && a.FigureAt.Before(at) {
		at = a.FigureAt
	}
	return int(today.In(London).Sub(DateOf(at).In(London)).Hours()+12) / 24
}
