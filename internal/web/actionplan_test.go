package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// addComms adds the charity's communications person to e and signs them in.
func addComms(t *testing.T, e *env) *client {
	t.Helper()
	hash, _ := password.Hash(testPassword, password.Minimum)
	u := sqldbtest.MustUser(t, e.db, "comms@example.org", e.opOrg, lightbulb.RoleComms)
	must(t, sqldb.NewUserService(e.db).SetPassword(context.Background(), u.ID, hash))
	e.users["comms"] = u
	return e.client().signIn("comms")
}

func tokenAfter(t *testing.T, body, prefix string) string {
	t.Helper()
	_, rest, ok := strings.Cut(body, prefix)
	if !ok {
		t.Fatalf("no %s in %q", prefix, body)
	}
	return strings.Fields(rest)[0]
}

// TestSignTheActionPlan walks the sign-up as a visitor without JavaScript:
// choose a role, send the form with mistakes and get them named with
// nothing lost, sign, confirm by the button (the link alone confirms
// nothing), and see the count move.
func TestSignTheActionPlan(t *testing.T) {
	e := newEnv(t)
	comms := addComms(t, e)
	r := comms.post("/action-plan/manage/actions", url.Values{"role": {"individual"}, "text": {"Learn the 16 rights"}, "text_cy": {"Dysgu'r 16 hawl"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("add action: %d %s", r.status, text(r.body))
	}
	as, err := e.svc.ActionPlan.FindActionItems(context.Background(), "individual", false)
	if err != nil || len(as) != 1 {
		t.Fatalf("actions %v %v", as, err)
	}
	v := e.client()
	mustContain(t, v.get("/action-plan"), "Learn the 16 rights", "people have signed the Action Plan")
	mustContain(t, v.get("/action-plan/easy-read"), "It is a promise")
	mustContain(t, v.get("/action-plan/sign"), `name="role"`, "Who are you signing as?")
	mustContain(t, v.get("/action-plan/sign?role=individual"), `name="actions"`, "1. Learn the 16 rights")
	id := itoa(as[0].ID)
	bad := v.post("/action-plan/sign", url.Values{"role": {"individual"}, "own_action": {"Talk to my neighbours"}, "email": {"not-an-address"}})
	if bad.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad sign-up: %d", bad.status)
	}
	mustContain(t, bad, "There is a problem", `href="#name"`, "Enter your name", `href="#email"`, "Talk to my neighbours", "not-an-address")
	ok := v.post("/action-plan/sign", url.Values{"role": {"individual"}, "actions": {id}, "name": {"Efa Jones"}, "email": {"efa@example.org"},
		"nation": {"wales"}, "local_authority": {"Gwynedd"}, "checkins": {"yes"}})
	mustContain(t, ok, "Check your email", "efa@example.org")
	m := lastMailTo(t, e, "efa@example.org")
	token := tokenAfter(t, m.Body, "/action-plan/signatures/")
	page := v.get("/action-plan/signatures/" + token)
	mustContain(t, page, "Confirm my signature", "Learn the 16 rights")
	if g, _ := e.svc.ActionPlan.FindSignature(context.Background(), token); g.Status != lightbulb.SignPending {
		t.Fatal("opening the link confirmed the signature")
	}
	if r := v.post("/action-plan/signatures/"+token+"/confirm", nil); r.status != http.StatusSeeOther {
		t.Fatalf("confirm: %d", r.status)
	}
	mustContain(t, v.get("/action-plan/signatures/"+token), "Thank you. You have signed")
	// Signing again says the same on screen and emails the address instead.
	again := e.client().post("/action-plan/sign", url.Values{"role": {"individual"}, "actions": {id}, "name": {"Someone"}, "email": {"efa@example.org"}})
	mustContain(t, again, "Check your email")
	if m := lastMailTo(t, e, "efa@example.org"); !strings.Contains(m.Subject, "already signed") {
		t.Fatalf("second sign-up emailed %q", m.Subject)
	}
	if r := v.get("/action-plan/signatures/made-up"); r.status != http.StatusNotFound || !strings.Contains(r.body, "This link does not work") {
		t.Fatalf("a made-up link: %d", r.status)
	}
	must(t, e.svc.ActionPlan.RefreshCounts(context.Background()))
	mustContain(t, v.get("/action-plan"), "chosen by 1, taken by 0")
	mustContain(t, v.get("/action-plan", "Accept-Language", "cy"), "Y Cynllun Gweithredu Hawliau Dynol", "Dysgu&#39;r 16 hawl")
	// The charity's download is headed in the reader's language, and audited.
	csv := comms.get("/action-plan/manage/signatures.csv", "Accept-Language", "cy")
	if !strings.HasPrefix(csv.body, "Wedi llofnodi,Rôl,Enw,Cyfeiriad e-bost") || !strings.Contains(csv.body, "efa@example.org,") {
		t.Fatalf("Welsh CSV: %.200s", csv.body)
	}
	mustContain(t, e.client().signIn("platform").get("/admin/audit?all=1"), "actionplan.export")
}

// TestNewsletterOneClickUnsubscribe subscribes in Welsh, sends a campaign
// through the queue and unsubscribes with the mail program's one-click
// POST: no cookie, no form token, only the signed link.
func TestNewsletterOneClickUnsubscribe(t *testing.T) {
	e := newEnv(t)
	comms := addComms(t, e)
	req, _ := http.NewRequest("POST", e.srv.URL+"/newsletter", strings.NewReader(url.Values{"email": {"gwen@example.org"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept-Language", "cy")
	mustContain(t, e.client().do(req), "Gwiriwch eich e-bost")
	m := lastMailTo(t, e, "gwen@example.org")
	if !strings.Contains(m.Subject, "Cadarnhewch") {
		t.Fatalf("confirmation in %q", m.Subject)
	}
	tok := tokenAfter(t, m.Body, "/newsletter/confirm/")
	mustContain(t, e.client().get("/newsletter/confirm/"+tok), "Confirm my subscription")
	e.client().post("/newsletter/confirm/"+tok, nil)
	bad := comms.post("/newsletter/manage/campaigns", url.Values{"subject": {"December"}, "body": {"News."}})
	mustContain(t, bad, "There is a problem", "Enter the subject in Welsh", "December")
	r := comms.post("/newsletter/manage/campaigns", url.Values{"subject": {"December"}, "body": {"News."}, "subject_cy": {"Rhagfyr"}, "body_cy": {"Newyddion."}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("save campaign: %d %s", r.status, text(r.body))
	}
	path := strings.TrimSuffix(r.location, "#preview")
	mustContain(t, comms.get(path), "Rhagfyr", "Send me a test")
	if r := comms.post(path+"/send", url.Values{"when": {"now"}}); r.status != http.StatusSeeOther {
		t.Fatalf("send: %d %s", r.status, text(r.body))
	}
	q := jobs.NewQueue(e.db.Writer(), string(e.db.Dialect)).ReadFrom(e.db.Reader())
	sqldb.NewNewsletterService(e.db, "http://lightbulb.test").RegisterJobs(q)
	for i := 0; i < 3; i++ {
		_, err := q.RunDue(context.Background(), 10)
		must(t, err)
	}
	m = lastMailTo(t, e, "gwen@example.org")
	if m.Subject != "Rhagfyr" || m.ListUnsubscribe == "" {
		t.Fatalf("campaign email %q unsubscribe %q", m.Subject, m.ListUnsubscribe)
	}
	unsub := strings.TrimPrefix(m.ListUnsubscribe, "http://lightbulb.test")
	oneClick, _ := http.NewRequest("POST", e.srv.URL+unsub, strings.NewReader("List-Unsubscribe=One-Click"))
	oneClick.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := http.DefaultClient.Do(oneClick)
	must(t, err)
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("one-click unsubscribe: %d", res.StatusCode)
	}
	mustContain(t, e.client().get(unsub), "Unsubscribed", "Download what we hold about you")
	forged := strings.TrimSuffix(unsub, unsub[len(unsub)-3:]) + "abc"
	if r := e.client().post(forged, url.Values{"List-Unsubscribe": {"One-Click"}}); r.status != http.StatusNotFound {
		t.Fatalf("a forged one-click link: %d", r.status)
	}
	mustContain(t, comms.get("/newsletter/manage"), "December", "0 subscribed", "1 unsubscribed")
}

// TestActionPlanIsolation: only the charity's communications role reaches
// the pages that run the Action Plan and the newsletter.
func TestActionPlanIsolation(t *testing.T) {
	e := newEnv(t)
	comms := addComms(t, e)
	must(t, e.svc.ActionPlan.SaveActionItem(context.Background(), &lightbulb.ActionItem{Role: "individual", Text: "Learn"}))
	c := &lightbulb.Campaign{Subject: "S", Body: "B", SubjectCy: "S", BodyCy: "B"}
	must(t, e.svc.Newsletter.SaveCampaign(context.Background(), c))
	cid := itoa(c.ID)
	manage := []route{
		{"GET", "/action-plan/manage", nil}, {"GET", "/action-plan/manage/actions/new", nil},
		{"POST", "/action-plan/manage/actions", url.Values{"role": {"individual"}, "text": {"Planted"}}},
		{"GET", "/action-plan/manage/actions/1", nil}, {"POST", "/action-plan/manage/actions/1", url.Values{"text": {"Hijacked"}}},
		{"GET", "/action-plan/manage/actions/1/history", nil},
		{"POST", "/action-plan/manage/moderate/action/1", url.Values{"decision": {"approve"}}},
		{"GET", "/action-plan/manage/signatures.csv", nil},
		{"GET", "/newsletter/manage", nil}, {"GET", "/newsletter/manage/campaigns/new", nil},
		{"POST", "/newsletter/manage/campaigns", url.Values{"subject": {"Planted"}}},
		{"GET", "/newsletter/manage/campaigns/" + cid, nil},
		{"POST", "/newsletter/manage/campaigns/" + cid, url.Values{"subject": {"Hijacked"}, "body": {"x"}, "subject_cy": {"x"}, "body_cy": {"x"}}},
		{"POST", "/newsletter/manage/campaigns/" + cid + "/test", nil},
		{"POST", "/newsletter/manage/campaigns/" + cid + "/send", url.Values{"when": {"now"}}},
	}
	// Abuse tools: the communications role and platform admins.
	abuse := []route{
		{"GET", "/action-plan/manage/suspect", nil}, {"POST", "/action-plan/manage/suspect", url.Values{"domain": {"example.org"}}},
		{"POST", "/action-plan/manage/blocked", url.Values{"block": {"example.org"}}},
	}
	expectRoutes(t, "visitor", e.client(), append(manage, abuse...), http.StatusSeeOther)
	for _, key := range []string{"staffA", "adminA", "staffB", "adminB"} {
		expectRoutes(t, key, e.client().signIn(key), append(manage, abuse...), http.StatusForbidden)
	}
	expectRoutes(t, "platform", e.client().signIn("platform"), manage, http.StatusForbidden)
	if r := e.client().signIn("platform").get("/action-plan/manage/suspect?domain=example.org"); r.status != http.StatusOK {
		t.Errorf("a platform admin counting suspect sign-ups: %d", r.status)
	}
	if got, _ := e.svc.Newsletter.FindCampaign(context.Background(), c.ID); got.Subject != "S" || got.Status != lightbulb.CampaignDraft {
		t.Fatalf("an outsider changed the campaign: %+v", got)
	}
	if a, _ := e.svc.ActionPlan.FindActionItem(context.Background(), 1); a.Text != "Learn" {
		t.Fatalf("an outsider changed an action: %q", a.Text)
	}
	for _, p := range []string{"/action-plan/manage", "/action-plan/manage/suspect", "/newsletter/manage", "/newsletter/manage/campaigns/" + cid} {
		if r := comms.get(p); r.status != http.StatusOK {
			t.Errorf("comms %s: %d", p, r.status)
		}
	}
	// Public links answer only their own token, never a guess.
	expectRoutes(t, "a wrong token", e.client(), []route{
		{"GET", "/action-plan/signatures/x", nil}, {"POST", "/action-plan/signatures/x/confirm", nil},
		{"GET", "/action-plan/checkins/x", nil}, {"POST", "/action-plan/checkins/x", url.Values{"story": {"Planted"}}},
		{"GET", "/action-plan/stop/1.0.x", nil}, {"POST", "/action-plan/stop/1.0.x", nil},
		{"GET", "/newsletter/confirm/x", nil}, {"POST", "/newsletter/confirm/x", nil},
		{"GET", "/newsletter/unsubscribe/1.0.x", nil}, {"POST", "/newsletter/unsubscribe/1.0.x", nil},
		{"GET", "/newsletter/unsubscribe/1.0.x/export", nil}, {"POST", "/newsletter/unsubscribe/1.0.x/erase", nil},
		{"POST", "/newsletter/unsubscribe/1.0.x/language", url.Values{"lang": {"cy"}}},
	}, http.StatusNotFound)
	if r := e.client().post("/newsletter/bounces", url.Values{}); r.status != http.StatusUnauthorized {
		t.Errorf("bounces without a token: %d", r.status)
	}
}

// TestSubscriberDownloadsAndErasesTheirData: from the preferences page a
// subscriber downloads what is held about them, then erases it, after which
// their link answers with the page for links that no longer work.
func TestSubscriberDownloadsAndErasesTheirData(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	nl := sqldb.NewNewsletterService(e.db, "http://lightbulb.test")
	must(t, nl.SeedSubscribers(ctx, []string{"hywel@example.org"}, []string{"cy"}, "Anfonwch y cylchlythyr ataf"))
	// Asking again from a subscribed address emails its preferences link.
	e.client().post("/newsletter", url.Values{"email": {"hywel@example.org"}})
	prefs := "/newsletter/unsubscribe/" + tokenAfter(t, lastMailTo(t, e, "hywel@example.org").Body, "/newsletter/unsubscribe/")
	mustContain(t, e.client().get(prefs), "hywel@example.org", "Subscribed", "Erase everything about me")
	r := e.client().post(prefs+"/language", url.Values{"lang": {"fr"}})
	mustContain(t, r, "There is a problem", "Choose English or Welsh")
	x := e.client().get(prefs + "/export")
	if !strings.Contains(x.header.Get("Content-Disposition"), "attachment") || !strings.Contains(x.body, "Anfonwch y cylchlythyr ataf") {
		t.Fatalf("export: %s %.300s", x.header.Get("Content-Disposition"), x.body)
	}
	if r := e.client().post(prefs+"/erase", nil); r.status != http.StatusSeeOther {
		t.Fatalf("erase: %d", r.status)
	}
	if r := e.client().get(prefs); r.status != http.StatusNotFound || !strings.Contains(r.body, "This link does not work") {
		t.Fatalf("the link after erasure: %d", r.status)
	}
	if c, _ := nl.CountSubscribers(ctx); c.Confirmed != 0 {
		t.Fatalf("still subscribed after erasure: %+v", c)
	}
}

// TestCheckinStopsInOneClick: a mail program's one-click POST to a check-in's
// stop link, with no cookie and no form token, stops check-ins and forgets
// who signed; a forged link stops nothing.
func TestCheckinStopsInOneClick(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	a := &lightbulb.ActionItem{Role: "community", Text: "Talk about rights at my group"}
	must(t, e.svc.ActionPlan.SaveActionItem(ctx, a))
	ap := sqldb.NewActionPlanService(e.db, "http://lightbulb.test")
	must(t, ap.SeedSignatures(ctx, []sqldb.SeedSignature{{SignRequest: lightbulb.SignRequest{Role: "community", Actions: []int64{a.ID},
		Name: "Siân", Email: "sian@example.org", Checkins: true}, Confirmed: time.Now().AddDate(0, -7, 0)}}))
	if n, err := ap.SendCheckins(ctx); err != nil || n != 1 {
		t.Fatalf("check-ins: %d %v", n, err)
	}
	m := lastMailTo(t, e, "sian@example.org")
	stop := strings.TrimPrefix(m.ListUnsubscribe, "http://lightbulb.test")
	checkin := "/action-plan/checkins/" + tokenAfter(t, m.Body, "/action-plan/checkins/")
	mustContain(t, e.client().get(checkin), "6 months ago", "Talk about rights at my group")
	for _, path := range []string{stop + "x", stop} {
		req, _ := http.NewRequest("POST", e.srv.URL+path, strings.NewReader("List-Unsubscribe=One-Click"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		res, err := http.DefaultClient.Do(req)
		must(t, err)
		res.Body.Close()
		if want := map[bool]int{true: http.StatusNotFound, false: http.StatusOK}[path != stop]; res.StatusCode != want {
			t.Fatalf("one-click %s: %d, want %d", path, res.StatusCode, want)
		}
	}
	mustContain(t, e.client().get(stop), "Check-ins have stopped")
	mustContain(t, e.client().get(checkin), "You stopped check-ins")
	if n, _ := ap.SendCheckins(ctx); n != 0 {
		t.Fatal("a check-in went after stopping")
	}
}

// TestOrganisationCountsItsStaff: trust A's admin opts in; a public body
// worker counts their signature for trust A; trust A's admin sees the
// number, council B's admin sees none of it, and staff cannot reach the page.
func TestOrganisationCountsItsStaff(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	a := &lightbulb.ActionItem{Role: "public_body", Text: "Check one blanket rule"}
	must(t, e.svc.ActionPlan.SaveActionItem(ctx, a))
	page := []route{{"GET", "/admin/action-plan", nil}, {"POST", "/admin/action-plan", url.Values{"opt": {"in"}}}}
	expectRoutes(t, "visitor", e.client(), page, http.StatusSeeOther)
	expectRoutes(t, "staffA", e.client().signIn("staffA"), page, http.StatusForbidden)
	adminA := e.client().signIn("adminA")
	if r := adminA.post("/admin/action-plan", url.Values{"opt": {"in"}}); r.status != http.StatusSeeOther {
		t.Fatalf("opt in: %d", r.status)
	}
	form := e.client().get("/action-plan/sign?role=public_body")
	mustContain(t, form, `name="org"`, e.orgA.Name)
	if strings.Contains(form.body, e.orgB.Name) {
		t.Fatal("an organisation that has not opted in is offered")
	}
	bad := e.client().post("/action-plan/sign", url.Values{"role": {"public_body"}, "actions": {itoa(a.ID)}, "name": {"Ola"},
		"email": {"ola@example.org"}, "org": {itoa(e.orgB.ID)}})
	mustContain(t, bad, "There is a problem", "Choose an organisation from the list", "ola@example.org")
	e.client().post("/action-plan/sign", url.Values{"role": {"public_body"}, "actions": {itoa(a.ID)}, "name": {"Ola"},
		"email": {"ola@example.org"}, "org": {itoa(e.orgA.ID)}})
	tok := tokenAfter(t, lastMailTo(t, e, "ola@example.org").Body, "/action-plan/signatures/")
	e.client().post("/action-plan/signatures/"+tok+"/confirm", nil)
	mustContain(t, adminA.get("/admin/action-plan"), "1 of your staff have signed.", "Check one blanket rule")
	b := e.client().signIn("adminB").get("/admin/action-plan")
	mustContain(t, b, "Count our staff")
	if strings.Contains(b.body, "of your staff have signed") {
		t.Fatal("council B sees trust A's numbers")
	}
	mustContain(t, adminA.get("/admin"), "/admin/action-plan")
}

// TestTheActionPlanIsFound: the home page leads the public to the Action
// Plan and the newsletter, and the communications role's dashboard to the
// pages that run them.
func TestTheActionPlanIsFound(t *testing.T) {
	e := newEnv(t)
	mustContain(t, e.client().get("/"), `href="/action-plan"`, `href="/newsletter"`)
	mustContain(t, addComms(t, e).get("/dashboard"), `href="/action-plan/manage"`, `href="/newsletter/manage"`)
	if r := e.client().signIn("staffA").get("/dashboard"); strings.Contains(r.body, `href="/action-plan/manage"`) {
		t.Error("staff are offered the communications role's pages")
	}
}
