package web

import (
	"encoding/json"
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func (s *Server) newsletterRoutes(h func(string, http.HandlerFunc)) {
	h("GET /newsletter", s.newsletterForm)
	h("POST /newsletter", s.newsletterSubscribe)
	h("GET /newsletter/confirm/{token}", s.newsletterConfirmPage)
	h("POST /newsletter/confirm/{token}", s.newsletterConfirm)
	h("GET /newsletter/unsubscribe/{token}", s.newsletterPrefs)
	h("POST /newsletter/unsubscribe/{token}", s.newsletterUnsubscribe)
	h("POST /newsletter/unsubscribe/{token}/language", s.newsletterLanguage)
	h("GET /newsletter/unsubscribe/{token}/export", s.newsletterExport)
	h("POST /newsletter/unsubscribe/{token}/erase", s.newsletterErase)
	h("POST /newsletter/bounces", s.newsletterBounces)

	h("GET /newsletter/manage", s.requireComms(s.campaigns))
	h("GET /newsletter/manage/campaigns/new", s.requireComms(s.campaignForm))
	h("POST /newsletter/manage/campaigns", s.requireComms(s.campaignSave))
	h("GET /newsletter/manage/campaigns/{id}", s.requireComms(s.campaignForm))
	h("POST /newsletter/manage/campaigns/{id}", s.requireComms(s.campaignSave))
	h("POST /newsletter/manage/campaigns/{id}/test", s.requireComms(s.campaignTest))
	h("POST /newsletter/manage/campaigns/{id}/send", s.requireComms(s.campaignSend))
}

// consentWording is what the subscribe button agrees to; it is kept, in
// the language shown, with each subscription.
const consentWording = "Email me the newsletter each month: updates on UK human rights law and our work, resources and events. I can stop it at any time with the link in every email."

func (s *Server) newsletterForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "newsletter", s.newPage(r, "Get our newsletter", consentWording))
}

func (s *Server) newsletterSubscribe(w http.ResponseWriter, r *http.Request) {
	if !s.perAddr.allow("ip:" + clientIP(r)) {
		s.errorPage(w, r, http.StatusTooManyRequests)
		return
	}
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	p := s.newPage(r, "Get our newsletter", consentWording)
	p.Form = r.PostForm
	req := &lightbulb.SubscribeRequest{Email: f.Text("email"), Lang: p.Lang, Consent: p.T(consentWording),
		Suspect: s.public.suspect(r, f.Text("website"))}
	if s.opt.KeepSubscriberIP {
		req.IP = clientIP(r)
	}
	s.emailedLinkForm(w, r, "newsletter", "newsletter_check_email", p, req.Email, req.Validate(),
		func() error { return s.Newsletter.Subscribe(r.Context(), req) })
}

// newsletterConfirmPage is where the confirmation link opens; its button
// confirms (newsletterConfirm), never the link alone.
func (s *Server) newsletterConfirmPage(w http.ResponseWriter, r *http.Request) {
	tokenPage(s, w, r, s.Newsletter.FindSubscription, "newsletter_confirm", "Confirm your subscription")
}

func (s *Server) newsletterConfirm(w http.ResponseWriter, r *http.Request) {
	tokenAction(s, w, r, s.Newsletter.ConfirmSubscription, "/newsletter/confirm/", "Thank you. You will get our next newsletter.")
}

// prefsView is a subscriber's preferences page; Token is the signed token
// its forms post back with.
type prefsView struct {
	*lightbulb.Subscriber
	Token string
}

// newsletterPrefs is where every newsletter's unsubscribe link opens: a
// button to unsubscribe, the language, and the subscriber's own data.
func (s *Server) newsletterPrefs(w http.ResponseWriter, r *http.Request) {
	sub, err := s.Newsletter.FindBySigned(r.Context(), r.PathValue("token"))
	if err != nil {
		s.badLink(w, r, err)
		return
	}
	p := s.newPage(r, "Your newsletter", prefsView{Subscriber: sub, Token: r.PathValue("token")})
	p.Form.Set("lang", sub.Lang)
	s.render(w, r, http.StatusOK, "newsletter_prefs", p)
}

// newsletterUnsubscribe unsubscribes from the page's button or from a mail
// program's one-click POST (RFC 8058), with no session and no form token:
// only the signed token in the address is trusted.
func (s *Server) newsletterUnsubscribe(w http.ResponseWriter, r *http.Request) {
	if _, err := s.Newsletter.Unsubscribe(r.Context(), r.PathValue("token")); err != nil {
		s.badLink(w, r, err)
		return
	}
	s.stopped(w, r, "/newsletter/unsubscribe/", "You have unsubscribed. We will not send you the newsletter again.")
}

func (s *Server) newsletterLanguage(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	err := s.Newsletter.SetLanguage(r.Context(), r.PathValue("token"), r.PostFormValue("lang"))
	if lightbulb.ErrorCode(err) == lightbulb.EINVALID {
		sub, ferr := s.Newsletter.FindBySigned(r.Context(), r.PathValue("token"))
		if ferr != nil {
			s.badLink(w, r, ferr)
			return
		}
		p := s.newPage(r, "Your newsletter", prefsView{Subscriber: sub, Token: r.PathValue("token")})
		p.Form = r.PostForm
		s.formError(w, r, "newsletter_prefs", p, err)
		return
	} else if err != nil {
		s.badLink(w, r, err)
		return
	}
	s.flash(r, "Your language has been saved.")
	http.Redirect(w, r, "/newsletter/unsubscribe/"+r.PathValue("token"), http.StatusSeeOther)
}

// newsletterExport downloads everything held about the subscriber.
func (s *Server) newsletterExport(w http.ResponseWriter, r *http.Request) {
	x, err := s.Newsletter.ExportSubscriber(r.Context(), r.PathValue("token"))
	if err != nil {
		s.badLink(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "newsletter.export", "subscriber", "")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="my-lightbulb-data.json"`)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(x)
}

func (s *Server) newsletterErase(w http.ResponseWriter, r *http.Request) {
	if err := s.Newsletter.EraseSubscriber(r.Context(), r.PathValue("token")); err != nil {
		s.badLink(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "newsletter.erase", "subscriber", "")
	s.flash(r, "We have erased everything we held about you.")
	http.Redirect(w, r, "/newsletter", http.StatusSeeOther)
}
