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

// decisionPDF downloads a decision record with its history as a PDF, to
// share with the person, their advocate or an inspector.
func (s *Server) decisionPDF(w http.ResponseWriter, r *http.Request) {
	d, ok := s.decision(w, r)
	if !ok {
		return
	}
	data, err := s.recordData(r, d)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, "", nil)
	doc := decisionDocument(p, d, data.Titles, data.Versions)
	var buf bytes.Buffer
	if err := report.WriteRecord(&buf, doc); err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "decision.export", decisionTarget(d), "pdf")
	sendFile(w, "application/pdf", fmt.Sprintf("decision-%d.pdf", d.ID), buf.Bytes())
}

// sendFile answers with a file to download.
func sendFile(w http.ResponseWriter, contentType, filename string, body []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	_, _ = w.Write(body)
}

// decisionDocument lays a decision out as the record page does.
func decisionDocument(p *Page, d *lightbulb.Decision, titles map[string]string, vs []*lightbulb.Version) report.Record {
	r := d.Reasoning
	row := func(label, v string) report.Row {
		if v == "" {
			v = p.T("Not given yet")
		}
		return report.Row{Label: p.T(label), Value: v}
	}
	who := p.Label("decision", string(r.Scope))
	switch r.Scope {
	case lightbulb.ScopePerson:
		who += ": " + r.PersonRef
	case lightbulb.ScopeGroup:
		who += ": " + r.Group
	case lightbulb.ScopeEveryone:
		who = p.T("Blanket rule") + ": " + p.T("Everyone in the service") + ". " + r.BlanketWhy
	}
	secs := []report.Section{
		{Heading: p.Label("decision", "situation"), Rows: []report.Row{row("Ward, team or home", d.ServiceName), row("Date of the decision", p.Dates.Short(r.Date)),
			row("What is proposed?", r.Proposal), row("Why is it proposed?", r.Reason), row("Who does it affect?", who)}},
		{Heading: p.Label("decision", "voice"), Rows: []report.Row{row("Was the person involved in the decision?", p.Label("decision", r.Involved)),
			row("In their own words", r.OwnWords), row("Their advocate, family or carer", r.Others)}},
	}
	if r.WhyNot != "" {
		secs[1].Rows = append(secs[1].Rows, row("Why they were not involved", r.WhyNot))
	}
	var tests []report.Row
	for _, t := range r.Tests {
		v := p.T("Engaged, not restricted")
		if t.Restricted() {
			parts := []string{p.T("Restricted")}
			for _, kv := range [][2]string{{"Permitted case", t.PermittedCase}, {"Legal basis", t.LegalBasis}, {"Legitimate aim", p.Label("decision", t.Aim)},
				{"Why it is necessary", t.Necessary}, {"Less restrictive options considered", t.LessRestrictive}, {"Why it is proportionate", t.Proportionate}} {
				if kv[1] != "" {
					parts = append(parts, p.T(kv[0])+": "+strings.TrimRight(kv[1], ". "))
				}
			}
			v = strings.Join(parts, ". ") + "."
		}
		tests = append(tests, report.Row{Label: t.Code + " " + titles[t.Code], Value: v})
	}
	secs = append(secs, report.Section{Heading: p.Label("decision", "tests"), Rows: tests},
		report.Section{Heading: p.Label("decision", "outcome"), Rows: []report.Row{row("What was decided?", r.Outcome), row("Who decided?", r.DecidedBy),
			row("Review date", p.Dates.Short(r.ReviewDate))}})
	hist := []report.Row{{Label: p.T("Recorded by %s on %s.", d.OwnerName, p.Dates.Short(d.CreatedAt)), Value: p.Label("decision", string(d.Status))}}
	for _, v := range vs {
		what := p.Label("decision", v.Kind)
		if v.Outcome != "" {
			what += ": " + p.Label("decision", v.Outcome)
		}
		if v.Note != "" {
			what += ". " + v.Note
		}
		hist = append(hist, report.Row{Label: fmt.Sprintf("%d · %s · %s", v.Number, v.ActorName, p.Dates.Minute(v.CreatedAt)), Value: what})
	}
	secs = append(secs, report.Section{Heading: p.T("History"), Rows: hist})
	return report.Record{Title: p.T("Decision %d", d.ID), Subtitle: d.ServiceName + " · " + p.Org.Name + " · " + p.Label("decision", string(d.Status)),
		Sections: secs, Footer: p.T("Printed from Lightbulb."), Lang: p.Lang, Created: time.Now()}
}
