package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

// assessmentReportView is the report of a period's impact assessments.
type assessmentReportView struct {
	Period assessPeriod
	R      *lightbulb.AssessmentReport
	Rights report.Chart
	Titles map[string]string
	Types  []lightbulb.CaseType
}

// caseAssessmentReport shows what a period's assessments found: the rights
// engaged, how severe, whom they affect, and the learning; as a page, a PDF
// (format=pdf) or a CSV of every assessed case (format=csv).
func (s *Server) caseAssessmentReport(w http.ResponseWriter, r *http.Request) {
	per := periodOf(r.URL.Query())
	cs, err := s.Cases.AssessedCases(r.Context(), per.Filter())
	if err != nil {
		s.appError(w, r, err)
		return
	}
	titles, err := s.rightTitles(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	rep := lightbulb.SummariseAssessments(cs)
	for i := range rep.ByRight {
		rep.ByRight[i].Label = rep.ByRight[i].Key + " " + titles[rep.ByRight[i].Key]
	}
	lang := langOf(r)
	p := s.newPage(r, "Human rights impact assessment", nil)
	switch r.URL.Query().Get("format") {
	case "csv":
		_ = s.Audit.Record(r.Context(), "case.assessment_export", "cases", "csv "+per.Query())
		sendCSV(w, "impact-assessment.csv", assessmentRows(p, cs, titles))
		return
	case "pdf":
		var buf bytes.Buffer
		if err := report.WriteRecord(&buf, assessmentDocument(p, per, rep, titles)); err != nil {
			s.serverError(w, r, err)
			return
		}
		_ = s.Audit.Record(r.Context(), "case.assessment_export", "cases", "pdf "+per.Query())
		sendFile(w, "application/pdf", "impact-assessment.pdf", buf.Bytes())
		return
	}
	_ = s.Audit.Record(r.Context(), "case.assessment_report", "cases", per.Query())
	p.Data = assessmentReportView{Period: per, R: rep, Titles: titles, Types: lightbulb.CaseTypes,
		Rights: countChart(lang, "assessed-rights-chart", "Rights at risk or breached",
			"Bar chart of how many assessed cases put each right at risk or breached it, most first. The same numbers are in the table below.", "Right", rep.ByRight)}
	p.Form = r.URL.Query()
	p.Form.Set("from", per.From)
	p.Form.Set("to", per.To)
	s.render(w, r, http.StatusOK, "cases_assessment_report", p)
}

// PeriodName is the period in words: "November 2026", or "November 2026 to
// January 2027".
func (p *Page) PeriodName(per assessPeriod) string {
	if per.From == per.To {
		return p.Dates.Month(per.From)
	}
	return p.T("%s to %s", p.Dates.Month(per.From), p.Dates.Month(per.To))
}

// assessmentSummary says what one assessment found, in words.
func assessmentSummary(p *Page, a *lightbulb.CaseAssessment) string {
	if !a.Engaged() {
		return p.Label("assessment", a.Finding)
	}
	return strings.Join([]string{p.Label("assessment", a.Finding), p.Label("assessment", a.Severity),
		p.Label("assessment", string(a.Scope))}, " · ")
}

// assessmentRows are the assessed cases as CSV, headed in the page's language.
func assessmentRows(p *Page, cs []*lightbulb.AssessedCase, titles map[string]string) [][]string {
	rows := [][]string{{p.T("Reference"), p.T("Date received"), p.T("Ward, team or home"), p.T("Type of case"), p.T("Finding"),
		p.T("Severity"), p.T("Who it affects"), p.T("Rights at risk or breached"), p.T("What was done"), p.T("Learning"), p.T("Assessed by")}}
	for _, c := range cs {
		a := c.Assessment
		if a == nil {
			continue
		}
		var rights []string
		for _, code := range a.Rights {
			rights = append(rights, code+" "+titles[code])
		}
		sev, scope := "", ""
		if a.Engaged() {
			sev, scope = p.Label("assessment", a.Severity), p.Label("assessment", string(a.Scope))
		}
		rows = append(rows, []string{csvSafe(c.SourceRef), c.Received, csvSafe(c.ServiceName), p.Label("case", string(c.Type)),
			p.Label("assessment", a.Finding), sev, scope, strings.Join(rights, "; "), csvSafe(a.ActionTaken), csvSafe(a.Learning), csvSafe(a.AssessedBy)})
	}
	return rows
}

// assessmentDocument lays the report out as a PDF record.
func assessmentDocument(p *Page, per assessPeriod, rep *lightbulb.AssessmentReport, titles map[string]string) report.Record {
	count := func(kind string, cs []lightbulb.Count) []report.Row {
		var out []report.Row
		for _, c := range cs {
			l := c.Label
			if kind != "" {
				l = p.Label(kind, c.Key)
			}
			out = append(out, report.Row{Label: l, Value: fmt.Sprint(c.N)})
		}
		if len(out) == 0 {
			out = append(out, report.Row{Label: p.T("None"), Value: "0"})
		}
		return out
	}
	secs := []report.Section{
		{Heading: p.T("Summary"), Rows: []report.Row{{Label: p.T("Cases in the period"), Value: fmt.Sprint(rep.Cases)},
			{Label: p.T("Assessed"), Value: fmt.Sprint(rep.Assessed)}, {Label: p.T("A right at risk or breached"), Value: fmt.Sprint(rep.Engaged)}}},
		{Heading: p.T("Rights at risk or breached"), Rows: count("", rep.ByRight)},
		{Heading: p.T("What the assessments found"), Rows: count("assessment", rep.ByFinding)},
		{Heading: p.T("Severity"), Rows: count("assessment", rep.BySeverity)},
		{Heading: p.T("Who it affects"), Rows: count("assessment", rep.ByScope)},
	}
	var learn []report.Row
	for _, c := range rep.Items {
		a := c.Assessment
		var rights []string
		for _, code := range a.Rights {
			rights = append(rights, code+" "+titles[code])
		}
		v := assessmentSummary(p, a) + ". " + p.T("Rights") + ": " + strings.Join(rights, ", ") + ". " +
			p.T("What was done") + ": " + strings.TrimRight(a.ActionTaken, ". ") + "."
		if a.Learning != "" {
			v += " " + p.T("Learning") + ": " + strings.TrimRight(a.Learning, ". ") + "."
		}
		learn = append(learn, report.Row{Label: c.SourceRef + " · " + p.Dates.Short(c.Received) + " · " + c.ServiceName, Value: v})
	}
	if len(learn) == 0 {
		learn = append(learn, report.Row{Label: p.T("None"), Value: p.T("No assessed case put a right at risk.")})
	}
	secs = append(secs, report.Section{Heading: p.T("What was done and the learning"), Rows: learn})
	what := p.T("All cases")
	if per.Type != "" {
		what = p.Label("case", string(per.Type))
	}
	return report.Record{Title: p.T("Human rights impact assessment"), Subtitle: what + " · " + p.PeriodName(per) + " · " + p.Org.Name,
		Sections: secs, Footer: p.T("Printed from Lightbulb."), Lang: p.Lang, Created: time.Now()}
}
