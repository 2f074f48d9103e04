package e2e

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Journey: the co-production lead keeps experts' checks (a mistake first,
// nothing lost; by keyboard, JavaScript off), sets the organisation's own
// payment target and a half-day rate, is refused an involvement needing a
// DBS check for an expert without one, and posts it for one with one;
// Esther sees her checks on her own page, in English and Welsh, asks by
// keyboard to take part in an open involvement and is offered a place.
func TestCoproductionChecksTargetAndRates(t *testing.T) {
	lead := newTabNoJS(t)
	signIn(t, lead, "coproduction@lightbulb.test")
	visit(t, lead, "/coproduction")
	click(t, lead, "checks", `main a[href="/coproduction/checks"]`)
	mustContain(t, lead, "main", "Experts' checks", "Esther", "Lowri", "Ended: in its renewal window", "Ends soon", "Not recorded")
	ifan := eval[string](t, lead, `[...document.querySelectorAll('#expert option')].find(o => o.text === 'Ifan').value`)
	now := time.Now()
	do(t, lead, "a DBS check for Ifan that ends before it was done",
		chromedp.SetValue(chromedp.CSS("#expert"), ifan),
		chromedp.Click(chromedp.CSS(`input[name="kind"][value="dbs"]`)),
		chromedp.SendKeys(chromedp.CSS("#checked_on"), "2"), chromedp.SendKeys(chromedp.CSS("#checked_on-month"), "3"),
		chromedp.SendKeys(chromedp.CSS("#checked_on-year"), fmt.Sprint(now.Year()-1)),
		chromedp.SendKeys(chromedp.CSS("#expires_on"), "1"), chromedp.SendKeys(chromedp.CSS("#expires_on-month"), "3"),
		chromedp.SendKeys(chromedp.CSS("#expires_on-year"), fmt.Sprint(now.Year()-1)))
	tabTo(t, lead, `main form[action="/coproduction/checks"] button[type=submit]`)
	if st := follow(t, lead, "check-error", chromedp.KeyEvent(kb.Enter)); st != http.StatusUnprocessableEntity {
		t.Fatalf("a check ending before it was done: HTTP %d", st)
	}
	mustContain(t, lead, ".govuk-error-summary", "The day the check ends must be after the day it was done")
	if v := value(t, lead, "#expert"); v != ifan {
		t.Fatalf("the expert chosen was lost: %q", v)
	}
	do(t, lead, "end it three years on", chromedp.SetValue(chromedp.CSS("#expires_on-year"), fmt.Sprint(now.Year()+2)))
	tabTo(t, lead, `main form[action="/coproduction/checks"] button[type=submit]`)
	follow(t, lead, "check-recorded", chromedp.KeyEvent(kb.Enter))
	mustContain(t, lead, "main", "The check is recorded. We will remind them and you before it ends.")
	visit(t, lead, "/language/cy?next=/coproduction/checks")
	mustContain(t, lead, "main", "Gwiriadau arbenigwyr", "Cofnodi gwiriad")
	visit(t, lead, "/language/en?next=/coproduction/rates")

	// The organisation's own payment target, and a half-day rate.
	do(t, lead, "a target of 25 working days", chromedp.SetValue(chromedp.CSS("#pay_target"), "25"))
	click(t, lead, "settings-saved", `main form[action="/coproduction/settings"] button`)
	mustContain(t, lead, "main", "The settings are saved.")
	do(t, lead, "a half-day rate for chairing, without its amount",
		chromedp.Click(chromedp.CSS(`input[name="level"][value="chairing"]`)),
		chromedp.Click(chromedp.CSS(`input[name="unit"][value="half_day"]`)),
		chromedp.SendKeys(chromedp.CSS("#starts_on"), fmt.Sprint(now.Day())),
		chromedp.SendKeys(chromedp.CSS("#starts_on-month"), fmt.Sprint(int(now.Month()))),
		chromedp.SendKeys(chromedp.CSS("#starts_on-year"), fmt.Sprint(now.Year())))
	if st := click(t, lead, "rate-error", `main form[action="/coproduction/rates"] button`); st != http.StatusUnprocessableEntity {
		t.Fatalf("a rate with no amount: HTTP %d", st)
	}
	if !eval[bool](t, lead, `document.querySelector('input[name="unit"][value="half_day"]').checked`) {
		t.Fatal("the unit chosen was lost")
	}
	do(t, lead, "£90 a half day", chromedp.SendKeys(chromedp.CSS("#pence"), "90"))
	click(t, lead, "rate-saved", `main form[action="/coproduction/rates"] button`)
	mustContain(t, lead, "main", "The new rate is saved.", "£90.00 A half day (up to 4 hours)", "Pay claims within this many working days")
	visit(t, lead, "/coproduction")
	mustContain(t, lead, "main", "Claims to approve or pay")

	// An involvement needing a DBS check: Lowri's ended a week ago, but her
	// renewal window has 23 days left; one in 60 days refuses her.
	js := newTab(t)
	signIn(t, js, "coproduction@lightbulb.test")
	visit(t, js, "/coproduction/involvements/new")
	mustContain(t, js, "main", "Does taking part need a check?", "DBS check: Ended: in its renewal window")
	day := now.AddDate(0, 0, 60)
	title := fmt.Sprintf("Children's rights panel %d", now.UnixNano()%100000)
	do(t, js, "a panel needing a DBS check, inviting Lowri",
		chromedp.SendKeys(chromedp.CSS("#title"), title),
		chromedp.Click(chromedp.CSS(`input[name="activity"][value="panel"]`)),
		chromedp.Click(chromedp.CSS(`input[name="level"][value="chairing"]`)),
		chromedp.SendKeys(chromedp.CSS("#date"), fmt.Sprint(day.Day())),
		chromedp.SendKeys(chromedp.CSS("#date-month"), fmt.Sprint(int(day.Month()))),
		chromedp.SendKeys(chromedp.CSS("#date-year"), fmt.Sprint(day.Year())),
		chromedp.SendKeys(chromedp.CSS("#time"), "10:00"),
		chromedp.SendKeys(chromedp.CSS("#hours"), "3"),
		chromedp.SendKeys(chromedp.CSS("#place"), "Online"),
		chromedp.Click(chromedp.CSS(`input[name="needs_check"][value="dbs"]`)),
		chromedp.SetValue(chromedp.CSS("#supporter"), eval[string](t, js, `[...document.querySelectorAll('#supporter option')].find(o => o.text === 'Carys Bevan').value`)),
		chromedp.Click(chromedp.Search(`//label[normalize-space(.)="Lowri"]`)))
	if st := click(t, js, "involvement-needs-check", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Fatalf("Lowri with a lapsed check: HTTP %d", st)
	}
	mustContain(t, js, ".govuk-error-summary", "Someone you chose has no check in date for this involvement on the day")
	if v := value(t, js, "#title"); v != title {
		t.Fatalf("the title was lost: %q", v)
	}
	do(t, js, "invite Esther instead", chromedp.Click(chromedp.Search(`//label[normalize-space(.)="Lowri"]`)),
		chromedp.Click(chromedp.Search(`//label[normalize-space(.)="Esther"]`)))
	click(t, js, "involvement-with-check", `main form button[type=submit]`)
	mustContain(t, js, "main", title, "Check needed", "DBS check: In date", "£90.00")

	expert := newTab(t)
	signIn(t, expert, "expert@lightbulb.test")
	visit(t, expert, "/coproduction/me")
	mustContain(t, expert, "main", "Your checks", "DBS check", "Safeguarding training", "Ends soon", "Resources you co-produced")
	visit(t, expert, "/language/cy?next=/coproduction/me")
	mustContain(t, expert, "main", "Eich gwiriadau", "Gwiriad DBS", "Adnoddau a gydgynhyrchwyd gennych", "Cyfleoedd y gallwch ofyn am ymuno â nhw")
	visit(t, expert, "/language/en?next=/coproduction/me")

	// An open involvement: Esther asks to take part by keyboard; the lead
	// offers her a place; she is invited as usual.
	mustContain(t, expert, "main", "Opportunities you can ask to join", "planning a young people's session")
	tabTo(t, expert, `main form[action^="/coproduction/me/opportunities/"] button`)
	follow(t, expert, "asked-to-take-part", chromedp.KeyEvent(kb.Enter))
	mustContain(t, expert, "main", "Thank you. We have told the co-production lead", "Asked to take part")
	visit(t, js, "/coproduction")
	follow(t, js, "open-involvement", chromedp.Click(chromedp.Search(`//main//a[contains(., "planning a young people")]`)))
	mustContain(t, js, "main", "Experts can ask to take part", "Asked to take part")
	click(t, js, "place-offered", `main form[action$="/offers"] button`)
	mustContain(t, js, "main", "They are offered a place and told by email.", "Invited")
	visit(t, expert, "/coproduction/me")
	follow(t, expert, "offered-invitation", chromedp.Click(chromedp.Search(`//main//a[contains(., "planning a young people")]`)))
	mustContain(t, expert, "main", "Being paid can affect benefits", "Will you take part?")
}

