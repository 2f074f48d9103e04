package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A platform admin adds someone, downloads their data for a subject access
// request, and erases them when they leave.
func TestAdminErasesAPerson(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "admin@lightbulb.test")

	visit(t, tb, "/admin/people/new")
	do(t, tb, "fill in a new person",
		chromedp.SendKeys(chromedp.CSS("#email"), "leaver@lightbulb.test"),
		chromedp.SendKeys(chromedp.CSS("#name"), "Lee Leaver"))
	click(t, tb, "person-added", `main form button[type=submit]`)
	mustContain(t, tb, "main", "We have emailed an invitation to leaver@lightbulb.test")

	visit(t, tb, "/admin/users")
	href := eval[string](t, tb, `[...document.querySelectorAll('main tbody tr')].find(r => r.textContent.includes('leaver@lightbulb.test')).querySelector('a').getAttribute('href')`)
	click(t, tb, "lee", `main a[href="`+href+`"]`)
	mustContain(t, tb, "main", "Lee Leaver")
	if !eval[bool](t, tb, `document.querySelector('main a[href$="/export"]') !== null`) {
		t.Fatal("no download link for the person's data")
	}

	click(t, tb, "erase-form", `main a[href$="/erase"]`)
	click(t, tb, "erase-unconfirmed", `main form button[type=submit]`)
	mustContain(t, tb, ".govuk-error-summary", "Confirm that you want to erase")
	do(t, tb, "tick the confirmation", chromedp.Click(chromedp.CSS("#confirm")))
	click(t, tb, "erased", `main form button[type=submit]`)
	mustContain(t, tb, "main", "The person’s data has been erased.")
	if body := text(t, tb, "main"); strings.Contains(body, "leaver@lightbulb.test") {
		t.Fatal("the erased person's email is still listed")
	}
}

// A platform admin finds a public booker who has no account by part of
// their email address, opens what is held about them and can download it;
// the search page works in Welsh too.
func TestAdminFindsAPerson(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "admin@lightbulb.test")

	visit(t, tb, "/admin")
	click(t, tb, "find-person", `main a[href="/admin/find-person"]`)
	do(t, tb, "search for a public booker", chromedp.SendKeys(chromedp.CSS("#q"), "jo.price"))
	click(t, tb, "found", `main form button[type=submit]`)
	mustContain(t, tb, "main", "Jo Price", "Training booking")
	click(t, tb, "booker", `main a[href^="/admin/find-person/email"]`)
	mustContain(t, tb, "main", "jo.price@example.org", "This email address has no account")
	if !eval[bool](t, tb, `document.querySelector('main a[href^="/admin/find-person/email/export"]') !== null`) {
		t.Fatal("no download link for the booker's data")
	}
	visit(t, tb, "/admin/find-person?q=Niamh")
	mustContain(t, tb, "main", "nurse@northbridge.test", "Account")
	visit(t, tb, "/language/cy?next=/admin/find-person%3Fq%3DNiamh")
	mustContain(t, tb, "main", "Dod o hyd i berson", "nurse@northbridge.test", "Cyfrif")
	visit(t, tb, "/language/en?next=/admin")
}
