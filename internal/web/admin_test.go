package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func rightForm(title string) url.Values {
	return url.Values{"lang": {"en"}, "title": {title}, "summary": {"s"}, "protects": {"p"}, "health_care": {"h"},
		"restrictions": {"r"}, "examples": {"one\ntwo"}, "easy_read": {"Short."}, "keywords": {"visiting, family"},
		"category": {"qualified"}}
}

func TestAdminEditsRight(t *testing.T) {
	e := newEnv(t)
	c := e.client().signIn("platform")
	ctx := context.Background()
	mustContain(t, c.get("/admin/rights/A8?lang=en"), `value="Right A8"`)

	// An empty title is refused, the person's other input is kept, and nothing is saved.
	f := rightForm("   ")
	f.Set("summary", "My careful new summary")
	r := c.post("/admin/rights/A8", f)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("empty title: %d", r.status)
	}
	mustContain(t, r, "Enter a title", "My careful new summary")
	if h, _ := e.svc.Rights.RightHistory(ctx, "A8", "en"); len(h) != 1 {
		t.Fatalf("versions after bad edit: %d", len(h))
	}
	bad := rightForm("Fine")
	bad.Set("category", "sometimes")
	mustContain(t, c.post("/admin/rights/A8", bad), "Select whether and how the right may be restricted")

	if r := c.post("/admin/rights/A99", rightForm("x")); r.status != http.StatusNotFound {
		t.Fatalf("unknown right: %d", r.status)
	}

	f = rightForm("Respect for private and family life")
	f.Set("category", "limited")
	r = c.post("/admin/rights/A8", f)
	if r.status != http.StatusSeeOther {
		t.Fatalf("edit: %d %.400s", r.status, text(r.body))
	}
	hist := c.get("/admin/rights/A8/history?lang=en")
	mustContain(t, hist, "Respect for private and family life", "Right A8", "Person platform@example.org", "Title, Summary, Category, What the right protects", "First version")
	mustContain(t, c.get("/rights/A8"), "Respect for private and family life", "Limited")
	es, _, _ := e.svc.Audit.FindAudit(ctx, lightbulb.AuditFilter{AllOrgs: true, Action: "right.edit"})
	if len(es) != 1 || es[0].Detail != "text (en); category qualified → limited" {
		t.Fatalf("audit: %+v", es)
	}
	mustContain(t, c.get("/admin/audit?all=1&action=right.edit"), "right.edit", "category qualified")
}

func TestAdminManagesPeople(t *testing.T) {
	e := newEnv(t)
	c := e.client().signIn("adminA")
	ctx := lightbulb.WithOrg(context.Background(), e.orgA.ID)
	mustContain(t, c.get("/admin/people"), "staffA@example.org")

	r := c.post("/admin/people", url.Values{"email": {"new@example.org"}, "name": {""}})
	mustContain(t, r, "Enter the person’s name", "Select at least one role")
	r = c.post("/admin/people", url.Values{"email": {"new@example.org"}, "name": {"New Person"}, "roles": {"staff", "lead"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("add: %d %.300s", r.status, text(r.body))
	}
	u, err := e.svc.Users.FindUserByEmail(ctx, "new@example.org")
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := e.svc.Mail.FindMail(ctx, 5)
	if len(ms) != 1 || ms[0].To != "new@example.org" {
		t.Fatalf("no invite mail")
	}
	// The new person joins by choosing a password through the emailed link.
	if r := e.client().post(inviteRE.FindString(ms[0].Body), url.Values{"password": {"a long new password"}, "confirm": {"a long new password"}}); r.status != http.StatusSeeOther {
		t.Fatalf("accept: %d %.300s", r.status, text(r.body))
	}
	if m, err := e.svc.Users.FindMember(ctx, u.ID); err != nil || len(m.Roles) != 2 {
		t.Fatalf("member: %+v %v", m, err)
	}
	// Change roles; then an admin cannot remove their own admin role.
	r = c.post("/admin/people/"+itoa(u.ID), url.Values{"roles": {"expert"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("set roles: %d", r.status)
	}
	mustContain(t, c.get("/admin/audit?action=roles.change"), "staff, lead → expert")
	r = c.post("/admin/people/"+itoa(e.users["adminA"].ID), url.Values{"roles": {"staff"}})
	mustContain(t, r, "You cannot remove your own admin role")
	r = c.post("/admin/people/"+itoa(u.ID), url.Values{"roles": {"emperor"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("unknown role: %d", r.status)
	}
}

func TestAdminOrganisations(t *testing.T) {
	e := newEnv(t)
	c := e.client().signIn("platform")
	r := c.post("/admin/organisations", url.Values{"name": {""}, "slug": {"Bad Slug"}, "kind": {""}})
	mustContain(t, r, "Enter the organisation’s name", "Short name must be", "Select the kind of organisation")
	r = c.post("/admin/organisations", url.Values{"name": {"Hillside Hospice"}, "slug": {"hillside"}, "kind": {"care_provider"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("create org: %d %.300s", r.status, text(r.body))
	}
	mustContain(t, c.get("/admin/organisations"), "Hillside Hospice")
	mustContain(t, c.post("/admin/organisations", url.Values{"name": {"Again"}, "slug": {"hillside"}, "kind": {"council"}}),
		"already exists")
	mustContain(t, c.get("/admin/outbox"), "Outbox")
}
