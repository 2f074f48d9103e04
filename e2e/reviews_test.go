package e2e

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The Traffic Light review journey at Northbridge: the lead adds a ward no
// demo data uses to the organisation's list (and is refused Ward 7 typed
// again with a straight apostrophe), starts a review of it, a nurse and a
// lived experience expert rate it, the lead agrees and submits it and adds
// an action, a second review of the same service shows the change, a repeat
// review of Ward 7 typed with a straight apostrophe is compared with the
// demo's last one, and the roll-up is shared with Westshire ICB, whose
// commissioner sees it and nothing else of Northbridge. Each part has its
// own tab, so no tab outlives journeyTimeout; forms are filled with the
// keyboard.
const (
	reviewSubject = "Day hospital"
	ward7         = "Ward 7 (older people’s mental health)"
)

func TestReviewJourney(t *testing.T) {
	leadKeepsTheList(t)
	first := startReviewByKeyboard(t, reviewSubject, true, "1", "4", "2026", "30", "9", "2026")
	leadAsksPeopleWhoUseTheService(t, first)
	someoneWhoUsesTheServiceRates(t)
	rateByKeyboard(t, "nurse@northbridge.test", false, first, "KR1", kb.ArrowRight, "Only two of us could name a right.")
	rateByKeyboard(t, "expert@lightbulb.test", true, first, "KR1", kb.ArrowRight+kb.ArrowRight, "People told me nobody explained their rights.")
	agreeAndAct(t, first)
	ownerMovesTheActionOn(t)
	second := startReviewByKeyboard(t, reviewSubject, true, "1", "10", "2026", "31", "3", "2027")
	nurseRatesGreen(t, second, "KR3")
	secondRoundAndShare(t, second)
	repeatOfWard7(t)
	commissionerSeesOnlyTheRollup(t, first)
}

// leadKeepsTheList: from the review form the lead follows the link to the
// list of wards, teams and homes, adds the day hospital, and is refused
// Ward 7 typed with a straight apostrophe, which the list already has.
func leadKeepsTheList(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "lead@northbridge.test")
	visit(t, tb, "/reviews/new")
	click(t, tb, "units", `main a[href="/units"]`)
	mustContain(t, tb, "main table", ward7, "Maternity unit")
	pressIn(t, tb, "#name", "Ward 7 (older people's mental health)")
	if status := follow(t, tb, "unit-twice", chromedp.KeyEvent(kb.Enter)); status != http.StatusUnprocessableEntity {
		t.Errorf("adding Ward 7 again answered %d, want 422", status)
	}
	mustContain(t, tb, ".govuk-error-summary", "already has a ward, team or home with this name")
	if v := value(t, tb, "#name"); v != "Ward 7 (older people's mental health)" {
		t.Errorf("the name typed was not kept: %q", v)
	}
	shot(t, tb, "units-refused")
	setText(t, tb, "#name", reviewSubject)
	follow(t, tb, "unit-added", chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, ".govuk-notification-banner", reviewSubject+" has been added.")
	mustContain(t, tb, "main table", reviewSubject)
}

// repeatOfWard7 starts a review of Ward 7 by typing its name with a straight
// apostrophe into the list, agrees and submits it, and finds it compared
// with the demo's last review of Ward 7; the grid has one Ward 7 row.
func repeatOfWard7(t *testing.T) {
	review := startReviewByKeyboard(t, "Ward 7 (older people's mental health)", false, "1", "4", "2026", "30", "9", "2026")
	tb := newTab(t)
	signIn(t, tb, "lead@northbridge.test")
	visit(t, tb, review+"/agree")
	agreeAll(t, tb, nil)
	pressIn(t, tb, `main form button[value=submit]`)
	follow(t, tb, "ward7-submitted", chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, "main", ward7, "Compared with the review of", "1 Oct 2025")
	if strings.Contains(text(t, tb, "main"), "This is the first submitted review") {
		t.Error("the repeat review of Ward 7 was not compared with the last one")
	}
	visit(t, tb, "/reviews/grid")
	if n := eval[int](t, tb, `[...document.querySelectorAll('main table tbody tr')].filter(r => r.textContent.includes('Ward 7')).length`); n != 1 {
		t.Errorf("the grid has %d Ward 7 rows, want 1", n)
	}
}

