package lightbulb

import (
	"context"
	"net/mail"
	"strings"
	"time"
)

// Training belongs to the charity whose trainers run it (the operator
// organisation): its catalogue, sessions, bookings, jobs and bespoke
// requests carry that organisation's id. A cohort also names the client
// organisation it is run for, and a booking the organisation of the person
// who booked when they were signed in.

// Modes of delivery.
const (
	ModeOnline   = "online"
	ModeInPerson = "in_person"
)

// ValidMode reports whether m is a mode of delivery.
func ValidMode(m string) bool { return m == ModeOnline || m == ModeInPerson }

// Course is one piece of the catalogue.
type Course struct {
	ID           int64
	Title        string
	Summary      string
	Audience     string
	DurationMins int
	Outcomes     string
	Mode         string
	TitleCy      string // the Welsh; empty until translated
	SummaryCy    string
	EnEdited     int // counts the edits that changed the English title or summary
	CyBasedOn    int // the EnEdited the Welsh was written from
}

// WelshStale reports whether the course's Welsh was written from an English
// title or summary that has been changed since.
func (c *Course) WelshStale() bool { return c.TitleCy != "" && c.CyBasedOn < c.EnEdited }

// Validate checks a course before it is saved.
func (c *Course) Validate() error {
	var v ValidationErrors
	c.Title = strings.TrimSpace(c.Title)
	if c.Title == "" {
		v.Add("title", "Enter a title")
	}
	if strings.TrimSpace(c.Summary) == "" {
		v.Add("summary", "Enter a summary")
	}
	if c.DurationMins < 15 || c.DurationMins > 8*60 {
		v.Add("duration", "Enter a duration between 15 and 480 minutes")
	}
	if !ValidMode(c.Mode) {
		v.Add("mode", "Select online or in person")
	}
	c.TitleCy, c.SummaryCy = strings.TrimSpace(c.TitleCy), strings.TrimSpace(c.SummaryCy)
	if c.TitleCy == "" && c.SummaryCy != "" {
		v.Add("title_cy", "Enter the Welsh title, or leave the Welsh summary empty too")
	}
	return v.Err()
}

// Programme is an ordered series of courses, its parts.
type Programme struct {
	ID        int64
	Title     string
	Summary   string
	TitleCy   string
	SummaryCy string
	Parts     []Course
}

// Cohort runs a programme for one client organisation.
type Cohort struct {
	ID             int64
	ProgrammeID    int64
	ProgrammeTitle string
	ClientOrgID    int64
	ClientOrgName  string
	Name           string
	StartsOn       time.Time
	EndsOn         time.Time
	RequestID      int64
}

// Session is one occasion a course is delivered. A session with no cohort is
// open to the public.
type Session struct {
	ID          int64
	CourseID    int64
	CourseTitle string
	CourseAbout string
	// The course's Welsh, and whether it is older than the English.
	CourseTitleCy, CourseAboutCy string
	CourseWelshStale             bool
	CohortID                     int64
	CohortName                   string
	ClientOrgID                  int64
	Part                         int
	StartsAt                     time.Time
	EndsAt                       time.Time
	Mode                         string
	JoinURL                      string
	Venue                        string
	Access                       string
	Capacity                     int
	Facilitators                 string
	Cancelled                    bool
	// Rights and Issues are what the workshop addresses, from the needs
	// map: right codes and NeedsIssues keys.
	Rights []string
	Issues []string
	// Taken counts confirmed places and places held by an offer.
	Taken   int
	Waiting int
}

// Open reports whether anyone may book the session.
func (s *Session) Open() bool { return s.CohortID == 0 }

// Left is the number of places not yet taken.
func (s *Session) Left() int { return max(s.Capacity-s.Taken, 0) }

// Full reports whether every place is taken.
func (s *Session) Full() bool { return s.Taken >= s.Capacity }

