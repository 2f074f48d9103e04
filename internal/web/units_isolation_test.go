package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestUnitIsolation tries every route of the list of wards, teams and homes
// as a visitor, as staff, and as council B's admin against trust A's unit,
// then checks trust A's unit and its members are as they were.
func TestUnitIsolation(t *testing.T) {
	e := newDecisionEnv(t)
	staffA := e.users["staffA"]
	if err := e.svc.Units.AddMember(e.ctxA(), e.wardA.ID, staffA.ID); err != nil {
		t.Fatal(err)
	}
	unit := fmt.Sprintf("/units/%d", e.wardA.ID)
	who := url.Values{"person": {fmt.Sprint(staffA.ID)}}
	onUnit := []route{{"GET", unit, nil}, {"POST", unit + "/members", who}, {"POST", unit + "/members/remove", who}}
	lead := []route{{"GET", "/units", nil}, {"POST", "/units", url.Values{"name": {"Intruder Ward"}}},
		{"POST", "/units/match", url.Values{"subject": {"Willow Ward"}, "unit": {fmt.Sprint(e.wardA.ID)}}},
		{"GET", "/decisions/services", nil}}
	own := route{"POST", "/account/units", url.Values{"units": {fmt.Sprint(e.wardA.ID)}}}

	all := append(append(append([]route{}, onUnit...), lead...), own)
	expectRoutes(t, "visitor", e.client(), all, http.StatusSeeOther, "Willow Ward")
	expectRoutes(t, "staffB", e.client().signIn("staffB"), append(append([]route{}, onUnit...), lead...), http.StatusForbidden, "Willow Ward")
	adminB := e.client().signIn("adminB")
	expectRoutes(t, "adminB", adminB, onUnit, http.StatusNotFound, "Willow Ward", "staffA@")
	if r := adminB.call(lead[2]); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Choose a ward, team or home from your organisation") {
		t.Errorf("adminB matching reviews to A's unit: %d", r.status)
	}
	// Council B's staff cannot join trust A's unit from their account page.
	staffB := e.client().signIn("staffB")
	if r := staffB.call(own); r.status != http.StatusUnprocessableEntity || strings.Contains(r.body, "Willow Ward") {
		t.Errorf("staffB joining A's unit: %d", r.status)
	}
	if r := adminB.get("/units"); strings.Contains(r.body, "Willow Ward") || !strings.Contains(r.body, "Oak House") {
		t.Error("adminB's list shows trust A's unit, or not B's own")
	}
	ms, err := e.svc.Units.Members(e.ctxA(), e.wardA.ID)
	if err != nil || len(ms) != 1 || ms[0].UserID != staffA.ID {
		t.Fatalf("trust A's members changed: %+v %v", ms, err)
	}
	us, _ := e.svc.Units.FindUnits(e.ctxA())
	if len(us) != 1 {
		t.Fatalf("trust A's list changed: %+v", us)
	}
	if r := adminB.get("/decisions/services"); r.status != http.StatusMovedPermanently || r.location != "/units" {
		t.Errorf("old address: %d %q", r.status, r.location)
	}
}
