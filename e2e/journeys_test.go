package e2e

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The journeys share one server and database. TestAdminEditsARight changes
// the English Article 8, so no other journey relies on its English title, and
// the order of the tests does not matter (go test -shuffle=on works). The
// journeys sign in 5 times in all, which is the app's limit per minute from
// one address: see signIn.

const (
	welshA8Title = "Hawl i barch at fywyd preifat a bywyd teuluol"
	// The Easy Read page of Article 8 is headed in plain words.
	easyA8Title      = "Your right to a private life"
	welshEasyA8Title = "Eich hawl i fywyd preifat"
	rightsCount      = 16
)

// pdfPage counts the pages of a PDF (a /Type /Page object, not /Pages).
var pdfPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// The harness itself: axe-core and the console watch really report problems,
// so a clean result on the journeys means something.
func TestHarnessFindsAccessibilityProblems(t *testing.T) {
	tb := newTab(t)
	visit(t, tb, "/")
	eval[bool](t, tb, `(() => {
		const img = document.createElement('img'); img.src = '/static/images/favicon.svg'; document.querySelector('main').append(img);
		const input = document.createElement('input'); input.type = 'text'; document.querySelector('main').append(input);
		return true })()`)
	var ids []string
	for _, v := range axeViolations(t, tb) {
		ids = append(ids, v.ID)
	}
	for _, want := range []string{"image-alt", "label"} {
		if !slices.Contains(ids, want) {
			t.Errorf("axe-core did not report %s for a planted problem; it reported %v", want, ids)
		}
	}

	// The console watch sees errors too (then forget the planted one).
	eval[bool](t, tb, `console.error('planted by the e2e harness'), true`)
	if !tb.sawConsole("planted by the e2e harness", true) {
		t.Error("the console watch missed a console.error")
	}
}

