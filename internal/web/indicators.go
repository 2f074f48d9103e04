package web

import (
	"context"
	"net/http"
	"net/url"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

func (s *Server) indicatorRoutes(h func(string, http.HandlerFunc)) {
	h("GET /indicators", s.requireLead(s.indicatorsPage))
	h("GET /indicators/{key}", s.requireLead(s.indicatorPage))
	h("POST /indicators/{key}/target", s.requireLead(s.indicatorTarget))
	h("POST /indicators/{key}/changes", s.requireLead(s.indicatorChange))
	h("POST /indicators/{key}/changes/remove", s.requireLead(s.indicatorChangeRemove))
	h("POST /indicators/recompute", s.requireLead(s.indicatorsRecompute))
	h("GET /indicators/sharing", s.requireLead(s.indicatorsSharing))
	h("POST /indicators/sharing", s.requireLead(s.indicatorsShare))
	h("POST /indicators/sharing/stop", s.requireLead(s.indicatorsShareStop))
	h("GET /impact", s.impact)
}

// indicatorQuery is a period and the rules' counts asked for in a page's
// address, checked: a period that makes no sense is an error the page
// shows in its summary, and the page falls back to the last 24 months.
type indicatorQuery struct {
	From, To string
	Rules    lightbulb.SPCRules
	Errs     error
}

func readIndicatorQuery(r *http.Request) indicatorQuery {
	q := r.URL.Query()
	last := lightbulb.LastEndedMonth(lightbulb.Now())
	iq := indicatorQuery{From: lightbulb.AddMonths(last, -23), To: last, Rules: lightbulb.DefaultSPCRules}
	f := &form{Values: q, lang: langOf(r)}
	if q.Get("from") != "" || q.Get("to") != "" {
		if err := lightbulb.CheckPeriod(q.Get("from"), q.Get("to"), lightbulb.Now()); err != nil {
			for _, e := range err.(*lightbulb.ValidationErrors).List {
				f.Add(e.Field, e.Message)
			}
		} else {
			iq.From, iq.To = q.Get("from"), q.Get("to")
		}
	}
	if q.Get("shift") != "" {
		if n, ok := f.Int("shift", "Points in a row on one side of the centre line", 5, 12); ok {
			iq.Rules.Shift = n
		}
	}
	if q.Get("trend") != "" {
		if n, ok := f.Int("trend", "Points in a row rising or falling", 5, 12); ok {
			iq.Rules.Trend = n
		}
	}
	iq.Errs = f.Err()
	return iq
}

// valuesToRead are the stored values of keys over iq's period (with each
// service's when services) and the organisation's targets and changes to
// read them with.
func (s *Server) valuesToRead(ctx context.Context, keys []string, iq indicatorQuery, services bool) ([]lightbulb.IndicatorValue, orgReadings, error) {
	vs, err := s.Indicators.IndicatorValues(ctx, keys, iq.From, iq.To, services)
	if err != nil {
		return nil, orgReadings{}, err
	}
	org, err := s.orgReadings(ctx)
	return vs, org, err
}

// readings reads every indicator of the catalogue the organisation has
// (the operator's own only for the operator) over the period.
func (s *Server) readings(r *http.Request, iq indicatorQuery, keys []string) ([]indicatorReading, error) {
	vs, org, err := s.valuesToRead(r.Context(), keys, iq, false)
	if err != nil {
		return nil, err
	}
	return readingsOf(r, iq, keys, vs, org), nil
}

// readingsOf reads keys (the catalogue the organisation has, for none) from
// their values vs as the organisation set them up.
func readingsOf(r *http.Request, iq indicatorQuery, keys []string, vs []lightbulb.IndicatorValue, org orgReadings) []indicatorReading {
	ctx := r.Context()
	byKey := map[string][]lightbulb.IndicatorValue{}
	for _, v := range vs {
		byKey[v.Indicator] = append(byKey[v.Indicator], v)
	}
	operator := currentOrg(ctx) != nil && currentOrg(ctx).Operator
	var out []indicatorReading
	for _, d := range catalogueFor(operator, keys) {
		out = append(out, org.read(langOf(r), d, byKey[d.Key], iq.Rules))
	}
	return out
}

// catalogueFor is the catalogue an organisation has, limited to keys (in
// their order) when given.
func catalogueFor(operator bool, keys []string) []lightbulb.IndicatorDef {
	var out []lightbulb.IndicatorDef
	if len(keys) > 0 {
		for _, k := range keys {
			if d, ok := lightbulb.FindIndicator(k); ok && (operator || !d.Operator) {
				out = append(out, d)
			}
		}
		return out
	}
	for _, d := range lightbulb.IndicatorCatalogue() {
		if operator || !d.Operator {
			out = append(out, d)
		}
	}
	return out
}

// indicatorsView is the indicators page: each indicator's reading over the
// period, the months computed, and the address of the same as CSV.
type indicatorsView struct {
	Query    indicatorQuery
	Readings []indicatorReading
	Months   []lightbulb.IndicatorMonth
	CSV      string
	Last     string // the month that last ended, for the recompute form
}

func (s *Server) indicatorsPage(w http.ResponseWriter, r *http.Request) {
	iq := readIndicatorQuery(r)
	rds, err := s.readings(r, iq, nil)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	if r.URL.Query().Get("format") == "csv" {
		s.indicatorsCSV(w, r, iq, rds)
		return
	}
	months, err := s.Indicators.IndicatorMonths(r.Context())
	if err != nil {
		s.appError(w, r, err)
		return
	}
	s.renderIndicators(w, r, iq, rds, months, nil)
}

func (s *Server) renderIndicators(w http.ResponseWriter, r *http.Request, iq indicatorQuery, rds []indicatorReading, months []lightbulb.IndicatorMonth, err error) {
	csvQ := url.Values{"from": {iq.From}, "to": {iq.To}, "format": {"csv"}}
	p := s.newPage(r, "Indicators", indicatorsView{Query: iq, Readings: rds, Months: months,
		CSV: "/indicators?" + csvQ.Encode(), Last: lightbulb.LastEndedMonth(lightbulb.Now())})
	p.Form = r.URL.Query()
	if err == nil {
		err = iq.Errs
	}
	if err != nil {
		if r.Method == http.MethodPost {
			p.Form = r.PostForm
		}
		s.formError(w, r, "indicators", p, err)
		return
	}
	s.render(w, r, http.StatusOK, "indicators", p)
}

// indicatorsRecompute computes a month again from the records as they are
// now, replacing its stored values; it is recorded in the audit log.
func (s *Server) indicatorsRecompute(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	month := formOf(r).Text("month")
	a := lightbulb.ActorFrom(r.Context())
	if err := s.Indicators.RecomputeIndicators(r.Context(), month, a.Name); err != nil {
		iq := readIndicatorQuery(r)
		rds, rerr := s.readings(r, iq, nil)
		months, merr := s.Indicators.IndicatorMonths(r.Context())
		if rerr != nil || merr != nil {
			s.serverError(w, r, err)
			return
		}
		s.renderIndicators(w, r, iq, rds, months, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "indicators.recompute", "month:"+month, "")
	s.flash(r, "The indicators for %s were computed again from the records as they are now.", dates{i18n.Dates{Lang: langOf(r)}}.Month(month))
	http.Redirect(w, r, "/indicators", http.StatusSeeOther)
}
