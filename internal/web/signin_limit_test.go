package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/web"
)

func (c *client) signInFrom(ip, email, pw string) resp {
	c.e.t.Helper()
	req, _ := http.NewRequest("POST", c.e.srv.URL+"/sign-in", strings.NewReader(url.Values{"email": {email}, "password": {pw}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", c.e.srv.URL)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	if ip != "" {
		req.Header.Set("X-Forwarded-For", "10.9.9.9, "+ip)
	}
	return c.do(req)
}

// Someone guessing one person's password is slowed down, and the person
// still signs in from their own address: nobody is locked out.
func TestSignInSlowsDownWithoutLockingOut(t *testing.T) {
	e := newEnv(t)
	e.restart(func(o *web.Options) { o.ClientIPHeader = "X-Forwarded-For" })
	attacker := e.client()
	var last resp
	for i := 0; i < 6; i++ {
		last = attacker.signInFrom("203.0.113.9", "staffa@example.org", "guess number "+string(rune('a'+i)))
	}
	if last.status != http.StatusTooManyRequests || last.header.Get("Retry-After") == "" {
		t.Fatalf("guessing: status %d, Retry-After %q", last.status, last.header.Get("Retry-After"))
	}
	mustContain(t, last, "Too many sign-in attempts. Wait 1 second")
	if r := e.client().signInFrom("198.51.100.7", "staffa@example.org", testPassword); r.status != http.StatusSeeOther {
		t.Fatalf("the person themselves, while someone guesses: %d %.200s", r.status, text(r.body))
	}
	// The guesser may try again after the wait: slower, never shut out.
	time.Sleep(1100 * time.Millisecond)
	if r := attacker.signInFrom("203.0.113.9", "staffa@example.org", "one more guess"); r.status != http.StatusUnprocessableEntity {
		t.Fatalf("after waiting: %d", r.status)
	}
	es, _, _ := e.svc.Audit.FindAudit(context.Background(), lightbulb.AuditFilter{AllOrgs: true, Action: "sign_in.failed"})
	if len(es) == 0 || es[0].IP != "203.0.113.9" {
		t.Fatalf("the audit log does not have the proxy's client address: %+v", es)
	}
}

// Unless configured, X-Forwarded-For is not believed: a guesser cannot get
// a fresh allowance by making up addresses.
func TestSignInIgnoresForwardedForByDefault(t *testing.T) {
	e := newEnv(t)
	c := e.client()
	var last resp
	for i := 0; i < 6; i++ {
		last = c.signInFrom("203.0.113."+string(rune('1'+i)), "staffa@example.org", "a wrong password")
	}
	if last.status != http.StatusTooManyRequests {
		t.Fatalf("made-up addresses got through: %d", last.status)
	}
	es, _, _ := e.svc.Audit.FindAudit(context.Background(), lightbulb.AuditFilter{AllOrgs: true, Action: "sign_in.failed"})
	if len(es) == 0 || es[0].IP != "127.0.0.1" {
		t.Fatalf("audit address: %+v", es)
	}
}
