package lightbulb

import "fmt"

// CoprodInviteMail asks an expert, in their language, whether they would
// like to take part in an involvement.
func CoprodInviteMail(to, name, lang string, i *Involvement, baseURL string) *Mail {
	return letter("coprod_invite", lang, to, struct {
		Name, Title, When, Link string
	}{name, i.Title, LongTime(i.StartsAt, lang), baseURL + "/coproduction/me"})
}

// CoprodFollowUpMail tells a supporter that an expert's wellbeing follow-up
// is due; Overdue reminds them, or the lead, that it has not happened.
func CoprodFollowUpMail(to, name, lang string, f *FollowUp, overdue bool, baseURL string) *Mail {
	kind := "coprod_followup"
	if overdue {
		kind = "coprod_followup_overdue"
	}
	return letter(kind, lang, to, struct {
		Name, Expert, Title, Due, Link string
	}{name, f.ExpertName, f.Title, LongTime(f.DueAt, lang), fmt.Sprintf("%s/coproduction/follow-ups/%d", baseURL, f.ID)})
}

// CoprodCheckMail tells an expert (own) or a co-production lead, in their
// language, that a check ends soon and needs renewing.
func CoprodCheckMail(to, name, lang string, c *ExpertCheck, own bool, baseURL string) *Mail {
	link := baseURL + "/coproduction/checks"
	if own {
		link = baseURL + "/coproduction/me"
	}
	ends, _ := ParseDate(c.ExpiresOn)
	return letter("coprod_check_due", lang, to, struct {
		Name, Expert, Kind, Ends, Link string
		Own                            bool
	}{name, c.ExpertName, c.Kind, LongDate(ends.Time(), lang), link, own})
}

// CoprodInterestMail tells a co-production lead, in their language, that
// an expert asks to take part in an open involvement.
func CoprodInterestMail(to, name, lang, expert string, i *Involvement, baseURL string) *Mail {
	return letter("coprod_interest", lang, to, struct {
		Name, Expert, Title, When, Link string
	}{name, expert, i.Title, LongTime(i.StartsAt, lang), fmt.Sprintf("%s/coproduction/involvements/%d", baseURL, i.ID)})
}
