package sqldb_test

import (
	"context"
	"fmt"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// An organisation's own statements: asked by surveys created while they are
// in use, their English fixed once asked, their Welsh free to change, and
// out of another organisation's reach.
func TestSurveyOwnStatements(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newLearnSurveyFixture(t, db)
		if err := f.svc.SaveStatement(f.ctx, &lightbulb.SurveyStatement{Text: "  "}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("an empty statement: %v", err)
		}
		eq := &lightbulb.SurveyStatement{Text: "I would challenge a colleague who treated someone unfairly."}
		learnMust(t, f.svc.SaveStatement(f.ctx, eq))
		gone := &lightbulb.SurveyStatement{Text: "A statement we stopped asking."}
		learnMust(t, f.svc.SaveStatement(f.ctx, gone))
		learnMust(t, f.svc.RetireStatement(f.ctx, gone.ID, true))

		// The fixture's survey came before both: it asks only the six.
		old, err := f.svc.FindSurvey(f.ctx, f.survey.ID)
		learnMust(t, err)
		if len(old.Questions) != len(lightbulb.SurveyQuestions) {
			t.Fatalf("an older survey asks %d statements", len(old.Questions))
		}
		today := lightbulb.SurveyToday()
		x := &lightbulb.Survey{Title: "With our own", Kind: lightbulb.SurveyBaseline, OpensOn: today, ClosesOn: today}
		learnMust(t, f.svc.CreateSurvey(f.ctx, x))
		x, err = f.svc.FindSurvey(f.ctx, x.ID)
		learnMust(t, err)
		n := len(lightbulb.SurveyQuestions)
		if len(x.Questions) != n+1 || x.Questions[n].ID != eq.QuestionID() || !x.Questions[n].Own {
			t.Fatalf("the new survey asks %+v", x.Questions)
		}
		// Its own statement must be answered too.
		a := learnSurveyAnswer(4, "")
		if err := f.svc.Respond(f.ctx, x.ID, f.staff[0].ID, a); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("own statement left out: %v", err)
		}
		// Once asked, the English is fixed; the Welsh is not.
		changed := &lightbulb.SurveyStatement{ID: eq.ID, Text: "Something else.", Welsh: "Rhywbeth arall."}
		if err := f.svc.SaveStatement(f.ctx, changed); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("changing asked English: %v", err)
		}
		welsh := &lightbulb.SurveyStatement{ID: eq.ID, Text: eq.Text, Welsh: "Byddwn yn herio cydweithiwr a oedd yn trin rhywun yn annheg."}
		learnMust(t, f.svc.SaveStatement(f.ctx, welsh))
		got, err := f.svc.FindStatement(f.ctx, eq.ID)
		learnMust(t, err)
		if got.Welsh != welsh.Welsh || got.Asked != 1 || got.Retired {
			t.Fatalf("after the Welsh: %+v", got)
		}
		list, err := f.svc.FindStatements(f.ctx)
		learnMust(t, err)
		if len(list) != 2 || list[0].ID != eq.ID || !list[1].Retired {
			t.Fatalf("statements in use first: %+v", list)
		}
		// Another organisation sees none of it and changes none of it.
		other := lightbulb.WithOrg(context.Background(), f.other.ID)
		if l, err := f.svc.FindStatements(other); err != nil || len(l) != 0 {
			t.Fatalf("another organisation lists %+v %v", l, err)
		}
		if _, err := f.svc.FindStatement(other, eq.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation reads a statement: %v", err)
		}
		if err := f.svc.SaveStatement(other, &lightbulb.SurveyStatement{ID: gone.ID, Text: "Taken over"}); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation changes a statement: %v", err)
		}
		if err := f.svc.RetireStatement(other, eq.ID, true); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation retires a statement: %v", err)
		}
	})
}

// Results by role: groups of five or more shown, smaller ones withheld, and
// with only one small group, the next smallest held back too.
func TestSurveyResultsByRole(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newLearnSurveyFixture(t, db)
		for i := range 6 {
			f.staff = append(f.staff, sqldbtest.MustUser(t, db, fmt.Sprintf("more%d@example.org", i), f.org, lightbulb.RoleStaff))
		}
		// 13 answers: six nurses agreeing, five doctors disagreeing, two
		// who preferred not to say.
		for i, u := range f.staff {
			a := learnSurveyAnswer(5, "")
			switch {
			case i < 6:
				a.StaffGroup = "nursing"
			case i < 11:
				a.StaffGroup, a.Scores["conf_explain"] = "medical", 1
			}
			learnMust(t, f.svc.Respond(f.ctx, f.survey.ID, u.ID, a))
		}
		bad := learnSurveyAnswer(3, "")
		bad.StaffGroup = "astronaut"
		if err := f.svc.Respond(f.ctx, f.survey.ID, f.staff[0].ID, bad); lightbulb.ErrorCode(err) == "" {
			t.Fatal("a staff group not offered was saved")
		}
		res, err := f.svc.SurveyResults(f.ctx, f.survey.ID)
		learnMust(t, err)
		b := res.ByRole
		// The two who did not say are withheld; the doctors (the smallest
		// group shown) are held back with them, or 2 could be worked out
		// from 13 less 6 less 5.
		if len(b.Shown) != 1 || b.Shown[0].Key != "nursing" || b.Shown[0].Count != 6 || b.Shown[0].Agree("conf_explain") != 100 {
			t.Fatalf("shown %+v", b.Shown)
		}
		if len(b.Withheld) != 2 || b.Withheld[0].Key != "" || b.Withheld[1].Key != "medical" {
			t.Fatalf("withheld %+v", b.Withheld)
		}
	})
}
