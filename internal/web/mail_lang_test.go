package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// welsh returns a client reading the site in Welsh, as after choosing
// Cymraeg in the header.
func (c *client) welsh() *client {
	c.e.t.Helper()
	if r := c.get("/language/cy?next=/"); r.status != http.StatusSeeOther {
		c.e.t.Fatalf("choose Welsh: %d", r.status)
	}
	return c
}

// TestBookersGetEmailInTheFormsLanguage: people without an account are
// written to in the language of the form they used.
func TestBookersGetEmailInTheFormsLanguage(t *testing.T) {
	te := newTrainEnv(t, nil)
	page := "/training/sessions/" + sid(te.open) + "/book"
	if r := te.client().welsh().post(page, url.Values{"name": {"Ann"}, "email": {"ann@example.org"}}); r.status != http.StatusSeeOther {
		t.Fatalf("Welsh booking: %d %.300s", r.status, text(r.body))
	}
	m, _ := te.lastMail(t, "ann@example.org", "Cadarnhewch eich archeb")
	if !strings.HasPrefix(m.Body, "Helo Ann") || !strings.Contains(m.Body, "Dydd ") {
		t.Fatalf("the Welsh booker's email is not Welsh: %q\n%s", m.Subject, m.Body)
	}
	if r := te.client().post(page, url.Values{"name": {"Bob"}, "email": {"bob@example.org"}}); r.status != http.StatusSeeOther {
		t.Fatalf("English booking: %d", r.status)
	}
	m, _ = te.lastMail(t, "bob@example.org", "Confirm your booking")
	if !strings.HasPrefix(m.Body, "Hello Bob") || strings.Contains(m.Body, "Dydd ") {
		t.Fatalf("the English booker's email is not English:\n%s", m.Body)
	}

	r := te.client().welsh().post("/training/request", url.Values{"org_name": {"Cartref Glan"}, "contact_name": {"Dai"},
		"email": {"dai@example.org"}, "challenges": {"Drysau wedi'u cloi"}, "team_size": {"12"}, "format": {"either"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("Welsh request: %d %.300s", r.status, text(r.body))
	}
	m, _ = te.lastMail(t, "dai@example.org", "Mae eich cais am hyfforddiant")
	if !strings.HasPrefix(m.Body, "Helo Dai") {
		t.Fatalf("the Welsh request's email:\n%s", m.Body)
	}
}

// TestPersonsLanguageChoosesTheirEmail: a person's language is first the
// one they signed in with, then the one they choose on their account page,
// and their email follows it whatever page asks for it.
func TestPersonsLanguageChoosesTheirEmail(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	resetMail := func() *lightbulb.Mail {
		t.Helper()
		// Asked for from an English page: the person's language still wins.
		mustContain(t, e.client().post("/password/forgot", url.Values{"email": {"staffA@example.org"}}), "Check your email")
		ms, err := e.svc.Mail.FindMail(ctx, 1)
		if err != nil || len(ms) != 1 {
			t.Fatalf("outbox: %v %v", ms, err)
		}
		return ms[0]
	}
	if m := resetMail(); m.Subject != "Reset your Lightbulb password" {
		t.Fatalf("before any sign-in the page's language is used: %q", m.Subject)
	}
	c := e.client().welsh().signIn("staffA")
	if u, _ := e.svc.Users.FindUserByID(ctx, e.users["staffA"].ID); u.Lang != lightbulb.LangWelsh {
		t.Fatalf("signing in on Welsh pages gave language %q", u.Lang)
	}
	if m := resetMail(); m.Subject != "Ailosod eich cyfrinair Lightbulb" || !strings.HasPrefix(m.Body, "Helo ") {
		t.Fatalf("a Welsh reader got: %q\n%s", m.Subject, m.Body)
	}

	mustContain(t, c.get("/account"), "Eich cyfrif", "staffa@example.org", `value="cy" checked`)
	r := c.post("/account/language", url.Values{"lang": {"fr"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("an unknown language: %d", r.status)
	}
	mustContain(t, r, "Dewiswch English neu Cymraeg")
	if r = c.post("/account/language", url.Values{"lang": {"en"}}); r.status != http.StatusSeeOther || r.location != "/account" {
		t.Fatalf("choose English: %d %q", r.status, r.location)
	}
	mustContain(t, c.get("/account"), "Your language has been saved.", `value="en" checked`)
	if m := resetMail(); m.Subject != "Reset your Lightbulb password" || !strings.HasPrefix(m.Body, "Hello ") {
		t.Fatalf("after choosing English: %q", m.Subject)
	}
	// Signing in again on Welsh pages keeps the choice and turns the pages
	// to it.
	c2 := e.client().welsh().signIn("staffA")
	mustContain(t, c2.get("/account"), "Your account", `value="en" checked`)
}
