package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func TestLearningNeedsJourney(t *testing.T) {
	te := newTrainEnv(t, nil)
	staff := learnSurveyPeople(t, te)
	c := te.client().signIn(staff[0])
	r := c.get("/training/needs")
	mustContain(t, r, "Right A8", "Visiting and family contact", "Trust A wave 1")
	r = c.post("/training/needs", url.Values{"rights": {"A8"}, "issues": {"visiting", "restraint", "dignity", "choice"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("four issues: %d", r.status)
	}
	mustContain(t, r, "Choose up to 3 practice issues", `value="A8" checked`)
	cohort := fmt.Sprint(te.cohort.ID)
	if r = c.post("/training/needs", url.Values{"rights": {"A8", "A3"}, "issues": {"visiting"}, "cohort": {cohort}}); r.status != http.StatusSeeOther {
		t.Fatalf("save needs: %d %s", r.status, text(r.body))
	}
	mustContain(t, c.get("/training/needs"), `value="A3" checked`, `value="visiting" checked`)
	for i, k := range staff[1:4] {
		issue := []string{"visiting", "restraint", "dignity"}[i]
		if r := te.client().signIn(k).post("/training/needs", url.Values{"rights": {"A8"}, "issues": {issue}}); r.status != http.StatusSeeOther {
			t.Fatalf("%s: %d", k, r.status)
		}
	}
	lead := te.client().signIn("leadA")
	r = lead.get("/training/needs/map")
	mustContain(t, r, "4 people chose", "Rights by practice issue", `lb-learn-heat-4">2<`, "People choosing the issue")
	r = lead.get("/training/needs/map?cohort=" + cohort)
	mustContain(t, r, "1 person chose", "Trust A wave 1")
	tr := te.client().signIn("trainer")
	mustContain(t, tr.get("/training/needs"), fmt.Sprintf("/training/needs/map?org=%d", te.orgA.ID))
	mustContain(t, tr.get(fmt.Sprintf("/training/needs/map?org=%d", te.orgA.ID)), "4 people chose")
}

func TestLearningNeedsIsolation(t *testing.T) {
	te := newTrainEnv(t, nil)
	learnSurveyPeople(t, te)
	ctx := lightbulb.WithOrg(context.Background(), te.orgA.ID)
	must(t, te.svc.Surveys.SaveNeeds(ctx, &lightbulb.Needs{UserID: te.users["staffA"].ID, Rights: []string{"A8"}, Issues: []string{"visiting"}},
		[]string{"A8", "A3"}))
	orgA := fmt.Sprint(te.orgA.ID)
	for _, path := range []string{"/training/needs", "/training/needs/map"} {
		if r := te.client().get(path); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/sign-in") {
			t.Errorf("visitor %s: %d", path, r.status)
		}
	}
	if r := te.client().post("/training/needs", url.Values{"rights": {"A8"}, "issues": {"visiting"}}); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/sign-in") {
		t.Errorf("visitor saves needs: %d", r.status)
	}
	// Staff and admins who are not leads see no map; council B's people never see trust A's.
	for _, key := range []string{"staffA", "adminA", "staffB", "adminB"} {
		c := te.client().signIn(key)
		for _, path := range []string{"/training/needs/map", "/training/needs/map?org=" + orgA} {
			if r := c.get(path); r.status != http.StatusForbidden {
				t.Errorf("%s %s: %d, want 403", key, path, r.status)
			}
		}
	}
	// The platform admin (operator, not a trainer) can neither map nor save.
	p := te.client().signIn("platform")
	if r := p.get("/training/needs/map?org=" + orgA); r.status != http.StatusForbidden {
		t.Errorf("platform admin map: %d", r.status)
	}
	if r := p.post("/training/needs", url.Values{"rights": {"A8"}, "issues": {"visiting"}}); r.status != http.StatusForbidden {
		t.Errorf("platform admin saves needs: %d", r.status)
	}
	// A trainer asking for the operator or no organisation gets nothing.
	tr := te.client().signIn("trainer")
	for _, q := range []string{"", "?org=" + fmt.Sprint(te.opOrg.ID), "?org=" + orgA + "&cohort=999999"} {
		if r := tr.get("/training/needs/map" + q); r.status != http.StatusNotFound {
			t.Errorf("trainer map%s: %d, want 404", q, r.status)
		}
	}
	// Council B's lead sees only council B, whose map is empty.
	learnExtraUser(t, te, "leadB", te.orgB, lightbulb.RoleLead)
	r := te.client().signIn("leadB").get("/training/needs/map?org=" + orgA)
	if r.status != http.StatusOK || !strings.Contains(r.body, "Nobody has chosen") || strings.Contains(r.body, "Trust A") {
		t.Errorf("council B's lead asking for trust A's map: %d %s", r.status, text(r.body))
	}
	if n, _ := te.svc.Surveys.FindNeeds(ctx, te.users["staffA"].ID); len(n.Rights) != 1 || n.Rights[0] != "A8" {
		t.Fatalf("staffA's needs changed: %+v", n)
	}
}
