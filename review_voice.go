package lightbulb

import (
	"context"
	"strings"
	"time"
)

// How the views of people who use a service reach a review without an
// account: each is a Voice, marked with how it came.
const (
	ViaLink     = "link"     // they rated through a link emailed to them
	ViaGroup    = "group"    // gathered in a group, recorded by the lead
	ViaAdvocate = "advocate" // given through an advocate, recorded by the lead
)

// VoiceLinkDays is how long an emailed link to rate works (and never after
// the review is submitted).
const VoiceLinkDays = 28

// Voice is one set of ratings from people who use the service and have no
// account. Lightbulb keeps no name or email address for it: the email is
// only in the outbox, and Label (for a group or advocate) describes the
// occasion, not the people.
type Voice struct {
	ID        int64
	ReviewID  int64
	Via       string
	Label     string
	Lang      string
	CreatedAt time.Time
	ExpiresAt time.Time // links only
	Rated     int       // statements rated so far
}

// Expired reports whether a link has stopped working.
func (v *Voice) Expired(now time.Time) bool { return v.Via == ViaLink && !now.Before(v.ExpiresAt) }

// ValidateVoice checks what a lead records of a group or an advocate.
func ValidateVoice(via, label string) (string, error) {
	var v ValidationErrors
	label = strings.TrimSpace(label)
	if via != ViaGroup && via != ViaAdvocate {
		v.Add("via", "Choose whether the views were gathered in a group or through an advocate")
	}
	if label == "" {
		v.Add("label", "Say where the views were gathered, without names: for example, “Tuesday coffee morning, 6 people”")
	} else if len(label) > 200 {
		v.Add("label", "The description must be 200 characters or fewer")
	}
	return label, v.Err()
}

// ValidateVoiceInvite checks the address a lead invites to rate by email.
func ValidateVoiceInvite(email, lang string) (string, error) {
	var v ValidationErrors
	email = CleanEmail(email)
	checkEmail(&v, "email", email)
	if !ValidLang(lang) {
		v.Add("lang", "Choose the language to write to them in")
	}
	return email, v.Err()
}

// VoiceService keeps the views of people who use a service without an
// account. The lead's methods are scoped to the organisation in ctx; the
// token ones are for the person who follows an emailed link.
type VoiceService interface {
	// InviteVoice emails a link to rate the review; the address is not kept.
	InviteVoice(ctx context.Context, reviewID int64, email, lang string) (*Voice, error)
	// RecordVoice starts the views of a group or through an advocate.
	RecordVoice(ctx context.Context, reviewID int64, via, label string) (*Voice, error)
	Voices(ctx context.Context, reviewID int64) ([]*Voice, error)
	FindVoice(ctx context.Context, reviewID, voiceID int64) (*Voice, error)
	VoiceRatings(ctx context.Context, reviewID, voiceID int64) ([]Rated, error)
	// SaveVoiceRatings stores what a lead recorded of a group or an advocate.
	SaveVoiceRatings(ctx context.Context, reviewID, voiceID int64, rs []Rated) error

	// VoiceByToken finds a link's voice and its review, refusing one that
	// has expired or whose review was submitted.
	VoiceByToken(ctx context.Context, token string) (*Voice, *Review, error)
	// RateByToken stores the ratings given through a link.
	RateByToken(ctx context.Context, token string, rs []Rated) error
}

// ReviewInviteVoiceMail asks someone who uses the service, in the language
// chosen for them, to rate a review through a link that needs no account.
func ReviewInviteVoiceMail(to, lang, org string, r *Review, expires time.Time, link string) *Mail {
	return letter("review_voice", MailLang(lang), to, struct {
		Org, Subject, Until, Link string
	}{org, r.Subject, LongDate(expires, MailLang(lang)), link})
}
