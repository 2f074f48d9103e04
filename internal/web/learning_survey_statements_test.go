package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// A lead adds an equality statement in English and Welsh; a survey created
// after asks it (in Welsh on a Welsh page); results read by role, with small
// groups withheld and the page saying so.
func TestLearningSurveyOwnStatementsAndRoles(t *testing.T) {
	te := newTrainEnv(t, nil)
	staff := learnSurveyPeople(t, te)
	for i := range 6 {
		k := fmt.Sprintf("surveyB%d", i)
		learnExtraUser(t, te, k, te.orgA, lightbulb.RoleStaff)
		staff = append(staff, k)
	}
	lead := te.client().signIn("leadA")
	mustContain(t, lead.get("/surveys"), `href="/survey-statements"`)
	// A statement with no English is refused, the Welsh kept.
	r := lead.post("/survey-statements", url.Values{"text": {" "}, "welsh": {"Byddwn yn herio annhegwch."}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a statement with no English: %d", r.status)
	}
	mustContain(t, r, "Enter the statement in English", `href="#text"`, "Byddwn yn herio annhegwch.")
	r = lead.post("/survey-statements", url.Values{"text": {"I would challenge unfair treatment."}, "welsh": {"Byddwn yn herio annhegwch."}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("add a statement: %d %s", r.status, text(r.body))
	}
	ctx := lightbulb.WithOrg(context.Background(), te.orgA.ID)
	list, err := te.svc.Surveys.FindStatements(ctx)
	must(t, err)
	if len(list) != 1 {
		t.Fatalf("%d statements", len(list))
	}
	st := list[0]
	mustContain(t, lead.get("/survey-statements"), "I would challenge unfair treatment.", "Byddwn yn herio annhegwch.", "In use")

	today := lightbulb.SurveyToday()
	x := &lightbulb.Survey{Title: "Equality baseline", Kind: lightbulb.SurveyBaseline, OpensOn: today, ClosesOn: today}
	must(t, te.svc.Surveys.CreateSurvey(ctx, x))
	path := fmt.Sprintf("/surveys/%d", x.ID)
	first := te.client().signIn(staff[0])
	mustContain(t, first.get(path), "I would challenge unfair treatment.", "Which best describes your role?", "Nursing or midwifery")
	mustContain(t, first.get(path, "Accept-Language", "cy"), "Byddwn yn herio annhegwch.", "Nyrsio neu fydwreigiaeth")
	// Its own statement left out: refused, the others kept.
	form := learnSurveyForm(4, "")
	form.Set("staff_group", "nursing")
	r = first.post(path, form)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("own statement left out: %d", r.status)
	}
	mustContain(t, r, "Question 7: choose how far you agree", `href="#`+st.QuestionID()+`"`, `value="nursing" checked`)
	// Once asked, the English cannot change; the Welsh can.
	r = lead.post(fmt.Sprintf("/survey-statements/%d", st.ID), url.Values{"text": {"Changed"}, "welsh": {"Byddwn i'n herio annhegwch."}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("change the Welsh: %d %s", r.status, text(r.body))
	}
	mustContain(t, lead.get(fmt.Sprintf("/survey-statements/%d", st.ID)), "its English cannot change", "I would challenge unfair treatment.")

	// Six nurses, five doctors (disagreeing with the own statement), one
	// who prefers not to say; the nurses work on Ward 7, the doctors on
	// Elm, and one of each on Oak too. Oak (2) is withheld, and Elm, the
	// smallest shown, with it.
	ward7 := sqldbtest.MustUnit(t, te.db, te.orgA, "Ward 7")
	elm := sqldbtest.MustUnit(t, te.db, te.orgA, "Elm")
	oak := sqldbtest.MustUnit(t, te.db, te.orgA, "Oak")
	for i, k := range staff {
		switch {
		case i < 6:
			must(t, te.svc.Units.AddMember(ctx, ward7.ID, te.users[k].ID))
		case i < 11:
			must(t, te.svc.Units.AddMember(ctx, elm.ID, te.users[k].ID))
		}
		if i == 0 || i == 6 {
			must(t, te.svc.Units.AddMember(ctx, oak.ID, te.users[k].ID))
		}
	}
	for i, k := range staff {
		v := learnSurveyForm(5, "")
		v.Set(st.QuestionID(), "5")
		switch {
		case i < 6:
			v.Set("staff_group", "nursing")
		case i < 11:
			v.Set("staff_group", "medical")
			v.Set(st.QuestionID(), "1")
		default:
			v.Set("staff_group", "prefer_not")
		}
		if r := te.client().signIn(k).post(path, v); r.status != http.StatusSeeOther {
			t.Fatalf("%s answers: %d %s", k, r.status, text(r.body))
		}
	}
	r = lead.get(path + "/results")
	mustContain(t, r, "By role", "Nursing or midwifery", "I would challenge unfair treatment.",
		"A group is shown only when five or more people in it answered", "Withheld so that nobody can be picked out:", "Prefer not to say, Doctor or dentist",
		"By ward, team or home", "Ward 7 <span", "Withheld so that nobody can be picked out: Oak, Elm.")
	cy := lead.get(path+"/results", "Accept-Language", "cy")
	mustContain(t, cy, "Yn ôl rôl", "Byddwn i&#39;n herio annhegwch.", "Wedi&#39;u dal yn ôl fel na ellir adnabod neb:")

	// Retired, a new survey no longer asks it.
	if r := lead.post(fmt.Sprintf("/survey-statements/%d/retire", st.ID), url.Values{"retired": {"1"}}); r.status != http.StatusSeeOther {
		t.Fatalf("retire: %d", r.status)
	}
	y := &lightbulb.Survey{Title: "Later", Kind: lightbulb.SurveyBaseline, OpensOn: today, ClosesOn: today}
	must(t, te.svc.Surveys.CreateSurvey(ctx, y))
	if strings.Contains(te.client().signIn(staff[0]).get(fmt.Sprintf("/surveys/%d", y.ID)).body, "I would challenge") {
		t.Fatal("a retired statement is asked")
	}
}

// Only the organisation's leads reach its statements; nobody else changes them.
func TestLearningSurveyStatementsIsolation(t *testing.T) {
	te := newTrainEnv(t, nil)
	learnSurveyPeople(t, te)
	ctx := lightbulb.WithOrg(context.Background(), te.orgA.ID)
	st := &lightbulb.SurveyStatement{Text: "Trust A's own statement"}
	must(t, te.svc.Surveys.SaveStatement(ctx, st))
	id := fmt.Sprint(st.ID)
	routes := []route{{"GET", "/survey-statements", nil}, {"POST", "/survey-statements", url.Values{"text": {"Planted"}}},
		{"GET", "/survey-statements/" + id, nil}, {"POST", "/survey-statements/" + id, url.Values{"text": {"Taken"}}},
		{"POST", "/survey-statements/" + id + "/retire", url.Values{"retired": {"1"}}}}
	expectRoutes(t, "visitor", te.client(), routes, http.StatusSeeOther)
	for _, key := range []string{"staffA", "adminA", "staffB", "adminB", "platform", "trainer"} {
		expectRoutes(t, key, te.client().signIn(key), routes, http.StatusForbidden)
	}
	learnExtraUser(t, te, "leadB", te.orgB, lightbulb.RoleLead)
	leadB := te.client().signIn("leadB")
	expectRoutes(t, "leadB", leadB, routes[2:], http.StatusNotFound)
	if r := leadB.get("/survey-statements"); strings.Contains(r.body, "Trust A's own") {
		t.Fatal("council B's lead sees trust A's statement")
	}
	list, err := te.svc.Surveys.FindStatements(ctx)
	must(t, err)
	if len(list) != 1 || list[0].Text != "Trust A's own statement" || list[0].Retired {
		t.Fatalf("an outsider changed trust A's statements: %+v", list)
	}
	if r := te.client().signIn("leadA").get("/survey-statements/" + id); r.status != http.StatusOK {
		t.Fatalf("trust A's lead: %d", r.status)
	}
}
