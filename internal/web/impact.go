package web

import (
	"math"
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// impactFigure is one figure of the public impact page, in words.
type impactFigure struct {
	Name, Definition, Value string
}

// impactView is the public impact page: the last twelve months' totals.
type impactView struct {
	From, To string
	Figures  []impactFigure
}

// impact is the operator's public page of what Lightbulb's work has
// reached over the last twelve months that have ended, across every
// organisation, with numbers under five shown as "fewer than 5".
func (s *Server) impact(w http.ResponseWriter, r *http.Request) {
	lang := langOf(r)
	to := lightbulb.LastEndedMonth(lightbulb.Now())
	v := impactView{From: lightbulb.AddMonths(to, -11), To: to}
	sums, err := s.Indicators.Impact(r.Context(), lightbulb.ImpactIndicators, v.From, to)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, k := range lightbulb.ImpactIndicators {
		d, _ := lightbulb.FindIndicator(k)
		v.Figures = append(v.Figures, impactFigure{Name: i18n.T(lang, d.Name), Definition: i18n.T(lang, d.Definition),
			Value: suppressed(lang, sums[k])})
	}
	s.render(w, r, http.StatusOK, "impact", s.newPage(r, "Our impact", v))
}

// suppressed shows a whole number, or "fewer than 5" below lightbulb.SuppressBelow.
func suppressed(lang string, v float64) string {
	n := int(math.Round(v))
	if n < lightbulb.SuppressBelow {
		return i18n.T(lang, "fewer than %d", lightbulb.SuppressBelow)
	}
	return strconv.Itoa(n)
}
