package web

import (
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// indicatorsSharingView is the page where a lead shares the organisation's
// indicators with the charity or a commissioner, and stops.
type indicatorsSharingView struct {
	Shares  []lightbulb.IndicatorShare
	Viewers []*lightbulb.Organisation
}

func (s *Server) indicatorsSharing(w http.ResponseWriter, r *http.Request) {
	s.renderIndicatorsSharing(w, r, nil)
}

func (s *Server) renderIndicatorsSharing(w http.ResponseWriter, r *http.Request, err error) {
	ctx := r.Context()
	shares, serr := s.Indicators.IndicatorShares(ctx)
	viewers, verr := s.Indicators.IndicatorViewers(ctx)
	if serr == nil {
		serr = verr
	}
	if serr != nil {
		s.serverError(w, r, serr)
		return
	}
	p := s.newPage(r, "Share your indicators", indicatorsSharingView{Shares: shares, Viewers: viewers})
	s.renderForm(w, r, "indicators_sharing", p, err)
}

// indicatorsShare shares the organisation's indicators with the charity or
// a commissioner chosen; audited.
func (s *Server) indicatorsShare(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	viewer, _ := strconv.ParseInt(r.PostFormValue("viewer"), 10, 64)
	if err := s.Indicators.ShareIndicators(r.Context(), viewer, lightbulb.ActorFrom(r.Context()).Name); err != nil {
		s.renderIndicatorsSharing(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "indicators.share", "organisation:"+strconv.FormatInt(viewer, 10), "")
	s.flash(r, "Your indicators are shared. You can stop sharing at any time.")
	http.Redirect(w, r, "/indicators/sharing", http.StatusSeeOther)
}

// indicatorsShareStop stops sharing with an organisation; audited.
func (s *Server) indicatorsShareStop(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	viewer, _ := strconv.ParseInt(r.PostFormValue("viewer"), 10, 64)
	if err := s.Indicators.StopSharingIndicators(r.Context(), viewer, lightbulb.ActorFrom(r.Context()).Name); err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "indicators.share_stop", "organisation:"+strconv.FormatInt(viewer, 10), "")
	s.flash(r, "You no longer share your indicators with that organisation.")
	http.Redirect(w, r, "/indicators/sharing", http.StatusSeeOther)
}

// sharedOrgReadings is one organisation's readings, shared with the reader.
type sharedOrgReadings struct {
	Name     string
	Readings []indicatorReading
}

// providerReadings reads keys over the period for each organisation
// sharing with the one in ctx (a commissioner's providers), by name.
func (s *Server) providerReadings(r *http.Request, iq indicatorQuery, keys []string) ([]sharedOrgReadings, error) {
	vs, err := s.Indicators.SharedIndicatorValues(r.Context(), keys, iq.From, iq.To)
	if err != nil {
		return nil, err
	}
	var out []sharedOrgReadings
	var cur int64
	by := map[string][]lightbulb.IndicatorValue{}
	flush := func(name string) {
		o := sharedOrgReadings{Name: name}
		for _, d := range catalogueFor(false, keys) {
			o.Readings = append(o.Readings, readIndicator(langOf(r), d, by[d.Key], iq.Rules, nil, nil))
		}
		out = append(out, o)
		by = map[string][]lightbulb.IndicatorValue{}
	}
	for i, v := range vs {
		by[v.Indicator] = append(by[v.Indicator], v.IndicatorValue)
		cur = v.OrgID
		if i+1 == len(vs) || vs[i+1].OrgID != cur {
			flush(v.OrgName)
		}
	}
	return out, nil
}

// reachView is the charity's reach across the organisations sharing with
// it: each indicator summed over them, small numbers suppressed.
type reachView struct {
	Orgs     int
	Readings []indicatorReading
}

func (s *Server) reachReadings(r *http.Request, iq indicatorQuery, keys []string) (*reachView, error) {
	vs, err := s.Indicators.SharedIndicatorValues(r.Context(), keys, iq.From, iq.To)
	if err != nil {
		return nil, err
	}
	lang := langOf(r)
	v := &reachView{}
	seen := map[int64]bool{}
	for _, x := range vs {
		seen[x.OrgID] = true
	}
	v.Orgs = len(seen)
	for _, d := range catalogueFor(false, keys) {
		sum, _ := lightbulb.SumShared(vs, d)
		var shown []lightbulb.IndicatorValue
		for _, x := range sum {
			if !lightbulb.Suppressed(d, x) {
				shown = append(shown, x)
			}
		}
		rd := readIndicator(lang, d, shown, iq.Rules, nil, nil)
		if n := len(sum); n > 0 && lightbulb.Suppressed(d, sum[n-1]) {
			rd.Latest, rd.LatestMonth = i18n.T(lang, "fewer than %d", lightbulb.SuppressBelow), dates{i18n.Dates{Lang: lang}}.Month(sum[n-1].Month)
		}
		v.Readings = append(v.Readings, rd)
	}
	return v, nil
}
