package e2e

import (
	"database/sql"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The Action Plan and newsletter journeys use the demo data: 17 actions,
// 400 sign-ups and 200 subscribers, and comms@lightbulb.test, the charity's
// communications role.

var (
	signatureLink = regexp.MustCompile(`/action-plan/signatures/[A-Za-z0-9_-]+`)
	checkinLink   = regexp.MustCompile(`/action-plan/checkins/[A-Za-z0-9_-]+`)
	stopLink      = regexp.MustCompile(`/action-plan/stop/[0-9]+\.[0-9]+\.[A-Za-z0-9_-]+`)
	confirmLink   = regexp.MustCompile(`/newsletter/confirm/[A-Za-z0-9_-]+`)
	countRE       = regexp.MustCompile(`(\d+) people have signed`)
)

// writeDB runs one statement on the journeys' database, as an operator's
// clock would: the server's own jobs do the rest.
func writeDB(t *testing.T, q string, args ...any) {
	t.Helper()
	db, err := sql.Open("sqlite", dbFile+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// link finds re in the newest email to to about subject.
func link(t *testing.T, to, subject string, re *regexp.Regexp) string {
	t.Helper()
	body, _ := mailTo(t, to, subject)
	l := re.FindString(body)
	if l == "" {
		t.Fatalf("the email to %s about %q has no link like %s:\n%s", to, subject, re, body)
	}
	return l
}

// signedCount reads the public count on /action-plan.
func signedCount(t *testing.T, tb *tab) string {
	t.Helper()
	m := countRE.FindStringSubmatch(text(t, tb, "main"))
	if m == nil {
		t.Fatalf("no count on the Action Plan page")
	}
	return m[1]
}

// Journey: a visitor signs the Action Plan with JavaScript off, makes a
// mistake and loses nothing, confirms through the emailed link's button,
// sees the count move, gets a check-in (the daily job, three months on),
// answers it, and stops check-ins in one click.
func TestVisitorSignsTheActionPlan(t *testing.T) {
	tb := newTabNoJS(t)
	visit(t, tb, "/")
	click(t, tb, "action-plan", `main a[href="/action-plan"]`)
	mustContain(t, tb, "main", "The Human Rights Action Plan", "As a public body worker", "Check one blanket rule")
	before := signedCount(t, tb)
	click(t, tb, "easy-read", `main a[href="/action-plan/easy-read"]`)
	mustContain(t, tb, "main", "It is a promise")
	click(t, tb, "sign", `main a[href="/action-plan/sign"]`)
	do(t, tb, "choose a role", chromedp.Click(chromedp.CSS(`label[for="role-public_body"]`)))
	click(t, tb, "sign-form", `main form button[type=submit]`)
	mustContain(t, tb, "main", "Which actions will you take?", "1. Check one blanket rule")

	do(t, tb, "write an own action only", chromedp.SendKeys(chromedp.CSS("#own_action"), "Ask my ward how visiting rules are decided"))
	if st := click(t, tb, "sign-errors", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("a sign-up without name or email: HTTP %d", st)
	}
	mustContain(t, tb, ".govuk-error-summary", "Enter your name", "Enter your email address")
	if v := value(t, tb, "#own_action"); v != "Ask my ward how visiting rules are decided" {
		t.Errorf("the own action was lost: %q", v)
	}
	do(t, tb, "fill in the rest",
		chromedp.Click(chromedp.CSS(`label[for="actions"]`)),
		chromedp.SendKeys(chromedp.CSS("#name"), "Efa Journey"),
		chromedp.SendKeys(chromedp.CSS("#email"), "efa.journey@example.org"),
		chromedp.SetValue(chromedp.CSS("#nation"), "wales"),
		chromedp.SetValue(chromedp.CSS("#local_authority"), "Gwynedd"),
		chromedp.Click(chromedp.CSS(`label[for="checkins"]`)))
	click(t, tb, "check-email", `main form button[type=submit]`)
	mustContain(t, tb, "main", "Check your email", "efa.journey@example.org")

	page := link(t, "efa.journey@example.org", "Confirm you are signing", signatureLink)
	visit(t, tb, page)
	mustContain(t, tb, "main", "Waiting for confirmation", "Confirm my signature")
	click(t, tb, "confirmed", `main form[action$="/confirm"] button`)
	mustContain(t, tb, "main", "Thank you. You have signed", "Confirmed")

	// The counts are kept by a job, within ten seconds or so.
	moved := false
	for i := 0; i < 30 && !moved; i++ {
		time.Sleep(time.Second)
		visit(t, tb, "/action-plan")
		moved = signedCount(t, tb) != before
	}
	if !moved {
		t.Fatalf("the public count stayed at %s", before)
	}

	// Three months on, the daily check-in job emails her.
	writeDB(t, `UPDATE actionplan_signatures SET confirmed_at = ? WHERE email = 'efa.journey@example.org'`, time.Now().UTC().AddDate(0, -4, 0))
	writeDB(t, `INSERT INTO jobs (kind, payload, state, run_at, created_at) VALUES ('actionplan.checkins', 'e2e', 'queued', ?, ?)`,
		time.Now().UTC(), time.Now().UTC())
	checkin := link(t, "efa.journey@example.org", "Which of your Action Plan steps", checkinLink)
	stop := link(t, "efa.journey@example.org", "Which of your Action Plan steps", stopLink)
	visit(t, tb, checkin)
	mustContain(t, tb, "main", "Which of your actions did you take?", "Check one blanket rule")
	do(t, tb, "answer", chromedp.Click(chromedp.CSS(`label[for="taken"]`)),
		chromedp.SendKeys(chromedp.CSS("#story"), "We ended a blanket ban on visits after 8pm."),
		chromedp.Click(chromedp.CSS(`label[for="quote_ok"]`)))
	click(t, tb, "answered", `main form button[type=submit]`)
	mustContain(t, tb, "main", "Thank you. We have your answer")

	visit(t, tb, stop)
	mustContain(t, tb, "main", "Stop check-ins")
	click(t, tb, "stopped", `main form button`)
	mustContain(t, tb, "main", "Check-ins have stopped", "Your signature still counts")

	visit(t, tb, "/language/cy?next=/action-plan")
	mustContain(t, tb, "main", "Y Cynllun Gweithredu Hawliau Dynol", "Fel gweithiwr corff cyhoeddus")
	visit(t, tb, "/action-plan/sign?role=community")
	mustContain(t, tb, "main", "Pa gamau fyddwch chi'n eu cymryd?")
	visitStatus(t, tb, "/action-plan/signatures/not-a-real-token", http.StatusNotFound)
	mustContain(t, tb, "main", "Nid yw'r ddolen hon yn gweithio")
	visit(t, tb, "/language/en?next=/action-plan")
}

// Journey: a visitor subscribes in Welsh and confirms; the communications
// role writes a campaign in English and Welsh, previews it, sends itself a
// test and sends it; the subscriber gets it in Welsh and unsubscribes with
// the one-click POST of RFC 8058, sent with no cookie at all.
func TestWelshSubscriberGetsACampaignAndUnsubscribes(t *testing.T) {
	tb := newTab(t)
	visit(t, tb, "/language/cy?next=/newsletter")
	mustContain(t, tb, "main", "Cael ein cylchlythyr")
	if st := click(t, tb, "subscribe-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("subscribing without an address: HTTP %d", st)
	}
	mustContain(t, tb, ".govuk-error-summary", "Rhowch eich cyfeiriad e-bost")
	do(t, tb, "type the address", chromedp.SendKeys(chromedp.CSS("#email"), "gwen.journey@example.org"))
	click(t, tb, "subscribed", `main form button[type=submit]`)
	mustContain(t, tb, "main", "Gwiriwch eich e-bost")
	visit(t, tb, link(t, "gwen.journey@example.org", "Cadarnhewch", confirmLink))
	click(t, tb, "confirmed", `main form button`)
	mustContain(t, tb, "main", "Diolch. Byddwch yn cael ein cylchlythyr nesaf.")

	comms := newTab(t)
	signIn(t, comms, "comms@lightbulb.test")
	visit(t, comms, "/newsletter/manage")
	mustContain(t, comms, "main", "Human rights this month", "subscribed")
	click(t, comms, "new-campaign", `main a[href="/newsletter/manage/campaigns/new"]`)
	do(t, comms, "write the English", chromedp.SendKeys(chromedp.CSS("#subject"), "Spring update"),
		chromedp.SendKeys(chromedp.CSS("#body"), "## Training\nNew dates are out.\n\n- **Book** early"))
	if st := click(t, comms, "campaign-errors", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("a campaign without Welsh: HTTP %d", st)
	}
	mustContain(t, comms, ".govuk-error-summary", "Enter the subject in Welsh", "Enter the newsletter in Welsh")
	do(t, comms, "write the Welsh", chromedp.SendKeys(chromedp.CSS("#subject_cy"), "Newyddion y gwanwyn"),
		chromedp.SendKeys(chromedp.CSS("#body_cy"), "## Hyfforddiant\nMae dyddiadau newydd allan."))
	click(t, comms, "preview", `main form button[type=submit]`)
	mustContain(t, comms, "#preview ~ .govuk-inset-text", "Training", "Book")
	click(t, comms, "test-sent", `main form[action$="/test"] button`)
	mustContain(t, comms, "main", "We have sent a test in English and in Welsh")
	mailTo(t, "comms@lightbulb.test", "[Prawf] Newyddion y gwanwyn")
	do(t, comms, "send now", chromedp.Click(chromedp.CSS(`label[for="when"]`)))
	click(t, comms, "sending", `main form[action$="/send"] button[type=submit]`)
	mustContain(t, comms, "main", "The newsletter will go to every subscriber")

	// The queue sends at the configured rate (600 a minute, in batches of
	// 200): she is in the second batch, twenty seconds after the first.
	body := campaignTo(t, "gwen.journey@example.org", "Newyddion y gwanwyn")
	if !strings.Contains(body, "Mae dyddiadau newydd allan.") {
		t.Fatalf("the Welsh campaign:\n%s", body)
	}
	unsub := listUnsubscribe(t, "gwen.journey@example.org")
	req, _ := http.NewRequest("POST", baseURL+unsub, strings.NewReader("List-Unsubscribe=One-Click"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := http.DefaultClient.Do(req) // no cookie jar: no session, no form token
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("one-click unsubscribe: HTTP %d", res.StatusCode)
	}
	visit(t, tb, unsub)
	mustContain(t, tb, "main", "Wedi dad-danysgrifio", "Lawrlwytho'r hyn sydd gennym amdanoch")
	visit(t, comms, "/newsletter/manage")
	mustContain(t, comms, "main", "Spring update")
	visit(t, tb, "/language/en?next=/newsletter")
}

// campaignTo waits up to a minute for a campaign email to to.
func campaignTo(t *testing.T, to, subject string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+dbFile+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var body string
	for range 120 {
		err = db.QueryRow(`SELECT body FROM outbox WHERE to_addr = ? AND subject = ? ORDER BY id DESC LIMIT 1`, to, subject).Scan(&body)
		if err == nil {
			return body
		}
		time.Sleep(500 * time.Millisecond)
	}
	t.Fatalf("no campaign %q to %s within a minute: %v", subject, to, err)
	return ""
}

// listUnsubscribe reads the List-Unsubscribe address of the newest email to
// to, as a mail program would from the header, and returns its path.
func listUnsubscribe(t *testing.T, to string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+dbFile+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var u string
	if err := db.QueryRow(`SELECT list_unsubscribe FROM outbox WHERE to_addr = ? AND list_unsubscribe <> '' ORDER BY id DESC LIMIT 1`, to).Scan(&u); err != nil {
		t.Fatalf("no List-Unsubscribe for %s: %v", to, err)
	}
	_, path, ok := strings.Cut(u, "/newsletter/")
	if !ok {
		t.Fatalf("List-Unsubscribe %q", u)
	}
	return "/newsletter/" + path
}

// Journey: the charity's communications role rewords an action (a new
// version, the old one kept), publishes an own action waiting to be read,
// counts and invalidates the demo's bot sign-ups by domain, and reads it
// all in Welsh.
func TestCommsRunsTheActionPlan(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "comms@lightbulb.test")
	click(t, tb, "action-plan-manage", `main a[href="/action-plan/manage"]`)
	mustContain(t, tb, "main", "Run the Action Plan", "As a policymaker", "Waiting to be read", "Read one right a week with my book club.")
	click(t, tb, "edit-action", `main a[href^="/action-plan/manage/actions/"]:not([href$="/history"]):not([href$="/new"])`)
	eval[bool](t, tb, `(document.querySelector('#text').value = '', true)`) // select all and delete
	if st := click(t, tb, "action-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("an action with no English: HTTP %d", st)
	}
	mustContain(t, tb, ".govuk-error-summary", "Enter the action in English")
	do(t, tb, "reword again", chromedp.SendKeys(chromedp.CSS("#text"), "Learn the 16 rights and what each one protects."))
	click(t, tb, "saved", `main form button[type=submit]`)
	mustContain(t, tb, ".govuk-notification-banner", "version 2")
	click(t, tb, "history", `main a[href$="/history"]`)
	mustContain(t, tb, "main", "Learn the 16 rights and what each one protects.", "Learn the 16 rights in the Human Rights Act")

	visit(t, tb, "/action-plan/manage")
	click(t, tb, "published", `#moderation ~ .govuk-summary-card button[value="approve"]`)
	mustContain(t, tb, ".govuk-notification-banner", "Published.")

	click(t, tb, "suspect", `main a[href="/action-plan/manage/suspect"]`)
	do(t, tb, "pick the bot domain", chromedp.SendKeys(chromedp.CSS("#domain"), "bulk-signups.test"))
	click(t, tb, "counted", `main form[method=get] button`)
	mustContain(t, tb, "main", "8 sign-ups match.")
	click(t, tb, "invalidated", `main form[action="/action-plan/manage/suspect"][method=post] button`)
	mustContain(t, tb, ".govuk-notification-banner", "8 sign-ups were invalidated")

	visit(t, tb, "/action-plan")
	mustContain(t, tb, "main", "Read one right a week with my book club.", "Learn the 16 rights and what each one protects.")
	visit(t, tb, "/language/cy?next=/action-plan/manage")
	mustContain(t, tb, "main", "Rhedeg y Cynllun Gweithredu", "Lawrlwytho llofnodion (CSV)")
	visit(t, tb, "/language/en?next=/action-plan/manage")
}

// Journey: Northbridge's admin, whose trust counts its staff's signatures
// in the demo, finds how many of their staff signed and which actions they
// chose, in English and Welsh, without ever seeing who.
func TestOrgAdminSeesItsStaffsSignatures(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "admin@northbridge.test")
	visit(t, tb, "/admin")
	click(t, tb, "org-action-plan", `main a[href="/admin/action-plan"]`)
	mustContain(t, tb, "main", "of your staff have signed.", "Check one blanket rule", "never who")
	if strings.Contains(text(t, tb, "main"), "@example.org") {
		t.Error("the organisation's page names a signatory")
	}
	visit(t, tb, "/language/cy?next=/admin/action-plan")
	mustContain(t, tb, "main", "o'ch staff wedi llofnodi", "Camau a ddewiswyd gan eich staff")
	visit(t, tb, "/language/en?next=/admin")
}
