package e2e

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestCaseworkJourney is a ward lead's week: record a case (and meet the
// name guard), import a Datix-style export through the column matching
// screen, review a case accepting and rejecting suggestions, and read the
// indicators.
func TestCaseworkJourney(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "lead@northbridge.test")
	visit(t, tb, "/cases")
	mustContain(t, tb, "main", "DX-24226", "Waiting for review")

	// Recording a case: a name in the summary is refused, the rest kept.
	visit(t, tb, "/cases/new")
	do(t, tb, "fill in a case with a name in it",
		chromedp.Click(chromedp.CSS("#type-incident")),
		chromedp.SendKeys(chromedp.CSS("#source_ref"), "E2E-NEW-1"),
		chromedp.SendKeys(chromedp.CSS("#received"), "3"),
		chromedp.SendKeys(chromedp.CSS("#received-month"), "11"),
		chromedp.SendKeys(chromedp.CSS("#received-year"), "2026"),
		chromedp.SetValue(chromedp.CSS("#service"), optionValue(t, tb, "#service", "Willow Ward")),
		chromedp.SendKeys(chromedp.CSS("#summary"), "Mrs Smith was left without water overnight."),
		chromedp.Click(chromedp.CSS("#harm-low")))
	if status := click(t, tb, "case-new-error", `main form button[type=submit]`); status != http.StatusUnprocessableEntity {
		t.Errorf("a name in the summary answered HTTP %d, want 422", status)
	}
	mustContain(t, tb, ".govuk-error-summary", "Remove the name from the summary")
	if got := value(t, tb, "#source_ref"); got != "E2E-NEW-1" {
		t.Errorf("after the error the reference holds %q", got)
	}
	// An NHS number typed in is refused the same way, and kept for her to
	// take out.
	do(t, tb, "swap the name for an NHS number", chromedp.SetValue(chromedp.CSS("#summary"), "Patient 943 476 5919 was left without water overnight."))
	if status := click(t, tb, "case-new-nhs-number", `main form button[type=submit]`); status != http.StatusUnprocessableEntity {
		t.Errorf("an NHS number in the summary answered HTTP %d, want 422", status)
	}
	mustContain(t, tb, ".govuk-error-summary", "Remove the NHS number from the summary")
	if got := value(t, tb, "#summary"); !strings.Contains(got, "943 476 5919") {
		t.Errorf("after the error the summary holds %q", got)
	}
	do(t, tb, "take the name out", chromedp.SetValue(chromedp.CSS("#summary"), "Patient was left without water overnight and became confused."))
	click(t, tb, "case-new-saved", `main form button[type=submit]`)
	mustContain(t, tb, "main", "Case E2E-NEW-1", "Through the rights lens")

	// Import: upload, match the columns, check, import.
	csvPath := filepath.Join(t.TempDir(), "datix-export.csv")
	csv := "Datix ID;Record type;Date reported;Location;Description;Severity\n" +
		"E2E-IMP-1;Complaint;02/11/2026;Willow Ward;Visiting for my mother was stopped for a week and she was left in a soiled bed overnight.;\n" +
		"E2E-IMP-2;Incident;05/11/2026;Ash Ward;Medication given an hour late on the evening round, call 07700 900123.;Minor harm\n"
	if err := os.WriteFile(csvPath, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	visit(t, tb, "/cases/import")
	do(t, tb, "choose the export", chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{csvPath}))
	click(t, tb, "case-import-columns", `main form button[type=submit]`)
	mustContain(t, tb, "main", "Match the columns", "semicolons", "E2E-IMP-1")
	if got := value(t, tb, "#map-source_ref"); got != "Datix ID" {
		t.Errorf("the reference column was matched to %q", got)
	}
	// The export names wards and harm its own way: Lightbulb lists each
	// name once, suggests the ward whose name starts with it, and the lead
	// matches "Minor harm" to low harm herself.
	mustContain(t, tb, "#values", "Match the file’s own names")
	mustContain(t, tb, "main", "“Willow Ward” in the file", "“Ash Ward” in the file", "“Minor harm” in the file", "Add a ward, team or home")
	if got := eval[string](t, tb, `document.querySelector('#vto-service-0').selectedOptions[0].textContent`); got != "Willow Ward (older adults)" {
		t.Errorf("Willow Ward is matched to %q", got)
	}
	do(t, tb, "match the harm", chromedp.SetValue(chromedp.CSS("#vto-harm-0"), "low"))
	do(t, tb, "name the matching", chromedp.SendKeys(chromedp.CSS("#save_as"), "Datix weekly"))
	click(t, tb, "case-import-checked", `button[value=check]`)
	mustContain(t, tb, "#report", "All 2 rows are ready to import")
	click(t, tb, "case-import-started", `button[value=import]`)
	do(t, tb, "wait for the import to finish", chromedp.WaitVisible(chromedp.CSS("#case-progress .govuk-panel")))
	seen(t, tb, "case-import-done")
	mustContain(t, tb, "#case-progress", "Import finished", "2 cases added and 0 updated")
	visit(t, tb, "/cases")

	// Review the imported complaint through the rights lens.
	visit(t, tb, caseHref(t, tb, "E2E-IMP-1"))
	if !strings.Contains(text(t, tb, "h1"), "E2E-IMP-1") {
		t.Fatalf("opened %q, not the imported case", text(t, tb, "h1"))
	}
	mustContain(t, tb, "main", "suggestion", "Words that led to it")
	groups := eval[[]string](t, tb, `[...new Set([...document.querySelectorAll('input[name^="verdict-"]')].map(e => e.name))]`)
	// The shipped model puts A8 (visits, personal care) and A3 (left soiled)
	// to the reviewer; the journey needs two to confirm one and reject one.
	if len(groups) < 2 {
		t.Fatalf("the tagger made %d suggestions for visits stopped and a soiled bed, want at least 2", len(groups))
	}
	actions := []chromedp.Action[chromedp.Void]{chromedp.Click(chromedp.CSS("#" + groups[0]))}
	for _, g := range groups[1:] {
		actions = append(actions, chromedp.Click(chromedp.CSS("#"+g+"-rejected")))
	}
	actions = append(actions, chromedp.Click(chromedp.CSS("details.govuk-details summary")),
		chromedp.Click(chromedp.CSS(`input[name=added][value=A14]`)),
		chromedp.Click(chromedp.CSS("#freda-autonomy")),
		chromedp.SendKeys(chromedp.CSS("#notes"), "Discussed with the ward manager."))
	do(t, tb, "confirm the first suggestion, reject the rest, add A14", actions...)
	click(t, tb, "case-reviewed", `form[action$="/review"] button[type=submit]`)
	mustContain(t, tb, "main", "is saved", "Reviewed", "Added by a reviewer")
	for _, g := range groups[1:] {
		if !eval[bool](t, tb, `document.getElementById(`+strconv.Quote(g+"-rejected")+`).checked`) {
			t.Errorf("suggestion %s is not shown as rejected after saving", g)
		}
	}
	if !eval[bool](t, tb, `document.getElementById(`+strconv.Quote(groups[0])+`).checked`) {
		t.Errorf("suggestion %s is not shown as confirmed after saving", groups[0])
	}

	// Indicators: the chart and the same figures as tables.
	visit(t, tb, "/cases/indicators")
	mustContain(t, tb, "main", "Most engaged rights", "Cases by service and type", "Incidents by level of harm", "Willow Ward (older adults)")
	if !eval[bool](t, tb, `document.querySelector('main figure.lb-chart svg text') !== null`) {
		t.Error("the chart has no labels")
	}
	visit(t, tb, "/cases/indicators?from=2026-11&to=2026-11&type=complaint")
}

// optionValue finds the value of the first option of a select whose text
// starts with label.
func optionValue(t *testing.T, tb *tab, sel, label string) string {
	t.Helper()
	return eval[string](t, tb, `[...document.querySelectorAll('`+sel+` option')].find(o => o.textContent.startsWith('`+label+`')).value`)
}

// caseHref is the address of the case with this reference on the list shown.
func caseHref(t *testing.T, tb *tab, ref string) string {
	t.Helper()
	return eval[string](t, tb, `[...document.querySelectorAll('main a')].find(a => a.textContent.trim() === '`+ref+`').getAttribute('href')`)
}
