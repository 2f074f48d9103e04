package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// visitWithAction has the commissioner plan a visit under the contract,
// record a red finding against requirement cr and turn it into an action
// trust A owns; it returns the visit's and action's path ids.
func visitWithAction(t *testing.T, com *client, e *env, id, cr string) (visit, action string) {
	t.Helper()
	r := com.post("/commissioning/contracts/"+id+"/visits", url.Values{"service": {"Willow Ward"}, "planned_on-day": {"6"},
		"planned_on-month": {"10"}, "planned_on-year": {"2026"}, "team": {"Quality lead\nTwo lived experience experts"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("plan visit: %d %s", r.status, r.body)
	}
	visit = strings.TrimPrefix(r.location, "/commissioning/visits/")
	if r := com.post("/commissioning/visits/"+visit+"/findings", url.Values{"visited_on-day": {"6"}, "visited_on-month": {"10"},
		"visited_on-year": {"2026"}, "summary": {"Doors locked at night for everyone."}, "rating-" + cr: {"red"},
		"finding-" + cr: {"A blanket rule not in the register"}}); r.status != http.StatusSeeOther {
		t.Fatalf("record visit: %d %s", r.status, r.body)
	}
	r = com.post("/commissioning/visits/"+visit+"/actions", url.Values{"text": {"Put the locked door in the register"},
		"owner_org": {itoa64(e.orgA.ID)}, "owner": {"Ward manager"}, "due_on-day": {"6"}, "due_on-month": {"11"}, "due_on-year": {"2026"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("visit action: %d %s", r.status, r.body)
	}
	_, action, _ = strings.Cut(r.location, "#action-")
	return visit, action
}

// TestCommissioningVisitAndEscalation: a visit's mistakes are refused naming
// the question, what was typed kept; the provider reads the visit's
// findings and updates its action; the contract's escalation needs a reason
// and the provider sees its history.
func TestCommissioningVisitAndEscalation(t *testing.T) {
	e, _ := commEnv(t)
	com, lead, id, cr := contractWithReturn(t, e)
	if r := com.post("/commissioning/contracts/"+id+"/visits", url.Values{"team": {"Quality lead"}}); r.status != http.StatusUnprocessableEntity ||
		!strings.Contains(r.body, "Enter the service you will visit") || !strings.Contains(r.body, ">Quality lead</textarea>") {
		t.Fatalf("a visit without a service: %d %s", r.status, r.body)
	}
	visit, action := visitWithAction(t, com, e, id, cr)
	r := com.post("/commissioning/visits/"+visit+"/findings", url.Values{"visited_on-day": {"6"}, "visited_on-month": {"10"},
		"visited_on-year": {"2026"}, "summary": {"Second look"}, "finding-" + cr: {"Still locked"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Rate what you found about R01 red, amber or green") ||
		!strings.Contains(r.body, "Still locked") {
		t.Fatalf("a finding without a rating: %d %s", r.status, r.body)
	}
	p := lead.get("/visits/" + visit)
	if p.status != http.StatusOK || !strings.Contains(p.body, "A blanket rule not in the register") || !strings.Contains(p.body, `name="status-`+action+`"`) {
		t.Fatalf("the provider's view of the visit: %d %s", p.status, p.body)
	}
	if r := lead.post("/visits/"+visit+"/actions/"+action, url.Values{"status-" + action: {"in_progress"}}); r.status != http.StatusSeeOther {
		t.Fatalf("the provider updates its action: %d %s", r.status, r.body)
	}

	path := "/commissioning/contracts/" + id + "/escalation"
	if r := com.post(path, url.Values{"state": {"improvement"}}); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Say why the contract&#39;s state changes") {
		t.Fatalf("escalation without a reason: %d %s", r.status, r.body)
	}
	if r := com.post(path, url.Values{"state": {"improvement"}, "reason": {"A blanket rule found on the visit"}}); r.status != http.StatusSeeOther {
		t.Fatalf("escalate: %d %s", r.status, r.body)
	}
	if c := lead.get("/contracts/" + id); !strings.Contains(c.body, "Improvement plan") || !strings.Contains(c.body, "A blanket rule found on the visit") ||
		!strings.Contains(c.body, "/visits/"+visit) {
		t.Fatalf("the provider does not see the escalation or visit: %s", c.body)
	}
	if h := com.get("/commissioning"); !strings.Contains(h.body, "Improvement plan") {
		t.Fatalf("the commissioner's home does not show the state: %s", h.body)
	}
}

// TestCommissioningLocalRequirement: a local requirement missing its day
// is refused with what was typed kept; once added it is on the contract,
// marked local, and not in the library.
func TestCommissioningLocalRequirement(t *testing.T) {
	e, _ := commEnv(t)
	com, lead, id, _ := contractWithReturn(t, e)
	path := "/commissioning/contracts/" + id + "/local"
	form := url.Values{"text": {"Welsh speakers are offered care in Welsh."}, "rights": {"A8"}, "evidence": {"Care plans record the language chosen"}}
	if r := com.post(path, form); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Enter when the first return is due") ||
		!strings.Contains(r.body, "Care plans record the language chosen") {
		t.Fatalf("a local requirement without its day: %d %s", r.status, r.body)
	}
	form.Set("due_on-day", "31")
	form.Set("due_on-month", "7")
	form.Set("due_on-year", "2026")
	if r := com.post(path, form); r.status != http.StatusSeeOther {
		t.Fatalf("add a local requirement: %d %s", r.status, r.body)
	}
	if c := com.get("/commissioning/contracts/" + id); !strings.Contains(c.body, "L01") || !strings.Contains(c.body, ">Local<") {
		t.Fatalf("the contract does not show its local requirement: %s", c.body)
	}
	if l := com.get("/commissioning/requirements"); strings.Contains(l.body, "Welsh speakers are offered care in Welsh.") {
		t.Fatal("the library lists the local requirement")
	}
	if p := lead.get("/contracts/" + id); !strings.Contains(p.body, "L01: Welsh speakers are offered care in Welsh.") {
		t.Fatalf("the provider cannot answer the local requirement: %s", p.body)
	}
}

// TestCommissioningCountedEvidence: figures from the provider's own records
// are refused until it shares its reviews, with what was typed kept; then
// the commissioner sees the totals, and only while the share lasts.
func TestCommissioningCountedEvidence(t *testing.T) {
	e, _ := commEnv(t)
	com, lead, id, cr := contractWithReturn(t, e)
	form := url.Values{"period": {"July to September 2026"}, "rating-" + cr: {"amber"}, "counted-" + cr: {"restrictions", "training", "cases"},
		"evidence-" + cr: {"Register attached"}}
	if r := lead.post("/contracts/"+id+"/return", form); r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "share them first") ||
		!strings.Contains(r.body, "July to September 2026") {
		t.Fatalf("figures before sharing: %d %s", r.status, r.body)
	}
	if r := lead.post("/reviews/sharing", url.Values{"commissioner": {itoa64(mustOrgID(t, e, "icb"))}}); r.status != http.StatusSeeOther {
		t.Fatalf("share: %d", r.status)
	}
	if r := lead.post("/contracts/"+id+"/return", form); r.status != http.StatusSeeOther {
		t.Fatalf("return with figures: %d %s", r.status, r.body)
	}
	if c := com.get("/commissioning/contracts/" + id); !strings.Contains(c.body, "Restrictions register: 0 blanket restrictions in force") ||
		!strings.Contains(c.body, "people attended human rights training") ||
		!strings.Contains(c.body, "Casework: 0 of 0 cases received in the 12 months before were reviewed through the rights lens") {
		t.Fatalf("the commissioner does not see the totals: %s", c.body)
	}
	if csv := com.get("/commissioning/contracts/" + id + "/report.csv"); !strings.Contains(csv.body, "Restrictions register: 0 blanket restrictions in force") {
		t.Fatalf("the CSV lacks the totals: %s", csv.body)
	}
	if pdf := com.get("/commissioning/contracts/" + id + "/report.pdf"); pdf.status != http.StatusOK || !strings.HasPrefix(pdf.body, "%PDF") {
		t.Fatalf("the PDF with the totals: %d", pdf.status)
	}
}
