package e2e

import (
	"database/sql"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The programme journeys use the demo's Northbridge Practice Leads cohort
// (40 named members, the demo nurse not among them) and its eight parts.

// demoSessionOf returns the path of the first session of a course whose
// title starts with prefix.
func demoSessionOf(t *testing.T, prefix string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+dbFile+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var id string
	err = db.QueryRow(`SELECT CAST(s.id AS TEXT) FROM training_sessions s JOIN training_courses c ON c.id = s.course_id
		WHERE c.title LIKE ? ORDER BY s.starts_at LIMIT 1`, prefix+"%").Scan(&id)
	if err != nil {
		t.Fatalf("the demo session of %q: %v", prefix, err)
	}
	return "/training/sessions/" + id
}

// Journey: a trainer adds Practice Leads from a CSV file (a file with a
// mistake first, which adds nobody); the demo nurse, not a member, cannot
// book a Practice Leads session, with JavaScript off.
func TestCohortMembersFromACSV(t *testing.T) {
	dir := t.TempDir()
	bad, good := filepath.Join(dir, "bad.csv"), filepath.Join(dir, "leads.csv")
	if err := os.WriteFile(bad, []byte("email,name\nowen.price@northbridge.test,Owen Price\nnot-an-address,Rhys\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(good, []byte("email,name\nowen.price@northbridge.test,Owen Price\nsian.roberts@northbridge.test,Sian Roberts\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tb := newTab(t)
	signIn(t, tb, "trainer@lightbulb.test")
	visit(t, tb, "/training/manage")
	click(t, tb, "leads-cohort", `main ul.govuk-list li:nth-child(3) > a[href^="/training/manage/cohorts/"]`)
	mustContain(t, tb, "main", "Members", "40 members")
	click(t, tb, "members", `main a[href$="/members"]`)
	mustContain(t, tb, "main", "Leon Marsh", "Only the members named here can book")
	do(t, tb, "choose a file with a mistake", chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{bad}))
	if st := click(t, tb, "members-file-error", `main form[action$="/import"] button`); st != http.StatusUnprocessableEntity {
		t.Errorf("a file with a mistake: HTTP %d", st)
	}
	mustContain(t, tb, ".govuk-error-summary", "Row 3: enter an email address in the correct format")
	if n := eval[int](t, tb, `[...document.querySelectorAll('main tbody td')].filter(td => td.textContent.includes('owen.price')).length`); n != 0 {
		t.Error("a refused file added Owen")
	}
	do(t, tb, "choose the corrected file", chromedp.SetUploadFiles(chromedp.CSS("#file"), []string{good}))
	click(t, tb, "members-added", `main form[action$="/import"] button`)
	mustContain(t, tb, ".govuk-notification-banner", "2 people added from the file; 0 were already members.")
	mustContain(t, tb, "main", "42 members", "Owen Price", "sian.roberts@northbridge.test")

	nurse := newTabNoJS(t)
	signIn(t, nurse, "nurse@northbridge.test")
	visit(t, nurse, "/training")
	mustContain(t, nurse, "main", "Northbridge practitioners, wave 1", "Book one date for each part.", "Part 2", "You have a date for this part")
	if strings.Contains(text(t, nurse, "main"), "Northbridge Practice Leads") {
		t.Error("the Practice Leads' sessions are listed for a nurse who is not a member")
	}
	visit(t, nurse, demoSessionOf(t, "Practice Leads 2"))
	if st := click(t, nurse, "not-a-member", `main form[action$="/book"] button`); st != http.StatusConflict && st != http.StatusUnprocessableEntity {
		t.Errorf("a non-member booking: HTTP %d", st)
	}
	mustContain(t, nurse, ".govuk-error-summary", "This session is for the named members of a programme")
}

// Journey: a trainer schedules a series of weekly workshops for the
// practitioner cohort in one form; a mistake first keeps every answer.
func TestTrainerSchedulesASeries(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "trainer@lightbulb.test")
	visit(t, tb, "/training/manage")
	click(t, tb, "cohort", `main ul.govuk-list li:nth-child(1) > a[href^="/training/manage/cohorts/"]`)
	click(t, tb, "series-form", `main a[href^="/training/manage/sessions/series"]`)
	if eval[bool](t, tb, `document.querySelector('#conditional-how-dates').offsetParent !== null`) {
		t.Error("the chosen dates show before that choice")
	}
	do(t, tb, "fill in the series",
		chromedp.SetValue(chromedp.CSS("#course"), eval[string](t, tb, `[...document.querySelectorAll('#course option')].find(o => o.textContent.startsWith('Practitioner 2')).value`)),
		chromedp.SendKeys(chromedp.CSS("#part"), "2"),
		chromedp.SendKeys(chromedp.CSS("#first"), "12"), chromedp.SendKeys(chromedp.CSS("#first-month"), "1"), chromedp.SendKeys(chromedp.CSS("#first-year"), "2032"),
		chromedp.SendKeys(chromedp.CSS("#start"), "10:00"), chromedp.SendKeys(chromedp.CSS("#end"), "13:00"),
		chromedp.SendKeys(chromedp.CSS("#join_url"), "https://meet.example.org/wave-2"),
		chromedp.SendKeys(chromedp.CSS("#facilitators"), "Tomos Pritchard, Esther Okafor"),
		chromedp.Click(chromedp.CSS("#issues-restraint")))
	if st := click(t, tb, "series-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("a series without its number of weeks: HTTP %d", st)
	}
	mustContain(t, tb, ".govuk-error-summary", "Enter the number of weeks")
	if v := value(t, tb, "#facilitators"); v != "Tomos Pritchard, Esther Okafor" {
		t.Errorf("the facilitators were lost: %q", v)
	}
	do(t, tb, "thirty weeks", chromedp.SendKeys(chromedp.CSS("#weeks"), "30"))
	click(t, tb, "series-saved", `main form button[type=submit]`)
	mustContain(t, tb, ".govuk-notification-banner", "30 sessions have been scheduled.")
	mustContain(t, tb, "main", "Monday 12 January 2032, 10:00 to 13:00 GMT", "Monday 2 August 2032, 10:00 to 13:00 BST")

	// The needs map shows the workshops that address each practice issue.
	click(t, tb, "needs-map", `main a[href^="/training/needs/map"]`)
	mustContain(t, tb, "main", "Workshops addressing the issue")
}

// Journey: the demo social worker, who attended the Riverside programme's
// one part, starts her plan for it from her plans page and shares it; the
// trainer reads it on the cohort's plans page.
func TestPlanAtTheEndOfAProgramme(t *testing.T) {
	sam := newTab(t)
	signIn(t, sam, "socialworker@riverside.test")
	visit(t, sam, "/plans")
	mustContain(t, sam, "main", "You have finished Riverside social work week.")
	click(t, sam, "plan-form", `main .govuk-inset-text a[href^="/plans/new?cohort="]`)
	mustContain(t, sam, "main", "At the end of Riverside social work week")
	do(t, sam, "write the plan",
		chromedp.SendKeys(chromedp.CSS("#reflection"), "Ask people what matters before an assessment."),
		chromedp.SendKeys(chromedp.CSS("#action_1"), "Use FREDA in my next three assessments"),
		chromedp.SendKeys(chromedp.CSS("#action_1_due"), "1"), chromedp.SendKeys(chromedp.CSS("#action_1_due-month"), "3"),
		chromedp.SendKeys(chromedp.CSS("#action_1_due-year"), "2031"),
		chromedp.Click(chromedp.CSS("#shared")))
	click(t, sam, "plan-saved", `main form button[type=submit]`)
	mustContain(t, sam, ".govuk-notification-banner", "Your plan is saved.")

	tr := newTab(t)
	signIn(t, tr, "trainer@lightbulb.test")
	visit(t, tr, "/training/manage")
	click(t, tr, "riverside", `main ul.govuk-list li:nth-child(2) > a[href^="/training/manage/cohorts/"]`)
	click(t, tr, "cohort-plans", `main a[href$="/plans"]`)
	mustContain(t, tr, "main", "Plans from this programme", "Ask people what matters before an assessment.", "Use FREDA in my next three assessments")
}