// pressIn focuses an element, as Tab would, and sends it keys.
func pressIn(t *testing.T, tb *tab, sel string, keys ...string) {
	t.Helper()
	if !eval[bool](t, tb, fmt.Sprintf(`(e => e ? (e.focus(), document.activeElement === e) : false)(document.querySelector(%q))`, sel)) {
		t.Fatalf("cannot focus %s on %s", sel, here(t, tb))
	}
	for _, k := range keys {
		do(t, tb, "press keys in "+sel, chromedp.KeyEvent(k))
	}
}

// startReviewByKeyboard starts a review of the unit typed into the list as
// the lead and, if asked, invites the nurse (staff) and the expert; it
// returns the review's address.
func startReviewByKeyboard(t *testing.T, unit string, invites bool, sd, sm, sy, ed, em, ey string) string {
	tb := newTab(t)
	signIn(t, tb, "lead@northbridge.test")
	click(t, tb, "reviews", `main a[href="/reviews"]`)
	mustContain(t, tb, "main", "Traffic Light reviews", "Ward 7")
	click(t, tb, "review-new", `main a[href="/reviews/new"]`)

	pressIn(t, tb, "#unit", unit)
	chosen := eval[string](t, tb, `(s => s.options[s.selectedIndex].text)(document.querySelector('#unit'))`)
	if lightbulb.UnitKey(chosen) != lightbulb.UnitKey(unit) {
		t.Fatalf("typing %q into the list chose %q", unit, chosen)
	}
	tabTo(t, tb, "#start")
	for _, k := range []string{sd, kb.Tab, sm, kb.Tab, sy, kb.Tab, ed, kb.Tab, em, kb.Tab, ey} {
		do(t, tb, "type the period", chromedp.KeyEvent(k))
	}
	follow(t, tb, "review-started", chromedp.KeyEvent(kb.Enter))
	addr := here(t, tb)
	if !strings.HasPrefix(addr, "/reviews/") {
		t.Fatalf("starting a review landed on %s; the page says:\n%s", addr, clip(text(t, tb, "main"), 600))
	}
	mustContain(t, tb, "main h1", chosen)
	mustContain(t, tb, ".govuk-notification-banner", "Your review has started")
	if !invites {
		return addr
	}
	invite(t, tb, "Niamh", "#kind")
	invite(t, tb, "Esther", "#kind-expert")
	mustContain(t, tb, "#contributors + ul", "Niamh Kelly", "Esther Okafor (contributes as Lived experience expert)")
	return addr
}

// reviewLink is the rating link in an invitation email.
var reviewLink = regexp.MustCompile(`/reviews/\d+/rate\?org=\d+`)

// invite chooses a person by typing their name into the list, and how they
// contribute with the Space bar, then presses Enter on Invite.
func invite(t *testing.T, tb *tab, name, kind string) {
	t.Helper()
	pressIn(t, tb, "#person", name)
	pressIn(t, tb, kind, " ")
	tabTo(t, tb, `form[action$="/contributors"] button[type=submit]`)
	follow(t, tb, "invited-"+name, chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, ".govuk-notification-banner", "has been invited to contribute")
}

