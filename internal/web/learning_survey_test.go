package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// learnExtraUser adds a person who can sign in as key.
func learnExtraUser(t *testing.T, te *trainEnv, key string, org *lightbulb.Organisation, roles ...lightbulb.Role) *lightbulb.User {
	t.Helper()
	hash, _ := password.Hash(testPassword, password.Minimum)
	u := sqldbtest.MustUser(t, te.db, key+"@example.org", org, roles...)
	must(t, sqldb.NewUserService(te.db).SetPassword(context.Background(), u.ID, hash))
	te.users[key] = u
	return u
}

// learnSurveyPeople adds a lead and five more staff to trust A, all able to sign in.
func learnSurveyPeople(t *testing.T, te *trainEnv) []string {
	t.Helper()
	hash, _ := password.Hash(testPassword, password.Minimum)
	add := func(key string, roles ...lightbulb.Role) {
		u := sqldbtest.MustUser(t, te.db, key+"@example.org", te.orgA, roles...)
		must(t, sqldb.NewUserService(te.db).SetPassword(context.Background(), u.ID, hash))
		te.users[key] = u
	}
	add("leadA", lightbulb.RoleLead, lightbulb.RoleStaff)
	keys := []string{"staffA"}
	for i := range 5 {
		k := fmt.Sprintf("surveyA%d", i)
		add(k, lightbulb.RoleStaff)
		keys = append(keys, k)
	}
	return keys
}

// learnSurveyForm fills in every statement with one point of the scale.
func learnSurveyForm(n int, comment string) url.Values {
	v := url.Values{"comment": {comment}}
	for _, q := range lightbulb.SurveyQuestions {
		v.Set(q.ID, fmt.Sprint(n))
	}
	return v
}

var learnSurveyIDRE = regexp.MustCompile(`href="/surveys/(\d+)/results"`)

func TestLearningSurveyBaselineAndFollowUp(t *testing.T) {
	te := newTrainEnv(t, nil)
	staff := learnSurveyPeople(t, te)
	lead := te.client().signIn("leadA")
	today := lightbulb.Now().In(lightbulb.London)
	dates := url.Values{"opens-day": {fmt.Sprint(today.Day())}, "opens-month": {fmt.Sprint(int(today.Month()))}, "opens-year": {fmt.Sprint(today.Year())},
		"closes-day": {fmt.Sprint(today.Day())}, "closes-month": {fmt.Sprint(int(today.Month()))}, "closes-year": {fmt.Sprint(today.Year())}}
	form := func(extra url.Values) url.Values {
		v := url.Values{}
		for k, x := range dates {
			v[k] = x
		}
		for k, x := range extra {
			v[k] = x
		}
		return v
	}
	// Mistakes first: no title, a follow-up with no baseline, backwards dates.
	r := lead.post("/surveys", form(url.Values{"kind": {"follow_up"}, "closes-year": {"1999"}}))
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a bad survey: %d", r.status)
	}
	mustContain(t, r, "Enter a title", "Select the baseline survey this follows up")
	r = lead.post("/surveys", form(url.Values{"title": {"Baseline spring"}, "kind": {"baseline"}}))
	if r.status != http.StatusSeeOther {
		t.Fatalf("create the baseline: %d %s", r.status, text(r.body))
	}
	r = lead.get("/surveys")
	mustContain(t, r, "Baseline spring", "Open")
	base := learnSurveyIDRE.FindStringSubmatch(r.body)[1]

	// Four answers: results withheld.
	for i, k := range staff[:4] {
		c := te.client().signIn(k)
		if r := c.post("/surveys/"+base, learnSurveyForm(2+i%2, "")); r.status != http.StatusSeeOther {
			t.Fatalf("%s answers: %d %s", k, r.status, text(r.body))
		}
	}
	mustContain(t, lead.get("/surveys/"+base+"/results"), "Fewer than 5 people have answered Baseline spring (4 so far)")
	// A statement left out is refused and the other answers kept.
	last := te.client().signIn(staff[4])
	partial := learnSurveyForm(3, "More time to talk")
	partial.Del("att_relevant")
	r = last.post("/surveys/"+base, partial)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a statement left out: %d", r.status)
	}
	mustContain(t, r, "Question 3: choose how far you agree", `href="#att_relevant"`, "More time to talk")
	if r = last.post("/surveys/"+base, learnSurveyForm(3, "More time to talk")); r.status != http.StatusSeeOther {
		t.Fatalf("the fifth answer: %d", r.status)
	}
	// Answering twice is refused.
	r = last.post("/surveys/"+base, learnSurveyForm(5, "Again"))
	mustContain(t, r, "You have already answered this survey")
	r = lead.get("/surveys/" + base + "/results")
	mustContain(t, r, "How people answered", "More time to talk", "5 responses")
	if strings.Contains(r.body, "Fewer than 5") {
		t.Fatal("five answers are still withheld")
	}

	// The follow-up, answered more positively, compared with the baseline.
	r = lead.post("/surveys", form(url.Values{"title": {"Follow-up autumn"}, "kind": {"follow_up"}, "baseline": {base}}))
	if r.status != http.StatusSeeOther {
		t.Fatalf("create the follow-up: %d %s", r.status, text(r.body))
	}
	ids := learnSurveyIDRE.FindAllStringSubmatch(lead.get("/surveys").body, -1)
	follow := ids[0][1]
	if follow == base {
		follow = ids[1][1]
	}
	for _, k := range staff {
		c := te.client().signIn(k)
		if r := c.post("/surveys/"+follow, learnSurveyForm(4, "")); r.status != http.StatusSeeOther {
			t.Fatalf("%s answers the follow-up: %d", k, r.status)
		}
	}
	r = lead.get("/surveys/" + follow + "/results")
	mustContain(t, r, "Baseline and follow-up compared", "<svg", `role="img"`, "0%", "100%", "up 100 points", "Share agreeing, baseline and follow-up")
	cy := lead.get("/surveys/"+follow+"/results", "Accept-Language", "cy")
	mustContain(t, cy, "i fyny 100 pwynt")
}

