package e2e

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// typeInto tabs forward to a field, as a keyboard user would, and types.
func typeInto(t *testing.T, tb *tab, sel, s string) {
	t.Helper()
	tabTo(t, tb, sel)
	do(t, tb, "type into "+sel, chromedp.KeyEvent(s))
}

// press presses keys on whatever has the focus.
func press(t *testing.T, tb *tab, keys ...string) {
	t.Helper()
	for _, k := range keys {
		do(t, tb, "press a key", chromedp.KeyEvent(k))
	}
}

// submit tabs to a button and presses Enter, then checks the page it loads.
func submit(t *testing.T, tb *tab, name, sel string) int64 {
	t.Helper()
	tabTo(t, tb, sel)
	return follow(t, tb, name, chromedp.KeyEvent(kb.Enter))
}

// Journey: a ward lead records a qualified-right restriction by keyboard
// only, is stopped when trying to restrict an absolute right, then reviews
// and ends the decision. Every page is checked with axe-core.
func TestLeadRecordsAndReviewsADecision(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "lead@northbridge.test")
	// The demo has overdue reviews in Northbridge: the lead sees them first.
	mustContain(t, tb, "main", "Overdue decision reviews", "Take mobile phones from every patient on admission")

	visit(t, tb, "/decisions")
	mustContain(t, tb, "main", "Decisions register", "Blanket rule", "Overdue")
	submit(t, tb, "new-decision", `a[href="/decisions/new"]`)

	// Step 1: the situation.
	tabTo(t, tb, "#service")
	press(t, tb, "W") // "Willow Ward (older adults)"
	typeInto(t, tb, "#proposal", "Keep WW-21's bedroom door alarm on at night")
	typeInto(t, tb, "#reason", "She has fallen twice walking alone at night")
	tabTo(t, tb, "#scope")
	press(t, tb, " ")
	typeInto(t, tb, "#person_ref", "WW-21")
	// Only the chosen answer's follow-up question shows.
	if shown := eval[[]string](t, tb, shownFollowUps); !slices.Equal(shown, []string{"conditional-scope-person"}) {
		t.Errorf("follow-ups shown after choosing one person: %v", shown)
	}
	submit(t, tb, "step-voice", `button[type=submit]:not([name])`)
	if p := here(t, tb); !strings.HasSuffix(p, "/edit/voice") {
		t.Fatalf("after step 1 the address is %s; the page says %s", p, clip(text(t, tb, "main"), 400))
	}
	rec := strings.TrimSuffix(here(t, tb), "/edit/voice")

	// Step 2: the person's voice.
	tabTo(t, tb, "#involved")
	press(t, tb, " ")
	typeInto(t, tb, "#own_words", "I like to walk when I cannot sleep")
	submit(t, tb, "step-rights", `button[type=submit]:not([name])`)

	// Step 3: rights engaged.
	tabTo(t, tb, "#rights-A8")
	press(t, tb, " ")
	submit(t, tb, "step-tests", `button[type=submit]:not([name])`)

	// Step 4: the qualified-right test for Article 8.
	mustContain(t, tb, "main", "A qualified right can be restricted only when it is lawful")
	tabTo(t, tb, "#restricts-A8")
	press(t, tb, " ")
	typeInto(t, tb, "#legal_basis-A8", "Mental Capacity Act 2005, section 5")
	tabTo(t, tb, "#aim-A8")
	press(t, tb, kb.ArrowDown, kb.ArrowDown, kb.ArrowDown, kb.ArrowDown) // protecting health
	typeInto(t, tb, "#necessary-A8", "Two falls this month, one with a head injury")
	typeInto(t, tb, "#less_restrictive-A8", "Hourly checks: she fell between them. Low bed: she still walks.")
	typeInto(t, tb, "#proportionate-A8", "The alarm only tells staff she is up; she can still walk with them")
	submit(t, tb, "step-outcome", `button[type=submit]:not([name])`)

	// Step 5: outcome and review date, a month ahead.
	typeInto(t, tb, "#outcome", "Door alarm on from 22:00; staff walk with her when it sounds")
	typeInto(t, tb, "#decided_by", "Ward manager with her daughter")
	next := time.Now().AddDate(0, 1, 0)
	typeInto(t, tb, "#review_date", fmt.Sprint(next.Day()))
	typeInto(t, tb, "#review_date-month", fmt.Sprint(int(next.Month())))
	typeInto(t, tb, "#review_date-year", fmt.Sprint(next.Year()))
	submit(t, tb, "record-complete", `button[type=submit]`)
	if p := here(t, tb); p != rec {
		t.Fatalf("after the last step the address is %s, want %s", p, rec)
	}
	mustContain(t, tb, "main", "The reasoning is complete", "Mental Capacity Act 2005, section 5", "Protecting health or morals")
	submit(t, tb, "decided", `form[action$="/decide"] button`)
	mustContain(t, tb, "main", "is now in force", "In force", "Decided")

	// An attempt to "justify" an absolute right is stopped with the reason.
	visit(t, tb, "/decisions/new")
	tabTo(t, tb, "#service")
	press(t, tb, "W")
	typeInto(t, tb, "#proposal", "Leave WW-30 in wet bedding so she is not woken")
	tabTo(t, tb, "#scope")
	press(t, tb, " ")
	typeInto(t, tb, "#person_ref", "WW-30")
	submit(t, tb, "absolute-voice", `button[type=submit]:not([name])`)
	abs := strings.TrimSuffix(here(t, tb), "/edit/voice")
	visit(t, tb, abs+"/edit/rights")
	mustContain(t, tb, "main", "Suggested from what you wrote about the situation")
	// The same step in Welsh, suggestions and all.
	visit(t, tb, "/language/cy?next="+url.QueryEscape(abs+"/edit/rights"))
	mustContain(t, tb, "main", "Awgrymwyd o'r hyn a ysgrifennoch am y sefyllfa", "Pa hawliau")
	visit(t, tb, "/language/en?next="+url.QueryEscape(abs+"/edit/rights"))
	tabTo(t, tb, "#rights-A3")
	press(t, tb, " ")
	submit(t, tb, "absolute-tests", `button[type=submit]:not([name])`)
	tabTo(t, tb, "#restricts-A3")
	press(t, tb, " ")
	if st := submit(t, tb, "absolute-stopped", `button[type=submit]:not([name])`); st != http.StatusUnprocessableEntity {
		t.Errorf("restricting an absolute right: HTTP %d, want 422", st)
	}
	mustContain(t, tb, ".govuk-error-summary", "A3 is an absolute right: nothing can justify restricting it")
	mustContain(t, tb, "main", "What to do instead", "Talk to your lead or safeguarding team today")
	if f := focused(t, tb); !strings.Contains(f, "govuk-error-summary") {
		t.Logf("focus after the error: %s", f)
	}
	visit(t, tb, abs)
	mustContain(t, tb, "main", "What is missing from the reasoning", "A3 is an absolute right")

	// Review the first decision and end it; an ended decision cannot be edited.
	visit(t, tb, rec)
	submit(t, tb, "review", `a[href$="/review"]`)
	typeInto(t, tb, "#note", "She now sleeps through with her new medicine; no falls for a month")
	tabTo(t, tb, "#outcome")
	press(t, tb, kb.ArrowDown, kb.ArrowDown) // it ends
	submit(t, tb, "ended", `button[type=submit]`)
	mustContain(t, tb, "main", "has ended", "Ended", "no falls for a month")
	visitStatus(t, tb, rec+"/edit/situation", http.StatusUnprocessableEntity)
	mustContain(t, tb, ".govuk-error-summary", "This decision has ended, so it cannot be changed")

	// The register names decisions by what was decided; the lead finds the
	// ones about WW-07 by her reference.
	visit(t, tb, "/decisions")
	mustContain(t, tb, "main", "Phones kept in the office")
	typeInto(t, tb, "#f-person", "ww 07")
	submit(t, tb, "register-by-person", `form.lb-filters button[type=submit]`)
	mustContain(t, tb, "main", "Ward door locked 22:00 to 07:00")
	if got := strings.TrimSpace(text(t, tb, "main table caption")); got != "1 decision" {
		t.Errorf("the register's caption for one decision says %q", got)
	}
	if strings.Contains(text(t, tb, "main"), "Phones kept in the office") {
		t.Error("searching for WW-07 lists a blanket rule about everyone")
	}

	// Indicators for the lead: charts with their tables, and a CSV.
	visit(t, tb, "/decisions/indicators")
	mustContain(t, tb, "main", "Restrictions in force by right", "Blanket rules in force", "Reviews overdue",
		"Decisions in force with complete reasoning", "Download these figures (CSV)")
	for _, id := range []string{"rights-chart", "services-chart", "months-chart"} {
		if !eval[bool](t, tb, fmt.Sprintf(`!!document.querySelector('svg[aria-labelledby^=%q]')`, id)) {
			t.Errorf("the indicators page has no %s", id)
		}
	}
}

