package web

import (
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// accountPage shows a signed-in person their account and the language they
// read Lightbulb and its email in.
func (s *Server) accountPage(w http.ResponseWriter, r *http.Request) {
	u, err := s.Users.FindUserByID(r.Context(), lightbulb.ActorFrom(r.Context()).UserID)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p := s.newPage(r, "Your account", map[string]any{"User": u, "Langs": lightbulb.Languages})
	p.Form.Set("lang", userLang(r, u))
	if err := s.ownUnits(r, p); err != nil {
		s.appError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "account", p)
}

// accountLanguage saves the language a person chose, for their email and,
// through the language cookie, for the pages they read here.
func (s *Server) accountLanguage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a := lightbulb.ActorFrom(ctx)
	if !s.readForm(w, r) {
		return
	}
	lang := r.PostFormValue("lang")
	if err := s.Users.SetLang(ctx, a.UserID, lang); err != nil {
		u, ferr := s.Users.FindUserByID(ctx, a.UserID)
		if ferr != nil {
			s.appError(w, r, ferr)
			return
		}
		p := s.newPage(r, "Your account", map[string]any{"User": u, "Langs": lightbulb.Languages})
		if uerr := s.ownUnits(r, p); uerr != nil {
			s.appError(w, r, uerr)
			return
		}
		s.formError(w, r, "account", p, err)
		return
	}
	_ = s.Audit.Record(ctx, "account.language", a.Email, lang)
	s.rememberLang(w, lang)
	s.sessions.Put(ctx, sessMsg, i18n.T(lang, "Your language has been saved."))
	http.Redirect(w, r, "/account", http.StatusSeeOther)
}

// rememberLang sets the cookie that chooses the pages' language.
func (s *Server) rememberLang(w http.ResponseWriter, lang string) {
	http.SetCookie(w, &http.Cookie{Name: i18n.CookieName, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure})
}

// signedInLang keeps a person's language at sign-in: the pages follow the
// language they chose, and someone without one yet gets the language they
// are signing in with.
func (s *Server) signedInLang(w http.ResponseWriter, r *http.Request, u *lightbulb.User) {
	if lightbulb.ValidLang(u.Lang) {
		s.rememberLang(w, u.Lang)
		return
	}
	if err := s.Users.NoteLang(r.Context(), u.ID, langOf(r)); err != nil {
		s.log.Error("note language", "error", err.Error(), "request_id", requestID(r.Context()))
	}
}
