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

func TestSignInAndOut(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	c.get("/sign-in")
	before := sessionCookie(c, e)

	// Wrong password and unknown email get the same message: no enumeration.
	bad := c.post("/sign-in", url.Values{"email": {"staffA@example.org"}, "password": {"wrong password!"}})
	unknown := c.post("/sign-in", url.Values{"email": {"nobody@example.org"}, "password": {"wrong password!"}})
	for _, r := range []resp{bad, unknown} {
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("bad sign-in status %d", r.status)
		}
		mustContain(t, r, "govuk-error-summary", "Enter a correct email address and password", `href="#email"`)
	}
	mustContain(t, bad, `value="staffa@example.org"`)
	empty := c.post("/sign-in", url.Values{})
	mustContain(t, empty, "Enter your email address", "Enter your password")

	c.signIn("staffA")
	if after := sessionCookie(c, e); after == "" || after == before {
		t.Fatal("session token not rotated at sign-in")
	}
	mustContain(t, c.get("/dashboard"), "Person staffA@example.org", "Org trust-a")
	if r := c.post("/sign-out", nil); r.status != http.StatusSeeOther {
		t.Fatalf("sign out: %d", r.status)
	}
	if r := c.get("/dashboard"); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/sign-in") {
		t.Fatalf("after sign out /dashboard: %d %q", r.status, r.location)
	}
	es, _, _ := e.svc.Audit.FindAudit(context.Background(), lightbulb.AuditFilter{AllOrgs: true})
	seen := map[string]bool{}
	for _, x := range es {
		seen[x.Action] = true
	}
	for _, a := range []string{"sign_in", "sign_in.failed", "sign_out"} {
		if !seen[a] {
			t.Fatalf("audit lacks %s: %v", a, seen)
		}
	}
}

func sessionCookie(c *client, e *env) string {
	u, _ := url.Parse(e.srv.URL)
	for _, ck := range c.jar.Cookies(u) {
		if ck.Name == "lightbulb_session" {
			return ck.Value
		}
	}
	return ""
}

func TestSignInRateLimited(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	var last resp
	for i := 0; i < 7; i++ {
		last = c.post("/sign-in", url.Values{"email": {"staffA@example.org"}, "password": {"not the password"}})
	}
	if last.status != http.StatusTooManyRequests {
		t.Fatalf("7th attempt: %d, want 429", last.status)
	}
	mustContain(t, last, "Too many sign-in attempts")
	// Successful sign-ins from the same address (a ward at shift change) are
	// not held up by one person's mistakes.
	for i := 0; i < 8; i++ {
		e.client().signIn("adminA")
	}
	// Even the right password is refused while limited.
	r := c.post("/sign-in", url.Values{"email": {"staffA@example.org"}, "password": {testPassword}})
	if r.status != http.StatusTooManyRequests {
		t.Fatalf("right password while limited: %d", r.status)
	}
}

var linkRE = regexp.MustCompile(`/password/reset/([A-Za-z0-9_-]+)`)

