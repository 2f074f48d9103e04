package lightbulb

import (
	"testing"
	"time"
)

func TestNextWorkingDay(t *testing.T) {
	at := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 0, 0, 0, London) }
	for _, c := range []struct{ in, want time.Time }{
		{at(2026, time.December, 4), at(2026, time.December, 4)},   // a Friday
		{at(2026, time.December, 5), at(2026, time.December, 7)},   // Saturday to Monday
		{at(2026, time.December, 23), at(2026, time.December, 23)}, // a Wednesday before the closure
		{at(2026, time.December, 24), at(2027, time.January, 4)},   // the closure, then a weekend
		{at(2027, time.January, 1), at(2027, time.January, 4)},
	} {
		if got := NextWorkingDay(c.in); !got.Equal(c.want) || got.Hour() != 10 {
			t.Errorf("NextWorkingDay(%s) = %s, want %s", c.in.Format(time.DateOnly), got, c.want)
		}
	}
}
