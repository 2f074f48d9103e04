package e2e

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// lastEnded is the month that last ended, as the demo and the pages count
// it (London and UTC agree except in the first hour of a month).
func lastEnded() string {
	return time.Now().UTC().AddDate(0, 0, -time.Now().UTC().Day()).Format("2006-01")
}

// TestLeadReadsIndicatorsAndIssuesABoardReport: Northbridge's lead opens
// the indicators from the dashboard, reads a chart with a special-cause
// label and its table, meets the error for a period that makes no sense,
// changes a rule's count by keyboard, builds the quarter's board report
// (a title left out first), writes the summary and what one indicator
// tells us, downloads the PDF and CSV, issues it, finds it again and
// reads it in Welsh.
func TestLeadReadsIndicatorsAndIssuesABoardReport(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "lead@northbridge.test")
	mustContain(t, tb, "main", "Your indicators")
	click(t, tb, "indicators", `main a[href="/indicators"]`)
	mustContain(t, tb, "main", "Complaints and incidents reviewed through the rights lens", "Process limits", "Assurance")

	click(t, tb, "indicator-cases", `main a[href^="/indicators/cases.reviewed"]`)
	mustContain(t, tb, "main", "XmR chart", "Rules this chart used", "Willow Ward (older adults)")
	if !eval[bool](t, tb, `document.querySelector('main figure.lb-chart svg rect[width="14"]') !== null`) {
		t.Error("no special-cause point is drawn as a square on the demo's chart")
	}
	mustContain(t, tb, "main table", "Yes: Run on one side of the centre line")

	// A period that ends before it starts is refused, and says so.
	do(t, tb, "ask for a backwards period",
		chromedp.SetValue(chromedp.CSS("#from"), lastEnded()), chromedp.SetValue(chromedp.CSS("#to"), "2024-01"))
	if status := click(t, tb, "indicator-backwards", `form.lb-filters button[type=submit]`); status != http.StatusUnprocessableEntity {
		t.Errorf("a backwards period answered HTTP %d, want 422", status)
	}
	mustContain(t, tb, ".govuk-error-summary", "The last month must be the same as or after the first month")

	// By keyboard: a run of 8 instead of 6, the period put right.
	do(t, tb, "put the period right", chromedp.SetValue(chromedp.CSS("#to"), lastEnded()),
		chromedp.SetValue(chromedp.CSS("#from"), time.Now().UTC().AddDate(-2, 0, 0).Format("2006-01")))
	tabTo(t, tb, "#shift")
	// Tabbing into a field selects what it holds, so 8 replaces the 6.
	do(t, tb, "type 8", chromedp.KeyEvent("8"))
	follow(t, tb, "indicator-shift-8", chromedp.KeyEvent(kb.Enter))
	mustContain(t, tb, "main", "8 points in a row on the same side of the centre line")

	// The quarter's board report.
	visit(t, tb, "/indicators")
	click(t, tb, "reports", `main a[href="/reports"]`)
	click(t, tb, "report-new", `main a[href="/reports/new"]`)
	if status := click(t, tb, "report-no-title", `main form button[type=submit]`); status != http.StatusUnprocessableEntity {
		t.Errorf("a report without a title answered HTTP %d, want 422", status)
	}
	mustContain(t, tb, ".govuk-error-summary", "Enter a title for the report")
	do(t, tb, "write the cover sheet",
		chromedp.SendKeys(chromedp.CSS("#title"), "Board, this quarter: human rights in practice"),
		chromedp.SendKeys(chromedp.CSS("#purpose"), "For assurance on how we review complaints through the rights lens."),
		chromedp.SendKeys(chromedp.CSS("#issue-1"), "Reviews through the rights lens rose after the weekly huddle."),
		chromedp.SendKeys(chromedp.CSS("#issue-2"), "Recent cases are waiting for review."))
	click(t, tb, "report-started", `main form button[type=submit]`)
	mustContain(t, tb, "main", "What each indicator tells us")
	do(t, tb, "write what the cases indicator tells us",
		chromedp.SendKeys(chromedp.CSS(`textarea[name="tells-cases.reviewed"]`), "A sustained rise since the huddle began."),
		chromedp.SendKeys(chromedp.CSS(`textarea[name="actions-cases.reviewed"]`), "Keep the huddle; clear the recent cases."))
	click(t, tb, "report-saved", `main form button[type=submit]`)
	mustContain(t, tb, "main", "Summary of the indicators", "A sustained rise since the huddle began.", "Reviews through the rights lens rose")
	report := here(t, tb)

	fetchPDF(t, tb, "/report.pdf", "board-report")
	csv := fetchText(t, tb, `fetch(location.pathname + '/report.csv').then(r => r.text())`)
	if !strings.HasPrefix(csv, "Indicator,Key,Month") || !strings.Contains(csv, "cases.reviewed,") {
		t.Errorf("the report's CSV: %.120q", csv)
	}

	click(t, tb, "report-issued", `form[action$="/issue"] button[type=submit]`)
	mustContain(t, tb, ".govuk-notification-banner", "Report issued.", "Its PDF and CSV are being built.")
	// The server's job builds the issued report's files; the page asks
	// again by itself until the downloads appear.
	waitForReportFiles(t, tb, false)
	seen(t, tb, "report-files-ready")
	fetchPDF(t, tb, "/report.pdf", "board-report-issued")

	// Later: found again from the list, kept as it was, and in Welsh.
	visit(t, tb, "/reports")
	mustContain(t, tb, "main", "Board, this quarter: human rights in practice", "Issued")
	click(t, tb, "report-found", `main a[href="`+report+`"]`)
	if eval[bool](t, tb, `document.querySelector('form[action$="/issue"]') !== null`) {
		t.Error("an issued report can still be issued")
	}
	visit(t, tb, "/language/cy?next="+report)
	mustContain(t, tb, "main", "Crynodeb o'r dangosyddion", "Amrywiad")
	visit(t, tb, "/indicators/cases.reviewed")
	mustContain(t, tb, "main", "Siart XmR", "Achos arbennig")
	visit(t, tb, "/language/en?next=/dashboard")
}

