package sqldb_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// learnSurveyFixture is an organisation with seven staff and a baseline
// survey open today.
type learnSurveyFixture struct {
	svc    *sqldb.SurveyService
	ctx    context.Context
	org    *lightbulb.Organisation
	other  *lightbulb.Organisation
	staff  []*lightbulb.User
	survey *lightbulb.Survey
}

func newLearnSurveyFixture(t *testing.T, db *sqldb.DB) *learnSurveyFixture {
	t.Helper()
	f := &learnSurveyFixture{svc: sqldb.NewSurveyService(db)}
	f.org = sqldbtest.MustOrg(t, db, "trust", lightbulb.KindNHSTrust)
	f.other = sqldbtest.MustOrg(t, db, "council", lightbulb.KindCouncil)
	f.ctx = lightbulb.WithOrg(context.Background(), f.org.ID)
	for i := range 7 {
		f.staff = append(f.staff, sqldbtest.MustUser(t, db, fmt.Sprintf("staff%d@example.org", i), f.org, lightbulb.RoleStaff))
	}
	today := lightbulb.SurveyToday()
	f.survey = &lightbulb.Survey{Title: "Baseline 2027", Kind: lightbulb.SurveyBaseline, OpensOn: today, ClosesOn: today}
	learnMust(t, f.svc.CreateSurvey(f.ctx, f.survey))
	return f
}

func learnSurveyAnswer(n int, comment string) *lightbulb.SurveyAnswer {
	a := &lightbulb.SurveyAnswer{Scores: map[string]int{}, Comment: comment}
	for _, q := range lightbulb.SurveyQuestions {
		a.Scores[q.ID] = n
	}
	return a
}

func TestSurveyRules(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newLearnSurveyFixture(t, db)
		bad := []*lightbulb.Survey{
			{Title: "", Kind: lightbulb.SurveyBaseline, OpensOn: "2027-01-01", ClosesOn: "2027-01-31"},
			{Title: "Backwards", Kind: lightbulb.SurveyBaseline, OpensOn: "2027-02-01", ClosesOn: "2027-01-31"},
			{Title: "No baseline", Kind: lightbulb.SurveyFollowUp, OpensOn: "2027-02-01", ClosesOn: "2027-03-01"},
			{Title: "Baseline elsewhere", Kind: lightbulb.SurveyFollowUp, BaselineID: f.survey.ID + 1000, OpensOn: "2027-02-01", ClosesOn: "2027-03-01"},
		}
		for _, x := range bad {
			if err := f.svc.CreateSurvey(f.ctx, x); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
				t.Errorf("%q: got %v, want invalid", x.Title, err)
			}
		}
		// Not open yet, and closed.
		later := &lightbulb.Survey{Title: "Later", Kind: lightbulb.SurveyBaseline, OpensOn: "2999-01-01", ClosesOn: "2999-01-31"}
		learnMust(t, f.svc.CreateSurvey(f.ctx, later))
		gone := &lightbulb.Survey{Title: "Gone", Kind: lightbulb.SurveyBaseline, OpensOn: "2001-01-01", ClosesOn: "2001-01-31"}
		learnMust(t, f.svc.CreateSurvey(f.ctx, gone))
		for _, x := range []*lightbulb.Survey{later, gone} {
			if err := f.svc.Respond(f.ctx, x.ID, f.staff[0].ID, learnSurveyAnswer(4, "")); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
				t.Errorf("answering %q: %v", x.Title, err)
			}
		}
		// A statement left out.
		a := learnSurveyAnswer(4, "")
		delete(a.Scores, lightbulb.SurveyQuestions[2].ID)
		if err := f.svc.Respond(f.ctx, f.survey.ID, f.staff[0].ID, a); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Errorf("a statement left out: %v", err)
		}
		learnMust(t, f.svc.Respond(f.ctx, f.survey.ID, f.staff[0].ID, learnSurveyAnswer(4, "More time")))
		if err := f.svc.Respond(f.ctx, f.survey.ID, f.staff[0].ID, learnSurveyAnswer(1, "Again")); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("answering twice: %v", err)
		}
		if ok, _ := f.svc.HasResponded(f.ctx, f.survey.ID, f.staff[0].ID); !ok {
			t.Fatal("the person is not marked as having answered")
		}
		// Under five: withheld.
		for i := 1; i < 4; i++ {
			learnMust(t, f.svc.Respond(f.ctx, f.survey.ID, f.staff[i].ID, learnSurveyAnswer(2, "")))
		}
		res, err := f.svc.SurveyResults(f.ctx, f.survey.ID)
		learnMust(t, err)
		if !res.Withheld || res.Questions != nil || res.Comments != nil {
			t.Fatalf("four responses are not withheld: %+v", res)
		}
		learnMust(t, f.svc.Respond(f.ctx, f.survey.ID, f.staff[4].ID, learnSurveyAnswer(5, "Good to talk")))
		res, err = f.svc.SurveyResults(f.ctx, f.survey.ID)
		learnMust(t, err)
		if res.Withheld || res.Questions[0].Count != 5 || res.Questions[0].Dist != [5]int{0, 3, 0, 1, 1} || res.Questions[0].Agree() != 40 {
			t.Fatalf("five responses: %+v %+v", res, res.Questions[0])
		}
		sort.Strings(res.Comments)
		if !slices.Equal(res.Comments, []string{"Good to talk", "More time"}) {
			t.Fatalf("comments %v", res.Comments)
		}
		// Another organisation sees none of it.
		other := lightbulb.WithOrg(context.Background(), f.other.ID)
		if _, err := f.svc.SurveyResults(other, f.survey.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation's results: %v", err)
		}
		if err := f.svc.Respond(other, f.survey.ID, f.staff[5].ID, learnSurveyAnswer(1, "")); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("answering through another organisation: %v", err)
		}
		if list, _ := f.svc.FindSurveys(other); len(list) != 0 {
			t.Fatalf("another organisation lists %d surveys", len(list))
		}
	})
}

