package cli_test

import (
	"strings"
	"testing"
)

func TestPrivacyCommands(t *testing.T) {
	db := dbURL(t)
	if out, err := run(t, db, "privacy", "register"); err != nil || !strings.Contains(out, "users.email") ||
		!strings.Contains(out, "learning_plan_actions.plan_id") || !strings.Contains(out, "scrub") {
		t.Fatalf("privacy register: %v\n%.500s", err, out)
	}
	if out, err := run(t, db, "demo", "--insecure-fast-passwords"); err != nil {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	// Nothing in the demo is two years old; at one day's retention the
	// public bookings of its past sessions are.
	if out, err := run(t, db, "privacy", "retention"); err != nil || !strings.Contains(out, "Anonymised 0 ") {
		t.Fatalf("privacy retention: %v\n%s", err, out)
	}
	if out, err := run(t, db, "privacy", "retention", "--retention-days", "1"); err != nil || strings.Contains(out, "Anonymised 0 ") {
		t.Fatalf("privacy retention at one day: %v\n%s", err, out)
	}
	if out, err := run(t, db, "privacy", "vacuum"); err != nil || !strings.Contains(out, "Rewrote ") {
		t.Fatalf("privacy vacuum: %v\n%s", err, out)
	}
	if _, err := run(t, db, "privacy"); err == nil {
		t.Fatal("privacy with no subcommand should fail")
	}
}
