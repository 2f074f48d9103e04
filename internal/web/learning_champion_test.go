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
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// A lead names a dignity champion for Ward 7 (after a mistake that keeps
// the choice); a nurse on Ward 7 finds her on the list, in English and
// Welsh; coverage counts her and reads by ward with its chart's table.
func TestLearningDignityChampions(t *testing.T) {
	te := newTrainEnv(t, nil)
	learnSurveyPeople(t, te)
	ctx := lightbulb.WithOrg(context.Background(), te.orgA.ID)
	ward7 := sqldbtest.MustUnit(t, te.db, te.orgA, "Ward 7")
	sqldbtest.MustUnit(t, te.db, te.orgA, "Willow")
	us := sqldb.NewUnitService(te.db)
	must(t, us.AddMember(ctx, ward7.ID, te.users["staffA"].ID))
	must(t, us.AddMember(ctx, ward7.ID, te.users["surveyA0"].ID))

	nurse := te.client().signIn("staffA")
	mustContain(t, nurse.get("/dashboard"), `href="/champions"`)
	mustContain(t, nurse.get("/champions"), "Your wards, teams and homes", "Ward 7", "No dignity champion has been named here yet")
	if strings.Contains(nurse.get("/champions").body, `action="/champions"`) {
		t.Fatal("a nurse is offered the form to name champions")
	}

	lead := te.client().signIn("leadA")
	champ := te.users["surveyA0"]
	r := lead.post("/champions", url.Values{"unit": {fmt.Sprint(ward7.ID)}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a champion with no person: %d", r.status)
	}
	mustContain(t, r, "Choose a person from your organisation", `href="#person"`, fmt.Sprintf(`value="%d" selected`, ward7.ID))
	if r = lead.post("/champions", url.Values{"unit": {fmt.Sprint(ward7.ID)}, "person": {fmt.Sprint(champ.ID)}}); r.status != http.StatusSeeOther {
		t.Fatalf("name a champion: %d %s", r.status, text(r.body))
	}
	r = lead.post("/champions", url.Values{"unit": {fmt.Sprint(ward7.ID)}, "person": {fmt.Sprint(champ.ID)}})
	mustContain(t, r, "already a champion of that ward")

	r = nurse.get("/champions")
	mustContain(t, r, champ.Name, "mailto:"+champ.Email, "Willow", "No champion yet")
	mustContain(t, nurse.get("/champions", "Accept-Language", "cy"), "Hyrwyddwyr urddas", "Eich wardiau, timau a chartrefi", champ.Name)

	r = lead.get("/training/coverage")
	mustContain(t, r, "By ward, team or home", "Share trained by ward, team or home", "<svg", "Dignity champions",
		"1 dignity champions across the organisation.", "No dignity champion yet:", "Willow", "belong to no ward, team or home yet")
	mustContain(t, lead.get("/training/coverage", "Accept-Language", "cy"), "Cyfran wedi&#39;u hyfforddi fesul ward, tîm neu gartref", `lang="en">Ward 7`)

	if r = lead.post("/champions/remove", url.Values{"unit": {fmt.Sprint(ward7.ID)}, "person": {fmt.Sprint(champ.ID)}}); r.status != http.StatusSeeOther {
		t.Fatalf("stand down: %d", r.status)
	}
	if list, _ := te.svc.Champions.Champions(ctx); len(list) != 0 {
		t.Fatalf("still champions: %+v", list)
	}
}

// Everyone in an organisation reads its champions; only its leads and
// admins change them; nobody outside reaches either.
func TestLearningChampionsIsolation(t *testing.T) {
	te := newTrainEnv(t, nil)
	learnSurveyPeople(t, te)
	ctx := lightbulb.WithOrg(context.Background(), te.orgA.ID)
	ward7 := sqldbtest.MustUnit(t, te.db, te.orgA, "Ward 7")
	must(t, te.svc.Champions.AssignChampion(ctx, ward7.ID, te.users["staffA"].ID))
	pair := url.Values{"unit": {fmt.Sprint(ward7.ID)}, "person": {fmt.Sprint(te.users["staffA"].ID)}}
	change := []route{{"POST", "/champions", url.Values{"unit": {fmt.Sprint(ward7.ID)}, "person": {fmt.Sprint(te.users["adminA"].ID)}}},
		{"POST", "/champions/remove", pair}}
	expectRoutes(t, "visitor", te.client(), append(change, route{"GET", "/champions", nil}), http.StatusSeeOther)
	for _, key := range []string{"staffA", "staffB", "trainer"} {
		expectRoutes(t, key, te.client().signIn(key), change, http.StatusForbidden)
	}
	// Council B's people read only council B's (empty) list and change
	// nothing in trust A.
	for _, key := range []string{"staffB", "adminB"} {
		c := te.client().signIn(key)
		if r := c.get("/champions"); r.status != http.StatusOK || strings.Contains(r.body, "Ward 7") {
			t.Errorf("%s reads trust A's champions: %d", key, r.status)
		}
	}
	// Admins elsewhere (council B's, the platform's) may name champions in
	// their own organisation, never on trust A's ward.
	for _, key := range []string{"adminB", "platform"} {
		c := te.client().signIn(key)
		if r := c.post("/champions/remove", pair); r.status != http.StatusNotFound {
			t.Errorf("%s stands down trust A's champion: %d", key, r.status)
		}
		if r := c.post("/champions", pair); r.status != http.StatusUnprocessableEntity {
			t.Errorf("%s names a champion on trust A's ward: %d", key, r.status)
		}
		if r := c.get("/champions"); strings.Contains(r.body, "Ward 7") {
			t.Errorf("%s reads trust A's champions", key)
		}
	}
	if list, _ := te.svc.Champions.Champions(ctx); len(list) != 1 || list[0].UserID != te.users["staffA"].ID {
		t.Fatalf("an outsider changed trust A's champions: %+v", list)
	}
	mustContain(t, te.client().signIn("adminA").get("/champions"), "Ward 7", te.users["staffA"].Name, `action="/champions"`)
}
