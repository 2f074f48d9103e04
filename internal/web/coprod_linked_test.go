package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// A training session's lived experience facilitators are an involvement:
// the lead starts it from the session, the expert says yes, and the
// trainer's register and the public page name them (in public only with
// their consent to be credited by name).
func TestCoprodFacilitatorsAreInvolvements(t *testing.T) {
	te := newTrainEnv(t, nil)
	e := te.env
	addPerson(e, "coprodOp", e.opOrg, lightbulb.RoleCoproduction)
	addPerson(e, "expertOp", e.opOrg, lightbulb.RoleExpert)
	addPerson(e, "coprodB", e.orgB, lightbulb.RoleCoproduction)
	must(t, e.svc.Coprod.AddRate(te.pctx, &lightbulb.CoprodRate{Level: "standard", Pence: 2000, StartsOn: "2020-01-01"}))
	lead, expert := e.client().signIn("coprodOp"), e.client().signIn("expertOp")
	expert.post("/coproduction/me/profile", url.Values{"preferred_name": {"Esther"}, "pay_pref": {"paid"}})
	sid := itoa(te.open.ID)
	form := lead.get("/coproduction/involvements/new?session=" + sid)
	mustContain(t, form, "For the training session Rights at the bedside", `value="Rights at the bedside"`, `value="training" checked`,
		`name="session" value="`+sid+`"`, `name="hours-hours" inputmode="numeric" value="2"`)
	day := te.open.StartsAt.In(lightbulb.London)
	r := lead.post("/coproduction/involvements", url.Values{"title": {"Rights at the bedside"}, "activity": {"training"}, "level": {"standard"},
		"date-day": {itoa(int64(day.Day()))}, "date-month": {itoa(int64(day.Month()))}, "date-year": {itoa(int64(day.Year()))},
		"time": {day.Format("15:04")}, "hours-hours": {"2"}, "place": {"Online"}, "session": {sid},
		"supporter": {itoa(e.users["coprodOp"].ID)}, "experts": {itoa(e.users["expertOp"].ID)}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("post the facilitators' involvement: %d %s", r.status, r.body)
	}
	mustContain(t, lead.get(r.location), "For the training session", `href="/training/manage/sessions/`+sid+`"`)
	recs, _ := e.svc.Coprod.MyRecords(te.pctx, e.users["expertOp"].ID)
	must(t, e.svc.Coprod.Respond(te.pctx, recs.Invites[0].ID, e.users["expertOp"].ID, true, true))

	trainer := e.client().signIn("trainer")
	mustContain(t, trainer.get("/training/manage/sessions/"+sid), "Lived experience facilitators", "Esther")
	public := e.client().get("/training/sessions/" + sid)
	mustContain(t, public, "Lived experience facilitators:", "and 1 more")
	if strings.Contains(public.body, "Esther") {
		t.Fatal("the public page names an expert who has not agreed to be credited by name")
	}
	expert.post("/coproduction/me/profile", url.Values{"preferred_name": {"Esther"}, "pay_pref": {"paid"}, "consents": {"credit"}})
	mustContain(t, e.client().get("/training/sessions/"+sid), "Lived experience facilitators: Esther")

	// Another organisation's lead cannot start one from this session.
	b := e.client().signIn("coprodB")
	expectRoutes(t, "coprodB", b, []route{{"GET", "/coproduction/involvements/new?session=" + sid, nil}}, http.StatusNotFound)
	r = b.post("/coproduction/involvements", url.Values{"title": {"Taken"}, "activity": {"training"}, "level": {"standard"},
		"date-day": {"1"}, "date-month": {"1"}, "date-year": {"2030"}, "time": {"10:00"}, "hours-hours": {"1"}, "place": {"x"}, "session": {sid},
		"supporter": {itoa(e.users["coprodB"].ID)}})
	mustContain(t, r, "There is a problem", "not one of your organisation")
}

// A Traffic Light review's expert contributors are an involvement started
// from the review, shown on the review's page.
func TestCoprodReviewContributorsAreInvolvements(t *testing.T) {
	e, _ := reviewEnv(t)
	addPerson(e, "coprodA", e.orgA, lightbulb.RoleCoproduction, lightbulb.RoleLead)
	ctx := lightbulb.WithOrg(context.Background(), e.orgA.ID)
	must(t, e.svc.Coprod.AddRate(ctx, &lightbulb.CoprodRate{Level: "standard", Pence: 2000, StartsOn: "2020-01-01"}))
	lead := e.client().signIn("coprodA")
	addr := startReview(t, lead, "Ward 1", "1 1 2026", "31 3 2026")
	rid := strings.TrimPrefix(addr, "/reviews/")
	mustContain(t, lead.get(addr), "Lived experience experts", "/coproduction/involvements/new?review="+rid)
	mustContain(t, lead.get("/coproduction/involvements/new?review="+rid), "For the Traffic Light review Ward 1", `value="review" checked`)
	r := lead.post("/coproduction/involvements", url.Values{"title": {"Ward 1 review: expert contributors"}, "activity": {"review"}, "level": {"enhanced"},
		"date-day": {"31"}, "date-month": {"3"}, "date-year": {"2026"}, "time": {"10:00"}, "hours-hours": {"3"}, "place": {"Ward 1"}, "review": {rid},
		"supporter": {itoa(e.users["coprodA"].ID)}, "experts": {itoa(e.users["expertA"].ID)}})
	mustContain(t, r, "There is no rate for this level")
	r = lead.post("/coproduction/involvements", url.Values{"title": {"Ward 1 review: expert contributors"}, "activity": {"review"}, "level": {"standard"},
		"date-day": {"31"}, "date-month": {"3"}, "date-year": {"2026"}, "time": {"10:00"}, "hours-hours": {"3"}, "place": {"Ward 1"}, "review": {rid},
		"supporter": {itoa(e.users["coprodA"].ID)}, "experts": {itoa(e.users["expertA"].ID)}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("post the contributors' involvement: %d %s", r.status, r.body)
	}
	leadOnly := e.client().signIn("leadA")
	page := leadOnly.get(addr)
	mustContain(t, page, "Lived experience experts", "Ward 1 review: expert contributors", "nobody has said yes yet")
	if strings.Contains(page.body, "/coproduction/involvements/new") {
		t.Fatal("a review lead who is not a co-production lead is offered to post an involvement")
	}
}
