package cli_test

import (
	"strings"
	"testing"
)

func TestCoprodDemoLoadsOnce(t *testing.T) {
	db := dbURL(t)
	out, err := run(t, db, "demo", "--insecure-fast-passwords")
	if err != nil || !strings.Contains(out, "Co-production demo: a year of committee meetings, claims and check-ins.") {
		t.Fatalf("first demo: %v\n%s", err, out)
	}
	out, err = run(t, db, "demo", "--insecure-fast-passwords")
	if err != nil || !strings.Contains(out, "Co-production demo: already loaded.") {
		t.Fatalf("second demo: %v\n%s", err, out)
	}
}
