package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// caseRoutes registers casework: the case list, recording a case, the
// review through the rights lens, CSV import and indicators.
func (s *Server) caseRoutes(h func(string, http.HandlerFunc)) {
	h("GET /cases", s.requireStaff(s.caseList))
	h("GET /cases/new", s.requireStaff(s.caseNew))
	h("POST /cases", s.requireStaff(s.caseCreate))
	h("GET /cases/indicators", s.requireLeadOrAdmin(s.caseIndicators))
	h("GET /cases/import", s.requireLeadOrAdmin(s.caseImportForm))
	h("POST /cases/import", s.requireLeadOrAdmin(s.caseUpload))
	h("GET /cases/import/columns", s.requireLeadOrAdmin(s.caseImportMap))
	h("POST /cases/import/columns", s.requireLeadOrAdmin(s.caseImportRun))
	h("GET /cases/import/progress", s.requireLeadOrAdmin(s.caseImportProgress))
	h("GET /cases/{id}", s.requireStaff(s.caseRecord))
	h("POST /cases/{id}/review", s.requireStaff(s.caseReview))
	h("POST /cases/{id}/status", s.requireStaff(s.caseStatus))
	s.caseAssessRoutes(h)
}

// caseFilter reads the list and indicator filters from GET parameters,
// dropping values that are not allowed.
func caseFilter(q url.Values) lightbulb.CaseFilter {
	f := lightbulb.CaseFilter{Type: lightbulb.CaseType(q.Get("type")), Status: q.Get("status"), Right: strings.ToUpper(q.Get("right")),
		Reviewed: q.Get("reviewed"), After: q.Get("after")}
	f.ServiceID, _ = strconv.ParseInt(q.Get("service"), 10, 64)
	if !slices.Contains(lightbulb.CaseTypes, f.Type) {
		f.Type = ""
	}
	if !slices.Contains(lightbulb.CaseStatuses, f.Status) {
		f.Status = ""
	}
	if f.Reviewed != "yes" && f.Reviewed != "no" {
		f.Reviewed = ""
	}
	if v := q.Get("from"); isDate(v) {
		f.From = v
	}
	if v := q.Get("to"); isDate(v) {
		f.To = v
	}
	return f
}

func (s *Server) caseList(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	f := caseFilter(q)
	page, err := s.Cases.FindCases(ctx, f)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	services, err := s.Units.FindUnits(ctx)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	rights, err := s.Rights.FindRights(ctx, langOf(r))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	// Recorded once the page is sure to be shown, while it is made.
	w = s.auditFirst(w, r, "case.list.view", "cases", caseListDetail(r.URL.RawQuery, page.Cases))
	q.Del("after")
	first := "/cases?" + q.Encode()
	next := ""
	if page.Next != "" {
		q.Set("after", page.Next)
		next = "/cases?" + q.Encode()
	}
	data := map[string]any{"Next": next, "Paged": f.After != "", "First": first}
	p := s.newPage(r, "Cases", data)
	data["Rows"] = caseRowsHTML(caseRows(p, page.Cases))
	p.Form = r.URL.Query()
	caseFilterOptions(p, data, services, rights)
	s.render(w, r, http.StatusOK, "cases_list", p)
}

func (s *Server) caseFormPage(r *http.Request) (*Page, error) {
	services, err := s.Units.FindUnits(r.Context())
	if err != nil {
		return nil, err
	}
	return s.newPage(r, "Record a case", map[string]any{"Services": services, "Types": lightbulb.CaseTypes,
		"Harms": lightbulb.CaseHarms}), nil
}

func (s *Server) caseNew(w http.ResponseWriter, r *http.Request) {
	p, err := s.caseFormPage(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "case_new", p)
}

func (s *Server) caseCreate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	c := &lightbulb.Case{Type: lightbulb.CaseType(r.PostFormValue("type")), SourceRef: r.PostFormValue("source_ref"),
		Summary: r.PostFormValue("summary"), Harm: r.PostFormValue("harm"), PersonRef: r.PostFormValue("person_ref"), Status: "open"}
	f := formOf(r)
	c.ServiceID, c.Received = f.ID("service"), f.Date("received", "Date received").String()
	err := f.Err(c.Validate())
	if err == nil {
		err = s.Cases.CreateCase(r.Context(), c)
	}
	if err != nil {
		p, perr := s.caseFormPage(r)
		if perr != nil {
			s.appError(w, r, perr)
			return
		}
		p.Form = r.PostForm
		s.formError(w, r, "case_new", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "case.create", caseTarget(c.ID), c.SourceRef)
	s.flash(r, "Case %s is recorded. Review the suggested rights below.", c.SourceRef)
	http.Redirect(w, r, fmt.Sprintf("/cases/%d", c.ID), http.StatusSeeOther)
}

