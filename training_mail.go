package lightbulb

import (
	"strings"
)

// WhenIn shows a session's time in Europe/London with the zone's name, in
// lang, like "Tuesday 3 March 2026, 10:00 to 12:00 GMT" or "Dydd Mawrth 3
// Mawrth 2026, 10:00 tan 12:00 GMT".
func (s *Session) WhenIn(lang string) string {
	to := " to "
	if MailLang(lang) == LangWelsh {
		to = " tan "
	}
	a, b := s.StartsAt.In(London), s.EndsAt.In(London)
	if a.Format("2006-01-02") == b.Format("2006-01-02") {
		return LongDate(a, lang) + a.Format(", 15:04") + to + b.Format("15:04 MST")
	}
	return LongTime(a, lang) + to + LongTime(b, lang)
}

// Mail kinds a booking sends.
const (
	MailConfirmLink = "confirm_link"
	MailBooked      = "booked"
	MailWaiting     = "waiting"
	MailCancelled   = "cancelled"
)

// sessionMail is what the wording of a booking's emails may use.
type sessionMail struct {
	Name   string
	Course string
	When   string
	Online bool
	Venue  string
	Access string
	Page   string // the booking's own page
	Base   string // the site's address
	Until  string // when an offered place stops being held
	Soon   string // JobReminder2d or JobReminder1h
	Token  string // the booking's token, for links beside its page
}

// bookingLetter writes message name about booking b, in the booking's
// language. Links go to baseURL; the booking's token is the key to its page.
func bookingLetter(name string, b *Booking, baseURL string, edit func(*sessionMail)) *Mail {
	s := b.Session
	d := &sessionMail{Name: b.Name, Course: s.CourseTitle, When: s.WhenIn(b.Lang), Online: s.Mode == ModeOnline,
		Venue: s.Venue, Access: strings.TrimSpace(s.Access), Page: baseURL + "/training/bookings/" + b.Token, Base: baseURL}
	if !b.OfferExpires.IsZero() {
		d.Until = LongTime(b.OfferExpires, b.Lang)
	}
	if edit != nil {
		edit(d)
	}
	return letter(name, b.Lang, b.Email, d)
}

// BookingMail writes the email for a moment in a booking's life, in the
// booking's language.
func BookingMail(kind string, b *Booking, baseURL string) *Mail {
	return bookingLetter("booking_"+kind, b, baseURL, nil)
}

// ReminderMail reminds a booked person of a session soon: kind is
// JobReminder2d or JobReminder1h.
func ReminderMail(b *Booking, kind string, baseURL string) *Mail {
	return bookingLetter("session_reminder", b, baseURL, func(d *sessionMail) { d.Soon = kind })
}

// OfferMail offers a freed place to someone on the waiting list.
func OfferMail(b *Booking, baseURL string) *Mail {
	return bookingLetter("place_offered", b, baseURL, nil)
}

// OfferExpiredMail tells someone their offer ran out.
func OfferExpiredMail(b *Booking, baseURL string) *Mail {
	return bookingLetter("offer_expired", b, baseURL, nil)
}

// SessionCancelledMail tells a booked or waiting person the session is off.
func SessionCancelledMail(b *Booking, baseURL string) *Mail {
	return bookingLetter("session_cancelled", b, baseURL, nil)
}
