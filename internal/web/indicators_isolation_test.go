package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// indicatorEnv is decisionEnv with a lead in council B and trust A's cases
// of last month computed into its indicators.
type indicatorEnv struct {
	*decisionEnv
	month string
}

func newIndicatorEnv(t *testing.T) *indicatorEnv {
	t.Helper()
	de := newDecisionEnv(t)
	de.addPerson(t, "leadB", de.orgB, lightbulb.RoleStaff, lightbulb.RoleLead)
	e := &indicatorEnv{decisionEnv: de, month: lightbulb.LastEndedMonth(lightbulb.Now())}
	for _, ref := range []string{"A-1", "A-2"} {
		c := &lightbulb.Case{Type: lightbulb.CaseComplaint, SourceRef: ref, Received: e.month + "-10", ServiceID: de.wardA.ID, Summary: "Visiting stopped"}
		if err := de.svc.Cases.CreateCase(de.ctxA(), c); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := sqldb.NewIndicatorService(de.db).ComputeMonths(de.ctxA(), e.month, e.month); err != nil {
		t.Fatal(err)
	}
	return e
}

// TestIndicatorIsolation tries every indicator route as a visitor, as
// staff (not a lead), and as council B's lead, who sees only B's own.
func TestIndicatorIsolation(t *testing.T) {
	e := newIndicatorEnv(t)
	routes := []route{{"GET", "/indicators", nil}, {"GET", "/indicators?format=csv", nil},
		{"GET", "/indicators/cases.reviewed", nil},
		{"POST", "/indicators/cases.reviewed/target", url.Values{"target": {"70"}}},
		{"POST", "/indicators/recompute", url.Values{"month": {e.month}}},
		{"POST", "/indicators/cases.reviewed/changes", url.Values{"change_month": {e.month}, "reason": {"B's huddle"}}}}
	removeA := route{"POST", "/indicators/cases.reviewed/changes/remove", url.Values{"month": {e.month}}}
	if err := e.svc.Indicators.MarkIndicatorChange(e.ctxA(), lightbulb.IndicatorChange{Indicator: "cases.reviewed", Month: e.month, Reason: "A's huddle"}); err != nil {
		t.Fatal(err)
	}
	expectRoutes(t, "visitor", e.client(), append(routes, removeA), http.StatusSeeOther, "Willow Ward")
	expectRoutes(t, "staffA", e.client().signIn("staffA"), []route{removeA}, http.StatusForbidden, "Willow Ward")
	expectRoutes(t, "staffA", e.client().signIn("staffA"), routes, http.StatusForbidden, "Willow Ward")
	leadB := e.client().signIn("leadB")
	for _, r := range routes[:3] {
		if got := leadB.call(r); got.status != http.StatusOK || strings.Contains(got.body, "Willow Ward") || strings.Contains(got.body, ",2,") {
			t.Errorf("leadB %s: %d, or shows A's figures", r.path, got.status)
		}
	}
	if got := leadB.call(removeA); got.status != http.StatusNotFound {
		t.Errorf("leadB removes A's change: %d", got.status)
	}
	for _, r := range routes[3:] {
		if got := leadB.call(r); got.status != http.StatusSeeOther {
			t.Errorf("leadB %s: %d", r.path, got.status)
		}
	}
	// B's target, recompute and change touched only B.
	if got := leadB.post("/indicators/cases.reviewed/changes/remove", url.Values{"month": {e.month}}); got.status != http.StatusSeeOther {
		t.Errorf("leadB removes their own change: %d", got.status)
	}
	if cs, _ := e.svc.Indicators.IndicatorChanges(e.ctxA()); len(cs) != 1 || cs[0].Reason != "A's huddle" {
		t.Errorf("B reached A's changes: %+v", cs)
	}
	ts, _ := e.svc.Indicators.IndicatorTargets(e.ctxA())
	ms, _ := e.svc.Indicators.IndicatorMonths(e.ctxA())
	if len(ts) != 0 || len(ms) != 1 || ms[0].Computations != 1 {
		t.Fatalf("B's changes reached A: targets %+v months %+v", ts, ms)
	}
	leadA := e.client().signIn("leadA")
	if got := leadA.get("/indicators/cases.reviewed"); got.status != http.StatusOK || !strings.Contains(got.body, "Willow Ward") {
		t.Fatalf("leadA's own indicator: %d", got.status)
	}
	// The operator's Action Plan indicators are nobody else's.
	if got := leadA.get("/indicators/actionplan.signatories"); got.status != http.StatusNotFound {
		t.Errorf("a tenant reads the operator's indicator: %d", got.status)
	}
}
