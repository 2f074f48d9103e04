package sqldb_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// Dignity champions are named from the organisation's people for its own
// units, once each, and counted with coverage by ward; another
// organisation neither sees nor changes them.
func TestDignityChampionsAndCoverageByWard(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		ann := sqldbtest.MustUser(t, db, "ann@example.org", f.client, lightbulb.RoleStaff)
		bob := sqldbtest.MustUser(t, db, "bob@example.org", f.client, lightbulb.RoleStaff)
		cat := sqldbtest.MustUser(t, db, "cat@example.org", f.client, lightbulb.RoleStaff)
		stranger := sqldbtest.MustUser(t, db, "stranger@example.org", f.provider, lightbulb.RoleStaff)
		ward7 := sqldbtest.MustUnit(t, db, f.client, "Ward 7")
		willow := sqldbtest.MustUnit(t, db, f.client, "Willow")
		elsewhere := sqldbtest.MustUnit(t, db, f.provider, "Elsewhere")
		ctx := lightbulb.WithOrg(context.Background(), f.client.ID)
		us := sqldb.NewUnitService(db)
		learnMust(t, us.AddMember(ctx, ward7.ID, ann.ID))
		learnMust(t, us.AddMember(ctx, ward7.ID, bob.ID))
		learnMust(t, us.AddMember(ctx, willow.ID, bob.ID))

		x := f.session(t, 10, time.Now().Add(48*time.Hour).UTC().Truncate(time.Minute), 0)
		a, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Ann", Email: "ann@example.org", UserID: ann.ID, OrgID: f.client.ID})
		learnMust(t, err)
		setClock(t, x.StartsAt.Add(time.Hour))
		learnMust(t, f.svc.MarkAttendance(f.ctx, x.ID, map[int64]string{a.ID: lightbulb.Attended}, ""))

		cs := sqldb.NewChampionService(db)
		learnMust(t, cs.AssignChampion(ctx, ward7.ID, ann.ID))
		learnMust(t, cs.AssignChampion(ctx, willow.ID, ann.ID))
		for name, err := range map[string]error{
			"twice":                   cs.AssignChampion(ctx, ward7.ID, ann.ID),
			"not in the organisation": cs.AssignChampion(ctx, ward7.ID, stranger.ID),
			"another's unit":          cs.AssignChampion(ctx, elsewhere.ID, bob.ID),
		} {
			if lightbulb.ErrorCode(err) != lightbulb.EINVALID {
				t.Errorf("a champion %s: %v", name, err)
			}
		}
		list, err := cs.Champions(ctx)
		learnMust(t, err)
		if len(list) != 2 || list[0].UnitName != "Ward 7" || list[0].Name == "" || list[1].UnitName != "Willow" {
			t.Fatalf("champions %+v", list)
		}

		cov, err := sqldb.NewCoverageService(db).Coverage(ctx, []*lightbulb.Course{f.course})
		learnMust(t, err)
		got := map[string]string{}
		for _, u := range cov.Units {
			got[u.Name] = fmt.Sprintf("%d people, %d trained, %d champions", u.People, u.Trained, u.Champions)
		}
		if got["Ward 7"] != "2 people, 1 trained, 1 champions" || got["Willow"] != "1 people, 0 trained, 1 champions" || len(got) != 2 {
			t.Fatalf("coverage by unit %v", got)
		}
		// Cat is in no unit; Ann champions two units but is one champion.
		if cov.NoUnit.People != 1 || cov.NoUnit.Trained != 0 || cov.Champions != 1 || len(cov.UnitsWithoutChampion()) != 0 {
			t.Fatalf("no unit %+v, champions %d", cov.NoUnit, cov.Champions)
		}

		other := lightbulb.WithOrg(context.Background(), f.provider.ID)
		if l, err := cs.Champions(other); err != nil || len(l) != 0 {
			t.Fatalf("another organisation lists %+v %v", l, err)
		}
		if err := cs.RemoveChampion(other, ward7.ID, ann.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation stands a champion down: %v", err)
		}
		learnMust(t, cs.RemoveChampion(ctx, willow.ID, ann.ID))
		if err := cs.RemoveChampion(ctx, willow.ID, ann.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("standing down twice: %v", err)
		}
		cov, err = sqldb.NewCoverageService(db).Coverage(ctx, nil)
		learnMust(t, err)
		if w := cov.UnitsWithoutChampion(); len(w) != 1 || w[0].Name != "Willow" {
			t.Fatalf("units without a champion %+v", w)
		}
		_ = cat
	})
}

