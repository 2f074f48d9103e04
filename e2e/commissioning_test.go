package e2e

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The commissioning journey uses the demo: commissioner@westshire.test
// (Colin Burke) commissions for Westshire ICB, and lead@northbridge.test
// (Leon Marsh) answers Northbridge's returns; Northbridge shares its
// Traffic Light reviews with Westshire.

// Journey: Westshire publishes a new version of its principles, read by a
// visitor without JavaScript in English and Welsh with the earlier
// version; it records a contract with Northbridge (a mistake first, nothing
// lost), attaches a requirement from the library by keyboard and sets
// quarterly returns (a mistake first), whose first the job opens and emails;
// Northbridge's lead, without JavaScript, sends that return with evidence
// from its shared Traffic Light review and the totals of its blanket
// restrictions register (a missing rating first); Westshire
// sees it sent on time and issues a draft assurance report; Northbridge
// comments on its facts in Welsh; when the window closes the job makes the
// report final and comments stop.
func TestCommissioningContractReturnAndDraftReport(t *testing.T) {
	n := time.Now().UnixNano() % 100000
	title := fmt.Sprintf("Community mental health teams %d", n)
	principle := fmt.Sprintf("6. We publish what we learn from every provider, version %d.", n)

	com := newTab(t)
	signIn(t, com, "commissioner@westshire.test")
	click(t, com, "commissioning", `main a[href="/commissioning"]`)
	mustContain(t, com, "main", "Your contracts", "Adult acute mental health inpatient services", "Residential and nursing care")
	click(t, com, "principles", `main a[href="/commissioning/principles"]`)
	do(t, com, "add a principle in both languages",
		chromedp.SetValue(chromedp.CSS("#body_en"), value(t, com, "#body_en")+"\n"+principle),
		chromedp.SetValue(chromedp.CSS("#body_cy"), value(t, com, "#body_cy")+"\n6. Rydym yn cyhoeddi'r hyn a ddysgwn."))
	click(t, com, "principles-published", `main form button[type=submit]`)
	mustContain(t, com, "main", "of your principles is published", "Versions published")

	visitor := newTabNoJS(t)
	visit(t, visitor, "/principles/westshire-icb")
	mustContain(t, visitor, "main", "Westshire Integrated Care Board", principle, "Every version")
	click(t, visitor, "earlier-version", `main a[href="/principles/westshire-icb/versions/1"]`)
	mustContain(t, visitor, "main", "This is an earlier version.")
	visit(t, visitor, "/language/cy?next=/principles/westshire-icb")
	mustContain(t, visitor, "main", "Egwyddorion hawliau dynol ar gyfer comisiynu", "Rydym yn cyhoeddi'r hyn a ddysgwn.")

	// A contract that ends before it starts is refused; what was typed stays.
	visit(t, com, "/commissioning/contracts/new")
	nb := eval[string](t, com, `[...document.querySelectorAll('input[name="provider"]')].find(i => document.querySelector('label[for="'+i.id+'"]').textContent.includes('Northbridge')).id`)
	do(t, com, "a contract ending too soon",
		chromedp.SendKeys(chromedp.CSS("#title"), title),
		chromedp.Click(chromedp.CSS("#"+nb)),
		chromedp.SendKeys(chromedp.CSS("#services"), "North community team\nSouth community team"),
		chromedp.SendKeys(chromedp.CSS("#value"), "4,500,000"),
		chromedp.SendKeys(chromedp.CSS("#starts_on"), "1"), chromedp.SendKeys(chromedp.CSS("#starts_on-month"), "4"),
		chromedp.SendKeys(chromedp.CSS("#starts_on-year"), "2026"),
		chromedp.SendKeys(chromedp.CSS("#ends_on"), "31"), chromedp.SendKeys(chromedp.CSS("#ends_on-month"), "3"),
		chromedp.SendKeys(chromedp.CSS("#ends_on-year"), "2026"))
	if st := click(t, com, "contract-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Fatalf("a contract ending before it starts: HTTP %d", st)
	}
	mustContain(t, com, ".govuk-error-summary", "The contract must end after it starts")
	if v := value(t, com, "#title"); v != title {
		t.Fatalf("the contract's name was lost: %q", v)
	}
	do(t, com, "end it in 2030", chromedp.SetValue(chromedp.CSS("#ends_on-year"), "2030"))
	click(t, com, "contract-recorded", `main form button[type=submit]`)
	mustContain(t, com, "main", title, "Northbridge NHS Foundation Trust", "£4,500,000.00", "The contract carries no requirements yet.")

	// Attach the first requirement of the library by keyboard.
	tabTo(t, com, "#requirement")
	do(t, com, "choose the first requirement", chromedp.KeyEvent(" "),
		chromedp.SendKeys(chromedp.CSS("#due_on"), "30"), chromedp.SendKeys(chromedp.CSS("#due_on-month"), "6"),
		chromedp.SendKeys(chromedp.CSS("#due_on-year"), "2027"))
	tabTo(t, com, `main form[action$="/requirements"] button`)
	follow(t, com, "requirement-attached", chromedp.KeyEvent(kb.Enter))
	mustContain(t, com, "main", "The requirement is attached to the contract.", "R01", "No answer yet")
	contract := here(t, com)
	id := strings.TrimPrefix(contract, "/commissioning/contracts/")

	// Quarterly returns, the first due in a fortnight: a missing answer
	// first, the date kept; then the job opens the first and emails the lead.
	due := time.Now().AddDate(0, 0, 14)
	do(t, com, "a schedule without how often", chromedp.SendKeys(chromedp.CSS("#first_due"), fmt.Sprint(due.Day())),
		chromedp.SendKeys(chromedp.CSS("#first_due-month"), fmt.Sprint(int(due.Month()))),
		chromedp.SendKeys(chromedp.CSS("#first_due-year"), fmt.Sprint(due.Year())))
	if st := click(t, com, "schedule-error", `main form[action$="/schedule"] button`); st != http.StatusUnprocessableEntity {
		t.Fatalf("a schedule without how often: HTTP %d", st)
	}
	mustContain(t, com, ".govuk-error-summary", "Choose how often returns are due")
	if v := value(t, com, "#first_due-year"); v != fmt.Sprint(due.Year()) {
		t.Fatalf("the first return's year was lost: %q", v)
	}
	do(t, com, "every quarter", chromedp.Click(chromedp.CSS(`input[name="frequency"][value="quarterly"]`)))
	click(t, com, "schedule-saved", `main form[action$="/schedule"] button`)
	mustContain(t, com, "main", "The return schedule is saved.", "Scheduled returns")
	if body, _ := mailTo(t, "lead@northbridge.test", "A return is open: "+title); !strings.Contains(body, "/contracts/"+id) {
		t.Fatalf("the return's email has no link to the contract:\n%s", body)
	}
	visit(t, com, contract)
	mustContain(t, com, "main", "Open now", "Not open yet")

	// Northbridge's lead answers, without JavaScript.
	lead := newTabNoJS(t)
	signIn(t, lead, "lead@northbridge.test")
	click(t, lead, "contracts", `main a[href="/contracts"]`)
	click(t, lead, "contract", fmt.Sprintf(`main a[href="/contracts/%s"]`, id))
	cr := strings.TrimPrefix(eval[string](t, lead, `document.querySelector('input[name^="rating-"]').name`), "rating-")
	mustContain(t, lead, "main", "Which return are you sending?", "Open now")
	do(t, lead, "a return without a rating", chromedp.Click(chromedp.CSS(`input[name="period_id"]`)),
		chromedp.SendKeys(chromedp.CSS("#evidence-"+cr), "Blanket restrictions register reviewed in May"))
	if st := click(t, lead, "return-error", `main form[action$="/return"] button`); st != http.StatusUnprocessableEntity {
		t.Fatalf("a return without a rating: HTTP %d", st)
	}
	mustContain(t, lead, ".govuk-error-summary", "Rate requirement R01 red, amber or green")
	if v := value(t, lead, "#evidence-"+cr); v != "Blanket restrictions register reviewed in May" {
		t.Fatalf("the evidence was lost: %q", v)
	}
	review := eval[string](t, lead, fmt.Sprintf(`[...document.querySelectorAll('input[name="review-%s"]')].find(i => i.value !== '' && !document.querySelector('label[for="'+i.id+'"]').textContent.includes('not shared')).id`, cr))
	do(t, lead, "rate amber and attach the shared review and the restrictions register",
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name="rating-%s"][value="amber"]`, cr))), chromedp.Click(chromedp.CSS("#"+review)),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name="counted-%s"][value="restrictions"]`, cr))))
	click(t, lead, "returned", `main form[action$="/return"] button`)
	mustContain(t, lead, "main", "Your return is sent to Westshire Integrated Care Board.")

	// Westshire sees the answer, the review's figure and the return sent on
	// time, and issues a draft.
	visit(t, com, contract)
	mustContain(t, com, "main", "Blanket restrictions register reviewed in May", "Amber", " green, ", " red", "Sent on time",
		"Restrictions register: ", "blanket restrictions in force")
	click(t, com, "assess", fmt.Sprintf(`main a[href="/commissioning/contracts/%s/assess"]`, id))
	do(t, com, "rate and summarise", chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name="rating-%s"][value="amber"]`, cr))),
		chromedp.SendKeys(chromedp.CSS("#summary"), "The register exists; reviews are not yet quarterly on every team."))
	click(t, com, "draft-issued", `main form button[type=submit]`)
	mustContain(t, com, "main", "The draft report is issued", "Draft, open to the provider to check")

	// Northbridge comments on the draft's facts, in Welsh.
	visit(t, lead, "/language/cy?next=/contracts/"+id)
	mustContain(t, lead, "main", "Drafft, ar agor i'r darparwr ei wirio", "Sylw ar ffeithiau'r drafft")
	do(t, lead, "a comment on the facts", chromedp.SendKeys(chromedp.CSS("#comment"), "Mae'r gofrestr wedi'i hadolygu ar 2 Mai."))
	click(t, lead, "commented", `main form[action$="/comment"] button`)
	mustContain(t, lead, "main", "Mae eich sylw wedi'i anfon gyda'r adroddiad drafft.", "Mae'r gofrestr wedi'i hadolygu ar 2 Mai.")

	visit(t, com, contract)
	mustContain(t, com, "main", "Mae'r gofrestr wedi'i hadolygu ar 2 Mai.")

	// Fourteen days on, as the clock would have it, the job makes it final.
	rid := eval[string](t, lead, `(document.querySelector('form[action*="/reports/"]')?.getAttribute('action') || '').split('/')[4] || ''`)
	if rid == "" {
		t.Fatal("the draft report's id is not on the provider's page")
	}
	past := time.Now().UTC().Add(-time.Minute)
	writeDB(t, `UPDATE comm_assessments SET window_ends_at = ? WHERE id = ?`, past, rid)
	writeDB(t, `UPDATE jobs SET run_at = ? WHERE kind = 'commissioning.factcheck_close' AND payload = ?`, past, rid)
	final := false
	for i := 0; i < 30 && !final; i++ {
		visit(t, com, contract)
		if final = strings.Contains(text(t, com, "main"), "Final since"); !final {
			time.Sleep(500 * time.Millisecond)
		}
	}
	if !final {
		t.Fatal("the fact-check job did not make the report final")
	}
	visit(t, lead, "/language/en?next=/contracts/"+id)
	if n := eval[int](t, lead, `document.querySelectorAll('form[action*="/comment"]').length`); n != 0 {
		t.Fatalf("the provider can still comment on a final report: %d forms", n)
	}
}

// Journey: Westshire records a roundtable with Northbridge (its name
// missing first, who came kept) and agrees an action Northbridge owns,
// choosing the requirement it serves by keyboard; Northbridge's lead,
// without JavaScript, finds it on the dashboard and the contracts page,
// reads the plan in Welsh and closes the action (evidence missing first);
// Westshire sees it done with its evidence.
func TestCommissioningRoundtableActionClosedByProvider(t *testing.T) {
	n := time.Now().UnixNano() % 100000
	action := fmt.Sprintf("Review every blanket rule on Willow Ward, round %d", n)

	com := newTab(t)
	signIn(t, com, "commissioner@westshire.test")
	click(t, com, "commissioning", `main a[href="/commissioning"]`)
	click(t, com, "roundtables", `main a[href="/commissioning/roundtables"]`)
	click(t, com, "roundtable-new", `main a[href="/commissioning/roundtables/new"]`)
	nb := eval[string](t, com, `[...document.querySelectorAll('input[name="providers"]')].find(i => document.querySelector('label[for="'+i.id+'"]').textContent.includes('Northbridge')).id`)
	do(t, com, "a roundtable without a name", chromedp.SendKeys(chromedp.CSS("#held_on"), "2"),
		chromedp.SendKeys(chromedp.CSS("#held_on-month"), "12"), chromedp.SendKeys(chromedp.CSS("#held_on-year"), "2026"),
		chromedp.Click(chromedp.CSS("#"+nb)), chromedp.SendKeys(chromedp.CSS("#attendees"), "Colin Burke, Westshire ICB\nLeon Marsh, Northbridge"))
	if st := click(t, com, "roundtable-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Fatalf("a roundtable without a name: HTTP %d", st)
	}
	mustContain(t, com, ".govuk-error-summary", "Enter the roundtable's name")
	if v := value(t, com, "#attendees"); !strings.Contains(v, "Leon Marsh, Northbridge") {
		t.Fatalf("who came was lost: %q", v)
	}
	do(t, com, "name it", chromedp.SendKeys(chromedp.CSS("#title"), fmt.Sprintf("Restrictive practice roundtable %d", n)),
		chromedp.SendKeys(chromedp.CSS("#notes"), "Blanket rules on two wards discussed."))
	click(t, com, "roundtable-recorded", `main form button[type=submit]`)
	mustContain(t, com, "main", "The roundtable is recorded.", "Northbridge NHS Foundation Trust", "No actions yet.")
	rt := here(t, com)
	id := strings.TrimPrefix(rt, "/commissioning/roundtables/")

	owner := eval[string](t, com, `[...document.querySelectorAll('input[name="owner_org"]')].find(i => document.querySelector('label[for="'+i.id+'"]').textContent.includes('Northbridge')).id`)
	do(t, com, "an action Northbridge owns", chromedp.SendKeys(chromedp.CSS("#text"), action), chromedp.Click(chromedp.CSS("#"+owner)),
		chromedp.SendKeys(chromedp.CSS("#owner"), "Ward manager, Willow Ward"),
		chromedp.SendKeys(chromedp.CSS("#due_on"), "31"), chromedp.SendKeys(chromedp.CSS("#due_on-month"), "1"),
		chromedp.SendKeys(chromedp.CSS("#due_on-year"), "2027"))
	tabTo(t, com, "#requirement")
	do(t, com, "the first requirement, by keyboard", chromedp.KeyEvent(kb.ArrowDown))
	click(t, com, "action-added", `main form[action$="/actions"] button`)
	mustContain(t, com, "main", "The action is added to the plan.", action, "R01", "Not started")

	lead := newTabNoJS(t)
	signIn(t, lead, "lead@northbridge.test")
	mustContain(t, lead, "main", "Actions agreed with commissioners and providers", action)
	click(t, lead, "contracts", `main a[href="/contracts"]`)
	mustContain(t, lead, "main", "Actions your organisation owns", action)
	click(t, lead, "roundtable", fmt.Sprintf(`main a[href="/roundtables/%s"]`, id))
	mustContain(t, lead, "main", "Blanket rules on two wards discussed.", action)
	act := strings.TrimPrefix(eval[string](t, lead, `document.querySelector('input[name^="status-"]').name`), "status-")
	do(t, lead, "done without evidence", chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name="status-%s"][value="done"]`, act))))
	if st := click(t, lead, "action-error", `main form[action$="/actions/`+act+`"] button`); st != http.StatusUnprocessableEntity {
		t.Fatalf("done without evidence: HTTP %d", st)
	}
	mustContain(t, lead, ".govuk-error-summary", "Enter the evidence that the action is done")
	visit(t, lead, "/language/cy?next=/roundtables/"+id)
	mustContain(t, lead, "main", "Cynllun gweithredu", "Darparwyr a gymerodd ran")
	visit(t, lead, "/language/en?next=/roundtables/"+id)
	do(t, lead, "done, with evidence", chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name="status-%s"][value="done"]`, act))),
		chromedp.SendKeys(chromedp.CSS("#evidence-"+act), "Every blanket rule on Willow Ward reviewed on 3 December"))
	click(t, lead, "action-done", `main form[action$="/actions/`+act+`"] button`)
	mustContain(t, lead, "main", "The action is updated.", "Every blanket rule on Willow Ward reviewed on 3 December")

	visit(t, com, rt)
	mustContain(t, com, "main", "Done", "Every blanket rule on Willow Ward reviewed on 3 December", "Leon Marsh")
}

// Journey: Westshire plans a quality visit to Willow Ward under its
// Northbridge contract (the team missing first, what was typed kept),
// records a finding against a requirement, turns it into Northbridge's
// action and moves the contract to an improvement plan with its reason;
// Northbridge's lead, without JavaScript, sees the state and its history,
// reads the visit and starts the action.
func TestCommissioningQualityVisitAndEscalation(t *testing.T) {
	n := time.Now().UnixNano() % 100000
	finding := fmt.Sprintf("The garden door is locked for everyone at night, round %d", n)

	com := newTab(t)
	signIn(t, com, "commissioner@westshire.test")
	click(t, com, "commissioning", `main a[href="/commissioning"]`)
	follow(t, com, "contract", chromedp.Click(chromedp.Search(`//main//a[contains(., "Adult acute mental health inpatient services")]`)))
	contract := here(t, com)
	id := strings.TrimPrefix(contract, "/commissioning/contracts/")
	click(t, com, "visit-new", fmt.Sprintf(`main a[href="/commissioning/contracts/%s/visits/new"]`, id))
	do(t, com, "a visit without its team", chromedp.Click(chromedp.CSS(`input[name="service"][value="Willow Ward"]`)),
		chromedp.SendKeys(chromedp.CSS("#planned_on"), "3"), chromedp.SendKeys(chromedp.CSS("#planned_on-month"), "12"),
		chromedp.SendKeys(chromedp.CSS("#planned_on-year"), "2026"))
	if st := click(t, com, "visit-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Fatalf("a visit without its team: HTTP %d", st)
	}
	mustContain(t, com, ".govuk-error-summary", "Enter the visiting team, by name or role")
	if v := value(t, com, "#planned_on-year"); v != "2026" {
		t.Fatalf("the day of the visit was lost: %q", v)
	}
	do(t, com, "the team", chromedp.SendKeys(chromedp.CSS("#team"), "Colin Burke, quality lead\nTwo lived experience experts"))
	click(t, com, "visit-planned", `main form button[type=submit]`)
	mustContain(t, com, "main", "The visit is planned.", "Visit to Willow Ward", "Nothing recorded yet.")
	vid := strings.TrimPrefix(here(t, com), "/commissioning/visits/")

	cr := strings.TrimPrefix(eval[string](t, com, `document.querySelector('input[name^="rating-"]').name`), "rating-")
	do(t, com, "a finding", chromedp.SendKeys(chromedp.CSS("#visited_on"), "3"), chromedp.SendKeys(chromedp.CSS("#visited_on-month"), "12"),
		chromedp.SendKeys(chromedp.CSS("#visited_on-year"), "2026"), chromedp.SendKeys(chromedp.CSS("#summary"), "Warm and respectful; one blanket rule."),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name="rating-%s"][value="red"]`, cr))), chromedp.SendKeys(chromedp.CSS("#finding-"+cr), finding))
	click(t, com, "findings-saved", `main form[action$="/findings"] button`)
	mustContain(t, com, "main", "What the team found is recorded.", finding, "Red")
	owner := eval[string](t, com, `[...document.querySelectorAll('input[name="owner_org"]')].find(i => document.querySelector('label[for="'+i.id+'"]').textContent.includes('Northbridge')).id`)
	do(t, com, "Northbridge's action", chromedp.SendKeys(chromedp.CSS("#text"), "Review the garden door rule with each person on the ward"),
		chromedp.Click(chromedp.CSS("#"+owner)), chromedp.SendKeys(chromedp.CSS("#owner"), "Ward manager, Willow Ward"),
		chromedp.SendKeys(chromedp.CSS("#due_on"), "15"), chromedp.SendKeys(chromedp.CSS("#due_on-month"), "1"),
		chromedp.SendKeys(chromedp.CSS("#due_on-year"), "2027"))
	click(t, com, "visit-action", `main form[action$="/actions"] button`)
	mustContain(t, com, "main", "The action is added to the plan.", "Review the garden door rule")

	visit(t, com, contract)
	do(t, com, "an improvement plan", chromedp.Click(chromedp.CSS(`input[name="state"][value="improvement"]`)),
		chromedp.SendKeys(chromedp.CSS("#reason"), finding))
	click(t, com, "escalated", `main form[action$="/escalation"] button`)
	mustContain(t, com, "main", "The contract's state is changed.", "Improvement plan", "Colin Burke")

	lead := newTabNoJS(t)
	signIn(t, lead, "lead@northbridge.test")
	visit(t, lead, "/contracts/"+id)
	mustContain(t, lead, "main", "Improvement plan", finding)
	click(t, lead, "visit", fmt.Sprintf(`main a[href="/visits/%s"]`, vid))
	mustContain(t, lead, "main", finding, "Review the garden door rule")
	act := strings.TrimPrefix(eval[string](t, lead, `document.querySelector('input[name^="status-"]').name`), "status-")
	do(t, lead, "start the action", chromedp.Click(chromedp.CSS(fmt.Sprintf(`input[name="status-%s"][value="in_progress"]`, act))))
	click(t, lead, "action-started", `main form[action$="/actions/`+act+`"] button`)
	mustContain(t, lead, "main", "The action is updated.", "In progress")
}
