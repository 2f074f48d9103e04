package web

import (
	"fmt"
	"net/http"
	"slices"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// periodView is a period's cases to assess in one pass.
type periodView struct {
	Period assessPeriod
	Cases  []*lightbulb.AssessedCase
	Forms  []assessForm
	Types  []lightbulb.CaseType
	Max    int
}

// periodPage loads a period's cases and their assessment questions.
func (s *Server) periodPage(r *http.Request) (*Page, *periodView, error) {
	ctx := r.Context()
	per := periodOf(r.URL.Query())
	cs, err := s.Cases.AssessedCases(ctx, per.Filter())
	if err != nil {
		return nil, nil, err
	}
	rights, err := s.Rights.FindRights(ctx, langOf(r))
	if err != nil {
		return nil, nil, err
	}
	links, err := s.Cases.AssessmentLinks(ctx)
	if err != nil {
		return nil, nil, err
	}
	v := &periodView{Period: per, Cases: cs, Types: lightbulb.CaseTypes, Max: lightbulb.MaxAssessed}
	p := s.newPage(r, "Assess a period’s cases", v)
	for _, c := range cs {
		sfx := fmt.Sprintf("-%d", c.ID)
		v.Forms = append(v.Forms, assessForm{C: c.Case, Sfx: sfx, Rights: assessRights(c.Case, rights, false), Links: links})
		assessmentValues(p.Form, c.Case, c.Assessment, sfx)
	}
	for k, vs := range r.URL.Query() {
		p.Form[k] = vs
	}
	return p, v, nil
}

// casesAssessPage shows a period's cases (by default last month's PALS
// contacts), each with the assessment questions, in one form.
func (s *Server) casesAssessPage(w http.ResponseWriter, r *http.Request) {
	p, v, err := s.periodPage(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "case.assess_view", "cases", fmt.Sprintf("%d cases (%s)", len(v.Cases), v.Period.Query()))
	s.render(w, r, http.StatusOK, "cases_assess", p)
}

// casesAssessSave saves the answered assessments of a period's cases: each
// case is checked first and nothing is saved while one is wrong; cases left
// blank are skipped.
func (s *Server) casesAssessSave(w http.ResponseWriter, r *http.Request) {
	p, v, err := s.periodPage(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	if !s.readForm(w, r) {
		return
	}
	for k, vs := range r.PostForm {
		p.Form[k] = vs
	}
	var as []*lightbulb.CaseAssessment
	answered := 0
	for _, c := range v.Cases {
		sfx := fmt.Sprintf("-%d", c.ID)
		if _, ok := r.PostForm["case"+sfx]; !ok {
			continue // not on the page the person saw
		}
		a, ok := postedAssessment(r, c.ID, sfx)
		if ok {
			answered++
		}
		if !ok || sameAssessment(a, c.Assessment) {
			continue // skipped, or kept as it was (and by whom)
		}
		if err := a.Validate(); err != nil {
			p.Errors = append(p.Errors, assessErrors(p, err, sfx, c.SourceRef)...)
		}
		as = append(as, a)
	}
	if len(p.Errors) == 0 && answered == 0 {
		p.Errors = []*lightbulb.Error{{Code: lightbulb.EINVALID, Field: "cases", Message: p.T("Answer the questions for at least one case")}}
	}
	if len(p.Errors) == 0 && len(as) > 0 {
		if err := s.Cases.SaveCaseAssessments(r.Context(), as); err != nil {
			s.formError(w, r, "cases_assess", p, err)
			return
		}
	}
	if len(p.Errors) > 0 {
		s.render(w, r, http.StatusUnprocessableEntity, "cases_assess", p)
		return
	}
	_ = s.Audit.Record(r.Context(), "case.assess_period", "cases", fmt.Sprintf("%d assessed (%s)", len(as), v.Period.Query()))
	s.flash(r, "Assessments saved: %d.", len(as))
	http.Redirect(w, r, "/cases/assessment-report?"+v.Period.Query(), http.StatusSeeOther)
}

// sameAssessment reports whether the answers posted for a case are its
// stored assessment unchanged.
func sameAssessment(a, was *lightbulb.CaseAssessment) bool {
	if was == nil {
		return false
	}
	b := *a
	if b.Validate() != nil {
		return false
	}
	return b.Finding == was.Finding && b.Severity == was.Severity && b.Scope == was.Scope && slices.Equal(b.Rights, was.Rights) &&
		b.ActionTaken == was.ActionTaken && b.Learning == was.Learning && b.DecisionID == was.DecisionID && b.ReviewActionID == was.ReviewActionID
}
