package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

type metrics struct {
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
}

func newMetrics(reg *prometheus.Registry) *metrics {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "lightbulb_http_requests_total",
			Help: "HTTP requests by route pattern and status."}, []string{"route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "lightbulb_http_request_seconds",
			Help: "HTTP request duration by route pattern.", Buckets: prometheus.DefBuckets}, []string{"route"}),
	}
	reg.MustRegister(m.requests, m.duration)
	return m
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// routeTable is the application's ServeMux and the patterns registered on
// it: what names a request in the metrics and the log.
type routeTable struct {
	mux      *http.ServeMux
	patterns map[string]bool
}

func newRouteTable() *routeTable {
	return &routeTable{mux: http.NewServeMux(), patterns: map[string]bool{}}
}

func (rt *routeTable) handle(pattern string, h http.Handler) {
	rt.patterns[pattern] = true
	rt.mux.Handle(pattern, h)
}

// route is the registered pattern that r matches, like
// "GET /rights/{code}", or "unmatched". It is found before any middleware
// runs, so a request refused early (too large, cross-origin) still carries
// its route. The mux's own redirects to a cleaned path report that path
// rather than a pattern; they count as unmatched, so no path reaches a label.
func (rt *routeTable) route(r *http.Request) string {
	if _, p := rt.mux.Handler(r); rt.patterns[p] {
		return p
	}
	return "unmatched"
}

// observe gives each request an id, logs it and counts it, by its route
// pattern and never its path: paths carry booking, reset and feedback
// tokens, and one label value per path would grow the metrics without end.
func (s *Server) observe(rt *routeTable, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		route := rt.route(r)
		id := r.Header.Get("X-Request-Id")
		if id == "" || len(id) > 64 {
			id = randomString(9)
		}
		w.Header().Set("X-Request-Id", id)
		ctx := context.WithValue(r.Context(), requestIDKey, id)
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r.WithContext(ctx))
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		d := time.Since(start)
		s.metrics.requests.WithLabelValues(route, strconv.Itoa(sw.status)).Inc()
		s.metrics.duration.WithLabelValues(route).Observe(d.Seconds())
		s.log.LogAttrs(ctx, slog.LevelInfo, "request", slog.String("request_id", id), slog.String("route", route),
			slog.Int("status", sw.status), slog.Duration("duration", d))
	})
}

// MetricsHandler serves the Prometheus metrics, asking for the bearer
// token when Options.MetricsToken is set. The application serves it at
// /metrics only when a token is set; `serve --metrics-addr` serves it on its
// own listener.
func (s *Server) MetricsHandler() http.Handler {
	h := promhttp.HandlerFor(s.opt.Registry, promhttp.HandlerOpts{})
	if s.opt.MetricsToken == "" {
		return h
	}
	want := sha256.Sum256([]byte(s.opt.MetricsToken))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		sum := sha256.Sum256([]byte(got))
		if !ok || subtle.ConstantTimeCompare(sum[:], want[:]) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="metrics"`)
			http.Error(w, "The metrics need the bearer token set by --metrics-token.", http.StatusUnauthorized)
			return
		}
		h.ServeHTTP(w, r)
	})
}
