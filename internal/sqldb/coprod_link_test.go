package sqldb_test

import (
	"context"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// A training session's lived experience facilitators are an involvement
// linked to it: drafted from the session, listed on it, paid and followed
// up like any other; a session of another organisation cannot be linked.
func TestCoprodInvolvementLinkedToTrainingSession(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newCoprod(t, db)
		training := sqldb.NewTrainingService(db, sqldb.NewMailService(db), "https://lb.test")
		course := &lightbulb.Course{Title: "Rights in practice", Summary: "The basics", DurationMins: 120, Mode: lightbulb.ModeOnline}
		must(t, training.CreateCourse(f.ctx, course))
		starts := time.Now().Add(72 * time.Hour).Truncate(time.Minute)
		x := &lightbulb.Session{CourseID: course.ID, Part: 1, StartsAt: starts, EndsAt: starts.Add(150 * time.Minute),
			Mode: lightbulb.ModeOnline, JoinURL: "https://meet.example/abc", Capacity: 12}
		must(t, training.CreateSession(f.ctx, x))

		d, err := f.svc.LinkDraft(f.ctx, lightbulb.LinkSession, x.ID)
		must(t, err)
		if d.Title != "Rights in practice" || d.Activity != "training" || d.Minutes != 150 || !d.StartsAt.Equal(starts) || d.TrainingSessionID != x.ID {
			t.Fatalf("the draft from the session: %+v", d)
		}
		d.Place, d.SupporterID, d.LeadID = "Online", f.lead.ID, f.lead.ID
		_, err = f.svc.CreateInvolvement(f.ctx, d, []int64{f.o.ID})
		must(t, err)
		recs, err := f.svc.MyRecords(f.ctx, f.o.ID)
		must(t, err)
		must(t, f.svc.Respond(f.ctx, recs.Invites[0].ID, f.o.ID, true, true))
		linked, err := f.svc.Linked(f.ctx, lightbulb.LinkSession, x.ID)
		must(t, err)
		if len(linked) != 1 || linked[0].LinkTitle != "Rights in practice" || len(linked[0].Taking()) != 1 || linked[0].Taking()[0].ExpertName != "Owen" ||
			linked[0].Taking()[0].CreditByName {
			t.Fatalf("the session's facilitators: %+v", linked)
		}
		// Paid and followed up as any involvement: the job opens the check-in.
		runCoprodJobs(t, f, starts.Add(151*time.Minute))
		if home, _ := f.svc.Home(f.ctx); len(home.FollowUps) != 1 || home.FollowUps[0].Title != "Rights in practice" {
			t.Fatalf("the facilitator's follow-up: %+v", home.FollowUps)
		}
		if none, _ := f.svc.Linked(f.ctx, lightbulb.LinkReview, x.ID); len(none) != 0 {
			t.Fatal("a session's involvement listed on a review of the same id")
		}

		// Another organisation's session: no draft, and no link.
		other := sqldbtest.MustOrg(t, db, "council", lightbulb.KindCouncil)
		octx := lightbulb.WithOrg(context.Background(), other.ID)
		if _, err := f.svc.LinkDraft(octx, lightbulb.LinkSession, x.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("a draft from another organisation's session: %v", err)
		}
		stolen := &lightbulb.Involvement{Title: "Taken", Activity: "training", Level: "standard", StartsAt: starts, Minutes: 60, Place: "x",
			SupporterID: f.lead.ID, LeadID: f.lead.ID, ReviewID: 999999}
		if _, err := f.svc.CreateInvolvement(f.ctx, stolen, nil); fieldsOf(err) != "title" {
			t.Fatalf("a link to a review that is not the organisation's: %v", err)
		}
	})
}
