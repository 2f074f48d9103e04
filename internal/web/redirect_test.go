package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

// offSite are next parameters that browsers would follow to another site.
var offSite = []string{
	`/\evil.example`, "/\t/evil.example", "/\n/evil.example", "//evil.example", `\\evil.example`,
	"https://evil.example/", "http:evil.example", "/\\/evil.example", "javascript:alert(1)", "evil.example",
}

func TestNextStaysOnSite(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	for _, next := range offSite {
		r := c.get("/language/en?next=" + url.QueryEscape(next))
		if r.status != http.StatusSeeOther || r.location != "/" {
			t.Errorf("language next=%q: %d to %q, want /", next, r.status, r.location)
		}
		r = e.client().post("/sign-in", url.Values{"email": {"staffA@example.org"}, "password": {testPassword}, "next": {next}})
		if r.status != http.StatusSeeOther || r.location != "/dashboard" {
			t.Errorf("sign-in next=%q: %d to %q, want /dashboard", next, r.status, r.location)
		}
	}
	if r := c.get("/language/en?next=/%5Cevil.example"); r.location != "/" {
		t.Errorf("raw %%5C: to %q", r.location)
	}
	if r := c.get("/language/en?next=" + url.QueryEscape("/rights/A8?q=a b")); r.location != "/rights/A8?q=a b" {
		t.Errorf("a page on this site: to %q", r.location)
	}
	// A signed-out visitor is sent to sign in and comes back to the page,
	// query and all.
	r := c.get("/admin/audit?page=2&action=sign_in")
	if r.location != "/sign-in?next="+url.QueryEscape("/admin/audit?page=2&action=sign_in") {
		t.Fatalf("to sign in: %q", r.location)
	}
	r = c.post("/sign-in", url.Values{"email": {"adminA@example.org"}, "password": {testPassword},
		"next": {"/admin/audit?page=2&action=sign_in"}})
	if r.location != "/admin/audit?page=2&action=sign_in" {
		t.Fatalf("back after sign in: %q", r.location)
	}
}
