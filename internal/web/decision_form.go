package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// stepTitles are the headings of the decision form's steps.
var stepTitles = map[string]string{
	lightbulb.StepSituation: "The situation",
	lightbulb.StepVoice:     "The person’s voice",
	lightbulb.StepRights:    "Rights engaged",
	lightbulb.StepTests:     "Testing each restriction",
	lightbulb.StepOutcome:   "Outcome and review",
}

// testFields are the answers asked for each right on the tests step.
var testFields = []string{"restricts", "permitted_case", "legal_basis", "aim", "necessary", "less_restrictive", "proportionate"}

// stepData is what a step's template needs besides the form.
func (s *Server) stepData(r *http.Request, d *lightbulb.Decision, step string, form url.Values) (map[string]any, error) {
	ctx := r.Context()
	services, err := s.Units.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	rights, err := s.Rights.FindRights(ctx, langOf(r))
	if err != nil {
		return nil, err
	}
	var engaged []*lightbulb.Right
	for _, x := range rights {
		if slices.Contains(form["rights"], x.Code) {
			engaged = append(engaged, x)
		}
	}
	n := slices.Index(lightbulb.Steps, step)
	data := map[string]any{"D": d, "Step": step, "StepNumber": n + 1, "StepCount": len(lightbulb.Steps),
		"Services": services, "Rights": rights, "Engaged": engaged, "Aims": lightbulb.LegitimateAims}
	if step == lightbulb.StepRights {
		data["Suggested"] = s.suggestRights(strings.TrimSpace(d.Reasoning.Proposal+"\n"+d.Reasoning.Reason), langOf(r), rights)
	}
	return data, nil
}

func (s *Server) renderStep(w http.ResponseWriter, r *http.Request, d *lightbulb.Decision, step string, form url.Values, err error) {
	data, derr := s.stepData(r, d, step, form)
	if derr != nil {
		s.serverError(w, r, derr)
		return
	}
	p := s.newPage(r, stepTitles[step], data)
	p.Form = form
	if err != nil {
		s.formError(w, r, "decision_step", p, err)
		return
	}
	s.render(w, r, http.StatusOK, "decision_step", p)
}

func (s *Server) decisionNew(w http.ResponseWriter, r *http.Request) {
	d := &lightbulb.Decision{}
	form := reasoningForm(d)
	setDateFields(form, "date", lightbulb.DateOf(lightbulb.Now()))
	s.renderStep(w, r, d, lightbulb.StepSituation, form, nil)
}

// decisionCreate saves the first step as a new draft.
func (s *Server) decisionCreate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	d := &lightbulb.Decision{}
	if err := applyStep(d, lightbulb.StepSituation, formOf(r)); err != nil {
		s.renderStep(w, r, d, lightbulb.StepSituation, r.PostForm, err)
		return
	}
	if err := s.Decisions.CreateDecision(r.Context(), d); err != nil {
		s.renderStep(w, r, d, lightbulb.StepSituation, r.PostForm, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "decision.create", decisionTarget(d), d.ServiceName)
	http.Redirect(w, r, nextStep(d, lightbulb.StepSituation, r.PostFormValue("then")), http.StatusSeeOther)
}

// editable loads a decision and its step for editing; a decision that is
// not a draft goes back to its record with the reason.
func (s *Server) editable(w http.ResponseWriter, r *http.Request) (*lightbulb.Decision, string, bool) {
	d, ok := s.decision(w, r)
	if !ok {
		return nil, "", false
	}
	step := r.PathValue("step")
	if !slices.Contains(lightbulb.Steps, step) {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, "", false
	}
	if d.Status != lightbulb.StatusDraft {
		msg := "This decision is in force. Review it to change it, so the earlier version is kept."
		if d.Status == lightbulb.StatusEnded {
			msg = "This decision has ended, so it cannot be changed. Record a new decision instead."
		}
		s.recordError(w, r, d, lightbulb.Errorf(lightbulb.ECONFLICT, "%s", msg))
		return nil, "", false
	}
	return d, step, true
}

func (s *Server) decisionStep(w http.ResponseWriter, r *http.Request) {
	d, step, ok := s.editable(w, r)
	if !ok {
		return
	}
	if r.URL.Query().Get("check") != "1" {
		s.renderStep(w, r, d, step, reasoningForm(d), nil)
		return
	}
	// Coming from the record's list of gaps: show this step's gaps as
	// errors on its fields.
	cats, err := s.Decisions.Categories(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	data, err := s.stepData(r, d, step, reasoningForm(d))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, stepTitles[step], data)
	p.Form = reasoningForm(d)
	for _, g := range d.Reasoning.Missing(cats, today()) {
		if g.Step == step {
			p.Errors = append(p.Errors, lightbulb.FieldError(g.Field, p.GapText(g)))
		}
	}
	s.render(w, r, http.StatusOK, "decision_step", p)
}

