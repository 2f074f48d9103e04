package web

import (
	"fmt"
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Plans belong to a programme: a person who has attended a cohort's final
// part is asked to start their reflection and embedding plan for it, and
// the cohort's plans are read together by its trainers and the client's
// leads.

// planCohort reads the cohort a plan is started for ("" for none): one run
// for the person's own organisation, or else there is no such page.
func (s *Server) planCohort(w http.ResponseWriter, r *http.Request, v string) (*lightbulb.Cohort, bool) {
	if v == "" || v == "0" {
		return nil, true
	}
	id, err := strconv.ParseInt(v, 10, 64)
	ctx, perr := s.providerCtx(r)
	var c *lightbulb.Cohort
	if err == nil && perr == nil {
		c, err = s.Training.FindCohort(ctx, id)
	}
	if err != nil || perr != nil || c.ClientOrgID != viewerOrg(r.Context()) {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, false
	}
	return c, true
}

// planPrompts are the cohorts whose final part the person has attended and
// for which they have no plan yet.
func (s *Server) planPrompts(r *http.Request, plans []*lightbulb.Plan) ([]*lightbulb.Cohort, error) {
	a := lightbulb.ActorFrom(r.Context())
	ctx, err := s.providerCtx(r)
	if err != nil || a == nil {
		return nil, err
	}
	done, err := s.Training.FinishedCohorts(ctx, a.Email)
	if err != nil {
		return nil, err
	}
	have := map[int64]bool{}
	for _, p := range plans {
		have[p.CohortID] = true
	}
	var out []*lightbulb.Cohort
	for _, c := range done {
		if c.ClientOrgID == viewerOrg(r.Context()) && !have[c.ID] {
			out = append(out, c)
		}
	}
	return out, nil
}

// cohortPlans shows a cohort's plans to its trainers and the client's
// leads: counts of all, and those shared in full.
func (s *Server) cohortPlans(w http.ResponseWriter, r *http.Request) {
	_, c, ok := s.memberCohort(w, r)
	if !ok {
		return
	}
	pr, err := s.Plans.CohortPlans(lightbulb.WithOrg(r.Context(), c.ClientOrgID), c.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "training.plans.view", fmt.Sprintf("cohort %d", c.ID), "")
	p := s.newPage(r, "Plans from this programme", pr)
	p.Form.Set("cohort", c.Name)
	s.render(w, r, http.StatusOK, "learning_plan_progress", p)
}