// TestBoardReportWithoutJavaScript: the same forms work with no script.
func TestBoardReportWithoutJavaScript(t *testing.T) {
	tb := newTabNoJS(t)
	visit(t, tb, "/impact")
	mustContain(t, tb, "main", "Our impact", "Co-production hours")
	signIn(t, tb, "admin@northbridge.test")
	visit(t, tb, "/indicators/decisions.complete")
	do(t, tb, "choose a shorter period", chromedp.SetValue(chromedp.CSS("#from"), time.Now().UTC().AddDate(0, -6, 0).Format("2006-01")))
	click(t, tb, "nojs-period", `form.lb-filters button[type=submit]`)
	mustContain(t, tb, "main", "Run chart")
	// A change in the process marked and removed with no script.
	do(t, tb, "mark a change", chromedp.SendKeys(chromedp.CSS("#change_month"), lastEnded()),
		chromedp.SendKeys(chromedp.CSS("#reason"), "New record template"))
	click(t, tb, "nojs-change", `form[action$="/changes"] button[type=submit]`)
	mustContain(t, tb, "main", "New record template", "Changes in the process")
	click(t, tb, "nojs-change-removed", `form[action$="/changes/remove"] button`)
	mustContain(t, tb, ".govuk-notification-banner", "The change was removed")
	visit(t, tb, "/reports/new")
	do(t, tb, "title it", chromedp.SendKeys(chromedp.CSS("#title"), "Without script"),
		chromedp.Click(chromedp.CSS("#indicators")))
	click(t, tb, "nojs-report", `main form button[type=submit]`)
	mustContain(t, tb, "main", "What each indicator tells us")
	click(t, tb, "nojs-saved", `main form button[type=submit]`)
	mustContain(t, tb, "main", "Without script", "Issue the report")
	click(t, tb, "nojs-issued", `form[action$="/issue"] button[type=submit]`)
	mustContain(t, tb, ".govuk-notification-banner", "Its PDF and CSV are being built.")
	waitForReportFiles(t, tb, true)
	seen(t, tb, "nojs-report-files-ready")
}

// waitForReportFiles waits for the server's report.build job to make an
// issued report's downloads appear on its page: with script the page asks
// again by itself; without it, the person follows "Check again".
func waitForReportFiles(t *testing.T, tb *tab, noJS bool) {
	t.Helper()
	ready := `document.querySelector('#report-files a[href$="/report.pdf"]') !== null`
	for i := 0; i < 40; i++ {
		if eval[bool](t, tb, ready) {
			if !eval[bool](t, tb, `document.querySelector('#report-files').parentElement.getAttribute('role') === 'status'`) {
				t.Error("the report's files are not in a status region")
			}
			return
		}
		if noJS && eval[bool](t, tb, `document.querySelector('#report-files a.govuk-link') !== null`) {
			click(t, tb, "nojs-check-again", `#report-files a.govuk-link`)
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Fatalf("the issued report's files were not built: %s", text(t, tb, "main"))
}

// TestStaffSeeTheirWardsIndicators: the demo's nurse, who belongs to
// Ward 7, sees her ward's few indicators on her dashboard with the lead's
// labels, in English and Welsh, and no link to the lead's pages.
func TestStaffSeeTheirWardsIndicators(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "nurse@northbridge.test")
	visit(t, tb, "/dashboard")
	mustContain(t, tb, "main", "Your ward's indicators", "Ward 7", "Decisions in force with complete reasoning", "100%", "Decision reviews overdue",
		"Complaints and incidents reviewed through the rights lens")
	if eval[bool](t, tb, `document.querySelector('main a[href^="/indicators/"]') !== null`) {
		t.Error("the nurse's dashboard links to the lead's indicator pages")
	}
	visit(t, tb, "/language/cy?next=/dashboard")
	mustContain(t, tb, "main", "Dangosyddion eich ward", "Penderfyniadau mewn grym â rhesymu cyflawn")
	visit(t, tb, "/language/en?next=/dashboard")
}
