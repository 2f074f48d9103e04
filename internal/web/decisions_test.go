package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// decisionEnv adds to env a lead in trust A and a service in each organisation.
type decisionEnv struct {
	*env
	wardA, homeB *lightbulb.Unit
}

func newDecisionEnv(t *testing.T) *decisionEnv {
	t.Helper()
	e := newEnv(t)
	e.addPerson(t, "leadA", e.orgA, lightbulb.RoleStaff, lightbulb.RoleLead)
	sqldbtest.MustRight(t, e.db, "A5", lightbulb.Limited)
	de := &decisionEnv{env: e, wardA: &lightbulb.Unit{Name: "Willow Ward"}, homeB: &lightbulb.Unit{Name: "Oak House"}}
	if err := e.svc.Units.CreateUnit(lightbulb.WithOrg(context.Background(), e.orgA.ID), de.wardA); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.Units.CreateUnit(lightbulb.WithOrg(context.Background(), e.orgB.ID), de.homeB); err != nil {
		t.Fatal(err)
	}
	return de
}

// addPerson adds a person with a password who signs in as key.
func (e *env) addPerson(t *testing.T, key string, org *lightbulb.Organisation, roles ...lightbulb.Role) {
	t.Helper()
	u := sqldbtest.MustUser(t, e.db, key+"@example.org", org, roles...)
	hash, _ := password.Hash(testPassword, password.Minimum)
	if err := sqldb.NewUserService(e.db).SetPassword(context.Background(), u.ID, hash); err != nil {
		t.Fatal(err)
	}
	e.users[key] = u
}

func (e *decisionEnv) ctxA() context.Context {
	return lightbulb.WithActor(lightbulb.WithOrg(context.Background(), e.orgA.ID), &lightbulb.Actor{UserID: e.users["staffA"].ID, Name: "staff"})
}

func dateForm(f url.Values, name, date string) {
	t, _ := time.Parse(time.DateOnly, date)
	f.Set(name+"-day", fmt.Sprint(t.Day()))
	f.Set(name+"-month", fmt.Sprint(int(t.Month())))
	f.Set(name+"-year", fmt.Sprint(t.Year()))
}

// startDecision posts the first step and returns the new decision's address.
func startDecision(t *testing.T, c *client, e *decisionEnv, proposal string) string {
	t.Helper()
	f := url.Values{"service": {fmt.Sprint(e.wardA.ID)}, "proposal": {proposal}, "reason": {"Risk of falls at night"},
		"scope": {"person"}, "person_ref": {"WW-07"}}
	dateForm(f, "date", lightbulb.Today(lightbulb.Now()))
	r := c.post("/decisions", f)
	if r.status != http.StatusSeeOther || !strings.HasSuffix(r.location, "/edit/voice") {
		t.Fatalf("create: %d %q %s", r.status, r.location, text(r.body))
	}
	return strings.TrimSuffix(r.location, "/edit/voice")
}

