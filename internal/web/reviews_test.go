package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/content"
	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// reviewEnv adds to env what reviews need: the shipped framework, a lead and
// an expert in trust A, a lead in council B and a commissioning organisation.
func reviewEnv(t *testing.T) (*env, *lightbulb.Organisation) {
	t.Helper()
	e := newEnv(t)
	seedFramework(t, e)
	icb := sqldbtest.MustOrg(t, e.db, "icb", lightbulb.KindCommissioner)
	addPerson(e, "leadA", e.orgA, lightbulb.RoleLead, lightbulb.RoleStaff)
	addPerson(e, "expertA", e.orgA, lightbulb.RoleExpert)
	addPerson(e, "leadB", e.orgB, lightbulb.RoleLead)
	addPerson(e, "commissioner", icb, lightbulb.RoleCommissioner)
	return e, icb
}

// seedFramework loads the shipped review framework.
func seedFramework(t *testing.T, e *env) {
	t.Helper()
	f := &lightbulb.Framework{Slug: sqldb.DefaultFramework, Name: content.FrameworkName}
	for _, s := range content.Framework() {
		f.Statements = append(f.Statements, s.Statement())
	}
	if _, err := sqldb.NewReviewService(e.db).SeedFramework(context.Background(), f); err != nil {
		t.Fatal(err)
	}
}

func addPerson(e *env, key string, org *lightbulb.Organisation, roles ...lightbulb.Role) {
	e.t.Helper()
	hash, _ := password.Hash(testPassword, password.Minimum)
	u := sqldbtest.MustUser(e.t, e.db, key+"@example.org", org, roles...)
	if err := sqldb.NewUserService(e.db).SetPassword(context.Background(), u.ID, hash); err != nil {
		e.t.Fatal(err)
	}
	e.users[key] = u
}

func itoa64(n int64) string { return fmt.Sprint(n) }

// allRatings rates every statement: the first `red` statements red, the
// rest green, with evidence.
func allRatings(red int) url.Values {
	v := url.Values{}
	for i, s := range content.Framework() {
		rt := "green"
		if i < red {
			rt = "red"
		}
		v.Set("rating-"+s.Code, rt)
		v.Set("evidence-"+s.Code, "Seen on the ward")
	}
	return v
}

// unitOfA returns trust A's unit of that name, adding it to the list.
func (e *env) unitOfA(name string) string {
	e.t.Helper()
	ctx := lightbulb.WithOrg(context.Background(), e.orgA.ID)
	us, err := e.svc.Units.FindUnits(ctx)
	if err != nil {
		e.t.Fatal(err)
	}
	for _, u := range us {
		if u.Name == name {
			return itoa64(u.ID)
		}
	}
	u := &lightbulb.Unit{Name: name}
	if err := e.svc.Units.CreateUnit(ctx, u); err != nil {
		e.t.Fatal(err)
	}
	return itoa64(u.ID)
}

// mustReviewID reads the id from a review's address.
func mustReviewID(t *testing.T, addr string) int64 {
	t.Helper()
	var id int64
	if _, err := fmt.Sscanf(addr, "/reviews/%d", &id); err != nil {
		t.Fatalf("review address %q: %v", addr, err)
	}
	return id
}

// startReview creates a review of trust A's unit as lead and returns its address.
func startReview(t *testing.T, lead *client, unit, start, end string) string {
	t.Helper()
	sd, ed := strings.Fields(start), strings.Fields(end)
	r := lead.post("/reviews", url.Values{"scope": {"service"}, "unit": {lead.e.unitOfA(unit)},
		"start-day": {sd[0]}, "start-month": {sd[1]}, "start-year": {sd[2]}, "end-day": {ed[0]}, "end-month": {ed[1]}, "end-year": {ed[2]}})
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.location, "/reviews/") {
		t.Fatalf("start review: %d %q %.300s", r.status, r.location, text(r.body))
	}
	return r.location
}

