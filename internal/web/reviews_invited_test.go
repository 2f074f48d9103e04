package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// TestReviewInvitationsAcrossOrganisations: an invitation is emailed in the
// person's language; an expert working in council B sees trust A's
// invitation among hers, and its link moves her to trust A; someone who is
// not a member of trust A is not moved and finds nothing.
func TestReviewInvitationsAcrossOrganisations(t *testing.T) {
	e, _ := reviewEnv(t)
	expert := e.users["expertA"]
	users := sqldb.NewUserService(e.db)
	if err := users.SetRoles(lightbulb.WithOrg(context.Background(), e.orgB.ID), expert.ID, []lightbulb.Role{lightbulb.RoleExpert}); err != nil {
		t.Fatal(err)
	}
	if err := users.SetLang(context.Background(), expert.ID, lightbulb.LangWelsh); err != nil {
		t.Fatal(err)
	}
	lead := e.client().signIn("leadA")
	rv := startReview(t, lead, "Ward 7 (older people’s mental health)", "1 1 2026", "31 3 2026")
	if r := lead.post(rv+"/contributors", url.Values{"person": {itoa64(expert.ID)}, "kind": {"expert"}}); r.status != http.StatusSeeOther {
		t.Fatalf("invite: %d", r.status)
	}
	link := fmt.Sprintf("%s/rate?org=%d", rv, e.orgA.ID)
	ms, err := e.svc.Mail.FindMail(context.Background(), 50)
	if err != nil {
		t.Fatal(err)
	}
	var mail *lightbulb.Mail
	for _, m := range ms {
		if m.To == expert.Email {
			mail = m
		}
	}
	if mail == nil || mail.Lang != lightbulb.LangWelsh || !strings.Contains(mail.Subject, "Graddiwch adolygiad Goleuadau Traffig: Ward 7") ||
		!strings.Contains(mail.Body, link) || !strings.Contains(mail.Body, "arbenigwr drwy brofiad") {
		t.Fatalf("the invitation email: %+v", mail)
	}

	// She works in council B (and reads Welsh): the list shows trust A's review; the link
	// takes her there.
	her := e.client().signIn("expertA")
	if r := her.post("/organisation", url.Values{"org": {itoa64(e.orgB.ID)}}); r.status != http.StatusSeeOther {
		t.Fatalf("switch to B: %d", r.status)
	}
	mustContain(t, her.get("/reviews"), "Yn aros am eich graddau", "Ward 7 (older people’s mental health)", e.orgA.Name, `href="`+link+`"`)
	if r := her.get(rv + "/rate"); r.status != http.StatusNotFound {
		t.Fatalf("the review from council B without the link: %d", r.status)
	}
	r := her.get(link)
	if r.status != http.StatusSeeOther || r.location != rv+"/rate" {
		t.Fatalf("the link: %d %q", r.status, r.location)
	}
	mustContain(t, her.get(rv+"/rate"), "Ward 7 (older people’s mental health)")

	// Council B's staff are not members of trust A: not moved, not found.
	staffB := e.client().signIn("staffB")
	if r := staffB.get(link); r.status != http.StatusNotFound {
		t.Fatalf("staffB follows the link: %d %q", r.status, r.location)
	}
	if r := staffB.get("/reviews"); strings.Contains(r.body, "Ward 7") {
		t.Error("staffB's list shows trust A's review")
	}
}
