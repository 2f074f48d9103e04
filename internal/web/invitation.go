package web

import (
	"net/http"
	"net/url"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/password"
)

// invitationPage shows an organisation's invitation: a person with no
// password yet chooses one; a person with an account signs in and accepts.
func (s *Server) invitationPage(w http.ResponseWriter, r *http.Request) {
	if _, p, ok := s.invitation(w, r); ok {
		s.render(w, r, http.StatusOK, "invitation", p)
	}
}

// invitationView is what the invitation page shows.
type invitationView struct {
	Token      string
	Invitation *lightbulb.Invitation
	Invalid    string // why the link cannot be used, when it cannot
}

// invitation loads the invitation a link names and checks who may use it,
// answering for itself when the answer is not the invitation page.
func (s *Server) invitation(w http.ResponseWriter, r *http.Request) (*lightbulb.Invitation, *Page, bool) {
	tok := r.PathValue("token")
	v := &invitationView{Token: tok}
	p := s.newPage(r, "Accept an invitation", v)
	inv, err := s.Invitations.FindInvitation(r.Context(), hashToken(tok))
	if err != nil {
		v.Invalid = lightbulb.ErrorMessage(err)
		s.render(w, r, http.StatusNotFound, "invitation", p)
		return nil, nil, false
	}
	v.Invitation = inv
	if inv.NewAccount {
		return inv, p, true
	}
	a := lightbulb.ActorFrom(r.Context())
	if a == nil {
		s.flash(r, "Sign in to accept the invitation to join %s.", inv.OrgName)
		http.Redirect(w, r, "/sign-in?next="+url.QueryEscape("/invitations/"+tok), http.StatusSeeOther)
		return nil, nil, false
	}
	if a.UserID != inv.UserID {
		v.Invalid = p.T("This invitation is for another account. Sign out, then open the link again.")
		s.render(w, r, http.StatusForbidden, "invitation", p)
		return nil, nil, false
	}
	return inv, p, true
}

// invitationAccept joins the organisation: with a new password for a new
// account, or as the signed-in person.
func (s *Server) invitationAccept(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	inv, p, ok := s.invitation(w, r)
	if !ok || !s.readForm(w, r) {
		return
	}
	tok := hashToken(r.PathValue("token"))
	if inv.NewAccount {
		pw := r.PostFormValue("password")
		var v lightbulb.ValidationErrors
		if msg := password.Validate(pw, inv.Name, inv.Email); msg != "" {
			v.Add("password", msg)
		} else if pw != r.PostFormValue("confirm") {
			v.Add("confirm", "The passwords do not match")
		}
		if err := v.Err(); err != nil {
			s.formError(w, r, "invitation", p, err)
			return
		}
		hash, err := s.hashes.Hash(ctx, pw, s.opt.Password)
		if err != nil {
			s.hashBusy(w, r, "invitation", p, err)
			return
		}
		if err := s.Users.SetPassword(ctx, inv.UserID, hash); err != nil {
			s.serverError(w, r, err)
			return
		}
	}
	if _, err := s.Invitations.AcceptInvitation(ctx, tok, inv.UserID); err != nil {
		s.formError(w, r, "invitation", p, err)
		return
	}
	actx := lightbulb.WithOrg(lightbulb.WithActor(ctx, &lightbulb.Actor{UserID: inv.UserID, Name: inv.Name, IP: clientIP(r)}), inv.OrgID)
	_ = s.Audit.Record(actx, "invitation.accept", inv.Email, "roles: "+rolesText(inv.Roles))
	if inv.NewAccount {
		s.flash(r, "You have joined %s. Sign in with your new password.", inv.OrgName)
		http.Redirect(w, r, "/sign-in", http.StatusSeeOther)
		return
	}
	s.sessions.Put(ctx, sessOrg, inv.OrgID)
	s.flash(r, "You have joined %s.", inv.OrgName)
	http.Redirect(w, r, "/dashboard", http.StatusSeeOther)
}
