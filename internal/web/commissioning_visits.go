package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// Quality visits (the commissioner's under /commissioning/visits, a
// provider's view under /visits) and a contract's escalation.
func (s *Server) visitRoutes(h func(string, http.HandlerFunc)) {
	c := s.requireCommissioner
	h("GET /commissioning/contracts/{id}/visits/new", c(s.commVisitForm))
	h("POST /commissioning/contracts/{id}/visits", c(s.commVisitPlan))
	h("POST /commissioning/contracts/{id}/escalation", c(s.commEscalate))
	h("GET /commissioning/visits/{id}", c(s.commVisit))
	h("POST /commissioning/visits/{id}/findings", c(s.commVisitRecord))
	h("POST /commissioning/visits/{id}/actions", c(s.commVisitAction))
	h("POST /commissioning/visits/{id}/actions/{action}", c(s.commVisitUpdate))
	h("GET /visits/{id}", s.requireLead(s.providerVisit))
	h("POST /visits/{id}/actions/{action}", s.requireLead(s.providerVisitUpdate))
}

// visitFormView plans a visit under a contract: the services it covers
// (if it lists them) and the involvements the experts may be paid through.
type visitFormView struct {
	Contract     *lightbulb.Contract
	Services     []choice
	Involvements []choice
}

func (s *Server) renderVisitForm(w http.ResponseWriter, r *http.Request, err error) {
	id, _ := pathID(r)
	c, cerr := s.Commissioning.Contract(r.Context(), id)
	if cerr != nil {
		s.appError(w, r, cerr)
		return
	}
	ins, ierr := s.Commissioning.VisitInvolvements(r.Context())
	if ierr != nil {
		s.serverError(w, r, ierr)
		return
	}
	v := visitFormView{Contract: c, Involvements: []choice{{Value: "", Label: i18n.T(i18n.FromRequest(r), "None")}}}
	for _, n := range strings.Split(c.Services, "\n") {
		if n = strings.TrimSpace(n); n != "" {
			v.Services = append(v.Services, choice{Value: n, Label: n})
		}
	}
	for _, o := range ins {
		v.Involvements = append(v.Involvements, choice{Value: strconv.FormatInt(o.ID, 10), Label: o.Name})
	}
	p := s.newPage(r, "Plan a quality visit", v)
	s.renderForm(w, r, "comm_visit_form", p, err)
}

func (s *Server) commVisitForm(w http.ResponseWriter, r *http.Request) { s.renderVisitForm(w, r, nil) }

