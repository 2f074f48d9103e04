package web

import (
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// dashboardIndicators are the few indicators a lead's dashboard shows
// (and a commissioner's, for each provider sharing with it), read with the
// same labels as /indicators.
var dashboardIndicators = []string{"cases.reviewed", "decisions.complete", "training.attended"}

// indicatorsDashboard adds a lead's few indicators, over the last 24
// months, to the dashboard's data.
func (s *Server) indicatorsDashboard(r *http.Request, data map[string]any) {
	a, o := lightbulb.ActorFrom(r.Context()), currentOrg(r.Context())
	if s.Indicators == nil || a == nil || o == nil {
		return
	}
	last := lightbulb.LastEndedMonth(lightbulb.Now())
	iq := indicatorQuery{From: lightbulb.AddMonths(last, -23), To: last, Rules: lightbulb.DefaultSPCRules}
	if a.Has(lightbulb.RoleLead) {
		if rds, err := s.readings(r, iq, dashboardIndicators); err == nil {
			data["Indicators"] = map[string]any{"Q": iq, "Readings": rds}
		}
	}
	switch {
	case o.Kind == lightbulb.KindCommissioner && a.Has(lightbulb.RoleCommissioner):
		if ps, err := s.providerReadings(r, iq, dashboardIndicators); err == nil {
			data["Providers"] = map[string]any{"Q": iq, "Orgs": ps}
		}
	case o.Kind == lightbulb.KindCharity && (a.Has(lightbulb.RoleTrainer) || a.Has(lightbulb.RoleAdmin) || a.Has(lightbulb.RoleComms)):
		if v, err := s.reachReadings(r, iq, reachIndicators); err == nil {
			data["Reach"] = map[string]any{"Q": iq, "V": v}
		}
	}
}

// reachIndicators are the charity's few: what its work reaches in the
// organisations that share their indicators with it.
var reachIndicators = []string{"training.attended", "learning.knowledge", "cases.reviewed", "decisions.complete"}
