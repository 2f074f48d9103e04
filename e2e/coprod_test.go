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

// The co-production journeys use the demo: coproduction@lightbulb.test
// (Carys Bevan) leads co-production at the charity, finance@lightbulb.test
// (Femi Adebayo) approves and pays claims, and expert@lightbulb.test goes
// by Esther and has opted out of seclusion.

// Journey: the lead posts an involvement (a mistake first, nothing lost);
// Esther reads the benefits warning, says yes by keyboard and records her
// time and a fare; finance approves and marks it paid; the follow-up job
// opens a check-in that the lead records; Esther reads the note, in English
// and Welsh.
func TestCoproductionInvolvementPaidAndFollowedUp(t *testing.T) {
	title := fmt.Sprintf("Easy Read restraint guide workshop %d", time.Now().UnixNano()%100000)
	lead := newTab(t)
	signIn(t, lead, "coproduction@lightbulb.test")
	click(t, lead, "coproduction", `main a[href="/coproduction"]`)
	mustContain(t, lead, "main", "Wellbeing check-ins to do", "Claims to approve or pay", "RITES committee meeting")
	click(t, lead, "new-involvement", `main a[href="/coproduction/involvements/new"]`)
	do(t, lead, "a title and a long session", chromedp.SendKeys(chromedp.CSS("#title"), title),
		chromedp.SendKeys(chromedp.CSS("#hours"), "20"))
	if st := click(t, lead, "involvement-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Fatalf("an unfinished involvement: HTTP %d", st)
	}
	mustContain(t, lead, ".govuk-error-summary", "How long the session lasts: enter from 0 to 16 hours", "Choose the kind of activity",
		"Enter the place or the link")
	if v := value(t, lead, "#title"); v != title {
		t.Fatalf("the title was lost: %q", v)
	}
	// It happened this morning: the record is made afterwards.
	today := time.Now()
	do(t, lead, "fill in the involvement",
		chromedp.Click(chromedp.CSS(`input[name="activity"][value="workshop"]`)),
		chromedp.Click(chromedp.CSS(`input[name="level"][value="standard"]`)),
		chromedp.SendKeys(chromedp.CSS("#date"), fmt.Sprint(today.Day())),
		chromedp.SendKeys(chromedp.CSS("#date-month"), fmt.Sprint(int(today.Month()))),
		chromedp.SendKeys(chromedp.CSS("#date-year"), fmt.Sprint(today.Year())),
		chromedp.SendKeys(chromedp.CSS("#time"), "00:00"),
		chromedp.SetValue(chromedp.CSS("#hours"), "0"),
		chromedp.SendKeys(chromedp.CSS("#hours-minutes"), "30"),
		chromedp.SendKeys(chromedp.CSS("#prep-minutes"), "30"),
		chromedp.SendKeys(chromedp.CSS("#place"), "Online"),
		chromedp.SetValue(chromedp.CSS("#supporter"), eval[string](t, lead, `[...document.querySelectorAll('#supporter option')].find(o => o.text === 'Carys Bevan').value`)),
		chromedp.Click(chromedp.CSS(`input[name="experts"]`)), // Esther comes first
	)
	click(t, lead, "involvement-posted", `main form button[type=submit]`)
	mustContain(t, lead, "main", title, "Esther", "Invited", "£27.00", "Who is not in the room?")

	expert := newTab(t)
	signIn(t, expert, "expert@lightbulb.test")
	click(t, expert, "coproduction-me", `main a[href="/coproduction/me"]`)
	follow(t, expert, "invitation", chromedp.Click(chromedp.Search(fmt.Sprintf(`//main//a[contains(., %q)]`, title))))
	mustContain(t, expert, "main", "Being paid can affect benefits", "We never ask which benefits you receive", "£27.00")
	// By keyboard: agree to the warning, say yes and send.
	tabTo(t, expert, "#understood")
	do(t, expert, "tick that she has read it", chromedp.KeyEvent(" "))
	tabTo(t, expert, "#answer")
	do(t, expert, "choose yes", chromedp.KeyEvent(" "))
	tabTo(t, expert, `main form button[type=submit]`)
	follow(t, expert, "accepted", chromedp.KeyEvent(kb.Enter))
	mustContain(t, expert, "main", "You have said yes", "Record your time and expenses")
	ticket := filepath.Join(t.TempDir(), "bus-ticket.pdf")
	if err := os.WriteFile(ticket, []byte("%PDF-1.4\n% a bus ticket\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	do(t, expert, "record an hour and a fare with its receipt", chromedp.SendKeys(chromedp.CSS("#hours"), "1"),
		chromedp.SendKeys(chromedp.CSS("#expenses"), "4.50"), chromedp.SendKeys(chromedp.CSS("#expenses_note"), "Bus fare"),
		chromedp.SetUploadFiles(chromedp.CSS("#receipt"), []string{ticket}))
	click(t, expert, "claimed", `main form[action$="/claim"] button`)
	mustContain(t, expert, "main", "Your time is recorded", title, "£31.50", "Waiting for approval")

	finance := newTab(t)
	signIn(t, finance, "finance@lightbulb.test")
	visit(t, finance, "/coproduction")
	row := fmt.Sprintf(`//tr[td[contains(., %q)]]`, title)
	href := eval[string](t, finance, fmt.Sprintf(`document.evaluate(%q, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue.getAttribute('href')`, row+`//a[contains(@href, "/coproduction/receipts/")]`))
	if !strings.HasPrefix(href, "/coproduction/receipts/") {
		t.Fatalf("no receipt link on the claim: %q", href)
	}
	follow(t, finance, "approved", chromedp.Click(chromedp.Search(row+`//button`)))
	mustContain(t, finance, "main", "The claim is updated.")
	follow(t, finance, "paid", chromedp.Click(chromedp.Search(row+`//button`)))

	// The follow-up job runs in the server; the lead's list shows it.
	var found bool
	for i := 0; i < 20 && !found; i++ {
		visit(t, lead, "/coproduction")
		found = strings.Contains(text(t, lead, "#main-content"), title)
		if !found {
			time.Sleep(500 * time.Millisecond)
		}
	}
	if !found {
		t.Fatal("the follow-up job opened no check-in")
	}
	follow(t, lead, "check-in", chromedp.Click(chromedp.Search(fmt.Sprintf(`//tr[td[contains(., %q)]]//a`, title))))
	do(t, lead, "record the check-in", chromedp.Click(chromedp.CSS(`input[name="method"][value="call"]`)),
		chromedp.Click(chromedp.CSS(`input[name="outcome"][value="fine"]`)),
		chromedp.SendKeys(chromedp.CSS("#note"), "Thank you for your ideas today. Rest well."))
	click(t, lead, "check-in-done", `main form button[type=submit]`)
	mustContain(t, lead, "main", "The check-in is recorded.")

	visit(t, expert, "/coproduction/me")
	mustContain(t, expert, "main", "Thank you for your ideas today. Rest well.", "Paid", "Being asked what I needed")
	click(t, expert, "quote-approved", `main form[action^="/coproduction/me/quotes/"] button`)
	mustContain(t, expert, "main", "Thank you. They may use exactly those words.", "Approved these words")
	visit(t, expert, "/language/cy?next=/coproduction/me")
	mustContain(t, expert, "main", "Eich cydgynhyrchu", "Holi am les", "Thank you for your ideas today.")
	visit(t, expert, "/coproduction/me/profile")
	mustContain(t, expert, "main", "Gall cael eich talu effeithio ar fudd-daliadau")
	visit(t, lead, "/language/cy?next=/coproduction")
	mustContain(t, lead, "main", "Cydgynhyrchu", "Taliadau ar gyfer cyllid")
}

// Journey: with JavaScript off, an expert changes their profile, makes
// mistakes and loses nothing, then turns a consent on and off again.
func TestExpertProfileWithoutJavaScript(t *testing.T) {
	tb := newTabNoJS(t)
	signIn(t, tb, "ifan@lightbulb.test")
	visit(t, tb, "/coproduction/me/profile")
	do(t, tb, "choose a lower amount without saying how much",
		chromedp.Clear(chromedp.CSS("#preferred_name")),
		chromedp.Click(chromedp.CSS(`input[name="pay_pref"][value="reduced"]`)),
		chromedp.Click(chromedp.CSS(`input[name="consents"][value="recording"]`)),
		chromedp.SendKeys(chromedp.CSS("#cap"), "lots"))
	if st := click(t, tb, "profile-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Fatalf("a profile with mistakes: HTTP %d", st)
	}
	mustContain(t, tb, ".govuk-error-summary", "Enter the name you would like us to use", "Your cap: enter an amount in pounds",
		"Enter the lower amount you would like for each involvement")
	if !eval[bool](t, tb, `document.querySelector('input[name="consents"][value="recording"]').checked`) {
		t.Fatal("the consent ticked before the mistake was lost")
	}
	do(t, tb, "put it right", chromedp.SendKeys(chromedp.CSS("#preferred_name"), "Ifan"),
		chromedp.Clear(chromedp.CSS("#cap")), chromedp.SendKeys(chromedp.CSS("#reduced"), "40"))
	click(t, tb, "profile-saved", `main form button[type=submit]`)
	mustContain(t, tb, "main", "Your profile is saved.", "Record sessions I am in", "Paid a lower amount")
	visit(t, tb, "/coproduction/me/profile")
	do(t, tb, "take the consent back", chromedp.Click(chromedp.CSS(`input[name="consents"][value="recording"]`)))
	click(t, tb, "consent-withdrawn", `main form button[type=submit]`)
	mustContain(t, tb, "main", "Your profile is saved.", "every consent is off")
}
