package sqldb_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

func subscribe(t *testing.T, db *sqldb.DB, nl *sqldb.NewsletterService, email, lang string) string {
	t.Helper()
	must(t, nl.Subscribe(context.Background(), &lightbulb.SubscribeRequest{Email: email, Lang: lang, Consent: "Send me the newsletter"}))
	ms := outboxFor(t, db, email)
	tok := linkIn(t, ms[len(ms)-1].body, "/newsletter/confirm/")
	if _, err := nl.ConfirmSubscription(context.Background(), tok); err != nil {
		t.Fatal(err)
	}
	return tok
}

// TestCampaignGoesOnceToEachSubscriber sends a campaign in batches of two
// to five subscribers, one of whom unsubscribes half way: each of the others
// gets it once in their language, and running the queue again sends nothing.
func TestCampaignGoesOnceToEachSubscriber(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		nl := sqldb.NewNewsletterService(db, "https://lb.test")
		nl.Batch = 2
		if err := nl.Subscribe(ctx, &lightbulb.SubscribeRequest{Email: "not an address"}); fieldsOf(err) != "email" {
			t.Fatalf("a bad address: %v", err)
		}
		emails := []string{"a@example.org", "b@example.org", "c@example.org", "d@example.org", "e@example.org"}
		for i, e := range emails {
			subscribe(t, db, nl, e, lightbulb.Languages[i%2])
		}
		must(t, nl.Subscribe(ctx, &lightbulb.SubscribeRequest{Email: "pending@example.org", Lang: "en", Consent: "x"}))
		// Asking again from a confirmed address emails it, and says nothing else.
		must(t, nl.Subscribe(ctx, &lightbulb.SubscribeRequest{Email: "a@example.org", Lang: "en", Consent: "x"}))
		if ms := outboxFor(t, db, "a@example.org"); len(ms) != 2 || !strings.Contains(ms[1].subject, "already") {
			t.Fatalf("second request to a subscriber: %+v", ms)
		}
		c := &lightbulb.Campaign{Subject: "December news", Body: "Hello.", SubjectCy: "Newyddion Rhagfyr", BodyCy: "Helo."}
		must(t, nl.SaveCampaign(ctx, c))
		must(t, nl.SendTest(ctx, c.ID, "comms@lb.test"))
		if ms := outboxFor(t, db, "comms@lb.test"); len(ms) != 2 || !strings.HasPrefix(ms[0].subject, "[Test]") {
			t.Fatalf("test sends %+v", ms)
		}
		must(t, nl.ScheduleCampaign(ctx, c.ID, lightbulb.Now()))
		if err := nl.ScheduleCampaign(ctx, c.ID, lightbulb.Now()); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("scheduled twice: %v", err)
		}
		q := jobs.NewQueue(db.Writer(), string(db.Dialect)).ReadFrom(db.Reader())
		nl.RegisterJobs(q)
		shiftNow(t, 0)
		runAll := func() {
			for i := 0; i < 10; i++ {
				real := lightbulb.Now
				lightbulb.Now = func() time.Time { return real().Add(time.Duration(i+1) * time.Hour) }
				_, err := q.RunDue(ctx, 1)
				lightbulb.Now = real
				must(t, err)
			}
		}
		_, err := q.RunDue(ctx, 2) // the start and the first batch (a, b)
		must(t, err)
		got := outboxFor(t, db, "c@example.org")
		unsub := got[len(got)-1].unsub
		if unsub != "" {
			t.Fatalf("c was written to in the first batch")
		}
		// b, written to in the first batch, unsubscribes by its link while the rest wait.
		dm := outboxFor(t, db, "b@example.org")
		bLink := dm[len(dm)-1].unsub
		if !strings.Contains(bLink, "/newsletter/unsubscribe/") || !strings.Contains(dm[len(dm)-1].subject, "Newyddion") {
			t.Fatalf("b's campaign email %+v", dm[len(dm)-1])
		}
		sub, err := nl.Unsubscribe(ctx, bLink[strings.LastIndex(bLink, "/")+1:])
		if err != nil || sub.Status != lightbulb.SubUnsubscribed || sub.Email != "b@example.org" {
			t.Fatalf("unsubscribe = %+v, %v", sub, err)
		}
		if _, err := nl.Unsubscribe(ctx, "1.1.forged"); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("a forged link: %v", err)
		}
		runAll()
		runAll()
		for i, e := range emails {
			n := 0
			for _, m := range outboxFor(t, db, e) {
				if m.unsub != "" {
					n++
					if want := []string{"December news", "Newyddion Rhagfyr"}[i%2]; m.subject != want {
						t.Errorf("%s got %q", e, m.subject)
					}
				}
			}
			if n != 1 {
				t.Errorf("%s got the campaign %d times", e, n)
			}
		}
		got2, err := nl.FindCampaign(ctx, c.ID)
		if err != nil || got2.Status != lightbulb.CampaignSent || got2.Recipients != 5 || got2.Unsubscribed != 1 {
			t.Fatalf("campaign after sending: %+v, %v", got2, err)
		}
		if stopped, err := nl.RecordBounce(ctx, "C@example.org", lightbulb.BounceHard); err != nil || !stopped {
			t.Fatalf("hard bounce: %v %v", stopped, err)
		}
		for i := 0; i < lightbulb.SoftBounceLimit; i++ {
			stopped, err := nl.RecordBounce(ctx, "d@example.org", lightbulb.BounceSoft)
			if err != nil || stopped != (i == lightbulb.SoftBounceLimit-1) {
				t.Fatalf("soft bounce %d: %v %v", i, stopped, err)
			}
		}
		ex, err := nl.ExportSubscriber(ctx, bLink[strings.LastIndex(bLink, "/")+1:])
		if err != nil || len(ex.Sections) == 0 {
			t.Fatalf("export %+v %v", ex, err)
		}
		must(t, nl.EraseSubscriber(ctx, bLink[strings.LastIndex(bLink, "/")+1:]))
		if _, err := nl.FindBySigned(ctx, bLink[strings.LastIndex(bLink, "/")+1:]); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("erased subscriber still found: %v", err)
		}
	})
}

