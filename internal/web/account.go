package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"

	"net/http"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/password"
)

func (s *Server) signInForm(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "Sign in", nil)
	p.Form.Set("next", r.URL.Query().Get("next"))
	s.render(w, r, http.StatusOK, "sign_in", p)
}

func (s *Server) signIn(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := s.newPage(r, "Sign in", nil)
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, http.StatusBadRequest)
		return
	}
	email := strings.ToLower(strings.TrimSpace(r.PostFormValue("email")))
	pw := r.PostFormValue("password")
	p.Form.Set("email", email)
	p.Form.Set("next", r.PostFormValue("next"))
	var v lightbulb.ValidationErrors
	if email == "" {
		v.Add("email", "Enter your email address")
	}
	if pw == "" {
		v.Add("password", "Enter your password")
	}
	if err := v.Err(); err != nil {
		s.formError(w, r, "sign_in", p, err)
		return
	}
	done := s.signInGate(w, r, p, email)
	if done == nil {
		return
	}
	u, err := s.Users.FindUserByEmail(ctx, email)
	// An unknown email, or an account with no password yet (invited), is
	// checked against the dummy hash: every sign-in costs the same.
	hash := s.dummyHash
	if err == nil && u.PasswordHash != "" {
		hash = u.PasswordHash
	}
	match, herr := s.hashes.Check(ctx, pw, hash)
	if herr != nil {
		s.hashBusy(w, r, "sign_in", p, herr)
		return
	}
	ok := match && err == nil && u.PasswordHash != "" && !u.Disabled
	done(ok)
	if !ok {
		_ = s.Audit.Record(lightbulb.WithActor(ctx, &lightbulb.Actor{IP: clientIP(r)}), "sign_in.failed", email, "")
		s.formError(w, r, "sign_in", p, lightbulb.FieldError("email", "Enter a correct email address and password"))
		return
	}
	if err := s.sessions.RenewToken(ctx); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.sessions.Put(ctx, sessUser, u.ID)
	s.sessions.Put(ctx, sessSeen, time.Now().Unix())
	s.sessions.Put(ctx, sessStamp, passwordStamp(u.PasswordHash))
	s.signedInLang(w, r, u)
	ms, err := s.Users.Memberships(ctx, u.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	actor := &lightbulb.Actor{UserID: u.ID, Name: u.Name, IP: clientIP(r)}
	actx := lightbulb.WithActor(ctx, actor)
	if len(ms) > 0 {
		s.sessions.Put(ctx, sessOrg, ms[0].Org.ID)
		actx = lightbulb.WithOrg(actx, ms[0].Org.ID)
	}
	_ = s.Audit.Record(actx, "sign_in", u.Email, "")
	http.Redirect(w, r, localPath(r.PostFormValue("next"), "/dashboard"), http.StatusSeeOther)
}

func (s *Server) signOut(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if a := lightbulb.ActorFrom(ctx); a != nil {
		_ = s.Audit.Record(ctx, "sign_out", a.Email, "")
	}
	if err := s.sessions.Destroy(ctx); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(r, "You have signed out.")
	http.Redirect(w, r, "/sign-in", http.StatusSeeOther)
}

func (s *Server) dashboard(w http.ResponseWriter, r *http.Request) {
	data := map[string]any{}
	s.decisionsDashboard(r, data)
	s.indicatorsDashboard(r, data)
	s.commissioningDashboard(r, data)
	s.render(w, r, http.StatusOK, "dashboard", s.newPage(r, "Your dashboard", data))
}

// switchOrg changes the organisation a person is working in. Only an
// organisation they belong to may be chosen.
func (s *Server) switchOrg(w http.ResponseWriter, r *http.Request) {
	id, _ := strconv.ParseInt(r.PostFormValue("org"), 10, 64)
	for _, m := range memberships(r.Context()) {
		if m.Org.ID == id {
			s.sessions.Put(r.Context(), sessOrg, id)
			ctx := lightbulb.WithOrg(r.Context(), id)
			_ = s.Audit.Record(ctx, "organisation.switch", m.Org.Slug, "")
			s.flash(r, "You are now working in %s.", m.Org.Name)
			http.Redirect(w, r, "/dashboard", http.StatusSeeOther)
			return
		}
	}
	s.errorPage(w, r, http.StatusForbidden)
}

func (s *Server) forgotForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "forgot", s.newPage(r, "Reset your password", nil))
}

// resetLifetime is how long a password reset link works.
const resetLifetime = time.Hour

func hashToken(tok string) string {
	h := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(h[:])
}

// takeMail counts one more email to address in its day's allowance and
// reports whether it may be sent.
func (s *Server) takeMail(r *http.Request, address string) bool {
	ok, err := s.MailAllowance.TakeMail(r.Context(), address, lightbulb.PublicMailPerDay)
	if err != nil {
		s.log.Error("mail allowance", "error", err.Error(), "request_id", requestID(r.Context()))
	}
	return ok
}