func TestPasswordReset(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	ctx := context.Background()
	// An unknown address gets the same answer and no mail.
	mustContain(t, c.post("/password/forgot", url.Values{"email": {"nobody@example.org"}}), "Check your email")
	if ms, _ := e.svc.Mail.FindMail(ctx, 10); len(ms) != 0 {
		t.Fatalf("mail sent for unknown address: %d", len(ms))
	}
	mustContain(t, c.post("/password/forgot", url.Values{"email": {"staffA@example.org"}}), "Check your email")
	ms, _ := e.svc.Mail.FindMail(ctx, 10)
	if len(ms) != 1 || ms[0].To != "staffa@example.org" {
		t.Fatalf("outbox: %+v", ms)
	}
	m := linkRE.FindStringSubmatch(ms[0].Body)
	if m == nil || !strings.Contains(ms[0].Body, "http://lightbulb.test/password/reset/") {
		t.Fatalf("no link in %q", ms[0].Body)
	}
	path := m[0]
	mustContain(t, c.post(path, url.Values{"password": {"short"}, "confirm": {"short"}}), "Password must be 10 characters or more")
	mustContain(t, c.post(path, url.Values{"password": {"a brand new password"}, "confirm": {"different"}}), "The passwords do not match")
	if r := c.post(path, url.Values{"password": {"a brand new password"}, "confirm": {"a brand new password"}}); r.status != http.StatusSeeOther {
		t.Fatalf("reset: %d %.300s", r.status, text(r.body))
	}
	mustContain(t, c.post(path, url.Values{"password": {"another new password"}, "confirm": {"another new password"}}), "already been used")
	mustContain(t, c.post("/password/reset/made-up-token", url.Values{"password": {"another new password"}, "confirm": {"another new password"}}), "not valid")
	r := c.post("/sign-in", url.Values{"email": {"staffA@example.org"}, "password": {"a brand new password"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("sign in with new password: %d", r.status)
	}
}

func TestSwitchOrganisation(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	// staffA also joins council B as an expert.
	if err := e.svc.Users.SetRoles(lightbulb.WithOrg(ctx, e.orgB.ID), e.users["staffA"].ID, []lightbulb.Role{lightbulb.RoleExpert}); err != nil {
		t.Fatal(err)
	}
	c := e.client().signIn("staffA")
	mustContain(t, c.get("/dashboard"), "Switch organisation")
	r := c.post("/organisation", url.Values{"org": {itoa(e.orgB.ID)}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("switch: %d", r.status)
	}
	mustContain(t, c.get("/dashboard"), "You are now working in Org council-b", "as Lived experience expert")
	// An organisation the person does not belong to is refused.
	if r := c.post("/organisation", url.Values{"org": {itoa(e.opOrg.ID)}}); r.status != http.StatusForbidden {
		t.Fatalf("switch to a stranger's org: %d", r.status)
	}
}

// A password reset signs the person out everywhere else and ends every
// other reset link they were sent.
func TestPasswordResetEndsSessionsAndOlderLinks(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	elsewhere := e.client().signIn("staffA")
	c := e.client()
	var links []string
	for i := 0; i < 2; i++ {
		mustContain(t, c.post("/password/forgot", url.Values{"email": {"staffA@example.org"}}), "Check your email")
	}
	ms, _ := e.svc.Mail.FindMail(ctx, 10)
	for _, m := range ms {
		if l := linkRE.FindString(m.Body); l != "" {
			links = append(links, l)
		}
	}
	if len(links) != 2 {
		t.Fatalf("links: %v", links)
	}
	if r := c.post(links[0], url.Values{"password": {"a brand new password"}, "confirm": {"a brand new password"}}); r.status != http.StatusSeeOther {
		t.Fatalf("reset: %d %.300s", r.status, text(r.body))
	}
	mustContain(t, c.post(links[1], url.Values{"password": {"a third password!"}, "confirm": {"a third password!"}}), "already been used")
	if r := elsewhere.get("/dashboard"); r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/sign-in") {
		t.Fatalf("the other session after a reset: %d %q", r.status, r.location)
	}
	// Signing in with the new password works and stays signed in.
	fresh := e.client()
	if r := fresh.post("/sign-in", url.Values{"email": {"staffA@example.org"}, "password": {"a brand new password"}}); r.status != http.StatusSeeOther {
		t.Fatalf("sign in: %d", r.status)
	}
	if r := fresh.get("/dashboard"); r.status != http.StatusOK {
		t.Fatalf("dashboard after new sign-in: %d", r.status)
	}
}

// A new password may not be a common one nor made of the person's own name
// or email address, in English and Welsh; the link still works after.
func TestResetRefusesCommonAndPersonalPasswords(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	mustContain(t, c.post("/password/forgot", url.Values{"email": {"staffA@example.org"}}), "Check your email")
	ms, _ := e.svc.Mail.FindMail(context.Background(), 10)
	link := linkRE.FindString(ms[0].Body)
	for pw, want := range map[string]string{
		"1234567890":        "This is one of the most common passwords",
		"Password123":       "This is one of the most common passwords",
		"StaffA-Example-99": "Your password must not be made of your name or email address",
	} {
		r := c.post(link, url.Values{"password": {pw}, "confirm": {pw}})
		if r.status != http.StatusUnprocessableEntity {
			t.Errorf("%q: status %d", pw, r.status)
		}
		mustContain(t, r, want)
	}
	c.get("/language/cy")
	mustContain(t, c.post(link, url.Values{"password": {"qwertyuiop"}, "confirm": {"qwertyuiop"}}), "Dyma un o&#39;r cyfrineiriau mwyaf cyffredin")
	if r := c.post(link, url.Values{"password": {"tractor puddle violin"}, "confirm": {"tractor puddle violin"}}); r.status != http.StatusSeeOther {
		t.Fatalf("a good password: %d %.300s", r.status, text(r.body))
	}
}
