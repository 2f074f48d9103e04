package web

import (
	"context"
	"fmt"
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

// reportHistoryMonths is how many months a board report's charts show.
const reportHistoryMonths = 24

// reportSection is one indicator of a board report: its reading, chart
// and the lead's words.
type reportSection struct {
	R       indicatorReading
	Chart   report.Chart
	TellsUs string
	Actions string
}

// reportView is a board report read in one language: its cover sheet,
// each indicator's reading and the months computed again since it was
// issued (their figures are today's, not the issued ones).
type reportView struct {
	Report     *lightbulb.BoardReport
	Query      indicatorQuery
	Readings   []indicatorReading
	Sections   []reportSection
	Recomputed []string
	Status     string
}

// readReportView reads rep's indicators over its period in lang, calling
// progress (when given) after each indicator.
func (s *Server) readReportView(ctx context.Context, rep *lightbulb.BoardReport, lang string, progress func(done, total int) error) (*reportView, error) {
	// The charts show the two years up to the period's end, so each is read
	// over enough months for process limits; the latest value is the
	// period's last month.
	iq := indicatorQuery{From: min(rep.From, lightbulb.AddMonths(rep.To, -(reportHistoryMonths-1))), To: rep.To, Rules: lightbulb.DefaultSPCRules}
	vs, org, err := s.valuesToRead(ctx, rep.Keys(), iq, false)
	if err != nil {
		return nil, err
	}
	v := &reportView{Report: rep, Query: iq, Status: label(lang, "spc", rep.Status)}
	if rep.IssuedAt != nil {
		if v.Recomputed, err = s.Indicators.RecomputedSince(ctx, rep.From, rep.To, *rep.IssuedAt); err != nil {
			return nil, err
		}
	}
	for i, it := range rep.Items {
		d, ok := lightbulb.FindIndicator(it.Indicator)
		if !ok {
			continue
		}
		var own []lightbulb.IndicatorValue
		for _, x := range vs {
			if x.Indicator == d.Key {
				own = append(own, x)
			}
		}
		rd := org.read(lang, d, own, iq.Rules)
		v.Readings = append(v.Readings, rd)
		v.Sections = append(v.Sections, reportSection{R: rd, Chart: runChart(lang, fmt.Sprintf("chart-%d", i+1), rd),
			TellsUs: it.TellsUs, Actions: it.Actions})
		if progress != nil {
			if err := progress(i+1, len(rep.Items)); err != nil {
				return nil, err
			}
		}
	}
	return v, nil
}

func (s *Server) reportPage(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.report(w, r)
	if !ok {
		return
	}
	v, err := s.readReportView(r.Context(), rep, langOf(r), nil)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	if r.Header.Get("HX-Request") == "" { // the page asking itself how the build goes is not another look
		_ = s.Audit.Record(r.Context(), "report.view", reportTarget(rep), "")
	}
	p := s.newPage(r, "", v)
	p.Title = rep.Title
	s.render(w, r, http.StatusOK, "report", p)
}

// periodWords is a period of months in words: "September 2026 to November 2026".
func periodWords(lang, from, to string) string {
	d := dates{i18n.Dates{Lang: lang}}
	return i18n.T(lang, "%s to %s", d.Month(from), d.Month(to))
}
