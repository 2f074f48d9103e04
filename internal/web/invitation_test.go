package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

var inviteRE = regexp.MustCompile(`/invitations/[A-Za-z0-9_-]+`)

// lastMailTo is the newest email to addr.
func lastMailTo(t *testing.T, e *env, addr string) *lightbulb.Mail {
	t.Helper()
	ms, _ := e.svc.Mail.FindMail(context.Background(), 50)
	for _, m := range ms {
		if m.To == addr {
			return m
		}
	}
	t.Fatalf("no email to %s", addr)
	return nil
}

// An admin adding someone who already has an account (in another
// organisation) sees exactly what adding a new address shows, learns nothing
// about the account, and the person joins only by accepting.
func TestAddingAnExistingAccountInvites(t *testing.T) {
	e := newEnv(t)
	ctx := lightbulb.WithOrg(context.Background(), e.orgA.ID)
	admin := e.client().signIn("adminA")
	secret := e.users["staffB"].Name // "Person staffB@example.org"

	// Leaving the name out is refused the same way for both addresses.
	for _, email := range []string{"staffB@example.org", "brand.new@example.org"} {
		r := admin.post("/admin/people", url.Values{"email": {email}, "roles": {"staff"}})
		mustContain(t, r, "Enter the person’s name")
		if strings.Contains(r.body, secret) {
			t.Fatalf("the form shows the account's name")
		}
	}
	for _, email := range []string{"staffB@example.org", "brand.new@example.org"} {
		r := admin.post("/admin/people", url.Values{"email": {email}, "name": {"Typed Name"}, "roles": {"staff", "lead"}})
		if r.status != http.StatusSeeOther || r.location != "/admin/people" {
			t.Fatalf("invite %s: %d %q", email, r.status, r.location)
		}
		people := admin.get("/admin/people")
		mustContain(t, people, "We have emailed an invitation to "+strings.ToLower(email), "Invitations not yet accepted")
		if strings.Contains(people.body, secret) {
			t.Fatalf("the people page shows the account's name")
		}
	}
	if _, err := e.svc.Users.FindMember(ctx, e.users["staffB"].ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
		t.Fatalf("staffB is a member before accepting: %v", err)
	}

	// The invitation: someone else cannot use it; the person signs in and accepts.
	link := inviteRE.FindString(lastMailTo(t, e, "staffb@example.org").Body)
	if r := e.client().get(link); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/sign-in?next=") {
		t.Fatalf("signed out: %d %q", r.status, r.location)
	}
	if r := e.client().signIn("adminB").post(link, nil); r.status != http.StatusForbidden {
		t.Fatalf("another account accepts: %d", r.status)
	}
	staffB := e.client()
	r := staffB.post("/sign-in", url.Values{"email": {"staffB@example.org"}, "password": {testPassword}, "next": {link}})
	if r.location != link {
		t.Fatalf("sign in goes to %q", r.location)
	}
	mustContain(t, staffB.get(link), "Join Org trust-a", "Accept and join")
	if r := staffB.post(link, nil); r.status != http.StatusSeeOther || r.location != "/dashboard" {
		t.Fatalf("accept: %d %q %.300s", r.status, r.location, text(r.body))
	}
	mustContain(t, staffB.get("/dashboard"), "You have joined Org trust-a")
	if m, err := e.svc.Users.FindMember(ctx, e.users["staffB"].ID); err != nil || len(m.Roles) != 2 {
		t.Fatalf("after accepting: %+v %v", m, err)
	}
	mustContain(t, staffB.get(link), "This invitation cannot be used")
	if u, _ := e.svc.Users.FindUserByID(ctx, e.users["staffB"].ID); u.Name != secret {
		t.Fatalf("the typed name replaced the account's: %q", u.Name)
	}
	es, _, _ := e.svc.Audit.FindAudit(ctx, lightbulb.AuditFilter{Action: "invitation.accept"})
	if len(es) != 1 || es[0].Target != "staffb@example.org" {
		t.Fatalf("audit: %+v", es)
	}
}
