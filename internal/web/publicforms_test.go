package web_test

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/web"
)

func requestForm(email string) url.Values {
	return url.Values{"org_name": {"Riverside"}, "contact_name": {"Dai"}, "email": {email}, "challenges": {"Locked doors"},
		"team_size": {"12"}, "format": {"either"}}
}

func mailsTo(t *testing.T, e *env, addr string) int {
	t.Helper()
	ms, _ := e.svc.Mail.FindMail(context.Background(), 500)
	n := 0
	for _, m := range ms {
		if m.To == addr {
			n++
		}
	}
	return n
}

// Public forms email whatever address they are given: one address may be
// sent only a few forms a minute and gets at most PublicMailPerDay emails a
// day, counted in the database so that it holds across processes.
func TestPublicFormsCapEmailsPerAddress(t *testing.T) {
	te := newTrainEnv(t, nil)
	v := te.client()
	for i := 0; i < 3; i++ {
		if r := v.post("/training/request", requestForm("victim@example.org")); r.status != http.StatusSeeOther {
			t.Fatalf("request %d: %d %.300s", i+1, r.status, text(r.body))
		}
	}
	r := v.post("/training/request", requestForm("victim@example.org"))
	if r.status != http.StatusTooManyRequests {
		t.Fatalf("fourth form for one address in a minute: %d", r.status)
	}
	mustContain(t, r, "Too many forms have been sent for this email address")
	if r := v.post("/training/request", requestForm("someone.else@example.org")); r.status != http.StatusSeeOther {
		t.Fatalf("another address: %d", r.status)
	}
	// Another process, with limits of its own, shares the day's count.
	te.env.restart(func(*web.Options) {})
	v = te.client()
	for i := 0; i < lightbulb.PublicMailPerDay-3; i++ {
		if r := v.post("/training/request", requestForm("victim@example.org")); r.status != http.StatusSeeOther {
			t.Fatalf("request in the second process: %d", r.status)
		}
	}
	r = v.post("/training/request", requestForm("victim@example.org"))
	if r.status != http.StatusTooManyRequests {
		t.Fatalf("over the day's cap: %d", r.status)
	}
	mustContain(t, r, "We have already sent this email address as many emails today as we send in a day")
	r = v.post("/training/sessions/"+sid(te.open)+"/book", url.Values{"name": {"V"}, "email": {"victim@example.org"}})
	if r.status != http.StatusTooManyRequests {
		t.Fatalf("a booking over the day's cap: %d", r.status)
	}
	if n := mailsTo(t, te.env, "victim@example.org"); n != lightbulb.PublicMailPerDay {
		t.Fatalf("%d emails to one address in a day, want %d", n, lightbulb.PublicMailPerDay)
	}
}

// A password reset for an address that has had its day's emails answers as
// always and sends nothing, so it still reveals nothing about the account.
func TestForgotPasswordRespectsTheDailyCap(t *testing.T) {
	e := newEnv(t)
	for i := 0; i < lightbulb.PublicMailPerDay; i++ {
		if ok, err := e.svc.MailAllowance.TakeMail(context.Background(), "staffa@example.org", lightbulb.PublicMailPerDay); !ok || err != nil {
			t.Fatal(ok, err)
		}
	}
	mustContain(t, e.client().post("/password/forgot", url.Values{"email": {"staffA@example.org"}}), "Check your email")
	if n := mailsTo(t, e, "staffa@example.org"); n != 0 {
		t.Fatalf("%d reset emails over the cap", n)
	}
}
