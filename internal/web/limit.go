package web

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// limiter hands out a token bucket per key (an email or an address). Buckets
// idle for ten minutes are dropped. It is per process: behind a load balancer
// each process limits on its own, which still bounds guessing.
type limiter struct {
	mu      sync.Mutex
	every   time.Duration // one attempt comes back this often
	burst   int           // attempts a fresh key may make at once
	idle    time.Duration // a bucket unused this long is full again, so dropped
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	lim  *rate.Limiter
	seen time.Time
}

func newLimiter(perMinute int) *limiter {
	return newLimiterEvery(time.Minute/time.Duration(perMinute), perMinute)
}

// newLimiterEvery allows burst attempts at once, then one every every.
func newLimiterEvery(every time.Duration, burst int) *limiter {
	return &limiter{every: every, burst: burst, idle: max(10*time.Minute, every*time.Duration(burst)),
		buckets: map[string]*bucket{}, swept: time.Now()}
}

// blocked reports whether key has no attempt left, without using one.
func (l *limiter) blocked(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[key]
	return ok && b.lim.Tokens() < 1
}

// allow reports whether one more attempt under every key is allowed, and
// uses one.
func (l *limiter) allow(keys ...string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	if now.Sub(l.swept) > time.Minute {
		for k, b := range l.buckets {
			if now.Sub(b.seen) > l.idle {
				delete(l.buckets, k)
			}
		}
		l.swept = now
	}
	ok := true
	for _, k := range keys {
		b, found := l.buckets[k]
		if !found {
			b = &bucket{lim: rate.NewLimiter(rate.Every(l.every), l.burst)}
			l.buckets[k] = b
		}
		b.seen = now
		ok = b.lim.Allow() && ok
	}
	return ok
}