func caseTarget(id int64) string { return fmt.Sprintf("case %d", id) }

// caseListDetail says in the audit log which cases a list page showed, and
// with which filter.
func caseListDetail(query string, cs []*lightbulb.Case) string {
	ids := make([]string, len(cs))
	for i, c := range cs {
		ids[i] = strconv.FormatInt(c.ID, 10)
	}
	d := fmt.Sprintf("%d shown", len(cs))
	if len(ids) > 0 {
		d += ": " + strings.Join(ids, ", ")
	}
	if query != "" {
		d += " (" + query + ")"
	}
	return d
}

// caseLoad loads the case named in the path, in the current organisation.
func (s *Server) caseLoad(w http.ResponseWriter, r *http.Request) (*lightbulb.Case, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, false
	}
	c, err := s.Cases.FindCase(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return nil, false
	}
	return c, true
}

func (s *Server) caseRecordPage(r *http.Request, c *lightbulb.Case) (*Page, error) {
	rights, err := s.Rights.FindRights(r.Context(), langOf(r))
	if err != nil {
		return nil, err
	}
	titles := map[string]string{}
	for _, x := range rights {
		titles[x.Code] = x.Text.Title
	}
	a, err := s.Cases.CaseAssessment(r.Context(), c.ID)
	if err != nil {
		return nil, err
	}
	links, err := s.Cases.AssessmentLinks(r.Context())
	if err != nil {
		return nil, err
	}
	p := s.newPage(r, "", map[string]any{"C": c, "Rights": rights, "Titles": titles, "Freda": lightbulb.CaseFreda,
		"Assessment": a, "Assess": assessForm{C: c, Rights: assessRights(c, rights, true), Links: links}})
	p.Title = p.T("Case %s", c.SourceRef)
	p.Form = url.Values{"freda": c.Freda, "notes": {c.Notes}}
	for _, x := range c.Rights {
		p.Form.Set("verdict-"+x.Code, x.Verdict)
	}
	assessmentValues(p.Form, c, a, "")
	return p, nil
}

func (s *Server) caseRecord(w http.ResponseWriter, r *http.Request) {
	c, ok := s.caseLoad(w, r)
	if !ok {
		return
	}
	p, err := s.caseRecordPage(r, c)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "case.view", caseTarget(c.ID), "")
	s.render(w, r, http.StatusOK, "case_record", p)
}

func (s *Server) caseReview(w http.ResponseWriter, r *http.Request) {
	c, ok := s.caseLoad(w, r)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	rv := lightbulb.CaseReview{Verdicts: map[string]string{}, Added: r.PostForm["added"], Freda: r.PostForm["freda"],
		Notes: r.PostFormValue("notes")}
	for _, x := range c.Rights {
		rv.Verdicts[x.Code] = r.PostFormValue("verdict-" + x.Code)
	}
	got, err := s.Cases.ReviewCase(r.Context(), c.ID, rv)
	if err != nil {
		p, perr := s.caseRecordPage(r, c)
		if perr != nil {
			s.serverError(w, r, perr)
			return
		}
		p.Form = r.PostForm
		s.formError(w, r, "case_record", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "case.review", caseTarget(c.ID), "confirmed "+strings.Join(got.Confirmed(), " "))
	s.flash(r, "Your review of case %s is saved.", c.SourceRef)
	http.Redirect(w, r, fmt.Sprintf("/cases/%d", c.ID), http.StatusSeeOther)
}

func (s *Server) caseStatus(w http.ResponseWriter, r *http.Request) {
	c, ok := s.caseLoad(w, r)
	if !ok {
		return
	}
	status := r.PostFormValue("status")
	if err := s.Cases.SetCaseStatus(r.Context(), c.ID, status); err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "case.status", caseTarget(c.ID), status)
	if status == "closed" {
		s.flash(r, "Case %s is closed.", c.SourceRef)
	} else {
		s.flash(r, "Case %s is open again.", c.SourceRef)
	}
	http.Redirect(w, r, fmt.Sprintf("/cases/%d", c.ID), http.StatusSeeOther)
}
