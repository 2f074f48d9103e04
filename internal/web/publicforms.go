package web

import (
	"net/http"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// formsPerEmailPerMinute is how many public forms may be sent for one email
// address a minute.
const formsPerEmailPerMinute = 3

// mailGate decides whether a public form that emails address may go on
// (the form's handler has already limited its network address with
// perAddr). One email address may be sent only a few forms a minute, and
// gets at most lightbulb.PublicMailPerDay
// emails a day from public forms, whatever is submitted: counted in the
// database, so the cap holds across processes. When the form may not go on
// it says why on the form's page (template name, page p) with 429.
func (s *Server) mailGate(w http.ResponseWriter, r *http.Request, name string, p *Page, email string) bool {
	email = strings.ToLower(strings.TrimSpace(email))
	msg := ""
	switch {
	case !s.perEmail.allow("form:" + email):
		msg = p.T("Too many forms have been sent for this email address. Wait a minute, then try again.")
	default:
		ok, err := s.MailAllowance.TakeMail(r.Context(), email, lightbulb.PublicMailPerDay)
		if err != nil {
			s.serverError(w, r, err)
			return false
		}
		if ok {
			return true
		}
		msg = p.T("We have already sent this email address as many emails today as we send in a day. Try again tomorrow.")
	}
	_ = s.Audit.Record(lightbulb.WithActor(r.Context(), &lightbulb.Actor{IP: clientIP(r)}), "form.limited", email, r.URL.Path)
	p.Errors = []*lightbulb.Error{{Field: "email", Message: msg}}
	p.Title = p.T("Error") + ": " + p.Title
	s.render(w, r, http.StatusTooManyRequests, name, p)
	return false
}
