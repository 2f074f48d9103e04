package lightbulb

import (
	"sort"
	"time"
)

// WorkingDays counts the weekdays after from's day up to and including
// to's day, in Europe/London. Bank holidays count as working days.
func WorkingDays(from, to time.Time) int {
	a, b := DateOf(from).Time(), DateOf(to).Time()
	n := 0
	for d := a.AddDate(0, 0, 1); !d.After(b); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

// DaysToPay is how many working days the claim took to pay, or has been
// waiting so far.
func (c *Claim) DaysToPay(now time.Time) int {
	if c.PaidOn != "" {
		if d, err := ParseDate(c.PaidOn); err == nil {
			return WorkingDays(c.CreatedAt, d.In(London))
		}
	}
	return WorkingDays(c.CreatedAt, now)
}

// Late reports whether the claim took, or is taking, longer than target
// working days (the organisation's own target) to pay.
func (c *Claim) Late(now time.Time, target int) bool { return c.DaysToPay(now) > target }

// CoprodMonth is one month's co-production in figures.
type CoprodMonth struct {
	Month      string // YYYY-MM
	Minutes    int    // time claimed
	SpendPence int64  // fees and expenses claimed
	Paid       int    // claims paid
	PaidOnTime int    // of those, within the target
	FollowUps  int    // check-ins due in the month
	OnTime     int    // of those, done by their due time
}

// CoprodIndicators are the figures for a lead and the board report: hours
// paid within the target and check-ins done within 48 hours.
type CoprodIndicators struct {
	Months                []CoprodMonth
	Paid, PaidOnTime      int
	FollowUps, FollowedUp int
}

// PercentPaidOnTime is the share of paid claims paid within the target, or
// -1 when none were paid.
func (x *CoprodIndicators) PercentPaidOnTime() int { return percent(x.PaidOnTime, x.Paid) }

// PercentFollowedUp is the share of check-ins due that were done within 48
// hours of the end, or -1 when none were due.
func (x *CoprodIndicators) PercentFollowedUp() int { return percent(x.FollowedUp, x.FollowUps) }

func percent(n, of int) int {
	if of == 0 {
		return -1
	}
	return (200*n + of) / (2 * of)
}

// CountCoprod works out the indicators from claims (by the month they were
// made, paid within target working days) and check-ins (by the month they
// fell due, if due by now).
func CountCoprod(claims []*Claim, followUps []*FollowUp, now time.Time, target int) *CoprodIndicators {
	months := map[string]*CoprodMonth{}
	month := func(t time.Time) *CoprodMonth {
		k := t.In(London).Format("2006-01")
		if months[k] == nil {
			months[k] = &CoprodMonth{Month: k}
		}
		return months[k]
	}
	x := &CoprodIndicators{}
	for _, c := range claims {
		m := month(c.CreatedAt)
		m.Minutes += c.Minutes
		m.SpendPence += c.TotalPence()
		if c.State == ClaimPaid {
			m.Paid++
			x.Paid++
			if !c.Late(now, target) {
				m.PaidOnTime++
				x.PaidOnTime++
			}
		}
	}
	for _, f := range followUps {
		if f.DueAt.After(now) && !f.Done() {
			continue
		}
		m := month(f.DueAt)
		m.FollowUps++
		x.FollowUps++
		if f.Done() && !f.DoneAt.After(f.DueAt) {
			m.OnTime++
			x.FollowedUp++
		}
	}
	for _, m := range months {
		x.Months = append(x.Months, *m)
	}
	sort.Slice(x.Months, func(i, j int) bool { return x.Months[i].Month < x.Months[j].Month })
	return x
}

// GroupCount is how many people involved belong to a group they chose to
// share; Hidden when fewer than GroupCountsHidden, so nobody is singled out.
type GroupCount struct {
	Group  string
	Count  int
	Hidden bool
}

// InvolvedGroups counts the people involved in a period by the groups they
// chose to share.
type InvolvedGroups struct {
	People  int // experts who took part
	Sharing int // of those, how many shared any group
	Groups  []GroupCount
}

// CountGroups counts experts by the groups they share, in ExpertGroups
// order, hiding counts under GroupCountsHidden.
func CountGroups(experts []*ExpertProfile) *InvolvedGroups {
	x := &InvolvedGroups{People: len(experts)}
	n := map[string]int{}
	for _, p := range experts {
		if len(p.Groups) > 0 {
			x.Sharing++
		}
		for _, g := range p.Groups {
			n[g]++
		}
	}
	for _, g := range ExpertGroups {
		c := GroupCount{Group: g, Count: n[g]}
		if c.Count > 0 && c.Count < GroupCountsHidden {
			c.Count, c.Hidden = 0, true
		}
		x.Groups = append(x.Groups, c)
	}
	return x
}
