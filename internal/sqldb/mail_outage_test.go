package sqldb_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/mail"
	"github.com/lightbulb-hr/lightbulb/internal/mail/mailtest"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// A mail server that refuses everything for an hour delays email and loses
// none: once it takes mail again, every message is delivered exactly once.
func TestMailServerDownForAnHour(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		rec, m, q := smtpQueue(t, db)
		ctx := context.Background()
		start := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
		real := lightbulb.Now
		t.Cleanup(func() { lightbulb.Now = real })
		lightbulb.Now = func() time.Time { return start }
		const n = 20
		for i := range n {
			if err := m.SendMail(ctx, &lightbulb.Mail{To: fmt.Sprintf("p%d@example.org", i), Subject: fmt.Sprintf("Outage %d", i), Body: "Hello."}); err != nil {
				t.Fatal(err)
			}
		}
		rec.Refuse("mailbox unavailable: server is down")
		// The workers look every minute through the outage.
		for minute := 0; minute <= 60; minute++ {
			lightbulb.Now = func() time.Time { return start.Add(time.Duration(minute) * time.Minute) }
			if _, err := q.RunDue(ctx, 1000); err != nil {
				t.Fatal(err)
			}
		}
		if got := len(rec.Messages()); got != 0 {
			t.Fatalf("%d messages got through a refusing server", got)
		}
		ms, _ := m.FindMail(ctx, 100)
		for _, x := range ms {
			if x.Status != lightbulb.MailRetrying || x.Attempts < 5 || x.NextTry == nil {
				t.Fatalf("during the outage: %+v; want retrying with several attempts", x)
			}
		}
		rec.Refuse("")
		for minute := 61; minute <= 180; minute++ {
			lightbulb.Now = func() time.Time { return start.Add(time.Duration(minute) * time.Minute) }
			if _, err := q.RunDue(ctx, 1000); err != nil {
				t.Fatal(err)
			}
		}
		got := map[string]int{}
		for _, raw := range rec.Messages() {
			for i := range n {
				if containsLine(raw, fmt.Sprintf("Subject: Outage %d", i)) {
					got[fmt.Sprint(i)]++
				}
			}
		}
		if len(got) != n {
			t.Fatalf("%d of %d messages delivered after the outage", len(got), n)
		}
		for k, c := range got {
			if c != 1 {
				t.Errorf("message %s delivered %d times", k, c)
			}
		}
		ms, _ = m.FindMail(ctx, 100)
		for _, x := range ms {
			if x.Status != lightbulb.MailSent || x.Error != "" {
				t.Fatalf("after the outage: %+v", x)
			}
		}
	})
}

func containsLine(s, line string) bool {
	return slices.Contains(strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n"), line)
}

// smtpQueue is an outbox that delivers to a plain SMTP receiver started for
// the test, and the queue that runs its delivery jobs.
func smtpQueue(tb testing.TB, db *sqldb.DB) (*mailtest.Receiver, *sqldb.MailService, *jobs.Queue) {
	rec := mailtest.StartMode(tb, mailtest.Plain)
	m := sqldb.NewMailService(db)
	m.Deliver = mail.Sender(rec.SMTP("Lightbulb <no-reply@lightbulb.test>"))
	q := jobs.NewQueue(db.Writer(), string(db.Dialect)).ReadFrom(db.Reader())
	m.RegisterJobs(q)
	return rec, m, q
}