// rateByKeyboard rates one statement as a contributor: arrow keys move from
// Green to the rating wanted, then the evidence is typed. An empty evidence
// box is refused first, and the choice is kept.
func rateByKeyboard(t *testing.T, email string, switchOrg bool, review, code, arrows, evidence string) {
	tb := newTab(t)
	signIn(t, tb, email)
	if switchOrg {
		// She works in another organisation: her list shows Northbridge's
		// invitation, and the emailed link takes her to Northbridge.
		click(t, tb, "invited-reviews", `main a[href="/reviews"]`)
		mustContain(t, tb, "main", "Waiting for your ratings", reviewSubject, "Northbridge NHS Foundation Trust")
		visit(t, tb, link(t, email, "Please rate a Traffic Light review: "+reviewSubject, reviewLink))
		mustContain(t, tb, ".govuk-notification-banner", "You are now working in Northbridge")
		if at := here(t, tb); at != review+"/rate" {
			t.Fatalf("the emailed link led to %s, want %s/rate", at, review)
		}
	} else {
		click(t, tb, "invited-reviews", `main a[href="/reviews"]`)
		mustContain(t, tb, "main", reviewSubject)
		visit(t, tb, review)
		click(t, tb, "rate", `main a[href$="/rate"]`)
	}
	pressIn(t, tb, "#rating-"+code, " ", arrows)
	pressIn(t, tb, `main form button[value=save]`)
	if status := follow(t, tb, "rate-no-evidence", chromedp.KeyEvent(kb.Enter)); status != http.StatusUnprocessableEntity {
		t.Errorf("a rating without evidence answered %d, want 422", status)
	}
	mustContain(t, tb, ".govuk-error-summary", "Enter the evidence for a red or amber rating")
	pressIn(t, tb, "#evidence-"+code, evidence)
	pressIn(t, tb, `main form button[value=save]`)
	follow(t, tb, "rated", chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, ".govuk-notification-banner", "Your ratings have been saved")
}

// agreeAll rates every statement not yet rated on the agree page by
// keyboard: Space on Green, and for the codes in change the arrows and
// evidence given.
func agreeAll(t *testing.T, tb *tab, change map[string][2]string) {
	t.Helper()
	codes := eval[[]string](t, tb, `[...document.querySelectorAll('main input[type=radio][value=green]')].filter(e => document.querySelector('input[name="' + e.name + '"]:checked').value === '').map(e => e.name.slice(7))`)
	if len(codes) < 20 {
		t.Fatalf("the agree page has %d statements, want at least 20", len(codes))
	}
	for _, c := range codes {
		if ch, ok := change[c]; ok {
			pressIn(t, tb, "#rating-"+c, " ", ch[0])
			pressIn(t, tb, "#evidence-"+c, kb.End, ch[1])
			continue
		}
		pressIn(t, tb, "#rating-"+c, " ")
	}
}

// agreeAndAct agrees the final ratings of the first review, submits it and
// turns its red statement into an action.
func agreeAndAct(t *testing.T, review string) {
	tb := newTab(t)
	signIn(t, tb, "lead@northbridge.test")
	visit(t, tb, review+"/agree")
	mustContain(t, tb, "main", "Only two of us could name a right.", "Esther Okafor", "(Lived experience expert)")
	// The nurse said amber and the expert red: the page says they differ,
	// links to the statement and leaves the choice to the lead.
	mustContain(t, tb, "main .govuk-inset-text", "Contributors differ on these statements")
	mustContain(t, tb, "main", "Contributors differ")
	if eval[bool](t, tb, `document.querySelector('main .govuk-inset-text a[href="#rating-KR1"]') === null`) {
		t.Error("the statement contributors differ on is not linked")
	}
	// Dai (by the emailed link) and the coffee morning both said amber.
	mustContain(t, tb, "main", "Someone who uses the service, by an emailed link", "Nobody asked me what I wanted.",
		"Views gathered in a group", "Coffee morning at the day hospital")
	if !eval[bool](t, tb, `document.querySelector('#rating-KR3-amber').checked`) {
		t.Error("the amber that Dai and the group agree on is not filled in")
	}

	// Submitting with statements unrated is refused and keeps the choices.
	pressIn(t, tb, "#rating-KR1", " ", kb.ArrowRight+kb.ArrowRight)
	pressIn(t, tb, "#evidence-KR1", "Agreed: most staff could not name a right.")
	pressIn(t, tb, `main form button[value=submit]`)
	if status := follow(t, tb, "submit-too-early", chromedp.KeyEvent(kb.Enter)); status != http.StatusUnprocessableEntity {
		t.Errorf("submitting half-rated answered %d, want 422", status)
	}
	mustContain(t, tb, ".govuk-error-summary", "Agree a rating for every statement")
	if !eval[bool](t, tb, `document.querySelector('#rating-KR1-red').checked`) {
		t.Error("the red rating chosen before the error was lost")
	}

	agreeAll(t, tb, map[string][2]string{
		"KR2": {kb.ArrowRight, "Leaflets exist but are not handed out."},
		"DR2": {kb.ArrowRight, "Visiting times are fixed for everyone."},
	})
	pressIn(t, tb, `main form button[value=submit]`)
	follow(t, tb, "submitted", chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, ".govuk-notification-banner", "The review has been submitted")
	mustContain(t, tb, "main", "Summary by theme", "Ratings by theme", "This is the first submitted review")
	if n := eval[int](t, tb, `document.querySelectorAll('main figure.lb-chart svg text').length`); n < 7 {
		t.Errorf("the chart has %d text labels, want the themes and the counts", n)
	}
	if eval[bool](t, tb, `document.querySelector('a[href$="/rate"], a[href$="/agree"]') !== null`) {
		t.Error("a submitted review still offers rating")
	}

	click(t, tb, "action-new", `main a[href$="/actions/new?statement=KR1"]`)
	tabTo(t, tb, "#description")
	do(t, tb, "describe the action", chromedp.KeyEvent("Ten-minute huddles on the rights at every handover for a month."))
	pressIn(t, tb, "#owner", "Niamh")
	tabTo(t, tb, "#due")
	for _, k := range []string{"1", kb.Tab, "3", kb.Tab, "2026"} {
		do(t, tb, "type the due date", chromedp.KeyEvent(k))
	}
	follow(t, tb, "action-added", chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, "#actions ~ .lb-table-scroll table", "Ten-minute huddles", "Niamh Kelly", "Overdue")

	csv := fetchText(t, tb, `fetch(location.pathname + '/actions.csv').then(r => r.text())`)
	if !strings.Contains(csv, "Ten-minute huddles") || !strings.Contains(csv, "Niamh Kelly") {
		t.Errorf("the CSV action plan does not list the action:\n%s", csv)
	}
	pdf := fetchText(t, tb, `fetch(location.pathname + '/actions.pdf').then(r => r.text()).then(s => s.slice(0, 5))`)
	if pdf != "%PDF-" {
		t.Errorf("the PDF action plan starts %q", pdf)
	}
}

