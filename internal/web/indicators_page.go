package web

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

// serviceReading is one service's reading of an indicator over the period.
type serviceReading struct {
	Name      string
	Lang      string // the language of Name when not the page's
	Latest    string
	Month     string
	Points    int
	Variation string
}

// indicatorView is one indicator's page: its definition, its chart and
// table twin, and each service's reading where it is computed by service.
type indicatorView struct {
	Query    indicatorQuery
	R        indicatorReading
	Chart    report.Chart
	Services []serviceReading
	// Parts are the indicator's breakdown (by right or theme), read the
	// same way, with the words of their table.
	Parts                              []serviceReading
	PartsCaption, PartsHead, PartsNone string
	Better                             string
}

func (s *Server) indicatorDef(w http.ResponseWriter, r *http.Request) (lightbulb.IndicatorDef, bool) {
	o := currentOrg(r.Context())
	d, ok := lightbulb.FindIndicator(r.PathValue("key"))
	if !ok || (d.Operator && (o == nil || !o.Operator)) {
		s.errorPage(w, r, http.StatusNotFound)
		return d, false
	}
	return d, true
}

func (s *Server) indicatorPage(w http.ResponseWriter, r *http.Request) {
	d, ok := s.indicatorDef(w, r)
	if !ok {
		return
	}
	s.renderIndicator(w, r, d, nil)
}

func (s *Server) renderIndicator(w http.ResponseWriter, r *http.Request, d lightbulb.IndicatorDef, err error) {
	iq := readIndicatorQuery(r)
	rds, rerr := s.readings(r, iq, []string{d.Key})
	if rerr != nil {
		s.appError(w, r, rerr)
		return
	}
	lang := langOf(r)
	v := indicatorView{Query: iq, R: rds[0], Chart: runChart(lang, "indicator-chart", rds[0]), Better: label(lang, "spc", d.Better)}
	if d.ByService {
		if v.Services, rerr = s.serviceReadings(r, iq, d); rerr != nil {
			s.appError(w, r, rerr)
			return
		}
	}
	if d.Parts != "" {
		c, h, n := partWords(d.Parts)
		v.PartsCaption, v.PartsHead, v.PartsNone = i18n.T(lang, c), i18n.T(lang, h), i18n.T(lang, n)
		if v.Parts, rerr = s.partReadings(r, iq, d); rerr != nil {
			s.appError(w, r, rerr)
			return
		}
	}
	p := s.newPage(r, "", v)
	p.Title = v.R.Name
	p.Form = r.URL.Query()
	if err == nil {
		err = iq.Errs
	} else {
		p.Form = r.PostForm
	}
	if err != nil {
		s.formError(w, r, "indicator", p, err)
		return
	}
	s.render(w, r, http.StatusOK, "indicator", p)
}

// serviceReadings reads an indicator for each service over the period.
func (s *Server) serviceReadings(r *http.Request, iq indicatorQuery, d lightbulb.IndicatorDef) ([]serviceReading, error) {
	vs, err := s.Indicators.IndicatorValues(r.Context(), []string{d.Key}, iq.From, iq.To, true)
	if err != nil {
		return nil, err
	}
	var order []int64
	by := map[int64][]lightbulb.IndicatorValue{}
	for _, v := range vs {
		if v.ServiceID == 0 {
			continue
		}
		if _, seen := by[v.ServiceID]; !seen {
			order = append(order, v.ServiceID)
		}
		by[v.ServiceID] = append(by[v.ServiceID], v)
	}
	org, err := s.orgReadings(r.Context())
	if err != nil {
		return nil, err
	}
	lang := langOf(r)
	var out []serviceReading
	for _, id := range order {
		rd := org.read(lang, d, by[id], iq.Rules)
		out = append(out, serviceReading{Name: by[id][0].ServiceName, Latest: rd.Latest, Month: rd.LatestMonth,
			Points: len(by[id]), Variation: rd.Variation})
	}
	return out, nil
}

// indicatorTarget sets or clears the organisation's target for an
// indicator; it is recorded in the audit log.
func (s *Server) indicatorTarget(w http.ResponseWriter, r *http.Request) {
	d, ok := s.indicatorDef(w, r)
	if !ok || !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	clear := r.PostFormValue("clear") != ""
	var target float64
	if !clear {
		t, err := strconv.ParseFloat(strings.TrimSuffix(f.Text("target"), "%"), 64)
		if err != nil {
			f.Add("target", "Enter the target as a number, for example 80")
		}
		target = t
	}
	err := f.Err()
	if err == nil {
		err = s.Indicators.SetIndicatorTarget(r.Context(), d.Key, target, clear, lightbulb.ActorFrom(r.Context()).Name)
	}
	if err != nil {
		s.renderIndicator(w, r, d, err)
		return
	}
	detail := strconv.FormatFloat(target, 'f', -1, 64)
	if clear {
		detail = "cleared"
	}
	_ = s.Audit.Record(r.Context(), "indicators.target", "indicator:"+d.Key, detail)
	s.flash(r, "Target saved.")
	http.Redirect(w, r, "/indicators/"+url.PathEscape(d.Key), http.StatusSeeOther)
}

// indicatorsCSV downloads every indicator's monthly values over the period.
func (s *Server) indicatorsCSV(w http.ResponseWriter, r *http.Request, iq indicatorQuery, rds []indicatorReading) {
	if iq.Errs != nil {
		s.renderIndicators(w, r, iq, rds, nil, nil)
		return
	}
	_ = s.Audit.Record(r.Context(), "indicators.export", "", iq.From+" "+iq.To)
	writeReadingsCSV(w, langOf(r), rds, "indicators-"+iq.From+"-"+iq.To+".csv")
}

// writeReadingsCSV writes readings' monthly values, each row with its
// chart's reading, headed in lang.
func writeReadingsCSV(w http.ResponseWriter, lang string, rds []indicatorReading, filename string) {
	sendFile(w, "text/csv; charset=utf-8", filename, readingsCSV(lang, rds))
}

// readingsCSV is readings month by month as CSV, headed in lang.
func readingsCSV(lang string, rds []indicatorReading) []byte {
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	head := []string{"Indicator", "Key", "Month", "Numerator", "Denominator", "Value", "Centre line", "Lower limit", "Upper limit", "Special cause", "Target"}
	for i := range head {
		head[i] = i18n.T(lang, head[i])
	}
	_ = cw.Write(head)
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	for _, rd := range rds {
		for i, v := range rd.Values {
			seg := rd.SPC.SegmentOf(i)
			row := []string{csvSafe(rd.Name), rd.Def.Key, v.Month, num(v.Numerator), num(v.Denominator), num(v.Value),
				num(seg.Centre), "", "", csvSafe(pointWords(lang, rd.SPC.Points[i])), ""}
			if seg.Kind == lightbulb.ChartXmR {
				row[7], row[8] = num(seg.Lower), num(seg.Upper)
			}
			if rd.HasTarget {
				row[10] = num(rd.Target)
			}
			_ = cw.Write(row)
		}
	}
	cw.Flush()
	return buf.Bytes()
}
