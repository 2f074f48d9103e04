package lightbulb

// planMail is what the wording of the Action Plan's and the newsletter's
// emails may use.
type planMail struct {
	Name      string
	Actions   []string
	Page      string // the page the email is about (confirm, answer, see)
	Stop      string // the page that stops these emails
	Months    int
	Confirmed bool
	Subject   string
	Body      string
	Test      bool
}

func actionTexts(as []*ActionItem, own, lang string) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.In(lang))
	}
	if own != "" {
		out = append(out, own)
	}
	return out
}

// SignConfirmMail asks a signatory to confirm by the link to their
// signature's page (which confirms only by its button).
func SignConfirmMail(s *Signature, baseURL string) *Mail {
	return letter("actionplan_confirm", s.Lang, s.Email, &planMail{Name: s.Name,
		Actions: actionTexts(s.Actions, s.OwnAction, s.Lang), Page: baseURL + "/action-plan/signatures/" + s.Token})
}

// SignAgainMail tells an address that tried to sign again that it has
// signed, so the form never says so on screen. lang is the form's language.
func SignAgainMail(s *Signature, lang, baseURL string) *Mail {
	return letter("actionplan_again", lang, s.Email, &planMail{Confirmed: s.Status == SignConfirmed,
		Page: baseURL + "/action-plan/signatures/" + s.Token})
}

// SignCheckinMail asks which actions a signatory took, with a one-click
// stop (List-Unsubscribe) to stopURL.
func SignCheckinMail(c *Checkin, baseURL, stopURL string) *Mail {
	s := c.Signature
	m := letter("actionplan_checkin", s.Lang, s.Email, &planMail{Name: s.Name, Months: c.Months,
		Actions: actionTexts(s.Actions, s.OwnAction, s.Lang), Page: baseURL + "/action-plan/checkins/" + c.Token, Stop: stopURL})
	m.ListUnsubscribe = stopURL
	return m
}

// NewsletterConfirmMail asks a new subscriber to confirm.
func NewsletterConfirmMail(s *Subscriber, baseURL string) *Mail {
	return letter("newsletter_confirm", s.Lang, s.Email, &planMail{Page: baseURL + "/newsletter/confirm/" + s.Token})
}

// NewsletterAgainMail tells a subscribed address that someone asked again,
// with its preferences page. lang is the form's language.
func NewsletterAgainMail(s *Subscriber, lang, prefsURL string) *Mail {
	return letter("newsletter_again", lang, s.Email, &planMail{Stop: prefsURL})
}

// CampaignMail writes campaign c to a subscriber in lang, with its one-click
// unsubscribe address; test marks a copy sent to the charity to check.
func CampaignMail(c *Campaign, to, lang, unsubURL string, test bool) *Mail {
	subject, body := c.In(lang)
	m := letter("newsletter_campaign", lang, to, &planMail{Subject: subject, Body: body, Stop: unsubURL, Test: test})
	m.ListUnsubscribe = unsubURL
	return m
}
