package lightbulb

import "fmt"

// reviewAs says in what capacity someone is asked to rate, for an email.
var reviewAs = map[string]map[ContributorKind]string{
	LangEnglish: {AsStaff: "a member of staff", AsServiceUser: "someone who uses the service", AsExpert: "a lived experience expert"},
	LangWelsh:   {AsStaff: "aelod o staff", AsServiceUser: "rhywun sy'n defnyddio'r gwasanaeth", AsExpert: "arbenigwr drwy brofiad"},
}

// ReviewInvite is what an invitation to rate a review says.
type ReviewInvite struct {
	To, Name, Lang string
	OrgID          int64
	OrgName        string
	Review         *Review
	Kind           ContributorKind
}

// ReviewInviteMail asks a person, in their language, to rate a review; the
// link takes them to the review's organisation (it switches to it when they
// belong to several).
func ReviewInviteMail(in ReviewInvite, baseURL string) *Mail {
	lang := MailLang(in.Lang)
	return letter("review_invite", lang, in.To, struct {
		Name, Org, Subject, Period, As, Link string
	}{in.Name, in.OrgName, in.Review.Subject, ShortDate(in.Review.PeriodStart, lang) + " – " + ShortDate(in.Review.PeriodEnd, lang),
		reviewAs[lang][in.Kind], fmt.Sprintf("%s/reviews/%d/rate?org=%d", baseURL, in.Review.ID, in.OrgID)})
}