func TestLearningSurveyClosedAndNotYetOpen(t *testing.T) {
	te := newTrainEnv(t, nil)
	learnSurveyPeople(t, te)
	ctx := lightbulb.WithOrg(context.Background(), te.orgA.ID)
	gone := &lightbulb.Survey{Title: "Last year", Kind: lightbulb.SurveyBaseline, OpensOn: "2001-01-01", ClosesOn: "2001-01-31"}
	later := &lightbulb.Survey{Title: "Next year", Kind: lightbulb.SurveyBaseline, OpensOn: "2999-01-01", ClosesOn: "2999-01-31"}
	must(t, te.svc.Surveys.CreateSurvey(ctx, gone))
	must(t, te.svc.Surveys.CreateSurvey(ctx, later))
	c := te.client().signIn("staffA")
	for x, want := range map[*lightbulb.Survey]string{gone: "This survey has closed", later: "This survey is not open yet"} {
		path := fmt.Sprintf("/surveys/%d", x.ID)
		mustContain(t, c.get(path), want)
		r := c.post(path, learnSurveyForm(4, "Kept"))
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("answering %q: %d", x.Title, r.status)
		}
		mustContain(t, r, want)
	}
	if list, _ := te.svc.Surveys.FindSurveys(ctx); list[0].Responses+list[1].Responses != 0 {
		t.Fatal("an answer to a closed survey was saved")
	}
}

