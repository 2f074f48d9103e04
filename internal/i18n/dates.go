package i18n

import (
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Calendar words per language: month names, their short forms for tables,
// and the names of the days of the week (Sunday first, as time.Weekday).
// Welsh follows the forms the Welsh Government's style uses (CLDR "cy").
var (
	months = map[string][12]string{
		"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		"cy": {"Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"},
	}
	shortMonths = map[string][12]string{
		"en": {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		"cy": {"Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag"},
	}
	weekdays = map[string][7]string{
		"en": {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		"cy": {"Dydd Sul", "Dydd Llun", "Dydd Mawrth", "Dydd Mercher", "Dydd Iau", "Dydd Gwener", "Dydd Sadwrn"},
	}
)

// London is the zone every date and time is shown in.
var London = lightbulb.London

// known returns lang when it has calendar words, else English.
func known(lang string) string {
	if _, ok := months[lang]; ok {
		return lang
	}
	return "en"
}

// MonthName names month m in lang, such as "Mawrth" for March in Welsh.
func MonthName(lang string, m time.Month) string {
	if m < time.January || m > time.December {
		return fmt.Sprint(int(m))
	}
	return months[known(lang)][m-1]
}

// WeekdayName names a day of the week in lang, such as "Dydd Llun".
func WeekdayName(lang string, d time.Weekday) string {
	return weekdays[known(lang)][d%7]
}

// Dates formats dates and times in one language, always in Europe/London.
// The zero value speaks English. A zero time formats as "".
type Dates struct{ Lang string }

// Short is a date for tables and lists: "2 Mar 2026".
func (d Dates) Short(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(London)
	return fmt.Sprintf("%d %s %d", t.Day(), shortMonths[known(d.Lang)][t.Month()-1], t.Year())
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
	return fmt.Sprintf("%s %d", shortMonths[known(d.Lang)][m-1], year)
}