func (s *Server) commVisitPlan(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	id, _ := pathID(r)
	f := formOf(r)
	v := &lightbulb.Visit{Service: f.Text("service"), PlannedOn: f.Date("planned_on", "Day of the visit"), Team: f.Text("team"),
		InvolvementID: f.ID("involvement")}
	err := f.Err(v.Validate())
	if err == nil {
		err = s.Commissioning.PlanVisit(r.Context(), id, v)
	}
	if err != nil {
		if lightbulb.ErrorCode(err) == lightbulb.ENOTFOUND {
			s.appError(w, r, err)
			return
		}
		s.renderVisitForm(w, r, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.visit.plan", fmt.Sprintf("visit %d", v.ID), fmt.Sprintf("contract %d", id))
	s.flash(r, "The visit is planned. After it, record what the team found.")
	http.Redirect(w, r, fmt.Sprintf("/commissioning/visits/%d", v.ID), http.StatusSeeOther)
}

// visitView is a visit with its findings and action plan; for the
// commissioner, with the contract's requirements to record findings against.
type visitView struct {
	*lightbulb.Visit
	actionsView
	Requirements []*lightbulb.ContractRequirement
}

func (s *Server) visitPage(w http.ResponseWriter, r *http.Request, provider bool, err error) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	ctx := r.Context()
	get := s.Commissioning.Visit
	if provider {
		get = s.Commissioning.ProviderVisit
	}
	vis, gerr := get(ctx, id)
	if gerr != nil {
		s.appError(w, r, gerr)
		return
	}
	v := visitView{Visit: vis, actionsView: newActionsView(r, provider, fmt.Sprintf("/commissioning/visits/%d", vis.ID))}
	if !provider {
		c, cerr := s.Commissioning.Contract(ctx, vis.ContractID)
		if cerr != nil {
			s.serverError(w, r, cerr)
			return
		}
		v.Requirements = c.Requirements
		v.Library = []choice{{Value: "", Label: i18n.T(i18n.FromRequest(r), "None")}}
		for _, cr := range c.Requirements {
			v.Library = append(v.Library, choice{Value: cr.Requirement.Code, Label: cr.Requirement.Code + ": " + cr.Requirement.Text})
		}
		v.owner(lightbulb.OrgRef{ID: vis.CommissionerID, Name: vis.CommissionerName})
		if vis.ProviderID != 0 {
			v.owner(lightbulb.OrgRef{ID: vis.ProviderID, Name: vis.ProviderName})
		}
	}
	p := s.newPage(r, "", v)
	p.Title = p.T("Visit to %s", vis.Service)
	if err != nil {
		p.Form = r.PostForm
		s.formError(w, r, "comm_visit", p, err)
		return
	}
	planForm(p, vis.Actions)
	visitForm(p, vis)
	_ = s.Audit.Record(ctx, "commissioning.visit.view", fmt.Sprintf("visit %d", vis.ID), "")
	s.render(w, r, http.StatusOK, "comm_visit", p)
}

// visitForm fills the findings questions with what was recorded.
func visitForm(p *Page, v *lightbulb.Visit) {
	if !v.VisitedOn.IsZero() {
		p.Form.Set("visited_on-day", strconv.Itoa(v.VisitedOn.Day))
		p.Form.Set("visited_on-month", strconv.Itoa(int(v.VisitedOn.Month)))
		p.Form.Set("visited_on-year", strconv.Itoa(v.VisitedOn.Year))
	}
	p.Form.Set("summary", v.Summary)
	for _, f := range v.Findings {
		n := strconv.FormatInt(f.ContractRequirementID, 10)
		p.Form.Set("rating-"+n, string(f.Rating))
		p.Form.Set("finding-"+n, f.Text)
	}
}

func (s *Server) commVisit(w http.ResponseWriter, r *http.Request)     { s.visitPage(w, r, false, nil) }
func (s *Server) providerVisit(w http.ResponseWriter, r *http.Request) { s.visitPage(w, r, true, nil) }

func (s *Server) commVisitRecord(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	id, _ := pathID(r)
	vis, err := s.Commissioning.Visit(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	c, err := s.Commissioning.Contract(r.Context(), vis.ContractID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := formOf(r)
	rec := &lightbulb.VisitRecord{VisitedOn: f.Date("visited_on", "Visited on"), Summary: f.Text("summary")}
	for _, cr := range c.Requirements {
		n := strconv.FormatInt(cr.ID, 10)
		rating, text := f.Choice("rating-"+n, "Rating", "green", "amber", "red"), f.Text("finding-"+n)
		if rating == "" && text != "" {
			f.Add("rating-"+n, "Rate what you found about %s red, amber or green", cr.Requirement.Code)
		}
		if text == "" && f.Values.Get("rating-"+n) != "" {
			f.Add("finding-"+n, "Say what you found about %s", cr.Requirement.Code)
		}
		if rating != "" || text != "" { // a requirement the team did not look at is left blank
			rec.Findings = append(rec.Findings, &lightbulb.Finding{ContractRequirementID: cr.ID, Rating: lightbulb.Rating(rating), Text: text})
		}
	}
	err = f.Err()
	if err == nil {
		err = s.Commissioning.RecordVisit(r.Context(), id, rec)
	}
	if err != nil {
		s.visitPage(w, r, false, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.visit.record", fmt.Sprintf("visit %d", id), "")
	s.flash(r, "What the team found is recorded. Turn findings into actions below.")
	http.Redirect(w, r, fmt.Sprintf("/commissioning/visits/%d", id), http.StatusSeeOther)
}

func (s *Server) commVisitAction(w http.ResponseWriter, r *http.Request) {
	s.addPlanAction(w, r, s.visitPlan(), s.Commissioning.AddVisitAction)
}

func (s *Server) visitPlan() plan {
	return plan{path: "visits", page: s.visitPage,
		actions: func(r *http.Request, id int64, provider bool) ([]*lightbulb.CommAction, error) {
			get := s.Commissioning.Visit
			if provider {
				get = s.Commissioning.ProviderVisit
			}
			v, err := get(r.Context(), id)
			if err != nil {
				return nil, err
			}
			return v.Actions, nil
		}}
}

func (s *Server) commVisitUpdate(w http.ResponseWriter, r *http.Request) {
	s.updatePlanAction(w, r, false, s.visitPlan())
}

func (s *Server) providerVisitUpdate(w http.ResponseWriter, r *http.Request) {
	s.updatePlanAction(w, r, true, s.visitPlan())
}

// commEscalate moves a contract to another escalation state, with why.
func (s *Server) commEscalate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	id, _ := pathID(r)
	f := formOf(r)
	state := f.Text("state")
	if err := s.Commissioning.Escalate(r.Context(), id, state, f.Text("reason")); err != nil {
		s.contractFailed(w, r, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.contract.escalate", fmt.Sprintf("contract %d", id), state)
	s.flash(r, "The contract's state is changed.")
	http.Redirect(w, r, fmt.Sprintf("/commissioning/contracts/%d#escalation", id), http.StatusSeeOther)
}
