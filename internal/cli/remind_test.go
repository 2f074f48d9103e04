package cli_test

import (
	"strings"
	"testing"
)

// The demo adds thirteen decisions once; remind emails each due review once.
func TestDemoDecisionsAndReminders(t *testing.T) {
	db := dbURL(t)
	out, err := run(t, db, "demo", "--insecure-fast-passwords")
	if err != nil || !strings.Contains(out, "Demo decisions: 13 added") {
		t.Fatalf("first demo: %v\n%s", err, out)
	}
	if out, err = run(t, db, "demo", "--insecure-fast-passwords"); err != nil || !strings.Contains(out, "Demo decisions: 0 added") {
		t.Fatalf("second demo: %v\n%s", err, out)
	}
	// Due within 14 days or overdue in the demo: the phones rule, the keypad,
	// SL-31's visits (due today) and AW-12's covert medicine.
	if out, err = run(t, db, "remind"); err != nil || !strings.Contains(out, "Review reminders: 4 queued") {
		t.Fatalf("remind: %v\n%s", err, out)
	}
	if out, err = run(t, db, "remind"); err != nil || !strings.Contains(out, "Review reminders: 0 queued") {
		t.Fatalf("second remind: %v\n%s", err, out)
	}
}
