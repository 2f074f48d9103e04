package web

import (
	"fmt"
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// People who use a service take part in its review without an account:
// through a link emailed to them, or in a group or through an advocate
// whose views the lead records, marked as such.
func (s *Server) voiceRoutes(h func(string, http.HandlerFunc)) {
	h("POST /reviews/{id}/voices/invite", s.requireLead(s.voiceInvite))
	h("POST /reviews/{id}/voices", s.requireLead(s.voiceRecord))
	h("GET /reviews/{id}/voices/{vid}", s.requireLead(s.voiceForm))
	h("POST /reviews/{id}/voices/{vid}", s.requireLead(s.voiceSave))
	h("GET /rate/{token}", s.voiceLinkForm)
	h("POST /rate/{token}", s.voiceLinkSave)
}

// voiceInvite emails someone who uses the service a link to rate.
func (s *Server) voiceInvite(w http.ResponseWriter, r *http.Request) {
	rv, cs, ok := s.reviewAccess(w, r)
	if !ok || !s.draftOnly(w, r, rv) || !s.readForm(w, r) {
		return
	}
	if _, err := s.Voices.InviteVoice(r.Context(), rv.ID, r.PostFormValue("email"), r.PostFormValue("lang")); err != nil {
		s.showReview(w, r, rv, cs, err)
		return
	}
	// The audit says a link went, not to whom: the address is not kept.
	_ = s.Audit.Record(r.Context(), "review.voice.invite", reviewTarget(rv), "")
	s.flash(r, "The link to rate has been emailed. Lightbulb does not keep the address.")
	http.Redirect(w, r, fmt.Sprintf("/reviews/%d#voices", rv.ID), http.StatusSeeOther)
}

// voiceRecord starts the views of a group or an advocate, then opens them
// for the lead to rate.
func (s *Server) voiceRecord(w http.ResponseWriter, r *http.Request) {
	rv, cs, ok := s.reviewAccess(w, r)
	if !ok || !s.draftOnly(w, r, rv) || !s.readForm(w, r) {
		return
	}
	v, err := s.Voices.RecordVoice(r.Context(), rv.ID, r.PostFormValue("via"), r.PostFormValue("label"))
	if err != nil {
		s.showReview(w, r, rv, cs, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "review.voice.record", reviewTarget(rv), v.Via+": "+v.Label)
	http.Redirect(w, r, fmt.Sprintf("/reviews/%d/voices/%d", rv.ID, v.ID), http.StatusSeeOther)
}

// voicePage loads a review's voice that the lead records, with the form.
func (s *Server) voicePage(w http.ResponseWriter, r *http.Request) (*lightbulb.Review, *lightbulb.Voice, *Page, bool) {
	rv, _, ok := s.reviewAccess(w, r)
	if !ok || !s.draftOnly(w, r, rv) {
		return nil, nil, nil, false
	}
	vid, err := strconv.ParseInt(r.PathValue("vid"), 10, 64)
	if err != nil {
		s.notFound(w, r)
		return nil, nil, nil, false
	}
	v, err := s.Voices.FindVoice(r.Context(), rv.ID, vid)
	if err == nil && v.Via == lightbulb.ViaLink {
		err = lightbulb.Errorf(lightbulb.ENOTFOUND, "There are no such views on this review.")
	}
	var f *rateForm
	if err == nil {
		f, err = s.rateData(r, rv, false)
	}
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, nil, false
	}
	f.Voice, f.Action = v, fmt.Sprintf("/reviews/%d/voices/%d", rv.ID, v.ID)
	return rv, v, s.newPage(r, "Record views", f), true
}

func (s *Server) voiceForm(w http.ResponseWriter, r *http.Request) {
	rv, v, p, ok := s.voicePage(w, r)
	if !ok {
		return
	}
	rs, err := s.Voices.VoiceRatings(r.Context(), rv.ID, v.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	fill(p, rs)
	s.render(w, r, http.StatusOK, "review_rate", p)
}

func (s *Server) voiceSave(w http.ResponseWriter, r *http.Request) {
	rv, v, p, ok := s.voicePage(w, r)
	if !ok || !s.readForm(w, r) {
		return
	}
	p.Form = r.PostForm
	f := p.Data.(*rateForm)
	if err := s.Voices.SaveVoiceRatings(r.Context(), rv.ID, v.ID, formRatings(r, f.Framework)); err != nil {
		s.formError(w, r, "review_rate", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "review.voice.rate", reviewTarget(rv), v.Via+": "+v.Label)
	s.flash(r, "The views have been saved. They show on the agree page marked as theirs.")
	http.Redirect(w, r, fmt.Sprintf("/reviews/%d#voices", rv.ID), http.StatusSeeOther)
}
