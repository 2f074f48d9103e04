package cli_test

import (
	"strings"
	"testing"
)

// The operator's commands: list what is queued, run what is due, and a bad
// state is named in the error.
func TestJobsCommands(t *testing.T) {
	db := dbURL(t)
	if out, err := run(t, db, "remind"); err != nil || !strings.Contains(out, "Review reminders: 0 queued") {
		t.Fatalf("remind on an empty database: %v\n%s", err, out)
	}
	if out, err := run(t, db, "demo", "--insecure-fast-passwords"); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	if out, err := run(t, db, "remind"); err != nil || !strings.Contains(out, "Review reminders: 4 queued") {
		t.Fatalf("remind: %v\n%s", err, out)
	}
	out, err := run(t, db, "jobs", "list", "--kind", "mail.deliver", "--state", "queued")
	if err != nil || strings.Count(out, "mail.deliver") < 4 || !strings.Contains(out, "RUN AT (UTC)") {
		t.Fatalf("jobs list: %v\n%s", err, out)
	}
	out, err = run(t, db, "jobs", "run-due")
	if err != nil || !strings.Contains(out, "due jobs;") || !strings.Contains(out, "No mail server is configured (LIGHTBULB_SMTP_HOST), so") {
		t.Fatalf("jobs run-due: %v\n%s", err, out)
	}
	// Without a mail server, delivery jobs stay queued for a process that has one.
	if out, _ := run(t, db, "jobs", "list", "--kind", "mail.deliver", "--state", "queued"); strings.Count(out, "mail.deliver") < 4 {
		t.Fatalf("mail left the queue with no server to send it:\n%s", out)
	}
	if out, err := run(t, db, "jobs", "list", "--state", "stuck"); err == nil || !strings.Contains(err.Error()+out, `--state "stuck"`) {
		t.Fatalf("a bad state: %v\n%s", err, out)
	}
	if out, err := run(t, db, "jobs", "frobnicate"); err == nil || !strings.Contains(out, "lightbulb jobs run-due") {
		t.Fatalf("an unknown subcommand: %v\n%s", err, out)
	}
}
