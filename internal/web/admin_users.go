package web

import (
	"fmt"
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Platform administrators answer subject access and erasure requests here:
// a person's data spans organisations, so no single organisation's admin can.

func (s *Server) adminUsers(w http.ResponseWriter, r *http.Request) {
	us, err := s.Users.FindUsers(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_users", s.newPage(r, "Accounts", us))
}

func (s *Server) userFromPath(w http.ResponseWriter, r *http.Request) (*lightbulb.User, []lightbulb.Membership, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, nil, false
	}
	u, err := s.Users.FindUserByID(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	ms, err := s.Users.Memberships(r.Context(), id)
	if err != nil {
		s.serverError(w, r, err)
		return nil, nil, false
	}
	return u, ms, true
}

func (s *Server) adminUser(w http.ResponseWriter, r *http.Request) {
	u, ms, ok := s.userFromPath(w, r)
	if !ok {
		return
	}
	held, err := s.Privacy.ExportPerson(r.Context(), lightbulb.Subject{UserID: u.ID})
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_user", s.newPage(r, u.Name, map[string]any{"User": u, "Memberships": ms, "Held": held}))
}

func (s *Server) adminUserExport(w http.ResponseWriter, r *http.Request) {
	u, _, ok := s.userFromPath(w, r)
	if ok {
		s.writeExport(w, r, lightbulb.Subject{UserID: u.ID}, fmt.Sprintf("lightbulb-person-%d.json", u.ID))
	}
}

func (s *Server) adminUserEraseForm(w http.ResponseWriter, r *http.Request) {
	u, ms, ok := s.userFromPath(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "admin_user_erase", s.newPage(r, "Erase this person’s data", map[string]any{"User": u, "Memberships": ms}))
}

func (s *Server) adminUserErase(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	u, ms, ok := s.userFromPath(w, r)
	if !ok {
		return
	}
	if u.ID == lightbulb.ActorFrom(ctx).UserID {
		p := s.newPage(r, "Erase this person’s data", map[string]any{"User": u, "Memberships": ms})
		s.formError(w, r, "admin_user_erase", p, lightbulb.FieldError("confirm", "You cannot erase your own account. Ask another platform admin."))
		return
	}
	if r.PostFormValue("confirm") != "yes" {
		p := s.newPage(r, "Erase this person’s data", map[string]any{"User": u, "Memberships": ms})
		s.formError(w, r, "admin_user_erase", p, lightbulb.FieldError("confirm", "Confirm that you want to erase this person’s data"))
		return
	}
	if err := s.Users.EraseUser(ctx, u.ID); err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(ctx, "person.erase", fmt.Sprintf("erased-%d@erased.invalid", u.ID), "")
	s.flash(r, "The person’s data has been erased.")
	http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
}
