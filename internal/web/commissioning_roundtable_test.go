package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// roundtableWithAction has the commissioner record a roundtable with trust
// A and agree an action trust A owns; it returns their path ids.
func roundtableWithAction(t *testing.T, e *env, com *client) (rt, action string) {
	t.Helper()
	r := com.post("/commissioning/roundtables", url.Values{"title": {"Restrictive practice roundtable"}, "held_on-day": {"14"},
		"held_on-month": {"9"}, "held_on-year": {"2026"}, "providers": {itoa64(e.orgA.ID)}, "attendees": {"Commissioning lead\nWard managers"},
		"notes": {"Blanket rules on two wards discussed."}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("record roundtable: %d %s", r.status, r.body)
	}
	rt = strings.TrimPrefix(r.location, "/commissioning/roundtables/")
	r = com.post("/commissioning/roundtables/"+rt+"/actions", url.Values{"text": {"Review every blanket rule on the ward"},
		"owner_org": {itoa64(e.orgA.ID)}, "owner": {"Ward manager"}, "due_on-day": {"1"}, "due_on-month": {"12"}, "due_on-year": {"2026"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("add action: %d %s", r.status, r.body)
	}
	_, action, _ = strings.Cut(r.location, "#action-")
	return rt, action
}

// TestCommissioningRoundtable: mistakes are refused naming the question
// with what was typed kept; the provider present sees the roundtable, its
// action on its dashboard and its contracts page, and closes it only with
// evidence; the commissioner sees it done.
func TestCommissioningRoundtable(t *testing.T) {
	e, _ := commEnv(t)
	com, lead, _, _ := contractWithReturn(t, e)
	r := com.post("/commissioning/roundtables", url.Values{"held_on-day": {"14"}, "held_on-month": {"9"}, "held_on-year": {"2026"},
		"attendees": {"Commissioning lead"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Enter the roundtable&#39;s name") ||
		!strings.Contains(r.body, "Choose the providers that took part") || !strings.Contains(r.body, ">Commissioning lead</textarea>") {
		t.Fatalf("a roundtable without a name or providers: %d %s", r.status, r.body)
	}
	rt, action := roundtableWithAction(t, e, com)
	page := "/commissioning/roundtables/" + rt
	r = com.post(page+"/actions", url.Values{"text": {"Publish the restraint figures"}, "owner_org": {itoa64(e.orgA.ID)}, "owner": {"Director of nursing"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Enter when the action is due") || !strings.Contains(r.body, "Publish the restraint figures") {
		t.Fatalf("an action without a due date: %d %s", r.status, r.body)
	}

	if d := lead.get("/dashboard"); !strings.Contains(d.body, "Review every blanket rule on the ward") {
		t.Fatalf("the action is not on the provider's dashboard: %s", d.body)
	}
	if c := lead.get("/contracts"); !strings.Contains(c.body, "Restrictive practice roundtable") || !strings.Contains(c.body, "/roundtables/"+rt+"#action-"+action) {
		t.Fatalf("the provider's contracts page: %s", c.body)
	}
	if p := lead.get("/roundtables/" + rt); p.status != http.StatusOK || !strings.Contains(p.body, "Blanket rules on two wards discussed.") ||
		!strings.Contains(p.body, `name="status-`+action+`"`) {
		t.Fatalf("the provider's roundtable: %d %s", p.status, p.body)
	}
	path := "/roundtables/" + rt + "/actions/" + action
	r = lead.post(path, url.Values{"status-" + action: {"done"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "Enter the evidence that the action is done") ||
		!strings.Contains(r.body, `href="#evidence-`+action+`"`) {
		t.Fatalf("done without evidence: %d %s", r.status, r.body)
	}
	if r := lead.post(path, url.Values{"status-" + action: {"done"}, "evidence-" + action: {"Every blanket rule reviewed on 3 November"}}); r.status != http.StatusSeeOther {
		t.Fatalf("close the action: %d %s", r.status, r.body)
	}
	if p := com.get(page); !strings.Contains(p.body, "Every blanket rule reviewed on 3 November") || !strings.Contains(p.body, "Done") {
		t.Fatalf("the commissioner does not see it closed: %s", p.body)
	}
}
