package web_test

import (
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// TestCasesByRightPage: the cases-by-right indicator's page counts each
// right confirmed, named from the library, in English and Welsh; B's lead
// sees none of A's.
func TestCasesByRightPage(t *testing.T) {
	e := newIndicatorEnv(t)
	c := &lightbulb.Case{Type: lightbulb.CaseIncident, SourceRef: "A-3", Received: e.month + "-12", ServiceID: e.wardA.ID, Summary: "Door locked for everyone", Harm: "none"}
	if err := e.svc.Cases.CreateCase(e.ctxA(), c); err != nil {
		t.Fatal(err)
	}
	rv := lightbulb.CaseReview{Verdicts: map[string]string{}, Added: []string{"A8"}}
	for _, r := range c.Rights {
		rv.Verdicts[r.Code] = "rejected"
	}
	if _, err := e.svc.Cases.ReviewCase(e.ctxA(), c.ID, rv); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.Indicators.RecomputeIndicators(e.ctxA(), e.month, "Lead A"); err != nil {
		t.Fatal(err)
	}
	lead := e.client().signIn("leadA")
	r := lead.get("/indicators/cases.by_right")
	if r.status != 200 || !strings.Contains(r.body, "By right") || !strings.Contains(r.body, "A8: ") || !strings.Contains(r.body, "Neither higher nor lower is better") {
		t.Errorf("the by-right page: %d", r.status)
	}
	if r := e.client().signIn("leadB").get("/indicators/cases.by_right"); strings.Contains(r.body, "A8: ") {
		t.Errorf("B's lead sees A's rights")
	}
	lead.get("/language/cy?next=/indicators")
	if r := lead.get("/indicators/cases.by_right"); !strings.Contains(r.body, "Fesul hawl") {
		t.Errorf("the Welsh by-right page is not in Welsh")
	}
}
