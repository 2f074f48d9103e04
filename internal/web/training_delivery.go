package web

import (
	"bytes"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

// deliveryView is a cohort's delivery report as the page, the PDF and the
// CSV file all show it: one row a part and a total, in the reader's
// language.
type deliveryView struct {
	Report  *lightbulb.DeliveryReport
	Heads   []string
	Rows    [][]string
	Total   []string
	Trainer bool
	Base    string
}

func (s *Server) deliveryPage(w http.ResponseWriter, r *http.Request) (*Page, *deliveryView, bool) {
	ctx, c, ok := s.memberCohort(w, r)
	if !ok {
		return nil, nil, false
	}
	rep, err := s.Training.DeliveryReport(ctx, c.ID)
	if err != nil {
		s.serverError(w, r, err)
		return nil, nil, false
	}
	p := s.newPage(r, "Delivery report", nil)
	v := &deliveryView{Report: rep, Trainer: isTrainer(r.Context()), Base: fmt.Sprintf("/training/cohorts/%d/report", c.ID)}
	v.Heads = []string{p.T("Part"), p.T("Workshops delivered"), p.T("Workshops planned"), p.T("Places"), p.T("Booked"), p.T("Attended"),
		p.T("Did not attend"), p.T("Attendance"), p.T("Feedback given"), p.T("Average rating"), p.T("Knowledge before"),
		p.T("Knowledge after"), p.T("Knowledge change"), p.T("Not yet completed")}
	for _, part := range rep.Parts {
		title := lightbulb.Pick(p.Lang, part.Title, part.TitleCy).S
		v.Rows = append(v.Rows, deliveryCells(p, fmt.Sprintf("%d: %s", part.Part, title), part, strconv.Itoa(part.NotCompleted)))
	}
	v.Total = deliveryCells(p, p.T("All parts"), &rep.Total, "")
	p.Data = v
	return p, v, true
}

// deliveryCells is one row of the report.
func deliveryCells(p *Page, name string, d *lightbulb.DeliveryPart, notCompleted string) []string {
	pct := func(n int) string {
		if n < 0 {
			return "–"
		}
		return strconv.Itoa(n) + "%"
	}
	rating, change := "–", "–"
	if d.Feedback > 0 {
		rating = strconv.FormatFloat(d.Rating(), 'f', 1, 64)
	}
	if c, ok := d.KnowledgeChange(); ok {
		change = fmt.Sprintf("%+d", c)
	}
	attendance := "–"
	if d.Booked > 0 {
		attendance = pct(d.AttendanceRate())
	}
	return []string{name, strconv.Itoa(d.Delivered), strconv.Itoa(d.Planned), strconv.Itoa(d.Places), strconv.Itoa(d.Booked),
		strconv.Itoa(d.Attended), strconv.Itoa(d.NoShow), attendance, strconv.Itoa(d.Feedback), rating,
		pct(d.PreAverage()), pct(d.PostAverage()), change, notCompleted}
}

func (s *Server) cohortDelivery(w http.ResponseWriter, r *http.Request) {
	p, v, ok := s.deliveryPage(w, r)
	if !ok {
		return
	}
	_ = s.Audit.Record(r.Context(), "training.delivery.view", fmt.Sprintf("cohort %d", v.Report.Cohort.ID), "")
	s.render(w, r, http.StatusOK, "training_delivery", p)
}

// cohortDeliveryCSV downloads the report's table, then who has not yet
// completed each part.
func (s *Server) cohortDeliveryCSV(w http.ResponseWriter, r *http.Request) {
	p, v, ok := s.deliveryPage(w, r)
	if !ok {
		return
	}
	rows := [][]string{v.Heads}
	for _, row := range v.Rows {
		rows = append(rows, csvRow(row))
	}
	rows = append(rows, csvRow(v.Total), nil, []string{p.T("Name"), p.T("Email address"), p.T("Parts not yet completed")})
	for _, g := range v.Report.Gaps {
		rows = append(rows, csvRow([]string{g.Name, g.Email, g.PartList()}))
	}
	_ = s.Audit.Record(r.Context(), "training.delivery.export", fmt.Sprintf("cohort %d", v.Report.Cohort.ID), "csv")
	sendCSV(w, fmt.Sprintf("delivery-%d.csv", v.Report.Cohort.ID), rows)
}

func csvRow(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = csvSafe(c)
	}
	return out
}

// cohortDeliveryPDF downloads the report as a PDF: a section a part, the
// totals, and who has not yet completed each part.
func (s *Server) cohortDeliveryPDF(w http.ResponseWriter, r *http.Request) {
	p, v, ok := s.deliveryPage(w, r)
	if !ok {
		return
	}
	c := v.Report.Cohort
	var secs []report.Section
	for _, row := range append(v.Rows, v.Total) {
		sec := report.Section{Heading: p.T("Part %s", row[0])}
		if row[0] == v.Total[0] {
			sec.Heading = row[0]
		}
		for i := 1; i < len(row); i++ {
			if row[i] != "" {
				sec.Rows = append(sec.Rows, report.Row{Label: v.Heads[i], Value: row[i]})
			}
		}
		secs = append(secs, sec)
	}
	gaps := report.Section{Heading: p.T("Not yet completed")}
	for _, g := range v.Report.Gaps {
		gaps.Rows = append(gaps.Rows, report.Row{Label: strings.TrimSpace(g.Name + " " + g.Email), Value: p.T("Parts %s", g.PartList())})
	}
	if len(gaps.Rows) == 0 {
		gaps.Rows = []report.Row{{Label: p.T("Everyone"), Value: p.T("has completed every part.")}}
	}
	secs = append(secs, gaps)
	var buf bytes.Buffer
	doc := report.Record{Title: p.T("Delivery report") + ": " + c.Name, Subtitle: c.ProgrammeTitle + " · " + c.ClientOrgName, Sections: secs,
		Footer: p.T("Printed from Lightbulb on %s.", p.Dates.Full(lightbulb.Now())), Lang: p.Lang, Created: time.Now()}
	if err := report.WriteRecord(&buf, doc); err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "training.delivery.export", fmt.Sprintf("cohort %d", c.ID), "pdf")
	sendFile(w, "application/pdf", fmt.Sprintf("delivery-%d.pdf", c.ID), buf.Bytes())
}
