package web_test

import (
	"net/http"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// TestImpactPage: anyone reads the totals across every organisation for
// the last twelve months; a total under 5 is shown as "fewer than 5" and
// no organisation is named.
func TestImpactPage(t *testing.T) {
	e := newIndicatorEnv(t)
	for _, row := range []struct {
		org   int64
		key   string
		value float64
	}{{e.orgA.ID, "training.attended", 3}, {e.orgB.ID, "training.attended", 4}, {e.orgA.ID, "coprod.hours", 2},
		{e.orgA.ID, "training.attended", 50}} {
		month := e.month
		if row.value == 50 {
			month = lightbulb.AddMonths(e.month, -12) // outside the twelve months
		}
		if _, err := e.db.Writer().Exec(`INSERT INTO indicator_values (org_id, indicator, service_id, month, numerator, denominator, value)
			VALUES ($1, $2, 0, $3, $4, 0, $4) ON CONFLICT (org_id, indicator, service_id, month) DO UPDATE SET value = excluded.value`,
			row.org, row.key, month, row.value); err != nil {
			t.Fatal(err)
		}
	}
	r := e.client().get("/impact")
	if r.status != http.StatusOK {
		t.Fatalf("impact: %d", r.status)
	}
	body := r.body[strings.Index(r.body, "<main"):]
	for _, want := range []string{">7<", "Co-production hours", "fewer than 5"} {
		if !strings.Contains(body, want) {
			t.Errorf("the impact page lacks %q", want)
		}
	}
	if strings.Contains(body, ">57<") || strings.Contains(body, ">2<") || strings.Contains(body, "Willow Ward") {
		t.Errorf("the impact page counts a month outside the year, or shows a small number")
	}
}
