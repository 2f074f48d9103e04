package lightbulb

import (
	"fmt"
	"strings"
)

// When shows a session's time in Europe/London with the zone's name, like
// "Tuesday 3 March 2026, 10:00 to 12:00 GMT".
func (s *Session) When() string {
	a, b := s.StartsAt.In(London), s.EndsAt.In(London)
	if a.Format("2006-01-02") == b.Format("2006-01-02") {
		return a.Format("Monday 2 January 2006, 15:04") + " to " + b.Format("15:04 MST")
	}
	return a.Format("Monday 2 January 2006, 15:04 MST") + " to " + b.Format("Monday 2 January 2006, 15:04 MST")
}

// OfferUntil shows when an offered place stops being held, in Europe/London.
func (b *Booking) OfferUntil() string {
	return b.OfferExpires.In(London).Format("Monday 2 January 2006, 15:04 MST")
}

// Where says how to reach a session without giving away a joining link.
func (s *Session) Where() string {
	if s.Mode == ModeOnline {
		return "Online"
	}
	return s.Venue
}

// Mail kinds a booking sends.
const (
	MailConfirmLink = "confirm_link"
	MailBooked      = "booked"
	MailWaiting     = "waiting"
	MailCancelled   = "cancelled"
)

// BookingMail writes the email for a moment in a booking's life. Links go to
// baseURL; the booking's token is the key to its page.
func BookingMail(kind string, b *Booking, baseURL string) *Mail {
	s := b.Session
	page := baseURL + "/training/bookings/" + b.Token
	head := fmt.Sprintf("Hello %s,\n\n", b.Name)
	what := fmt.Sprintf("%s\n%s\n%s\n", s.CourseTitle, s.When(), s.Where())
	m := &Mail{To: b.Email}
	switch kind {
	case MailConfirmLink:
		m.Subject = "Confirm your booking: " + s.CourseTitle
		m.Body = head + "Thank you for booking:\n\n" + what + "\nYour place is not held until you confirm. Confirm your booking here:\n" + page +
			"\n\nIf you did not ask for this, ignore this email and nothing will be booked.\n"
	case MailBooked:
		m.Subject = "You are booked: " + s.CourseTitle
		m.Body = head + "Your place is confirmed:\n\n" + what + "\nAdd it to your calendar:\n" + page + "/booking.ics\n\n" +
			joinNote(s) + "See or cancel your booking:\n" + page + "\n\nWe will remind you two days and one hour before.\n"
	case MailWaiting:
		m.Subject = "You are on the waiting list: " + s.CourseTitle
		m.Body = head + "The session is full, so you are on its waiting list:\n\n" + what +
			"\nIf a place comes free we will email you, and you will have a limited time to accept it.\n\nLeave the waiting list here:\n" + page + "\n"
	case MailCancelled:
		m.Subject = "Booking cancelled: " + s.CourseTitle
		m.Body = head + "Your booking has been cancelled:\n\n" + what + "\nYou can book again at " + baseURL + "/training if there are places.\n"
	}
	return m
}

func joinNote(s *Session) string {
	if s.Mode == ModeOnline {
		return "The joining link is on your booking page.\n\n"
	}
	if s.Access != "" {
		return "Getting there and access: " + strings.TrimSpace(s.Access) + "\n\n"
	}
	return ""
}

// ReminderMail reminds a booked person of a session soon.
func ReminderMail(b *Booking, soon string, baseURL string) *Mail {
	page := baseURL + "/training/bookings/" + b.Token
	s := b.Session
	return &Mail{To: b.Email, Subject: "Reminder: " + s.CourseTitle + " " + soon,
		Body: fmt.Sprintf("Hello %s,\n\nThis is a reminder of your training session %s:\n\n%s\n%s\n%s\n\n%sIf you can no longer come, please cancel so that someone on the waiting list can have your place:\n%s\n",
			b.Name, soon, s.CourseTitle, s.When(), s.Where(), joinNote(s), page)}
}

// OfferMail offers a freed place to someone on the waiting list.
func OfferMail(b *Booking, baseURL string) *Mail {
	page := baseURL + "/training/bookings/" + b.Token
	s := b.Session
	return &Mail{To: b.Email, Subject: "A place is free: " + s.CourseTitle,
		Body: fmt.Sprintf("Hello %s,\n\nA place has come free on a session you are waiting for:\n\n%s\n%s\n%s\n\nThe place is held for you until %s. Accept it here:\n%s\n\nIf you do not accept it by then, it will be offered to the next person.\n",
			b.Name, s.CourseTitle, s.When(), s.Where(), b.OfferUntil(), page)}
}

// OfferExpiredMail tells someone their offer ran out.
func OfferExpiredMail(b *Booking, baseURL string) *Mail {
	s := b.Session
	return &Mail{To: b.Email, Subject: "Your offered place has gone: " + s.CourseTitle,
		Body: fmt.Sprintf("Hello %s,\n\nThe place we offered you on %s (%s) was not accepted in time, so it has gone to the next person on the waiting list.\n\nSee other sessions at %s/training\n",
			b.Name, s.CourseTitle, s.When(), baseURL)}
}

// SessionCancelledMail tells a booked or waiting person the session is off.
func SessionCancelledMail(b *Booking, baseURL string) *Mail {
	s := b.Session
	return &Mail{To: b.Email, Subject: "Session cancelled: " + s.CourseTitle,
		Body: fmt.Sprintf("Hello %s,\n\nWe are sorry: this training session has been cancelled.\n\n%s\n%s\n\nSee other sessions and book again at %s/training\n",
			b.Name, s.CourseTitle, s.When(), baseURL)}
}
