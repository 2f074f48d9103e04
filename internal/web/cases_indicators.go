package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"slices"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

// caseRightRow is one right's confirmed cases in each month of the table.
type caseRightRow struct {
	Code   string
	Counts []int
	Total  int
}

// topRightsChart is the most engaged rights as a bar chart.
func topRightsChart(lang string, top []lightbulb.CaseCount, titles map[string]string) report.Chart {
	ch := report.Chart{ID: "top-rights-chart", Kind: report.Bars, Title: i18n.T(lang, "Most engaged rights"),
		Desc: i18n.T(lang, "Bar chart of the rights reviewers confirmed most often. The same numbers are in the table below."),
		Axis: i18n.T(lang, "Right"), Series: []report.Series{{Name: i18n.T(lang, "Cases"), Fill: "#1d70b8"}}}
	for _, c := range top {
		ch.Categories = append(ch.Categories, c.Key+" "+titles[c.Key])
		ch.Series[0].Values = append(ch.Series[0].Values, float64(c.N))
	}
	return ch
}

// caseMatrix turns counts by right and month into table rows.
func caseMatrix(in []lightbulb.CaseCount) ([]string, []caseRightRow) {
	col, row := map[string]int{}, map[string]int{}
	var months, codes []string
	for _, c := range in {
		if _, ok := col[c.Month]; !ok {
			col[c.Month] = 0
			months = append(months, c.Month)
		}
		if _, ok := row[c.Key]; !ok {
			row[c.Key] = 0
			codes = append(codes, c.Key)
		}
	}
	slices.Sort(months)
	for i, m := range months {
		col[m] = i
	}
	order := make(map[string]int, len(codes))
	for _, code := range codes {
		order[code] = caseCodeOrder(code)
	}
	slices.SortFunc(codes, func(a, b string) int { return order[a] - order[b] })
	rows := make([]caseRightRow, len(codes))
	for i, code := range codes {
		row[code] = i
		rows[i] = caseRightRow{Code: code, Counts: make([]int, len(months))}
	}
	for _, c := range in {
		r := &rows[row[c.Key]]
		r.Counts[col[c.Month]] = c.N
		r.Total += c.N
	}
	return months, rows
}

// caseCodeOrder sorts A2 before A10 and articles before protocol rights.
func caseCodeOrder(code string) int {
	n := 0
	fmt.Sscanf(code[1:], "%d", &n)
	if code[0] == 'P' {
		n += 100
	}
	return n
}

// caseMonth accepts a YYYY-MM month.
func caseMonth(v string) bool {
	_, err := time.Parse("2006-01", v)
	return err == nil
}

func (s *Server) caseIndicators(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	f := caseFilter(q)
	f.Status, f.Reviewed, f.From, f.To = "", "", "", ""
	if m := q.Get("from"); caseMonth(m) {
		f.From = m + "-01"
	}
	if m := q.Get("to"); caseMonth(m) {
		f.To = m + "-28"
	}
	ci, err := s.Cases.CaseIndicators(ctx, f)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	titles, err := s.rightTitles(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if q.Get("format") == "csv" {
		s.caseIndicatorsCSV(w, r, ci)
		return
	}
	services, err := s.Units.FindUnits(ctx)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	months, matrix := caseMatrix(ci.ByRightMonth)
	csvQ := r.URL.Query()
	csvQ.Set("format", "csv")
	data := map[string]any{"I": ci, "Chart": chartHTML(topRightsChart(langOf(r), ci.TopRights, titles)), "Matrix": matrix,
		"CSV": "/cases/indicators?" + csvQ.Encode()}
	p := s.newPage(r, "Case indicators", data)
	p.Form = q
	caseFilterOptions(p, data, services, nil)
	caseIndicatorTables(p, data, ci, months, matrix)
	s.render(w, r, http.StatusOK, "cases_indicators", p)
}

// caseIndicatorsCSV writes every count as measure, key, month or type, number.
func (s *Server) caseIndicatorsCSV(w http.ResponseWriter, r *http.Request, ci *lightbulb.CaseIndicators) {
	p := s.newPage(r, "", nil)
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	_ = cw.Write([]string{p.T("Measure"), p.T("Key"), p.T("Month or type"), p.T("Number")})
	_ = cw.Write([]string{"cases", "", "", fmt.Sprint(ci.Total)})
	_ = cw.Write([]string{"reviewed", "", "", fmt.Sprint(ci.Reviewed)})
	put := func(measure string, cs []lightbulb.CaseCount) {
		for _, c := range cs {
			_ = cw.Write([]string{measure, csvSafe(c.Key), c.Month, fmt.Sprint(c.N)})
		}
	}
	put("right_month", ci.ByRightMonth)
	put("service_type", ci.ByServiceType)
	put("harm", ci.ByHarm)
	put("top_right", ci.TopRights)
	cw.Flush()
	_ = s.Audit.Record(r.Context(), "case.indicators_export", "cases", r.URL.RawQuery)
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="case-indicators.csv"`)
	_, _ = buf.WriteTo(w)
}
