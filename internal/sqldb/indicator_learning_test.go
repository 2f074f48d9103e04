package sqldb_test

import (
	"context"
	"math"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestCoverageIndicators: counted as things stand, Ann (staff, attended),
// Bob (staff and lead, did not attend) and Cat (admin) make all roles 1 of
// 3, staff 1 of 2, leads 0 of 1; the course mandatory for staff and leads
// is done by 1 of the 2 people who must take it (Bob once, whatever his
// roles).
func TestCoverageIndicators(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f, _, _ := newCoverageFixture(t, db)
		ctx := lightbulb.WithOrg(context.Background(), f.client.ID)
		learnMust(t, sqldb.NewCoverageService(db).SetMandatory(ctx, map[int64][]lightbulb.Role{f.course.ID: {lightbulb.RoleStaff, lightbulb.RoleLead}}))
		is := sqldb.NewIndicatorService(db)
		day := lightbulb.Today(lightbulb.Now())
		learnMust(t, is.CountStates(context.Background(), day))
		_, err := is.ComputeMonths(ctx, day[:7], day[:7])
		learnMust(t, err)
		for key, want := range map[string]float64{"training.coverage": 100.0 / 3, "training.coverage_staff": 50,
			"training.coverage_lead": 0, "training.mandatory": 50} {
			if v, ok := orgValue(t, is, ctx, key, day[:7]); !ok || math.Abs(v.Value-want) > 1e-9 {
				t.Errorf("%s = %+v %v, want %v", key, v, ok, want)
			}
		}
	})
}

// TestSurveyIndicator: a follow-up whose 5 responses all agree, against a
// baseline whose 5 all disagree, moves the share agreeing by +100 points;
// a second follow-up with only 4 responses is left out, not averaged in.
func TestSurveyIndicator(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newLearnSurveyFixture(t, db)
		// The organisation adds a statement of its own after the baseline:
		// the follow-up asks it (everyone disagrees), and the change compares
		// only the statements both asked.
		own := &lightbulb.SurveyStatement{Text: "An own statement the baseline did not ask."}
		learnMust(t, f.svc.SaveStatement(f.ctx, own))
		today := lightbulb.SurveyToday()
		follow := &lightbulb.Survey{Title: "Follow-up", Kind: lightbulb.SurveyFollowUp, BaselineID: f.survey.ID, OpensOn: today, ClosesOn: today}
		small := &lightbulb.Survey{Title: "Small follow-up", Kind: lightbulb.SurveyFollowUp, BaselineID: f.survey.ID, OpensOn: today, ClosesOn: today}
		learnMust(t, f.svc.CreateSurvey(f.ctx, follow))
		learnMust(t, f.svc.CreateSurvey(f.ctx, small))
		for i := range 5 {
			learnMust(t, f.svc.Respond(f.ctx, f.survey.ID, f.staff[i].ID, learnSurveyAnswer(2, "")))
			a := learnSurveyAnswer(4, "")
			a.Scores[own.QuestionID()] = 1
			learnMust(t, f.svc.Respond(f.ctx, follow.ID, f.staff[i].ID, a))
			if i < 4 {
				a := learnSurveyAnswer(1, "")
				a.Scores[own.QuestionID()] = 1
				learnMust(t, f.svc.Respond(f.ctx, small.ID, f.staff[i].ID, a))
			}
		}
		is := sqldb.NewIndicatorService(db)
		_, err := is.ComputeMonths(f.ctx, today[:7], today[:7])
		learnMust(t, err)
		if v, ok := orgValue(t, is, f.ctx, "learning.survey", today[:7]); !ok || v.Value != 100 || v.Denominator != 1 {
			t.Fatalf("survey change: %+v %v", v, ok)
		}
		other := lightbulb.WithOrg(context.Background(), f.other.ID)
		_, err = is.ComputeMonths(other, today[:7], today[:7])
		learnMust(t, err)
		if v, ok := orgValue(t, is, other, "learning.survey", today[:7]); ok {
			t.Fatalf("the other organisation has a survey change: %+v", v)
		}
	})
}
