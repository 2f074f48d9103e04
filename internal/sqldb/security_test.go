package sqldb_test

import (
	"context"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// Using one reset link ends the person's other links, and no one else's.
func TestUsingAResetEndsOlderLinks(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		u := sqldbtest.MustUser(t, db, "older@example.org", nil)
		other := sqldbtest.MustUser(t, db, "other@example.org", nil)
		resets := sqldb.NewResetService(db)
		for _, x := range []struct {
			id   int64
			hash string
		}{{u.ID, "old"}, {u.ID, "new"}, {other.ID, "theirs"}} {
			if err := resets.CreateReset(ctx, x.id, x.hash, time.Now().Add(time.Hour)); err != nil {
				t.Fatal(err)
			}
		}
		if id, err := resets.UseReset(ctx, "new"); err != nil || id != u.ID {
			t.Fatalf("use = %d, %v", id, err)
		}
		if _, err := resets.UseReset(ctx, "old"); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("older link after a reset: %v, want EINVALID", err)
		}
		if id, err := resets.UseReset(ctx, "theirs"); err != nil || id != other.ID {
			t.Fatalf("someone else's link: %d, %v", id, err)
		}
	})
}

// Only the organisation's staff and leads answer its staff survey: not an
// expert, not someone from another organisation.
func TestSurveyIsForStaffOnly(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newLearnSurveyFixture(t, db)
		expert := sqldbtest.MustUser(t, db, "expert@example.org", f.org, lightbulb.RoleExpert)
		lead := sqldbtest.MustUser(t, db, "lead@example.org", f.org, lightbulb.RoleLead)
		outsider := sqldbtest.MustUser(t, db, "outsider@example.org", f.other, lightbulb.RoleStaff)
		for _, u := range []*lightbulb.User{expert, outsider} {
			if err := f.svc.Respond(f.ctx, f.survey.ID, u.ID, learnSurveyAnswer(4, "")); lightbulb.ErrorCode(err) != lightbulb.EFORBIDDEN {
				t.Errorf("%s answered: %v", u.Email, err)
			}
		}
		for _, u := range []*lightbulb.User{f.staff[0], lead} {
			if err := f.svc.Respond(f.ctx, f.survey.ID, u.ID, learnSurveyAnswer(4, "")); err != nil {
				t.Errorf("%s could not answer: %v", u.Email, err)
			}
		}
		if x, err := f.svc.FindSurvey(f.ctx, f.survey.ID); err != nil || x.Responses != 2 {
			t.Fatalf("survey after answers: %+v, %v", x, err)
		}
	})
}
