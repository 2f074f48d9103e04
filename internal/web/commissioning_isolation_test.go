package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestCommissioningIsolation tries every commissioning route as a visitor,
// as another commissioner, as the provider and a rival provider, and as
// staff, then checks nothing of the commissioner's or provider's changed.
func TestCommissioningIsolation(t *testing.T) {
	e, _ := commEnv(t)
	other := sqldbtest.MustOrg(t, e.db, "other-icb", lightbulb.KindCommissioner)
	addPerson(e, "otherCommissioner", other, lightbulb.RoleCommissioner)
	com, lead, id, cr := contractWithReturn(t, e)
	if r := com.post("/commissioning/contracts/"+id+"/assess", url.Values{"summary": {"Steady"}, "rating-" + cr: {"green"}}); r.status != http.StatusSeeOther {
		t.Fatalf("draft: %d", r.status)
	}
	ctx := lightbulb.WithOrg(context.Background(), mustOrgID(t, e, "icb"))
	lib, _ := e.svc.Commissioning.Requirements(ctx)
	code, c := lib[0].Code, "/commissioning/contracts/"+id
	rt, action := roundtableWithAction(t, e, com)
	crt := "/commissioning/roundtables/" + rt
	done := url.Values{"status-" + action: {"done"}, "evidence-" + action: {"Hijack"}}
	visit, vaction := visitWithAction(t, com, e, id, cr)
	cv := "/commissioning/visits/" + visit
	vdone := url.Values{"status-" + vaction: {"done"}, "evidence-" + vaction: {"Hijack"}}

	// The commissioner's own records.
	owned := []route{
		{"GET", c, nil}, {"GET", c + "/assess", nil}, {"GET", c + "/report.csv", nil}, {"GET", c + "/report.pdf", nil},
		{"POST", c + "/requirements", url.Values{"requirement": {itoa64(lib[1].ID)}, "due_on-day": {"1"}, "due_on-month": {"1"}, "due_on-year": {"2027"}}},
		{"POST", c + "/assess", url.Values{"summary": {"Hijack"}, "rating-" + cr: {"red"}}},
		{"POST", c + "/services", url.Values{"services": {"Ward 1"}}},
		{"POST", c + "/schedule", url.Values{"frequency": {"monthly"}, "first_due-day": {"1"}, "first_due-month": {"1"}, "first_due-year": {"2027"}}},
		{"GET", "/commissioning/requirements/" + code, nil},
		{"GET", crt, nil}, {"POST", crt + "/actions/" + action, done},
		{"GET", cv, nil}, {"POST", cv + "/actions/" + vaction, vdone},
		{"POST", cv + "/findings", url.Values{"visited_on-day": {"1"}, "visited_on-month": {"1"}, "visited_on-year": {"2027"}, "summary": {"Hijack"}, "rating-" + cr: {"green"}, "finding-" + cr: {"Hijack"}}},
		{"POST", cv + "/actions", url.Values{"text": {"Hijack"}, "owner_org": {itoa64(e.orgA.ID)}, "owner": {"X"}, "due_on-day": {"1"}, "due_on-month": {"1"}, "due_on-year": {"2027"}}},
		{"GET", c + "/visits/new", nil}, {"GET", c + "/local/new", nil},
		{"POST", c + "/local", url.Values{"text": {"Hijack"}, "rights": {"A8"}, "evidence": {"x"}, "due_on-day": {"1"}, "due_on-month": {"1"}, "due_on-year": {"2027"}}},
		{"POST", c + "/visits", url.Values{"service": {"Hijack"}, "planned_on-day": {"1"}, "planned_on-month": {"1"}, "planned_on-year": {"2027"}, "team": {"X"}}},
		{"POST", c + "/escalation", url.Values{"state": {"suspended"}, "reason": {"Hijack"}}},
		{"POST", crt + "/actions", url.Values{"text": {"Hijack"}, "owner_org": {itoa64(e.orgA.ID)}, "owner": {"X"}, "due_on-day": {"1"}, "due_on-month": {"1"}, "due_on-year": {"2027"}}},
		{"POST", "/commissioning/requirements/" + code, url.Values{"text": {"Hijacked"}, "rights": {"A8"}, "evidence": {"x"}}},
	}
	// Pages about the visitor's own organisation.
	ownOrg := []route{
		{"GET", "/commissioning", nil}, {"GET", "/commissioning/principles", nil}, {"GET", "/commissioning/requirements", nil},
		{"GET", "/commissioning/requirements/new", nil}, {"GET", "/commissioning/contracts/new", nil},
		{"GET", "/commissioning/roundtables", nil}, {"GET", "/commissioning/roundtables/new", nil},
	}
	ownOrgWrites := []route{
		{"POST", "/commissioning/principles", url.Values{"body_en": {"Theirs"}, "body_cy": {"Eu rhai nhw"}}},
		{"POST", "/commissioning/requirements/starter", nil},
		{"POST", "/commissioning/requirements", url.Values{"text": {"Theirs"}, "rights": {"A8"}, "evidence": {"x"}}},
		{"POST", "/commissioning/contracts", url.Values{"title": {"Theirs"}, "provider": {"0"}, "provider_name": {"X"}}},
		{"POST", "/commissioning/roundtables", url.Values{"title": {"Theirs"}, "providers": {itoa64(e.orgA.ID)}}},
	}
	provider := []route{
		{"GET", "/contracts/" + id, nil},
		{"POST", "/contracts/" + id + "/return", url.Values{"period": {"Hijack"}, "rating-" + cr: {"red"}, "evidence-" + cr: {"x"}}},
		{"POST", "/contracts/" + id + "/reports/1/comment", url.Values{"comment": {"Hijack"}}},
		{"GET", "/roundtables/" + rt, nil}, {"POST", "/roundtables/" + rt + "/actions/" + action, done},
		{"GET", "/visits/" + visit, nil}, {"POST", "/visits/" + visit + "/actions/" + vaction, vdone},
	}
	all := append(append(append(append([]route{}, owned...), ownOrg...), ownOrgWrites...), provider...)
	all = append(all, route{"GET", "/contracts", nil})

	secrets := []string{"Acute mental health", "Register reviewed in May", "Blanket rules on two wards discussed.", "Doors locked at night for everyone."}
	check := func(who string, cl *client, rs []route, want int) { expectRoutes(t, who, cl, rs, want, secrets...) }
	check("visitor", e.client(), all, http.StatusSeeOther)
	otherCom := e.client().signIn("otherCommissioner")
	check("other commissioner", otherCom, owned, http.StatusNotFound)
	check("other commissioner", otherCom, ownOrg, http.StatusOK)
	check("other commissioner", otherCom, provider, http.StatusForbidden)
	// Providers and staff are not commissioners.
	leadB, staffA := e.client().signIn("leadB"), e.client().signIn("staffA")
	for who, cl := range map[string]*client{"leadA": lead, "leadB": leadB, "staffA": staffA} {
		check(who, cl, append(append(append([]route{}, owned...), ownOrg...), ownOrgWrites...), http.StatusForbidden)
	}
	// A rival provider's lead finds no such contract; staff are refused.
	check("leadB", leadB, provider, http.StatusNotFound)
	check("leadB", leadB, []route{{"GET", "/contracts", nil}}, http.StatusOK)
	check("staffA", staffA, provider, http.StatusForbidden)
	check("commissioner", com, provider, http.StatusForbidden)

	// Nothing of the commissioner's or provider's changed.
	got, err := e.svc.Commissioning.Contract(ctx, atoi64(id))
	if err != nil || len(got.Requirements) != 1 || len(got.Returns) != 1 || len(got.Assessments) != 1 ||
		len(got.Assessments[0].Comments) != 0 || got.Assessments[0].Summary != "Steady" || got.Schedule.Set() ||
		got.Escalation != lightbulb.EscalationNone || len(got.Visits) != 1 {
		t.Fatalf("the contract changed: %+v, %v", got, err)
	}
	if h, _ := e.svc.Commissioning.RequirementHistory(ctx, code); len(h) != 1 {
		t.Errorf("the requirement has %d versions, want 1", len(h))
	}
	if ps, _ := e.svc.Commissioning.PrinciplesHistory(ctx); len(ps) != 1 {
		t.Errorf("the principles have %d versions, want 1", len(ps))
	}
	if cs, _ := e.svc.Commissioning.Contracts(ctx); len(cs) != 1 {
		t.Errorf("the commissioner has %d contracts, want 1", len(cs))
	}
	if got, _ := e.svc.Commissioning.Roundtable(ctx, atoi64(rt)); got == nil || len(got.Actions) != 1 || got.Actions[0].Status != lightbulb.ActionOpen {
		t.Errorf("the roundtable changed: %+v", got)
	}
	if v, _ := e.svc.Commissioning.Visit(ctx, atoi64(visit)); v == nil || v.Summary != "Doors locked at night for everyone." || len(v.Actions) != 1 ||
		v.Actions[0].Status != lightbulb.ActionOpen {
		t.Errorf("the visit changed: %+v", v)
	}
	if rts, _ := e.svc.Commissioning.Roundtables(ctx); len(rts) != 1 {
		t.Errorf("the commissioner has %d roundtables, want 1", len(rts))
	}
}
