package e2e

import (
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The training journeys use the demo data: open sessions, a full session
// ("Human rights in everyday practice" with 3 places, 3 booked and 2
// waiting), Northbridge's practitioner cohort with the demo nurse booked, and
// the trainer tomos (trainer@lightbulb.test). Emails are read from the
// outbox in the journeys' database.

var bookingLink = regexp.MustCompile(`/training/bookings/([A-Za-z0-9_-]+)`)

// mailTo waits for the newest email to an address whose subject holds
// subject, and returns the booking path it links to.
func mailTo(t *testing.T, to, subject string) (body, path string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+dbFile+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for range 50 {
		err = db.QueryRow(`SELECT body FROM outbox WHERE to_addr = ? AND subject LIKE ? ORDER BY id DESC LIMIT 1`, to, "%"+subject+"%").Scan(&body)
		if err == nil {
			if m := bookingLink.FindStringSubmatch(body); m != nil {
				return body, m[0]
			}
			return body, ""
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no email to %s about %q: %v", to, subject, err)
	return "", ""
}

// bookingToken reads a demo booking's token, as if from that person's email.
func bookingToken(t *testing.T, email string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+dbFile+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var tok string
	if err := db.QueryRow(`SELECT token FROM training_bookings WHERE email = ? ORDER BY id DESC LIMIT 1`, email).Scan(&tok); err != nil {
		t.Fatalf("booking of %s: %v", email, err)
	}
	return tok
}

// Journey: a member of the public finds an open session, books it, confirms
// by the emailed link and downloads the calendar file, with JavaScript off.
func TestPublicBooksAnOpenSession(t *testing.T) {
	tb := newTabNoJS(t)
	visit(t, tb, "/training")
	mustContain(t, tb, "main", "Open sessions", "Human rights in everyday practice", "Training for your whole team")
	do(t, tb, "choose online", chromedp.SetValue(chromedp.CSS("#mode"), "in_person"))
	click(t, tb, "filtered-in-person", `main form.lb-filter button`)
	if p := here(t, tb); !strings.Contains(p, "mode=in_person") {
		t.Fatalf("the filter went to %s", p)
	}
	mustContain(t, tb, "main", "Practitioner 1: Rights and the law at work")
	if strings.Contains(text(t, tb, "main ul.lb-session-list"), "Online ·") {
		t.Error("the in-person filter shows online sessions")
	}
	click(t, tb, "session", `main ul.lb-session-list a`)
	mustContain(t, tb, "main", "Book a place", "Where", "Step-free entrance")
	if !regexp.MustCompile(`(GMT|BST)`).MatchString(text(t, tb, "main dl")) {
		t.Error("the session time does not name its zone")
	}
	session := here(t, tb)

	// A mistake first: the form keeps what was typed.
	do(t, tb, "type a name only", chromedp.SendKeys(chromedp.CSS("#name"), "Morgan Public"))
	if st := click(t, tb, "book-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("booking without an email: HTTP %d", st)
	}
	mustContain(t, tb, ".govuk-error-summary", "Enter your email address")
	if v := value(t, tb, "#name"); v != "Morgan Public" {
		t.Errorf("the name was lost: %q", v)
	}
	do(t, tb, "type the email, organisation and access needs", chromedp.SendKeys(chromedp.CSS("#email"), "morgan.public@example.org"),
		chromedp.SendKeys(chromedp.CSS("#organisation"), "Harbour Hospice"), chromedp.SendKeys(chromedp.CSS("#access_needs"), "Captions, please"))
	click(t, tb, "booked-check-email", `main form button[type=submit]`)
	mustContain(t, tb, ".govuk-notification-banner", "We have emailed a link to morgan.public@example.org")

	_, link := mailTo(t, "morgan.public@example.org", "Confirm your booking")
	visit(t, tb, link)
	mustContain(t, tb, "main", "Waiting for you to confirm")
	click(t, tb, "confirmed", `main form[action$="/confirm"] button`)
	mustContain(t, tb, "main", "Booked", "Add to calendar", "Cancel my booking")
	body, _ := mailTo(t, "morgan.public@example.org", "You are booked")
	if !strings.Contains(body, link+"/booking.ics") {
		t.Errorf("the confirmation email lacks the calendar link:\n%s", body)
	}
	href := eval[string](t, tb, `document.querySelector('main a[href$="booking.ics"]').getAttribute('href')`)
	res, err := http.Get(baseURL + href)
	if err != nil {
		t.Fatal(err)
	}
	ics, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.Header.Get("Content-Type") != "text/calendar; charset=utf-8" || !strings.Contains(string(ics), "BEGIN:VEVENT\r\n") ||
		!strings.Contains(string(ics), "SUMMARY:Practitioner 1: Rights and the law at work") {
		t.Errorf("calendar file: %s\n%s", res.Header.Get("Content-Type"), ics)
	}
	visit(t, tb, session)
	mustContain(t, tb, "main", "19 places left")
}

// Journey: the full session's first booker cancels; the first on the
// waiting list is emailed an offer and accepts the place.
func TestWaitingListGetsTheFreedPlace(t *testing.T) {
	tb := newTab(t)
	visit(t, tb, "/training")
	click(t, tb, "full-session", `main ul.lb-session-list li:has(.lb-full) a`)
	mustContain(t, tb, "main", "Join the waiting list", "Full. 2 on the waiting list.")

	visit(t, tb, "/training/bookings/"+bookingToken(t, "person1@example.org"))
	mustContain(t, tb, "main", "Booked")
	click(t, tb, "cancelled", `main form[action$="/cancel"] button`)
	mustContain(t, tb, ".govuk-notification-banner", "Your booking has been cancelled.")

	body, link := mailTo(t, "person4@example.org", "A place is free")
	if !strings.Contains(body, "The place is held for you until") {
		t.Errorf("the offer has no time limit:\n%s", body)
	}
	visit(t, tb, link)
	mustContain(t, tb, "main", "A place is free for you", "Accept it by")
	click(t, tb, "accepted", `main form[action$="/accept"] button`)
	mustContain(t, tb, "main", "Booked", "Join the session")
	// Only now may Eve's token open the joining link; a stranger cannot.
	visitStatus(t, tb, strings.Replace(eval[string](t, tb, `document.querySelector('main a.govuk-button').getAttribute('href')`), "token=", "token=x", 1), http.StatusForbidden)
	mustContain(t, tb, "main", "Only people booked on this session can join it")
}

// Journey: a trainer sees that an upcoming session's register cannot be
// marked yet, then opens the practitioner workshop the demo nurse came to a
// fortnight ago, marks her attended, and sees it in the cohort's progress.
func TestTrainerMarksAttendance(t *testing.T) {
	tb := newTab(t)
	signIn(t, tb, "trainer@lightbulb.test")
	visit(t, tb, "/training/manage")
	mustContain(t, tb, "main", "Upcoming sessions", "Northbridge practitioners, wave 1", "Practice Leads programme")
	click(t, tb, "register-upcoming", `main table a[href^="/training/manage/sessions/"]:not([href$="/edit"])`)
	mustContain(t, tb, "main", "Register", "Attendance can be marked from the start of the session.", "Save notes")
	if n := eval[int](t, tb, `document.querySelectorAll('main input[type=radio]').length`); n != 0 {
		t.Errorf("an upcoming session offers %d attendance choices", n)
	}
	visit(t, tb, "/training/manage")
	click(t, tb, "cohort-sessions", `main ul.govuk-list a[href^="/training/manage/cohorts/"]`)
	click(t, tb, "register-past", `main ul.govuk-list a[href^="/training/manage/sessions/"]`)
	mustContain(t, tb, "main", "Register", "Niamh Kelly", "Ffion Hughes")
	do(t, tb, "mark attended", chromedp.Click(chromedp.CSS(`main tbody tr:last-child input[type=radio][value=attended]`)),
		chromedp.SendKeys(chromedp.CSS("#notes"), "Good discussion of visiting rules."))
	click(t, tb, "attendance-saved", `main form button[type=submit]`)
	mustContain(t, tb, ".govuk-notification-banner", "Attendance has been saved.")
	if !eval[bool](t, tb, `document.querySelector('main tbody tr:last-child input[type=radio][value=attended]').checked`) {
		t.Error("the mark did not stick")
	}
	visit(t, tb, "/training/manage")
	click(t, tb, "cohort", `main ul.govuk-list a[href^="/training/manage/cohorts/"]`)
	mustContain(t, tb, "main", "Progress", "Niamh Kelly", "Attended")

	// The delivery report counts her, and downloads as PDF and CSV.
	click(t, tb, "delivery-report", `main a[href$="/report"]`)
	mustContain(t, tb, "main", "Delivery report", "Workshops delivered", "Not yet completed", "Ffion Hughes")
	fetchPDF(t, tb, ".pdf", "delivery-report")
	if csv := fetchText(t, tb, `fetch(location.pathname + '.csv').then(r => r.text())`); !strings.HasPrefix(csv, "Part,Workshops delivered") ||
		!strings.Contains(csv, "Ffion Hughes,practitioner1@northbridge.test") {
		t.Errorf("the delivery report's CSV: %.300q", csv)
	}

	// The catalogue forms, and a session that ends before it starts.
	visit(t, tb, "/training/manage/courses/new")
	visit(t, tb, "/training/manage/programmes/new")
	visit(t, tb, "/training/manage/sessions/new")
	do(t, tb, "fill in a session backwards",
		chromedp.SetValue(chromedp.CSS("#course"), eval[string](t, tb, `document.querySelector('#course option:nth-child(2)').value`)),
		chromedp.SendKeys(chromedp.CSS("#date"), "12"), chromedp.SendKeys(chromedp.CSS("#date-month"), "10"), chromedp.SendKeys(chromedp.CSS("#date-year"), "2030"),
		chromedp.SendKeys(chromedp.CSS("#start"), "14:00"), chromedp.SendKeys(chromedp.CSS("#end"), "13:00"),
		chromedp.SendKeys(chromedp.CSS("#join_url"), "https://meet.example.org/new"))
	if st := click(t, tb, "session-error", `main form button[type=submit]`); st != http.StatusUnprocessableEntity {
		t.Errorf("a session ending before it starts: HTTP %d", st)
	}
	mustContain(t, tb, ".govuk-error-summary", "The end time must be after the start time")
	do(t, tb, "fix the end", chromedp.SetValue(chromedp.CSS("#end"), "16:00"))
	click(t, tb, "session-saved", `main form button[type=submit]`)
	mustContain(t, tb, "main", "Saturday 12 October 2030, 14:00 to 16:00 BST", "0 of 20 places taken")
}

// Journey: an organisation sends a bespoke request; a trainer books it and
// turns it into a cohort.
func TestBespokeRequestBecomesACohort(t *testing.T) {
	tb := newTab(t)
	visit(t, tb, "/training/request")
	do(t, tb, "fill in the request",
		chromedp.SendKeys(chromedp.CSS("#org_name"), "Harbour Hospice"),
		chromedp.SendKeys(chromedp.CSS("#contact_name"), "Dana Rees"),
		chromedp.SendKeys(chromedp.CSS("#email"), "dana@harbour.example.org"),
		chromedp.SendKeys(chromedp.CSS("#challenges"), "End-of-life choices when families disagree."),
		chromedp.SendKeys(chromedp.CSS("#team_size"), "18"),
		chromedp.Click(chromedp.CSS("#format-in_person")))
	click(t, tb, "request-sent", `main form button[type=submit]`)
	mustContain(t, tb, ".govuk-notification-banner", "We have your request")

	tr := newTab(t)
	signIn(t, tr, "admin@lightbulb.test")
	visit(t, tr, "/training/manage/requests")
	click(t, tr, "request", `main a[href^="/training/manage/requests/"]`)
	mustContain(t, tr, "main", "Harbour Hospice", "End-of-life choices")
	do(t, tr, "move to booked", chromedp.Click(chromedp.CSS("#status-booked")),
		chromedp.SendKeys(chromedp.CSS("#notes"), "Agreed two in-person sessions."))
	click(t, tr, "request-booked", `main form[action$="/requests/`+requestIDFrom(t, here(t, tr))+`"] button`)
	mustContain(t, tr, "main", "Create the cohort")
	do(t, tr, "fill in the cohort",
		chromedp.SetValue(chromedp.CSS("#name"), "Harbour Hospice 2027"),
		chromedp.SetValue(chromedp.CSS("#programme"), eval[string](t, tr, `document.querySelector('#programme option:nth-child(2)').value`)),
		chromedp.SetValue(chromedp.CSS("#client"), eval[string](t, tr, `[...document.querySelectorAll('#client option')].find(o => o.textContent.includes('Brightwell')).value`)),
		chromedp.SendKeys(chromedp.CSS("#starts"), "1"), chromedp.SendKeys(chromedp.CSS("#starts-month"), "3"), chromedp.SendKeys(chromedp.CSS("#starts-year"), "2027"),
		chromedp.SendKeys(chromedp.CSS("#ends"), "1"), chromedp.SendKeys(chromedp.CSS("#ends-month"), "2"), chromedp.SendKeys(chromedp.CSS("#ends-year"), "2027"))
	if st := click(t, tr, "cohort-error", `main form[action$="/cohort"] button`); st != http.StatusUnprocessableEntity {
		t.Errorf("a cohort ending before it starts: HTTP %d", st)
	}
	mustContain(t, tr, ".govuk-error-summary", "The end date must be on or after the start date")
	do(t, tr, "fix the end date", chromedp.SetValue(chromedp.CSS("#ends-month"), "6"))
	click(t, tr, "cohort", `main form[action$="/cohort"] button`)
	mustContain(t, tr, "main", "Harbour Hospice 2027", "From a bespoke request", "Schedule a session for this cohort")
}

func requestIDFrom(t *testing.T, path string) string {
	t.Helper()
	var id int
	if _, err := fmt.Sscanf(path, "/training/manage/requests/%d", &id); err != nil {
		t.Fatalf("not a request page: %s", path)
	}
	return fmt.Sprint(id)
}
