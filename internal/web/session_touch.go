package web

import (
	"context"
	"time"

	"github.com/alexedwards/scs/v2"
)

// Sessions have an idle lifetime (sessionIdle) and an absolute one
// (sessionLifetime). scs keeps an idle lifetime by rewriting the session row
// on every request, so every page view was a database write. Instead, scs
// is told of no idle lifetime; a session is touched (its last-seen time
// stored, which rewrites the row) at most once every sessionTouch, and
// idleStore gives every write an expiry of now plus the idle lifetime,
// capped by the absolute one. A session therefore ends between
// sessionIdle-sessionTouch and sessionIdle after the person was last seen,
// and never after its absolute lifetime.
const (
	sessionLifetime = 12 * time.Hour
	sessionIdle     = 2 * time.Hour
	sessionTouch    = 5 * time.Minute
	// sessSeen is when the session was last touched, in Unix seconds.
	sessSeen = "seen"
)

// idleStore is a session store whose rows expire after the idle lifetime
// unless written again, never after the session's absolute deadline.
type idleStore struct {
	scs.CtxStore
	idle time.Duration
}

func (s idleStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	return s.CtxStore.CommitCtx(ctx, token, b, s.expiry(expiry))
}

func (s idleStore) Commit(token string, b []byte, expiry time.Time) error {
	return s.CtxStore.Commit(token, b, s.expiry(expiry))
}

func (s idleStore) expiry(deadline time.Time) time.Time {
	if idle := time.Now().Add(s.idle).UTC(); idle.Before(deadline) {
		return idle
	}
	return deadline
}

// touchSession marks a stored session as seen now when it was last touched
// more than every ago, so the session is written and its idle lifetime
// starts again. A page view within that time writes nothing.
func (s *Server) touchSession(ctx context.Context, every time.Duration) {
	if s.sessions.Token(ctx) == "" {
		return // no session stored: nothing to keep alive
	}
	now := time.Now()
	if seen := s.sessions.GetInt64(ctx, sessSeen); now.Sub(time.Unix(seen, 0)) >= every {
		s.sessions.Put(ctx, sessSeen, now.Unix())
	}
}
