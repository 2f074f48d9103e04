package e2e

import (
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// huddleMonth is the demo's first month after Northbridge's weekly huddle
// began: a year before the month that last ended (cli.loadDemoHistory).
func huddleMonth() string {
	t, _ := time.Parse("2006-01", lastEnded())
	return t.AddDate(0, -11, 0).Format("2006-01")
}

// TestLeadRecalculatesLimitsAndSharesIndicators: Northbridge's lead reads
// the shift on the cases chart, marks the change the huddle made (first
// leaving out the reason, refused with the question named), reads the
// limits of each part, removes the change by keyboard; reads a nightly
// count with the day counting began, the cases by right, and the page in
// Welsh; stops sharing with Westshire ICB and shares again. The ICB's
// commissioner reads Northbridge's indicators on the dashboard; the
// charity's trainer reads the reach summed over clients.
func TestLeadRecalculatesLimitsAndSharesIndicators(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "lead@northbridge.test")
	visit(t, tb, "/indicators/cases.reviewed")
	mustContain(t, tb, "main", "Yes: Run on one side of the centre line", "Changes in the process")

	do(t, tb, "give the month, not the reason", chromedp.SendKeys(chromedp.CSS("#change_month"), huddleMonth()))
	if status := click(t, tb, "change-no-reason", `form[action$="/changes"] button[type=submit]`); status != http.StatusUnprocessableEntity {
		t.Errorf("a change without a reason answered HTTP %d, want 422", status)
	}
	mustContain(t, tb, ".govuk-error-summary", "Say what changed")
	if got := eval[string](t, tb, `document.querySelector('#change_month').value`); got != huddleMonth() {
		t.Errorf("the month was lost after the error: %q", got)
	}
	do(t, tb, "say what changed", chromedp.SendKeys(chromedp.CSS("#reason"), "A weekly huddle to review cases began on every ward."))
	click(t, tb, "change-marked", `form[action$="/changes"] button[type=submit]`)
	mustContain(t, tb, ".govuk-notification-banner", "The limits are recalculated from")
	mustContain(t, tb, "main", "Limits recalculated after a change", "A weekly huddle to review cases began on every ward.")
	if n := eval[int](t, tb, `document.querySelectorAll('main figure.lb-chart svg polyline[stroke-dasharray]').length`); n < 3 {
		t.Errorf("the chart draws %d dashed lines; want the centre line in two parts and the upright", n)
	}

	// Removed by keyboard: Tab to its button, Enter.
	tabTo(t, tb, `form[action$="/changes/remove"] button`)
	follow(t, tb, "change-removed", chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, ".govuk-notification-banner", "The change was removed")
	if eval[bool](t, tb, `document.body.innerText.includes('A weekly huddle to review cases began')`) {
		t.Error("the removed change is still listed")
	}

	visit(t, tb, "/indicators/decisions.blanket_inforce")
	mustContain(t, tb, "main", "counted every night", "Counting began on", "By ward, team or home")
	visit(t, tb, "/indicators/cases.by_right")
	mustContain(t, tb, "main", "By right", "A8")
	visit(t, tb, "/language/cy?next=/indicators/cases.reviewed")
	mustContain(t, tb, "main", "Newidiadau yn y broses", "Ailgyfrifo'r terfynau o'r mis hwn")
	visit(t, tb, "/indicators/sharing")
	mustContain(t, tb, "main", "Rhannu eich dangosyddion", "Westshire Integrated Care Board")
	visit(t, tb, "/language/en?next=/indicators/sharing")

	follow(t, tb, "share-stopped", chromedp.Click(chromedp.Search(`//main//tr[contains(., 'Westshire')]//form[@action='/indicators/sharing/stop']//button`)))
	mustContain(t, tb, ".govuk-notification-banner", "You no longer share your indicators")
	if status := click(t, tb, "share-none-chosen", `form[action="/indicators/sharing"] button[type=submit]`); status != http.StatusUnprocessableEntity {
		t.Errorf("sharing with nobody chosen answered HTTP %d, want 422", status)
	}
	mustContain(t, tb, ".govuk-error-summary", "Choose the charity or a commissioner from the list")
	do(t, tb, "choose Westshire", chromedp.SetValue(chromedp.CSS("#viewer"), eval[string](t, tb,
		`[...document.querySelectorAll('#viewer option')].find(o => o.textContent.includes('Westshire')).value`)))
	click(t, tb, "shared-again", `form[action="/indicators/sharing"] button[type=submit]`)
	mustContain(t, tb, ".govuk-notification-banner", "Your indicators are shared")

	icb := newTab(t)
	signIn(t, icb, "commissioner@westshire.test")
	mustContain(t, icb, "main", "Your providers' indicators", "Northbridge NHS Foundation Trust", "Complaints and incidents reviewed through the rights lens")
	charity := newTab(t)
	signIn(t, charity, "trainer@lightbulb.test")
	mustContain(t, charity, "main", "Our reach across client organisations", "Summed over the 2 organisations", "Staff trained")
}
