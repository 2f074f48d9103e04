package lightbulb

import "time"

// Light is the traffic light a theme shows: red when any of its statements
// is red, amber when any is amber, green when every statement rated is
// green, and "" when none is rated (or all are not applicable). The worst
// rating shows, so one red statement is never hidden by greens.
func (c ThemeCount) Light() Rating {
	switch {
	case c.Red > 0:
		return Red
	case c.Amber > 0:
		return Amber
	case c.Green > 0:
		return Green
	}
	return ""
}

// score is the theme's average rating, red 1 to green 3, over the
// statements rated red, amber or green.
func (c ThemeCount) score() (float64, bool) {
	n := c.Red + c.Amber + c.Green
	if n == 0 {
		return 0, false
	}
	return float64(c.Red+2*c.Amber+3*c.Green) / float64(n), true
}

// Trend says how a theme moved since an earlier round: "improved" or
// "worse" when its average rating rose or fell, "same", or "new" when
// either round rated none of its statements.
func Trend(now, before ThemeCount) string {
	a, ok1 := now.score()
	b, ok2 := before.score()
	switch {
	case !ok1 || !ok2:
		return "new"
	case a > b+1e-9:
		return "improved"
	case a < b-1e-9:
		return "worse"
	}
	return "same"
}

// GridRound is one earlier submitted review of a grid row's subject.
type GridRound struct {
	ReviewID  int64
	PeriodEnd time.Time
	Themes    []ThemeCount
}

// Theme returns the round's count for a theme, and whether it has one.
func (g GridRound) Theme(name string) (ThemeCount, bool) {
	for _, c := range g.Themes {
		if c.Theme == name {
			return c, true
		}
	}
	return ThemeCount{}, false
}

// GridRounds is how many earlier rounds the grid shows beside the latest.
const GridRounds = 3
