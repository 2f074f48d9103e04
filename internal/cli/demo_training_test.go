package cli_test

import (
	"strings"
	"testing"
)

func TestTrainingDemoAndJobsCommand(t *testing.T) {
	db := dbURL(t)
	out, err := run(t, db, "demo", "--insecure-fast-passwords")
	if err != nil || !strings.Contains(out, "Training demo: 11 courses, 3 programmes, 3 cohorts, 25 sessions and 4 bespoke requests added.") {
		t.Fatalf("first demo: %v\n%s", err, out)
	}
	if out, err = run(t, db, "demo", "--insecure-fast-passwords"); err != nil || !strings.Contains(out, "Training demo: already loaded.") {
		t.Fatalf("second demo: %v\n%s", err, out)
	}
	// The demo's confirmed bookings queued their reminders; none is due yet.
	if out, err = run(t, db, "jobs", "run-due"); err != nil || !strings.Contains(out, "Ran 0 due jobs; 10 are waiting for their time.") {
		t.Fatalf("jobs run-due: %v\n%s", err, out)
	}
	if _, err = run(t, db, "jobs"); err == nil {
		t.Fatal("jobs without run-due should fail")
	}
}