// Journey 1: a visitor reads the rights, in English and Welsh, in Easy Read,
// and prints the pocket card.
func TestVisitorReadsTheRights(t *testing.T) {
	tb := newTab(t)

	visit(t, tb, "/")
	mustContain(t, tb, "main h1", "Human rights in everyday practice")

	click(t, tb, "rights", `main a.govuk-button--start`)
	if p := here(t, tb); p != "/rights" {
		t.Fatalf("the start button led to %s, want /rights", p)
	}
	checkRightsList(t, tb)

	// Search with everyday words.
	do(t, tb, "type a search", chromedp.SendKeys(chromedp.CSS("#q"), "visiting"))
	follow(t, tb, "search-visiting", chromedp.KeyEvent(kb.Enter))
	if p := here(t, tb); p != "/rights?q=visiting" {
		t.Errorf("the search went to %s, want /rights?q=visiting", p)
	}
	hit := `#results ~ ul.lb-rights-list a[href="/rights/A8"]`
	if !eval[bool](t, tb, fmt.Sprintf(`document.querySelector(%q) !== null`, hit)) {
		t.Fatalf("searching for visiting did not find Article 8; the page says:\n%s", clip(text(t, tb, "main"), 800))
	}
	title := text(t, tb, hit)

	// The right, then its Easy Read version.
	click(t, tb, "right-A8", hit)
	if p := here(t, tb); p != "/rights/A8" {
		t.Fatalf("the search result led to %s, want /rights/A8", p)
	}
	mustContain(t, tb, "main h1", title)
	mustContain(t, tb, "main .govuk-caption-l", "Article 8")
	mustContain(t, tb, "main", "What this right protects", "Examples")

	click(t, tb, "easy-read", `main a[href="/rights/A8/easy-read"]`)
	mustContain(t, tb, "main h1", easyA8Title)
	if n := eval[int](t, tb, `document.querySelectorAll('main .lb-easy-read li').length`); n < 3 {
		t.Errorf("the Easy Read page has %d sentences, want at least 3", n)
	}

	// Welsh, with the switcher in the header, then back to English.
	click(t, tb, "easy-read-cymraeg", `.govuk-header a[hreflang="cy"]`)
	checkLanguage(t, tb, "/rights/A8/easy-read", "cy", welshEasyA8Title)
	click(t, tb, "right-A8-cymraeg", `main a.govuk-back-link`)
	checkLanguage(t, tb, "/rights/A8", "cy", welshA8Title)
	click(t, tb, "right-A8-english", `.govuk-header a[hreflang="en"]`)
	checkLanguage(t, tb, "/rights/A8", "en", title)

	// The pocket card: on screen, then as printed.
	visit(t, tb, "/rights/card")
	if n := eval[int](t, tb, `document.querySelectorAll('.lb-card__item').length`); n != rightsCount {
		t.Errorf("the pocket card lists %d rights, want %d", n, rightsCount)
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatalf("emulate print media: %v", err)
	}
	seen(t, tb, "card-print")
	for _, sel := range []string{".govuk-header", ".govuk-footer", ".lb-no-print"} {
		if d := eval[string](t, tb, fmt.Sprintf(`getComputedStyle(document.querySelector(%q)).display`, sel)); d != "none" {
			t.Errorf("in print, %s has display %q, want none", sel, d)
		}
	}
	pdf := func() []byte {
		ctx, cancel := within(tb)
		defer cancel()
		b, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
		if err != nil {
			t.Fatalf("print the card to PDF: %v", err)
		}
		return b
	}()
	t.Logf("printed card saved as %s", saveArtifact(t, "card-printed", "pdf", pdf))
	if n := len(pdfPage.FindAll(pdf, -1)); n != 1 {
		t.Errorf("the printed pocket card has %d pages, want exactly 1 (it says it prints on one A4 page)", n)
	}
	if _, err := chromedp.Call(tb.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""}); err != nil {
		t.Fatalf("stop emulating print media: %v", err)
	}

	// The PDF download, as any client would fetch it.
	resp, err := http.Get(baseURL + "/rights/card.pdf")
	if err != nil {
		t.Fatalf("GET /rights/card.pdf: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read /rights/card.pdf: %v", err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /rights/card.pdf: %s", resp.Status)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/pdf" {
		t.Errorf("GET /rights/card.pdf: Content-Type %q, want application/pdf", ct)
	}
	if !bytes.HasPrefix(body, []byte("%PDF")) {
		t.Errorf("GET /rights/card.pdf does not start with %%PDF: %q", clip(string(body), 40))
	}
	saveArtifact(t, "card-download", "pdf", body)
	if n := len(pdfPage.FindAll(body, -1)); n != 1 {
		t.Errorf("the downloaded pocket card has %d pages, want 1", n)
	}
}

// Journey 2: the same visitor with JavaScript turned off.
func TestVisitorReadsTheRightsWithoutJavaScript(t *testing.T) {
	tb := newTabNoJS(t)

	visit(t, tb, "/rights")
	if eval[bool](t, tb, `document.body.classList.contains('js-enabled')`) {
		t.Fatal("the page ran its scripts: JavaScript is not off")
	}
	checkRightsList(t, tb)

	do(t, tb, "type a search", chromedp.SendKeys(chromedp.CSS("#q"), "visiting"))
	follow(t, tb, "search-visiting", chromedp.KeyEvent(kb.Enter))
	hit := `#results ~ ul.lb-rights-list a[href="/rights/A8"]`
	if !eval[bool](t, tb, fmt.Sprintf(`document.querySelector(%q) !== null`, hit)) {
		t.Fatalf("searching for visiting did not find Article 8; the page says:\n%s", clip(text(t, tb, "main"), 800))
	}
	title := text(t, tb, hit)

	click(t, tb, "right-A8", hit)
	checkLanguage(t, tb, "/rights/A8", "en", title)
	if !eval[bool](t, tb, `getComputedStyle(document.querySelector('#navigation')).display !== 'none'`) {
		t.Error("without JavaScript the header links are hidden")
	}

	click(t, tb, "right-A8-cymraeg", `.govuk-header a[hreflang="cy"]`)
	checkLanguage(t, tb, "/rights/A8", "cy", welshA8Title)
	click(t, tb, "easy-read-cymraeg", `main a[href="/rights/A8/easy-read"]`)
	checkLanguage(t, tb, "/rights/A8/easy-read", "cy", welshEasyA8Title)
	if n := eval[int](t, tb, `[...document.querySelectorAll('main .lb-easy-read__item img')].filter(i => i.complete && i.naturalWidth > 0 && i.alt === '').length`); n < 5 {
		t.Errorf("without JavaScript the Welsh Easy Read page shows %d pictures, want one a sentence", n)
	}
	click(t, tb, "easy-read-english", `.govuk-header a[hreflang="en"]`)
	checkLanguage(t, tb, "/rights/A8/easy-read", "en", easyA8Title)
	visit(t, tb, "/rights/card")
	if !eval[bool](t, tb, `document.querySelector('main a[href="/rights/folding-card.pdf"]') !== null`) {
		t.Error("without JavaScript the pocket card page has no folding card link")
	}
}

// Journey 3: a nurse signs in and out with the keyboard alone, and sees a
// clear error for a wrong password.
func TestStaffSignsInAndOutByKeyboard(t *testing.T) {
	tb := newTab(t)

	visit(t, tb, "/sign-in")
	n := tabTo(t, tb, "#email")
	t.Logf("the email field is Tab number %d", n)
	do(t, tb, "type the email", chromedp.KeyEvent("nurse@northbridge.test"), chromedp.KeyEvent(kb.Tab))
	if f := focused(t, tb); !strings.HasPrefix(f, "input#password") {
		t.Fatalf("Tab from the email field went to %s, want the password field", f)
	}
	do(t, tb, "type the password", chromedp.KeyEvent(demoPassword))
	follow(t, tb, "dashboard", chromedp.KeyEvent(kb.Enter))
	if p := here(t, tb); p != "/dashboard" {
		t.Fatalf("signing in landed on %s, want /dashboard; the page says:\n%s", p, clip(text(t, tb, "main"), 600))
	}
	mustContain(t, tb, ".lb-account-bar", "Niamh Kelly", "Northbridge NHS Foundation Trust")
	mustContain(t, tb, "main h1", "Your dashboard")

	n = tabTo(t, tb, `.lb-account-bar button[type=submit]`)
	t.Logf("the Sign out button is Tab number %d", n)
	mustContain(t, tb, ".lb-account-bar button[type=submit]", "Sign out")
	follow(t, tb, "signed-out", chromedp.KeyEvent(kb.Enter))
	if p := here(t, tb); p != "/sign-in" {
		t.Errorf("signing out landed on %s, want /sign-in", p)
	}
	mustContain(t, tb, "main", "You have signed out.")
	if eval[bool](t, tb, `document.querySelector('.lb-account-bar') !== null`) {
		t.Error("the account bar still shows after signing out")
	}
	visit(t, tb, "/dashboard")
	if p := here(t, tb); !strings.HasPrefix(p, "/sign-in") {
		t.Errorf("after signing out /dashboard showed %s, want the sign-in page", p)
	}

	// A wrong password, still by keyboard.
	visit(t, tb, "/sign-in")
	tabTo(t, tb, "#email")
	do(t, tb, "type the email and a wrong password",
		chromedp.KeyEvent("nurse@northbridge.test"), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent("not-the-password"))
	if status := follow(t, tb, "wrong-password", chromedp.KeyEvent(kb.Enter)); status != http.StatusUnprocessableEntity {
		t.Errorf("a wrong password answered HTTP %d, want 422", status)
	}
	mustContain(t, tb, ".govuk-error-summary", "There is a problem", "Enter a correct email address and password")
	if title := eval[string](t, tb, `document.title`); !strings.HasPrefix(title, "Error:") {
		t.Errorf("the page title %q does not start with Error:", title)
	}
	if !eval[bool](t, tb, `document.querySelector('.govuk-error-summary a[href="#email"]') !== null`) {
		t.Error("the error summary does not link to the email field")
	}
	if v := value(t, tb, "#email"); v != "nurse@northbridge.test" {
		t.Errorf("the email field holds %q after the error, want the address typed", v)
	}
	if v := value(t, tb, "#password"); v != "" {
		t.Error("the password field was filled in again after the error")
	}
	if f := focused(t, tb); !strings.Contains(f, "govuk-error-summary") {
		t.Errorf("after the error the focus is on %q, want the error summary", f)
	}
}

// Journey 4: the platform admin edits a right, sees the version history, the
// public page, the audit log and the Welsh page marked as out of date.
func TestAdminEditsARight(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "admin@lightbulb.test")

	visit(t, tb, "/admin/rights")
	if n := eval[int](t, tb, `document.querySelectorAll('main tbody tr').length`); n != rightsCount {
		t.Errorf("the rights library lists %d rights, want %d", n, rightsCount)
	}
	click(t, tb, "edit-A8", `main a[href="/admin/rights/A8?lang=en"]`)
	oldTitle := value(t, tb, "#title")
	if oldTitle == "" {
		t.Fatal("the edit form has no title")
	}
	// The caption ends with the version being edited: "A8 · Article 8 · English · version 1".
	caption := text(t, tb, "main .govuk-caption-l")
	m := regexp.MustCompile(`(\d+)$`).FindStringSubmatch(caption)
	if m == nil {
		t.Fatalf("the edit form does not say which version it edits: %q", caption)
	}
	version, _ := strconv.Atoi(m[1])
	protects := value(t, tb, "#protects")
	summary := "A test summary typed in the browser: your private life, family, home and letters."
	do(t, tb, "empty the title and change the summary",
		chromedp.Clear(chromedp.CSS("#title")),
		chromedp.SetValue(chromedp.CSS("#summary"), summary))

	// An empty title: the error, and everything else still as typed.
	if status := click(t, tb, "edit-A8-empty-title", `main form button[type=submit]`); status != http.StatusUnprocessableEntity {
		t.Errorf("saving an empty title answered HTTP %d, want 422", status)
	}
	mustContain(t, tb, ".govuk-error-summary", "Enter a title")
	if !eval[bool](t, tb, `document.querySelector('.govuk-error-summary a[href="#title"]') !== null`) {
		t.Error("the error summary does not link to the title field")
	}
	mustContain(t, tb, "#title-error", "Enter a title")
	for sel, want := range map[string]string{"#title": "", "#summary": summary, "#protects": protects} {
		if got := value(t, tb, sel); got != want {
			t.Errorf("after the error %s holds %q, want %q", sel, clip(got, 80), clip(want, 80))
		}
	}

	// A good title: a new version, shown in the history.
	newTitle := "Right to respect for private and family life, home and correspondence"
	if newTitle == oldTitle { // run twice on one server (go test -count=2)
		newTitle += " (again)"
	}
	do(t, tb, "type a new title and choose a picture for the first Easy Read sentence",
		chromedp.SendKeys(chromedp.CSS("#title"), newTitle), chromedp.SetValue(chromedp.CSS("#picture-1"), "heart"))
	click(t, tb, "history", `main form button[type=submit]`)
	if p := here(t, tb); p != "/admin/rights/A8/history?lang=en" {
		t.Fatalf("saving went to %s, want the history page; the page says:\n%s", p, clip(text(t, tb, "main"), 600))
	}
	rows := eval[[][]string](t, tb, `[...document.querySelectorAll('main tbody tr')].map(r => [...r.cells].map(c => c.textContent.trim()))`)
	if len(rows) == 0 || len(rows[0]) < 4 || rows[0][0] != fmt.Sprint(version+1) || rows[0][2] != "Ada Adeyemi" || rows[0][3] != newTitle {
		t.Errorf("the history does not start with version %d by Ada Adeyemi titled %q: %q", version+1, newTitle, rows)
	}
	if !slices.ContainsFunc(rows, func(r []string) bool { return len(r) >= 4 && r[0] == fmt.Sprint(version) && r[3] == oldTitle }) {
		t.Errorf("the history lost version %d %q: %q", version, oldTitle, rows)
	}

	// The public page shows the new version at once, and the Easy Read page the chosen picture.
	visit(t, tb, "/rights/A8")
	mustContain(t, tb, "main h1", newTitle)
	mustContain(t, tb, "main .govuk-body-l", summary)
	visit(t, tb, "/rights/A8/easy-read")
	if src := eval[string](t, tb, `document.querySelector('main .lb-easy-read__picture')?.getAttribute('src') || ''`); !strings.Contains(src, "/easy-read/heart") {
		t.Errorf("the first Easy Read sentence does not show the heart chosen for it: %q", src)
	}

	// The audit log of every organisation records the edit.
	visit(t, tb, "/admin/audit?all=1")
	rows = eval[[][]string](t, tb, `[...document.querySelectorAll('main tbody tr')].map(r => [...r.cells].map(c => c.textContent.trim()))`)
	if !slices.ContainsFunc(rows, func(r []string) bool {
		// When, Organisation, Who, Action, About, ...
		return len(r) >= 5 && r[1] == "Lightbulb Human Rights Charity" && r[2] == "Ada Adeyemi" && strings.HasSuffix(r[3], "right.edit") && strings.Contains(r[4], "A8")
	}) {
		t.Errorf("the audit log has no right.edit of A8 by Ada Adeyemi: %q", rows)
	}

	// The Welsh page now warns that it is older than the English.
	visit(t, tb, "/language/cy?next=/rights/A8")
	checkLanguage(t, tb, "/rights/A8", "cy", welshA8Title)
	notice := `main .govuk-inset-text a[href^="/language/en"]`
	if !eval[bool](t, tb, fmt.Sprintf(`document.querySelector(%q) !== null`, notice)) {
		t.Errorf("the Welsh page of an edited right has no notice that it is older than the English; it says:\n%s", clip(text(t, tb, "main"), 600))
	} else {
		t.Logf("Welsh notice: %s", text(t, tb, "main .govuk-inset-text"))
	}
	visit(t, tb, "/admin/rights")
	if !eval[bool](t, tb, `document.querySelector('main a[href="/admin/rights/A8?lang=cy"] ~ .govuk-tag--orange') !== null`) {
		t.Error("the rights library does not mark the Welsh A8 as needing an update")
	}

	// The old wording was better after all: compare it and restore it.
	visit(t, tb, "/language/en?next=/admin/rights")
	compareAndRestore(t, tb, version, oldTitle)
}

