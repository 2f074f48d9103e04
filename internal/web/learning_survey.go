package web

import (
	"fmt"
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

// learnSurveyRoutes registers staff surveys: leads run them, staff answer.
func (s *Server) learnSurveyRoutes(h func(string, http.HandlerFunc)) {
	h("GET /surveys", s.requireStaff(s.learnSurveys))
	h("GET /surveys/new", s.requireLead(s.learnSurveyForm))
	h("POST /surveys", s.requireLead(s.learnSurveyCreate))
	h("GET /surveys/{id}", s.requireUser(s.learnSurveyAnswerForm))
	h("POST /surveys/{id}", s.requireUser(s.learnSurveyRespond))
	h("GET /surveys/{id}/results", s.requireLead(s.learnSurveyResults))
	s.learnStatementRoutes(h)
}

// learnSurveyRow is a survey in the list with whether this person answered.
type learnSurveyRow struct {
	*lightbulb.Survey
	Answered bool
	Open     bool
}

func (s *Server) learnSurveys(w http.ResponseWriter, r *http.Request) {
	if currentOrg(r.Context()) == nil {
		s.errorPage(w, r, http.StatusForbidden)
		return
	}
	list, err := s.Surveys.FindSurveys(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var rows []learnSurveyRow
	for _, x := range list {
		done, err := s.Surveys.HasResponded(r.Context(), x.ID, lightbulb.ActorFrom(r.Context()).UserID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		rows = append(rows, learnSurveyRow{Survey: x, Answered: done, Open: x.OpenNow() == nil})
	}
	s.render(w, r, http.StatusOK, "learning_surveys", s.newPage(r, "Staff surveys", map[string]any{
		"Surveys": rows, "Lead": lightbulb.ActorFrom(r.Context()).Has(lightbulb.RoleLead)}))
}

func (s *Server) learnSurveyFormPage(r *http.Request) (*Page, error) {
	list, err := s.Surveys.FindSurveys(r.Context())
	if err != nil {
		return nil, err
	}
	var baselines []*lightbulb.Survey
	for _, x := range list {
		if x.Kind == lightbulb.SurveyBaseline {
			baselines = append(baselines, x)
		}
	}
	return s.newPage(r, "Create a staff survey", map[string]any{"Baselines": baselines}), nil
}

func (s *Server) learnSurveyForm(w http.ResponseWriter, r *http.Request) {
	p, err := s.learnSurveyFormPage(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Form.Set("kind", lightbulb.SurveyBaseline)
	s.render(w, r, http.StatusOK, "learning_survey_form", p)
}

func (s *Server) learnSurveyCreate(w http.ResponseWriter, r *http.Request) {
	p, err := s.learnSurveyFormPage(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !s.readForm(w, r) {
		return
	}
	p.Form = r.PostForm
	f := formOf(r)
	x := &lightbulb.Survey{Title: r.PostFormValue("title"), Kind: r.PostFormValue("kind"), BaselineID: f.ID("baseline"),
		OpensOn: f.Date("opens", "Opens on").String(), ClosesOn: f.Date("closes", "Closes on").String()}
	err = f.Err(x.Validate())
	if err == nil {
		err = s.Surveys.CreateSurvey(r.Context(), x)
	}
	if err != nil {
		s.formError(w, r, "learning_survey_form", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "learning.survey.create", fmt.Sprintf("survey %d", x.ID), x.Title)
	s.flash(r, "The survey has been created. Share its address with your staff.")
	http.Redirect(w, r, "/surveys", http.StatusSeeOther)
}

// learnSurveyPage loads the survey a path names, in the current organisation.
func (s *Server) learnSurveyPage(w http.ResponseWriter, r *http.Request) (*lightbulb.Survey, bool) {
	id, ok := pathID(r)
	if !ok || currentOrg(r.Context()) == nil {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, false
	}
	x, err := s.Surveys.FindSurvey(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return nil, false
	}
	return x, true
}

// surveyAnswerView is what the page that answers a survey shows.
type surveyAnswerView struct {
	Survey    *lightbulb.Survey
	Answered  bool   // the person has answered already
	Closed    string // why it cannot be answered now, if it cannot
	Questions []lightbulb.SurveyQuestion
}

func (s *Server) learnSurveyAnswerPage(w http.ResponseWriter, r *http.Request) (*Page, *surveyAnswerView, bool) {
	x, ok := s.learnSurveyPage(w, r)
	if !ok {
		return nil, nil, false
	}
	// The survey is anonymous and for staff: an expert or an admin who is
	// not staff does not answer it.
	if a := lightbulb.ActorFrom(r.Context()); !a.Has(lightbulb.RoleStaff) && !a.Has(lightbulb.RoleLead) {
		s.errorPage(w, r, http.StatusForbidden)
		return nil, nil, false
	}
	done, err := s.Surveys.HasResponded(r.Context(), x.ID, lightbulb.ActorFrom(r.Context()).UserID)
	if err != nil {
		s.serverError(w, r, err)
		return nil, nil, false
	}
	var closed string
	if err := x.OpenNow(); err != nil {
		closed = err.Error()
		if e, ok := err.(*lightbulb.Error); ok {
			closed = e.Message
		}
	}
	v := &surveyAnswerView{Survey: x, Answered: done, Closed: closed, Questions: x.Questions}
	return s.newPage(r, x.Title, v), v, true
}

func (s *Server) learnSurveyAnswerForm(w http.ResponseWriter, r *http.Request) {
	p, _, ok := s.learnSurveyAnswerPage(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "learning_survey_answer", p)
}

func (s *Server) learnSurveyRespond(w http.ResponseWriter, r *http.Request) {
	p, v, ok := s.learnSurveyAnswerPage(w, r)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	p.Form = r.PostForm
	a := &lightbulb.SurveyAnswer{Scores: map[string]int{}, Comment: r.PostFormValue("comment"), StaffGroup: r.PostFormValue("staff_group")}
	if a.StaffGroup == "prefer_not" {
		a.StaffGroup = ""
	}
	for _, q := range v.Questions {
		a.Scores[q.ID], _ = strconv.Atoi(r.PostFormValue(q.ID))
	}
	x := v.Survey
	if err := s.Surveys.Respond(r.Context(), x.ID, lightbulb.ActorFrom(r.Context()).UserID, a); err != nil {
		ids := make([]string, len(v.Questions))
		for i, q := range v.Questions {
			ids[i] = q.ID
		}
		err = numberQuestions(err, p.Lang, ids)
		s.formError(w, r, "learning_survey_answer", p, err)
		return
	}
	// The audit records that someone answered, never what they said.
	_ = s.Audit.Record(r.Context(), "learning.survey.respond", fmt.Sprintf("survey %d", x.ID), "")
	s.flash(r, "Thank you. Your answers have been saved anonymously.")
	http.Redirect(w, r, "/surveys", http.StatusSeeOther)
}

// compareChart is each statement's share agreeing at the baseline (hatched)
// and the follow-up, with the change in the table; statements only one of
// them asked are left out.
func compareChart(lang string, base, follow *lightbulb.SurveyResults) report.Chart {
	ch := report.Chart{ID: "compare-chart", Kind: report.Bars, Unit: "%", Max: 100,
		Title: i18n.T(lang, "Share agreeing, baseline and follow-up"),
		Desc:  i18n.T(lang, "Share agreeing, baseline and follow-up, for each statement. The table below gives the same figures."),
		Axis:  i18n.T(lang, "Statement"),
		Series: []report.Series{{Name: i18n.T(lang, "Baseline"), Fill: "#ffffff", Hatch: true},
			{Name: i18n.T(lang, "Follow-up"), Fill: "#1d70b8"}, {Name: i18n.T(lang, "Change"), TableOnly: true}}}
	for _, q := range follow.Questions {
		bq := base.Question(q.Question.ID)
		if bq == nil {
			continue // a statement the baseline did not ask
		}
		b, f := bq.Agree(), q.Agree()
		ch.Categories = append(ch.Categories, surveyText(lang, q.Question))
		ch.Series[0].Values = append(ch.Series[0].Values, float64(b))
		ch.Series[1].Values = append(ch.Series[1].Values, float64(f))
		ch.Series[2].Texts = append(ch.Series[2].Texts, pointsChange(lang, float64(f-b)))
	}
	return ch
}

func (s *Server) learnSurveyResults(w http.ResponseWriter, r *http.Request) {
	x, ok := s.learnSurveyPage(w, r)
	if !ok {
		return
	}
	res, err := s.Surveys.SurveyResults(r.Context(), x.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	data := map[string]any{"Results": res}
	if x.Kind == lightbulb.SurveyFollowUp {
		base, err := s.Surveys.SurveyResults(r.Context(), x.BaselineID)
		if err != nil {
			s.appError(w, r, err)
			return
		}
		data["Baseline"] = base
		if !base.Withheld && !res.Withheld {
			data["Compare"] = compareChart(langOf(r), base, res)
		}
	}
	_ = s.Audit.Record(r.Context(), "learning.survey.results", fmt.Sprintf("survey %d", x.ID), "")
	s.render(w, r, http.StatusOK, "learning_survey_results", s.newPage(r, "Survey results", data))
}
