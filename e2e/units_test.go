package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The list of wards, teams and homes at Northbridge: the nurse, with
// JavaScript off, says on her account page that she works on the maternity
// unit instead; the lead sees that she chose it herself, puts her back on
// Ward 7 by keyboard, and reads training coverage by ward.
func TestUnitsJourney(t *testing.T) {
	nurse := newTabNoJS(t)
	signIn(t, nurse, "nurse@northbridge.test")
	visit(t, nurse, "/account")
	mustContain(t, nurse, "main", "Your wards, teams or homes", "Maternity unit")
	if !eval[bool](t, nurse, `[...document.querySelectorAll('main input[name=units]')].find(i => i.labels[0].textContent.includes('Ward 7')).checked`) {
		t.Error("the demo's Ward 7 is not ticked for the nurse")
	}
	// A click on each label, as a mouse would.
	if !eval[bool](t, nurse, `[...document.querySelectorAll('main input[name=units]')].filter(i => /Ward 7|Maternity/.test(i.labels[0].textContent)).map(i => i.labels[0].click()).length === 2`) {
		t.Fatal("the account page does not offer Ward 7 and the maternity unit")
	}
	click(t, nurse, "own-units-saved", `main form[action="/account/units"] button[type=submit]`)
	mustContain(t, nurse, ".govuk-notification-banner", "Your wards, teams or homes have been saved")

	lead := newTab(t)
	signIn(t, lead, "lead@northbridge.test")
	visit(t, lead, "/units")
	visit(t, lead, unitHref(t, lead, "Maternity unit"))
	mustContain(t, lead, "main", "Maternity unit", "Niamh Kelly", "(chose it themselves)")
	visit(t, lead, "/units")
	visit(t, lead, unitHref(t, lead, "Ward 7"))
	pressIn(t, lead, "#person", "Niamh")
	tabTo(t, lead, `main form[action$="/members"] button[type=submit]`)
	follow(t, lead, "put-back", chromedp.KeyEvent(kb.Enter))
	mustContain(t, lead, ".govuk-notification-banner", "Niamh Kelly is now in this ward, team or home.")
	mustContain(t, lead, "main", "(added by Leon Marsh)")

	visit(t, lead, "/training/coverage")
	mustContain(t, lead, "main", "By ward, team or home")
	cov := text(t, lead, "main")
	if !strings.Contains(cov, "Ward 7") || !strings.Contains(cov, "Maternity unit") {
		t.Errorf("coverage by ward lacks Ward 7 or the maternity unit: %s", clip(cov, 600))
	}
}

// unitHref finds the address of a unit's page in the list by its name.
func unitHref(t *testing.T, tb *tab, name string) string {
	t.Helper()
	href := eval[string](t, tb, fmt.Sprintf(`(a => a ? a.getAttribute('href') : '')([...document.querySelectorAll('main table a')].find(a => a.textContent.includes(%q)))`, name))
	if href == "" {
		t.Fatalf("the list has no %s", name)
	}
	return href
}