// decisionStepSave saves one step of a draft. Trying to restrict an absolute
// right saves the draft but stops on the step with the reason why.
func (s *Server) decisionStepSave(w http.ResponseWriter, r *http.Request) {
	d, step, ok := s.editable(w, r)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	form := mergeForm(reasoningForm(d), r.PostForm, step)
	if err := applyStep(d, step, formOf(r)); err != nil {
		s.renderStep(w, r, d, step, form, err)
		return
	}
	if err := s.Decisions.SaveDraft(r.Context(), d); err != nil {
		s.renderStep(w, r, d, step, form, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "decision.save", decisionTarget(d), step)
	if step == lightbulb.StepTests {
		if err := s.absoluteStop(r, d); err != nil {
			_ = s.Audit.Record(r.Context(), "decision.absolute", decisionTarget(d), err.Error())
			s.renderStep(w, r, d, step, reasoningForm(d), err)
			return
		}
	}
	http.Redirect(w, r, nextStep(d, step, r.PostFormValue("then")), http.StatusSeeOther)
}

// absoluteStop returns an error for each absolute right the draft restricts.
func (s *Server) absoluteStop(r *http.Request, d *lightbulb.Decision) error {
	cats, err := s.Decisions.Categories(r.Context())
	if err != nil {
		return err
	}
	var v lightbulb.ValidationErrors
	for _, c := range d.Reasoning.Restricted() {
		if cats[c] == lightbulb.Absolute {
			v.List = append(v.List, lightbulb.FieldError("restricts-"+c,
				i18n.T(langOf(r), "%s is an absolute right: nothing can justify restricting it. Change the plan", c)))
		}
	}
	return v.Err()
}

func nextStep(d *lightbulb.Decision, step, then string) string {
	i := slices.Index(lightbulb.Steps, step)
	if then == "record" || i+1 >= len(lightbulb.Steps) {
		return fmt.Sprintf("/decisions/%d", d.ID)
	}
	return fmt.Sprintf("/decisions/%d/edit/%s", d.ID, lightbulb.Steps[i+1])
}

// mergeForm lays the posted fields of one step over the saved ones, so a
// page that comes back with errors shows what the person typed.
func mergeForm(saved, posted url.Values, step string) url.Values {
	out := url.Values{}
	for k, v := range saved {
		out[k] = v
	}
	if step == lightbulb.StepRights {
		delete(out, "rights")
	}
	for k, v := range posted {
		out[k] = v
	}
	return out
}

// applyStep copies one step's answers from a form into d.
func applyStep(d *lightbulb.Decision, step string, f *form) error {
	rs := &d.Reasoning
	switch step {
	case lightbulb.StepSituation:
		d.ServiceID = f.ID("service")
		if d.ServiceID == 0 {
			f.Add("service", "Select the ward, team or home")
		}
		rs.Date = f.Date("date", "Date of the decision").String()
		rs.Proposal, rs.Reason = f.Text("proposal"), f.Text("reason")
		rs.Scope = lightbulb.Scope(f.Choice("scope", "Who does it affect?", "person", "group", "everyone"))
		rs.PersonRef, rs.Group, rs.BlanketWhy = f.Text("person_ref"), f.Text("group"), f.Text("blanket_why")
		if rs.Proposal == "" {
			f.Add("proposal", "Describe what is proposed")
		}
		if looksLikeName(rs.PersonRef) {
			f.Add("person_ref", "Use a reference such as a bed or case number, not the person’s name")
		}
	case lightbulb.StepVoice:
		rs.Involved = f.Choice("involved", "Was the person involved in the decision?", "yes", "partly", "no")
		rs.OwnWords, rs.Others, rs.WhyNot = f.Text("own_words"), f.Text("others"), f.Text("why_not")
	case lightbulb.StepRights:
		rs.Rights = f.Values["rights"]
	case lightbulb.StepTests:
		var tests []lightbulb.RightTest
		for _, c := range rs.Rights {
			tests = append(tests, lightbulb.RightTest{Code: c,
				Restricts:     f.Choice("restricts-"+c, "Does the decision restrict this right?", "yes", "no"),
				PermittedCase: f.Text("permitted_case-" + c), LegalBasis: f.Text("legal_basis-" + c),
				Aim:       f.Choice("aim-"+c, "Which legitimate aim does it pursue?", lightbulb.LegitimateAims...),
				Necessary: f.Text("necessary-" + c), LessRestrictive: f.Text("less_restrictive-" + c), Proportionate: f.Text("proportionate-" + c)})
		}
		rs.Tests = tests
	case lightbulb.StepOutcome:
		rs.Outcome, rs.DecidedBy = f.Text("outcome"), f.Text("decided_by")
		rs.ReviewDate = f.Date("review_date", "When must it be reviewed?").String()
	}
	return f.Err()
}

// looksLikeName catches a reference that is plainly a person's name: two or
// more capitalised words with no digits. References should be pseudonymous.
func looksLikeName(ref string) bool {
	words := strings.Fields(ref)
	if len(words) < 2 || strings.ContainsAny(ref, "0123456789") {
		return false
	}
	for _, w := range words {
		if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
			return false
		}
	}
	return true
}

// reasoningForm turns a decision into form values for every step.
func reasoningForm(d *lightbulb.Decision) url.Values {
	rs := d.Reasoning
	f := url.Values{}
	set := func(k, v string) {
		if v != "" {
			f.Set(k, v)
		}
	}
	if d.ServiceID > 0 {
		f.Set("service", strconv.FormatInt(d.ServiceID, 10))
	}
	setDateFields(f, "date", rs.Date)
	setDateFields(f, "review_date", rs.ReviewDate)
	for k, v := range map[string]string{"proposal": rs.Proposal, "reason": rs.Reason, "scope": string(rs.Scope),
		"person_ref": rs.PersonRef, "group": rs.Group, "blanket_why": rs.BlanketWhy, "involved": rs.Involved,
		"own_words": rs.OwnWords, "others": rs.Others, "why_not": rs.WhyNot, "outcome": rs.Outcome, "decided_by": rs.DecidedBy} {
		set(k, v)
	}
	f["rights"] = rs.Rights
	for _, t := range rs.Tests {
		for i, v := range []string{t.Restricts, t.PermittedCase, t.LegalBasis, t.Aim, t.Necessary, t.LessRestrictive, t.Proportionate} {
			set(testFields[i]+"-"+t.Code, v)
		}
	}
	return f
}
