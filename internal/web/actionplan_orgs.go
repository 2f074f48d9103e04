package web

import (
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// orgPlan shows an organisation's admins whether it counts its staff's
// Action Plan signatures and, when it does, how many signed and which
// actions they chose and took: numbers only, never who.
func (s *Server) orgPlan(w http.ResponseWriter, r *http.Request) {
	c, err := s.ActionPlan.OrgPlanCounts(r.Context())
	if err != nil {
		s.appError(w, r, err)
		return
	}
	as, err := s.ActionPlan.FindActionItems(r.Context(), lightbulb.PlanPublicBody, true)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_actionplan", s.newPage(r, "Your staff and the Human Rights Action Plan",
		map[string]any{"Counts": c, "Actions": as}))
}

func (s *Server) orgPlanOptIn(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	in := r.PostFormValue("opt") == "in"
	if err := s.ActionPlan.SetOrgOptIn(r.Context(), in); err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "actionplan.org.optin", "organisation", r.PostFormValue("opt"))
	if in {
		s.flash(r, "Your staff can now count their signatures for your organisation.")
	} else {
		s.flash(r, "Your organisation no longer counts its staff's signatures.")
	}
	http.Redirect(w, r, "/admin/action-plan", http.StatusSeeOther)
}
