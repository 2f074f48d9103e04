package web_test

import (
	"context"
	"strings"
	"testing"
)

// TestStateIndicatorSaysFromWhenHistoryExists: an indicator of how things
// stand says it is counted nightly, and from which day, in English and
// Welsh; before the first count it says counting has not begun.
func TestStateIndicatorSaysFromWhenHistoryExists(t *testing.T) {
	e := newIndicatorEnv(t)
	lead := e.client().signIn("leadA")
	if r := lead.get("/indicators/decisions.overdue"); !strings.Contains(r.body, "Counting has not begun yet") {
		t.Errorf("before any count the page does not say so")
	}
	if err := e.svc.Indicators.(interface {
		CountStates(context.Context, string) error
	}).CountStates(context.Background(), e.month+"-28"); err != nil {
		t.Fatal(err)
	}
	r := lead.get("/indicators/decisions.overdue")
	if !strings.Contains(r.body, "Counting began on 28 ") || !strings.Contains(r.body, "counted every night") {
		t.Errorf("the page does not say from when history exists")
	}
	lead.get("/language/cy?next=/indicators")
	if r := lead.get("/indicators/decisions.blanket_inforce"); !strings.Contains(r.body, "Dechreuodd y cyfrif ar 28 ") {
		t.Errorf("the Welsh page does not say from when history exists")
	}
}
