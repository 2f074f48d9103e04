package web

import (
	"fmt"
	"net/http"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

func (s *Server) decisionIndicators(w http.ResponseWriter, r *http.Request) {
	ds, err := s.Decisions.FindDecisions(r.Context(), lightbulb.DecisionFilter{})
	if err != nil {
		s.appError(w, r, err)
		return
	}
	titles, err := s.rightTitles(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	in := lightbulb.SummariseDecisions(ds, today())
	for i := range in.ByRight {
		in.ByRight[i].Label = in.ByRight[i].Key + " " + titles[in.ByRight[i].Key]
	}
	lang := langOf(r)
	if r.URL.Query().Get("format") == "csv" {
		_ = s.Audit.Record(r.Context(), "decision.indicators_export", "", "")
		sendCSV(w, "decision-indicators.csv", decisionIndicatorRows(lang, in))
		return
	}
	_ = s.Audit.Record(r.Context(), "decision.indicators", "", "")
	services := countChart(lang, "services-chart", "Restrictions in force by service",
		"Bar chart of the restrictions in force in each ward, team or home, most first. The same numbers are in the table below.", "Ward, team or home", in.ByService)
	if lang != "en" {
		services.CategoryLang = "en" // the organisation's own names
	}
	s.render(w, r, http.StatusOK, "decisions_indicators", s.newPage(r, "Decision indicators",
		decisionIndicatorsView{Indicators: in, Months: monthsChart(lang, in.ByMonth),
			Rights: countChart(lang, "rights-chart", "Restrictions in force by right",
				"Bar chart of the restrictions in force of each right, most first. The same numbers are in the table below.", "Right", in.ByRight),
			Services: services}))
}

// decisionIndicatorsView is what the indicators page shows: the figures,
// the restrictions by right and by service, and the decisions recorded
// each month, each as a chart with its table twin.
type decisionIndicatorsView struct {
	*lightbulb.Indicators
	Months, Rights, Services report.Chart
}

// countChart draws counts as bars, largest first.
func countChart(lang, id, title, desc, axis string, cs []lightbulb.Count) report.Chart {
	ch := report.Chart{ID: id, Kind: report.Bars, Title: i18n.T(lang, title), Desc: i18n.T(lang, desc),
		Axis: i18n.T(lang, axis), Series: []report.Series{{Name: i18n.T(lang, "Number"), Fill: "#1d70b8"}}}
	for _, c := range cs {
		ch.Categories = append(ch.Categories, c.Label)
		ch.Series[0].Values = append(ch.Series[0].Values, float64(c.N))
	}
	return ch
}

// decisionIndicatorRows are the indicators as CSV rows: measure, key,
// label and number, headed in the page's language, months by name.
func decisionIndicatorRows(lang string, in *lightbulb.Indicators) [][]string {
	d := dates{i18n.Dates{Lang: lang}}
	rows := [][]string{{i18n.T(lang, "Measure"), i18n.T(lang, "Key"), i18n.T(lang, "Name"), i18n.T(lang, "Number")}}
	one := func(measure, label string, n int) {
		rows = append(rows, []string{measure, "", i18n.T(lang, label), fmt.Sprint(n)})
	}
	one("in_force", "Decisions in force", in.InForce)
	one("restrictions", "Restrictions in force", in.Restrictions)
	one("blanket", "Blanket rules in force", in.Blanket)
	one("overdue", "Reviews overdue", in.Overdue)
	one("open", "Decisions in force or reopened at a review", in.Open)
	one("complete", "Of those, with complete reasoning", in.Complete)
	for _, c := range in.ByRight {
		rows = append(rows, []string{"right", c.Key, csvSafe(c.Label), fmt.Sprint(c.N)})
	}
	for _, c := range in.ByService {
		rows = append(rows, []string{"service", "", csvSafe(c.Label), fmt.Sprint(c.N)})
	}
	for _, c := range in.ByMonth {
		rows = append(rows, []string{"month", c.Key, d.Month(c.Key), fmt.Sprint(c.N)})
	}
	return rows
}

// monthsChart draws counts by month (YYYY-MM, oldest first) as a line over
// time, with the months between that have none shown as 0.
func monthsChart(lang string, byMonth []lightbulb.Count) report.Chart {
	d := dates{i18n.Dates{Lang: lang}}
	ch := report.Chart{ID: "months-chart", Kind: report.Line, Title: i18n.T(lang, "Decisions recorded each month"),
		Desc: i18n.T(lang, "Line chart of the number of decisions recorded each month, oldest first. The same numbers are in the table below."),
		Axis: i18n.T(lang, "Month"), Series: []report.Series{{Name: i18n.T(lang, "Decisions"), Fill: "#1d70b8"}}}
	n := map[string]int{}
	for _, c := range byMonth {
		n[c.Label] = c.N
	}
	if len(byMonth) == 0 {
		return ch
	}
	first, err1 := time.Parse("2006-01", byMonth[0].Label)
	last, err2 := time.Parse("2006-01", byMonth[len(byMonth)-1].Label)
	if err1 != nil || err2 != nil {
		return ch
	}
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		ym := m.Format("2006-01")
		ch.Categories = append(ch.Categories, d.Month(ym))
		ch.Series[0].Values = append(ch.Series[0].Values, float64(n[ym]))
	}
	return ch
}
