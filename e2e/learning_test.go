package e2e

import (
	"database/sql"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// The learning journeys use the demo's past team session (joining link
// lightbulb-past): five attendees gave feedback, three quotes are published,
// and the demo nurse came but has not yet been marked or given feedback.

var learnFeedbackLink = regexp.MustCompile(`/training/feedback/[A-Za-z0-9_-]+`)

// learnPastBooking returns the past session's id and the nurse's booking id
// and token on it.
func learnPastBooking(t *testing.T) (session, booking, token string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+dbFile+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.QueryRow(`SELECT CAST(s.id AS TEXT), CAST(b.id AS TEXT), b.token FROM training_bookings b JOIN training_sessions s ON s.id = b.session_id
		WHERE b.email = 'nurse@northbridge.test' AND s.join_url = 'https://meet.example.org/lightbulb-past'`).Scan(&session, &booking, &token)
	if err != nil {
		t.Fatalf("the demo's past session: %v", err)
	}
	return session, booking, token
}

// Journey: a trainer marks the nurse attended, which emails her a feedback
// link; she gives feedback and agrees to be quoted; the trainer publishes
// her words and they appear on the public testimonials page.
func TestFeedbackWithConsentIsPublished(t *testing.T) {
	session, booking, _ := learnPastBooking(t)
	tr := newTab(t)
	signIn(t, tr, "trainer@lightbulb.test")
	visit(t, tr, "/training/manage/sessions/"+session)
	mustContain(t, tr, "main", "Register", "Niamh Kelly")
	do(t, tr, "mark the nurse attended", chromedp.Click(chromedp.CSS("#mark_"+booking+"-a")))
	click(t, tr, "attendance-saved", `main form button[type=submit]`)
	mustContain(t, tr, ".govuk-notification-banner", "Attendance has been saved.")

	body, _ := mailTo(t, "nurse@northbridge.test", "How was it?")
	link := learnFeedbackLink.FindString(body)
	if link == "" {
		t.Fatalf("the feedback request has no link:\n%s", body)
	}

	nurse := newTab(t)
	signIn(t, nurse, "nurse@northbridge.test")
	visit(t, nurse, "/training/feedback")
	mustContain(t, nurse, "main", "Human rights in everyday practice")
	click(t, nurse, "feedback-form", `main a[href="`+link+`"]`)
	mustContain(t, nurse, "main", "How would you rate the session?", "You may quote my comments publicly")
	do(t, nurse, "write without a rating", chromedp.SendKeys(chromedp.CSS("#comment"), "It gave me words for what I already try to do."),
		chromedp.Click(chromedp.CSS("#consent")))
	if st := click(t, nurse, "feedback-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("feedback without a rating: HTTP %d", st)
	}
	mustContain(t, nurse, ".govuk-error-summary", "Choose a rating from 1 (poor) to 5 (excellent)")
	if v := value(t, nurse, "#comment"); v != "It gave me words for what I already try to do." {
		t.Errorf("the comment was lost: %q", v)
	}
	do(t, nurse, "rate it", chromedp.Click(chromedp.CSS("#rating")))
	click(t, nurse, "feedback-sent", `main form button[type=submit]`)
	mustContain(t, nurse, "main", "Thank you. Your feedback has been sent.", "You have already given feedback on this session")

	visit(t, tr, "/training/feedback/results")
	mustContain(t, tr, "main", "By course", "By session", "It gave me words", "Niamh Kelly", "Agreed to be quoted")
	id := eval[string](t, tr, `[...document.querySelectorAll('main .govuk-summary-card')].find(c => c.textContent.includes('It gave me words')).id`)
	if id == "" {
		t.Fatal("no card for the nurse's feedback")
	}
	click(t, tr, "published", `#`+id+` form button`)
	mustContain(t, tr, ".govuk-notification-banner", "The quote is now on the testimonials page.")

	pub := newTabNoJS(t)
	visit(t, pub, "/training/testimonials")
	mustContain(t, pub, "main", "It gave me words for what I already try to do.", "Niamh,", "Clear, principled training")
	if strings.Contains(text(t, pub, "main"), "more time for questions") {
		t.Error("a quote without consent is on the public page")
	}
}

// learnTick ticks or chooses answers by question and value.
func learnTick(t *testing.T, tb *tab, answers map[string][]string) {
	t.Helper()
	var acts []chromedp.Action[chromedp.Void]
	for q, vs := range answers {
		for _, v := range vs {
			acts = append(acts, chromedp.Click(chromedp.CSS(`input[name="`+q+`"][value="`+v+`"]`)))
		}
	}
	do(t, tb, "answer the check", acts...)
}

// Journey: Jo, booked on a session to come, takes the check before it from
// her booking page; the demo nurse, whose session has ended, takes the check
// after it and sees her change; the trainer sees the change per course.
func TestPrePostChecksShowChange(t *testing.T) {
	jo := newTabNoJS(t)
	visit(t, jo, "/training/bookings/"+bookingToken(t, "jo.price@example.org"))
	click(t, jo, "check-before", `main a[href^="/training/checks/"]`)
	mustContain(t, jo, "main", "Take the check before the course", "Which of these are rights in the Human Rights Act?", "Right to respect for private and family life")
	learnTick(t, jo, map[string][]string{"q1": {"A8", "x_job"}, "q2": {"A8"}, "q4": {"A3"}, "r1": {"yes"}, "r2": {"yes"}, "r3": {"yes"}})
	if st := click(t, jo, "check-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("a check with a question left out: HTTP %d", st)
	}
	mustContain(t, jo, ".govuk-error-summary", "Question", "choose at least one answer")
	if !eval[bool](t, jo, `document.querySelector('input[name="q1"][value="x_job"]').checked`) {
		t.Error("the answers given were lost")
	}
	learnTick(t, jo, map[string][]string{"q3": {"A5"}})
	click(t, jo, "check-before-done", `main form button[type=submit]`)
	mustContain(t, jo, "main", "You scored 3 out of 7.", "3 out of 7 (43%)", "The check after the course opens when the session ends")

	_, _, token := learnPastBooking(t)
	nurse := newTab(t)
	visit(t, nurse, "/training/checks/"+token)
	mustContain(t, nurse, "main", "3 out of 7 (43%)", "Take the check after the course")
	learnTick(t, nurse, map[string][]string{"q1": {"A8", "A5", "A10", "x_job"}, "q2": {"A8"}, "q3": {"A5", "A8"}, "q4": {"A3", "A8"},
		"r1": {"no"}, "r2": {"yes"}, "r3": {"yes"}})
	click(t, nurse, "check-after-done", `main form button[type=submit]`)
	mustContain(t, nurse, "main", "You scored 6 out of 7.", "6 out of 7 (86%)", "Your change", "up 43 points",
		"Your answers after the course", "Not quite", "A right to a job", "Right answer", "It gives no right to a job",
		"short staffing never excuses it", "This right is absolute")
	// After the course the questions stay answered: no form, one "not quite".
	if n := eval[int](t, nurse, `document.querySelectorAll('main form[action*="/training/checks/"]').length`); n != 0 {
		t.Errorf("the check is offered again after it was taken: %d forms", n)
	}
	if n := eval[int](t, nurse, `[...document.querySelectorAll('main .govuk-tag')].filter(e => e.textContent.trim() === 'Not quite').length`); n != 1 {
		t.Errorf("%d answers marked not quite, want 1", n)
	}
	visit(t, nurse, "/language/cy?next=/training/checks/"+token)
	mustContain(t, nurse, "main", "Eich atebion ar ôl y cwrs", "Ddim yn hollol", "Hawl i gael swydd", "Yr ateb cywir", "nid yw prinder staff byth yn esgus")
	visit(t, nurse, "/language/en?next=/training/checks/"+token)

	tr := newTab(t)
	signIn(t, tr, "trainer@lightbulb.test")
	visit(t, tr, "/training/checks/results")
	mustContain(t, tr, "main", "By course", "Human rights in everyday practice", "Average change")
}

// Journey: Northbridge's lead compares the demo follow-up with its baseline,
// then runs a new survey; the nurse answers it once; with one answer its
// results are withheld.
func TestSurveyBaselineAndFollowUpCompared(t *testing.T) {
	lead := newTab(t)
	signIn(t, lead, "lead@northbridge.test")
	visit(t, lead, "/surveys")
	mustContain(t, lead, "main", "Staff views on equality and human rights: baseline", "Staff views on equality and human rights: follow-up", "Create a survey")
	click(t, lead, "follow-up-results", `main a[href$="/results"]`)
	mustContain(t, lead, "main", "Baseline and follow-up compared", "Share agreeing, baseline and follow-up", "How people answered", "8 responses")
	if n := eval[int](t, lead, `document.querySelectorAll('main figure.lb-chart svg > rect').length`); n != 12 {
		t.Errorf("the chart has %d bars, want 12 (six statements, two surveys)", n)
	}

	// Northbridge's own statements were added after the baseline: the
	// follow-up asks them, and its results read by role with small groups
	// withheld, as the page says.
	mustContain(t, lead, "main", "I would feel able to challenge a colleague", "By role", "Nursing or midwifery",
		"A group is shown only when five or more people in it answered", "Withheld so that nobody can be picked out:", "Doctor or dentist")
	visit(t, lead, "/language/cy?next="+here(t, lead))
	mustContain(t, lead, "main", "Byddwn yn teimlo'n gallu herio cydweithiwr", "Yn ôl rôl", "Wedi'u dal yn ôl fel na ellir adnabod neb")
	if n := eval[int](t, lead, `[...document.querySelectorAll('main [lang="en"]')].filter(e => e.textContent.includes('People who use our services')).length`); n == 0 {
		t.Error("the statement with no Welsh is not marked as English on the Welsh page")
	}
	visit(t, lead, "/language/en?next=/survey-statements")
	mustContain(t, lead, "main", "Your own statements", "No Welsh yet", "Asked by surveys: 1")
	do(t, lead, "write only the Welsh", chromedp.SendKeys(chromedp.CSS("#welsh"), "Mae gen i amser i siarad am hawliau gyda fy nhîm."))
	if st := click(t, lead, "statement-error", `main form[action="/survey-statements"] button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("a statement with no English: HTTP %d", st)
	}
	mustContain(t, lead, ".govuk-error-summary", "Enter the statement in English")
	if v := value(t, lead, "#welsh"); v != "Mae gen i amser i siarad am hawliau gyda fy nhîm." {
		t.Errorf("the Welsh was lost: %q", v)
	}
	do(t, lead, "write the English", chromedp.SendKeys(chromedp.CSS("#text"), "I have time to talk about rights with my team."))
	click(t, lead, "statement-added", `main form[action="/survey-statements"] button[type=submit]`)
	mustContain(t, lead, ".govuk-notification-banner", "The statement has been added.")
	mustContain(t, lead, "main", "I have time to talk about rights with my team.")

	// Coverage: the demo makes the team session mandatory for staff.
	visit(t, lead, "/training/coverage")
	mustContain(t, lead, "main", "people trained", "By role", "Mandatory training outstanding", "Human rights in everyday practice")

	visit(t, lead, "/surveys/new")
	if st := click(t, lead, "survey-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("a survey with nothing filled in: HTTP %d", st)
	}
	mustContain(t, lead, ".govuk-error-summary", "Enter a title", "Enter the day the survey opens")
	today := time.Now().In(lightbulb.London)
	end := today.AddDate(0, 0, 14)
	do(t, lead, "fill in the survey",
		chromedp.SendKeys(chromedp.CSS("#title"), "Ward 7 pulse survey"),
		chromedp.SendKeys(chromedp.CSS("#opens"), fmt.Sprint(today.Day())), chromedp.SendKeys(chromedp.CSS("#opens-month"), fmt.Sprint(int(today.Month()))),
		chromedp.SendKeys(chromedp.CSS("#opens-year"), fmt.Sprint(today.Year())),
		chromedp.SendKeys(chromedp.CSS("#closes"), fmt.Sprint(end.Day())), chromedp.SendKeys(chromedp.CSS("#closes-month"), fmt.Sprint(int(end.Month()))),
		chromedp.SendKeys(chromedp.CSS("#closes-year"), fmt.Sprint(end.Year())))
	click(t, lead, "survey-created", `main form button[type=submit]`)
	mustContain(t, lead, ".govuk-notification-banner", "The survey has been created.")
	mustContain(t, lead, "main", "Ward 7 pulse survey")

	nurse := newTab(t)
	signIn(t, nurse, "nurse@northbridge.test")
	visit(t, nurse, "/surveys")
	click(t, nurse, "survey", `main a[href^="/surveys/"]:not([href$="/results"])`)
	mustContain(t, nurse, "main", "Ward 7 pulse survey", "Your answers are anonymous")
	var acts []chromedp.Action[chromedp.Void]
	for _, q := range []string{"conf_explain", "conf_spot", "att_relevant", "att_equality", "prac_talk"} {
		acts = append(acts, chromedp.Click(chromedp.CSS(`input[name="`+q+`"][value="4"]`)))
	}
	// The survey asks Northbridge's own statements too; the nurse says her role.
	own := eval[[]string](t, nurse, `[...new Set([...document.querySelectorAll('main input[type=radio]')].map(e => e.name).filter(n => /^s[0-9]+$/.test(n)))]`)
	if len(own) != 3 {
		t.Errorf("the survey asks %d of Northbridge's own statements, want 3", len(own))
	}
	for _, q := range own {
		acts = append(acts, chromedp.Click(chromedp.CSS(`input[name="`+q+`"][value="4"]`)))
	}
	acts = append(acts, chromedp.Click(chromedp.CSS(`input[name="staff_group"][value="nursing"]`)))
	acts = append(acts, chromedp.SendKeys(chromedp.CSS("#comment"), "Time to talk about cases as a team."))
	do(t, nurse, "answer all but one", acts...)
	if st := click(t, nurse, "survey-answer-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("a statement left out: HTTP %d", st)
	}
	mustContain(t, nurse, ".govuk-error-summary", "Question", "choose how far you agree")
	do(t, nurse, "answer the last", chromedp.Click(chromedp.CSS(`input[name="prac_record"][value="3"]`)))
	click(t, nurse, "survey-answered", `main form button[type=submit]`)
	mustContain(t, nurse, ".govuk-notification-banner", "Your answers have been saved anonymously.")
	mustContain(t, nurse, "main", "You have answered")

	visit(t, lead, "/surveys")
	click(t, lead, "new-survey-results", `main tr:has(a[href^="/surveys/"]) a[href$="/results"]`)
	mustContain(t, lead, "main", "Fewer than 5 people have answered Ward 7 pulse survey (1 so far)")
}

// Journey: the demo nurse chooses what she wants her training to cover,
// fixing a mistake on the way; Northbridge's lead sees the map for the
// organisation and for one cohort.
func TestLearningNeedsMapped(t *testing.T) {
	nurse := newTab(t)
	signIn(t, nurse, "nurse@northbridge.test")
	visit(t, nurse, "/training/needs")
	mustContain(t, nurse, "main", "Choose up to three rights", "Visiting and family contact")
	do(t, nurse, "choose issues only", chromedp.Click(chromedp.CSS(`input[name="issues"][value="visiting"]`)),
		chromedp.Click(chromedp.CSS(`input[name="issues"][value="dignity"]`)))
	if st := click(t, nurse, "needs-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("no right chosen: HTTP %d", st)
	}
	mustContain(t, nurse, ".govuk-error-summary", "Choose at least one right")
	do(t, nurse, "choose a right and the cohort", chromedp.Click(chromedp.CSS(`input[name="rights"][value="A8"]`)),
		chromedp.SetValue(chromedp.CSS("#cohort"), eval[string](t, nurse, `[...document.querySelectorAll('#cohort option')].find(o => o.textContent.includes('practitioners')).value`)))
	click(t, nurse, "needs-saved", `main form button[type=submit]`)
	mustContain(t, nurse, ".govuk-notification-banner", "Your choices will help shape your training.")
	if !eval[bool](t, nurse, `document.querySelector('input[name="issues"][value="dignity"]').checked`) {
		t.Error("the saved choice is not shown")
	}

	lead := newTab(t)
	signIn(t, lead, "lead@northbridge.test")
	visit(t, lead, "/training/needs/map")
	mustContain(t, lead, "main", "13 people chose", "Rights by practice issue", "Right to respect for private and family life", "People choosing the issue")
	do(t, lead, "choose the cohort", chromedp.SetValue(chromedp.CSS("#cohort"),
		eval[string](t, lead, `[...document.querySelectorAll('#cohort option')].find(o => o.textContent.includes('practitioners')).value`)))
	click(t, lead, "needs-cohort", `main form.lb-filters button`)
	mustContain(t, lead, "main", "7 people chose", "Northbridge practitioners, wave 1")
}

// Journey: the demo nurse answers the one-month check-in on the plan she
// wrote five weeks ago, ticks an action, then writes a new plan; her lead
// sees the counts but not her private words, then reads her plan once she
// shares it.
func TestEmbeddingPlanCheckin(t *testing.T) {
	nurse := newTab(t)
	signIn(t, nurse, "nurse@northbridge.test")
	visit(t, nurse, "/plans")
	click(t, nurse, "plan", `main ul a[href^="/plans/"]`)
	mustContain(t, nurse, "main", "What I will do differently", "Talk visiting through at handover", "After one month", "How has it gone?")
	if st := click(t, nurse, "checkin-error", `main form[action*="/checkins/"] button`); st != http.StatusUnprocessableEntity {
		t.Errorf("an empty check-in: HTTP %d", st)
	}
	mustContain(t, nurse, ".govuk-error-summary", "Say how it has gone")
	do(t, nurse, "answer the check-in", chromedp.SendKeys(chromedp.CSS("#answer"), "Handover now includes visiting; one family has noticed."))
	click(t, nurse, "checkin-saved", `main form[action*="/checkins/"] button`)
	mustContain(t, nurse, "main", "Thank you. Your check-in is saved.", "Handover now includes visiting")
	do(t, nurse, "tick the first action", chromedp.Click(chromedp.CSS(`main input[name="done"]`)))
	click(t, nurse, "actions-saved", `main form[action$="/actions"] button`)
	mustContain(t, nurse, ".govuk-notification-banner", "Your actions have been updated.")
	planPath := here(t, nurse)

	lead := newTab(t)
	signIn(t, lead, "lead@northbridge.test")
	visit(t, lead, "/plans/progress")
	mustContain(t, lead, "main", "Plans written", "Check-ins answered", "Review the ward's visiting rules")
	if strings.Contains(text(t, lead, "main"), "ask people what matters") {
		t.Error("the lead reads the nurse's private reflection")
	}

	visit(t, nurse, planPath)
	click(t, nurse, "shared", `main form[action$="/share"] button`)
	mustContain(t, nurse, "main", "Your organisation's leads can read this plan.")
	visit(t, lead, "/plans/progress")
	mustContain(t, lead, "main", "Niamh Kelly", "ask people what matters", "Handover now includes visiting")

	visit(t, nurse, "/plans/new")
	do(t, nurse, "write an action without a day", chromedp.SendKeys(chromedp.CSS("#reflection"), "I will check who is left out of decisions."),
		chromedp.SendKeys(chromedp.CSS("#action_1"), "Ask the family at the next review"))
	if st := click(t, nurse, "plan-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("an action without a day: HTTP %d", st)
	}
	mustContain(t, nurse, ".govuk-error-summary", "Enter the day you will do this action by")
	due := time.Now().AddDate(0, 0, 30)
	do(t, nurse, "give the day", chromedp.SendKeys(chromedp.CSS("#action_1_due"), fmt.Sprint(due.Day())),
		chromedp.SendKeys(chromedp.CSS("#action_1_due-month"), fmt.Sprint(int(due.Month()))), chromedp.SendKeys(chromedp.CSS("#action_1_due-year"), fmt.Sprint(due.Year())))
	click(t, nurse, "plan-saved", `main form button[type=submit]`)
	mustContain(t, nurse, "main", "Your plan is saved.", "Ask the family at the next review", "We will email you then")
}

// Journey: the demo nurse finds the dignity champion on her ward from her
// dashboard, in English and in Welsh, without JavaScript; Northbridge's lead
// names a champion for Ash Ward (after forgetting to choose a person) and
// reads coverage by ward, its chart and table, with the champions counted.
func TestDignityChampionsAndCoverageByWard(t *testing.T) {
	nurse := newTabNoJS(t)
	signIn(t, nurse, "nurse@northbridge.test")
	visit(t, nurse, "/dashboard")
	click(t, nurse, "champions", `main a[href="/champions"]`)
	mustContain(t, nurse, "main", "Dignity champions", "Your wards, teams and homes", "Ward 7 (older people’s mental health)", "Leon Marsh",
		"Every ward, team and home", "No champion yet")
	if eval[int](t, nurse, `document.querySelectorAll('main form[action="/champions"]').length`) != 0 {
		t.Error("the nurse is offered the form to name champions")
	}
	visit(t, nurse, "/language/cy?next=/champions")
	mustContain(t, nurse, "main", "Hyrwyddwyr urddas", "Eich wardiau, timau a chartrefi", "Leon Marsh", "Dim hyrwyddwr eto")
	visit(t, nurse, "/language/en?next=/champions")

	lead := newTab(t)
	signIn(t, lead, "lead@northbridge.test")
	visit(t, lead, "/champions")
	ash := eval[string](t, lead, `[...document.querySelectorAll('#unit option')].find(o => o.textContent.startsWith('Ash Ward')).value`)
	do(t, lead, "choose Ash Ward only", chromedp.SetValue(chromedp.CSS("#unit"), ash))
	if st := click(t, lead, "champion-error", `main form[action="/champions"] button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("a champion with no person: HTTP %d", st)
	}
	mustContain(t, lead, ".govuk-error-summary", "Choose a person from your organisation")
	if v := value(t, lead, "#unit"); v != ash {
		t.Errorf("the ward chosen was lost: %q", v)
	}
	person := eval[string](t, lead, `[...document.querySelectorAll('#person option')].find(o => o.textContent === 'Northbridge staff member 6').value`)
	do(t, lead, "choose the person", chromedp.SetValue(chromedp.CSS("#person"), person))
	click(t, lead, "champion-named", `main form[action="/champions"] button[type=submit]`)
	mustContain(t, lead, ".govuk-notification-banner", "Northbridge staff member 6 is now a dignity champion.")

	visit(t, lead, "/training/coverage")
	mustContain(t, lead, "main", "By ward, team or home", "Share trained by ward, team or home", "Willow Ward (older adults)",
		"Dignity champions", "3 dignity champions across the organisation.", "No dignity champion yet:", "Maternity unit")
	if n := eval[int](t, lead, `document.querySelectorAll('main #unit-coverage-chart, main figure.lb-chart svg').length`); n == 0 {
		t.Error("coverage by ward has no chart")
	}
	if !strings.Contains(text(t, lead, "main table"), "People") {
		t.Error("the chart has no table twin")
	}
	visit(t, lead, "/language/cy?next=/training/coverage")
	mustContain(t, lead, "main", "Cyfran wedi'u hyfforddi fesul ward, tîm neu gartref", "Hyrwyddwyr urddas")
	visit(t, lead, "/language/en?next=/training/coverage")

	// The follow-up's results read by ward: Willow Ward shown, the small
	// wards withheld.
	visit(t, lead, "/surveys")
	visit(t, lead, eval[string](t, lead, `[...document.querySelectorAll('main tr')].find(r => r.textContent.includes('human rights: follow-up')).querySelector('a[href$="/results"]').getAttribute('href')`))
	mustContain(t, lead, "#by-ward", "By ward, team or home")
	mustContain(t, lead, "main", "Withheld so that nobody can be picked out: Ash Ward (acute mental health), Maternity unit.")
}
