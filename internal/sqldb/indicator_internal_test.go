package sqldb

import (
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Every indicator of the catalogue has a query, and every query an
// indicator: a capability adding one must add both.
func TestEveryIndicatorIsComputed(t *testing.T) {
	defs := lightbulb.IndicatorCatalogue()
	for _, d := range defs {
		if _, ok := indicatorQueries[d.Key]; !ok {
			t.Errorf("indicator %s has no query: registerIndicator it in internal/sqldb/indicator_*.go", d.Key)
		}
	}
	for k := range indicatorQueries {
		if _, ok := lightbulb.FindIndicator(k); !ok {
			t.Errorf("query %s has no indicator: DefineIndicator it in the root package", k)
		}
	}
	if len(defs) < 8 {
		t.Errorf("only %d indicators", len(defs))
	}
}
