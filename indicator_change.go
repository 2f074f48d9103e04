package lightbulb

import (
	"strings"
	"time"
)

// IndicatorChange is a change in the process behind an indicator that a
// lead marked, such as a new way of working that shifted the figures for
// good: the chart's centre line and limits are recalculated from its month
// ("Making Data Count" practice after a sustained shift with a known
// cause), so the new process is judged against itself.
type IndicatorChange struct {
	Indicator string
	Month     string // the first month of the new process, YYYY-MM
	Reason    string // what changed, in the lead's words
	SetBy     string
	SetAt     time.Time
}

// MaxChangeReason is the longest reason a change may give.
const MaxChangeReason = 1000

// Validate checks a change a lead marks: a month that has ended at now and
// a reason. The errors name the field at fault.
func (c *IndicatorChange) Validate(now time.Time) error {
	var v ValidationErrors
	c.Reason = strings.TrimSpace(c.Reason)
	if _, ok := ParseMonth(c.Month); !ok {
		v.Add("change_month", "Enter the month the change began as a year and month, for example 2026-01")
	} else if c.Month > LastEndedMonth(now) {
		v.Add("change_month", "Choose a month that has ended")
	}
	switch {
	case c.Reason == "":
		v.Add("reason", "Say what changed, for example a weekly huddle began")
	case len([]rune(c.Reason)) > MaxChangeReason:
		v.Add("reason", "Say what changed in 1000 characters or fewer")
	}
	return v.Err()
}

// Breaks are the indices of months (YYYY-MM, oldest first) where the
// changes begin a new segment: the first month on or after each change.
func Breaks(months []string, changes []IndicatorChange) []int {
	var out []int
	for _, c := range changes {
		for i, m := range months {
			if m >= c.Month {
				if i > 0 {
					out = append(out, i)
				}
				break
			}
		}
	}
	return out
}
