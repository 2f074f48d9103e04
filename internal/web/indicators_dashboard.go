package web

import (
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// dashboardIndicators are the few indicators a lead's dashboard shows,
// read with the same labels as /indicators.
var dashboardIndicators = []string{"cases.reviewed", "decisions.complete", "training.attended"}

// indicatorsDashboard adds a lead's few indicators, over the last 24
// months, to the dashboard's data.
func (s *Server) indicatorsDashboard(r *http.Request, data map[string]any) {
	a := lightbulb.ActorFrom(r.Context())
	if s.Indicators == nil || a == nil || !a.Has(lightbulb.RoleLead) || currentOrg(r.Context()) == nil {
		return
	}
	last := lightbulb.LastEndedMonth(lightbulb.Now())
	iq := indicatorQuery{From: lightbulb.AddMonths(last, -23), To: last, Rules: lightbulb.DefaultSPCRules}
	if rds, err := s.readings(r, iq, dashboardIndicators); err == nil {
		data["Indicators"] = map[string]any{"Q": iq, "Readings": rds}
	}
}
