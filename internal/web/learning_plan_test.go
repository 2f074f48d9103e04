package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

var learnPlanRE = regexp.MustCompile(`^/plans/(\d+)$`)

func learnPlanForm(reflection string) url.Values {
	due := time.Now().AddDate(0, 0, 20)
	return url.Values{"reflection": {reflection}, "action_1": {"Talk visiting through at handover"},
		"action_1_due-day": {fmt.Sprint(due.Day())}, "action_1_due-month": {fmt.Sprint(int(due.Month()))}, "action_1_due-year": {fmt.Sprint(due.Year())}}
}

func TestLearningPlanJourney(t *testing.T) {
	te := newTrainEnv(t, nil)
	learnSurveyPeople(t, te)
	c := te.client().signIn("staffA")
	// Mistakes: no reflection, an action with no day.
	bad := learnPlanForm("")
	bad.Set("action_2", "Record reasons for locked doors")
	r := c.post("/plans", bad)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a bad plan: %d", r.status)
	}
	mustContain(t, r, "Write what you will do differently", "Enter the day you will do this action by", "Record reasons for locked doors")
	r = c.post("/plans", learnPlanForm("Ask people what matters to them before deciding."))
	m := learnPlanRE.FindStringSubmatch(r.location)
	if r.status != http.StatusSeeOther || m == nil {
		t.Fatalf("save the plan: %d %q %s", r.status, r.location, text(r.body))
	}
	page := r.location
	r = c.get(page)
	mustContain(t, r, "Ask people what matters", "Talk visiting through at handover", "After one month", "We will email you then", "Only you can read this plan")
	cid := regexp.MustCompile(`/checkins/(\d+)`).FindStringSubmatch(r.body)
	if cid != nil {
		t.Fatal("a check-in form is offered before it is due")
	}
	lead := te.client().signIn("leadA")
	r = lead.get("/plans/progress")
	mustContain(t, r, "Plans written", "0 of 1", "Nobody has shared a plan with you yet")
	if strings.Contains(r.body, "what matters") {
		t.Fatal("the lead reads a private reflection")
	}
	if r := lead.get(page); r.status != http.StatusNotFound {
		t.Fatalf("the lead opens a private plan: %d", r.status)
	}

	// A month on, the check-in is emailed and answered in the app.
	real := lightbulb.Now
	lightbulb.Now = func() time.Time { return real().AddDate(0, 1, 1) }
	defer func() { lightbulb.Now = real }()
	te.runJobs(t)
	mail, _ := te.lastMail(t, "staffa@example.org", "How is your plan going?")
	if !strings.Contains(mail.Body, page) {
		t.Fatalf("the check-in email does not link to the plan: %s", mail.Body)
	}
	r = c.get(page)
	cid = regexp.MustCompile(`/plans/\d+/checkins/(\d+)`).FindStringSubmatch(r.body)
	if cid == nil {
		t.Fatalf("no check-in form a month on: %s", text(r.body))
	}
	if r = c.post(cid[0], url.Values{"answer": {""}}); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Say how it has gone") {
		t.Fatalf("an empty check-in: %d", r.status)
	}
	if r = c.post(cid[0], url.Values{"answer": {"Handover now covers visiting."}}); r.status != http.StatusSeeOther {
		t.Fatalf("answer the check-in: %d", r.status)
	}
	action := regexp.MustCompile(`name="done" type="checkbox" value="(\d+)"`).FindStringSubmatch(c.get(page).body)
	if r = c.post(page+"/actions", url.Values{"done": {action[1]}}); r.status != http.StatusSeeOther {
		t.Fatalf("tick the action: %d", r.status)
	}
	if r = c.post(page+"/share", url.Values{"shared": {"yes"}}); r.status != http.StatusSeeOther {
		t.Fatalf("share: %d", r.status)
	}
	r = lead.get("/plans/progress")
	mustContain(t, r, "1 of 1", "Ask people what matters", "Handover now covers visiting.", "done")
}

func TestLearningPlanIsolation(t *testing.T) {
	te := newTrainEnv(t, nil)
	learnSurveyPeople(t, te)
	c := te.client().signIn("staffA")
	r := c.post("/plans", learnPlanForm("Private words"))
	page := r.location
	p, err := te.svc.Plans.FindPlans(lightbulb.WithOrg(context.Background(), te.orgA.ID), te.users["staffA"].ID)
	must(t, err)
	owner := []route{{"GET", page, nil}, {"POST", page + "/actions", url.Values{"done": {fmt.Sprint(p[0].Actions[0].ID)}}},
		{"POST", page + "/share", url.Values{"shared": {"yes"}}},
		{"POST", fmt.Sprintf("%s/checkins/%d", page, p[0].Checkins[0].ID), url.Values{"answer": {"Planted"}}}}
	for _, r := range append(owner, route{"GET", "/plans", nil}, route{"GET", "/plans/new", nil}, route{"GET", "/plans/progress", nil},
		route{"POST", "/plans", learnPlanForm("Planted")}) {
		if got := te.client().call(r); got.status != http.StatusSeeOther || !strings.HasPrefix(got.location, "/sign-in") {
			t.Errorf("visitor %s %s: %d", r.method, r.path, got.status)
		}
	}
	for _, key := range []string{"adminA", "leadA", "staffB", "adminB", "platform", "trainer"} {
		c := te.client().signIn(key)
		for _, r := range owner {
			if got := c.call(r); got.status != http.StatusNotFound {
				t.Errorf("%s %s %s: %d, want 404", key, r.method, r.path, got.status)
			}
		}
		if got := c.get("/plans/progress"); key != "leadA" && got.status != http.StatusForbidden {
			t.Errorf("%s progress: %d, want 403", key, got.status)
		}
	}
	learnExtraUser(t, te, "leadB", te.orgB, lightbulb.RoleLead)
	if r := te.client().signIn("leadB").get("/plans/progress"); r.status != http.StatusOK || strings.Contains(r.body, "Private words") || !strings.Contains(r.body, "0 of 0") {
		t.Errorf("council B's lead sees trust A's plans: %d", r.status)
	}
	after, err := te.svc.Plans.FindPlan(lightbulb.WithOrg(context.Background(), te.orgA.ID), p[0].ID, te.users["staffA"].ID)
	must(t, err)
	if after.Shared || after.Actions[0].Done || after.Checkins[0].Answered() {
		t.Fatalf("an outsider changed the plan: %+v", after)
	}
}
