package lightbulb

import (
	"testing"
	"time"
)

func TestLondonKeepsSummerTime(t *testing.T) {
	winter := time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC).In(London)
	summer := time.Date(2026, 7, 15, 12, 0, 0, 0, time.UTC).In(London)
	if got := winter.Format("15:04 MST"); got != "12:00 GMT" {
		t.Errorf("January noon UTC in London = %s, want 12:00 GMT", got)
	}
	if got := summer.Format("15:04 MST"); got != "13:00 BST" {
		t.Errorf("July noon UTC in London = %s, want 13:00 BST", got)
	}
	if got := Today(time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC)); got != "2026-07-01" {
		t.Errorf("Today at 23:30 UTC on 30 June = %s, want 2026-07-01 (London is an hour ahead)", got)
	}
}
