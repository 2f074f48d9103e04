package web

import (
	"net/http"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// coprodIndicatorsView is the lead's figures for a period.
type coprodIndicatorsView struct {
	*lightbulb.CoprodIndicators
	From, To string
	Target   int
	Involved *lightbulb.InvolvedGroups
}

// coprodPeriod reads the period from the address (from, up to but not
// including to), by default the twelve months to the end of this one.
func coprodPeriod(r *http.Request, p *Page) (lightbulb.Date, lightbulb.Date) {
	now := lightbulb.Now().In(lightbulb.London)
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, lightbulb.London)
	from, to := lightbulb.DateOf(first.AddDate(0, -11, 0)), lightbulb.DateOf(first.AddDate(0, 1, 0))
	q := r.URL.Query()
	p.Form = q
	var v lightbulb.ValidationErrors
	if s := q.Get("from"); s != "" {
		d, err := lightbulb.ParseDate(s)
		if err != nil {
			v.Add("from", p.T("From: enter a date like 2026-04-01"))
		}
		from = d
	}
	if s := q.Get("to"); s != "" {
		d, err := lightbulb.ParseDate(s)
		if err != nil {
			v.Add("to", p.T("Up to: enter a date like 2027-04-01"))
		}
		to = d
	}
	if len(v.List) == 0 && !from.Before(to) {
		v.Add("to", p.T("Up to: enter a date after the start"))
	}
	p.Errors = v.List
	return from, to
}

func (s *Server) coprodIndicators(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "Co-production in figures", nil)
	from, to := coprodPeriod(r, p)
	st, err := s.Coprod.Settings(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	view := &coprodIndicatorsView{From: from.String(), To: to.String(), Target: st.PayTargetDays,
		CoprodIndicators: &lightbulb.CoprodIndicators{}}
	p.Data = view
	if len(p.Errors) > 0 {
		s.render(w, r, http.StatusUnprocessableEntity, "coprod_indicators", p)
		return
	}
	claims, err := s.Coprod.Claims(r.Context(), from, to)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	fus, err := s.Coprod.FollowUps(r.Context(), from, to)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	view.CoprodIndicators = lightbulb.CountCoprod(claims, fus, lightbulb.Now(), st.PayTargetDays)
	experts, err := s.Coprod.InvolvedExperts(r.Context(), from, to)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	view.Involved = lightbulb.CountGroups(experts)
	_ = s.Audit.Record(r.Context(), "coproduction.indicators", "co-production", view.From+" to "+view.To)
	s.render(w, r, http.StatusOK, "coprod_indicators", p)
}
