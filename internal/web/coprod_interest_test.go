package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// An open involvement: the expert asks to take part from their page, the
// lead offers a place, and the expert is invited as usual.
func TestCoprodExpertAsksToTakePart(t *testing.T) {
	e := coprodEnv(t)
	lead, expert := e.client().signIn("coprod"), e.client().signIn("expertA")
	expert.post("/coproduction/me/profile", url.Values{"preferred_name": {"Esther"}, "pay_pref": {"paid"}})
	id := postInvolvementWith(t, e, lead, url.Values{"experts": nil, "open": {"yes"}})
	mustContain(t, lead.get("/coproduction/involvements/"+id), "Experts can ask to take part", "Nobody is invited.")
	mustContain(t, expert.get("/coproduction/me"), "Opportunities you can ask to join", "Easy Read guide panel", "Ask to take part")
	if r := expert.post("/coproduction/me/opportunities/"+id, nil); r.status != http.StatusSeeOther {
		t.Fatalf("ask to take part: %d %s", r.status, r.body)
	}
	page := expert.get("/coproduction/me")
	mustContain(t, page, "Thank you. We have told the co-production lead", "Asked to take part")
	if strings.Contains(page.body, "Opportunities you can ask to join") {
		t.Fatal("the opportunity is still offered after asking")
	}
	recs, _ := e.svc.Coprod.MyRecords(lightbulb.WithOrg(context.Background(), e.orgA.ID), e.users["expertA"].ID)
	invite := itoa(recs.Invites[0].ID)
	mustContain(t, expert.post("/coproduction/me/invitations/"+invite, url.Values{"answer": {"yes"}, "understood": {"yes"}}),
		"You can answer once you are offered a place")
	mustContain(t, lead.get("/coproduction/involvements/"+id), "Asked to take part", "Offer a place")
	if r := lead.post("/coproduction/involvements/"+id+"/offers", url.Values{"invite": {invite}}); r.status != http.StatusSeeOther {
		t.Fatalf("offer a place: %d", r.status)
	}
	mustContain(t, lead.get("/coproduction/involvements/"+id), "They are offered a place and told by email.", "Invited", "£60.00")
	mustContain(t, expert.get("/coproduction/me/invitations/"+invite), "Being paid can affect benefits", "£60.00")
	// An involvement not open to asking cannot be asked about.
	closed := postInvolvement(t, e, lead)
	if r := e.client().signIn("expertA").post("/coproduction/me/opportunities/"+closed, nil); r.status != http.StatusNotFound {
		t.Fatalf("asking about an invitation-only involvement: %d", r.status)
	}
}
