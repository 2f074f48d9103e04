package lightbulb

import "time"

// MaxPeriodMonths is the longest period a page or report covers.
const MaxPeriodMonths = 36

// ParseMonth reads a month written YYYY-MM.
func ParseMonth(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01", s)
	return t, err == nil && len(s) == 7
}

// MonthsBetween lists the months from from to to (YYYY-MM, both included),
// oldest first; nothing when either is not a month or to is before from.
func MonthsBetween(from, to string) []string {
	f, ok1 := ParseMonth(from)
	t, ok2 := ParseMonth(to)
	if !ok1 || !ok2 {
		return nil
	}
	var out []string
	for m := f; !m.After(t); m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format("2006-01"))
	}
	return out
}

// AddMonths moves a month (YYYY-MM) by n months.
func AddMonths(month string, n int) string {
	t, ok := ParseMonth(month)
	if !ok {
		return month
	}
	return t.AddDate(0, n, 0).Format("2006-01")
}

// LastEndedMonth is the latest month that has ended in London at now.
func LastEndedMonth(now time.Time) string {
	return AddMonths(Today(now)[:7], -1)
}

// CheckPeriod checks a period of months a person asked for: each a real
// month, the end not before the start, none that has not ended yet, and at
// most MaxPeriodMonths long. The errors name the field at fault.
func CheckPeriod(from, to string, now time.Time) error {
	var v ValidationErrors
	_, okF := ParseMonth(from)
	_, okT := ParseMonth(to)
	if !okF {
		v.Add("from", "Enter the first month as a year and month, for example 2026-01")
	}
	if !okT {
		v.Add("to", "Enter the last month as a year and month, for example 2026-03")
	}
	if okF && okT {
		last := LastEndedMonth(now)
		switch n := len(MonthsBetween(from, to)); {
		case to < from:
			v.Add("to", "The last month must be the same as or after the first month")
		case to > last:
			v.Add("to", "The last month must be a month that has ended")
		case n > MaxPeriodMonths:
			v.Add("from", "Choose a period of at most 36 months")
		}
	}
	return v.Err()
}
