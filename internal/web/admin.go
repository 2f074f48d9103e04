package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func (s *Server) adminHome(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "admin_home", s.newPage(r, "Administration", nil))
}

func (s *Server) adminPeople(w http.ResponseWriter, r *http.Request) {
	ms, err := s.Users.FindMembers(r.Context())
	if err != nil {
		s.appError(w, r, err)
		return
	}
	pending, err := s.Invitations.PendingInvitations(r.Context())
	if err != nil {
		s.appError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_people", s.newPage(r, "People and roles", map[string]any{"Members": ms, "Invitations": pending}))
}

func (s *Server) adminPersonNew(w http.ResponseWriter, r *http.Request) {
	p := s.newPage(r, "Add a person", map[string]any{"Roles": lightbulb.Roles})
	p.Form["roles"] = []string{string(lightbulb.RoleStaff)}
	s.render(w, r, http.StatusOK, "admin_person_new", p)
}

func formRoles(r *http.Request) []lightbulb.Role {
	var out []lightbulb.Role
	for _, v := range r.PostForm["roles"] {
		out = append(out, lightbulb.Role(v))
	}
	return out
}

// adminPersonCreate invites a person to the current organisation. Whether
// or not the address already has an account, the admin sees the same thing:
// a pending invitation to the address they typed, and nothing about the
// account. The person joins when they accept the emailed link.
func (s *Server) adminPersonCreate(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p := s.newPage(r, "Add a person", map[string]any{"Roles": lightbulb.Roles})
	if !s.readForm(w, r) {
		return
	}
	p.Form = r.PostForm
	tok := randomString(32)
	inv, err := s.Invitations.Invite(ctx, r.PostFormValue("email"), r.PostFormValue("name"), formRoles(r), hashToken(tok),
		time.Now().Add(inviteLifetime))
	if err != nil {
		s.formError(w, r, "admin_person_new", p, err)
		return
	}
	_ = s.Audit.Record(ctx, "person.invite", inv.Email, "roles: "+rolesText(inv.Roles))
	link := s.baseURL(r) + "/invitations/" + tok
	lang := userLang(r, &lightbulb.User{Lang: inv.Lang})
	m := lightbulb.MembershipInvitationMail(inv, lang, link)
	if inv.NewAccount {
		m = lightbulb.InvitationMail(&lightbulb.User{Name: inv.Name, Email: inv.Email}, lang, inv.OrgName, link)
	}
	if err := s.Mail.SendMail(ctx, m); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.flash(r, "We have emailed an invitation to %s. They join when they accept it.", inv.Email)
	http.Redirect(w, r, "/admin/people", http.StatusSeeOther)
}

// inviteLifetime is how long an invitation link works.
const inviteLifetime = 7 * 24 * time.Hour

func rolesText(rs []lightbulb.Role) string {
	if len(rs) == 0 {
		return "none"
	}
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r)
	}
	return strings.Join(s, ", ")
}

func (s *Server) member(w http.ResponseWriter, r *http.Request) (*lightbulb.Member, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, false
	}
	m, err := s.Users.FindMember(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return nil, false
	}
	return m, true
}

func (s *Server) adminPerson(w http.ResponseWriter, r *http.Request) {
	m, ok := s.member(w, r)
	if !ok {
		return
	}
	p := s.newPage(r, m.User.Name, map[string]any{"Member": m, "Roles": lightbulb.Roles})
	for _, role := range m.Roles {
		p.Form.Add("roles", string(role))
	}
	s.render(w, r, http.StatusOK, "admin_person", p)
}

func (s *Server) adminPersonRoles(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	m, ok := s.member(w, r)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	p := s.newPage(r, m.User.Name, map[string]any{"Member": m, "Roles": lightbulb.Roles})
	p.Form = r.PostForm
	roles := formRoles(r)
	a := lightbulb.ActorFrom(ctx)
	keepsAdmin := false
	for _, role := range roles {
		keepsAdmin = keepsAdmin || role == lightbulb.RoleAdmin
	}
	if m.User.ID == a.UserID && !keepsAdmin {
		s.formError(w, r, "admin_person", p, lightbulb.FieldError("roles", "You cannot remove your own admin role. Ask another admin to do it."))
		return
	}
	if err := s.Users.SetRoles(ctx, m.User.ID, roles); err != nil {
		s.formError(w, r, "admin_person", p, err)
		return
	}
	_ = s.Audit.Record(ctx, "roles.change", m.User.Email, rolesText(m.Roles)+" → "+rolesText(roles))
	if len(roles) == 0 {
		s.flash(r, "%s has been removed from this organisation.", m.User.Name)
	} else {
		s.flash(r, "%s’s roles have been saved.", m.User.Name)
	}
	http.Redirect(w, r, "/admin/people", http.StatusSeeOther)
}

func (s *Server) adminOutbox(w http.ResponseWriter, r *http.Request) {
	ms, err := s.Mail.FindMail(r.Context(), 50)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_outbox", s.newPage(r, "Outbox", outboxView{Mail: ms, Delivering: s.Mail.Delivering()}))
}