// passwordStamp ties a session to the password it was opened with: when the
// password changes (a reset), every other session stops working.
func passwordStamp(hash string) string {
	return hashToken("session:" + hash)[:24]
}

// forgot emails a single-use reset link when the address has an account, and
// says the same thing either way, so that it reveals nothing.
func (s *Server) forgot(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := s.newPage(r, "Reset your password", nil)
	email := strings.ToLower(strings.TrimSpace(r.PostFormValue("email")))
	p.Form.Set("email", email)
	if email == "" || !strings.Contains(email, "@") {
		s.formError(w, r, "forgot", p, lightbulb.FieldError("email", "Enter your email address, like name@example.org"))
		return
	}
	if !s.perAddr.allow("ip:"+clientIP(r)) || !s.limits.allow("reset:"+email) {
		p.Errors = []*lightbulb.Error{{Message: p.T("Too many attempts. Wait a minute, then try again.")}}
		s.render(w, r, http.StatusTooManyRequests, "forgot", p)
		return
	}
	// An address that has had its day's emails gets the same answer and no
	// email, so the answer still says nothing about whether it has an account.
	if u, err := s.Users.FindUserByEmail(ctx, email); err == nil && !u.Disabled && s.takeMail(r, u.Email) {
		tok := randomString(32)
		if err := s.Resets.CreateReset(ctx, u.ID, hashToken(tok), time.Now().Add(resetLifetime)); err != nil {
			s.serverError(w, r, err)
			return
		}
		link := strings.TrimRight(s.opt.BaseURL, "/") + "/password/reset/" + tok
		if err := s.Mail.SendMail(ctx, lightbulb.PasswordResetMail(u, userLang(r, u), link)); err != nil {
			s.serverError(w, r, err)
			return
		}
		_ = s.Audit.Record(lightbulb.WithActor(ctx, &lightbulb.Actor{IP: clientIP(r)}), "password.reset_requested", u.Email, "")
	}
	p.Data = map[string]any{"Sent": true}
	s.render(w, r, http.StatusOK, "forgot", p)
}

func (s *Server) resetForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "reset", s.newPage(r, "Choose a new password", map[string]any{"Token": r.PathValue("token")}))
}

func (s *Server) reset(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	tok := r.PathValue("token")
	p := s.newPage(r, "Choose a new password", map[string]any{"Token": tok})
	if !s.readForm(w, r) {
		return
	}
	uid, err := s.Resets.FindReset(ctx, hashToken(tok))
	if err != nil {
		s.formError(w, r, "reset", p, err)
		return
	}
	u, err := s.Users.FindUserByID(ctx, uid)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	pw, confirm := r.PostFormValue("password"), r.PostFormValue("confirm")
	var v lightbulb.ValidationErrors
	if msg := password.Validate(pw, u.Name, u.Email); msg != "" {
		v.Add("password", msg)
	} else if pw != confirm {
		v.Add("confirm", "The passwords do not match")
	}
	if err := v.Err(); err != nil {
		s.formError(w, r, "reset", p, err)
		return
	}
	hash, err := s.hashes.Hash(ctx, pw, s.opt.Password)
	if err != nil {
		s.hashBusy(w, r, "reset", p, err)
		return
	}
	if _, err := s.Resets.UseReset(ctx, hashToken(tok)); err != nil {
		s.formError(w, r, "reset", p, err)
		return
	}
	if err := s.Users.SetPassword(ctx, uid, hash); err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(lightbulb.WithActor(ctx, &lightbulb.Actor{UserID: u.ID, Name: u.Name, IP: clientIP(r)}), "password.reset", u.Email, "")
	s.flash(r, "Your password has been changed. Sign in with your new password.")
	http.Redirect(w, r, "/sign-in", http.StatusSeeOther)
}

// hashBusy answers a form whose password could not be hashed: with every
// hashing slot taken for the whole wait, the form comes back with 503 and
// asks the person to try again shortly (the attempt still counts for the
// sign-in throttles, like any attempt that did not succeed); anything else
// is a server error.
func (s *Server) hashBusy(w http.ResponseWriter, r *http.Request, name string, p *Page, err error) {
	switch {
	case errors.Is(err, password.ErrBusy):
		w.Header().Set("Retry-After", "5")
		p.Errors = []*lightbulb.Error{{Message: p.T("Lightbulb is busy: many people are signing in at once. Wait a few seconds, then try again.")}}
		p.Title = p.T("Error") + ": " + p.Title
		s.render(w, r, http.StatusServiceUnavailable, name, p)
	default:
		s.serverError(w, r, err)
	}
}

// userLang is the language to write to u in: the one they chose or first
// signed in with, else the language of the page this request came from.
func userLang(r *http.Request, u *lightbulb.User) string {
	if lightbulb.ValidLang(u.Lang) {
		return u.Lang
	}
	return langOf(r)
}
