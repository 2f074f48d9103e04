package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Journey: the platform admin rewords the Welsh of statement CM3 in Welsh,
// then its English; the framework page says the Welsh needs updating. A lead
// working in Welsh starts a review and reads CM3 in Welsh with the notice
// that the Welsh is older than the English, and the new English beside it,
// marked as English.
func TestFrameworkEditedInWelshAndEnglish(t *testing.T) {
	n := time.Now().UnixNano() % 100000
	welsh := fmt.Sprintf("Mae adolygiadau fel hwn yn cael eu rhannu â chomisiynwyr, sy'n gweithredu arnyn nhw gyda ni (%d).", n)
	english := fmt.Sprintf("Reviews like this one are shared with commissioners, who act on them with us (%d).", n)

	admin := newTab(t)
	signIn(t, admin, "admin@lightbulb.test")
	visit(t, admin, "/language/cy?next=/admin/framework")
	mustContain(t, admin, "main", "Hawliau dynol ar waith: adolygiad Goleuadau Traffig", "Gwybod am yr hawliau", "Golygu yn Gymraeg")
	click(t, admin, "cm3-welsh", `main a[href="/admin/framework/CM3?lang=cy"]`)
	mustContain(t, admin, "main", "Golygu Cymraeg datganiad CM3", "Saesneg:")
	setText(t, admin, "#text_cy", "")
	click(t, admin, "welsh-missing", `main form button[type=submit]`)
	mustContain(t, admin, ".govuk-error-summary", "Rhowch y datganiad yn Gymraeg")
	setText(t, admin, "#text_cy", welsh)
	click(t, admin, "welsh-saved", `main form button[type=submit]`)
	mustContain(t, admin, ".govuk-notification-banner", "wedi'i chadw")
	mustContain(t, admin, "main", welsh)
	checkA11y(t, admin)

	visit(t, admin, "/language/en?next=/admin/framework/CM3")
	setText(t, admin, "#text", english)
	click(t, admin, "english-saved", `main form button[type=submit]`)
	mustContain(t, admin, "main", english, "Needs updating")
	visit(t, admin, "/language/cy?next=/admin/framework")
	mustContain(t, admin, "main", "Angen diweddaru")
	shot(t, admin, "framework-needs-updating")
	visit(t, admin, "/admin/framework/CM3?lang=cy")
	mustContain(t, admin, "main", "Mae'r testun Saesneg wedi newid ers gwneud y cyfieithiad hwn.")
	visit(t, admin, "/language/en?next=/admin")

	lead := newTab(t)
	signIn(t, lead, "lead@northbridge.test")
	visit(t, lead, "/language/cy?next=/reviews/new")
	pressIn(t, lead, "#unit", "Maternity")
	tabTo(t, lead, "#start")
	for _, k := range []string{"1", kb.Tab, "1", kb.Tab, "2027", kb.Tab, "31", kb.Tab, "3", kb.Tab, "2027"} {
		do(t, lead, "type the period", chromedp.KeyEvent(k))
	}
	follow(t, lead, "review-started", chromedp.KeyEvent(kb.Enter))
	addr := here(t, lead)
	if !strings.HasPrefix(addr, "/reviews/") {
		t.Fatalf("starting a review landed on %s:\n%s", addr, clip(text(t, lead, "main"), 600))
	}
	visit(t, lead, addr+"/agree")
	mustContain(t, lead, "main", "Gwybod am yr hawliau", "Gall staff ddweud pa hawliau dynol", welsh,
		"Mae'r cyfieithiad Cymraeg hwn yn hŷn na'r Saesneg")
	marked := eval[string](t, lead, `[...document.querySelectorAll('main [lang="en"]')].map(e => e.textContent).join('\n')`)
	if !strings.Contains(marked, english) {
		t.Errorf("the new English is not marked lang=\"en\"; marked English is:\n%s", clip(marked, 600))
	}
	do(t, lead, "scroll to CM3", chromedp.ScrollIntoView(chromedp.CSS("#rating-CM3")))
	shot(t, lead, "welsh-older-than-english")
	checkA11y(t, lead)
	visit(t, lead, "/language/en?next=/reviews")
}

// setText empties a text box and types s into it.
func setText(t *testing.T, tb *tab, sel, s string) {
	t.Helper()
	if !eval[bool](t, tb, fmt.Sprintf(`(e => e ? (e.value = '', true) : false)(document.querySelector(%q))`, sel)) {
		t.Fatalf("no %s on %s", sel, here(t, tb))
	}
	if s != "" {
		do(t, tb, "type into "+sel, chromedp.SendKeys(chromedp.CSS(sel), s))
	}
}

// Journey: a visitor reading in Welsh finds the demo's open course by its
// Welsh title and reads its Welsh summary.
func TestCourseReadInWelsh(t *testing.T) {
	tb := newTab(t)
	visit(t, tb, "/language/cy?next=/training")
	mustContain(t, tb, "main", "Hawliau dynol mewn ymarfer bob dydd")
	href := eval[string](t, tb, `[...document.querySelectorAll('main a[href^="/training/sessions/"]')].find(a => a.textContent.includes('Hawliau dynol mewn ymarfer bob dydd')).getAttribute('href')`)
	click(t, tb, "course-in-welsh", `main a[href="`+href+`"]`)
	mustContain(t, tb, "main h1", "Hawliau dynol mewn ymarfer bob dydd")
	mustContain(t, tb, "main", "Sesiwn dwy awr i dîm cyfan")
	if eval[bool](t, tb, `document.querySelector('main h1 [lang="en"]') !== null`) {
		t.Error("the Welsh title is marked as English")
	}
	checkA11y(t, tb)
	visit(t, tb, "/language/en?next=/training")
}
