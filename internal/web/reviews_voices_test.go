package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var rateLink = regexp.MustCompile(`/rate/[A-Za-z0-9_-]+`)

// TestReviewVoices: a lead emails a link to someone who uses the service,
// who rates without an account (red needs evidence, nothing lost); the lead
// records a group's views; both reach the agree page marked as such; the
// link stops when the review is submitted; wrong links find nothing.
func TestReviewVoices(t *testing.T) {
	e, _ := reviewEnv(t)
	lead := e.client().signIn("leadA")
	rv := startReview(t, lead, "Ward 7", "1 1 2026", "31 3 2026")

	r := lead.post(rv+"/voices/invite", url.Values{"email": {"not an address"}})
	mustContain(t, r, "There is a problem", "Enter an email address in the correct format", "Choose the language to write to them in", `value="not an address"`)
	if r := lead.post(rv+"/voices/invite", url.Values{"email": {"Dai@Example.org"}, "lang": {"cy"}}); r.status != http.StatusSeeOther {
		t.Fatalf("invite by email: %d %.300s", r.status, text(r.body))
	}
	ms, _ := e.svc.Mail.FindMail(context.Background(), 20)
	var body string
	for _, m := range ms {
		if m.To == "dai@example.org" {
			body = m.Body
		}
	}
	path := rateLink.FindString(body)
	if path == "" || !strings.Contains(body, "Nid oes angen cyfrif arnoch") {
		t.Fatalf("the email: %q", body)
	}
	var n int
	if err := e.db.Reader().QueryRow(`SELECT count(*) FROM review_voices WHERE label LIKE '%dai%' OR lang <> 'cy'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("the address was kept, or the language lost: %d %v", n, err)
	}

	// Dai rates with no account: the page is in Welsh, red needs evidence.
	dai := e.client()
	if r := dai.get(path); r.status != http.StatusSeeOther {
		t.Fatalf("first visit sets the email's language: %d", r.status)
	}
	mustContain(t, dai.get(path), "Dywedwch wrthym sut mae Ward 7 yn gwneud")
	r = dai.post(path, url.Values{"rating-KR1": {"red"}, "rating-KR2": {"green"}, "evidence-KR2": {"Taflenni"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("red without evidence: %d", r.status)
	}
	mustContain(t, r, `href="#evidence-KR1"`, "Taflenni")
	if r := dai.post(path, url.Values{"rating-KR1": {"red"}, "evidence-KR1": {"Neb wedi egluro"}, "rating-KR2": {"green"}}); r.status != http.StatusSeeOther {
		t.Fatalf("rate by link: %d %.300s", r.status, text(r.body))
	}

	// The lead records a group's views; a blank description is refused.
	r = lead.post(rv+"/voices", url.Values{"via": {"group"}})
	mustContain(t, r, "There is a problem", "Say where the views were gathered, without names")
	r = lead.post(rv+"/voices", url.Values{"via": {"group"}, "label": {"Tuesday coffee morning, 6 people"}})
	if r.status != http.StatusSeeOther || !strings.Contains(r.location, "/voices/") {
		t.Fatalf("record a group: %d %q", r.status, r.location)
	}
	group := r.location
	mustContain(t, lead.get(group), "You are recording views that are not yours", "Views gathered in a group", "Tuesday coffee morning")
	if r := lead.post(group, url.Values{"rating-KR2": {"green"}}); r.status != http.StatusSeeOther {
		t.Fatalf("save the group's views: %d", r.status)
	}
	// Both show on the agree page, marked; KR2 agrees.
	r = lead.get(rv + "/agree")
	mustContain(t, r, "Someone who uses the service, by an emailed link", "Neb wedi egluro", "Views gathered in a group",
		"(Tuesday coffee morning, 6 people)", `id="rating-KR2" name="rating-KR2" type="radio" value="green" checked`)
	mustContain(t, lead.get(rv), "Views so far", "Tuesday coffee morning")

	// A wrong link finds nothing; once submitted, the link is closed.
	if r := dai.get("/rate/not-a-token"); r.status != http.StatusNotFound {
		t.Fatalf("wrong link: %d", r.status)
	}
	all := allRatings(0)
	all.Set("do", "submit")
	if r := lead.post(rv+"/agree", all); r.status != http.StatusSeeOther {
		t.Fatalf("submit: %d", r.status)
	}
	if r := dai.get(path); r.status != http.StatusGone {
		t.Fatalf("link after submission: %d", r.status)
	}
	if r := dai.post(path, url.Values{"rating-KR1": {"green"}}); r.status != http.StatusGone {
		t.Fatalf("rating after submission: %d", r.status)
	}
}
