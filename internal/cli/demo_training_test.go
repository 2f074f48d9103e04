package cli_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/mail/mailtest"
)

func TestTrainingDemoAndJobsCommand(t *testing.T) {
	db := dbURL(t)
	// Noon today, so the daily jobs (02:30, 03:30, 07:00 London) have all
	// fallen due whenever the test runs.
	y, m, d := time.Now().UTC().Date()
	noon := time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
	old := lightbulb.Now
	lightbulb.Now = func() time.Time { return noon }
	t.Cleanup(func() { lightbulb.Now = old })
	out, err := run(t, db, "demo", "--insecure-fast-passwords")
	if err != nil || !strings.Contains(out, "Training demo: 11 courses, 3 programmes, 3 cohorts, 26 sessions and 4 bespoke requests added.") {
		t.Fatalf("first demo: %v\n%s", err, out)
	}
	if out, err = run(t, db, "demo", "--insecure-fast-passwords"); err != nil || !strings.Contains(out, "Training demo: already loaded.") {
		t.Fatalf("second demo: %v\n%s", err, out)
	}
	// The demo's five confirmed bookings queued two reminders each; none is due
	// yet. The four embedding plans written five weeks ago have their one-month
	// check-in emails due now and their three-month ones waiting. Today's
	// review reminders, retention and housekeeping run too, with the Action
	// Plan's three daily jobs (counts, retention and check-ins) and the
	// indicators' (the demo has computed every month, so it queues nothing),
	// and co-production's; and commissioning's: three past reports' fact-check
	// windows close, and Northbridge's open one waits for its window to end.
	if out, err = run(t, db, "jobs", "run-due"); err != nil || !strings.Contains(out, "Ran 17 due jobs; 19 are waiting for their time.") {
		t.Fatalf("jobs run-due: %v\n%s", err, out)
	}
	if _, err = run(t, db, "jobs"); err == nil {
		t.Fatal("jobs without run-due should fail")
	}

	// A month later every reminder is due: the command sends each once by
	// SMTP (to a local relay without TLS), with every email queued before,
	// and running it again (as after a restart) sends nothing more.
	receiver := mailtest.StartMode(t, mailtest.Plain)
	port, got := receiver.Port, receiver.Messages
	lightbulb.Now = func() time.Time { return noon.AddDate(0, 1, 0) }
	smtp := []string{"jobs", "run-due", "--smtp-host", "127.0.0.1", "--smtp-port", fmt.Sprint(port), "--smtp-tls", "off"}
	if out, err = run(t, db, smtp...); err != nil || !strings.Contains(out, "4 are waiting") {
		t.Fatalf("jobs run-due a month later: %v\n%s", err, out)
	}
	if out, err = run(t, db, smtp...); err != nil || !strings.Contains(out, "Ran 0 due jobs") {
		t.Fatalf("jobs run-due again: %v\n%s", err, out)
	}
	msgs := got()
	nurse := 0
	for _, m := range msgs {
		if strings.Contains(m, "RCPT TO:<nurse@northbridge.test>") && strings.Contains(m, "Subject: Reminder: Practitioner 1") {
			nurse++
		}
	}
	if nurse != 2 {
		t.Fatalf("the SMTP server got %d reminders to the nurse (want 2)", nurse)
	}
	if out, err = run(t, db, "jobs", "list", "--kind", "mail.deliver", "--state", "queued"); err != nil || strings.Contains(out, "mail.deliver") {
		t.Fatalf("email left undelivered with a mail server up: %v\n%s", err, out)
	}
	if again := got(); len(again) != len(msgs) {
		t.Fatalf("a second run delivered %d more messages", len(again)-len(msgs))
	}
}
