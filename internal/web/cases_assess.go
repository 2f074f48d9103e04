package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// caseAssessRoutes registers human rights impact assessments: one case's
// on its record, a period's cases in one pass, and the report.
func (s *Server) caseAssessRoutes(h func(string, http.HandlerFunc)) {
	h("POST /cases/{id}/assessment", s.requireStaff(s.caseAssess))
	h("GET /cases/assess", s.requireLeadOrAdmin(s.casesAssessPage))
	h("POST /cases/assess", s.requireLeadOrAdmin(s.casesAssessSave))
	h("GET /cases/assessment-report", s.requireLeadOrAdmin(s.caseAssessmentReport))
}

// assessForm is what the assessment questions of one case need: the form's
// names end in Sfx, so a period's cases share one form.
type assessForm struct {
	C      *lightbulb.Case
	Sfx    string
	Rights []choice
	Links  []lightbulb.AssessmentLink
}

// assessRights are the rights a case's assessment offers: the case's own
// (suggested or confirmed, not rejected), or every right when it has none
// or all is true.
func assessRights(c *lightbulb.Case, rights []*lightbulb.Right, all bool) []choice {
	var out []choice
	for _, x := range rights {
		if all || slices.ContainsFunc(c.Rights, func(r lightbulb.CaseRight) bool { return r.Code == x.Code && r.Verdict != "rejected" }) {
			out = append(out, choice{Value: x.Code, Label: x.Code + " " + x.Text.Title})
		}
	}
	if len(out) == 0 && !all {
		return assessRights(c, rights, true)
	}
	return out
}

// assessmentValues puts an assessment (or, for a case not yet assessed, its
// confirmed rights) into form values named with sfx.
func assessmentValues(f url.Values, c *lightbulb.Case, a *lightbulb.CaseAssessment, sfx string) {
	if a == nil {
		f["rights"+sfx] = c.Confirmed()
		return
	}
	f.Set("finding"+sfx, a.Finding)
	f.Set("severity"+sfx, a.Severity)
	f.Set("scope"+sfx, string(a.Scope))
	f["rights"+sfx] = a.Rights
	f.Set("action_taken"+sfx, a.ActionTaken)
	f.Set("learning"+sfx, a.Learning)
	switch {
	case a.DecisionID > 0:
		f.Set("link"+sfx, fmt.Sprintf("decision-%d", a.DecisionID))
	case a.ReviewActionID > 0:
		f.Set("link"+sfx, fmt.Sprintf("action-%d", a.ReviewActionID))
	}
}

// postedAssessment reads one case's answers; ok is false when the person
// left all of them blank (a case skipped in a period's pass).
func postedAssessment(r *http.Request, caseID int64, sfx string) (*lightbulb.CaseAssessment, bool) {
	v := func(k string) string { return strings.TrimSpace(r.PostFormValue(k + sfx)) }
	a := &lightbulb.CaseAssessment{CaseID: caseID, Finding: v("finding"), Severity: v("severity"), Scope: lightbulb.Scope(v("scope")),
		Rights: r.PostForm["rights"+sfx], ActionTaken: v("action_taken"), Learning: v("learning")}
	kind, id, _ := strings.Cut(v("link"), "-")
	n, _ := strconv.ParseInt(id, 10, 64)
	switch kind {
	case "decision":
		a.DecisionID = n
	case "action":
		a.ReviewActionID = n
	}
	blank := a.Finding == "" && a.Severity == "" && a.Scope == "" && a.ActionTaken == "" && a.Learning == "" && n == 0
	return a, !blank
}

// assessErrors names each error of one case's assessment by the form's
// name for it, and, when prefix is set, by the case.
func assessErrors(p *Page, err error, sfx, prefix string) []*lightbulb.Error {
	v, ok := err.(*lightbulb.ValidationErrors)
	if !ok {
		return nil
	}
	var out []*lightbulb.Error
	for _, e := range v.List {
		field := e.Field
		if field == "decision" || field == "review_action" {
			field = "link"
		}
		msg := p.T(e.Message)
		if prefix != "" {
			msg = p.T("Case %s: %s", prefix, msg)
		}
		out = append(out, &lightbulb.Error{Code: lightbulb.EINVALID, Field: field + sfx, Message: msg})
	}
	return out
}

// caseAssess saves the assessment of one case from its record.
func (s *Server) caseAssess(w http.ResponseWriter, r *http.Request) {
	c, ok := s.caseLoad(w, r)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	a, _ := postedAssessment(r, c.ID, "")
	err := s.Cases.SaveCaseAssessments(r.Context(), []*lightbulb.CaseAssessment{a})
	if err != nil {
		p, perr := s.caseRecordPage(r, c)
		if perr != nil {
			s.serverError(w, r, perr)
			return
		}
		p.Form = r.PostForm
		if errs := assessErrors(p, err, "", ""); errs != nil {
			p.Errors = errs
			s.render(w, r, http.StatusUnprocessableEntity, "case_record", p)
			return
		}
		s.formError(w, r, "case_record", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "case.assess", caseTarget(c.ID), a.Finding)
	s.flash(r, "The impact assessment of case %s is saved.", c.SourceRef)
	http.Redirect(w, r, fmt.Sprintf("/cases/%d#assessment", c.ID), http.StatusSeeOther)
}

// assessPeriod reads the period of the pass and the report: months from and
// to (YYYY-MM, last month when not given) and the type (PALS by default).
type assessPeriod struct {
	From, To string // YYYY-MM
	Type     lightbulb.CaseType
}

func periodOf(q url.Values) assessPeriod {
	last := lightbulb.Now().In(lightbulb.London).AddDate(0, -1, 0)
	last = time.Date(last.Year(), last.Month(), 1, 0, 0, 0, 0, time.UTC)
	p := assessPeriod{From: q.Get("from"), To: q.Get("to"), Type: lightbulb.CaseType(q.Get("type"))}
	if !caseMonth(p.From) {
		p.From = last.Format("2006-01")
	}
	if !caseMonth(p.To) || p.To < p.From {
		p.To = p.From
	}
	if q.Get("type") == "" {
		p.Type = lightbulb.CasePALS
	} else if !slices.Contains(lightbulb.CaseTypes, p.Type) {
		p.Type = "" // any type
	}
	return p
}

// Filter is the period as a case filter: from the first of the first month
// to the last day of the last.
func (p assessPeriod) Filter() lightbulb.CaseFilter {
	to, _ := time.Parse("2006-01", p.To)
	return lightbulb.CaseFilter{Type: p.Type, From: p.From + "-01", To: to.AddDate(0, 1, -1).Format(time.DateOnly)}
}

// Query is the period in an address.
func (p assessPeriod) Query() string {
	return url.Values{"from": {p.From}, "to": {p.To}, "type": {string(p.Type)}}.Encode()
}
