package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// shareEnv is indicatorEnv with a commissioner and the charity, each with
// a person who reads their dashboard.
type shareEnv struct {
	*indicatorEnv
	icb, charity *lightbulb.Organisation
}

func newShareEnv(t *testing.T) *shareEnv {
	t.Helper()
	e := &shareEnv{indicatorEnv: newIndicatorEnv(t)}
	e.icb = sqldbtest.MustOrg(t, e.db, "westshire-icb", lightbulb.KindCommissioner)
	e.charity = sqldbtest.MustOrg(t, e.db, "the-charity", lightbulb.KindCharity)
	e.addPerson(t, "commissioner", e.icb, lightbulb.RoleCommissioner)
	e.addPerson(t, "trainer", e.charity, lightbulb.RoleTrainer)
	return e
}

// TestIndicatorSharingJourney: trust A's lead shares with the commissioner
// and the charity (a choice not in the list refused, naming the question);
// the commissioner's dashboard shows A's indicators under A's name; the
// charity's shows only sums, with A's 2 cases "fewer than 5"; B's lead sees
// none of it; stopping takes A off the commissioner's dashboard; both are
// audited, and the page is in Welsh.
func TestIndicatorSharingJourney(t *testing.T) {
	e := newShareEnv(t)
	lead := e.client().signIn("leadA")
	if r := lead.get("/indicators/sharing"); r.status != 200 || !strings.Contains(r.body, "westshire-icb") && !strings.Contains(r.body, e.icb.Name) {
		t.Fatalf("sharing page: %d", r.status)
	}
	bID := strconv.FormatInt(e.orgB.ID, 10)
	if r := lead.post("/indicators/sharing", url.Values{"viewer": {bID}}); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, "govuk-error-summary") || !strings.Contains(r.body, "Choose the charity or a commissioner from the list") {
		t.Fatalf("sharing with a council: %d", r.status)
	}
	icbID, charityID := strconv.FormatInt(e.icb.ID, 10), strconv.FormatInt(e.charity.ID, 10)
	for _, id := range []string{icbID, charityID} {
		if r := lead.post("/indicators/sharing", url.Values{"viewer": {id}}); r.status != http.StatusSeeOther {
			t.Fatalf("share with %s: %d", id, r.status)
		}
	}
	d := e.client().signIn("commissioner").get("/dashboard")
	if !strings.Contains(d.body, "Your providers&#39; indicators") || !strings.Contains(d.body, e.orgA.Name) ||
		!strings.Contains(d.body, "Complaints and incidents reviewed through the rights lens") {
		t.Errorf("the commissioner's dashboard lacks A's indicators")
	}
	c := e.client().signIn("trainer").get("/dashboard")
	if !strings.Contains(c.body, "Our reach across client organisations") || !strings.Contains(c.body, "fewer than 5") || strings.Contains(c.body, e.orgA.Name) {
		t.Errorf("the charity's dashboard does not suppress A's small numbers or names A")
	}
	if r := e.client().signIn("leadB").get("/dashboard"); strings.Contains(r.body, "Your providers") || strings.Contains(r.body, e.orgA.Name) {
		t.Errorf("B's lead sees A's shared indicators")
	}
	if r := lead.post("/indicators/sharing/stop", url.Values{"viewer": {icbID}}); r.status != http.StatusSeeOther {
		t.Fatalf("stop: %d", r.status)
	}
	if d := e.client().signIn("commissioner").get("/dashboard"); strings.Contains(d.body, e.orgA.Name) {
		t.Errorf("A is still on the commissioner's dashboard after it stopped sharing")
	}
	if r := lead.get("/admin/audit"); !strings.Contains(r.body, "Shared indicators with another organisation") ||
		!strings.Contains(r.body, "Stopped sharing indicators with another organisation") {
		t.Errorf("the audit log lacks the sharing")
	}
	lead.get("/language/cy?next=/indicators")
	if r := lead.get("/indicators/sharing"); !strings.Contains(r.body, "Rhannu eich dangosyddion") || !strings.Contains(r.body, "Rhoddwyd y gorau iddi gan") {
		t.Errorf("the Welsh sharing page is not in Welsh")
	}
}

// TestIndicatorSharingIsolation: the sharing routes need a lead, and B's
// lead can neither stop A's share nor see it.
func TestIndicatorSharingIsolation(t *testing.T) {
	e := newShareEnv(t)
	icbID := strconv.FormatInt(e.icb.ID, 10)
	routes := []route{{"GET", "/indicators/sharing", nil}, {"POST", "/indicators/sharing", url.Values{"viewer": {icbID}}},
		{"POST", "/indicators/sharing/stop", url.Values{"viewer": {icbID}}}}
	expectRoutes(t, "visitor", e.client(), routes, http.StatusSeeOther)
	expectRoutes(t, "staffA", e.client().signIn("staffA"), routes, http.StatusForbidden)
	expectRoutes(t, "commissioner", e.client().signIn("commissioner"), routes, http.StatusForbidden)
	if r := e.client().signIn("leadA").post("/indicators/sharing", url.Values{"viewer": {icbID}}); r.status != http.StatusSeeOther {
		t.Fatalf("A shares: %d", r.status)
	}
	leadB := e.client().signIn("leadB")
	if r := leadB.call(routes[2]); r.status != http.StatusNotFound {
		t.Errorf("B stops A's share: %d", r.status)
	}
	if r := leadB.get("/indicators/sharing"); strings.Contains(r.body, "Stop sharing") {
		t.Errorf("B sees A's share")
	}
	if shares, _ := e.svc.Indicators.IndicatorShares(e.ctxA()); len(shares) != 1 || shares[0].RevokedAt != nil {
		t.Errorf("A's share changed: %+v", shares)
	}
}
