package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

func (s *Server) reportRoutes(h func(string, http.HandlerFunc)) {
	h("GET /reports", s.requireLead(s.reportsList))
	h("GET /reports/new", s.requireLead(s.reportNew))
	h("POST /reports", s.requireLead(s.reportCreate))
	h("GET /reports/{id}", s.requireLead(s.reportPage))
	h("GET /reports/{id}/edit", s.requireLead(s.reportEdit))
	h("POST /reports/{id}", s.requireLead(s.reportSave))
	h("POST /reports/{id}/issue", s.requireLead(s.reportIssue))
	h("POST /reports/{id}/build", s.requireLead(s.reportBuildAgain))
	h("GET /reports/{id}/report.pdf", s.requireLead(s.reportPDF))
	h("GET /reports/{id}/report.csv", s.requireLead(s.reportCSV))
}

func (s *Server) reportsList(w http.ResponseWriter, r *http.Request) {
	rs, err := s.Reports.FindBoardReports(r.Context())
	if err != nil {
		s.appError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "reports", s.newPage(r, "Board reports", rs))
}

// report finds the board report in the address, or shows not found.
func (s *Server) report(w http.ResponseWriter, r *http.Request) (*lightbulb.BoardReport, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, false
	}
	rep, err := s.Reports.FindBoardReport(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return nil, false
	}
	return rep, true
}

func reportTarget(rep *lightbulb.BoardReport) string { return fmt.Sprintf("report:%d", rep.ID) }

// reportFormView is the report form: the indicators to choose from and,
// when editing, the report and its indicators' names.
type reportFormView struct {
	Report  *lightbulb.BoardReport
	Choices []choice
	Names   map[string]string
}

func (s *Server) renderReportForm(w http.ResponseWriter, r *http.Request, rep *lightbulb.BoardReport, form url.Values, err error) {
	lang := langOf(r)
	v := reportFormView{Report: rep, Names: map[string]string{}}
	o := currentOrg(r.Context())
	for _, d := range catalogueFor(o != nil && o.Operator, nil) {
		v.Choices = append(v.Choices, choice{Value: d.Key, Label: i18n.T(lang, d.Name), Hint: i18n.T(lang, d.Definition)})
		v.Names[d.Key] = i18n.T(lang, d.Name)
	}
	title := "Start a board report"
	if rep.ID > 0 {
		title = "Change the board report"
	}
	p := s.newPage(r, title, v)
	p.Form = form
	if err != nil {
		s.formError(w, r, "report_form", p, err)
		return
	}
	s.render(w, r, http.StatusOK, "report_form", p)
}

// reportValues fills a form with a report's answers.
func reportValues(rep *lightbulb.BoardReport) url.Values {
	f := url.Values{"title": {rep.Title}, "from": {rep.From}, "to": {rep.To}, "lang": {rep.Lang}, "purpose": {rep.Purpose}}
	for i, s := range rep.KeyIssues {
		f.Set(fmt.Sprintf("issue-%d", i+1), s)
	}
	for _, it := range rep.Items {
		f.Add("indicators", it.Indicator)
		f.Set("tells-"+it.Indicator, it.TellsUs)
		f.Set("actions-"+it.Indicator, it.Actions)
	}
	return f
}

// readReport reads the report form into rep, keeping the catalogue's order.
func readReport(r *http.Request, rep *lightbulb.BoardReport) {
	f := formOf(r)
	rep.Title, rep.From, rep.To, rep.Lang, rep.Purpose = f.Text("title"), f.Text("from"), f.Text("to"), f.Text("lang"), f.Text("purpose")
	rep.KeyIssues = nil
	for i := 1; i <= lightbulb.MaxKeyIssues+1; i++ {
		rep.KeyIssues = append(rep.KeyIssues, f.Text(fmt.Sprintf("issue-%d", i)))
	}
	chosen := map[string]bool{}
	for _, k := range r.PostForm["indicators"] {
		chosen[k] = true
		if _, ok := lightbulb.FindIndicator(k); !ok {
			rep.Items = append(rep.Items, lightbulb.BoardReportItem{Indicator: k}) // refused by Validate
		}
	}
	var items []lightbulb.BoardReportItem
	for _, d := range lightbulb.IndicatorCatalogue() {
		if chosen[d.Key] {
			items = append(items, lightbulb.BoardReportItem{Indicator: d.Key, TellsUs: f.Text("tells-" + d.Key), Actions: f.Text("actions-" + d.Key)})
		}
	}
	for _, it := range rep.Items {
		if _, ok := lightbulb.FindIndicator(it.Indicator); !ok {
			items = append(items, it)
		}
	}
	rep.Items = items
}

