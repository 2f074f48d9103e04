package lightbulb

import (
	"fmt"
	"time"
)

// Calendar words per language: month names, their short forms for tables,
// and the days of the week (Sunday first, as time.Weekday). Pages, PDFs,
// CSV files (through internal/i18n) and emails all use these. Welsh follows
// the forms the Welsh Government uses (CLDR "cy").
var (
	monthNames = map[string][12]string{
		"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		"cy": {"Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"},
	}
	shortMonthNames = map[string][12]string{
		"en": {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		"cy": {"Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag"},
	}
	weekdayNames = map[string][7]string{
		"en": {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		"cy": {"Dydd Sul", "Dydd Llun", "Dydd Mawrth", "Dydd Mercher", "Dydd Iau", "Dydd Gwener", "Dydd Sadwrn"},
	}
)

// calendarLang is lang when it has calendar words, else English.
func calendarLang(lang string) string {
	if _, ok := monthNames[lang]; ok {
		return lang
	}
	return "en"
}

// MonthName names month m in lang, such as "Mawrth" for March in Welsh.
func MonthName(lang string, m time.Month) string {
	if m < time.January || m > time.December {
		return fmt.Sprint(int(m))
	}
	return monthNames[calendarLang(lang)][m-1]
}

// ShortMonthName is a month's short name for tables, such as "Maw".
func ShortMonthName(lang string, m time.Month) string {
	if m < time.January || m > time.December {
		return fmt.Sprint(int(m))
	}
	return shortMonthNames[calendarLang(lang)][m-1]
}

// WeekdayName names a day of the week in lang, such as "Dydd Llun".
func WeekdayName(lang string, d time.Weekday) string {
	return weekdayNames[calendarLang(lang)][d%7]
}
