package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

// reportCSV downloads the report's indicators month by month, headed in
// the report's language.
func (s *Server) reportCSV(w http.ResponseWriter, r *http.Request) {
	rep, v, ok := s.reportInItsLanguage(w, r)
	if !ok {
		return
	}
	_ = s.Audit.Record(r.Context(), "report.export", reportTarget(rep), "csv")
	writeReadingsCSV(w, rep.Lang, v.Readings, fmt.Sprintf("board-report-%d.csv", rep.ID))
}

// reportPDF downloads the report as an A4 PDF in its language.
func (s *Server) reportPDF(w http.ResponseWriter, r *http.Request) {
	rep, v, ok := s.reportInItsLanguage(w, r)
	if !ok {
		return
	}
	var buf bytes.Buffer
	if err := report.WriteBoard(&buf, boardDocument(rep.Lang, currentOrg(r.Context()).Name, v)); err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "report.export", reportTarget(rep), "pdf")
	sendFile(w, "application/pdf", fmt.Sprintf("board-report-%d.pdf", rep.ID), buf.Bytes())
}

// reportInItsLanguage reads the report in the address in its own
// language, for its downloads.
func (s *Server) reportInItsLanguage(w http.ResponseWriter, r *http.Request) (*lightbulb.BoardReport, *reportView, bool) {
	rep, ok := s.report(w, r)
	if !ok {
		return nil, nil, false
	}
	v, err := s.readReportView(r, rep, rep.Lang)
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	return rep, v, true
}

// boardDocument words a report for its PDF in lang.
func boardDocument(lang, org string, v *reportView) report.Board {
	t := func(s string, args ...any) string { return i18n.T(lang, s, args...) }
	rep := v.Report
	status := t("Draft")
	if rep.Status == lightbulb.ReportIssued {
		status = t("Issued on %s", dates{i18n.Dates{Lang: lang}}.Full(*rep.IssuedAt))
	}
	b := report.Board{Title: rep.Title, Lang: lang, Created: rep.CreatedAt,
		Subtitle: org + " · " + periodWords(lang, rep.From, rep.To) + " · " + status,
		Footer:   org + " · " + rep.Title, PurposeHeading: t("Purpose"), Purpose: orNone(lang, rep.Purpose),
		IssuesHeading: t("Summary of key issues"), Issues: rep.KeyIssues, SummaryHeading: t("Summary of the indicators"),
		SummaryHead: []string{t("Indicator"), t("Latest"), t("Target"), t("Centre line"), t("Process limits"), t("Variation"), t("Assurance")}}
	if len(v.Recomputed) > 0 {
		b.Subtitle += " · " + t("Figures for %d months were computed again after this report was issued.", len(v.Recomputed))
	}
	for i, rd := range v.Readings {
		limits := ""
		if rd.Upper != "" {
			limits = rd.Lower + " " + t("to") + " " + rd.Upper
		}
		b.SummaryRows = append(b.SummaryRows, []string{rd.Name, rd.LatestWords(), rd.TargetText, rd.Centre, limits, rd.VariationWords(lang), rd.AssuranceWords(lang)})
		sec := v.Sections[i]
		rows := []report.Row{{Label: t("What it measures"), Value: rd.Definition}}
		if rd.History != "" {
			rows = append(rows, report.Row{Label: t("History"), Value: rd.History})
		}
		if cw := rd.ChangesWords(lang); cw != "" {
			rows = append(rows, report.Row{Label: t("Limits recalculated after a change"), Value: cw})
		}
		b.Indicators = append(b.Indicators, report.BoardIndicator{Heading: rd.Name, Chart: sec.Chart, TableHead: chartHead(sec.Chart), Table: chartRows(sec.Chart),
			Rows: append(rows, report.Row{Label: t("Chart"), Value: rd.Kind},
				report.Row{Label: t("Latest"), Value: rd.LatestWords()},
				report.Row{Label: t("Variation"), Value: rd.VariationWords(lang)}, report.Row{Label: t("Assurance"), Value: rd.AssuranceWords(lang)},
				report.Row{Label: t("Rules this chart used"), Value: strings.Join(rd.RulesUsed, "; ")}),
			Sections: []report.Row{{Label: t("What it tells us"), Value: orNone(lang, sec.TellsUs)}, {Label: t("Actions"), Value: orNone(lang, sec.Actions)}}})
	}
	return b
}

// chartHead and chartRows are a chart's table twin as text, for the PDF.
func chartHead(ch report.Chart) []string {
	head := []string{ch.Axis}
	for _, s := range ch.Series {
		head = append(head, s.Name)
	}
	return head
}

func chartRows(ch report.Chart) [][]string {
	var rows [][]string
	for c, cat := range ch.Categories {
		row := []string{cat}
		for s := range ch.Series {
			row = append(row, ch.Cell(s, c))
		}
		rows = append(rows, row)
	}
	return rows
}

func orNone(lang, s string) string {
	if s == "" {
		return i18n.T(lang, "None given")
	}
	return s
}
