package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Each process keeps a signed-in person's account and memberships in
// memory, yet a role taken away, an account disabled (here by SQL, as
// another process or an operator would) and a sign-out all take effect on
// the very next request.
func TestSignedInChangesTakeEffectAtOnce(t *testing.T) {
	e := newEnv(t)
	admin := e.client().signIn("adminA")
	if r := admin.get("/admin"); r.status != http.StatusOK {
		t.Fatalf("an admin's /admin: %d", r.status)
	}
	ctx := lightbulb.WithOrg(context.Background(), e.orgA.ID)
	if err := e.svc.Users.SetRoles(ctx, e.users["adminA"].ID, []lightbulb.Role{lightbulb.RoleStaff}); err != nil {
		t.Fatal(err)
	}
	if r := admin.get("/admin"); r.status != http.StatusForbidden {
		t.Fatalf("/admin once the admin role is taken away: %d", r.status)
	}
	if _, err := e.db.Writer().ExecContext(ctx, `UPDATE users SET disabled = $1 WHERE id = $2`, true, e.users["adminA"].ID); err != nil {
		t.Fatal(err)
	}
	if r := admin.get("/dashboard"); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/sign-in") {
		t.Fatalf("/dashboard once the account is disabled: %d %q", r.status, r.location)
	}

	// A session cookie kept from before signing out opens nothing.
	staff := e.client().signIn("staffA")
	kept := sessionCookie(staff, e)
	if r := staff.get("/dashboard"); r.status != http.StatusOK {
		t.Fatalf("staff's dashboard: %d", r.status)
	}
	if r := staff.post("/sign-out", nil); r.status != http.StatusSeeOther {
		t.Fatalf("sign out: %d", r.status)
	}
	replay := e.client()
	if r := replay.get("/dashboard", "Cookie", "lightbulb_session="+kept); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/sign-in") {
		t.Fatalf("/dashboard with the cookie from before signing out: %d %q", r.status, r.location)
	}
}
