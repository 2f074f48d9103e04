package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
	"github.com/lightbulb-hr/lightbulb/internal/web"
)

// A sign-in for an invited account (no password yet) or an unknown address
// costs what a real password check costs, so timing does not tell them
// apart: each runs exactly one password hash, counted by the gate every
// hash goes through (a count, not a clock, so a busy machine cannot make
// this pass or fail).
func TestSignInCostsTheSame(t *testing.T) {
	e := newEnv(t)
	gate := password.NewGate(1, 10*time.Second)
	e.restart(func(o *web.Options) { o.Hashes = gate })
	real := sqldbtest.MustUser(t, e.db, "real@example.org", e.orgA)
	hash, _ := password.Hash(testPassword, password.Minimum)
	if err := sqldb.NewUserService(e.db).SetPassword(context.Background(), real.ID, hash); err != nil {
		t.Fatal(err)
	}
	sqldbtest.MustUser(t, e.db, "invited@example.org", e.orgA)
	for _, email := range []string{"real@example.org", "invited@example.org", "nobody@example.org"} {
		before := gate.Done()
		r := e.client().post("/sign-in", url.Values{"email": {email}, "password": {"not the password"}})
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("%s: status %d", email, r.status)
		}
		if n := gate.Done() - before; n != 1 {
			t.Errorf("a failed sign-in for %s ran %d password hashes, want exactly 1", email, n)
		}
	}
}
