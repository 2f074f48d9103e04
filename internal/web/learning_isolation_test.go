package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestLearningIsolation tries every learning route as a visitor, as staff
// and admins of council B and trust A, the platform admin and a trainer,
// and checks who gets in and that nothing changed.
func TestLearningIsolation(t *testing.T) {
	te := newTrainEnv(t, nil)
	_, nia, vic := learnEnded(t, te)
	staffA := te.client().signIn("staffA")
	if r := staffA.post("/training/feedback/"+nia.Token, url.Values{"rating": {"5"}, "comment": {"Kept private"}, "consent": {"yes"}}); r.status != http.StatusSeeOther {
		t.Fatalf("Nia's feedback: %d", r.status)
	}
	res, err := te.svc.Learning.FeedbackResults(te.pctx)
	must(t, err)
	id := res.All[0].ID

	trainerOnly := []route{
		{"GET", "/training/feedback/results", nil},
		{"POST", "/training/feedback/results/" + id, url.Values{"publish": {"yes"}}},
	}
	visitor := te.client()
	expectRoutes(t, "visitor", visitor, append(trainerOnly, route{"GET", "/training/feedback", nil}), http.StatusSeeOther)
	for _, key := range []string{"staffB", "adminB", "staffA", "adminA", "platform"} {
		c := te.client().signIn(key)
		expectRoutes(t, key, c, trainerOnly, http.StatusForbidden)
		// Nobody's list shows another person's sessions.
		if r := c.get("/training/feedback"); r.status != http.StatusOK || strings.Contains(r.body, vic.Token) || strings.Contains(r.body, nia.Token) {
			t.Errorf("%s's feedback list: status %d, or it shows someone else's session", key, r.status)
		}
	}
	// A feedback link works only with its whole token.
	for _, c := range []*client{visitor, te.client().signIn("staffB")} {
		if r := c.get("/training/feedback/" + vic.Token[:12]); r.status != http.StatusNotFound {
			t.Errorf("a cut-short token: %d", r.status)
		}
		if r := c.post("/training/feedback/"+vic.Token[:12], url.Values{"rating": {"1"}}); r.status != http.StatusNotFound {
			t.Errorf("feedback with a cut-short token: %d", r.status)
		}
	}
	// The testimonials page is public and shows nothing unpublished.
	for _, c := range []*client{visitor, te.client().signIn("staffB")} {
		if r := c.get("/training/testimonials"); r.status != http.StatusOK || strings.Contains(r.body, "Kept private") {
			t.Errorf("testimonials: status %d or an unpublished quote shows", r.status)
		}
	}

	// Nothing changed.
	after, err := te.svc.Learning.FeedbackResults(te.pctx)
	must(t, err)
	if len(after.All) != 1 || after.All[0].Published || after.All[0].Rating != 5 {
		t.Fatalf("an outsider changed feedback: %+v", after.All)
	}

	// The trainer reaches the results.
	tr := te.client().signIn("trainer")
	mustContain(t, tr.get("/training/feedback/results"), "Kept private")
	if r := tr.post("/training/feedback/results/no-such-id", url.Values{"publish": {"yes"}}); r.status != http.StatusNotFound {
		t.Errorf("publishing feedback that does not exist: %d", r.status)
	}
}
