package web_test

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"testing"
	"time"

	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
	"github.com/lightbulb-hr/lightbulb/internal/web"
)

// A sign-in for an invited account (no password yet) or an unknown address
// costs what a real password check costs, so timing does not tell them apart.
func TestSignInCostsTheSame(t *testing.T) {
	e := newEnv(t)
	cost := password.Params{Memory: 32 * 1024, Time: 3, Threads: 1}
	e.restart(func(o *web.Options) { o.Password = cost })
	real := sqldbtest.MustUser(t, e.db, "real@example.org", e.orgA)
	hash, _ := password.Hash(testPassword, cost)
	if err := sqldb.NewUserService(e.db).SetPassword(context.Background(), real.ID, hash); err != nil {
		t.Fatal(err)
	}
	sqldbtest.MustUser(t, e.db, "invited@example.org", e.orgA)
	// The fastest of four is each one's own cost, least disturbed by a busy
	// machine; the costs must be within a factor of three.
	fastest := func(email string) time.Duration {
		var ds []time.Duration
		for i := 0; i < 4; i++ {
			start := time.Now()
			r := e.client().post("/sign-in", url.Values{"email": {email}, "password": {"not the password"}})
			ds = append(ds, time.Since(start))
			if r.status != http.StatusUnprocessableEntity {
				t.Fatalf("%s: status %d", email, r.status)
			}
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		return ds[0]
	}
	checked := fastest("real@example.org")
	for _, email := range []string{"invited@example.org", "nobody@example.org"} {
		if d := fastest(email); d < checked/3 {
			t.Errorf("%s answers in %v, a real check takes %v", email, d, checked)
		}
	}
}
