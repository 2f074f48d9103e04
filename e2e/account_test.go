package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// A social worker who signs in on the Welsh pages has Welsh as their
// language; on their account page they switch to English, and the pages
// follow at once.
func TestPersonChoosesTheirLanguage(t *testing.T) {
	tb := newTab(t)
	visit(t, tb, "/language/cy?next=/sign-in")
	signIn(t, tb, "socialworker@riverside.test")

	click(t, tb, "account", `.lb-account-bar a[href="/account"]`)
	mustContain(t, tb, "main h1", "Eich cyfrif")
	mustContain(t, tb, "main", "socialworker@riverside.test", "Iaith")
	if !eval[bool](t, tb, `document.querySelector('#lang-cy').checked`) {
		t.Fatal("signing in on the Welsh pages did not make Welsh their language")
	}
	checkA11y(t, tb)
	shot(t, tb, "account-cy")

	do(t, tb, "choose English", chromedp.Click(chromedp.CSS(`label[for="lang"]`)))
	click(t, tb, "saved", `main form button[type=submit]`)
	if p := here(t, tb); p != "/account" {
		t.Fatalf("saving the language landed on %s", p)
	}
	mustContain(t, tb, "main", "Your language has been saved.", "Your account")
	if !eval[bool](t, tb, `document.querySelector('#lang').checked && document.documentElement.lang === 'en'`) {
		t.Fatal("the account page is not in English with English chosen")
	}
	checkA11y(t, tb)
}
