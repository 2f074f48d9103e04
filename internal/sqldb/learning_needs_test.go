package sqldb_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

func TestLearningNeedsMap(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		p := &lightbulb.Programme{Title: "Practitioner"}
		learnMust(t, f.svc.CreateProgramme(f.ctx, p, []int64{f.course.ID}))
		start := time.Now().UTC().Add(24 * time.Hour)
		cohort := &lightbulb.Cohort{ProgrammeID: p.ID, ClientOrgID: f.client.ID, Name: "Wave 1", StartsOn: start, EndsOn: start.AddDate(0, 1, 0)}
		learnMust(t, f.svc.CreateCohort(f.ctx, cohort))
		sv := sqldb.NewSurveyService(db)
		ctx := lightbulb.WithOrg(context.Background(), f.client.ID)
		codes := []string{"A3", "A5", "A8", "A14"}
		var users []*lightbulb.User
		for i := range 3 {
			users = append(users, sqldbtest.MustUser(t, db, fmt.Sprintf("n%d@example.org", i), f.client, lightbulb.RoleStaff))
		}
		bad := []*lightbulb.Needs{
			{UserID: users[0].ID, Issues: []string{"visiting"}},
			{UserID: users[0].ID, Rights: []string{"A8"}, Issues: []string{"parking"}},
			{UserID: users[0].ID, Rights: []string{"A8", "A3", "A5", "A14"}, Issues: []string{"visiting"}},
			{UserID: users[0].ID, Rights: []string{"Z9"}, Issues: []string{"visiting"}},
		}
		for _, n := range bad {
			if err := sv.SaveNeeds(ctx, n, codes); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
				t.Errorf("%+v: got %v, want invalid", n, err)
			}
		}
		// A cohort run for another organisation is refused.
		if err := sv.SaveNeeds(lightbulb.WithOrg(context.Background(), f.provider.ID), &lightbulb.Needs{UserID: users[0].ID, CohortID: cohort.ID,
			Rights: []string{"A8"}, Issues: []string{"visiting"}}, codes); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Errorf("another organisation's cohort: %v", err)
		}
		learnMust(t, sv.SaveNeeds(ctx, &lightbulb.Needs{UserID: users[0].ID, CohortID: cohort.ID, Rights: []string{"A8", "A5"}, Issues: []string{"visiting", "restraint"}}, codes))
		learnMust(t, sv.SaveNeeds(ctx, &lightbulb.Needs{UserID: users[1].ID, CohortID: cohort.ID, Rights: []string{"A8"}, Issues: []string{"visiting"}}, codes))
		learnMust(t, sv.SaveNeeds(ctx, &lightbulb.Needs{UserID: users[2].ID, Rights: []string{"A3"}, Issues: []string{"dignity"}}, codes))
		// Changing one's mind replaces the choice.
		learnMust(t, sv.SaveNeeds(ctx, &lightbulb.Needs{UserID: users[2].ID, Rights: []string{"A8"}, Issues: []string{"dignity"}}, codes))
		got, err := sv.FindNeeds(ctx, users[0].ID)
		learnMust(t, err)
		if got.CohortID != cohort.ID || !slices.Equal(got.Rights, []string{"A8", "A5"}) || !slices.Equal(got.Issues, []string{"visiting", "restraint"}) {
			t.Fatalf("needs read back %+v", got)
		}
		m, err := sv.MapNeeds(ctx, 0)
		learnMust(t, err)
		if m.People != 3 || m.Count("A8", "visiting") != 2 || m.Count("A5", "restraint") != 1 || m.Count("A8", "dignity") != 1 || m.Count("A3", "dignity") != 0 ||
			m.RightTotals["A8"] != 3 || m.IssueTotals["visiting"] != 2 || m.Shade("A8", "visiting") != 4 || m.Shade("A5", "visiting") != 2 {
			t.Fatalf("organisation map %+v", m)
		}
		m, err = sv.MapNeeds(ctx, cohort.ID)
		learnMust(t, err)
		if m.People != 2 || m.Count("A8", "dignity") != 0 {
			t.Fatalf("cohort map %+v", m)
		}
		if m, _ := sv.MapNeeds(lightbulb.WithOrg(context.Background(), f.provider.ID), 0); m.People != 0 {
			t.Fatalf("another organisation's map counts %d people", m.People)
		}
	})
}
