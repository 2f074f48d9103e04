package cli_test

import (
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// The demo computes two years of every organisation's indicators once;
// the command computes nothing already computed, recomputes one month when
// asked, and refuses a month that has not ended or a period that makes no
// sense.
func TestDemoIndicatorsAndCommand(t *testing.T) {
	db := dbURL(t)
	out, err := run(t, db, "demo", "--insecure-fast-passwords")
	if err != nil || !strings.Contains(out, "indicators computed for 120 organisation-months") {
		t.Fatalf("first demo: %v\n%s", err, out)
	}
	if out, err = run(t, db, "demo", "--insecure-fast-passwords"); err != nil || !strings.Contains(out, "Demo history: 0 cases over two years added; indicators computed for 0 organisation-months") {
		t.Fatalf("second demo: %v\n%s", err, out)
	}
	last := lightbulb.LastEndedMonth(lightbulb.Now())
	if out, err = run(t, db, "indicators", "compute", "--org", "northbridge-nhs", "--from", lightbulb.AddMonths(last, -30), "--to", last); err != nil ||
		!strings.Contains(out, "Northbridge NHS Foundation Trust: 7 months computed") {
		t.Fatalf("compute: %v\n%s", err, out)
	}
	if out, err = run(t, db, "indicators", "recompute", "--org", "northbridge-nhs", "--month", last); err != nil || !strings.Contains(out, "computed again") {
		t.Fatalf("recompute: %v\n%s", err, out)
	}
	if _, err = run(t, db, "indicators", "recompute", "--org", "northbridge-nhs", "--month", lightbulb.AddMonths(last, 1)); err == nil ||
		!strings.Contains(err.Error(), "Choose a month that has ended") {
		t.Fatalf("recomputing a month not ended: %v", err)
	}
	if _, err = run(t, db, "indicators", "compute", "--from", last, "--to", lightbulb.AddMonths(last, -1)); err == nil ||
		!strings.Contains(err.Error(), "The last month must be the same as or after the first month") {
		t.Fatalf("a backwards period: %v", err)
	}
}
