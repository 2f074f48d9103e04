package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Routes that need an account: a visitor is sent to sign in, staff without
// the role are refused, and nobody can switch into an organisation they do
// not belong to or read a session's private joining link without a place.
func TestSignedInRoutesIsolation(t *testing.T) {
	te := newTrainEnv(t, nil)
	orgB := itoa(te.orgB.ID)
	anyUser := []route{
		{"GET", "/account", nil}, {"POST", "/account/language", url.Values{"lang": {"cy"}}},
		{"POST", "/organisation", url.Values{"org": {orgB}}},
		{"GET", "/training/needs", nil}, {"GET", "/training/needs/map", nil}, {"POST", "/training/needs", url.Values{}},
	}
	roleOnly := []route{
		{"POST", "/cases/import", nil}, {"GET", "/training/checks/results", nil}, {"GET", "/training/coverage", nil},
		{"POST", "/training/coverage/mandatory", url.Values{"course": {"1"}}},
		{"POST", "/admin/people", url.Values{"email": {"new@example.org"}, "name": {"New"}, "roles": {"admin"}}},
	}
	expectRoutes(t, "visitor", te.client(), append(append([]route{}, anyUser...), roleOnly...), http.StatusSeeOther)
	staff := te.client().signIn("staffA")
	expectRoutes(t, "staffA", staff, roleOnly, http.StatusForbidden)
	// A member of trust A cannot make council B their organisation.
	expectRoutes(t, "staffA", staff, []route{{"POST", "/organisation", url.Values{"org": {orgB}}}}, http.StatusForbidden)
	if r := staff.get("/dashboard"); strings.Contains(r.body, te.orgB.Name) {
		t.Error("staffA works in council B after asking to switch")
	}
	// The online session's joining link is only for people with a place.
	join := route{"GET", "/training/sessions/" + sid(te.open) + "/join", nil}
	for who, c := range map[string]*client{"visitor": te.client(), "staffA": staff} {
		if r := c.call(join); r.status == http.StatusOK || strings.Contains(r.body, "secret-room") || strings.Contains(r.location, "secret-room") {
			t.Errorf("%s without a place reaches the joining link: %d %q", who, r.status, r.location)
		}
	}
	// Signing out needs no account and leaves a visitor signed out.
	if r := te.client().call(route{"POST", "/sign-out", nil}); r.status != http.StatusSeeOther {
		t.Errorf("sign out as a visitor: %d", r.status)
	}
}