func TestReviewFromStartToShare(t *testing.T) {
	e, icb := reviewEnv(t)
	lead := e.client().signIn("leadA")

	// Bad input comes back with clear messages and what was typed.
	ward9 := e.unitOfA("Ward 9")
	r := lead.post("/reviews", url.Values{"scope": {"service"}, "unit": {ward9}, "start-day": {"31"}, "start-month": {"2"}, "start-year": {"2026"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad review: status %d", r.status)
	}
	mustContain(t, r, "Start of the period: enter a real date", "Enter the date the period ends", `value="`+ward9+`" selected`, `href="#start"`)
	r = lead.post("/reviews", url.Values{"scope": {"service"}, "start-day": {"1"}, "start-month": {"1"}, "start-year": {"2026"},
		"end-day": {"31"}, "end-month": {"3"}, "end-year": {"2026"}})
	mustContain(t, r, "Choose the ward, team or home you are reviewing", `href="#unit"`)

	rv := startReview(t, lead, "Ward 9", "1 1 2026", "31 3 2026")
	staff, staffB := e.users["staffA"], e.users["staffB"]
	for _, inv := range []url.Values{{"person": {itoa64(staff.ID)}, "kind": {"staff"}}, {"person": {itoa64(e.users["expertA"].ID)}, "kind": {"expert"}}} {
		if r := lead.post(rv+"/contributors", inv); r.status != http.StatusSeeOther {
			t.Fatalf("invite: %d %.300s", r.status, text(r.body))
		}
	}
	r = lead.post(rv+"/contributors", url.Values{"person": {itoa64(staffB.ID)}, "kind": {"staff"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("invite from another organisation: %d", r.status)
	}
	mustContain(t, r, "Select a person in your organisation")

	// A contributor: red needs evidence; nothing is saved until it is right.
	nurse := e.client().signIn("staffA")
	r = nurse.post(rv+"/rate", url.Values{"rating-KR1": {"red"}, "rating-KR2": {"green"}, "evidence-KR2": {"Leaflets seen"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("red without evidence: %d", r.status)
	}
	mustContain(t, r, "Enter the evidence for a red or amber rating", `href="#evidence-KR1"`, "Leaflets seen")
	if r := nurse.post(rv+"/rate", url.Values{"rating-KR1": {"red"}, "evidence-KR1": {"Nobody could name a right"},
		"rating-KR2": {"green"}, "evidence-KR2": {"Leaflets on the ward"}}); r.status != http.StatusSeeOther {
		t.Fatalf("rate: %d %.300s", r.status, text(r.body))
	}
	expert := e.client().signIn("expertA")
	if r := expert.post(rv+"/rate", url.Values{"rating-KR1": {"amber"}, "evidence-KR1": {"Some staff told me"},
		"rating-KR2": {"green"}}); r.status != http.StatusSeeOther {
		t.Fatalf("expert rates: %d", r.status)
	}
	// Someone not invited is refused.
	admin := e.client().signIn("adminA")
	if r := admin.post(rv+"/rate", url.Values{"rating-KR1": {"green"}}); r.status != http.StatusForbidden {
		t.Fatalf("uninvited contributor: %d, want 403", r.status)
	}

	// The lead sees who said what, marked, and cannot submit half-rated.
	r = lead.get(rv + "/agree")
	mustContain(t, r, "Nobody could name a right", "Some staff told me", "(Lived experience expert)")
	// Where they agree (KR2) the form is filled in; where they differ
	// (KR1) it is left to the lead and listed.
	mustContain(t, r, "Contributors agree on 1 statements", "Contributors differ", `href="#rating-KR1"`,
		`id="rating-KR2" name="rating-KR2" type="radio" value="green" checked`, ">Leaflets on the ward</textarea>")
	if strings.Contains(r.body, `name="rating-KR1" type="radio" value="red" checked`) {
		t.Error("a statement contributors differ on was filled in")
	}
	if r := lead.post(rv+"/agree/accept", nil); r.status != http.StatusSeeOther || r.location != rv+"/agree" {
		t.Fatalf("accept all that agree: %d %q", r.status, r.location)
	}
	fin, err := e.svc.Reviews.Finals(lightbulb.WithOrg(context.Background(), e.orgA.ID), mustReviewID(t, rv))
	if err != nil || len(fin) != 1 || fin["KR2"].Rating != lightbulb.Green || fin["KR2"].Evidence != "Leaflets on the ward" {
		t.Fatalf("finals after accepting: %+v %v", fin, err)
	}
	mustContain(t, lead.get(rv+"/agree"), "1 ratings that contributors agree on are now the final ones")
	partial := url.Values{"do": {"submit"}, "rating-KR1": {"amber"}, "evidence-KR1": {"Agreed: patchy"}}
	r = lead.post(rv+"/agree", partial)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("submit half-rated: %d", r.status)
	}
	mustContain(t, r, "Agree a rating for every statement", "Agreed: patchy")
	first := allRatings(3)
	first.Set("do", "submit")
	if r := lead.post(rv+"/agree", first); r.status != http.StatusSeeOther {
		t.Fatalf("submit: %d %.400s", r.status, text(r.body))
	}
	// Locked: no more ratings.
	r = nurse.post(rv+"/rate", url.Values{"rating-KR1": {"green"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("rating a submitted review: %d", r.status)
	}
	mustContain(t, r, "can no longer be changed")
	r = lead.get(rv)
	mustContain(t, r, "Summary by theme", "Ratings by theme", "This is the first submitted review", "Add an action")

	// Actions: owner and date required; overdue stands out; exports.
	r = lead.post(rv+"/actions", url.Values{"statement": {"KR1"}, "description": {"Teach the team"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("action without owner: %d", r.status)
	}
	mustContain(t, r, "Select who owns this action", "Enter a due date", "Teach the team")
	r = lead.post(rv+"/actions", url.Values{"statement": {"KR1"}, "description": {"=Teach the team"}, "owner": {itoa64(staff.ID)},
		"due-day": {"1"}, "due-month": {"2"}, "due-year": {"2021"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("action: %d %.300s", r.status, text(r.body))
	}
	mustContain(t, lead.get(rv), "Overdue", "=Teach the team")
	csv := lead.get(rv + "/actions.csv")
	if csv.status != 200 || !strings.Contains(csv.body, "'=Teach the team") || !strings.Contains(csv.body, "Yes") {
		t.Fatalf("CSV: %d %q", csv.status, csv.body)
	}
	if pdf := lead.get(rv + "/actions.pdf"); pdf.status != 200 || !strings.HasPrefix(pdf.body, "%PDF") {
		t.Fatalf("PDF: %d %.20q", pdf.status, pdf.body)
	}

	// The owner sees it among their actions and moves it on; others cannot.
	mine := nurse.get("/reviews/actions")
	mustContain(t, mine, "=Teach the team", "Overdue", "Ward 9")
	acts, _ := e.svc.Reviews.FindActions(lightbulb.WithOrg(context.Background(), e.orgA.ID), 0)
	statusURL := rv + "/actions/" + itoa64(acts[0].ID)
	if r := admin.post(statusURL, url.Values{"status": {"done"}}); r.status != http.StatusForbidden {
		t.Fatalf("someone neither lead nor owner changed an action: %d", r.status)
	}
	if r := nurse.post(statusURL, url.Values{"status": {"done"}, "back": {"mine"}}); r.status != http.StatusSeeOther || r.location != "/reviews/actions" {
		t.Fatalf("the owner changes the status: %d %q", r.status, r.location)
	}
	if strings.Contains(nurse.get("/reviews/actions").body, "Overdue") {
		t.Error("a done action is still marked overdue")
	}
	// A second review shows the change.
	rv2 := startReview(t, lead, "Ward 9", "1 4 2026", "30 6 2026")
	second := allRatings(0)
	second.Set("rating-KR4", "amber")
	second.Set("do", "submit")
	if r := lead.post(rv2+"/agree", second); r.status != http.StatusSeeOther {
		t.Fatalf("submit second: %d", r.status)
	}
	mustContain(t, lead.get(rv2), "What changed since the last review", "↑ Improved", "↓ Got worse")
	// The grid: each theme a light named in words, its counts, the trend
	// and the earlier round's light (Knowing the rights was red, now amber).
	mustContain(t, lead.get("/reviews/grid"), "Ward 9", "Knowing the rights", `<span class="lb-light lb-light--amber">`,
		"Better than the round before", "Earlier:", `<span class="lb-light lb-light--red lb-light--small">`, "3 green, 1 amber, 0 red")
	// In Welsh, down to the chart's labels and the framework's themes.
	mustContain(t, lead.get(rv2, "Accept-Language", "cy"), "Beth sydd wedi newid ers yr adolygiad diwethaf", "↑ Wedi gwella", "Gwyrdd 4",
		`<th scope="row" class="govuk-table__header">Gwybod am yr hawliau</th>`, "Gall staff ddweud pa hawliau dynol")

	// Sharing: only with a commissioner; recorded; revocable.
	r = lead.post("/reviews/sharing", url.Values{"commissioner": {itoa64(e.orgB.ID)}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("share with a council: %d", r.status)
	}
	mustContain(t, r, "can only be shared with a commissioner")
	if r := lead.post("/reviews/sharing", url.Values{"commissioner": {itoa64(icb.ID)}}); r.status != http.StatusSeeOther {
		t.Fatalf("share: %d", r.status)
	}
	com := e.client().signIn("commissioner")
	mustContain(t, com.get("/shared/reviews"), e.orgA.Name)
	shared := com.get("/shared/reviews/" + itoa64(e.orgA.ID))
	mustContain(t, shared, "Ward 9", "read-only")
	if strings.Contains(shared.body, `href="/reviews/`) || strings.Contains(shared.body, "Seen on the ward") {
		t.Fatal("the shared roll-up links to reviews or shows evidence")
	}
	shares, _ := e.svc.Reviews.FindShares(lightbulb.WithOrg(context.Background(), e.orgA.ID))
	if r := lead.post("/reviews/sharing/revoke", url.Values{"share": {itoa64(shares[0].ID)}}); r.status != http.StatusSeeOther {
		t.Fatalf("revoke: %d", r.status)
	}
	if r := com.get("/shared/reviews/" + itoa64(e.orgA.ID)); r.status != http.StatusNotFound {
		t.Fatalf("shared roll-up after revoking: %d, want 404", r.status)
	}
	audit, _, _ := e.svc.Audit.FindAudit(lightbulb.WithOrg(context.Background(), e.orgA.ID), lightbulb.AuditFilter{})
	seen := map[string]bool{}
	for _, a := range audit {
		seen[a.Action] = true
	}
	for _, want := range []string{"review.create", "review.invite", "review.submit", "review.action", "review.share", "review.share_revoke"} {
		if !seen[want] {
			t.Errorf("the audit log has no %s", want)
		}
	}
}

func TestFrameworkEditMakesAVersion(t *testing.T) {
	e, _ := reviewEnv(t)
	p := e.client().signIn("platform")
	mustContain(t, p.get("/admin/framework"), "KR1", "version 1")
	form := url.Values{"text": {""}, "good": {"g"}, "red": {"r"}, "amber": {"a"}, "green": {"gr"}, "rights": {"A8, Z9"}}
	r := p.post("/admin/framework/KR1", form)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad edit: %d", r.status)
	}
	mustContain(t, r, "Enter rights by their codes")
	form.Set("rights", "A8")
	r = p.post("/admin/framework/KR1", form)
	mustContain(t, r, "Enter the statement")
	form.Set("text", "Staff know the rights.")
	form["principles"] = []string{"Dignity", "Cheerfulness"}
	mustContain(t, p.post("/admin/framework/KR1", form), "Select principles from the FREDA and PANEL list", `href="#principles"`)
	form["principles"] = []string{"Dignity"}
	if r := p.post("/admin/framework/KR1", form); r.status != http.StatusSeeOther {
		t.Fatalf("edit: %d %.300s", r.status, text(r.body))
	}
	mustContain(t, p.get("/admin/framework"), "version 2", "Staff know the rights.")
	if r := e.client().signIn("leadA").get("/admin/framework"); r.status != http.StatusForbidden {
		t.Fatalf("a lead edits the framework: %d", r.status)
	}
}
