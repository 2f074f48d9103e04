package web_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/web"
)

// observedServer is the test application with its own log and options.
func observedServer(t *testing.T, e *env, opt web.Options) (*web.Server, http.Handler, *bytes.Buffer) {
	t.Helper()
	logs := &bytes.Buffer{} // requests are served one at a time, in the test goroutine
	opt.BaseURL, opt.Sessions, opt.Ready = "http://lightbulb.test", sqldb.NewSessionStore(e.db), e.db.Ping
	opt.Logger, opt.Password = slog.New(slog.NewJSONHandler(logs, nil)), password.Minimum
	s, err := web.New(e.svc, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s, s.Handler(), logs
}

func fetch(t *testing.T, h http.Handler, path string, hdr ...string) (int, string) {
	t.Helper()
	r := httptest.NewRequestWithContext(context.Background(), "GET", path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Set(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	b, _ := io.ReadAll(w.Result().Body)
	return w.Code, string(b)
}

// TestMetricsAndLogsNameTheRoute checks that requests are counted and
// logged by the route pattern they matched, never by their path, so a
// token in a path reaches neither the metrics nor the log.
func TestMetricsAndLogsNameTheRoute(t *testing.T) {
	e := newEnv(t)
	s, h, logs := observedServer(t, e, web.Options{})
	const token = "secret-reset-token-abc123"
	for _, p := range []string{"/rights/A8", "/rights/A3", "/password/reset/" + token, "/no/such/" + token} {
		fetch(t, h, p)
	}
	_, body := fetch(t, s.MetricsHandler(), "/metrics")
	for _, want := range []string{
		`lightbulb_http_requests_total{route="GET /rights/{code}",status="200"} 2`,
		`lightbulb_http_request_seconds_count{route="GET /rights/{code}"} 2`,
		`lightbulb_http_requests_total{route="GET /password/reset/{token}",status="200"} 1`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	log := logs.String()
	if !strings.Contains(log, `"route":"GET /rights/{code}"`) || !strings.Contains(log, `"route":"GET /password/reset/{token}"`) {
		t.Errorf("request log does not name the routes:\n%s", log)
	}
	for _, leak := range []string{token, "/rights/A8"} {
		if strings.Contains(body, leak) || strings.Contains(log, leak) {
			t.Errorf("a raw path (%s) reached the metrics or the log:\n%s", leak, log)
		}
	}
}

// TestMetricsNeedATokenOrTheirOwnAddress checks that /metrics is not public:
// with no token it is not served by the application at all, and with one it
// needs the bearer token.
func TestMetricsNeedATokenOrTheirOwnAddress(t *testing.T) {
	e := newEnv(t)
	plain, open, _ := observedServer(t, e, web.Options{})
	fetch(t, open, "/healthz")
	if st, body := fetch(t, open, "/metrics"); st != http.StatusNotFound || strings.Contains(body, "lightbulb_http_requests_total") {
		t.Errorf("with no token, /metrics on the public listener: HTTP %d", st)
	}
	const secret = "a-metrics-token-long-enough"
	s, guarded, _ := observedServer(t, e, web.Options{MetricsToken: secret})
	fetch(t, guarded, "/healthz")
	for _, tc := range []struct {
		auth string
		want int
	}{
		{"", http.StatusUnauthorized},
		{"Bearer wrong-token", http.StatusUnauthorized},
		{"Basic " + secret, http.StatusUnauthorized},
		{"Bearer " + secret, http.StatusOK},
	} {
		st, body := fetch(t, guarded, "/metrics", "Authorization", tc.auth)
		if st != tc.want || (st == http.StatusOK) != strings.Contains(body, "lightbulb_http_requests_total") {
			t.Errorf("Authorization %q: HTTP %d, want %d", tc.auth, st, tc.want)
		}
	}
	// The handler a separate metrics listener serves asks for the token too
	// when one is set, and serves without one when none is.
	if st, _ := fetch(t, s.MetricsHandler(), "/metrics"); st != http.StatusUnauthorized {
		t.Errorf("separate listener with a token, no Authorization: HTTP %d", st)
	}
	if st, body := fetch(t, plain.MetricsHandler(), "/metrics"); st != http.StatusOK || !strings.Contains(body, "lightbulb_http_requests_total") {
		t.Errorf("separate listener with no token: HTTP %d\n%s", st, body)
	}
}
