package web

import (
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// dates is the one formatter of dates, times and months for pages, PDFs and
// CSV files, in the page's language and Europe/London. Templates reach it as
// {{$.Dates.Short .X}}. The day methods take a time.Time, a *time.Time, a
// lightbulb.Date or a YYYY-MM-DD string; anything else is shown as it is.
type dates struct{ i18n.Dates }

// asTime turns the ways a day is stored into a time, or false.
func asTime(v any) (time.Time, bool) {
	switch x := v.(type) {
	case time.Time:
		return x, true
	case *time.Time:
		if x == nil {
			return time.Time{}, true
		}
		return *x, true
	case lightbulb.Date:
		return x.Time(), true
	case string:
		if x == "" {
			return time.Time{}, true
		}
		d, err := lightbulb.ParseDate(x)
		return d.Time(), err == nil
	}
	return time.Time{}, false
}

// day formats v with f, or shows v unchanged when it is not a day.
func day(v any, f func(time.Time) string) string {
	if t, ok := asTime(v); ok {
		return f(t)
	}
	return fmt.Sprint(v)
}

// Short is a day for tables and lists: "2 Mar 2026", "2 Maw 2026".
func (d dates) Short(v any) string { return day(v, d.Dates.Short) }

// Full is a day in words: "2 March 2026", "2 Mawrth 2026".
func (d dates) Full(v any) string { return day(v, d.Dates.Full) }

// Long is a day with its weekday: "Monday 2 March 2026".
func (d dates) Long(v any) string { return day(v, d.Dates.Long) }

// Month shows a YYYY-MM month as "March 2026"; anything else unchanged.
func (d dates) Month(ym string) string {
	var y, m int
	if _, err := fmt.Sscanf(ym, "%4d-%2d", &y, &m); err != nil || m < 1 || m > 12 || len(ym) != 7 {
		return ym
	}
	return d.Dates.Month(y, time.Month(m))
}

// ShortMonth shows a YYYY-MM month as "Mar 2026", for table headings.
func (d dates) ShortMonth(ym string) string {
	var y, m int
	if _, err := fmt.Sscanf(ym, "%4d-%2d", &y, &m); err != nil || m < 1 || m > 12 || len(ym) != 7 {
		return ym
	}
	return d.Dates.ShortMonth(y, time.Month(m))
}

// Span shows a session's start and end with the zone: "Tuesday 3 March
// 2026, 10:00 to 12:00 GMT", or both days in full when it runs over midnight.
func (d dates) Span(from, to time.Time) string {
	if lightbulb.DateOf(from) == lightbulb.DateOf(to) {
		return i18n.T(d.Lang, "%s, %s to %s", d.Dates.Long(from), d.Clock(from, false), d.Clock(to, true))
	}
	return i18n.T(d.Lang, "%s, %s to %s", d.Dates.Long(from), d.Clock(from, true), d.Dates.At(to))
}

// Session shows when a training session runs (see Span).
func (d dates) Session(x *lightbulb.Session) string { return d.Span(x.StartsAt, x.EndsAt) }