func (s *Server) reportNew(w http.ResponseWriter, r *http.Request) {
	last := lightbulb.LastEndedMonth(lightbulb.Now())
	rep := &lightbulb.BoardReport{From: lightbulb.AddMonths(last, -2), To: last, Lang: langOf(r)}
	f := reportValues(rep)
	targets, err := s.Indicators.IndicatorTargets(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	// The indicators with a target (the catalogue's or the organisation's
	// own) are chosen to start with: the board's, without thirty charts.
	for _, d := range catalogueFor(currentOrg(r.Context()).Operator, nil) {
		if _, own := targets[d.Key]; d.HasTarget || own {
			f.Add("indicators", d.Key)
		}
	}
	s.renderReportForm(w, r, rep, f, nil)
}

func (s *Server) reportCreate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	rep := &lightbulb.BoardReport{}
	readReport(r, rep)
	if err := s.Reports.CreateBoardReport(r.Context(), rep); err != nil {
		s.renderReportForm(w, r, rep, r.PostForm, err)
		return
	}
	s.reportDone(w, r, rep, "report.create", "/edit", "Report started. Write what each indicator tells us and its actions, then issue it.")
}

// reportDone records a change to a report in the audit log, says it is
// done, and goes to the report's page (with suffix, such as "/edit").
func (s *Server) reportDone(w http.ResponseWriter, r *http.Request, rep *lightbulb.BoardReport, action, suffix, msg string) {
	_ = s.Audit.Record(r.Context(), action, reportTarget(rep), "")
	s.flash(r, msg)
	http.Redirect(w, r, fmt.Sprintf("/reports/%d%s", rep.ID, suffix), http.StatusSeeOther)
}

func (s *Server) reportEdit(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.report(w, r)
	if !ok {
		return
	}
	if rep.Status != lightbulb.ReportDraft {
		http.Redirect(w, r, fmt.Sprintf("/reports/%d", rep.ID), http.StatusSeeOther)
		return
	}
	s.renderReportForm(w, r, rep, reportValues(rep), nil)
}

func (s *Server) reportSave(w http.ResponseWriter, r *http.Request) {
	rep, ok := s.report(w, r)
	if !ok || !s.readForm(w, r) {
		return
	}
	readReport(r, rep)
	if err := s.Reports.UpdateBoardReport(r.Context(), rep); err != nil {
		s.renderReportForm(w, r, rep, r.PostForm, err)
		return
	}
	s.reportDone(w, r, rep, "report.save", "", "Report saved.")
}

func (s *Server) reportIssue(w http.ResponseWriter, r *http.Request) {
	s.reportBuild(w, r, s.Reports.IssueBoardReport, "report.issue",
		"Report issued. It is kept as it is, and listed under board reports. Its PDF and CSV are being built.")
}

// reportBuildAgain queues an issued report's files again after a failure.
func (s *Server) reportBuildAgain(w http.ResponseWriter, r *http.Request) {
	s.reportBuild(w, r, s.Reports.BuildBoardReportAgain, "report.build", "The report's PDF and CSV are being built again.")
}

// reportBuild makes a change (call) that queues the report's files to be
// built, has the workers look now, and says so.
func (s *Server) reportBuild(w http.ResponseWriter, r *http.Request, call func(context.Context, int64) error, action, msg string) {
	rep, ok := s.report(w, r)
	if !ok {
		return
	}
	if err := call(r.Context(), rep.ID); err != nil {
		s.appError(w, r, err)
		return
	}
	s.wakeJobs()
	s.reportDone(w, r, rep, action, "", msg)
}