// TestSurveyResponsesHoldNoLink proves that the database cannot link a
// survey response to the person who gave it: the response table has no
// person or time column, its ids are random, and the table that records who
// answered holds only the survey and the person.
func TestSurveyResponsesHoldNoLink(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newLearnSurveyFixture(t, db)
		for i, u := range f.staff[:5] {
			learnMust(t, f.svc.Respond(f.ctx, f.survey.ID, u.ID, learnSurveyAnswer(i%5+1, fmt.Sprintf("comment %d", i))))
		}
		ctx := context.Background()
		cols, rows, err := db.LearningRawTable(ctx, "learning_survey_responses")
		learnMust(t, err)
		// staff_group is the broad group the person chose to give (or none);
		// results show it only for groups of five or more.
		if want := []string{"id", "survey_id", "org_id", "scores", "comment", "staff_group"}; !slices.Equal(cols, want) {
			t.Fatalf("response columns %v, want %v: a new column may link a response to a person", cols, want)
		}
		ids := map[string]bool{}
		for _, r := range rows {
			if len(r[0]) < 30 || strings.Trim(r[0], "0123456789") == "" {
				t.Errorf("response id %q is not random", r[0])
			}
			ids[r[0]] = true
			for _, u := range f.staff {
				if strings.Contains(strings.Join(r, " "), u.Email) {
					t.Errorf("a response holds %s", u.Email)
				}
			}
		}
		if len(ids) != 5 {
			t.Fatalf("%d distinct responses, want 5", len(ids))
		}
		gcols, grows, err := db.LearningRawTable(ctx, "learning_survey_responded")
		learnMust(t, err)
		if want := []string{"survey_id", "user_id", "org_id"}; !slices.Equal(gcols, want) {
			t.Fatalf("responded columns %v, want %v", gcols, want)
		}
		if len(grows) != 5 {
			t.Fatalf("%d responded rows, want 5", len(grows))
		}
		if db.Dialect == sqldb.SQLite {
			// Rows are stored in the order of their random ids, not the order
			// people answered in.
			sorted := slices.Clone(rows)
			slices.SortFunc(sorted, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
			for i := range rows {
				if rows[i][0] != sorted[i][0] {
					t.Fatal("SQLite keeps responses in the order they were given")
				}
			}
		}
	})
}

// TestSurveyOpensAndCloses follows the clock across a survey's days.
func TestSurveyOpensAndCloses(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newLearnSurveyFixture(t, db)
		x := &lightbulb.Survey{Title: "Next week", Kind: lightbulb.SurveyBaseline, OpensOn: "2030-06-10", ClosesOn: "2030-06-14"}
		learnMust(t, f.svc.CreateSurvey(f.ctx, x))
		for _, tc := range []struct {
			at   time.Time
			open bool
		}{
			{time.Date(2030, 6, 9, 22, 59, 0, 0, time.UTC), false}, // 23:59 on the 9th in London (BST)
			{time.Date(2030, 6, 9, 23, 0, 0, 0, time.UTC), true},   // midnight on the 10th in London
			{time.Date(2030, 6, 14, 22, 59, 0, 0, time.UTC), true},
			{time.Date(2030, 6, 14, 23, 0, 0, 0, time.UTC), false},
		} {
			setClock(t, tc.at)
			if got := x.OpenNow() == nil; got != tc.open {
				t.Errorf("at %s open %v, want %v", tc.at, got, tc.open)
			}
		}
	})
}
