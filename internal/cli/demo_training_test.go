package cli_test

import (
	"fmt"
	"regexp"
	"strconv"
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
	if err != nil || !strings.Contains(out, "Training demo: 11 courses, 3 programmes, 3 cohorts, 27 sessions and 4 bespoke requests added.") {
		t.Fatalf("first demo: %v\n%s", err, out)
	}
	if out, err = run(t, db, "demo", "--insecure-fast-passwords"); err != nil || !strings.Contains(out, "Training demo: already loaded.") {
		t.Fatalf("second demo: %v\n%s", err, out)
	}
	// The demo queues work for later (booking reminders, plan check-ins a
	// month or three away, fact-check windows still open) and every
	// capability's daily jobs are due at noon. The exact numbers move
	// whenever a capability adds a daily job, so the test asks what
	// matters: some jobs ran, some wait, and none of them went wrong.
	out, err = run(t, db, "jobs", "run-due")
	ran, waiting := dueCounts(t, out, err)
	if ran < 10 || waiting < 10 {
		t.Fatalf("jobs run-due ran %d and left %d waiting; the demo queues more than that:\n%s", ran, waiting, out)
	}
	noJobWentWrong(t, db)
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
	out, err = run(t, db, smtp...)
	if ran, _ := dueCounts(t, out, err); ran == 0 {
		t.Fatalf("a month later nothing was due:\n%s", out)
	}
	noJobWentWrong(t, db)
	if out, err = run(t, db, smtp...); err != nil || !strings.Contains(out, "Ran 0 due jobs") {
		t.Fatalf("jobs run-due again: %v\n%s", err, out)
	}
	msgs := got()
	nurse := 0
	for _, m := range msgs {
		if strings.Contains(m, "RCPT TO:<nurse@northbridge.test>") && strings.Contains(m, "Subject: Reminder: Practitioner 2") {
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

var dueLine = regexp.MustCompile(`Ran (\d+) due jobs; (\d+) are waiting for their time\.`)

// dueCounts reads what `jobs run-due` said it ran and left waiting.
func dueCounts(t *testing.T, out string, err error) (ran, waiting int) {
	t.Helper()
	m := dueLine.FindStringSubmatch(out)
	if err != nil || m == nil {
		t.Fatalf("jobs run-due: %v\n%s", err, out)
	}
	ran, _ = strconv.Atoi(m[1])
	waiting, _ = strconv.Atoi(m[2])
	return ran, waiting
}

// lastErrorAfterRunAt matches a `jobs list` row whose LAST ERROR column,
// after the run-at time, is not empty.
var lastErrorAfterRunAt = regexp.MustCompile(`(?m)\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +\S.*$`)

// noJobWentWrong fails the test if any job failed or is waiting to be
// tried again after an error.
func noJobWentWrong(t *testing.T, db string) {
	t.Helper()
	out, err := run(t, db, "jobs", "list", "--limit", "100000")
	if err != nil {
		t.Fatalf("jobs list: %v", err)
	}
	if bad := lastErrorAfterRunAt.FindAllString(out, 5); len(bad) > 0 || strings.Contains(out, " failed ") {
		t.Fatalf("jobs went wrong:\n%s", strings.Join(bad, "\n"))
	}
}
