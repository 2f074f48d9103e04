package web

import (
	"fmt"
	"html/template"
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// learnStatementRoutes registers an organisation's own survey statements,
// which its leads add, translate and retire.
func (s *Server) learnStatementRoutes(h func(string, http.HandlerFunc)) {
	h("GET /survey-statements", s.requireLead(s.learnStatements))
	h("POST /survey-statements", s.requireLead(s.learnStatementAdd))
	h("GET /survey-statements/{id}", s.requireLead(s.learnStatementForm))
	h("POST /survey-statements/{id}", s.requireLead(s.learnStatementSave))
	h("POST /survey-statements/{id}/retire", s.requireLead(s.learnStatementRetire))
}

// surveyText is a statement in the page's language: a built-in one from the
// catalogue, an organisation's own in its Welsh where it has some.
func surveyText(lang string, q lightbulb.SurveyQuestion) string {
	if !q.Own {
		return i18n.T(lang, q.Text)
	}
	if lang == "cy" && q.Welsh != "" {
		return q.Welsh
	}
	return q.Text
}

// statementHTML is surveyText marked lang="en" where a Welsh page shows an
// organisation's English because it has no Welsh yet.
func statementHTML(p *Page, q lightbulb.SurveyQuestion) template.HTML {
	t := template.HTMLEscapeString(surveyText(p.Lang, q))
	if q.Own && p.Lang != "en" && q.Welsh == "" {
		return template.HTML(`<span lang="en">` + t + `</span>`)
	}
	return template.HTML(t)
}

func (s *Server) learnStatementsPage(w http.ResponseWriter, r *http.Request) (*Page, bool) {
	list, err := s.Surveys.FindStatements(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return nil, false
	}
	return s.newPage(r, "Your own survey statements", map[string]any{"Statements": list, "Builtin": lightbulb.SurveyQuestions}), true
}

func (s *Server) learnStatements(w http.ResponseWriter, r *http.Request) {
	if p, ok := s.learnStatementsPage(w, r); ok {
		s.render(w, r, http.StatusOK, "learning_survey_statements", p)
	}
}

func (s *Server) learnStatementAdd(w http.ResponseWriter, r *http.Request) {
	p, ok := s.learnStatementsPage(w, r)
	if !ok || !s.readForm(w, r) {
		return
	}
	p.Form = r.PostForm
	st := &lightbulb.SurveyStatement{Text: r.PostFormValue("text"), Welsh: r.PostFormValue("welsh")}
	s.learnStatementStore(w, r, p, "learning_survey_statements", st, "add")
}

// learnStatementStore saves a statement from a form, or shows the form again
// with what was wrong; action is "add" or "change".
func (s *Server) learnStatementStore(w http.ResponseWriter, r *http.Request, p *Page, page string, st *lightbulb.SurveyStatement, action string) {
	if err := s.Surveys.SaveStatement(r.Context(), st); err != nil {
		s.formError(w, r, page, p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "learning.survey.statement."+action, fmt.Sprintf("statement %d", st.ID), st.Text)
	if action == "add" {
		s.flash(r, "The statement has been added. Surveys you create from now on ask it.")
	} else {
		s.flash(r, "The statement has been saved.")
	}
	http.Redirect(w, r, "/survey-statements", http.StatusSeeOther)
}

func (s *Server) learnStatementPage(w http.ResponseWriter, r *http.Request) (*Page, *lightbulb.SurveyStatement, bool) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, nil, false
	}
	st, err := s.Surveys.FindStatement(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	return s.newPage(r, "Change a survey statement", st), st, true
}

func (s *Server) learnStatementForm(w http.ResponseWriter, r *http.Request) {
	p, st, ok := s.learnStatementPage(w, r)
	if !ok {
		return
	}
	p.Form.Set("text", st.Text)
	p.Form.Set("welsh", st.Welsh)
	s.render(w, r, http.StatusOK, "learning_survey_statement", p)
}

func (s *Server) learnStatementSave(w http.ResponseWriter, r *http.Request) {
	p, st, ok := s.learnStatementPage(w, r)
	if !ok || !s.readForm(w, r) {
		return
	}
	p.Form = r.PostForm
	changed := &lightbulb.SurveyStatement{ID: st.ID, Text: r.PostFormValue("text"), Welsh: r.PostFormValue("welsh")}
	if st.Asked > 0 {
		changed.Text = st.Text // the English is fixed once asked; the form shows it as text
	}
	s.learnStatementStore(w, r, p, "learning_survey_statement", changed, "change")
}

func (s *Server) learnStatementRetire(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(r)
	if !ok || !s.readForm(w, r) {
		if !ok {
			s.errorPage(w, r, http.StatusNotFound)
		}
		return
	}
	retire := r.PostFormValue("retired") != "0"
	if err := s.Surveys.RetireStatement(r.Context(), id, retire); err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "learning.survey.statement.retire", fmt.Sprintf("statement %d", id), fmt.Sprint(retire))
	if retire {
		s.flash(r, "The statement is retired: new surveys will not ask it.")
	} else {
		s.flash(r, "The statement is back in use: new surveys will ask it.")
	}
	http.Redirect(w, r, "/survey-statements", http.StatusSeeOther)
}
