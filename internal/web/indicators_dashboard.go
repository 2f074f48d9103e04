package web

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"sync"

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
// or the charity. The organisation's and each ward's readings are kept per
// process until the indicators change (keptReadings).
func (s *Server) indicatorsDashboard(r *http.Request, data map[string]any) {
	a, o := lightbulb.ActorFrom(r.Context()), currentOrg(r.Context())
	if s.Indicators == nil || a == nil || o == nil {
		return
	}
	last := lightbulb.LastEndedMonth(lightbulb.Now())
	iq := indicatorQuery{From: lightbulb.AddMonths(last, -23), To: last, Rules: lightbulb.DefaultSPCRules}
	kept := keptReading{lang: langOf(r), from: iq.From, to: iq.To, rules: iq.Rules, operator: o.Operator}
	// The organisation's targets and changes are read once for both, and
	// only when a table has to be read again.
	org := sync.OnceValues(func() (orgReadings, error) { return s.orgReadings(r.Context()) })
	if keys := roleIndicators(a); len(keys) > 0 {
		k := kept
		k.keys = strings.Join(keys, "\x00")
		rds, err := s.keptReadings(r, k, func(ctx context.Context) ([]indicatorReading, error) {
			og, vs, err := s.valuesWith(ctx, org, keys, iq, false)
			if err != nil {
				return nil, err
			}
			return readingsOf(r, iq, keys, vs, og), nil
		})
		if err == nil && len(rds) > 0 {
			data["Indicators"] = map[string]any{"Q": iq, "Readings": rds, "Lead": a.Has(lightbulb.RoleLead)}
		}
	}
	if a.Has(lightbulb.RoleStaff) {
		if ws, err := s.wardReadings(r, a, iq, kept, org); err == nil && len(ws) > 0 {
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

// keptReading names a table of readings the dashboard keeps per process:
// everything it is made from besides the organisation's stored indicators
// (which FromIndicators adds).
type keptReading struct {
	lang, from, to, keys string
	rules                lightbulb.SPCRules
	operator             bool
	unit                 int64 // a ward's table (wardIndicators); 0 for the organisation's
}

// keptReadings returns the readings k names, made by build when they are
// not kept or the indicators have changed since, in any process. Reading
// them again each view (values, targets, changes, count days, then the
// charts' arithmetic and words) was a third of the dashboard's CPU.
func (s *Server) keptReadings(r *http.Request, k keptReading, build func(context.Context) ([]indicatorReading, error)) ([]indicatorReading, error) {
	v, err := s.Indicators.FromIndicators(r.Context(), k, func(ctx context.Context) (any, error) { return build(ctx) })
	if err != nil {
		return nil, err
	}
	return v.([]indicatorReading), nil
}

// reachIndicators are the charity's few: what its work reaches in the
// organisations that share their indicators with it.
var reachIndicators = []string{"training.attended", "learning.knowledge", "cases.reviewed", "decisions.complete"}

// valuesWith reads keys' stored values over iq's months (with each unit's,
// with services) and what else reading them needs (org, read once a request).
func (s *Server) valuesWith(ctx context.Context, org func() (orgReadings, error), keys []string, iq indicatorQuery, services bool) (orgReadings, []lightbulb.IndicatorValue, error) {
	og, err := org()
	if err != nil {
		return og, nil, err
	}
	vs, err := s.Indicators.IndicatorValues(ctx, keys, iq.From, iq.To, services)
	return og, vs, err
}

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
func (s *Server) wardReadings(r *http.Request, a *lightbulb.Actor, iq indicatorQuery, kept keptReading, org func() (orgReadings, error)) ([]unitReadings, error) {
	units, err := s.Units.UnitsOf(r.Context(), a.UserID)
	if err != nil || len(units) == 0 {
		return nil, err
	}
	var out []unitReadings
	for _, u := range units {
		k := kept
		k.keys, k.unit = strings.Join(wardIndicators, "\x00"), u.ID
		rds, err := s.keptReadings(r, k, func(ctx context.Context) ([]indicatorReading, error) {
			og, vs, err := s.valuesWith(ctx, org, wardIndicators, iq, true)
			if err != nil {
				return nil, err
			}
			var rds []indicatorReading
			for _, d := range catalogueFor(false, wardIndicators) {
				rds = append(rds, og.read(langOf(r), d, unitValues(d, vs, u.ID), iq.Rules))
			}
			return rds, nil
		})
		if err != nil {
			return nil, err
		}
		out = append(out, unitReadings{Name: u.Name, Readings: rds})
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
