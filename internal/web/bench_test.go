package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
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

// BenchmarkSignedInPages measures pages a member of staff uses, signed in,
// through the whole middleware chain on SQLite, with 30 decisions and 30
// cases to list: what profiles of session, membership, list queries and
// list templates come from.
func BenchmarkSignedInPages(b *testing.B) {
	for _, path := range []string{"/dashboard", "/decisions", "/cases"} {
		b.Run(path, func(b *testing.B) {
			e := newBenchEnv(b)
			seedBenchLists(b, e)
			c := e.client().signIn("leadA")
			req := httptest.NewRequest(http.MethodGet, path, nil)
			u, _ := url.Parse(e.srv.URL + path)
			for _, ck := range c.jar.Cookies(u) {
				req.AddCookie(ck)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				rec := httptest.NewRecorder()
				e.handler.ServeHTTP(rec, req.Clone(req.Context()))
				if rec.Code != http.StatusOK {
					b.Fatalf("%s: %d", path, rec.Code)
				}
			}
		})
	}
}
