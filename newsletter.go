package lightbulb

import (
	"context"
	"strings"
	"time"
)

// The newsletter: monthly updates from the charity to people who asked for
// them and confirmed by an emailed link, each in their own language, with a
// one-click way out in every email.

// The states of a subscriber.
const (
	SubPending      = "pending"
	SubConfirmed    = "confirmed"
	SubUnsubscribed = "unsubscribed"
	// SubStopped is an address that bounced or complained: nothing more is
	// sent to it.
	SubStopped = "stopped"
)

// The states of a campaign.
const (
	CampaignDraft     = "draft"
	CampaignScheduled = "scheduled"
	CampaignSending   = "sending"
	CampaignSent      = "sent"
)

// What a bounce or complaint report says about an address.
const (
	BounceHard      = "hard"
	BounceSoft      = "soft"
	BounceComplaint = "complaint"
)

// SoftBounceLimit is how many soft bounces stop email to an address.
const SoftBounceLimit = 3

// SubscribeRequest is what the public form sends.
type SubscribeRequest struct {
	Email string
	Lang  string
	// Consent is the wording the person saw beside the button, kept with
	// the time they agreed.
	Consent string
	// IP is kept only when the operator turns that on.
	IP string
	// Suspect marks a request over the address's limit or with the hidden
	// field filled in: it is kept, never emailed, and the sender is not told.
	Suspect bool
}

// Validate checks a subscription request.
func (r *SubscribeRequest) Validate() error {
	var v ValidationErrors
	r.Email = CleanEmail(r.Email)
	checkEmail(&v, "email", r.Email)
	r.Lang = MailLang(r.Lang)
	return v.Err()
}

// Subscriber is one address on the newsletter list.
type Subscriber struct {
	ID             int64
	Email          string
	Lang           string
	Status         string
	Token          string
	Consent        string
	ConsentAt      time.Time
	IP             string
	StopReason     string
	CreatedAt      time.Time
	ConfirmedAt    *time.Time
	UnsubscribedAt *time.Time
}

// Campaign is one newsletter, written in English and Welsh.
type Campaign struct {
	ID         int64
	Subject    string
	Body       string
	SubjectCy  string
	BodyCy     string
	Status     string
	SendAt     *time.Time
	CreatedAt  time.Time
	FinishedAt *time.Time
	// Stats, filled in by FindCampaign(s).
	Recipients   int
	Sent         int
	Failed       int
	Unsubscribed int
}

// In returns the campaign's subject and body in lang.
func (c *Campaign) In(lang string) (subject, body string) {
	if MailLang(lang) == LangWelsh {
		return c.SubjectCy, c.BodyCy
	}
	return c.Subject, c.Body
}

// Editable reports whether the campaign can still be changed.
func (c *Campaign) Editable() bool { return c.Status == CampaignDraft || c.Status == CampaignScheduled }

// Validate checks a campaign before it is saved.
func (c *Campaign) Validate() error {
	var v ValidationErrors
	for _, f := range []struct {
		field, value, message string
	}{
		{"subject", c.Subject, "Enter the subject in English"},
		{"body", c.Body, "Enter the newsletter in English"},
		{"subject_cy", c.SubjectCy, "Enter the subject in Welsh"},
		{"body_cy", c.BodyCy, "Enter the newsletter in Welsh"},
	} {
		if strings.TrimSpace(f.value) == "" {
			v.Add(f.field, f.message)
		}
	}
	if len(c.Subject) > 200 || len(c.SubjectCy) > 200 {
		v.Add("subject", "A subject must be 200 characters or fewer")
	}
	return v.Err()
}

// SubscriberCounts counts the list by state.
type SubscriberCounts struct {
	Confirmed, Pending, Unsubscribed, Stopped int
}

// NewsletterService keeps the newsletter list and sends campaigns. Public
// methods take tokens only the subscriber's email holds; the charity's
// methods check nothing and the web layer lets only its communications
// role reach them.
type NewsletterService interface {
	// Subscribe records a request and emails a confirmation link; an
	// address already confirmed is emailed to say so, never shown on screen.
	Subscribe(ctx context.Context, r *SubscribeRequest) error
	FindSubscription(ctx context.Context, token string) (*Subscriber, error)
	ConfirmSubscription(ctx context.Context, token string) (*Subscriber, error)
	// FindBySigned finds the subscriber a signed unsubscribe token names.
	FindBySigned(ctx context.Context, signed string) (*Subscriber, error)
	// Unsubscribe stops the newsletter for the subscriber a signed token
	// names; the token may also name the campaign it came in.
	Unsubscribe(ctx context.Context, signed string) (*Subscriber, error)
	SetLanguage(ctx context.Context, signed, lang string) error
	// ExportSubscriber and EraseSubscriber are a subscriber's own rights.
	ExportSubscriber(ctx context.Context, signed string) (*PersonalExport, error)
	EraseSubscriber(ctx context.Context, signed string) error
	// RecordBounce stops email to an address after a hard bounce, a
	// complaint or repeated soft bounces; it reports whether it stopped.
	RecordBounce(ctx context.Context, email, kind string) (bool, error)
	CountSubscribers(ctx context.Context) (*SubscriberCounts, error)

	FindCampaigns(ctx context.Context) ([]*Campaign, error)
	FindCampaign(ctx context.Context, id int64) (*Campaign, error)
	SaveCampaign(ctx context.Context, c *Campaign) error
	// SendTest emails the campaign in both languages to one address.
	SendTest(ctx context.Context, id int64, to string) error
	// ScheduleCampaign sends the campaign at at (now when zero) through jobs.
	ScheduleCampaign(ctx context.Context, id int64, at time.Time) error
}
