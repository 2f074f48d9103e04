package i18n

import (
	"testing"
	"time"
)

func TestDatesInEachLanguage(t *testing.T) {
	// 14:05 UTC on 3 March 2026 is 14:05 GMT; 23:30 UTC on 30 June is 1 July in London.
	winter := time.Date(2026, time.March, 3, 14, 5, 9, 0, time.UTC)
	summer := time.Date(2026, time.June, 30, 23, 30, 0, 0, time.UTC)
	for _, c := range []struct{ name, got, want string }{
		{"en short", Dates{"en"}.Short(winter), "3 Mar 2026"},
		{"cy short", Dates{"cy"}.Short(winter), "3 Maw 2026"},
		{"en full", Dates{"en"}.Full(winter), "3 March 2026"},
		{"cy full", Dates{"cy"}.Full(winter), "3 Mawrth 2026"},
		{"en long", Dates{"en"}.Long(winter), "Tuesday 3 March 2026"},
		{"cy long", Dates{"cy"}.Long(winter), "Dydd Mawrth 3 Mawrth 2026"},
		{"cy long in summer time", Dates{"cy"}.Long(summer), "Dydd Mercher 1 Gorffennaf 2026"},
		{"en stamp", Dates{"en"}.Stamp(winter), "3 Mar 2026 14:05:09 GMT"},
		{"cy at", Dates{"cy"}.At(summer), "Dydd Mercher 1 Gorffennaf 2026, 00:30 BST"},
		{"cy month", Dates{"cy"}.Month(2026, time.December), "Rhagfyr 2026"},
		{"cy short month", Dates{"cy"}.ShortMonth(2026, time.February), "Chwef 2026"},
		{"unknown language speaks English", Dates{"fr"}.Full(winter), "3 March 2026"},
		{"zero time is blank", Dates{"cy"}.Long(time.Time{}), ""},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}

func TestEveryLanguageHasCalendarWords(t *testing.T) {
	for _, l := range Supported {
		if l != "en" && (MonthName(l, time.May) == "May" || WeekdayName(l, time.Monday) == "Monday") {
			t.Errorf("no calendar words for %s", l)
		}
	}
}
