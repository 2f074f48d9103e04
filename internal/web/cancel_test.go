package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/lightbulb-hr/lightbulb/internal/web"
)

// A request its client gave up on (the end of a load test, Stop pressed) is
// neither an error in the log nor a 500 in the metrics, whether the session
// or the page's own queries notice first.
func TestCancelledRequestIsNotAnError(t *testing.T) {
	e := newEnv(t)
	signedIn := e.client().signIn("staffA")
	s, h, logs := observedServer(t, e, web.Options{})
	gone, cancel := context.WithCancel(context.Background())
	cancel()
	for _, path := range []string{"/rights", "/rights/A8", "/dashboard", "/decisions", "/cases"} {
		r := httptest.NewRequestWithContext(gone, "GET", path, nil)
		for _, c := range signedIn.jar.Cookies(r.URL) {
			r.AddCookie(c)
		}
		if path == "/rights" || path == "/rights/A8" {
			r.Header.Del("Cookie") // and a visitor without a session
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code == http.StatusInternalServerError {
			t.Errorf("%s cancelled: HTTP 500", path)
		}
	}
	if strings.Contains(logs.String(), `"level":"ERROR"`) {
		t.Errorf("a cancelled request was logged as an error:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), `"msg":"request cancelled"`) {
		t.Errorf("no cancelled request was noticed, so this test proves nothing:\n%s", logs.String())
	}
	_, body := fetch(t, s.MetricsHandler(), "/metrics")
	if strings.Contains(body, `status="500"`) {
		t.Errorf("metrics count a 500:\n%s", body)
	}
	if !strings.Contains(body, `status="499"`) {
		t.Errorf("metrics do not count the cancelled requests as 499")
	}
}
