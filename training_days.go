package lightbulb

import "time"

// WorkingDay reports whether t's day in Europe/London is one on which the
// charity runs training: Monday to Friday, outside the Christmas closure
// (24 December to 1 January).
func WorkingDay(t time.Time) bool {
	d := t.In(London)
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	m, day := d.Month(), d.Day()
	return !(m == time.December && day >= 24) && !(m == time.January && day == 1)
}

// NextWorkingDay returns t moved forward a day at a time, keeping its London
// clock time, until it falls on a working day; t itself when it already does.
func NextWorkingDay(t time.Time) time.Time {
	d := t.In(London)
	for !WorkingDay(d) {
		d = time.Date(d.Year(), d.Month(), d.Day()+1, d.Hour(), d.Minute(), 0, 0, London)
	}
	return d
}
