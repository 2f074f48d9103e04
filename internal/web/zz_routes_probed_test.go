package web_test

import (
	"flag"
	"net/http/httptest"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/web"
)

// probed records every route the isolation tests try, as "METHOD /path".
var probed sync.Map

func noteProbe(method, path string) { probed.Store(method+" "+path, true) }

// publicRoutes are the routes anyone may use without signing in, so there
// is nothing for one organisation to reach of another's through them; each
// is here on purpose. Every other route must be probed by an isolation test.
var publicRoutes = map[string]bool{
	// Pages for everyone, holding nothing of any organisation.
	"GET /{$}": true, "GET /accessibility": true, "GET /cookies": true, "GET /privacy": true,
	"GET /healthz": true, "GET /readyz": true, "GET /static/": true, "GET /language/{lang}": true,
	"GET /rights": true, "GET /rights/card": true, "GET /rights/card.pdf": true, "GET /rights/folding-card.pdf": true,
	"GET /rights/{code}": true, "GET /rights/{code}/easy-read": true,
	// Pictures uploaded for Easy Read sentences are shared content, like the rights.
	"GET /easy-read/pictures/{id}": true,
	// A right in a language beyond English and Welsh, for everyone like the rest.
	"GET /rights/{code}/in/{lang}": true,
	"GET /training":                true, "GET /training/testimonials": true,
	"GET /training/request": true, "POST /training/request": true,
	// A commissioner's published principles are public on purpose: that is
	// what publishing them means, and the page shows nothing else.
	"GET /principles/{org}": true, "GET /principles/{org}/versions/{version}": true,
	// Signing in and out.
	"GET /sign-in": true, "POST /sign-in": true,
	// Reached by a link emailed to one person: the unguessable token is the
	// key, and a wrong one finds nothing (the token tests in each area).
	"GET /password/forgot": true, "POST /password/forgot": true,
	"GET /password/reset/{token}": true, "POST /password/reset/{token}": true,
	"GET /invitations/{token}": true, "POST /invitations/{token}": true,
	"GET /training/bookings/{token}": true, "GET /training/bookings/{token}/booking.ics": true,
	"POST /training/bookings/{token}/accept": true, "POST /training/bookings/{token}/cancel": true,
	"POST /training/bookings/{token}/confirm": true,
	"GET /training/feedback/{token}":          true, "POST /training/feedback/{token}": true,
	"GET /training/checks/{token}": true, "POST /training/checks/{token}/{phase}": true,
	// A person who uses a service rates a review through the link emailed
	// to them (TestReviewVoices tries wrong, expired and closed links).
	"GET /rate/{token}": true, "POST /rate/{token}": true,
	// Totals across every organisation, numbers under 5 suppressed
	// (TestImpactPage): nothing of any one organisation.
	"GET /impact": true,
	// The Action Plan and the newsletter: public pages and forms, and links
	// emailed to one person, whose token (random, or signed) is the key
	// (TestActionPlanIsolation tries wrong ones). The bounce feed takes a
	// bearer token.
	"GET /action-plan": true, "GET /action-plan/easy-read": true, "GET /action-plan/sign": true, "POST /action-plan/sign": true,
	"GET /action-plan/signatures/{token}": true, "POST /action-plan/signatures/{token}/confirm": true,
	"GET /action-plan/checkins/{token}": true, "POST /action-plan/checkins/{token}": true,
	"GET /action-plan/stop/{token}": true, "POST /action-plan/stop/{token}": true,
	"GET /newsletter": true, "POST /newsletter": true, "POST /newsletter/bounces": true,
	"GET /newsletter/confirm/{token}": true, "POST /newsletter/confirm/{token}": true,
	"GET /newsletter/unsubscribe/{token}": true, "POST /newsletter/unsubscribe/{token}": true,
	"GET /newsletter/unsubscribe/{token}/export": true, "POST /newsletter/unsubscribe/{token}/erase": true,
	"POST /newsletter/unsubscribe/{token}/language": true,
}

// TestZZEveryRouteIsProbed runs after the isolation tests (it sorts last)
// and fails for any route none of them tried and that is not declared
// public: a new route cannot be added without saying who may reach it.
func TestZZEveryRouteIsProbed(t *testing.T) {
	if f := flag.Lookup("test.run"); f != nil && f.Value.String() != "" {
		t.Skip("only meaningful when every test runs")
	}
	e := newEnv(t)
	s, err := web.New(e.svc, web.Options{BaseURL: "http://lightbulb.test", Sessions: sqldb.NewSessionStore(e.db)})
	if err != nil {
		t.Fatal(err)
	}
	patterns, route := s.Routes()
	covered := map[string]bool{}
	probed.Range(func(k, _ any) bool {
		method, path, _ := strings.Cut(k.(string), " ")
		covered[route(httptest.NewRequest(method, path, nil))] = true
		return true
	})
	var missing []string
	for _, p := range patterns {
		if !covered[p] && !publicRoutes[p] && p != "/" {
			missing = append(missing, p)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d routes are in no isolation test and not declared public (add them to an isolation test, or to publicRoutes):\n  %s",
			len(missing), strings.Join(missing, "\n  "))
	}
}
