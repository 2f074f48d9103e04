package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// route is one address to probe, with the form to send for a POST.
type route struct {
	method, path string
	form         url.Values
}

// TestTenantIsolation tries every protected route as every kind of person and
// checks who gets in. Later slices add their routes to isolationRoutes.
func TestTenantIsolation(t *testing.T) {
	e := newEnv(t)
	staffB, adminB := itoa(e.users["staffB"].ID), itoa(e.users["adminB"].ID)
	orgB := itoa(e.orgB.ID)

	// Routes that belong to an organisation's admins. adminA must never reach
	// council B's people through them.
	orgAdmin := []route{
		{"GET", "/admin", nil}, {"GET", "/admin/people", nil}, {"GET", "/admin/people/new", nil},
		{"GET", "/admin/audit", nil},
	}
	otherOrgsPeople := []route{
		{"GET", "/admin/people/" + staffB, nil},
		{"POST", "/admin/people/" + staffB, url.Values{"roles": {"admin"}}},
		{"POST", "/admin/people/" + adminB, url.Values{}},
	}
	platform := []route{
		{"GET", "/admin/organisations", nil}, {"GET", "/admin/organisations/new", nil},
		{"GET", "/admin/organisations/" + orgB, nil},
		{"POST", "/admin/organisations/" + orgB, url.Values{"name": {"Taken over"}, "kind": {"council"}}},
		{"POST", "/admin/organisations", url.Values{"name": {"X"}, "slug": {"xx"}, "kind": {"council"}}},
		{"GET", "/admin/rights", nil}, {"GET", "/admin/rights/A8", nil}, {"GET", "/admin/rights/A8/history", nil},
		{"POST", "/admin/rights/A8", rightForm("Hijacked")}, {"GET", "/admin/outbox", nil},
		{"GET", "/admin/rights/A8/versions/1?lang=en", nil},
		{"POST", "/admin/rights/A8/versions/1/restore", url.Values{"lang": {"en"}}},
		{"GET", "/admin/languages", nil}, {"GET", "/admin/languages/cy", nil},
		{"POST", "/admin/languages", url.Values{"code": {"pl"}, "name": {"Polish"}, "native_name": {"Polski"}, "dir": {"ltr"}}},
		{"GET", "/admin/jobs", nil}, {"POST", "/admin/jobs/1/retry", nil},
		{"GET", "/admin/users", nil}, {"GET", "/admin/users/" + staffB, nil}, {"GET", "/admin/users/" + staffB + "/export", nil},
		{"GET", "/admin/users/" + staffB + "/erase", nil}, {"POST", "/admin/users/" + staffB + "/erase", url.Values{"confirm": {"yes"}}},
		{"GET", "/admin/find-person?q=staffb", nil}, {"GET", "/admin/find-person/email?email=public%40example.org", nil},
		{"GET", "/admin/find-person/email/export?email=public%40example.org", nil},
		{"GET", "/admin/find-person/email/erase?email=public%40example.org", nil},
		{"POST", "/admin/find-person/email/erase", url.Values{"email": {"public@example.org"}, "confirm": {"yes"}}},
	}

	all := append(append(append([]route{}, orgAdmin...), otherOrgsPeople...), platform...)
	all = append(all, route{"GET", "/dashboard", nil})

	expectRoutes(t, "visitor", e.client(), all, http.StatusSeeOther)
	staff := e.client().signIn("staffA")
	expectRoutes(t, "staffA", staff, append(append(orgAdmin, otherOrgsPeople...), platform...), http.StatusForbidden)
	adminA := e.client().signIn("adminA")
	expectRoutes(t, "adminA", adminA, orgAdmin, http.StatusOK)
	expectRoutes(t, "adminA", adminA, otherOrgsPeople, http.StatusNotFound)
	expectRoutes(t, "adminA", adminA, platform, http.StatusForbidden)
	// adminA's own lists never show B's people or B's audit entries.
	if r := adminA.get("/admin/people"); strings.Contains(r.body, "staffB@example.org") {
		t.Error("adminA sees council B's people")
	}
	if r := adminA.get("/admin/audit"); strings.Contains(r.body, "staffb@example.org") || strings.Contains(r.body, "adminb@example.org") {
		t.Error("adminA sees council B's audit log")
	}
	if r := adminA.get("/admin/audit?all=1"); strings.Contains(r.body, "platform@example.org") {
		t.Error("adminA reads every organisation's audit log with ?all=1")
	}
	// Nothing changed in B, nor in the rights library.
	if h, _ := e.svc.Rights.RightHistory(t.Context(), "A8", "en"); len(h) != 1 {
		t.Fatalf("outsiders edited or restored A8: %d versions", len(h))
	}
	if ls, _ := e.svc.Rights.ContentLanguages(t.Context()); len(ls) != 2 {
		t.Fatalf("outsiders added a language: %+v", ls)
	}
	if m, err := e.svc.Users.Memberships(t.Context(), e.users["staffB"].ID); err != nil || len(m) != 1 || len(m[0].Roles) != 1 || m[0].Roles[0] != "staff" {
		t.Fatalf("staffB's roles changed: %+v %v", m, err)
	}
	if o, _ := e.svc.Orgs.FindOrgByID(t.Context(), e.orgB.ID); o.Name == "Taken over" {
		t.Fatal("council B was renamed by an outsider")
	}
	if r, _ := e.svc.Rights.FindRight(t.Context(), "A8", "en"); r.Text.Title == "Hijacked" {
		t.Fatal("a right was edited by a non-platform admin")
	}
}
