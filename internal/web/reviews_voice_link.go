package web

import (
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// The page a person who uses the service reaches from the emailed link:
// no account, no session needed; the token is the key.

// voiceLinkPage loads the link's review and form, or answers with why the
// link does not work.
func (s *Server) voiceLinkPage(w http.ResponseWriter, r *http.Request) (*Page, bool) {
	v, rv, err := s.Voices.VoiceByToken(r.Context(), r.PathValue("token"))
	var f *rateForm
	if err == nil {
		f, err = s.rateData(r, rv, false)
	}
	if err != nil {
		status := http.StatusNotFound
		if lightbulb.ErrorCode(err) == lightbulb.ECONFLICT {
			status = http.StatusGone
		} else if lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			s.serverError(w, r, err)
			return nil, false
		}
		s.render(w, r, status, "review_voice_closed", s.newPage(r, "This link does not work", lightbulb.ErrorMessage(err)))
		return nil, false
	}
	// The first visit reads in the language the email was written in.
	if _, none := r.Cookie(i18n.CookieName); none != nil && v.Lang != "" && v.Lang != i18n.FromRequest(r) {
		s.rememberLang(w, v.Lang)
		http.Redirect(w, r, r.URL.Path, http.StatusSeeOther)
		return nil, false
	}
	f.Voice, f.Action = v, "/rate/"+r.PathValue("token")
	return s.newPage(r, "Tell us how the service is doing", f), true
}

func (s *Server) voiceLinkForm(w http.ResponseWriter, r *http.Request) {
	p, ok := s.voiceLinkPage(w, r)
	if !ok {
		return
	}
	f := p.Data.(*rateForm)
	rs, err := s.Voices.VoiceRatings(lightbulb.WithOrg(r.Context(), f.Review.OrgID), f.Review.ID, f.Voice.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	fill(p, rs)
	s.render(w, r, http.StatusOK, "review_rate", p)
}

func (s *Server) voiceLinkSave(w http.ResponseWriter, r *http.Request) {
	p, ok := s.voiceLinkPage(w, r)
	if !ok || !s.readForm(w, r) {
		return
	}
	p.Form = r.PostForm
	f := p.Data.(*rateForm)
	if err := s.Voices.RateByToken(r.Context(), r.PathValue("token"), formRatings(r, f.Framework)); err != nil {
		s.formError(w, r, "review_rate", p, err)
		return
	}
	s.flash(r, "Thank you. Your answers have been saved. You can change them with the same link until the review closes.")
	http.Redirect(w, r, "/rate/"+r.PathValue("token"), http.StatusSeeOther)
}