// Validate checks a session before it is saved.
func (s *Session) Validate() error {
	var v ValidationErrors
	if s.CourseID == 0 {
		v.Add("course", "Select a course")
	}
	if s.StartsAt.IsZero() {
		v.Add("date", "Enter the date and start time")
	} else if !s.EndsAt.After(s.StartsAt) {
		v.Add("end", "The end time must be after the start time")
	}
	if !ValidMode(s.Mode) {
		v.Add("mode", "Select online or in person")
	} else if s.Mode == ModeOnline && !strings.HasPrefix(s.JoinURL, "https://") {
		v.Add("join_url", "Enter the joining link, starting with https://")
	} else if s.Mode == ModeInPerson && strings.TrimSpace(s.Venue) == "" {
		v.Add("venue", "Enter the venue")
	}
	if s.Capacity < 1 || s.Capacity > 1000 {
		v.Add("capacity", "Enter a number of places between 1 and 1000")
	}
	return v.Err()
}

// FocusCoverage is how many workshops address each right (by code) and
// practice issue (by key).
type FocusCoverage struct {
	Rights map[string]int
	Issues map[string]int
}

// Reach is how many confirmed places on open sessions people from one
// organisation hold.
type Reach struct {
	Organisation string
	People       int
}

// Booking states.
const (
	BookingPending   = "pending"   // waiting for the email link to be followed
	BookingConfirmed = "confirmed" // holds a place
	BookingWaiting   = "waiting"   // on the waiting list
	BookingOffered   = "offered"   // a freed place is held until OfferExpires
	BookingCancelled = "cancelled"
	BookingExpired   = "expired" // an offer ran out
)

// Attendance marks.
const (
	Attended = "attended"
	NoShow   = "no_show"
)

// Booking is one person's place, or wait for a place, on a session.
type Booking struct {
	ID           int64
	SessionID    int64
	Name         string
	Email        string
	UserID       int64
	OrgID        int64 // the booker's organisation when signed in
	Status       string
	Token        string
	OfferExpires time.Time
	Attendance   string
	// Lang is the language to write to the booker in: their account's
	// when they have one, else the language of the form they booked on.
	Lang      string
	CreatedAt time.Time
	Session   *Session
	// AccessNeeds (personal data, cleared AccessNeedsDays after the
	// session) and Organisation are a booker's optional answers.
	AccessNeeds  string
	Organisation string
}

// AccessNeedsDays is how long after a session a booker's access needs are
// kept before they are cleared.
const AccessNeedsDays = 30

// JobAccessNeeds clears the access needs of sessions that ended more than
// AccessNeedsDays ago (daily).
const JobAccessNeeds = "training.access_needs"

// Holds reports whether the booking takes a place.
func (b *Booking) Holds() bool { return b.Status == BookingConfirmed || b.Status == BookingOffered }

// BookingRequest is what a person sends to book a session.
type BookingRequest struct {
	SessionID int64
	Name      string
	Email     string
	UserID    int64
	OrgID     int64
	// Wait asks for a waiting-list place when the session is full.
	Wait bool
	// Lang is the language of the form used, for the booker's email.
	Lang string
	// Optional: what the booker needs to take part, and where they work.
	AccessNeeds  string
	Organisation string
}

// Validate checks the name and email address.
func (b *BookingRequest) Validate() error {
	var v ValidationErrors
	b.Name, b.Email = strings.TrimSpace(b.Name), strings.ToLower(strings.TrimSpace(b.Email))
	if b.Name == "" {
		v.Add("name", "Enter your name")
	}
	b.AccessNeeds, b.Organisation = strings.TrimSpace(b.AccessNeeds), strings.TrimSpace(b.Organisation)
	if len([]rune(b.AccessNeeds)) > 1000 {
		v.Add("access_needs", "Describe your access needs in 1,000 characters or fewer")
	}
	if len([]rune(b.Organisation)) > 200 {
		v.Add("organisation", "Enter an organisation name of 200 characters or fewer")
	}
	if b.Email == "" {
		v.Add("email", "Enter your email address")
	} else if a, err := mail.ParseAddress(b.Email); err != nil || a.Address != b.Email {
		v.Add("email", "Enter an email address in the correct format, like name@example.org")
	}
	return v.Err()
}

