package web

import (
	"math"
	"net/http"
	"strconv"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// signInThrottles slow password guessing down without locking anyone out.
// One address trying one account, and one address trying many, must wait
// longer after each failure; an account tried from many addresses answers a
// little more slowly but is never refused, so no one can keep its owner out.
type signInThrottles struct {
	pair    *throttle // an address and an account together
	addr    *throttle // an address, every account (a ward shares one at shift change)
	account *throttle // an account, from anywhere: answers slow down, never refuse
}

func newSignInThrottles() signInThrottles {
	return signInThrottles{
		pair:    newThrottle(3, time.Second, time.Minute),
		addr:    newThrottle(30, time.Second, time.Minute),
		account: newThrottle(5, 250*time.Millisecond, 2*time.Second),
	}
}

// signInGate starts a sign-in attempt. When the address must wait, it
// answers 429 saying how long, and returns nil. Otherwise it may hold the
// answer back a little, and returns the function to call with the outcome.
func (s *Server) signInGate(w http.ResponseWriter, r *http.Request, p *Page, email string) func(ok bool) {
	ip := clientIP(r)
	pair, t := email+" "+ip, s.signIns
	wait := t.addr.take(ip)
	if wait == 0 {
		if wait = t.pair.take(pair); wait > 0 {
			t.addr.release(ip)
		}
	}
	if wait > 0 {
		secs := int(math.Ceil(wait.Seconds()))
		_ = s.Audit.Record(lightbulb.WithActor(r.Context(), &lightbulb.Actor{IP: ip}), "sign_in.limited", email, "")
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		msg := p.T("Too many sign-in attempts. Wait %d seconds, then try again.", secs)
		if secs == 1 {
			msg = p.T("Too many sign-in attempts. Wait 1 second, then try again.")
		}
		p.Errors = []*lightbulb.Error{{Message: msg}}
		p.Title = p.T("Error") + ": " + p.Title
		s.render(w, r, http.StatusTooManyRequests, "sign_in", p)
		return nil
	}
	if d := t.account.take(email); d > 0 {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
		}
	}
	return func(ok bool) {
		if ok {
			t.pair.forgive(pair)
			t.account.forgive(email)
			t.addr.release(ip)
		}
	}
}
