package web

import (
	"sync"
	"time"
)

// throttle slows attempts down instead of locking anyone out: each key (an
// address, an account, or the two together) has a few attempts free, and
// then each further attempt must wait twice as long as the one before, up to
// a ceiling. Every attempt counts until it succeeds, so many at once cannot
// slip through together. Keys forget their attempts after a quiet spell.
// It is per process, like limiter.
type throttle struct {
	mu      sync.Mutex
	free    int           // attempts before any wait
	first   time.Duration // the first wait
	ceiling time.Duration // the longest wait
	keys    map[string]*strikes
	swept   time.Time
	now     func() time.Time
}

type strikes struct {
	n    int       // attempts that have not succeeded
	next time.Time // when the next attempt may start
	last time.Time
}

// throttleForget is how long a key stays quiet before its attempts are forgotten.
const throttleForget = 15 * time.Minute

func newThrottle(free int, first, ceiling time.Duration) *throttle {
	return &throttle{free: free, first: first, ceiling: ceiling, keys: map[string]*strikes{}, now: time.Now}
}

// take starts an attempt under key, or returns how long to wait first.
func (t *throttle) take(key string) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	t.sweep(now)
	s := t.keys[key]
	if s == nil {
		s = &strikes{}
		t.keys[key] = s
	}
	if wait := s.next.Sub(now); wait > 0 {
		return wait
	}
	s.n++
	s.last = now
	if s.n > t.free {
		s.next = now.Add(t.delay(s.n - t.free))
	}
	return 0
}

// delay is the wait after the k-th attempt past the free ones.
func (t *throttle) delay(k int) time.Duration {
	d := t.first
	for i := 1; i < k && d < t.ceiling; i++ {
		d *= 2
	}
	return min(d, t.ceiling)
}

// forgive forgets key's attempts: it succeeded.
func (t *throttle) forgive(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.keys, key)
}

// release uncounts one attempt of key that succeeded, leaving the others.
func (t *throttle) release(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if s := t.keys[key]; s != nil && s.n > 0 {
		s.n--
	}
}

func (t *throttle) sweep(now time.Time) {
	if now.Sub(t.swept) < time.Minute {
		return
	}
	for k, s := range t.keys {
		if now.Sub(s.last) > throttleForget && now.After(s.next) {
			delete(t.keys, k)
		}
	}
	t.swept = now
}