// SessionFilter narrows a session listing.
type SessionFilter struct {
	Upcoming bool
	OpenOnly bool
	// ClientOrgID adds the sessions of that organisation's cohorts to the open ones.
	ClientOrgID int64
	CohortID    int64
	Mode        string
	Month       string // YYYY-MM in Europe/London
}

// Attendee is one booking on a session's register.
type Attendee struct {
	Booking
	Note string
}

// Progress is one person's way through a cohort's programme: Parts[i] is the
// attendance mark (or booking state) for part i+1.
type Progress struct {
	Email string
	Name  string
	Parts []string
}

// Request states, in order.
var RequestStates = []string{"new", "scoping", "proposed", "booked", "delivered"}

// TrainingRequest is a bespoke request from an organisation.
type TrainingRequest struct {
	ID             int64
	FromOrgID      int64
	OrgName        string
	ContactName    string
	Email          string
	Challenges     string
	TeamSize       int
	PreferredDates string
	Format         string
	Status         string
	Notes          string
	CohortID       int64
	// Lang is the language of the form the request came from, which its
	// emails are written in.
	Lang      string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks a request before it is saved.
func (r *TrainingRequest) Validate() error {
	var v ValidationErrors
	r.Email = strings.ToLower(strings.TrimSpace(r.Email))
	if strings.TrimSpace(r.OrgName) == "" {
		v.Add("org_name", "Enter the name of your organisation")
	}
	if strings.TrimSpace(r.ContactName) == "" {
		v.Add("contact_name", "Enter your name")
	}
	if a, err := mail.ParseAddress(r.Email); err != nil || a.Address != r.Email {
		v.Add("email", "Enter an email address in the correct format, like name@example.org")
	}
	if len(strings.TrimSpace(r.Challenges)) < 10 {
		v.Add("challenges", "Tell us about the challenges your team faces")
	}
	if r.TeamSize < 1 || r.TeamSize > 5000 {
		v.Add("team_size", "Enter the number of people, between 1 and 5000")
	}
	if r.Format != ModeOnline && r.Format != ModeInPerson && r.Format != "either" {
		v.Add("format", "Select a format")
	}
	return v.Err()
}

// Job kinds.
const (
	JobReminder2d  = "reminder_2d"
	JobReminder1h  = "reminder_1h"
	JobOfferExpiry = "offer_expiry"
	JobOfferMail   = "offer_mail"
	// JobCancelled tells a booked or waiting person their session is off.
	JobCancelled = "session_cancelled"
)

// TrainingService stores the training area. Every method is scoped to the
// training provider in ctx (lightbulb.OrgFrom).
type TrainingService interface {
	FindCourses(ctx context.Context) ([]*Course, error)
	FindCourse(ctx context.Context, id int64) (*Course, error)
	CreateCourse(ctx context.Context, c *Course) error
	UpdateCourse(ctx context.Context, c *Course) error

	FindProgrammes(ctx context.Context) ([]*Programme, error)
	FindProgramme(ctx context.Context, id int64) (*Programme, error)
	// CreateProgramme saves a programme with its parts, the course ids in order.
	CreateProgramme(ctx context.Context, p *Programme, courseIDs []int64) error

	FindCohorts(ctx context.Context) ([]*Cohort, error)
	FindCohort(ctx context.Context, id int64) (*Cohort, error)
	CreateCohort(ctx context.Context, c *Cohort) error
	CohortProgress(ctx context.Context, cohortID int64) ([]*Progress, error)
	// FinishedCohorts lists the cohorts whose final part the person with
	// this email address has attended.
	FinishedCohorts(ctx context.Context, email string) ([]*Cohort, error)
	// FindClientCohorts lists the cohorts run for one client organisation.
	FindClientCohorts(ctx context.Context, clientOrgID int64) ([]*Cohort, error)
	FindMembers(ctx context.Context, cohortID int64) ([]*CohortMember, error)
	// ListedCohorts are the cohorts run for a client organisation (every
	// client's for 0) that the person with this email address may book, by
	// id: those with no named members, and those that name them.
	ListedCohorts(ctx context.Context, clientOrgID int64, email string) (map[int64]*Cohort, error)
	// AddMembers adds people to a cohort, all or none; an address that is
	// already a member is left as it is. It returns how many were added.
	AddMembers(ctx context.Context, cohortID int64, people []CohortMember, by int64) (int, error)
	RemoveMember(ctx context.Context, cohortID, memberID int64) error
	// FocusCoverage counts the workshops (not cancelled) run for a client
	// organisation, or one of its cohorts, that address each right and
	// practice issue.
	FocusCoverage(ctx context.Context, clientOrgID, cohortID int64) (*FocusCoverage, error)
	// OpenSessionReach counts the confirmed places on open sessions by the
	// organisation bookers gave ("" for those who gave none), most first.
	OpenSessionReach(ctx context.Context) ([]Reach, error)
	// DeliveryReport says what a cohort's programme has delivered so far.
	DeliveryReport(ctx context.Context, cohortID int64) (*DeliveryReport, error)

	FindSessions(ctx context.Context, f SessionFilter) ([]*Session, error)
	FindSession(ctx context.Context, id int64) (*Session, error)
	CreateSession(ctx context.Context, s *Session) error
	// CreateSessions schedules a series of sessions in one transaction: all
	// of them, or none when any is refused.
	CreateSessions(ctx context.Context, xs []*Session) error
	// UpdateSession refuses a capacity below the places taken, and offers
	// any new places to the waiting list.
	UpdateSession(ctx context.Context, s *Session) error

	// Book records a booking: pending for a visitor until confirmed by
	// email, confirmed for a signed-in person, or waiting when full and
	// b.Wait is set.
	Book(ctx context.Context, b *BookingRequest) (*Booking, error)
	FindBookingByToken(ctx context.Context, token string) (*Booking, error)
	// FindUserBooking returns a signed-in person's live booking on a session.
	FindUserBooking(ctx context.Context, sessionID, userID int64) (*Booking, error)
	// FindUserBookings lists a signed-in person's live bookings on sessions
	// still to come, soonest first.
	FindUserBookings(ctx context.Context, userID int64) ([]*Booking, error)
	// ConfirmBooking turns a pending booking into a place, or a waiting-list
	// place when the session filled meanwhile.
	ConfirmBooking(ctx context.Context, token string) (*Booking, error)
	// AcceptOffer takes an offered place before the offer expires.
	AcceptOffer(ctx context.Context, token string) (*Booking, error)
	// CancelBooking frees the place and offers it to the next person waiting.
	CancelBooking(ctx context.Context, token string) (*Booking, error)

	Register(ctx context.Context, sessionID int64) ([]*Attendee, error)
	// MarkAttendance sets attendance marks by booking id, and the session notes.
	MarkAttendance(ctx context.Context, sessionID int64, marks map[int64]string, notes string) error
	SessionNotes(ctx context.Context, sessionID int64) (string, error)

	CreateRequest(ctx context.Context, r *TrainingRequest) error
	FindRequests(ctx context.Context) ([]*TrainingRequest, error)
	FindRequest(ctx context.Context, id int64) (*TrainingRequest, error)
	UpdateRequest(ctx context.Context, id int64, status, notes string) error
	// CohortFromRequest creates a cohort for a booked request and links them.
	CohortFromRequest(ctx context.Context, requestID int64, c *Cohort) error
}