// Journey 5: an admin of one organisation cannot see another's people or the
// platform pages.
func TestOrganisationsAreIsolated(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "admin@riverside.test")

	visit(t, tb, "/admin/people")
	mustContain(t, tb, "main", "People and roles", "Riverside Borough Council", "Rhiannon Evans")
	if strings.Contains(text(t, tb, "main"), "Niamh Kelly") {
		t.Error("Riverside's people list shows Northbridge's nurse")
	}

	visitStatus(t, tb, "/admin/organisations", http.StatusForbidden)
	mustContain(t, tb, "main h1", "You do not have permission to see this page")

	visitStatus(t, tb, fmt.Sprintf("/admin/people/%d", nurseID), http.StatusNotFound)
	mustContain(t, tb, "main h1", "Page not found")
	if main := text(t, tb, "main"); strings.Contains(main, "Niamh") || strings.Contains(main, "northbridge") {
		t.Errorf("the 404 page reveals the other organisation's person: %s", clip(main, 400))
	}
}

// Journey 6: someone in two organisations switches between them.
func TestPracticeLeadSwitchesOrganisation(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "practicelead@lightbulb.test")

	type option struct {
		Value    string `json:"value"`
		Text     string `json:"text"`
		Selected bool   `json:"selected"`
	}
	opts := eval[[]option](t, tb, `[...document.querySelectorAll('#org option')].map(o => ({value: o.value, text: o.textContent.trim(), selected: o.selected}))`)
	if len(opts) != 2 {
		t.Fatalf("the organisation switcher offers %d organisations, want 2: %+v", len(opts), opts)
	}
	other := opts[0]
	if other.Selected {
		other = opts[1]
	}
	name, _, _ := strings.Cut(other.Text, " (")
	before := text(t, tb, ".lb-account-bar")
	if strings.Contains(before, name) {
		t.Fatalf("already working in %s before switching: %s", name, before)
	}

	do(t, tb, "choose "+name, chromedp.SetValue(chromedp.CSS("#org"), other.Value))
	click(t, tb, "switched", `form[action="/organisation"] button[type=submit]`)
	if p := here(t, tb); p != "/dashboard" {
		t.Errorf("switching landed on %s, want /dashboard", p)
	}
	mustContain(t, tb, ".govuk-notification-banner", "You are now working in "+name+".")
	mustContain(t, tb, ".lb-account-bar", name)
	mustContain(t, tb, "main .govuk-body-l", "You are working in "+name)
	if sel := eval[string](t, tb, `document.querySelector('#org option:checked').value`); sel != other.Value {
		t.Errorf("after switching the switcher shows option %s, want %s", sel, other.Value)
	}
}

