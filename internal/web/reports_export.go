package web

import (
	"bytes"
	"context"
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
	s.reportFile(w, r, "csv", "text/csv; charset=utf-8", func(f *lightbulb.BoardReportFiles) []byte { return f.CSV })
}

// reportPDF downloads the report as an A4 PDF in its language.
func (s *Server) reportPDF(w http.ResponseWriter, r *http.Request) {
	s.reportFile(w, r, "pdf", "application/pdf", func(f *lightbulb.BoardReportFiles) []byte { return f.PDF })
}

// reportFile sends one of a report's files: an issued report's as its job
// built them (the page says when they are not ready yet), a draft's built
// now by the same builder, as a preview.
func (s *Server) reportFile(w http.ResponseWriter, r *http.Request, ext, contentType string, pick func(*lightbulb.BoardReportFiles) []byte) {
	rep, ok := s.report(w, r)
	if !ok {
		return
	}
	var files *lightbulb.BoardReportFiles
	var err error
	if rep.Status == lightbulb.ReportIssued {
		if rep.Build.State != lightbulb.BuildReady {
			http.Redirect(w, r, fmt.Sprintf("/reports/%d", rep.ID), http.StatusSeeOther)
			return
		}
		files, err = s.Reports.BoardReportFiles(r.Context(), rep.ID)
	} else {
		files, err = s.buildReportFiles(r.Context(), currentOrg(r.Context()).Name, rep, nil)
	}
	if err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "report.export", reportTarget(rep), ext)
	sendFile(w, contentType, fmt.Sprintf("board-report-%d.%s", rep.ID, ext), pick(files))
}

// BoardReportBuilder is what the report.build job builds an issued
// report's files with: the same reading, PDF and CSV as a draft's preview.
func BoardReportBuilder(indicators lightbulb.IndicatorService) lightbulb.BoardReportBuilder {
	s := &Server{Services: Services{Indicators: indicators}}
	return s.buildReportFiles
}

// buildReportFiles reads rep in its own language and writes its PDF and CSV.
func (s *Server) buildReportFiles(ctx context.Context, org string, rep *lightbulb.BoardReport, progress func(done, total int) error) (*lightbulb.BoardReportFiles, error) {
	v, err := s.readReportView(ctx, rep, rep.Lang, progress)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := report.WriteBoard(&buf, boardDocument(rep.Lang, org, v)); err != nil {
		return nil, err
	}
	return &lightbulb.BoardReportFiles{PDF: buf.Bytes(), CSV: readingsCSV(rep.Lang, v.Readings), BuiltAt: lightbulb.Now()}, nil
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
