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

func TestLearningCoverage(t *testing.T) {
	te := newTrainEnv(t, nil)
	learnSurveyPeople(t, te)
	b, err := te.tr.Book(te.pctx, &lightbulb.BookingRequest{SessionID: te.cohortS.ID, Name: "Nia", Email: "staffa@example.org",
		UserID: te.users["staffA"].ID, OrgID: te.orgA.ID})
	must(t, err)
	setNow(t, te.cohortS.StartsAt)
	must(t, te.tr.MarkAttendance(te.pctx, te.cohortS.ID, map[int64]string{b.ID: lightbulb.Attended}, ""))
	lead := te.client().signIn("leadA")
	r := lead.get("/training/coverage")
	// Trust A: staffA, adminA, leadA and five survey staff; only staffA trained.
	// leadA is staff too, so the staff and lead requirements leave 6 + 1 outstanding.
	mustContain(t, r, "1 of 8 people trained", "13%", "By role", "No course is mandatory yet")
	key := fmt.Sprintf("%d:staff", te.course.ID)
	if r = lead.post("/training/coverage/mandatory", url.Values{"mandatory": {key, fmt.Sprintf("%d:lead", te.course.ID)}}); r.status != http.StatusSeeOther {
		t.Fatalf("set mandatory: %d %s", r.status, text(r.body))
	}
	r = lead.get("/training/coverage")
	mustContain(t, r, "Mandatory training outstanding", "Not yet attended", `value="`+key+`" checked`)
	cov, err := te.svc.Coverage.Coverage(lightbulb.WithOrg(context.Background(), te.orgA.ID), []*lightbulb.Course{te.course})
	must(t, err)
	if len(cov.Mandatory) != 2 || cov.Mandatory[0].Outstanding+cov.Mandatory[1].Outstanding != 7 {
		t.Fatalf("mandatory outstanding %+v %+v", cov.Mandatory[0], cov.Mandatory[1])
	}
	if r = lead.post("/training/coverage/mandatory", url.Values{"mandatory": {fmt.Sprintf("%d:wizard", te.course.ID)}}); r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a made-up role: %d", r.status)
	}
	mustContain(t, r, "Choose roles from the list.")
	if m, _ := te.svc.Coverage.Mandatory(lightbulb.WithOrg(context.Background(), te.orgA.ID)); len(m[te.course.ID]) != 2 {
		t.Fatalf("a refused change lost the saved choice: %v", m)
	}
}

func TestLearningCoverageIsolation(t *testing.T) {
	te := newTrainEnv(t, nil)
	learnSurveyPeople(t, te)
	ctxA := lightbulb.WithOrg(context.Background(), te.orgA.ID)
	must(t, te.svc.Coverage.SetMandatory(ctxA, map[int64][]lightbulb.Role{te.course.ID: {lightbulb.RoleStaff}}))
	form := url.Values{"mandatory": {fmt.Sprintf("%d:admin", te.course.ID)}}
	for _, path := range []string{"/training/coverage"} {
		if r := te.client().get(path); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/sign-in") {
			t.Errorf("visitor %s: %d", path, r.status)
		}
	}
	if r := te.client().post("/training/coverage/mandatory", form); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/sign-in") {
		t.Errorf("visitor sets mandatory: %d", r.status)
	}
	for _, key := range []string{"staffA", "adminA", "staffB", "adminB", "platform", "trainer"} {
		c := te.client().signIn(key)
		if r := c.get("/training/coverage"); r.status != http.StatusForbidden {
			t.Errorf("%s coverage: %d, want 403", key, r.status)
		}
		if r := c.post("/training/coverage/mandatory", form); r.status != http.StatusForbidden {
			t.Errorf("%s sets mandatory: %d, want 403", key, r.status)
		}
	}
	// Council B's lead sees and changes only council B.
	learnExtraUser(t, te, "leadB", te.orgB, lightbulb.RoleLead)
	leadB := te.client().signIn("leadB")
	if r := leadB.post("/training/coverage/mandatory", form); r.status != http.StatusSeeOther {
		t.Fatalf("council B's lead: %d", r.status)
	}
	if m, _ := te.svc.Coverage.Mandatory(ctxA); len(m[te.course.ID]) != 1 || m[te.course.ID][0] != lightbulb.RoleStaff {
		t.Fatalf("council B's lead changed trust A's mandatory training: %v", m)
	}
	if r := leadB.get("/training/coverage"); strings.Contains(r.body, "staffa@example.org") || !strings.Contains(r.body, "0 of 3 people trained") {
		t.Errorf("council B's coverage: %s", text(r.body))
	}
}
