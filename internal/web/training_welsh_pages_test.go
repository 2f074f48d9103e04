package web_test

import (
	"fmt"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// TestProgrammePagesInWelsh reads the programme pages in Welsh, as a
// trainer, a client's administrator and a visitor, and finds no English
// that has a Welsh translation outside lang="en".
func TestProgrammePagesInWelsh(t *testing.T) {
	te := newTrainEnv(t, nil)
	_, err := te.tr.AddMembers(te.pctx, te.cohort.ID, []lightbulb.CohortMember{{Email: "staffa@example.org", Name: "Nia"}}, 0)
	must(t, err)
	_, err = te.tr.Book(te.pctx, &lightbulb.BookingRequest{SessionID: te.cohortS.ID, Name: "Nia", Email: "staffa@example.org",
		UserID: te.users["staffA"].ID, OrgID: te.orgA.ID, AccessNeeds: "Captions and breaks"})
	must(t, err)
	setNow(t, te.cohortS.EndsAt.Add(time.Hour))
	c := fmt.Sprintf("/training/cohorts/%d", te.cohort.ID)
	pages := map[string][]string{
		"trainer": {"/training/manage", "/training/manage/sessions/series", c + "/members", c + "/report", c + "/plans",
			fmt.Sprintf("/training/manage/cohorts/%d", te.cohort.ID), fmt.Sprintf("/training/manage/sessions/%d", te.cohortS.ID),
			fmt.Sprintf("/training/manage/sessions/%d/edit", te.cohortS.ID)},
		"adminA": {"/training", "/training/cohorts", c + "/members", c + "/report"},
		"staffA": {"/training", "/plans"},
		"":       {fmt.Sprintf("/training/sessions/%d", te.open.ID)},
	}
	for who, paths := range pages {
		cl := te.client()
		if who != "" {
			cl = cl.signIn(who)
		}
		for _, p := range paths {
			expectWelsh(t, cl, p)
		}
	}
}

// expectWelsh reads path in Welsh as c and reports any English with a Welsh
// translation outside lang="en".
func expectWelsh(t *testing.T, c *client, path string) {
	t.Helper()
	r := c.get(path, "Accept-Language", "cy")
	if r.status != 200 {
		t.Errorf("%s in Welsh: status %d", path, r.status)
		return
	}
	leaks, err := englishLeaks(r.body)
	if err != nil {
		t.Errorf("%s: %v", path, err)
	}
	if len(leaks) > 0 {
		t.Errorf("%s in Welsh shows English: %q", path, leaks)
	}
}
