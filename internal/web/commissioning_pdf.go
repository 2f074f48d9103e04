package web

import (
	"bytes"
	"fmt"
	"net/http"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

// commReportPDF downloads a contract's assurance as a PDF in the reader's
// language: the contract, each requirement with the provider's latest
// answer and the latest report's rating, and the reports with the
// provider's comments on their facts.
func (s *Server) commReportPDF(w http.ResponseWriter, r *http.Request) {
	c, ok := s.commContractOf(w, r)
	if !ok {
		return
	}
	id := c.ID
	var buf bytes.Buffer
	if err := report.WriteRecord(&buf, contractDocument(s.newPage(r, "", nil), c)); err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.report.export", fmt.Sprintf("contract %d", id), "pdf")
	sendFile(w, "application/pdf", fmt.Sprintf("contract-%d.pdf", id), buf.Bytes())
}

// contractDocument lays a contract's assurance out as a record.
func contractDocument(p *Page, c *lightbulb.Contract) report.Record {
	secs := []report.Section{{Heading: p.T("Contract"), Rows: []report.Row{
		{Label: p.T("Provider"), Value: c.ProviderName},
		{Label: p.T("Value"), Value: lightbulb.Pounds(c.ValuePence)},
		{Label: p.T("Term"), Value: p.T("%s to %s", p.Dates.Full(c.StartsOn), p.Dates.Full(c.EndsOn))},
		{Label: p.T("Services it covers"), Value: c.Services}}}}
	var latest *lightbulb.Assessment
	if len(c.Assessments) > 0 {
		latest = c.Assessments[0]
	}
	for _, cr := range c.Requirements {
		rows := []report.Row{{Label: p.T("Return due"), Value: p.Dates.Full(cr.DueOn)}}
		if a := cr.Latest; a != nil {
			rows = append(rows, report.Row{Label: p.T("Provider's rating"), Value: p.Label("review", a.Rating)},
				report.Row{Label: p.T("Provider's evidence"), Value: a.Evidence},
				report.Row{Label: p.T("Review attached"), Value: figureText(p.Lang, a.Figure)})
			if t := countedText(p.Lang, a.Counted); t != "" && c.Sharing { // only while the provider shares
				rows = append(rows, report.Row{Label: p.T("Figures from the provider's records"), Value: t})
			}
		} else {
			rows = append(rows, report.Row{Label: p.T("Provider's rating"), Value: p.T("No answer yet")})
		}
		if latest != nil {
			for _, l := range latest.Lines {
				if l.ContractRequirementID == cr.ID {
					rows = append(rows, report.Row{Label: p.T("Commissioner's rating"), Value: p.Label("review", l.Rating)},
						report.Row{Label: p.T("Commissioner's note"), Value: l.Note})
				}
			}
		}
		secs = append(secs, report.Section{Heading: cr.Requirement.Code + ": " + cr.Requirement.Text, Rows: rows})
	}
	for _, a := range c.Assessments {
		rows := []report.Row{{Label: p.T("Report state"), Value: p.Label("comm_report", a.State)}, {Label: p.T("Summary of your assessment"), Value: a.Summary}}
		for _, f := range a.Comments {
			rows = append(rows, report.Row{Label: f.By + ", " + p.Dates.Full(f.At), Value: f.Text})
		}
		secs = append(secs, report.Section{Heading: p.T("Report of %s", p.Dates.Full(a.IssuedAt)), Rows: rows})
	}
	return report.Record{Title: c.Title, Subtitle: c.ProviderName + " · " + c.CommissionerName, Sections: secs,
		Footer: p.T("Printed from Lightbulb."), Lang: p.Lang, Created: time.Now()}
}

// commContractOf reads the commissioner's contract named in the path, or
// answers "not found".
func (s *Server) commContractOf(w http.ResponseWriter, r *http.Request) (*lightbulb.Contract, bool) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, false
	}
	c, err := s.Commissioning.Contract(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return nil, false
	}
	return c, true
}

// returnsChart is the ratings in each of a contract's returns, oldest first,
// as a stacked bar chart: the trend over returns.
func returnsChart(lang string, c *lightbulb.Contract) report.Chart {
	ch := report.Chart{ID: "returns-chart", Kind: report.Stacked, Title: i18n.T(lang, "Ratings in each return"),
		Desc: i18n.T(lang, "Bar chart of how many requirements the provider rated green, amber and red in each return, oldest first."),
		Axis: i18n.T(lang, "Return"), Series: ratingSeries(lang, ratingPalette[:3]...)}
	for i := len(c.Returns) - 1; i >= 0; i-- {
		ret := c.Returns[i]
		ch.Categories = append(ch.Categories, c.ReturnName(ret, lang))
		counts := map[lightbulb.Rating]float64{}
		for _, a := range ret.Answers {
			counts[a.Rating]++
		}
		for j, r := range []lightbulb.Rating{lightbulb.Green, lightbulb.Amber, lightbulb.Red} {
			ch.Series[j].Values = append(ch.Series[j].Values, counts[r])
		}
	}
	return ch
}
