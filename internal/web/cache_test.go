package web_test

import (
	"net/http"
	"testing"
)

// Signed-in pages and their PDF and CSV exports are never kept in a cache.
func TestSignedInResponsesAreNotStored(t *testing.T) {
	e, _ := reviewEnv(t)
	lead := e.client().signIn("leadA")
	rv := startReview(t, lead, "Ward 5", "1 1 2026", "31 3 2026")
	for _, path := range []string{"/dashboard", rv, rv + "/actions.csv", rv + "/actions.pdf", "/admin/audit", "/cases"} {
		r := lead.get(path)
		if r.status != http.StatusOK && r.status != http.StatusForbidden {
			t.Errorf("%s: status %d", path, r.status)
		}
		if got := r.header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control %q, want no-store", path, got)
		}
	}
}