// ownerMovesTheActionOn: the nurse finds the action she owns from her
// dashboard and marks it in progress by keyboard.
func ownerMovesTheActionOn(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "nurse@northbridge.test")
	click(t, tb, "your-actions", `main a[href="/reviews/actions"]`)
	mustContain(t, tb, "main table", reviewSubject, "Ten-minute huddles", "Overdue")
	// The demo gave the nurse other actions too: find this one's row.
	sel := "#" + eval[string](t, tb, `[...document.querySelectorAll('main tr')].find(r => r.textContent.includes('Ten-minute huddles')).querySelector('select').id`)
	pressIn(t, tb, sel, kb.ArrowDown)
	do(t, tb, "Tab to Save", chromedp.KeyEvent(kb.Tab))
	if f := focused(t, tb); !strings.HasPrefix(f, "button") {
		t.Fatalf("Tab from the status went to %s, want its Save button", f)
	}
	follow(t, tb, "action-moved-on", chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, ".govuk-notification-banner", "The action’s status has been saved.")
	if v := value(t, tb, sel); v != "in_progress" {
		t.Errorf("the action's status is %q, want in_progress", v)
	}
}

// fetchPDF fetches location.pathname+suffix with the signed-in person's
// cookies, requires a PDF, keeps it with the test's screenshots as name and
// returns it.
func fetchPDF(t *testing.T, tb *tab, suffix, name string) []byte {
	t.Helper()
	b64 := fetchText(t, tb, fmt.Sprintf(`fetch(location.pathname + %q).then(r => r.arrayBuffer()).then(b => {
		const u = new Uint8Array(b); let s = ''; for (let i = 0; i < u.length; i++) s += String.fromCharCode(u[i]); return btoa(s); })`, suffix))
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || !strings.HasPrefix(string(raw), "%PDF") {
		t.Fatalf("%s: not a PDF: %v %.8q", name, err, raw)
	}
	saveArtifact(t, name, "pdf", raw)
	return raw
}

