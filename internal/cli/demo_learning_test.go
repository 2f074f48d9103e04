package cli_test

import (
	"strings"
	"testing"
)

func TestLearningDemoLoadsOnce(t *testing.T) {
	db := dbURL(t)
	out, err := run(t, db, "demo", "--insecure-fast-passwords")
	if err != nil || !strings.Contains(out, "Learning demo: a past session with 5 pieces of feedback, 3 published as testimonials, and knowledge checks before and after.") {
		t.Fatalf("first demo: %v\n%s", err, out)
	}
	if !strings.Contains(out, "Survey demo: Northbridge baseline (12 answers) and follow-up (8 answers), and 12 people's learning needs.") {
		t.Fatalf("first demo without surveys:\n%s", out)
	}
	if !strings.Contains(out, "Plan demo: 4 Northbridge embedding plans, written five weeks ago.") {
		t.Fatalf("first demo without plans:\n%s", out)
	}
	out, err = run(t, db, "demo", "--insecure-fast-passwords")
	if err != nil || !strings.Contains(out, "Learning demo: already loaded.") || !strings.Contains(out, "Survey demo: already loaded.") ||
		!strings.Contains(out, "Plan demo: already loaded.") {
		t.Fatalf("second demo: %v\n%s", err, out)
	}
}
