package e2e

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Journey: the demo trainer and the Northbridge client lead run the
// programme pages in Welsh: a series with a mistake first, the cohort's
// members and a file with a bad row, the delivery report and its PDF and
// CSV, and the staff listing. Every page is also laid out at 320 px, and a
// screenshot is kept at that width too.
func TestProgrammesInWelsh(t *testing.T) {
	t.Setenv("LIGHTBULB_SHOTS_320", "1")
	bad := filepath.Join(t.TempDir(), "drwg.csv")
	if err := os.WriteFile(bad, []byte("email,name\nowen.price@northbridge.test,Owen Price\nnid-cyfeiriad,Rhys\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tb := newTab(t)
	signIn(t, tb, "trainer@lightbulb.test")
	visit(t, tb, "/language/cy?next=/training/manage")
	t.Cleanup(func() { visit(t, tb, "/language/en?next=/training/manage") })

	// The series form: the number of weeks left out first.
	click(t, tb, "cohort", `main ul.govuk-list li:nth-child(1) > a[href^="/training/manage/cohorts/"]`)
	cohort := here(t, tb)
	click(t, tb, "series-form", `main a[href^="/training/manage/sessions/series"]`)
	mustContain(t, tb, "main", "Trefnu cyfres o sesiynau", "Bob wythnos")
	do(t, tb, "fill in the series",
		chromedp.SetValue(chromedp.CSS("#course"), eval[string](t, tb, `document.querySelector('#course option:nth-child(2)').value`)),
		chromedp.SendKeys(chromedp.CSS("#first"), "13"), chromedp.SendKeys(chromedp.CSS("#first-month"), "1"), chromedp.SendKeys(chromedp.CSS("#first-year"), "2033"),
		chromedp.SendKeys(chromedp.CSS("#start"), "10:00"), chromedp.SendKeys(chromedp.CSS("#end"), "12:00"),
		chromedp.SendKeys(chromedp.CSS("#join_url"), "https://meet.example.org/cyfres"))
	if st := click(t, tb, "series-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("a series without its number of weeks: HTTP %d", st)
	}
	mustContain(t, tb, ".govuk-error-summary", "Mae problem", "Rhowch nifer yr wythnosau")
	noEnglish(t, tb)
	do(t, tb, "four weeks", chromedp.SendKeys(chromedp.CSS("#weeks"), "4"))
	click(t, tb, "series-saved", `main form button[type=submit]`)
	mustContain(t, tb, ".govuk-notification-banner", "Mae 4 sesiwn wedi'u trefnu.")
	noEnglish(t, tb)

	// The members of the Practice Leads, and a file with a bad row.
	visit(t, tb, "/training/manage")
	click(t, tb, "leads-cohort", `main ul.govuk-list li:nth-child(3) > a[href^="/training/manage/cohorts/"]`)
	noEnglish(t, tb)
	click(t, tb, "members", `main a[href$="/members"]`)
	mustContain(t, tb, "main", "Aelodau", "Ychwanegu aelodau o ffeil")
	noEnglish(t, tb)
	do(t, tb, "choose a file with a bad row", chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{bad}))
	if st := click(t, tb, "members-file-error", `main form[action$="/import"] button`); st != http.StatusUnprocessableEntity {
		t.Errorf("a file with a bad row: HTTP %d", st)
	}
	mustContain(t, tb, ".govuk-error-summary", "Rhes 3:")
	noEnglish(t, tb)

	// The delivery report, and its downloads in Welsh.
	visit(t, tb, cohort)
	click(t, tb, "delivery-report", `main a[href$="/report"]`)
	mustContain(t, tb, "main", "Adroddiad cyflwyno", "Gweithdai a gyflwynwyd", "Heb gwblhau eto")
	noEnglish(t, tb)
	// At desktop width every column shows without scrolling its region.
	if n := eval[int](t, tb, `[...document.querySelectorAll('main .lb-table-scroll')].filter(r => r.scrollWidth > r.clientWidth + 1).length`); n != 0 {
		t.Errorf("%d of the delivery report's tables scroll at desktop width", n)
	}
	welshDownloads(t, tb)

	// The client lead: the organisation's programmes, members, report and
	// the staff listing.
	lead := newTab(t)
	signIn(t, lead, "lead@northbridge.test")
	visit(t, lead, "/language/cy?next=/training/cohorts")
	t.Cleanup(func() { visit(t, lead, "/language/en?next=/training") })
	mustContain(t, lead, "main", "Rhaglenni eich sefydliad")
	noEnglish(t, lead)
	click(t, lead, "lead-members", `main a[href$="/members"]`)
	mustContain(t, lead, "main", "Aelodau")
	noEnglish(t, lead)
	visit(t, lead, "/training/cohorts")
	click(t, lead, "lead-report", `main a[href$="/report"]`)
	mustContain(t, lead, "main", "Adroddiad cyflwyno")
	noEnglish(t, lead)
	welshDownloads(t, lead)
	visit(t, lead, "/training")
	mustContain(t, lead, "main", "Archebwch un dyddiad ar gyfer pob rhan.", "Rhan 2")
	noEnglish(t, lead)
}

// welshDownloads fetches the delivery report's PDF and CSV from its page
// and checks that the CSV's headings are Welsh.
func welshDownloads(t *testing.T, tb *tab) {
	t.Helper()
	fetchPDF(t, tb, ".pdf", "delivery-report-cy")
	csv := fetchText(t, tb, `fetch(location.pathname + '.csv').then(r => r.text())`)
	saveArtifact(t, "delivery-report-cy", "csv", []byte(csv))
	head, _, _ := strings.Cut(strings.TrimPrefix(csv, "\ufeff"), "\n")
	if !strings.HasPrefix(head, "Rhan,Gweithdai a gyflwynwyd") {
		t.Errorf("the Welsh CSV's headings: %q", head)
	}
	for _, en := range []string{"Part", "Workshops", "Places", "Attended", "Feedback", "Knowledge", "Name", "Email"} {
		if strings.Contains(head, en) {
			t.Errorf("the Welsh CSV's headings hold the English %q: %q", en, head)
		}
	}
}

// englishWords are words a Welsh page shows only where English leaks
// through outside an element marked lang="en".
var englishWords = []string{" the ", " and ", " of ", "Part ", "Members", "Delivery", "Download", "Schedule", "Save ", "Back", " members", " sessions", "There is a problem"}

// noEnglish fails when the main part of a Welsh page shows common English
// words outside elements marked lang="en".
func noEnglish(t *testing.T, tb *tab) {
	t.Helper()
	shown := eval[string](t, tb, `(() => { const m = document.querySelector('main').cloneNode(true);
		m.querySelectorAll('[lang="en"], .govuk-visually-hidden, input, textarea, option, script').forEach(e => e.remove());
		return ' ' + m.innerText.replace(/\s+/g, ' ') + ' '; })()`)
	for _, w := range englishWords {
		if i := strings.Index(shown, w); i >= 0 {
			t.Errorf("%s shows English %q in Welsh: …%s…", here(t, tb), strings.TrimSpace(w), shown[max(0, i-60):min(len(shown), i+60)])
		}
	}
}
