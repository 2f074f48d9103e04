package web

import (
	"fmt"
	"net/http"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/content"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

func (s *Server) commLibrary(w http.ResponseWriter, r *http.Request) {
	rs, err := s.Commissioning.Requirements(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "comm_library", s.newPage(r, "Requirements library", rs))
}

func (s *Server) commLoadStarter(w http.ResponseWriter, r *http.Request) {
	n, err := s.Commissioning.LoadStarter(r.Context(), content.StarterLibrary())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.library.starter", "requirements library", "")
	s.flash(r, "%d requirements from the starter library were added.", n)
	http.Redirect(w, r, "/commissioning/requirements", http.StatusSeeOther)
}

// requirementFormView is the form to write or change a requirement, with
// its earlier versions.
type requirementFormView struct {
	Action     string // where the form is sent
	Back       string // the page before, and its name
	BackName   string
	Local      bool // a requirement for one contract, with its first return's day
	Code       string
	History    []*lightbulb.Requirement
	Rights     []choice
	Principles []choice
}

func (s *Server) requirementForm(r *http.Request) (*requirementFormView, error) {
	lang := i18n.FromRequest(r)
	rights, err := s.Rights.FindRights(r.Context(), lang)
	if err != nil {
		return nil, err
	}
	v := &requirementFormView{Code: r.PathValue("code"), Action: "/commissioning/requirements", Back: "/commissioning/requirements",
		BackName: i18n.T(lang, "Requirements library")}
	if v.Code != "" {
		v.Action += "/" + v.Code
	}
	for _, x := range rights {
		v.Rights = append(v.Rights, choice{Value: x.Code, Label: x.Text.Title})
	}
	for _, p := range lightbulb.Principles {
		v.Principles = append(v.Principles, choice{Value: p, Label: i18n.T(lang, p)})
	}
	if v.Code != "" {
		if v.History, err = s.Commissioning.RequirementHistory(r.Context(), v.Code); err != nil {
			return nil, err
		}
	}
	return v, nil
}

func (s *Server) commRequirementForm(w http.ResponseWriter, r *http.Request) {
	v, err := s.requirementForm(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p := s.newPage(r, "Add a requirement", v)
	if len(v.History) > 0 {
		cur := v.History[0]
		p.Title = p.T("Requirement %s", cur.Code)
		p.Form.Set("text", cur.Text)
		p.Form.Set("evidence", cur.Evidence)
		p.Form.Set("tags", strings.Join(cur.Tags, "\n"))
		p.Form.Set("measure", cur.Measure)
		p.Form.Set("frequency", cur.Frequency)
		p.Form.Set("target", cur.Target)
		p.Form["rights"], p.Form["principles"] = cur.Rights, cur.Principles
	}
	s.render(w, r, http.StatusOK, "comm_requirement", p)
}

func (s *Server) commRequirementSave(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	v, err := s.requirementForm(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	f := formOf(r)
	req := readRequirement(f, v)
	req.Code = v.Code
	err = f.Err()
	if err == nil {
		err = s.Commissioning.SaveRequirement(r.Context(), req)
	}
	if err != nil {
		p := s.newPage(r, "Add a requirement", v)
		if v.Code != "" {
			p.Title = p.T("Requirement %s", v.Code)
		}
		p.Form = r.PostForm
		s.formError(w, r, "comm_requirement", p, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.requirement.save", "requirement "+req.Code, "")
	s.flash(r, "Requirement %s version %d is saved.", req.Code, req.Version)
	http.Redirect(w, r, "/commissioning/requirements", http.StatusSeeOther)
}

// readRequirement reads the requirement form's answers.
func readRequirement(f *form, v *requirementFormView) *lightbulb.Requirement {
	var codes []string
	for _, c := range v.Rights {
		codes = append(codes, c.Value)
	}
	return &lightbulb.Requirement{Text: f.Text("text"), Evidence: f.Text("evidence"), Tags: lightbulb.SplitTags(f.Text("tags")),
		Measure: f.Text("measure"), Target: f.Text("target"),
		Rights:     f.Checks("rights", "Rights engaged", 0, codes...),
		Principles: f.Checks("principles", "FREDA and PANEL principles", 0, lightbulb.Principles...),
		Frequency:  f.Choice("frequency", "How often", lightbulb.MeasureFrequencies...)}
}

// localForm is the requirement form for a requirement of one contract only.
func (s *Server) localForm(r *http.Request) (*requirementFormView, *lightbulb.Contract, error) {
	id, _ := pathID(r)
	c, err := s.Commissioning.Contract(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	v, err := s.requirementForm(r)
	if err != nil {
		return nil, nil, err
	}
	v.Local, v.Back, v.BackName = true, fmt.Sprintf("/commissioning/contracts/%d", c.ID), c.Title
	v.Action = v.Back + "/local"
	return v, c, nil
}

func (s *Server) commLocalForm(w http.ResponseWriter, r *http.Request) {
	v, _, err := s.localForm(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "comm_requirement", s.newPage(r, "Add a local requirement", v))
}

func (s *Server) commLocalSave(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	v, c, err := s.localForm(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	f := formOf(r)
	req := readRequirement(f, v)
	due := f.Date("due_on", "First return due")
	err = f.Err()
	if err == nil {
		err = s.Commissioning.AddLocalRequirement(r.Context(), c.ID, req, due)
	}
	if err != nil {
		p := s.newPage(r, "Add a local requirement", v)
		p.Form = r.PostForm
		s.formError(w, r, "comm_requirement", p, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.contract.local", fmt.Sprintf("contract %d", c.ID), "requirement "+req.Code)
	s.flash(r, "Local requirement %s is added to the contract.", req.Code)
	http.Redirect(w, r, v.Back, http.StatusSeeOther)
}
