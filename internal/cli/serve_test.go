package cli_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lightbulb-hr/lightbulb/internal/cli"
)

// syncBuffer is what serve prints, read while it runs.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServe runs `lightbulb serve` with args until the test ends and
// returns what it printed once it listens.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	return launchServe(t, args...)()
}

// launchServe starts `lightbulb serve` with args, to run until the test
// ends, and returns what waits until it listens and returns what it printed.
// Call the waits from the test's goroutine.
func launchServe(t *testing.T, args ...string) (wait func() string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- cli.Run(ctx, append([]string{"serve"}, args...), out, io.Discard) }()
	stopped := false
	t.Cleanup(func() {
		cancel()
		if stopped {
			return
		}
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return func() string {
		t.Helper()
		for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if s := out.String(); strings.Contains(s, "Lightbulb is listening") {
				return s
			}
			select {
			case err := <-done:
				stopped = true
				t.Fatalf("serve stopped: %v\n%s", err, out.String())
			default:
			}
		}
		t.Fatalf("serve did not start:\n%s", out.String())
		return ""
	}
}

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// TestServeMetricsOnTheirOwnAddress checks that --metrics-addr serves the
// metrics apart from the application, which does not serve them.
func TestServeMetricsOnTheirOwnAddress(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "serve.db")
	printed := startServe(t, "--db", db, "--addr", "127.0.0.1:0", "--metrics-addr", "127.0.0.1:0", "--insecure-fast-passwords")
	app := regexp.MustCompile(`listening on (http://\S+)`).FindStringSubmatch(printed)
	metrics := regexp.MustCompile(`Metrics are served on (http://\S+)`).FindStringSubmatch(printed)
	if app == nil || metrics == nil {
		t.Fatalf("serve did not say where it listens:\n%s", printed)
	}
	if st, _ := httpGet(t, app[1]+"/rights"); st != http.StatusOK {
		t.Fatalf("/rights: HTTP %d", st)
	}
	if st, body := httpGet(t, app[1]+"/metrics"); st != http.StatusNotFound || strings.Contains(body, "go_goroutines") {
		t.Errorf("the application served /metrics: HTTP %d", st)
	}
	st, body := httpGet(t, metrics[1])
	if st != http.StatusOK || !strings.Contains(body, `lightbulb_http_requests_total{route="GET /rights",status="200"} 1`) ||
		!strings.Contains(body, "go_goroutines") {
		t.Errorf("metrics listener: HTTP %d\n%.2000s", st, body)
	}
}

// TestTwoServesStartTogether starts two `serve` processes' worth of work at
// the same moment on one fresh database (PostgreSQL when the tests have
// one): both must come up, and the schema and content be there once.
func TestTwoServesStartTogether(t *testing.T) {
	db := dbURL(t)
	args := []string{"--db", db, "--addr", "127.0.0.1:0", "--insecure-fast-passwords"}
	first, second := launchServe(t, args...), launchServe(t, args...)
	for _, wait := range []func() string{first, second} {
		url := regexp.MustCompile(`listening on (http://\S+)`).FindStringSubmatch(wait())
		if url == nil {
			t.Fatal("serve did not say where it listens")
		}
		if st, _ := httpGet(t, url[1]+"/rights/A8"); st != http.StatusOK {
			t.Errorf("%s/rights/A8: HTTP %d", url[1], st)
		}
	}
	if out, err := run(t, db, "migrate"); err != nil || !strings.Contains(out, "0 migrations applied now; 0 rights added") {
		t.Fatalf("after both started, migrate: %v\n%s", err, out)
	}
}
