package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Looking at cases and reviews is audited, and a lead can answer "who
// looked at this case?" from the audit log, in readable words in English
// and Welsh, filtered by record and by person.
func TestWhoLookedAtThisCase(t *testing.T) {
	e := newCaseEnv(t)
	seedFramework(t, e.env)
	c12 := e.newCase(t, "INC-12", "Visiting stopped for a week")
	other := e.newCase(t, "INC-13", "Call bell out of reach")
	nurse := e.client().signIn("staffA")
	mustContain(t, nurse.get("/cases"), "INC-12")
	mustContain(t, nurse.get(fmt.Sprintf("/cases/%d", c12.ID)), "Case INC-12")
	nurse.get(fmt.Sprintf("/cases/%d", other.ID))
	rv := startReview(t, e.client().signIn("leadA"), "Ward 4", "1 1 2026", "31 3 2026")

	lead := e.client().signIn("leadA")
	page := lead.get(fmt.Sprintf("/cases/%d", c12.ID))
	link := fmt.Sprintf("/admin/audit?record=case+%d", c12.ID)
	mustContain(t, page, `href="`+link+`"`, "Who has looked at or changed this case")
	r := lead.get(link)
	if r.status != http.StatusOK {
		t.Fatalf("a lead reads the audit log: %d", r.status)
	}
	mustContain(t, r, "Looked at a case", "Person staffA@example.org", fmt.Sprintf("case %d", c12.ID))
	if strings.Contains(r.body, fmt.Sprintf("case %d<", other.ID)) {
		t.Fatal("the record filter shows another case")
	}
	// The list of cases is audited with the cases it showed.
	r = lead.get("/admin/audit?action=case.list.view&person=" + itoa(e.users["staffA"].ID))
	mustContain(t, r, "Looked at the list of cases", fmt.Sprintf("2 shown: %d, %d", other.ID, c12.ID))
	if strings.Contains(r.body, `<td class="govuk-table__cell">Person leadA`) {
		t.Fatal("the person filter shows someone else")
	}
	// Reviews too, found by their number.
	lead.get(rv)
	id := strings.TrimPrefix(rv, "/reviews/")
	mustContain(t, lead.get("/admin/audit?record="+url.QueryEscape("review "+id)), "Looked at a review", "Ward 4")
	// In Welsh.
	lead.get("/language/cy")
	mustContain(t, lead.get(link), "Wedi edrych ar achos")
	// Staff who are not leads or admins cannot read the log.
	if r := nurse.get(link); r.status != http.StatusForbidden {
		t.Fatalf("staff read the audit log: %d", r.status)
	}
}