// checkRightsList checks /rights lists all the rights, grouped by whether and
// how they can be restricted: 4 absolute, 6 limited, 5 qualified and the one
// right against discrimination, in that order.
func checkRightsList(t *testing.T, tb *tab) {
	t.Helper()
	if n := eval[int](t, tb, `document.querySelectorAll('main .lb-rights-list a[href^="/rights/"]').length`); n != rightsCount {
		t.Errorf("/rights lists %d rights, want %d", n, rightsCount)
	}
	type group struct {
		Heading string   `json:"heading"`
		Codes   []string `json:"codes"`
	}
	groups := eval[[]group](t, tb, `[...document.querySelectorAll('main h2.govuk-heading-l:not(#results)')].map(h => {
		let ul = h.nextElementSibling;
		while (ul && ul.tagName !== 'UL') ul = ul.nextElementSibling;
		return {heading: h.textContent.trim(), codes: ul ? [...ul.querySelectorAll('a')].map(a => a.getAttribute('href').replace('/rights/', '')) : []};
	})`)
	want := []struct {
		word  string
		codes []string
	}{
		{"Absolute", []string{"A3", "A4", "A7", "P13A1"}},
		{"Limited", []string{"A2", "A5", "A6", "A12", "P1A2", "P1A3"}},
		{"Qualified", []string{"A8", "A9", "A10", "A11", "P1A1"}},
		{"discrimination", []string{"A14"}},
	}
	if len(groups) != len(want) {
		t.Fatalf("/rights has %d groups, want %d: %+v", len(groups), len(want), groups)
	}
	for i, w := range want {
		g := groups[i]
		if !strings.Contains(g.Heading, w.word) {
			t.Errorf("group %d of /rights is headed %q, want it to say %q", i+1, g.Heading, w.word)
		}
		got := slices.Clone(g.Codes)
		slices.Sort(got)
		wantCodes := slices.Clone(w.codes)
		slices.Sort(wantCodes)
		if !slices.Equal(got, wantCodes) {
			t.Errorf("group %q of /rights has %v, want %v", g.Heading, g.Codes, w.codes)
		}
	}
}

// checkLanguage checks the address, the page's language and its heading.
func checkLanguage(t *testing.T, tb *tab, wantPath, lang, h1 string) {
	t.Helper()
	if p := here(t, tb); p != wantPath {
		t.Errorf("on %s, want %s", p, wantPath)
	}
	if got := eval[string](t, tb, `document.documentElement.lang`); got != lang {
		t.Errorf("%s has lang=%q, want %q", wantPath, got, lang)
	}
	if got := text(t, tb, "main h1"); got != h1 {
		t.Errorf("%s in %s is titled %q, want %q", wantPath, lang, got, h1)
	}
}
