package lightbulb

import (
	"fmt"
	"time"
)

// Date is a day on the calendar, with no time or zone: a date of birth, a
// review date, the start of a period. The zero Date means "no date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the day t falls on in Europe/London.
func DateOf(t time.Time) Date {
	t = t.In(London)
	return Date{t.Year(), t.Month(), t.Day()}
}

// ParseDate reads a YYYY-MM-DD date; it refuses days that do not exist.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, Errorf(EINVALID, "%q is not a date in the form YYYY-MM-DD", s)
	}
	return Date{t.Year(), t.Month(), t.Day()}, nil
}

// MakeDate checks that year, month and day name a real day.
func MakeDate(year, month, day int) (Date, bool) {
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Year() != year || int(t.Month()) != month || t.Day() != day {
		return Date{}, false
	}
	return Date{year, time.Month(month), day}, true
}

// IsZero reports whether d is "no date".
func (d Date) IsZero() bool { return d == Date{} }

// String is the date as YYYY-MM-DD, or "" for no date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Time is midnight UTC at the start of the day, the form stored dates take.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.String() < e.String() }

// In is midnight at the start of the day in loc, or the zero time for no date.
func (d Date) In(loc *time.Location) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}
