package web_test

import (
	"context"
	"net/url"
	"testing"
)

// TestUnitsAndReviewPagesInWelsh reads the pages of the list of wards and of
// reviews' new parts in Welsh: the list and a unit, the account page's
// choice, the review page with views without an account, the agree page,
// a group's form, the grid with a trend, the emailed link's page and a
// closed link.
func TestUnitsAndReviewPagesInWelsh(t *testing.T) {
	e, _ := reviewEnv(t)
	lead := e.client().signIn("leadA")
	rv := startReview(t, lead, "Ward 7", "1 1 2026", "31 3 2026")
	unit := "/units/" + e.unitOfA("Ward 7")
	_ = lead.post(unit+"/members", url.Values{"person": {itoa64(e.users["staffA"].ID)}})
	_ = lead.post(rv+"/voices/invite", url.Values{"email": {"dai@example.org"}, "lang": {"cy"}})
	r := lead.post(rv+"/voices", url.Values{"via": {"advocate"}, "label": {"Eiriolwr"}})
	group := r.location
	_ = lead.post(group, url.Values{"rating-KR1": {"green"}})
	ms, _ := e.svc.Mail.FindMail(context.Background(), 20)
	var link string
	for _, m := range ms {
		if m.To == "dai@example.org" {
			link = rateLink.FindString(m.Body)
		}
	}
	_ = lead.get("/dashboard") // shows the English notices of the posts above
	for _, p := range []string{"/units", unit, "/account", rv, rv + "/agree", group, "/reviews"} {
		expectWelsh(t, lead, p)
	}
	expectWelsh(t, e.client(), link)
	// Two submitted rounds for the grid's trend.
	for _, period := range [][2]string{{"1 4 2026", "30 6 2026"}, {"1 7 2026", "30 9 2026"}} {
		next := startReview(t, lead, "Ward 7", period[0], period[1])
		all := allRatings(2)
		all.Set("do", "submit")
		_ = lead.post(next+"/agree", all)
	}
	_ = lead.get("/dashboard")
	expectWelsh(t, lead, "/reviews/grid")
	if r := e.client().get("/rate/nothing", "Accept-Language", "cy"); r.status != 404 {
		t.Errorf("a wrong link in Welsh: %d", r.status)
	}
}
