package web

import (
	"fmt"
	"net/http"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

func (s *Server) decisionReviewPage(w http.ResponseWriter, r *http.Request, d *lightbulb.Decision) (*Page, bool) {
	if d.Status != lightbulb.StatusInForce {
		data, err := s.recordData(r, d)
		if err != nil {
			s.serverError(w, r, err)
			return nil, false
		}
		p := s.newPage(r, "", data)
		p.Title = p.T("Decision %d", d.ID)
		s.formError(w, r, "decision_record", p, lightbulb.Errorf(lightbulb.ECONFLICT, "Only a decision in force can be reviewed."))
		return nil, false
	}
	p := s.newPage(r, "", map[string]any{"D": d})
	p.Title = p.T("Review decision %d", d.ID)
	return p, true
}

func (s *Server) decisionReviewForm(w http.ResponseWriter, r *http.Request) {
	d, ok := s.decision(w, r)
	if !ok {
		return
	}
	p, ok := s.decisionReviewPage(w, r, d)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "decision_review", p)
}

// decisionReview records a review: what changed, and whether the decision
// continues (with a new review date), changes (back to draft) or ends.
func (s *Server) decisionReview(w http.ResponseWriter, r *http.Request) {
	d, ok := s.decision(w, r)
	if !ok {
		return
	}
	p, ok := s.decisionReviewPage(w, r, d)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	p.Form = r.PostForm
	f := formOf(r)
	rv := lightbulb.DecisionReview{Note: f.Text("note"), Outcome: r.PostFormValue("outcome"),
		ReviewDate: f.Date("review_date", "Date of the next review").String()}
	if err := f.Err(); err != nil {
		s.formError(w, r, "decision_review", p, err)
		return
	}
	got, err := s.Decisions.ReviewDecision(r.Context(), d.ID, rv)
	if err != nil {
		s.formError(w, r, "decision_review", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "decision.review", decisionTarget(got), rv.Outcome)
	switch rv.Outcome {
	case lightbulb.ReviewChange:
		s.flash(r, "Review recorded. Change the decision, then mark it as decided again.")
		http.Redirect(w, r, fmt.Sprintf("/decisions/%d/edit/%s", got.ID, lightbulb.StepSituation), http.StatusSeeOther)
		return
	case lightbulb.ReviewEnd:
		s.flash(r, "Review recorded. Decision %d has ended.", got.ID)
	default:
		s.flash(r, "Review recorded. Decision %d continues.", got.ID)
	}
	http.Redirect(w, r, fmt.Sprintf("/decisions/%d", got.ID), http.StatusSeeOther)
}

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
	_ = s.Audit.Record(r.Context(), "decision.indicators", "", "")
	s.render(w, r, http.StatusOK, "decisions_indicators", s.newPage(r, "Decision indicators",
		decisionIndicatorsView{Indicators: in, Months: monthsChart(langOf(r), in.ByMonth)}))
}

// decisionIndicatorsView is what the indicators page shows: the figures and
// the chart of decisions recorded each month.
type decisionIndicatorsView struct {
	*lightbulb.Indicators
	Months report.Chart
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
		ch.Categories = append(ch.Categories, d.ShortMonth(ym))
		ch.Series[0].Values = append(ch.Series[0].Values, float64(n[ym]))
	}
	return ch
}

// decisionsDashboard adds to the dashboard what a lead must act on: the
// reviews of their organisation that are overdue.
func (s *Server) decisionsDashboard(r *http.Request, data map[string]any) {
	a := lightbulb.ActorFrom(r.Context())
	if s.Decisions == nil || a == nil || !a.Has(lightbulb.RoleLead) {
		return
	}
	ds, err := s.Decisions.FindDecisions(r.Context(), lightbulb.DecisionFilter{Review: "overdue", Today: today()})
	if err == nil {
		data["OverdueReviews"] = ds
	}
}