// Survey answers are counted by the wards people belong to when they
// answer; a ward with five or more answers is shown, a smaller one withheld.
func TestSurveyResultsByWard(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newLearnSurveyFixture(t, db)
		for i := range 4 {
			f.staff = append(f.staff, sqldbtest.MustUser(t, db, fmt.Sprintf("ward%d@example.org", i), f.org, lightbulb.RoleStaff))
		}
		ward7 := sqldbtest.MustUnit(t, db, f.org, "Ward 7")
		willow := sqldbtest.MustUnit(t, db, f.org, "Willow")
		oak := sqldbtest.MustUnit(t, db, f.org, "Oak")
		us := sqldb.NewUnitService(db)
		// Eleven answers: six on Ward 7 (one of them on Willow too), four on
		// Oak, and one on no ward at all.
		for i, u := range f.staff {
			switch {
			case i < 6:
				learnMust(t, us.AddMember(f.ctx, ward7.ID, u.ID))
			case i < 10:
				learnMust(t, us.AddMember(f.ctx, oak.ID, u.ID))
			}
		}
		learnMust(t, us.AddMember(f.ctx, willow.ID, f.staff[0].ID))
		for i, u := range f.staff {
			a := learnSurveyAnswer(5, "")
			if i >= 6 {
				a = learnSurveyAnswer(1, "")
			}
			learnMust(t, f.svc.Respond(f.ctx, f.survey.ID, u.ID, a))
		}
		// Joining a ward later does not move an answer already given.
		learnMust(t, us.AddMember(f.ctx, oak.ID, f.staff[10].ID))
		res, err := f.svc.SurveyResults(f.ctx, f.survey.ID)
		learnMust(t, err)
		b := res.ByWard
		if len(b.Shown) != 1 || b.Shown[0].Name != "Ward 7" || b.Shown[0].Count != 6 || b.Shown[0].Agree("att_relevant") != 100 {
			t.Fatalf("shown %+v", b.Shown)
		}
		if len(b.Withheld) != 2 || b.Withheld[0].Name != "Oak" || b.Withheld[0].Count != 4 || b.Withheld[1].Name != "Willow" {
			t.Fatalf("withheld %+v", b.Withheld)
		}
		cols, _, err := db.LearningRawTable(context.Background(), "learning_survey_unit_tallies")
		learnMust(t, err)
		for _, c := range cols {
			if c == "user_id" || c == "response_id" {
				t.Fatalf("the ward counts name a person or a response: %v", cols)
			}
		}
	})
}

// A champion's naming is in their data export, and erasing them stands
// them down everywhere.
func TestDignityChampionExportAndErase(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		org := sqldbtest.MustOrg(t, db, "trust", lightbulb.KindNHSTrust)
		ann := sqldbtest.MustUser(t, db, "ann@example.org", org, lightbulb.RoleStaff)
		ward := sqldbtest.MustUnit(t, db, org, "Ward 7")
		ctx := lightbulb.WithOrg(context.Background(), org.ID)
		cs := sqldb.NewChampionService(db)
		learnMust(t, cs.AssignChampion(ctx, ward.ID, ann.ID))
		ps := sqldb.NewPrivacyService(db)
		x, err := ps.ExportPerson(context.Background(), lightbulb.Subject{UserID: ann.ID})
		learnMust(t, err)
		found := false
		for _, s := range x.Sections {
			if s.Section == "dignity_champions" && len(s.Records) == 1 && fmt.Sprint(s.Records[0]["unit_id"]) == fmt.Sprint(ward.ID) {
				found = true
			}
		}
		if !found {
			t.Fatalf("the export has no champion section: %+v", x.Sections)
		}
		_, err = ps.ErasePerson(context.Background(), lightbulb.Subject{UserID: ann.ID})
		learnMust(t, err)
		if list, err := cs.Champions(ctx); err != nil || len(list) != 0 {
			t.Fatalf("an erased person is still a champion: %+v %v", list, err)
		}
	})
}