// fetchText waits for a promise of text made in the page, such as a download
// fetched with the signed-in person's cookies.
func fetchText(t *testing.T, tb *tab, expr string) string {
	t.Helper()
	ctx, cancel := within(tb)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return s
}

// leadAsksPeopleWhoUseTheService: by keyboard, the lead emails a link to
// rate to someone who uses the service, then records a group's views.
func leadAsksPeopleWhoUseTheService(t *testing.T, review string) {
	tb := newTab(t)
	signIn(t, tb, "lead@northbridge.test")
	visit(t, tb, review)
	pressIn(t, tb, "#email", "dai.journey@example.org")
	pressIn(t, tb, "#lang", " ")
	tabTo(t, tb, `form[action$="/voices/invite"] button[type=submit]`)
	follow(t, tb, "link-emailed", chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, ".govuk-notification-banner", "The link to rate has been emailed")
	pressIn(t, tb, "#via", " ")
	pressIn(t, tb, "#label", "Coffee morning at the day hospital, 5 people")
	tabTo(t, tb, `form[action$="/voices"] button[type=submit]`)
	follow(t, tb, "group-started", chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, "main", "You are recording views that are not yours", "Views gathered in a group")
	pressIn(t, tb, "#rating-KR3", " ", kb.ArrowRight)
	pressIn(t, tb, "#evidence-KR3", "Choices are not offered, people said.")
	pressIn(t, tb, `main form button[value=save]`)
	follow(t, tb, "group-saved", chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, ".govuk-notification-banner", "The views have been saved")
	mustContain(t, tb, "#voices ~ .lb-table-scroll table", "Coffee morning at the day hospital", "Views gathered in a group")
}

// rateLink is the link emailed to someone who uses the service.
var rateLink = regexp.MustCompile(`/rate/[A-Za-z0-9_-]+`)

// someoneWhoUsesTheServiceRates: Dai follows the emailed link with no
// account and JavaScript off, is refused amber without a word, loses
// nothing, and saves.
func someoneWhoUsesTheServiceRates(t *testing.T) {
	tb := newTabNoJS(t)
	visit(t, tb, link(t, "dai.journey@example.org", "how "+reviewSubject+" is doing", rateLink))
	mustContain(t, tb, "main h1", "Tell us how "+reviewSubject+" is doing")
	mustContain(t, tb, "main", "You do not need an account", "Please do not write anyone’s name")
	do(t, tb, "choose amber", chromedp.Click(chromedp.CSS(`label[for="rating-KR3-amber"]`)))
	if st := click(t, tb, "voice-no-evidence", `main form button[value=save]`); st != http.StatusUnprocessableEntity {
		t.Errorf("amber without a word answered %d, want 422", st)
	}
	mustContain(t, tb, ".govuk-error-summary", "Enter the evidence for a red or amber rating")
	if !eval[bool](t, tb, `document.querySelector('#rating-KR3-amber').checked`) {
		t.Error("the amber chosen before the error was lost")
	}
	do(t, tb, "say why", chromedp.SendKeys(chromedp.CSS("#evidence-KR3"), "Nobody asked me what I wanted."))
	click(t, tb, "voice-saved", `main form button[value=save]`)
	mustContain(t, tb, ".govuk-notification-banner", "Your answers have been saved")
}

// nurseRatesGreen: the nurse rates one statement green, which needs no
// evidence, and saves.
func nurseRatesGreen(t *testing.T, review, code string) {
	tb := newTab(t)
	signIn(t, tb, "nurse@northbridge.test")
	visit(t, tb, review+"/rate")
	pressIn(t, tb, "#rating-"+code, " ")
	pressIn(t, tb, `main form button[value=save]`)
	follow(t, tb, "rated-green", chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, ".govuk-notification-banner", "Your ratings have been saved")
}

