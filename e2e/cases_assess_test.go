package e2e

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Journey: the ward lead assesses last month's PALS contacts in one pass.
// Three were assessed already (the demo); she answers the fourth by
// keyboard, leaves the fifth half done and is told which case and which
// question, then skips it, saves, and reads the month's report (rights
// engaged, severity, whom it affects, the learning), in English and Welsh,
// with its PDF and CSV offered.
func TestLeadAssessesAMonthOfPALSContacts(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "lead@northbridge.test")
	visit(t, tb, "/cases")
	click(t, tb, "cases-assess", `a[href="/cases/assess"]`)
	mustContain(t, tb, "main", "Assess a period’s cases", "PALS concern", "Case PALS-301", "Case PALS-314", "Case PALS-322")
	id := func(ref string) string {
		return eval[string](t, tb, fmt.Sprintf(`[...document.querySelectorAll('.lb-assess-case')].find(c => c.textContent.includes('Case %s'))
			.querySelector('input[name^="case-"]').name.slice(5)`, ref))
	}
	p314, p322 := id("PALS-314"), id("PALS-322")
	// PALS-314: a right at risk, for one person, moderate; by keyboard.
	do(t, tb, "go to PALS-314", chromedp.Focus(chromedp.CSS("#finding-"+p314)))
	press(t, tb, " ")
	tabTo(t, tb, "#severity-"+p314)
	press(t, tb, kb.ArrowDown) // moderate
	tabTo(t, tb, "#scope-"+p314)
	press(t, tb, " ")
	tabTo(t, tb, "#rights-"+p314)
	press(t, tb, " ")
	typeInto(t, tb, "#action_taken-"+p314, "A Welsh-speaking nurse now looks after her on each shift")
	typeInto(t, tb, "#learning-"+p314, "Ask every patient which language they want their care in")
	// PALS-322: only a finding, so the page stops and names the case.
	do(t, tb, "go to PALS-322", chromedp.Focus(chromedp.CSS("#finding-"+p322)))
	press(t, tb, kb.ArrowDown) // breached
	if st := click(t, tb, "cases-assess-errors", `main form[method=post] button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("a half-answered case: HTTP %d, want 422", st)
	}
	mustContain(t, tb, ".govuk-error-summary", "Case PALS-322: Select how severe it was")
	if v := value(t, tb, "#learning-"+p314); v != "Ask every patient which language they want their care in" {
		t.Errorf("the learning typed for PALS-314 was lost: %q", v)
	}
	// She leaves PALS-322 for later: a case with no answers is skipped.
	eval[bool](t, tb, fmt.Sprintf(`(document.querySelectorAll('input[name="finding-%s"]').forEach(i => i.checked = false), true)`, p322))
	click(t, tb, "cases-assess-saved", `main form[method=post] button[type=submit]`)
	mustContain(t, tb, "main", "Assessments saved: 1", "Human rights impact assessment", "Rights at risk or breached",
		"Everyone: a blanket practice", "Ask every patient which language they want their care in", "Download the report (PDF)", "Download the assessments (CSV)")
	if !eval[bool](t, tb, `!!document.querySelector('svg[aria-labelledby^="assessed-rights-chart"]')`) {
		t.Error("the report has no chart of rights engaged")
	}
	for _, f := range []string{"pdf", "csv"} {
		if !eval[bool](t, tb, fmt.Sprintf(`!!document.querySelector('a[href*="format=%s"][download]')`, f)) {
			t.Errorf("the report offers no %s", f)
		}
	}
	report := here(t, tb)
	visit(t, tb, "/language/cy?next="+url.QueryEscape(report))
	mustContain(t, tb, "main", "Asesiad o effaith ar hawliau dynol", "Pawb: arfer cyffredinol")
	visit(t, tb, "/language/en?next=/cases")
}
