package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// A person discards their own draft after confirming; a lead cannot throw
// away someone else's, and a decided one is refused with the reason.
func TestDecisionDiscardDraft(t *testing.T) {
	e := newDecisionEnv(t)
	staff := e.client().signIn("staffA")
	rec := startDecision(t, staff, e, "Lock the garden door at night")
	mustContain(t, staff.get(rec), "Discard this draft")
	if r := e.client().signIn("leadA").get(rec); strings.Contains(r.body, "Discard this draft") {
		t.Error("the lead is offered to discard someone else's draft")
	}
	if r := e.client().signIn("leadA").post(rec+"/discard", nil); r.status != http.StatusForbidden {
		t.Fatalf("the lead discards staff's draft: %d", r.status)
	}
	mustContain(t, staff.get(rec+"/discard"), "Discard this draft?", "Lock the garden door at night", "kept in the audit log")
	r := staff.post(rec+"/discard", nil)
	if r.status != http.StatusSeeOther || r.location != "/decisions" {
		t.Fatalf("discard: %d %q", r.status, r.location)
	}
	mustContain(t, staff.get("/decisions"), "has been discarded")
	if r := staff.get(rec); r.status != http.StatusNotFound {
		t.Fatalf("the discarded draft still opens: %d", r.status)
	}
	audit := e.client().signIn("leadA").get("/admin/audit?action=decision.discard")
	mustContain(t, audit, "Discarded a draft decision", "Lock the garden door at night")

	// A decided one cannot be discarded.
	d := &lightbulb.Decision{ServiceID: e.wardA.ID, Reasoning: fullDecision()}
	if err := e.svc.Decisions.CreateDecision(e.ctxA(), d); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Decisions.MarkDecided(e.ctxA(), d.ID); err != nil {
		t.Fatal(err)
	}
	r = staff.post(fmt.Sprintf("/decisions/%d/discard", d.ID), nil)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("discarding a decision in force: %d", r.status)
	}
	mustContain(t, r, "Only a draft that was never decided can be discarded")
}

// fullDecision is complete reasoning for a restriction of a limited right:
// liberty needs necessity, less restrictive options and proportionality too.
func fullDecision() lightbulb.Reasoning {
	today := lightbulb.Today(lightbulb.Now())
	return lightbulb.Reasoning{Date: today, Proposal: "Keep the ward door locked at night", Reason: "Left twice at night",
		Scope: lightbulb.ScopePerson, PersonRef: "WW-21", Involved: "yes", OwnWords: "I want to go home",
		Rights: []string{"A5"}, Tests: []lightbulb.RightTest{{Code: "A5", Restricts: "yes", PermittedCase: "5(1)(e)",
			LegalBasis: "DoLS authorisation", Necessary: "Found in the car park", LessRestrictive: "Door sensor: too slow",
			Proportionate: "Nights only"}},
		Outcome: "Door locked 22:00 to 07:00", DecidedBy: "Ward manager", ReviewDate: lightbulb.AddDays(today, 30)}
}

// The register names each decision by what was decided, finds decisions
// by person reference, and a limited right's test asks necessity.
func TestDecisionRegisterTitlesAndSearch(t *testing.T) {
	e := newDecisionEnv(t)
	d := &lightbulb.Decision{ServiceID: e.wardA.ID, Reasoning: fullDecision()}
	if err := e.svc.Decisions.CreateDecision(e.ctxA(), d); err != nil || !d.Complete {
		t.Fatalf("create: %v, complete %v", err, d.Complete)
	}
	staff := e.client().signIn("staffA")
	startDecision(t, staff, e, "Stop visits after 6pm") // person WW-07
	r := staff.get("/decisions")
	mustContain(t, r, fmt.Sprintf(`href="/decisions/%d">Door locked 22:00 to 07:00</a>`, d.ID), ">Stop visits after 6pm</a>")
	r = staff.get("/decisions?person=ww+21")
	mustContain(t, r, "Door locked 22:00 to 07:00", `value="ww 21"`)
	if strings.Contains(r.body, "Stop visits after 6pm") {
		t.Error("searching for WW-21 shows WW-07's decision")
	}
	// Liberty's test asks the same balance as a qualified right.
	rec := fmt.Sprintf("/decisions/%d", d.ID)
	mustContain(t, staff.get(rec+"/edit/tests"), `name="necessary-A5"`, `name="less_restrictive-A5"`, `name="proportionate-A5"`)
	f := url.Values{"restricts-A5": {"yes"}, "permitted_case-A5": {"5(1)(e)"}, "legal_basis-A5": {"DoLS"}}
	if r := staff.post(rec+"/edit/tests", f); r.status != http.StatusSeeOther {
		t.Fatalf("save tests: %d", r.status)
	}
	mustContain(t, staff.get(rec), "Explain why restricting A5 is necessary", "List the less restrictive options considered for A5")
}

// The indicators page draws its counts as charts with table twins, and the
// same figures download as CSV with months by name, in Welsh too.
func TestDecisionIndicatorsChartsAndCSV(t *testing.T) {
	e := newDecisionEnv(t)
	d := &lightbulb.Decision{ServiceID: e.wardA.ID, Reasoning: fullDecision()}
	if err := e.svc.Decisions.CreateDecision(e.ctxA(), d); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Decisions.MarkDecided(e.ctxA(), d.ID); err != nil {
		t.Fatal(err)
	}
	staff := e.client().signIn("staffA")
	startDecision(t, staff, e, "An abandoned try") // a draft never decided
	lead := e.client().signIn("leadA")
	month := lightbulb.Now().In(lightbulb.London)
	mustContain(t, lead.get("/decisions/indicators"), `id="rights-chart-title"`, `id="services-chart-title"`, `id="months-chart-title"`,
		"1 of 1 (100%)", fmt.Sprintf("%s %d", month.Month(), month.Year()), "Download these figures (CSV)")
	r := lead.get("/decisions/indicators?format=csv")
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV: %d %s", r.status, r.header.Get("Content-Type"))
	}
	mustContain(t, r, "Measure,Key,Name,Number", "right,A5,", "service,,Willow Ward,1",
		fmt.Sprintf("month,%s,%s %d,2", month.Format("2006-01"), month.Month(), month.Year()))
	cy := lead.get("/decisions/indicators?format=csv", "Accept-Language", "cy")
	mustContain(t, cy, "Mesur,Allwedd,Enw,Nifer", fmt.Sprintf("%d,2", month.Year()))
}
