package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestReviewIsolation tries every review route as a visitor, as council B's
// staff, admin and lead, as a commissioner the roll-up is not shared with,
// and as trust A's own lead, then checks nothing of trust A changed.
func TestReviewIsolation(t *testing.T) {
	e, icb := reviewEnv(t)
	other := sqldbtest.MustOrg(t, e.db, "other-icb", lightbulb.KindCommissioner)
	addPerson(e, "otherCommissioner", other, lightbulb.RoleCommissioner)
	ctx := context.Background()

	// Trust A: a submitted review with an action, a draft, and a share with icb.
	lead := e.client().signIn("leadA")
	done := startReview(t, lead, "Ward 1", "1 1 2026", "31 3 2026")
	_ = lead.post(done+"/contributors", url.Values{"person": {itoa64(e.users["staffA"].ID)}, "kind": {"staff"}})
	f := allRatings(2)
	f.Set("do", "submit")
	if r := lead.post(done+"/agree", f); r.status != http.StatusSeeOther {
		t.Fatalf("submit: %d", r.status)
	}
	_ = lead.post(done+"/actions", url.Values{"statement": {"KR1"}, "description": {"Fix"}, "owner": {itoa64(e.users["staffA"].ID)},
		"due-day": {"1"}, "due-month": {"1"}, "due-year": {"2030"}})
	draft := startReview(t, lead, "Ward 2", "1 1 2026", "31 3 2026")
	gv, err := e.svc.Voices.RecordVoice(lightbulb.WithActor(lightbulb.WithOrg(ctx, e.orgA.ID), &lightbulb.Actor{UserID: e.users["leadA"].ID}),
		mustReviewID(t, draft), lightbulb.ViaGroup, "Coffee morning")
	if err != nil {
		t.Fatal(err)
	}
	voice := itoa64(gv.ID)
	if r := lead.post("/reviews/sharing", url.Values{"commissioner": {itoa64(icb.ID)}}); r.status != http.StatusSeeOther {
		t.Fatalf("share: %d", r.status)
	}
	actx := lightbulb.WithOrg(ctx, e.orgA.ID)
	actions, _ := e.svc.Reviews.FindActions(actx, 0)
	shares, _ := e.svc.Reviews.FindShares(actx)
	if len(actions) != 1 || len(shares) != 1 {
		t.Fatalf("setup: %d actions, %d shares", len(actions), len(shares))
	}
	act, share, orgA := itoa64(actions[0].ID), itoa64(shares[0].ID), itoa64(e.orgA.ID)
	rating := url.Values{"rating-KR1": {"green"}, "do": {"submit"}}

	// Routes about trust A's own reviews: another organisation's people must
	// get "not found" (the review does not exist for them) or "forbidden".
	reviewRoutes := []route{
		{"GET", done, nil}, {"GET", draft + "/rate", nil}, {"POST", draft + "/rate", rating},
		{"GET", draft + "/agree", nil}, {"POST", draft + "/agree", allRatings(0)}, {"POST", draft + "/agree/accept", nil},
		{"POST", draft + "/voices/invite", url.Values{"email": {"someone@example.org"}, "lang": {"en"}}},
		{"POST", draft + "/voices", url.Values{"via": {"group"}, "label": {"Planted"}}},
		{"GET", draft + "/voices/" + voice, nil}, {"POST", draft + "/voices/" + voice, url.Values{"rating-KR1": {"green"}}},
		{"POST", draft + "/contributors", url.Values{"person": {itoa64(e.users["staffB"].ID)}, "kind": {"staff"}}},
		{"GET", done + "/actions/new?statement=KR1", nil},
		{"POST", done + "/actions", url.Values{"statement": {"KR1"}, "description": {"x"}, "owner": {itoa64(e.users["staffB"].ID)}, "due-day": {"1"}, "due-month": {"1"}, "due-year": {"2030"}}},
		{"POST", done + "/actions/" + act, url.Values{"status": {"done"}}},
		{"GET", done + "/actions.csv", nil}, {"GET", done + "/actions.pdf", nil},
	}
	// Routes that work on the visitor's own organisation only.
	ownOrg := []route{
		{"GET", "/reviews", nil}, {"GET", "/reviews/new", nil}, {"GET", "/reviews/grid", nil}, {"GET", "/reviews/sharing", nil},
		{"GET", "/reviews/actions", nil},
	}
	sharedA := route{"GET", "/shared/reviews/" + orgA, nil}
	all := append(append(append([]route{}, reviewRoutes...), ownOrg...),
		route{"POST", "/reviews", url.Values{"scope": {"service"}, "unit": {e.unitOfA("X")}}},
		route{"POST", "/reviews/sharing", url.Values{"commissioner": {itoa64(icb.ID)}}},
		route{"POST", "/reviews/sharing/revoke", url.Values{"share": {share}}},
		route{"GET", "/shared/reviews", nil}, sharedA,
		route{"GET", "/admin/framework", nil}, route{"GET", "/admin/framework/KR1", nil},
		route{"POST", "/admin/framework/KR1", url.Values{"text": {"Hijacked"}}},
		route{"GET", "/admin/framework/KR1?lang=cy", nil},
		route{"POST", "/admin/framework/KR1", url.Values{"lang": {"cy"}, "text_cy": {"Hijacked"}}})

	check := func(who string, c *client, rs []route, allowed ...int) {
		t.Helper()
		for _, r := range rs {
			got := c.call(r)
			ok := false
			for _, s := range allowed {
				ok = ok || got.status == s
			}
			if !ok {
				t.Errorf("%s %s %s: status %d, want one of %v", who, r.method, r.path, got.status, allowed)
			}
			if strings.Contains(got.body, "Ward 1") || strings.Contains(got.body, "Ward 2") {
				t.Errorf("%s %s %s: the page shows trust A's services", who, r.method, r.path)
			}
		}
	}

	visitor := e.client()
	for _, r := range all {
		if got := visitor.call(r); got.status != http.StatusSeeOther || !strings.HasPrefix(got.location, "/sign-in") {
			t.Errorf("visitor %s %s: %d %q, want a redirect to sign in", r.method, r.path, got.status, got.location)
		}
	}
	staffB, adminB, leadB := e.client().signIn("staffB"), e.client().signIn("adminB"), e.client().signIn("leadB")
	// Staff and admins of council B are not leads: refused, or not found.
	check("staffB", staffB, reviewRoutes, http.StatusForbidden, http.StatusNotFound)
	check("adminB", adminB, reviewRoutes, http.StatusForbidden, http.StatusNotFound)
	// Council B's lead passes the role check but trust A's reviews do not exist for them.
	check("leadB", leadB, reviewRoutes, http.StatusNotFound)
	check("leadB", leadB, ownOrg, http.StatusOK)
	check("leadB revoke", leadB, []route{{"POST", "/reviews/sharing/revoke", url.Values{"share": {share}}}}, http.StatusNotFound)
	// Only commissioners see shared roll-ups, and only when shared with them.
	check("leadB shared", leadB, []route{{"GET", "/shared/reviews", nil}, sharedA}, http.StatusForbidden)
	otherCom := e.client().signIn("otherCommissioner")
	check("other commissioner", otherCom, []route{sharedA}, http.StatusNotFound)
	check("other commissioner", otherCom, append(reviewRoutes, ownOrg...), http.StatusForbidden, http.StatusNotFound, http.StatusOK)
	// The commissioner it is shared with sees the roll-up and nothing else.
	com := e.client().signIn("commissioner")
	if r := com.get("/shared/reviews/" + orgA); r.status != http.StatusOK || !strings.Contains(r.body, "Ward 1") {
		t.Errorf("the commissioner cannot see the shared roll-up: %d", r.status)
	}
	for _, r := range append(reviewRoutes, route{"POST", "/reviews/sharing/revoke", url.Values{"share": {share}}}) {
		if got := com.call(r); got.status != http.StatusForbidden && got.status != http.StatusNotFound {
			t.Errorf("commissioner %s %s: %d, want 403 or 404", r.method, r.path, got.status)
		}
	}
	// A lead of trust A can use every route of their own.
	for _, r := range append(reviewRoutes[:1], ownOrg...) {
		if got := lead.call(r); got.status != http.StatusOK {
			t.Errorf("leadA %s %s: %d, want 200", r.method, r.path, got.status)
		}
	}

	// Nothing of trust A changed.
	after, _ := e.svc.Reviews.FindActions(actx, 0)
	if len(after) != 1 || after[0].Status != lightbulb.ActionOpen {
		t.Errorf("trust A's actions changed: %+v", after)
	}
	rs, _ := e.svc.Reviews.FindReviews(actx, lightbulb.ReviewFilter{})
	if len(rs) != 2 {
		t.Errorf("trust A has %d reviews, want 2", len(rs))
	}
	for _, rv := range rs {
		cs, _ := e.svc.Reviews.Contributors(actx, rv.ID)
		fin, _ := e.svc.Reviews.Finals(actx, rv.ID)
		if rv.Subject == "Ward 2" && (len(cs) != 0 || len(fin) != 0 || rv.Locked()) {
			t.Errorf("trust A's draft changed: %d contributors, %d finals, locked %v", len(cs), len(fin), rv.Locked())
		}
		if vs, _ := e.svc.Voices.Voices(actx, rv.ID); rv.Subject == "Ward 2" && (len(vs) != 1 || vs[0].Rated != 0) {
			t.Errorf("trust A's views changed: %+v", vs)
		}
	}
	sh, _ := e.svc.Reviews.FindShares(actx)
	if len(sh) != 1 || !sh[0].Active() {
		t.Errorf("trust A's share changed: %+v", sh)
	}
	fw, _ := e.svc.Reviews.CurrentFramework(ctx)
	if fw.Version != 1 {
		t.Errorf("the framework was edited by someone who is not a platform admin")
	}
}