// Journey: a nurse with JavaScript off records a draft, gets errors that keep
// what she typed, and prints the record without the site around it.
func TestNurseRecordsADraftWithoutJavaScript(t *testing.T) {
	tb := newTabNoJS(t)
	signIn(t, tb, "nurse@northbridge.test")
	visit(t, tb, "/decisions/new")
	if eval[bool](t, tb, `document.body.classList.contains('js-enabled')`) {
		t.Fatal("the page ran its scripts: JavaScript is not off")
	}
	// Every follow-up question is on the page, headed by its answer, and
	// usable without scripts.
	if shown := eval[[]string](t, tb, shownFollowUps); len(shown) != 3 {
		t.Errorf("follow-ups shown without JavaScript: %v, want all 3", shown)
	}
	mustContain(t, tb, "#conditional-scope-group", "If you chose “A group”")
	do(t, tb, "type a proposal and a name as the reference",
		chromedp.SendKeys(chromedp.CSS("#proposal"), "Stop visits to WW-44 after 6pm"),
		chromedp.Click(chromedp.CSS("#scope")),
		chromedp.SendKeys(chromedp.CSS("#person_ref"), "Mary Jones"))
	if st := click(t, tb, "errors", `main form button[type=submit]:not([name])`); st != http.StatusUnprocessableEntity {
		t.Errorf("step 1 with errors: HTTP %d, want 422", st)
	}
	mustContain(t, tb, ".govuk-error-summary", "Select the ward, team or home", "not the person’s name")
	if v := value(t, tb, "#proposal"); v != "Stop visits to WW-44 after 6pm" {
		t.Errorf("the proposal was lost: %q", v)
	}
	eval[bool](t, tb, `(document.querySelector('#service').selectedIndex = 1, document.querySelector('#person_ref').value = '', true)`)
	do(t, tb, "type a reference", chromedp.SendKeys(chromedp.CSS("#person_ref"), "WW-44"))
	click(t, tb, "draft-record", `main form button[name=then][value=record]`)
	mustContain(t, tb, "main", "Draft", "What is missing from the reasoning", "Stop visits to WW-44 after 6pm", "Person WW-44")

	// Printed, the record keeps its content and drops the site's header,
	// buttons and the links to change answers.
	setMedia(t, tb, "print")
	for _, sel := range []string{".govuk-header", ".govuk-footer", ".govuk-summary-list__actions", ".govuk-button", ".lb-account-bar"} {
		if eval[bool](t, tb, fmt.Sprintf(`[...document.querySelectorAll(%q)].some(e => getComputedStyle(e).display !== 'none')`, sel)) {
			t.Errorf("printing shows %s", sel)
		}
	}
	if !eval[bool](t, tb, `getComputedStyle(document.querySelector('main h1')).display !== 'none'`) {
		t.Error("printing hides the record itself")
	}
	shot(t, tb, "print")
	setMedia(t, tb, "")

	// She thinks better of it and throws the draft away; the register no
	// longer lists it.
	rec := here(t, tb)
	click(t, tb, "discard-confirm", `a[href$="/discard"]`)
	mustContain(t, tb, "main", "Discard this draft?", "Stop visits to WW-44 after 6pm", "kept in the audit log")
	click(t, tb, "discarded", `main form button[type=submit]`)
	mustContain(t, tb, "main", "has been discarded", "Decisions register")
	if strings.Contains(text(t, tb, "main table"), "Stop visits to WW-44 after 6pm") {
		t.Error("the register still lists the discarded draft")
	}
	visitStatus(t, tb, rec, http.StatusNotFound)
}

// shownFollowUps lists the ids of the radios' follow-up questions on show.
const shownFollowUps = `[...document.querySelectorAll('.govuk-radios__conditional')].filter(e => getComputedStyle(e).display !== 'none').map(e => e.id)`

// setMedia emulates a CSS media type, such as "print"; "" goes back to screen.
func setMedia(t *testing.T, tb *tab, media string) {
	t.Helper()
	ctx, cancel := within(tb)
	defer cancel()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media}); err != nil {
		t.Fatalf("emulate %q media: %v", media, err)
	}
}
