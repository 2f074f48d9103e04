package cli

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lightbulb-hr/lightbulb/internal/config"
	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/web"
)

// BenchmarkDemoPages serves the pages scripts/load.sh measures from the demo
// data, signed in as the demo's lead, through the whole middleware chain and
// with the wiring `serve` uses, many requests at once (b.RunParallel, 32 a core): the
// in-process twin of the load script, for CPU profiles and allocations.
//
//	go test ./internal/cli -run '^$' -bench DemoPages -benchtime 2000x -cpuprofile cpu.out
func BenchmarkDemoPages(b *testing.B) {
	h, cookie := demoServer(b)
	for _, path := range []string{"/rights", "/rights/A8", "/training", "/dashboard", "/decisions", "/cases", "/reviews/grid"} {
		b.Run(path, func(b *testing.B) { benchPage(b, h, cookie, path) })
	}
}

// benchPage serves path to the signed-in cookie, many requests at once,
// and reports the process's CPU time a request.
func benchPage(b *testing.B, h http.Handler, cookie *http.Cookie, path string) {
	b.ReportAllocs()
	start := cpuTime()
	defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op") }()
	b.SetParallelism(32) // 64 at once on two cores, as the load script
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			req.AddCookie(cookie)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Errorf("%s: %d", path, rec.Code)
				return
			}
		}
	})
}

// cpuTime is the CPU time the process has used, user and system: on a
// machine shared with other work it moves far less than the wall clock.
func cpuTime() time.Duration {
	var u syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// demoServer is the demo's data behind `serve`'s handler (no job workers)
// and the session cookie of its lead.
func demoServer(b *testing.B) (http.Handler, *http.Cookie) {
	b.Helper()
	ctx := context.Background()
	cfg := config.Default()
	cfg.DB = "sqlite:" + filepath.Join(b.TempDir(), "demo.db")
	db, err := open(ctx, &cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if err := LoadDemo(ctx, db, password.Minimum, io.Discard); err != nil {
		b.Fatal(err)
	}
	if err := benchSeedCases(ctx, db, cfg.DB); err != nil {
		b.Fatal(err)
	}
	m := newMail(db, &cfg)
	q, err := newQueue(db, &cfg, m)
	if err != nil {
		b.Fatal(err)
	}
	srv, err := web.New(services(db, &cfg, m, q), web.Options{BaseURL: "http://example.test", Sessions: sqldb.NewSessionStore(db),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Password: password.Minimum})
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	form := url.Values{"email": {"lead@northbridge.test"}, "password": {DemoPassword}}
	req := httptest.NewRequest(http.MethodPost, "/sign-in", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "http://"+req.Host)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	for _, c := range rec.Result().Cookies() {
		if c.Name == "lightbulb_session" {
			return h, c
		}
	}
	b.Fatalf("sign-in as the demo's lead: %d, no session", rec.Code)
	return nil, nil
}