func TestDecisionJourney(t *testing.T) {
	e := newDecisionEnv(t)
	c := e.client().signIn("staffA")
	mustContain(t, c.get("/decisions/new"), "Step 1 of 5", "Willow Ward")

	// Bad first step: errors on the fields, and what was typed is kept.
	r := c.post("/decisions", url.Values{"reason": {"Because of the stairs"}, "date-day": {"31"}, "date-month": {"2"}, "date-year": {"2026"},
		"scope": {"person"}, "person_ref": {"Mary Jones"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad step 1: %d", r.status)
	}
	mustContain(t, r, "Select the ward, team or home", "Describe what is proposed", "Date of the decision: enter a real date",
		"not the person’s name", "Because of the stairs")

	rec := startDecision(t, c, e, "Keep the ward door locked at night for WW-07")
	steps := []struct {
		step string
		form url.Values
	}{
		{"voice", url.Values{"involved": {"yes"}, "own_words": {"I want to walk at night"}}},
		{"rights", url.Values{"rights": {"A8"}}},
		{"tests", url.Values{"restricts-A8": {"yes"}, "legal_basis-A8": {"Mental Capacity Act 2005"}, "aim-A8": {"health_morals"},
			"necessary-A8": {"Two falls this month"}, "less_restrictive-A8": {"Sensor mat: tried, still fell"}, "proportionate-A8": {"Night only; escorted walks"}}},
	}
	for i, s := range steps {
		r := c.post(rec+"/edit/"+s.step, s.form)
		want := rec + "/edit/" + []string{"rights", "tests", "outcome"}[i]
		if r.status != http.StatusSeeOther || r.location != want {
			t.Fatalf("%s: %d %q %s", s.step, r.status, r.location, text(r.body))
		}
	}
	// A review date in the past is refused and the outcome is kept.
	out := url.Values{"outcome": {"Door locked 22:00 to 07:00"}, "decided_by": {"Ward manager"}}
	dateForm(out, "review_date", lightbulb.AddDays(lightbulb.Today(lightbulb.Now()), -1))
	r = c.post(rec+"/edit/outcome", out)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("past review date: %d", r.status)
	}
	mustContain(t, r, "The review date must be today or in the future", "Door locked 22:00 to 07:00")
	dateForm(out, "review_date", lightbulb.AddDays(lightbulb.Today(lightbulb.Now()), 28))
	if r = c.post(rec+"/edit/outcome", out); r.status != http.StatusSeeOther || r.location != rec {
		t.Fatalf("outcome: %d %q", r.status, r.location)
	}
	mustContain(t, c.get(rec), "The reasoning is complete", "Mental Capacity Act 2005", "Protecting health or morals", "Mark as decided")
	if r = c.post(rec+"/decide", nil); r.status != http.StatusSeeOther {
		t.Fatalf("decide: %d %s", r.status, text(r.body))
	}
	mustContain(t, c.get(rec), "In force", "Review this decision", "Decided")
	r = c.get(rec + "/edit/tests")
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("editing a decision in force: %d", r.status)
	}
	mustContain(t, r, "Review it to change it")

	// Review: a note is required; then the decision ends and cannot be edited.
	r = c.post(rec+"/review", url.Values{"outcome": {"end"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("review without note: %d", r.status)
	}
	mustContain(t, r, "Describe what has changed")
	if r = c.post(rec+"/review", url.Values{"note": {"Walks safely with a frame now"}, "outcome": {"end"}}); r.status != http.StatusSeeOther {
		t.Fatalf("review end: %d %s", r.status, text(r.body))
	}
	mustContain(t, c.get(rec), "Ended", "Walks safely with a frame now", "Ends")
	r = c.post(rec+"/edit/situation", url.Values{"proposal": {"Changed after the end"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "This decision has ended") {
		t.Fatalf("editing an ended decision: %d", r.status)
	}
	// The record downloads as a PDF with its history.
	pdf := c.get(rec + "/record.pdf")
	if pdf.status != http.StatusOK || pdf.header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf.body, "%PDF-") {
		t.Fatalf("record.pdf: %d %q %.20q", pdf.status, pdf.header.Get("Content-Type"), pdf.body)
	}
	// Every create, change, review and view is in the audit log.
	es, _, err := e.svc.Audit.FindAudit(lightbulb.WithOrg(context.Background(), e.orgA.ID), lightbulb.AuditFilter{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, a := range es {
		seen[a.Action] = true
	}
	for _, want := range []string{"decision.create", "decision.save", "decision.decide", "decision.review", "decision.view", "decision.export"} {
		if !seen[want] {
			t.Errorf("audit log lacks %s", want)
		}
	}
}

func TestDecisionAbsoluteRightIsStopped(t *testing.T) {
	e := newDecisionEnv(t)
	c := e.client().signIn("staffA")
	rec := startDecision(t, c, e, "Hold him down to give medicine when he refuses")
	c.post(rec+"/edit/rights", url.Values{"rights": {"A3", "A8"}})
	r := c.post(rec+"/edit/tests", url.Values{"restricts-A3": {"yes"}, "restricts-A8": {"no"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("restricting an absolute right: %d", r.status)
	}
	mustContain(t, r, "A3 is an absolute right: nothing can justify restricting it", "What to do instead")
	// The attempt is kept as a draft, with the gap, and cannot be decided.
	id := strings.TrimPrefix(rec, "/decisions/")
	var n int64
	fmt.Sscan(id, &n)
	d, err := e.svc.Decisions.FindDecision(e.ctxA(), n)
	if err != nil || len(d.Reasoning.Restricted()) != 1 || d.Complete {
		t.Fatalf("draft after the attempt: %+v %v", d, err)
	}
	r = c.post(rec+"/decide", nil)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("deciding: %d", r.status)
	}
	mustContain(t, r, "This decision has gaps", "What is missing from the reasoning", "A3 is an absolute right")
	// Each gap links to its step, where it is an error on its field.
	mustContain(t, r, rec+"/edit/voice?check=1#involved")
	r = c.get(rec + "/edit/voice?check=1")
	mustContain(t, r, "There is a problem", `href="#involved"`, `id="involved-error"`, "Select whether the person was involved")
	if r = c.get(rec + "/edit/voice"); strings.Contains(r.body, "There is a problem") {
		t.Fatal("a step shows its gaps as errors without being asked")
	}
	if r = c.get("/decisions?right=A3"); !strings.Contains(r.body, rec) {
		t.Fatal("register filtered by A3 does not list the draft")
	}
	if r = c.get("/decisions?status=ended"); strings.Contains(r.body, rec+`"`) {
		t.Fatal("register filtered by ended lists a draft")
	}
	// In Welsh, the stop and the gaps are in Welsh.
	cy := c.get(rec+"/edit/tests", "Accept-Language", "cy")
	mustContain(t, cy, "Mae hon yn hawl absoliwt")
}

func TestDecisionLeadPages(t *testing.T) {
	e := newDecisionEnv(t)
	// An overdue decision: decided 20 days ago with a review 2 days ago.
	real := lightbulb.Now
	lightbulb.Now = func() time.Time { return real().AddDate(0, 0, -20) }
	then := lightbulb.Today(lightbulb.Now())
	d := &lightbulb.Decision{ServiceID: e.wardA.ID, Reasoning: lightbulb.Reasoning{Date: then, Proposal: "No visitors after 6pm on Willow Ward",
		Reason: "Staffing", Scope: lightbulb.ScopeEveryone, BlanketWhy: "Short of staff", Involved: "no", WhyNot: "Applies to all",
		Rights: []string{"A8"}, Tests: []lightbulb.RightTest{{Code: "A8", Restricts: "yes", LegalBasis: "Policy", Aim: "rights_of_others",
			Necessary: "Quiet at night", LessRestrictive: "None tried", Proportionate: "Short term"}},
		Outcome: "Visiting ends 6pm", DecidedBy: "Matron", ReviewDate: lightbulb.AddDays(real().Format(time.DateOnly), -2)}}
	err := e.svc.Decisions.CreateDecision(e.ctxA(), d)
	if err == nil {
		_, err = e.svc.Decisions.MarkDecided(e.ctxA(), d.ID)
	}
	lightbulb.Now = real
	if err != nil {
		t.Fatal(err)
	}
	lead := e.client().signIn("leadA")
	mustContain(t, lead.get("/dashboard"), "Overdue decision reviews: 1", "No visitors after 6pm")
	mustContain(t, lead.get("/decisions/indicators"), "Blanket rules in force", "Restrictions in force by right", "A8", "Willow Ward")
	mustContain(t, lead.get("/decisions?review=overdue&blanket=1"), "No visitors after 6pm", "Blanket rule", "Overdue")
	if r := e.client().signIn("staffA").get("/dashboard"); strings.Contains(r.body, "Overdue decision reviews") {
		t.Error("staff see the lead's overdue reviews")
	}

	// Reviewing it with a new date takes it off the lead's list; changing it
	// sends it back to draft for editing.
	rec := fmt.Sprintf("/decisions/%d", d.ID)
	rv := url.Values{"note": {"Staffing is back to normal"}, "outcome": {"continue"}}
	dateForm(rv, "review_date", lightbulb.AddDays(lightbulb.Today(lightbulb.Now()), 14))
	if r := lead.post(rec+"/review", rv); r.status != http.StatusSeeOther || r.location != rec {
		t.Fatalf("review continue: %d %q %s", r.status, r.location, text(r.body))
	}
	if r := lead.get("/dashboard"); strings.Contains(r.body, "Overdue decision reviews") {
		t.Error("the reviewed decision is still overdue on the dashboard")
	}
	r := lead.post(rec+"/review", url.Values{"note": {"Visiting should be person by person"}, "outcome": {"change"}})
	if r.status != http.StatusSeeOther || r.location != rec+"/edit/situation" {
		t.Fatalf("review change: %d %q", r.status, r.location)
	}
	mustContain(t, lead.get(rec), "Draft", "Reviewed: Changes", "Visiting should be person by person", "Mark as decided")

	// Units: a lead adds one; the same name typed differently is refused
	// with what was typed kept.
	if r := lead.post("/units", url.Values{"name": {"Rowan’s Ward"}}); r.status != http.StatusSeeOther {
		t.Fatalf("add unit: %d", r.status)
	}
	r = lead.post("/units", url.Values{"name": {"rowan's  ward"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("duplicate unit: %d", r.status)
	}
	mustContain(t, r, "already has a ward, team or home with this name", `value="rowan&#39;s  ward"`)
}

// TestDecisionFollowUpsRevealWithTheirChoice checks the GOV.UK wiring of the
// follow-up questions: each is controlled by its choice and hidden (when
// scripts run) unless that choice is selected.
func TestDecisionFollowUpsRevealWithTheirChoice(t *testing.T) {
	e := newDecisionEnv(t)
	c := e.client().signIn("staffA")
	r := c.get("/decisions/new")
	mustContain(t, r, `data-aria-controls="conditional-scope-person"`, `data-aria-controls="conditional-scope-everyone"`,
		`class="govuk-radios__conditional govuk-radios__conditional--hidden" id="conditional-scope-person"`,
		`If you chose “One person”:`)
	bad := c.post("/decisions", url.Values{"scope": {"group"}, "group": {"Night shift"}})
	mustContain(t, bad, `class="govuk-radios__conditional" id="conditional-scope-group"`,
		`class="govuk-radios__conditional govuk-radios__conditional--hidden" id="conditional-scope-everyone"`)
}
