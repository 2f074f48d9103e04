package web_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/web"
)

// gateEnv is an env whose password hashes go through gate and which
// believes X-Forwarded-For, so each simulated person has an address of
// their own and the sign-in throttles stay out of the way.
func gateEnv(t *testing.T, gate *password.Gate) *env {
	e := newEnv(t)
	e.restart(func(o *web.Options) {
		o.Hashes = gate
		o.ClientIPHeader = "X-Forwarded-For"
	})
	return e
}

// 64 sign-ins at once, right, wrong and for unknown accounts, never run more
// hashes together than the gate's slots, and each costs exactly one hash.
func TestSignInBurstIsBounded(t *testing.T) {
	gate := password.NewGate(2, time.Minute)
	e := gateEnv(t, gate)
	var wg sync.WaitGroup
	results := make([]resp, 64)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			email, pw := "staffA@example.org", testPassword
			switch i % 3 {
			case 1:
				pw = "a wrong password"
			case 2:
				email = fmt.Sprintf("nobody%d@example.org", i)
			}
			results[i] = e.client().signInFrom(fmt.Sprintf("192.0.2.%d", i+1), email, pw)
		}()
	}
	wg.Wait()
	for i, r := range results {
		want := http.StatusUnprocessableEntity // the form again, with its error
		if i%3 == 0 {
			want = http.StatusSeeOther
		}
		if r.status != want {
			t.Errorf("attempt %d: status %d, want %d: %.200s", i, r.status, want, text(r.body))
		}
	}
	if gate.Peak() < 1 || gate.Peak() > 2 {
		t.Errorf("%d hashes ran at once through a gate of 2", gate.Peak())
	}
	if gate.Done() != 64 {
		t.Errorf("64 sign-ins took %d hashes, want one each", gate.Done())
	}
}

// With every slot taken for the whole wait, sign-in, password reset and
// invitations ask the person to try again shortly, in their language.
func TestSignInBusyAsksToTryAgain(t *testing.T) {
	gate := password.NewGate(1, time.Millisecond)
	e := gateEnv(t, gate)
	if err := gate.Acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	r := e.client().signInFrom("192.0.2.1", "staffA@example.org", testPassword)
	if r.status != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" {
		t.Fatalf("sign-in with the gate full: status %d, Retry-After %q", r.status, r.header.Get("Retry-After"))
	}
	mustContain(t, r, "many people are signing in at once. Wait a few seconds, then try again.")
	c := e.client()
	c.get("/language/cy")
	r = c.signInFrom("192.0.2.2", "staffA@example.org", testPassword)
	mustContain(t, r, "mae llawer o bobl yn mewngofnodi ar yr un pryd")
	gate.Release()
	e.client().signIn("staffA")
}
