package i18n

import (
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// London is the zone every date and time is shown in.
var London = lightbulb.London

// MonthName names month m in lang, such as "Mawrth" for March in Welsh.
func MonthName(lang string, m time.Month) string { return lightbulb.MonthName(lang, m) }

// WeekdayName names a day of the week in lang, such as "Dydd Llun".
func WeekdayName(lang string, d time.Weekday) string { return lightbulb.WeekdayName(lang, d) }

// Dates formats dates and times in one language, always in Europe/London.
// The zero value speaks English. A zero time formats as "".
type Dates struct{ Lang string }

// Short is a date for tables and lists: "2 Mar 2026".
func (d Dates) Short(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(London)
	return fmt.Sprintf("%d %s %d", t.Day(), lightbulb.ShortMonthName(d.Lang, t.Month()), t.Year())
}

// Full is a date in words: "2 March 2026".
func (d Dates) Full(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(London)
	return fmt.Sprintf("%d %s %d", t.Day(), MonthName(d.Lang, t.Month()), t.Year())
}

// Long is a date with its weekday: "Monday 2 March 2026".
func (d Dates) Long(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(London)
	return WeekdayName(d.Lang, t.Weekday()) + " " + d.Full(t)
}

// Clock is the time of day with or without the zone: "14:05" or "14:05 GMT".
func (d Dates) Clock(t time.Time, zone bool) string {
	if zone {
		return t.In(London).Format("15:04 MST")
	}
	return t.In(London).Format("15:04")
}

// Stamp is a moment for logs and histories, to the second: "2 Mar 2026 14:05:09 GMT".
func (d Dates) Stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return d.Short(t) + " " + t.In(London).Format("15:04:05 MST")
}

// Minute is a moment to the minute, for records: "2 Mar 2026 14:05 GMT".
func (d Dates) Minute(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return d.Short(t) + " " + d.Clock(t, true)
}

// At is a moment with its weekday: "Monday 2 March 2026, 14:05 GMT".
func (d Dates) At(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return d.Long(t) + ", " + d.Clock(t, true)
}

// Month is a month of a year: "March 2026".
func (d Dates) Month(year int, m time.Month) string {
	return fmt.Sprintf("%s %d", MonthName(d.Lang, m), year)
}

// ShortMonth is a month of a year for table headings: "Mar 2026".
func (d Dates) ShortMonth(year int, m time.Month) string {
	if m < time.January || m > time.December {
		return fmt.Sprintf("%d-%02d", year, int(m))
	}
	return fmt.Sprintf("%s %d", lightbulb.ShortMonthName(d.Lang, m), year)
}
