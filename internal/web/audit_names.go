package web

import "sort"

// auditActions are the audit log's actions in words, so that a lead can
// read the log without knowing its codes. The words are translated like
// any other page text; an action missing here shows its code.
var auditActions = map[string]string{
	"account.language":                "Changed their language",
	"actionplan.action.save":          "Saved an action in the Action Plan",
	"actionplan.block":                "Blocked an email domain from signing",
	"actionplan.export":               "Downloaded Action Plan signatures",
	"actionplan.invalidate":           "Struck out suspect Action Plan signatures",
	"actionplan.org.optin":            "Changed whether the organisation counts its staff's Action Plan signatures",
	"actionplan.moderate":             "Moderated an Action Plan submission",
	"case.create":                     "Recorded a case",
	"case.import":                     "Imported cases from the command line",
	"case.import.start":               "Started a case import",
	"case.indicators_export":          "Downloaded case indicators",
	"case.list.view":                  "Looked at the list of cases",
	"case.review":                     "Reviewed a case through the rights lens",
	"case.status":                     "Changed a case's status",
	"case.upload":                     "Uploaded a file of cases",
	"case.view":                       "Looked at a case",
	"coproduction.claim.approve":      "Approved an expert's claim",
	"coproduction.claim.paid":         "Marked an expert's claim paid",
	"coproduction.claim.record":       "Recorded time and expenses for an involvement",
	"coproduction.claims.export":      "Downloaded experts' claims for finance",
	"coproduction.followup.ask":       "Asked for a wellbeing check-in",
	"coproduction.followup.done":      "Recorded a wellbeing check-in",
	"coproduction.followup.view":      "Looked at a wellbeing check-in",
	"coproduction.home":               "Looked at co-production: check-ins and claims",
	"coproduction.indicators":         "Looked at co-production in figures",
	"coproduction.invite.answer":      "Answered an invitation to an involvement",
	"coproduction.involvement.create": "Posted a co-production involvement and invited experts",
	"coproduction.involvement.view":   "Looked at a co-production involvement",
	"coproduction.profile.save":       "Changed their co-production profile",
	"coproduction.quote.answer":       "Answered a request to quote their words",
	"coproduction.quote.ask":          "Asked an expert to approve words to quote",
	"coproduction.rate.add":           "Added a rate for experts' time",
	"coproduction.room.save":          "Changed the note of who is not in the room",
	"decision.absolute":               "Stopped a decision that restricts an absolute right",
	"decision.create":                 "Started recording a decision",
	"decision.decide":                 "Recorded the outcome of a decision",
	"decision.export":                 "Downloaded a decision record",
	"decision.indicators":             "Looked at decision indicators",
	"decision.review":                 "Reviewed a decision",
	"decision.save":                   "Saved a decision",
	"decision.view":                   "Looked at a decision",
	"form.limited":                    "Public form refused: too many for one address",
	"framework.edit":                  "Edited the review framework",
	"indicators.export":               "Downloaded indicators",
	"indicators.recompute":            "Computed a month's indicators again",
	"indicators.target":               "Changed an indicator's target",
	"invitation.accept":               "Accepted an invitation to join",
	"jobs.retry":                      "Retried a background job",
	"learning.check.post":             "Took the knowledge check after training",
	"learning.check.pre":              "Took the knowledge check before training",
	"learning.check.results":          "Looked at knowledge check results",
	"learning.coverage.mandatory":     "Changed mandatory training",
	"learning.coverage.view":          "Looked at training coverage",
	"learning.feedback.give":          "Gave feedback on training",
	"learning.feedback.view":          "Looked at feedback on training",
	"learning.needs.map":              "Mapped learning needs",
	"learning.needs.save":             "Chose what training should focus on",
	"learning.plan.actions":           "Changed a reflection plan's actions",
	"learning.plan.checkin":           "Checked in on a reflection plan",
	"learning.plan.create":            "Wrote a reflection plan",
	"learning.plan.progress":          "Recorded progress on a reflection plan",
	"learning.plan.share":             "Shared a reflection plan",
	"learning.survey.create":          "Created a staff survey",
	"learning.survey.respond":         "Answered a staff survey",
	"learning.survey.results":         "Looked at staff survey results",
	"newsletter.bounces":              "Recorded newsletter bounces",
	"newsletter.campaign.save":        "Saved a newsletter",
	"newsletter.campaign.send":        "Scheduled a newsletter to send",
	"newsletter.campaign.test":        "Sent a test newsletter",
	"newsletter.erase":                "A subscriber erased their data",
	"newsletter.export":               "A subscriber downloaded their data",
	"organisation.create":             "Created an organisation",
	"organisation.switch":             "Switched organisation",
	"organisation.update":             "Changed an organisation",
	"password.reset":                  "Reset their password",
	"password.reset_requested":        "Asked to reset their password",
	"password.set":                    "Password set from the command line",
	"person.add":                      "Added a person",
	"person.erase":                    "Erased a person's data",
	"person.export":                   "Downloaded a person's data",
	"person.invite":                   "Invited a person to join",
	"report.create":                   "Started a board report",
	"report.export":                   "Downloaded a board report",
	"report.issue":                    "Issued a board report",
	"report.save":                     "Saved a board report",
	"report.view":                     "Looked at a board report",
	"review.action":                   "Added an action from a review",
	"review.action_status":            "Changed an action's status",
	"review.agree":                    "Saved the agreed ratings of a review",
	"review.contribute":               "Rated a review's statements",
	"review.create":                   "Started a review",
	"review.export":                   "Downloaded a review's actions",
	"review.invite":                   "Invited someone to a review",
	"review.share":                    "Shared reviews with a commissioner",
	"review.share_revoke":             "Stopped sharing reviews",
	"review.shared_view":              "Looked at shared reviews",
	"review.submit":                   "Submitted a review",
	"review.view":                     "Looked at a review",
	"right.edit":                      "Edited the rights library",
	"roles.change":                    "Changed a person's roles",
	"service.create":                  "Added a ward, team or home",
	"sign_in":                         "Signed in",
	"sign_in.failed":                  "Sign-in failed",
	"sign_in.limited":                 "Sign-in slowed down after failures",
	"sign_out":                        "Signed out",
	"training.attendance":             "Recorded attendance",
	"training.book":                   "Booked training",
	"training.booking.accept":         "Accepted an offered place",
	"training.booking.cancel":         "Cancelled a booking",
	"training.booking.confirm":        "Confirmed a booking",
	"training.cohort.create":          "Created a cohort",
	"training.cohort.view":            "Looked at a cohort",
	"training.join.refused":           "Was refused the link to join a session",
	"training.programme.create":       "Created a programme",
	"training.register.view":          "Looked at a session's register",
	"training.request.cohort":         "Made a cohort from a training request",
	"training.request.create":         "Asked for training",
	"training.request.status":         "Changed a training request's status",
}

// ActionName is an audit action in words, in the page's language.
func (p *Page) ActionName(code string) string {
	if name, ok := auditActions[code]; ok {
		return p.T(name)
	}
	return code
}

// auditActionOption is one choice in the audit log's action filter.
type auditActionOption struct{ Code, Name string }

// ActionOptions are the audit actions sorted by their words in the page's
// language.
func (p *Page) ActionOptions() []auditActionOption {
	out := make([]auditActionOption, 0, len(auditActions))
	for code := range auditActions {
		out = append(out, auditActionOption{code, p.ActionName(code)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