func TestLearningSurveyIsolation(t *testing.T) {
	te := newTrainEnv(t, nil)
	learnSurveyPeople(t, te)
	ctx := lightbulb.WithOrg(context.Background(), te.orgA.ID)
	today := lightbulb.SurveyToday()
	x := &lightbulb.Survey{Title: "Trust A baseline", Kind: lightbulb.SurveyBaseline, OpensOn: today, ClosesOn: today}
	must(t, te.svc.Surveys.CreateSurvey(ctx, x))
	id := fmt.Sprint(x.ID)
	leadOnly := []route{{"GET", "/surveys/new", nil}, {"POST", "/surveys", url.Values{"title": {"Planted"}, "kind": {"baseline"}}},
		{"GET", "/surveys/" + id + "/results", nil}}
	memberOnly := []route{{"GET", "/surveys/" + id, nil}, {"POST", "/surveys/" + id, learnSurveyForm(1, "Planted")}}
	for _, r := range append(append(leadOnly, memberOnly...), route{"GET", "/surveys", nil}) {
		if got := te.client().call(r); got.status != http.StatusSeeOther || !strings.HasPrefix(got.location, "/sign-in") {
			t.Errorf("visitor %s %s: %d %q", r.method, r.path, got.status, got.location)
		}
	}
	for _, key := range []string{"staffB", "adminB", "platform", "trainer"} {
		c := te.client().signIn(key)
		for _, r := range memberOnly {
			if got := c.call(r); got.status != http.StatusNotFound {
				t.Errorf("%s %s %s: %d, want 404", key, r.method, r.path, got.status)
			}
		}
		if got := c.get("/surveys"); strings.Contains(got.body, "Trust A baseline") {
			t.Errorf("%s sees trust A's survey", key)
		}
	}
	// adminB is a lead nowhere; a lead of another organisation cannot reach A's results.
	for _, key := range []string{"staffA", "adminA"} {
		c := te.client().signIn(key)
		for _, r := range leadOnly {
			if got := c.call(r); got.status != http.StatusForbidden {
				t.Errorf("%s %s %s: %d, want 403", key, r.method, r.path, got.status)
			}
		}
	}
	learnExtraUser(t, te, "leadB", te.orgB, lightbulb.RoleLead)
	leadB := te.client().signIn("leadB")
	if got := leadB.get("/surveys/" + id + "/results"); got.status != http.StatusNotFound {
		t.Errorf("council B's lead reads trust A's results: %d", got.status)
	}
	if got, _ := te.svc.Surveys.FindSurvey(ctx, x.ID); got.Responses != 0 {
		t.Fatal("an outsider answered trust A's survey")
	}
	if list, _ := te.svc.Surveys.FindSurveys(ctx); len(list) != 1 {
		t.Fatal("an outsider created a survey in trust A")
	}
	if got := te.client().signIn("leadA").get("/surveys/" + id + "/results"); got.status != http.StatusOK {
		t.Fatalf("trust A's lead: %d", got.status)
	}
}

// An expert (or an admin) who is not staff cannot answer the staff survey,
// nor find it from the dashboard.
func TestLearningSurveyStaffOnly(t *testing.T) {
	te := newTrainEnv(t, nil)
	learnSurveyPeople(t, te)
	learnExtraUser(t, te, "expertA", te.orgA, lightbulb.RoleExpert)
	ctx := lightbulb.WithOrg(context.Background(), te.orgA.ID)
	today := lightbulb.SurveyToday()
	x := &lightbulb.Survey{Title: "Trust A baseline", Kind: lightbulb.SurveyBaseline, OpensOn: today, ClosesOn: today}
	must(t, te.svc.Surveys.CreateSurvey(ctx, x))
	id := fmt.Sprint(x.ID)
	for _, key := range []string{"expertA", "adminA"} {
		c := te.client().signIn(key)
		for _, r := range []route{{"GET", "/surveys", nil}, {"GET", "/surveys/" + id, nil}, {"POST", "/surveys/" + id, learnSurveyForm(4, "")}} {
			if got := c.call(r); got.status != http.StatusForbidden {
				t.Errorf("%s %s %s: %d, want 403", key, r.method, r.path, got.status)
			}
		}
		if strings.Contains(c.get("/dashboard").body, `href="/surveys"`) {
			t.Errorf("%s's dashboard links to staff surveys", key)
		}
	}
	if got, _ := te.svc.Surveys.FindSurvey(ctx, x.ID); got.Responses != 0 {
		t.Fatalf("%d responses from people who are not staff", got.Responses)
	}
	if r := te.client().signIn("staffA").post("/surveys/"+id, learnSurveyForm(4, "")); r.status != http.StatusSeeOther {
		t.Fatalf("staff answer: %d %s", r.status, text(r.body))
	}
}
