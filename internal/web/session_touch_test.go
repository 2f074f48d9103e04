package web_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/lightbulb-hr/lightbulb/internal/web"
)

// sessionExpiry is the stored expiry of the only session in the database.
func (e *env) sessionExpiry(t *testing.T) time.Time {
	t.Helper()
	var exp time.Time
	if err := e.db.Writer().QueryRowContext(context.Background(), `SELECT expiry FROM sessions`).Scan(&exp); err != nil {
		t.Fatal(err)
	}
	return exp
}

// A page view that changes nothing does not write the session (nor send a
// new cookie) within the touch interval; the stored session still ends
// after the idle lifetime, not the absolute one.
func TestPageViewsDoNotRewriteTheSession(t *testing.T) {
	e := newEnv(t)
	c := e.client().signIn("staffA")
	signedIn := e.sessionExpiry(t)
	if left := time.Until(signedIn); left > 2*time.Hour || left < 110*time.Minute {
		t.Fatalf("a new session ends in %v, want the 2-hour idle lifetime", left)
	}
	for _, path := range []string{"/dashboard", "/rights", "/decisions"} {
		r := c.get(path)
		if r.status != http.StatusOK {
			t.Fatalf("%s: %d", path, r.status)
		}
		if r.header.Get("Set-Cookie") != "" {
			t.Errorf("%s sent a new session cookie", path)
		}
	}
	if got := e.sessionExpiry(t); !got.Equal(signedIn) {
		t.Errorf("page views rewrote the session: expiry %v, was %v", got, signedIn)
	}
}

// Once the touch interval has passed, a page view writes the session again
// and its idle lifetime starts again.
func TestPageViewTouchesTheSessionAfterTheInterval(t *testing.T) {
	e := newEnv(t)
	e.restart(func(o *web.Options) { o.SessionTouch = time.Nanosecond })
	c := e.client().signIn("staffA")
	before := e.sessionExpiry(t)
	time.Sleep(1100 * time.Millisecond) // the stored expiry has one-second steps on some engines
	if r := c.get("/dashboard"); r.status != http.StatusOK {
		t.Fatalf("dashboard: %d", r.status)
	}
	after := e.sessionExpiry(t)
	if !after.After(before) {
		t.Fatalf("the session was not touched: expiry %v, was %v", after, before)
	}
	if left := time.Until(after); left > 2*time.Hour {
		t.Fatalf("a touched session ends in %v, past the idle lifetime", left)
	}
}
