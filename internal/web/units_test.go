package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// TestUnitsPages: a lead matches an old review to the list, puts a nurse in
// a ward and takes her out; the nurse chooses her own ward on her account
// page; bad choices are refused with the question named and nothing lost.
func TestUnitsPages(t *testing.T) {
	e := newDecisionEnv(t)
	seedFramework(t, e.env)
	lead := e.client().signIn("leadA")
	// An old review, typed before the list, of "willow  ward".
	rv := &lightbulb.Review{UnitID: e.wardA.ID, PeriodStart: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), PeriodEnd: time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)}
	leadCtx := lightbulb.WithActor(e.ctxA(), &lightbulb.Actor{UserID: e.users["leadA"].ID, Name: "lead"})
	if err := e.svc.Reviews.CreateReview(leadCtx, rv); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.Writer().Exec(`UPDATE reviews SET unit_id = NULL, subject = 'The Willow' WHERE id = $1`, rv.ID); err != nil {
		t.Fatal(err)
	}
	mustContain(t, lead.get("/units"), "Reviews to match", "“The Willow” (1 reviews) is", "Willow Ward")
	r := lead.post("/units/match", url.Values{"subject": {"The Willow"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("match without a choice: %d", r.status)
	}
	mustContain(t, r, "There is a problem", "Choose the ward, team or home these reviews are about", `href="#unit"`)
	if r := lead.post("/units/match", url.Values{"subject": {"The Willow"}, "unit": {itoa64(e.wardA.ID)}}); r.status != http.StatusSeeOther {
		t.Fatalf("match: %d %.300s", r.status, text(r.body))
	}
	if got, _ := e.svc.Reviews.FindReview(e.ctxA(), rv.ID); got.UnitID != e.wardA.ID || got.Subject != "Willow Ward" {
		t.Fatalf("matched review = %+v", got)
	}
	if r := lead.get("/units"); strings.Contains(r.body, "Reviews to match") {
		t.Error("the matched review is still waiting")
	}

	unit := fmt.Sprintf("/units/%d", e.wardA.ID)
	nurse := e.users["staffA"]
	r = lead.post(unit+"/members", url.Values{})
	mustContain(t, r, "There is a problem", "Choose a person from your organisation", `href="#person"`)
	if r := lead.post(unit+"/members", url.Values{"person": {itoa64(e.users["staffB"].ID)}}); r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a person of another organisation: %d", r.status)
	}
	if r := lead.post(unit+"/members", url.Values{"person": {itoa64(nurse.ID)}}); r.status != http.StatusSeeOther {
		t.Fatalf("add member: %d %.300s", r.status, text(r.body))
	}
	mustContain(t, lead.get(unit), nurse.Name, "(added by")
	if r := lead.post(unit+"/members/remove", url.Values{"person": {itoa64(nurse.ID)}}); r.status != http.StatusSeeOther {
		t.Fatalf("remove member: %d", r.status)
	}

	// The nurse chooses her own ward; a made-up one is refused, nothing saved.
	me := e.client().signIn("staffA")
	mustContain(t, me.get("/account"), "Your wards, teams or homes", "Willow Ward")
	r = me.post("/account/units", url.Values{"units": {itoa64(e.wardA.ID), "999999"}})
	mustContain(t, r, "There is a problem", "Choose wards, teams or homes from your organisation’s list", `href="#units"`)
	if us, _ := e.svc.Units.UnitsOf(e.ctxA(), nurse.ID); len(us) != 0 {
		t.Fatalf("a refused choice saved %+v", us)
	}
	if r := me.post("/account/units", url.Values{"units": {itoa64(e.wardA.ID)}}); r.status != http.StatusSeeOther {
		t.Fatalf("choose own ward: %d %.300s", r.status, text(r.body))
	}
	if us, _ := e.svc.Units.UnitsOf(e.ctxA(), nurse.ID); len(us) != 1 || us[0].ID != e.wardA.ID {
		t.Fatalf("own ward = %+v", us)
	}
	mustContain(t, lead.get(unit), nurse.Name, "(chose it themselves)")
}