// secondRoundAndShare accepts the rating contributors agree on, agrees the
// rest and submits the second review, sees what changed, then shares the
// roll-up with Westshire ICB afresh.
func secondRoundAndShare(t *testing.T, review string) {
	tb := newTab(t)
	signIn(t, tb, "lead@northbridge.test")
	visit(t, tb, review+"/agree")
	mustContain(t, tb, "main .govuk-inset-text", "Contributors agree on 1 statements")
	if !eval[bool](t, tb, `document.querySelector('#rating-KR3').checked`) {
		t.Error("the rating contributors agree on is not filled in")
	}
	pressIn(t, tb, `main form[action$="/agree/accept"] button`)
	follow(t, tb, "accepted-agreed", chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, ".govuk-notification-banner", "1 ratings that contributors agree on are now the final ones")
	if !eval[bool](t, tb, `document.querySelector('#rating-KR3').checked`) {
		t.Error("the accepted rating is not kept")
	}
	agreeAll(t, tb, map[string][2]string{"LC2": {kb.ArrowRight, "Two staff said they would not raise a concern."}})
	pressIn(t, tb, `main form button[value=submit]`)
	follow(t, tb, "second-submitted", chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, "#change ~ .lb-table-scroll table", "↑ Improved", "↓ Got worse")

	visit(t, tb, "/reviews/grid")
	mustContain(t, tb, "main table", reviewSubject, "Ward 7", "Knowing the rights")
	// Every cell is a coloured light named in words, with its counts; the
	// day hospital's second round says how each theme moved and shows the
	// first round's light.
	row := `[...document.querySelectorAll('main table tbody tr')].find(r => r.textContent.includes('` + reviewSubject + `'))`
	if n := eval[int](t, tb, row+`.querySelectorAll('.lb-light').length`); n < 14 {
		t.Errorf("the day hospital's row has %d lights, want one now and one earlier for each theme", n)
	}
	if eval[bool](t, tb, `[...document.querySelectorAll('main .lb-light')].some(l => l.textContent.trim() === '')`) {
		t.Error("a light has no words: colour alone")
	}
	rowText := eval[string](t, tb, row+`.textContent`)
	for _, want := range []string{"than the round before", "Earlier:", " green, ", " amber, ", " red"} {
		if !strings.Contains(rowText, want) {
			t.Errorf("the day hospital's row lacks %q: %s", want, clip(rowText, 400))
		}
	}
	shot(t, tb, "grid-lights")

	visit(t, tb, "/reviews/sharing")
	if eval[bool](t, tb, `document.querySelector('main form[action="/reviews/sharing/revoke"] button') !== null`) {
		pressIn(t, tb, `main form[action="/reviews/sharing/revoke"] button`)
		follow(t, tb, "share-revoked", chromedp.KeyEvent(kb.Enter))
		mustContain(t, tb, ".govuk-notification-banner", "can no longer see the roll-up")
	}
	pressIn(t, tb, "#commissioner", "Westshire")
	tabTo(t, tb, `main form[action="/reviews/sharing"] button[type=submit]`)
	follow(t, tb, "shared", chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, ".govuk-notification-banner", "now shared with Westshire Integrated Care Board")
	mustContain(t, tb, "main table", "Still shared")
}

// commissionerSeesOnlyTheRollup signs in at Westshire ICB: the shared grid
// shows, Northbridge's reviews and people do not.
func commissionerSeesOnlyTheRollup(t *testing.T, review string) {
	tb := newTab(t)
	signIn(t, tb, "commissioner@westshire.test")
	click(t, tb, "shared-reviews", `main a[href="/shared/reviews"]`)
	click(t, tb, "shared-northbridge", `main a[href^="/shared/reviews/"]`)
	mustContain(t, tb, "main", "Northbridge NHS Foundation Trust", reviewSubject, "read-only")
	if eval[bool](t, tb, `document.querySelector('main a[href^="/reviews/"]') !== null`) {
		t.Error("the shared roll-up links into Northbridge's reviews")
	}
	visitStatus(t, tb, review, http.StatusNotFound)
	visitStatus(t, tb, "/reviews/grid", http.StatusForbidden)
	visit(t, tb, "/reviews")
	if main := text(t, tb, "main"); strings.Contains(main, reviewSubject) || strings.Contains(main, "Ward 7") {
		t.Errorf("the commissioner's review list shows Northbridge's reviews: %s", clip(main, 400))
	}
	visitStatus(t, tb, fmt.Sprintf("/admin/people/%d", nurseID), http.StatusForbidden)
}
