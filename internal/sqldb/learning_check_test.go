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

func TestKnowledgeCheckWindows(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newLearningFixture(t, db)
		ctx := f.ctx
		// Before the session: the pre check is open, the post check is not.
		setClock(t, f.started.Add(-time.Hour))
		if err := f.ls.SaveCheck(ctx, f.ada.Token, lightbulb.CheckPost, 5, 7, nil); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("post check before the session: %v", err)
		}
		learnMust(t, f.ls.SaveCheck(ctx, f.ada.Token, lightbulb.CheckPre, 3, 7, nil))
		if err := f.ls.SaveCheck(ctx, f.ada.Token, lightbulb.CheckPre, 7, 7, nil); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("pre check twice: %v", err)
		}
		if err := f.ls.SaveCheck(ctx, f.ada.Token, lightbulb.CheckPre, 8, 7, nil); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("a score above the total: %v", err)
		}
		// During the session neither is open.
		setClock(t, f.started.Add(time.Hour))
		for _, phase := range []string{lightbulb.CheckPre, lightbulb.CheckPost} {
			if err := f.ls.SaveCheck(ctx, f.ben.Token, phase, 1, 7, nil); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
				t.Fatalf("%s check during the session: %v", phase, err)
			}
		}
		// After it, the post check; Ben did not come.
		setClock(t, f.started.Add(3*time.Hour))
		learnMust(t, f.svc.MarkAttendance(ctx, f.x.ID, map[int64]string{f.ada.ID: lightbulb.Attended, f.ben.ID: lightbulb.NoShow}, ""))
		adaSaid := map[string][]string{"q1": {"A5", "x_job"}, "r1": {"no"}}
		learnMust(t, f.ls.SaveCheck(ctx, f.ada.Token, lightbulb.CheckPost, 6, 7, adaSaid))
		if err := f.ls.SaveCheck(ctx, f.ben.Token, lightbulb.CheckPost, 6, 7, nil); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("post check by a no-show: %v", err)
		}
		_, c, err := f.ls.CheckStatus(ctx, f.ada.Token)
		learnMust(t, err)
		if !c.Both() || c.Pre.Percent() != 43 || c.Post.Percent() != 86 || c.Change() != 43 {
			t.Fatalf("Ada's change: pre %+v post %+v", c.Pre, c.Post)
		}
		// Her answers after the course are kept for the review; before
		// answers were kept, an attempt has none.
		if fmt.Sprint(c.Post.Answers) != fmt.Sprint(adaSaid) || c.Pre.Answers != nil {
			t.Fatalf("Ada's answers: after %v, before %v", c.Post.Answers, c.Pre.Answers)
		}
		res, err := f.ls.CheckResults(ctx)
		learnMust(t, err)
		if len(res.Courses) != 1 || res.Courses[0].Both != 1 || res.Courses[0].ChangeAverage() != 43 {
			t.Fatalf("course results %+v", res.Courses)
		}
		other := lightbulb.WithOrg(context.Background(), f.client.ID)
		if r, err := f.ls.CheckResults(other); err != nil || len(r.Courses) != 0 {
			t.Fatalf("another organisation's results: %+v %v", r, err)
		}
		if _, _, err := f.ls.CheckStatus(other, f.ada.Token); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation reads a check: %v", err)
		}
	})
}
