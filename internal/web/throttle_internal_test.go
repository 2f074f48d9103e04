package web

import (
	"testing"
	"time"
)

func TestThrottleSlowsDownAndForgets(t *testing.T) {
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	th := newThrottle(2, time.Second, 8*time.Second)
	th.now = func() time.Time { return now }
	for i := 0; i < 2; i++ {
		if w := th.take("k"); w != 0 {
			t.Fatalf("free attempt %d waits %v", i+1, w)
		}
	}
	// Past the free ones each attempt doubles the wait, up to the ceiling;
	// an attempt made while waiting is refused and does not count.
	for _, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 8 * time.Second} {
		if w := th.take("k"); w != 0 {
			t.Fatalf("attempt after waiting: %v", w)
		}
		if w := th.take("k"); w != want {
			t.Fatalf("wait %v, want %v", w, want)
		}
		now = now.Add(want)
	}
	if w := th.take("other"); w != 0 {
		t.Fatalf("another key waits %v", w)
	}
	// Success forgives; a quiet spell forgets.
	th.forgive("k")
	if w := th.take("k"); w != 0 {
		t.Fatalf("after forgiving: %v", w)
	}
	th.take("k")
	th.take("k")
	now = now.Add(throttleForget + time.Minute)
	th.take("other")
	if s := th.keys["k"]; s != nil {
		t.Fatalf("quiet key kept: %+v", s)
	}
}