// TestCampaignSurvivesACrashMidBatch: a batch that dies after queueing its
// emails and before it finishes leaves nothing behind; its retry sends
// each of those people the campaign once.
func TestCampaignSurvivesACrashMidBatch(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		nl := sqldb.NewNewsletterService(db, "https://lb.test")
		nl.Batch = 3
		var emails []string
		for i := 0; i < 7; i++ {
			emails = append(emails, fmt.Sprintf("r%d@example.org", i))
		}
		must(t, nl.SeedSubscribers(ctx, emails, []string{"en"}, "yes"))
		c := &lightbulb.Campaign{Subject: "S", Body: "B", SubjectCy: "S", BodyCy: "B"}
		must(t, nl.SaveCampaign(ctx, c))
		must(t, nl.ScheduleCampaign(ctx, c.ID, time.Time{}))
		q := jobs.NewQueue(db.Writer(), string(db.Dialect)).ReadFrom(db.Reader())
		nl.RegisterJobs(q)
		crashes := 0
		q.Fault = func(kind string) error {
			if kind == sqldb.JobCampaignBatch && crashes < 2 {
				crashes++
				return errors.New("killed mid-batch")
			}
			return nil
		}
		real := lightbulb.Now
		t.Cleanup(func() { lightbulb.Now = real })
		for i := 0; i < 40; i++ {
			lightbulb.Now = func() time.Time { return real().Add(time.Duration(i) * 10 * time.Minute) }
			_, err := q.RunDue(ctx, 10)
			must(t, err)
		}
		if crashes != 2 {
			t.Fatalf("%d crashes", crashes)
		}
		for _, e := range emails {
			if n := len(outboxFor(t, db, e)); n != 1 {
				t.Errorf("%s got the campaign %d times", e, n)
			}
		}
		got, err := nl.FindCampaign(ctx, c.ID)
		if err != nil || got.Status != lightbulb.CampaignSent || got.Recipients != 7 {
			t.Fatalf("after the crashes: %+v %v", got, err)
		}
	})
}
