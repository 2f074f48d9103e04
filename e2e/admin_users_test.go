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
	mustContain(t, tb, "main", "Lee Leaver has been added.")

	visit(t, tb, "/admin/users")
	href := eval[string](t, tb, `[...document.querySelectorAll('main tbody tr')].find(r => r.textContent.includes('leaver@lightbulb.test')).querySelector('a').getAttribute('href')`)
	click(t, tb, "lee", `main a[href="`+href+`"]`)
	mustContain(t, tb, "main", "Lee Leaver", "Lightbulb Human Rights Charity")
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
