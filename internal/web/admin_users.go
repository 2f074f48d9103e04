package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

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
	s.render(w, r, http.StatusOK, "admin_user", s.newPage(r, u.Name, map[string]any{"User": u, "Memberships": ms}))
}

// personExport is what a subject access request returns.
type personExport struct {
	Exported    time.Time          `json:"exported"`
	Account     exportAccount      `json:"account"`
	Memberships []exportMembership `json:"memberships"`
	Audit       []exportAudit      `json:"audit_log"`
}

type exportAccount struct {
	ID       int64     `json:"id"`
	Email    string    `json:"email"`
	Name     string    `json:"name"`
	Disabled bool      `json:"disabled"`
	Created  time.Time `json:"created"`
}

type exportMembership struct {
	Organisation string           `json:"organisation"`
	Roles        []lightbulb.Role `json:"roles"`
}

type exportAudit struct {
	When         time.Time `json:"when"`
	Organisation string    `json:"organisation,omitempty"`
	Action       string    `json:"action"`
	Target       string    `json:"target,omitempty"`
	Detail       string    `json:"detail,omitempty"`
	Address      string    `json:"address,omitempty"`
}

func (s *Server) adminUserExport(w http.ResponseWriter, r *http.Request) {
	u, ms, ok := s.userFromPath(w, r)
	if !ok {
		return
	}
	out := personExport{Exported: time.Now().UTC(), Account: exportAccount{ID: u.ID, Email: u.Email, Name: u.Name,
		Disabled: u.Disabled, Created: u.CreatedAt}, Memberships: []exportMembership{}, Audit: []exportAudit{}}
	for _, m := range ms {
		out.Memberships = append(out.Memberships, exportMembership{Organisation: m.Org.Name, Roles: m.Roles})
	}
	for off := 0; ; off += 500 {
		es, total, err := s.Audit.FindAudit(r.Context(), lightbulb.AuditFilter{AllOrgs: true, Person: u, Limit: 500, Offset: off})
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		for _, e := range es {
			out.Audit = append(out.Audit, exportAudit{When: e.CreatedAt, Organisation: e.OrgName, Action: e.Action,
				Target: e.Target, Detail: e.Detail, Address: e.IP})
		}
		if off+500 >= total {
			break
		}
	}
	_ = s.Audit.Record(r.Context(), "person.export", u.Email, "")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="lightbulb-person-%d.json"`, u.ID))
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
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
