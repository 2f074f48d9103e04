package web_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// The learning pages added for champions, own statements, results by role
// and ward, coverage by ward and the review after a knowledge check show no
// interface English on a Welsh page.
func TestLearningWelshCrawl(t *testing.T) {
	te := newTrainEnv(t, nil)
	staff := learnSurveyPeople(t, te)
	ctx := lightbulb.WithOrg(context.Background(), te.orgA.ID)
	ward := sqldbtest.MustUnit(t, te.db, te.orgA, "Ward 7")
	sqldbtest.MustUnit(t, te.db, te.orgA, "Willow")
	us := sqldb.NewUnitService(te.db)
	for _, k := range append(staff, "leadA") {
		must(t, us.AddMember(ctx, ward.ID, te.users[k].ID))
	}
	must(t, te.svc.Champions.AssignChampion(ctx, ward.ID, te.users["leadA"].ID))
	st := &lightbulb.SurveyStatement{Text: "We talk about rights at handover.", Welsh: "Rydyn ni'n siarad am hawliau wrth drosglwyddo."}
	must(t, te.svc.Surveys.SaveStatement(ctx, st))
	today := lightbulb.SurveyToday()
	x := &lightbulb.Survey{Title: "Pulse", Kind: lightbulb.SurveyBaseline, OpensOn: today, ClosesOn: today}
	must(t, te.svc.Surveys.CreateSurvey(ctx, x))
	for i, k := range staff {
		v := learnSurveyForm(4, "")
		v.Set(st.QuestionID(), "4")
		if i < 5 {
			v.Set("staff_group", "nursing")
		} else {
			v.Set("staff_group", "medical")
		}
		if r := te.client().signIn(k).post(fmt.Sprintf("/surveys/%d", x.ID), v); r.status != 303 {
			t.Fatalf("%s answers: %d", k, r.status)
		}
	}
	b, err := te.tr.Book(te.pctx, &lightbulb.BookingRequest{SessionID: te.cohortS.ID, Name: "Nia", Email: "staffa@example.org",
		UserID: te.users["staffA"].ID, OrgID: te.orgA.ID})
	must(t, err)
	setNow(t, te.cohortS.EndsAt.Add(time.Hour))
	must(t, te.tr.MarkAttendance(te.pctx, te.cohortS.ID, map[int64]string{b.ID: lightbulb.Attended}, ""))
	check := "/training/checks/" + b.Token
	if r := te.client().post(check+"/post", learnAnswers(false)); r.status != 303 {
		t.Fatalf("the check after: %d", r.status)
	}

	lead := te.client().signIn("leadA")
	pages := []string{"/champions", "/survey-statements", fmt.Sprintf("/survey-statements/%d", st.ID), "/surveys",
		fmt.Sprintf("/surveys/%d", x.ID), fmt.Sprintf("/surveys/%d/results", x.ID), "/training/coverage", check, "/dashboard"}
	for _, p := range pages {
		expectWelsh(t, lead, p)
	}
}
