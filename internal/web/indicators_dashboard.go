package web

import (
	"net/http"
	"slices"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// dashboardIndicators are the few indicators a lead's dashboard shows
// (and a commissioner's, for each provider sharing with it), read with the
// same labels as /indicators.
var dashboardIndicators = []string{"cases.reviewed", "decisions.complete", "training.attended"}

// byRole are the few indicators each role's dashboard shows of its own
// organisation: a lead's, co-production's (time, pay and check-ins) and
// communications' (the Action Plan, the operator's only).
var byRole = []struct {
	role lightbulb.Role
	keys []string
}{
	{lightbulb.RoleLead, dashboardIndicators},
	{lightbulb.RoleCoproduction, []string{"coprod.hours", "coprod.paid", "coprod.followups"}},
	{lightbulb.RoleComms, []string{"actionplan.signatories", "actionplan.actions"}},
}

// roleIndicators are the dashboard's indicators for a person's roles, each once.
func roleIndicators(a *lightbulb.Actor) []string {
	var keys []string
	for _, x := range byRole {
		if a.Has(x.role) {
			for _, k := range x.keys {
				if !slices.Contains(keys, k) {
					keys = append(keys, k)
				}
			}
		}
	}
	return keys
}

// indicatorsDashboard adds each role's few indicators, over the last 24
// months, to the dashboard's data, and what is shared with a commissioner
// or the charity.
func (s *Server) indicatorsDashboard(r *http.Request, data map[string]any) {
	a, o := lightbulb.ActorFrom(r.Context()), currentOrg(r.Context())
	if s.Indicators == nil || a == nil || o == nil {
		return
	}
	last := lightbulb.LastEndedMonth(lightbulb.Now())
	iq := indicatorQuery{From: lightbulb.AddMonths(last, -23), To: last, Rules: lightbulb.DefaultSPCRules}
	// The organisation's targets and changes are read once for both.
	org, err := s.orgReadings(r.Context())
	keys := roleIndicators(a)
	if err == nil && len(keys) > 0 {
		if vs, err := s.Indicators.IndicatorValues(r.Context(), keys, iq.From, iq.To, false); err == nil {
			if rds := readingsOf(r, iq, keys, vs, org); len(rds) > 0 {
				data["Indicators"] = map[string]any{"Q": iq, "Readings": rds, "Lead": a.Has(lightbulb.RoleLead)}
			}
		}
	}
	if err == nil && a.Has(lightbulb.RoleStaff) {
		if ws, err := s.wardReadings(r, a, iq, org); err == nil && len(ws) > 0 {
			data["Wards"] = map[string]any{"Q": iq, "Units": ws}
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

// wardIndicators are the few a member of staff sees of each ward, team or
// home they belong to: indicators the organisation also computes for each
// service, so the labels are the lead's.
var wardIndicators = []string{"decisions.inforce_complete", "decisions.overdue", "cases.reviewed"}

// unitReadings are one unit's readings, under its name.
type unitReadings struct {
	Name     string
	Readings []indicatorReading
}

// wardReadings reads wardIndicators for each unit the person belongs to.
func (s *Server) wardReadings(r *http.Request, a *lightbulb.Actor, iq indicatorQuery, org orgReadings) ([]unitReadings, error) {
	ctx := r.Context()
	units, err := s.Units.UnitsOf(ctx, a.UserID)
	if err != nil || len(units) == 0 {
		return nil, err
	}
	vs, err := s.Indicators.IndicatorValues(ctx, wardIndicators, iq.From, iq.To, true)
	if err != nil {
		return nil, err
	}
	var out []unitReadings
	for _, u := range units {
		ur := unitReadings{Name: u.Name}
		for _, d := range catalogueFor(false, wardIndicators) {
			ur.Readings = append(ur.Readings, org.read(langOf(r), d, unitValues(d, vs, u.ID), iq.Rules))
		}
		out = append(out, ur)
	}
	return out, nil
}

// unitValues are d's values for one unit. A count of how things stand
// keeps a unit's row only when it counted something, so in a month the
// organisation was counted, a unit without a row counted 0 (a share with
// nothing to share stays without a value).
func unitValues(d lightbulb.IndicatorDef, vs []lightbulb.IndicatorValue, unit int64) []lightbulb.IndicatorValue {
	var own []lightbulb.IndicatorValue
	has := map[string]bool{}
	for _, v := range vs {
		if v.Indicator == d.Key && v.ServiceID == unit {
			own, has[v.Month] = append(own, v), true
		}
	}
	if !d.State || d.Unit != lightbulb.UnitCount {
		return own
	}
	for _, v := range vs {
		if v.Indicator == d.Key && v.ServiceID == 0 && !has[v.Month] {
			own = append(own, lightbulb.IndicatorValue{Indicator: d.Key, ServiceID: unit, Month: v.Month})
		}
	}
	slices.SortFunc(own, func(a, b lightbulb.IndicatorValue) int { return strings.Compare(a.Month, b.Month) })
	return own
}
