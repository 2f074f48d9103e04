package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func TestSubjectAccessAndErasure(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	// staffA signs in once so the audit log holds something about them.
	e.client().signIn("staffA")
	c := e.client().signIn("platform")
	id := itoa(e.users["staffA"].ID)
	mustContain(t, c.get("/admin/users"), "staffa@example.org")
	mustContain(t, c.get("/admin/users/"+id), "Org trust-a: Staff", "What Lightbulb holds", "The organisations you belong to and your roles in each.")

	r := c.get("/admin/users/" + id + "/export")
	if r.status != 200 || !strings.Contains(r.header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("export: %d %q", r.status, r.header.Get("Content-Disposition"))
	}
	out := readExport(t, r.body)
	acc, ms, audit := out.section("account"), out.section("memberships"), out.section("audit_log")
	if len(acc) != 1 || acc[0]["email"] != "staffa@example.org" || len(ms) != 1 || len(audit) == 0 || audit[0]["action"] != "sign_in" {
		t.Fatalf("export = %+v", out)
	}

	// Erasing needs the box ticked; nothing changes without it.
	mustContain(t, c.post("/admin/users/"+id+"/erase", url.Values{}), "Confirm that you want to erase")
	if u, _ := e.svc.Users.FindUserByID(ctx, e.users["staffA"].ID); u.Email != "staffa@example.org" {
		t.Fatal("unconfirmed erase changed the account")
	}
	mustContain(t, c.post("/admin/users/"+itoa(e.users["platform"].ID)+"/erase", url.Values{"confirm": {"yes"}}), "cannot erase your own account")
	if r := c.post("/admin/users/"+id+"/erase", url.Values{"confirm": {"yes"}}); r.status != http.StatusSeeOther {
		t.Fatalf("erase: %d %.300s", r.status, text(r.body))
	}
	u, _ := e.svc.Users.FindUserByID(ctx, e.users["staffA"].ID)
	if u.Name != "Erased person" || !u.Disabled || u.PasswordHash != "" || strings.Contains(u.Email, "staffa") {
		t.Fatalf("after erase: %+v", u)
	}
	es, _, _ := e.svc.Audit.FindAudit(ctx, lightbulb.AuditFilter{AllOrgs: true, Limit: 500})
	for _, x := range es {
		if strings.Contains(strings.ToLower(x.Target+x.ActorName+x.Detail), "staffa") {
			t.Fatalf("audit still names the person: %+v", x)
		}
	}
	// They can no longer sign in.
	if r := e.client().post("/sign-in", url.Values{"email": {"staffA@example.org"}, "password": {testPassword}}); r.status == http.StatusSeeOther {
		t.Fatal("erased person signed in")
	}
}