// Journey: the lead finds the Easy Read guide behind its original, adds a
// version that follows the newest (a wrong file first, nothing lost), adds
// a Word guide, and sees who is credited; the committee's facilitators of
// a training session are named on its public page, as they agreed.
func TestCoproductionResourcesAndFacilitators(t *testing.T) {
	lead := newTab(t)
	signIn(t, lead, "coproduction@lightbulb.test")
	visit(t, lead, "/coproduction")
	click(t, lead, "resources", `main a[href="/coproduction/resources"]`)
	mustContain(t, lead, "main", "Restraint: what to expect and your rights", "Restraint: Easy Read", "Behind its original",
		"Ataliaeth: beth i'w ddisgwyl a'ch hawliau")
	follow(t, lead, "easy-read", chromedp.Click(chromedp.Search(`//main//a[normalize-space(.)="Restraint: Easy Read"]`)))
	mustContain(t, lead, "main", "The original has changed since: it is at version 2.", "Follows version")
	dir := t.TempDir()
	bad := filepath.Join(dir, "notes.txt")
	good := filepath.Join(dir, "easy-read-v2.pdf")
	if err := os.WriteFile(bad, []byte("just some notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, []byte("%PDF-1.4\n% Easy Read, version 2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	do(t, lead, "a text file as the new version", chromedp.SendKeys(chromedp.CSS("#note"), "Follows the complaints section"),
		chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{bad}))
	if st := click(t, lead, "version-error", `main form[action$="/versions"] button`); st != http.StatusUnprocessableEntity {
		t.Fatalf("a text file as a version: HTTP %d", st)
	}
	mustContain(t, lead, ".govuk-error-summary", "The file must be a PDF, a Word or OpenDocument text file, or a PNG or JPEG image")
	if v := value(t, lead, "#note"); v != "Follows the complaints section" {
		t.Fatalf("the note was lost: %q", v)
	}
	do(t, lead, "the PDF", chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{good}))
	click(t, lead, "version-saved", `main form[action$="/versions"] button`)
	mustContain(t, lead, "main", "Version 2 is saved.", "easy-read-v2.pdf")
	if strings.Contains(text(t, lead, "main"), "The original has changed since") {
		t.Fatal("the Easy Read version still lags once it follows the newest")
	}
	visit(t, lead, "/coproduction/resources")
	guide := eval[string](t, lead, `[...document.querySelectorAll('main a')].find(a => a.textContent.trim() === 'Restraint: what to expect and your rights').getAttribute('href')`)
	visit(t, lead, guide)
	mustContain(t, lead, "main", "Co-produced with", "Esther", "Lowri", "Easy Read versions and translations")

	// Esther and Lowri facilitate the next open training session.
	visit(t, lead, "/coproduction")
	follow(t, lead, "facilitation", chromedp.Click(chromedp.Search(`//main//a[starts-with(normalize-space(.), "Facilitating:")]`)))
	mustContain(t, lead, "main", "For the training session", "Taking part")
	session := eval[string](t, lead, `document.querySelector('main a[href^="/training/manage/sessions/"]').getAttribute('href')`)
	visitor := newTab(t)
	visit(t, visitor, strings.Replace(session, "/manage", "", 1))
	mustContain(t, visitor, "main", "Lived experience facilitators: Esther, Lowri")
}
