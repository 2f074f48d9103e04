package web

import (
	"fmt"
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// learnPlanRoutes registers reflection and embedding plans.
func (s *Server) learnPlanRoutes(h func(string, http.HandlerFunc)) {
	h("GET /plans", s.requireUser(s.learnPlans))
	h("GET /plans/new", s.requireUser(s.learnPlanForm))
	h("POST /plans", s.requireUser(s.learnPlanCreate))
	h("GET /plans/progress", s.requireLead(s.learnPlanProgress))
	h("GET /plans/{id}", s.requireUser(s.learnPlan))
	h("POST /plans/{id}/actions", s.requireUser(s.learnPlanActions))
	h("POST /plans/{id}/share", s.requireUser(s.learnPlanShare))
	h("POST /plans/{id}/checkins/{checkin}", s.requireUser(s.learnPlanCheckin))
}

func learnUser(r *http.Request) int64 { return lightbulb.ActorFrom(r.Context()).UserID }

func (s *Server) learnPlans(w http.ResponseWriter, r *http.Request) {
	if currentOrg(r.Context()) == nil {
		s.errorPage(w, r, http.StatusForbidden)
		return
	}
	plans, err := s.Plans.FindPlans(r.Context(), learnUser(r))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	finished, err := s.planPrompts(r, plans)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "learning_plans", s.newPage(r, "Your embedding plans", map[string]any{
		"Plans": plans, "Lead": lightbulb.ActorFrom(r.Context()).Has(lightbulb.RoleLead), "Finished": finished}))
}

func (s *Server) learnPlanForm(w http.ResponseWriter, r *http.Request) {
	if currentOrg(r.Context()) == nil {
		s.errorPage(w, r, http.StatusForbidden)
		return
	}
	c, ok := s.planCohort(w, r, r.URL.Query().Get("cohort"))
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "learning_plan_form", s.newPage(r, "Write an embedding plan", c))
}

func (s *Server) learnPlanCreate(w http.ResponseWriter, r *http.Request) {
	if currentOrg(r.Context()) == nil {
		s.errorPage(w, r, http.StatusForbidden)
		return
	}
	if !s.readForm(w, r) {
		return
	}
	c, ok := s.planCohort(w, r, r.PostFormValue("cohort"))
	if !ok {
		return
	}
	p := s.newPage(r, "Write an embedding plan", c)
	p.Form = r.PostForm
	plan := &lightbulb.Plan{UserID: learnUser(r), Reflection: r.PostFormValue("reflection"), Shared: r.PostFormValue("shared") == "yes"}
	if c != nil {
		plan.CohortID = c.ID
	}
	f := formOf(r)
	for i := 1; i <= lightbulb.PlanMaxActions; i++ {
		name := fmt.Sprintf("action_%d", i)
		text, due := r.PostFormValue(name), f.Date(name+"_due", "Do it by")
		blank := f.Text(name+"_due-day")+f.Text(name+"_due-month")+f.Text(name+"_due-year") == ""
		if text == "" && blank {
			continue
		}
		plan.Actions = append(plan.Actions, &lightbulb.PlanAction{Text: text, DueOn: due.String()})
	}
	err := f.Err(plan.Validate())
	if err == nil {
		err = s.Plans.CreatePlan(r.Context(), plan)
	}
	if err != nil {
		s.formError(w, r, "learning_plan_form", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "learning.plan.create", fmt.Sprintf("plan %d", plan.ID), "")
	s.flash(r, "Your plan is saved. We will ask how it is going in one month and in three months.")
	http.Redirect(w, r, fmt.Sprintf("/plans/%d", plan.ID), http.StatusSeeOther)
}

// learnPlanFromPath loads the signed-in person's own plan the path names.
func (s *Server) learnPlanFromPath(w http.ResponseWriter, r *http.Request) (*lightbulb.Plan, bool) {
	id, ok := pathID(r)
	if !ok || currentOrg(r.Context()) == nil {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, false
	}
	p, err := s.Plans.FindPlan(r.Context(), id, learnUser(r))
	if err != nil {
		s.appError(w, r, err)
		return nil, false
	}
	return p, true
}

func (s *Server) learnPlanPage(r *http.Request, p *lightbulb.Plan) *Page {
	return s.newPage(r, "Your embedding plan", p)
}

func (s *Server) learnPlan(w http.ResponseWriter, r *http.Request) {
	p, ok := s.learnPlanFromPath(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "learning_plan", s.learnPlanPage(r, p))
}

func (s *Server) learnPlanActions(w http.ResponseWriter, r *http.Request) {
	p, ok := s.learnPlanFromPath(w, r)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	var done []int64
	for _, v := range r.PostForm["done"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			done = append(done, id)
		}
	}
	if err := s.Plans.SetActionsDone(r.Context(), p.ID, learnUser(r), done); err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "learning.plan.actions", fmt.Sprintf("plan %d", p.ID), fmt.Sprintf("%d done", len(done)))
	s.flash(r, "Your actions have been updated.")
	http.Redirect(w, r, fmt.Sprintf("/plans/%d", p.ID), http.StatusSeeOther)
}

func (s *Server) learnPlanShare(w http.ResponseWriter, r *http.Request) {
	p, ok := s.learnPlanFromPath(w, r)
	if !ok {
		return
	}
	share := r.PostFormValue("shared") == "yes"
	if err := s.Plans.SetShared(r.Context(), p.ID, learnUser(r), share); err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "learning.plan.share", fmt.Sprintf("plan %d", p.ID), strconv.FormatBool(share))
	if share {
		s.flash(r, "Your plan is now shared with your organisation's leads.")
	} else {
		s.flash(r, "Your plan is private again.")
	}
	http.Redirect(w, r, fmt.Sprintf("/plans/%d", p.ID), http.StatusSeeOther)
}

func (s *Server) learnPlanCheckin(w http.ResponseWriter, r *http.Request) {
	p, ok := s.learnPlanFromPath(w, r)
	if !ok {
		return
	}
	cid, err := strconv.ParseInt(r.PathValue("checkin"), 10, 64)
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	if !s.readForm(w, r) {
		return
	}
	if err := s.Plans.AnswerCheckin(r.Context(), p.ID, cid, learnUser(r), r.PostFormValue("answer")); err != nil {
		page := s.learnPlanPage(r, p)
		page.Form = r.PostForm
		s.formError(w, r, "learning_plan", page, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "learning.plan.checkin", fmt.Sprintf("plan %d", p.ID), fmt.Sprintf("check-in %d", cid))
	s.flash(r, "Thank you. Your check-in is saved.")
	http.Redirect(w, r, fmt.Sprintf("/plans/%d", p.ID), http.StatusSeeOther)
}

func (s *Server) learnPlanProgress(w http.ResponseWriter, r *http.Request) {
	if currentOrg(r.Context()) == nil {
		s.errorPage(w, r, http.StatusForbidden)
		return
	}
	pr, err := s.Plans.Progress(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "learning.plan.progress", "embedding plans", "")
	s.render(w, r, http.StatusOK, "learning_plan_progress", s.newPage(r, "Embedding plans across your organisation", pr))
}
