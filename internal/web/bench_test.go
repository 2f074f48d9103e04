package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkPublicPages measures the rights library pages end to end through
// the whole middleware chain (sessions, CSP, metrics) on SQLite.
func BenchmarkPublicPages(b *testing.B) {
	for _, path := range []string{"/rights", "/rights/A8", "/rights?q=visiting", "/rights/card"} {
		b.Run(path, func(b *testing.B) {
			e := newBenchEnv(b)
			h := e.handler
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: %d", path, rec.Code)
				}
			}
		})
	}
}
