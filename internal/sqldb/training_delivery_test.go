package sqldb_test

import (
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

func TestDeliveryReport(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		ls := sqldb.NewLearningService(db, f.svc)
		c := f.twoPartCohort(t)
		soon := time.Now().Add(48 * time.Hour).UTC().Truncate(time.Minute)
		done := f.session(t, 10, soon, c.ID)
		later := f.session(t, 10, soon.Add(14*24*time.Hour), c.ID)
		_, err := f.svc.AddMembers(f.ctx, c.ID, []lightbulb.CohortMember{{Email: "ann@example.org", Name: "Ann"},
			{Email: "bob@example.org", Name: "Bob"}, {Email: "cat@example.org", Name: "Cat"}}, 0)
		learnMust(t, err)
		var bs []*lightbulb.Booking
		for _, who := range []string{"ann", "bob"} {
			b, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: done.ID, Name: who, Email: who + "@example.org", OrgID: f.client.ID})
			learnMust(t, err)
			b, err = f.svc.ConfirmBooking(f.ctx, b.Token)
			learnMust(t, err)
			learnMust(t, ls.SaveCheck(f.ctx, b.Token, lightbulb.CheckPre, 3, 7, nil))
			bs = append(bs, b)
		}
		b, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: later.ID, Name: "cat", Email: "cat@example.org", OrgID: f.client.ID})
		learnMust(t, err)
		_, err = f.svc.ConfirmBooking(f.ctx, b.Token)
		learnMust(t, err)

		setClock(t, done.EndsAt.Add(time.Hour))
		learnMust(t, f.svc.MarkAttendance(f.ctx, done.ID, map[int64]string{bs[0].ID: lightbulb.Attended, bs[1].ID: lightbulb.NoShow}, ""))
		learnMust(t, ls.GiveFeedback(f.ctx, bs[0].Token, &lightbulb.FeedbackForm{Rating: 4, Comment: "Useful"}))
		learnMust(t, ls.SaveCheck(f.ctx, bs[0].Token, lightbulb.CheckPost, 6, 7, nil))

		rep, err := f.svc.DeliveryReport(f.ctx, c.ID)
		learnMust(t, err)
		p1, p2 := rep.Parts[0], rep.Parts[1]
		if p1.Planned != 2 || p1.Delivered != 1 || p1.Places != 10 || p1.Booked != 2 || p1.Attended != 1 || p1.NoShow != 1 || p1.AttendanceRate() != 50 {
			t.Fatalf("part 1 = %+v", p1)
		}
		if p1.Feedback != 1 || p1.Rating() != 4 || p1.PreAverage() != 43 || p1.PostAverage() != 86 {
			t.Fatalf("part 1 feedback and checks = %+v", p1)
		}
		if ch, ok := p1.KnowledgeChange(); !ok || ch != 43 {
			t.Fatalf("knowledge change = %d, %v", ch, ok)
		}
		// Only Ann has completed part 1; nobody part 2.
		if !rep.Members || rep.People != 3 || p1.NotCompleted != 2 || p2.NotCompleted != 3 || len(rep.Gaps) != 3 {
			t.Fatalf("gaps = %+v (part 1 %d, part 2 %d)", rep.Gaps, p1.NotCompleted, p2.NotCompleted)
		}
		if rep.Gaps[0].Name != "Ann" || len(rep.Gaps[0].Parts) != 1 || rep.Gaps[0].Parts[0] != 2 {
			t.Fatalf("Ann's gap = %+v", rep.Gaps[0])
		}
		if rep.Total.Delivered != 1 || rep.Total.Planned != 2 {
			t.Fatalf("total = %+v", rep.Total)
		}
		other := lightbulb.WithOrg(t.Context(), f.client.ID)
		if _, err := f.svc.DeliveryReport(other, c.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation read the report: %v", err)
		}
	})
}
