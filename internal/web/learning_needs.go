package web

import (
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// learnNeedsRoutes registers learning-needs mapping: staff choose what to
// focus on; leads and trainers see the map.
func (s *Server) learnNeedsRoutes(h func(string, http.HandlerFunc)) {
	h("GET /training/needs", s.requireUser(s.learnNeeds))
	h("POST /training/needs", s.requireUser(s.learnNeedsSave))
	h("GET /training/needs/map", s.requireUser(s.learnNeedsMap))
}

// learnClientOrg is the signed-in person's organisation when it is one the
// training is for, not the charity that runs it.
func learnClientOrg(r *http.Request) *lightbulb.Organisation {
	if o := currentOrg(r.Context()); o != nil && !o.Operator {
		return o
	}
	return nil
}

// learnCohortsFor lists the cohorts run for an organisation.
func (s *Server) learnCohortsFor(r *http.Request, org int64) ([]*lightbulb.Cohort, error) {
	ctx, err := s.providerCtx(r)
	if err != nil {
		return nil, err
	}
	all, err := s.Training.FindCohorts(ctx)
	if err != nil {
		return nil, err
	}
	var out []*lightbulb.Cohort
	for _, c := range all {
		if c.ClientOrgID == org {
			out = append(out, c)
		}
	}
	return out, nil
}

func (s *Server) learnNeedsPage(r *http.Request) (*Page, []string, error) {
	p := s.newPage(r, "What you want training to focus on", nil)
	rights, err := s.Rights.FindRights(r.Context(), p.Lang)
	if err != nil {
		return nil, nil, err
	}
	var codes []string
	var options []lightbulb.CheckOption
	for _, x := range rights {
		codes = append(codes, x.Code)
		options = append(options, lightbulb.CheckOption{Value: x.Code, Label: x.Text.Title})
	}
	data := map[string]any{"RightOptions": options, "Issues": lightbulb.NeedsIssues, "Trainer": isTrainer(r.Context()),
		"Lead": lightbulb.ActorFrom(r.Context()).Has(lightbulb.RoleLead)}
	if o := learnClientOrg(r); o != nil {
		cohorts, err := s.learnCohortsFor(r, o.ID)
		if err != nil {
			return nil, nil, err
		}
		data["Cohorts"] = cohorts
	} else if isTrainer(r.Context()) {
		orgs, err := s.Orgs.FindOrgs(r.Context())
		if err != nil {
			return nil, nil, err
		}
		data["Orgs"] = orgs
	}
	p.Data = data
	return p, codes, nil
}

func (s *Server) learnNeeds(w http.ResponseWriter, r *http.Request) {
	p, _, err := s.learnNeedsPage(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if learnClientOrg(r) != nil {
		n, err := s.Surveys.FindNeeds(r.Context(), lightbulb.ActorFrom(r.Context()).UserID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		p.Form["rights"], p.Form["issues"] = n.Rights, n.Issues
		if n.CohortID != 0 {
			p.Form.Set("cohort", strconv.FormatInt(n.CohortID, 10))
		}
	}
	s.render(w, r, http.StatusOK, "learning_needs", p)
}

func (s *Server) learnNeedsSave(w http.ResponseWriter, r *http.Request) {
	if learnClientOrg(r) == nil {
		s.errorPage(w, r, http.StatusForbidden)
		return
	}
	p, codes, err := s.learnNeedsPage(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !s.readForm(w, r) {
		return
	}
	p.Form = r.PostForm
	cohort, _ := strconv.ParseInt(r.PostFormValue("cohort"), 10, 64)
	n := &lightbulb.Needs{UserID: lightbulb.ActorFrom(r.Context()).UserID, CohortID: cohort, Rights: r.PostForm["rights"], Issues: r.PostForm["issues"]}
	if err := s.Surveys.SaveNeeds(r.Context(), n, codes); err != nil {
		s.formError(w, r, "learning_needs", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "learning.needs.save", "learning needs", "")
	s.flash(r, "Thank you. Your choices will help shape your training.")
	http.Redirect(w, r, "/training/needs", http.StatusSeeOther)
}

// learnNeedsMap shows the map for the lead's own organisation, or for the
// organisation a trainer chooses, optionally narrowed to one cohort.
func (s *Server) learnNeedsMap(w http.ResponseWriter, r *http.Request) {
	org := learnClientOrg(r)
	ctx := r.Context()
	switch {
	case org != nil && lightbulb.ActorFrom(ctx).Has(lightbulb.RoleLead):
	case isTrainer(ctx):
		id, _ := strconv.ParseInt(r.URL.Query().Get("org"), 10, 64)
		orgs, err := s.Orgs.FindOrgs(ctx)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		for _, o := range orgs {
			if o.ID == id && !o.Operator {
				org = o
			}
		}
		if org == nil {
			s.errorPage(w, r, http.StatusNotFound)
			return
		}
		ctx = lightbulb.WithOrg(ctx, org.ID)
	default:
		s.errorPage(w, r, http.StatusForbidden)
		return
	}
	cohorts, err := s.learnCohortsFor(r, org.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	cohort, _ := strconv.ParseInt(r.URL.Query().Get("cohort"), 10, 64)
	var chosen *lightbulb.Cohort
	for _, c := range cohorts {
		if c.ID == cohort {
			chosen = c
		}
	}
	if cohort != 0 && chosen == nil {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	m, err := s.Surveys.MapNeeds(ctx, cohort)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	covered, err := s.needsCoverage(r, org.ID, cohort)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, "Learning needs map", nil)
	rights, err := s.Rights.FindRights(r.Context(), p.Lang)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "learning.needs.map", "organisation "+strconv.FormatInt(org.ID, 10), r.URL.RawQuery)
	p.Data = map[string]any{"Map": m, "Org": org, "Cohorts": cohorts, "Cohort": chosen, "Rights": rights, "Issues": lightbulb.NeedsIssues,
		"Covered": covered}
	p.Form.Set("cohort", strconv.FormatInt(cohort, 10))
	s.render(w, r, http.StatusOK, "learning_needs_map", p)
}

// needsCoverage counts the workshops for the organisation (or cohort) that
// address each right and practice issue, so the map shows what is covered.
func (s *Server) needsCoverage(r *http.Request, org, cohort int64) (*lightbulb.FocusCoverage, error) {
	ctx, err := s.providerCtx(r)
	if err != nil {
		return nil, err
	}
	return s.Training.FocusCoverage(ctx, org, cohort)
}
