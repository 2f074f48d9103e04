package lightbulb

import (
	"fmt"
	"strings"
	"time"
)

// The emails Lightbulb sends people outside training: accounts, training
// requests and decision reviews. Their wording is in mailtext/.

// PasswordResetMail sends a person the single-use link that sets a new
// password, in lang.
func PasswordResetMail(u *User, lang, link string) *Mail {
	return letter("password_reset", lang, u.Email, struct{ Name, Link string }{u.Name, link})
}

// InvitationMail tells a person an organisation has added them, with the
// link to choose their password, in lang.
func InvitationMail(u *User, lang, orgName, link string) *Mail {
	return letter("invitation", lang, u.Email, struct{ Name, Org, Link string }{u.Name, orgName, link})
}

// TrainingRequestMail acknowledges a request for bespoke training, in the
// language of the form it came from.
func TrainingRequestMail(q *TrainingRequest) *Mail {
	return letter("training_request_received", q.Lang, q.Email, struct {
		Name string
		Ref  int64
	}{q.ContactName, q.ID})
}

// DecisionReviewMail reminds a decision's owner, in lang, that its review
// falls due on or before today's date or is overdue. Links go to baseURL.
func DecisionReviewMail(d *Decision, lang, baseURL, today string) *Mail {
	due := d.Reasoning.ReviewDate
	if t, err := time.Parse("2006-01-02", due); err == nil {
		due = ShortDate(t, lang)
	}
	return letter("decision_review_due", lang, d.OwnerMail, struct {
		ID                           int64
		Name, Service, Proposal, Due string
		Overdue                      bool
		Link                         string
	}{d.ID, d.OwnerName, d.ServiceName, d.Reasoning.Proposal, due, d.Reasoning.ReviewDate < today,
		fmt.Sprintf("%s/decisions/%d/review", strings.TrimRight(baseURL, "/"), d.ID)})
}
