package lightbulb

import "testing"

// TestAssessDue: 20 working days after receipt, weekends not counted.
func TestAssessDue(t *testing.T) {
	for in, want := range map[string]string{"2026-03-02": "2026-03-30", "2026-02-27": "2026-03-27", "2026-03-04": "2026-04-01"} {
		if got, ok := AssessDue(in); !ok || got != want {
			t.Errorf("AssessDue(%s) = %s, want %s", in, got, want)
		}
	}
	if _, ok := AssessDue("27/02/2026"); ok {
		t.Error("a date not in YYYY-MM-DD is due")
	}
}
