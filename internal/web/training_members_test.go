package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Trust A's administrator names the cohort's members from a file, after a
// file with mistakes adds nobody; then only members can book its session.
func TestCohortMembersFromAFile(t *testing.T) {
	te := newTrainEnv(t, nil)
	base := fmt.Sprintf("/training/cohorts/%d/members", te.cohort.ID)
	lead := te.client().signIn("adminA")
	mustContain(t, lead.get("/training"), "Your organisation&#39;s programmes")
	mustContain(t, lead.get("/training/cohorts"), "Trust A wave 1")
	mustContain(t, lead.get(base), "No members yet")

	r := postFile(lead, base+"/import", nil, "file", "members.csv", []byte("email,name\nstaffa@example.org,Nia\nnot-an-address,Ola\nstaffa@example.org\n"))
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("a file with mistakes: %d", r.status)
	}
	mustContain(t, r, "There is a problem", "Row 3: enter an email address in the correct format", "Row 4: this email address is on an earlier row too")
	if ms, _ := te.tr.FindMembers(te.pctx, te.cohort.ID); len(ms) != 0 {
		t.Fatalf("a refused file added %d members", len(ms))
	}
	if r = postFile(lead, base+"/import", nil, "file", "members.txt", []byte("a\"b\n")); r.status != http.StatusUnprocessableEntity {
		t.Fatalf("not a CSV file: %d", r.status)
	}
	mustContain(t, r, "The file is not a CSV file")
	r = postFile(lead, base+"/import", nil, "file", "members.csv", []byte("email,name\nstaffa@example.org,Nia\nnew.lead@example.org,Dev\n"))
	if r.status != http.StatusSeeOther || r.location != base {
		t.Fatalf("a good file: %d %s", r.status, text(r.body))
	}
	mustContain(t, lead.get(base), "2 people added from the file", "Nia", "new.lead@example.org")

	// One by hand: a mistake keeps what was typed.
	r = lead.post(base, url.Values{"name": {"Sam"}, "email": {"sam@"}})
	mustContain(t, r, "Enter an email address in the correct format", `value="Sam"`)
	if r = lead.post(base, url.Values{"name": {"Sam"}, "email": {"sam@example.org"}}); r.status != http.StatusSeeOther {
		t.Fatalf("add Sam: %d", r.status)
	}
	ms, _ := te.tr.FindMembers(te.pctx, te.cohort.ID)
	if len(ms) != 3 {
		t.Fatalf("members = %d", len(ms))
	}

	// adminA is not a member, so the listing leaves the programme out and
	// booking is refused; staffA is, and can.
	if strings.Contains(text(lead.get("/training").body), "Trust A wave 1") {
		t.Fatal("the listing offers a named cohort to someone not named")
	}
	book := fmt.Sprintf("/training/sessions/%d/book", te.cohortS.ID)
	mustContain(t, lead.post(book, url.Values{}), "This session is for the named members of a programme")
	staff := te.client().signIn("staffA")
	if r = staff.post(book, url.Values{}); r.status != http.StatusSeeOther {
		t.Fatalf("a member books: %d %s", r.status, text(r.body))
	}
	mustContain(t, staff.get("/training"), "Book one date for each part.", "Part 1", "You have a date for this part")
	// The trainer sees the members and takes one off.
	tr := te.client().signIn("trainer")
	mustContain(t, tr.get(fmt.Sprintf("/training/manage/cohorts/%d", te.cohort.ID)), "3 members")
	if r = tr.post(fmt.Sprintf("%s/%d/remove", base, ms[2].ID), nil); r.status != http.StatusSeeOther {
		t.Fatalf("remove: %d", r.status)
	}
	entries, _, _ := te.svc.Audit.FindAudit(te.pctx, lightbulb.AuditFilter{Action: "training.members.import"})
	if len(entries) != 1 || !strings.Contains(entries[0].Detail, "2 added") {
		t.Fatalf("import audit = %+v", entries)
	}
}

// TestCohortMembersIsolation: only trainers and the cohort's own
// organisation's leads and administrators reach its members.
func TestCohortMembersIsolation(t *testing.T) {
	te := newTrainEnv(t, nil)
	_, err := te.tr.AddMembers(te.pctx, te.cohort.ID, []lightbulb.CohortMember{{Email: "secret.member@example.org"}}, 0)
	must(t, err)
	ms, _ := te.tr.FindMembers(te.pctx, te.cohort.ID)
	base := fmt.Sprintf("/training/cohorts/%d/members", te.cohort.ID)
	routes := []route{
		{"GET", base, nil},
		{"POST", base, url.Values{"email": {"planted@example.org"}}},
		{"POST", base + "/import", url.Values{}},
		{"POST", fmt.Sprintf("%s/%d/remove", base, ms[0].ID), nil},
	}
	expectRoutes(t, "visitor", te.client(), append(routes, route{"GET", "/training/cohorts", nil}), http.StatusSeeOther)
	for _, key := range []string{"staffA", "staffB", "adminB", "platform"} {
		expectRoutes(t, key, te.client().signIn(key), routes, http.StatusNotFound, "secret.member@example.org")
	}
	expectRoutes(t, "staffA", te.client().signIn("staffA"), []route{{"GET", "/training/cohorts", nil}}, http.StatusForbidden)
	if r := te.client().signIn("adminB").get("/training/cohorts"); r.status != http.StatusOK || strings.Contains(r.body, "Trust A wave 1") {
		t.Errorf("adminB's programmes: %d, shows trust A's cohort: %v", r.status, strings.Contains(r.body, "Trust A wave 1"))
	}
	if ms, _ := te.tr.FindMembers(te.pctx, te.cohort.ID); len(ms) != 1 {
		t.Fatalf("outsiders changed the members: %+v", ms)
	}
	mustContain(t, te.client().signIn("adminA").get(base), "secret.member@example.org")
}
