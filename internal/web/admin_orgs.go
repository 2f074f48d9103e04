package web

import (
	"fmt"
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func (s *Server) adminOrgs(w http.ResponseWriter, r *http.Request) {
	os, err := s.Orgs.FindOrgs(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_orgs", s.newPage(r, "Organisations", os))
}

func (s *Server) adminOrgNew(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "admin_org_form", s.newPage(r, "Add an organisation", map[string]any{"Kinds": lightbulb.OrgKinds}))
}

func (s *Server) adminOrgCreate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	p := s.newPage(r, "Add an organisation", map[string]any{"Kinds": lightbulb.OrgKinds})
	p.Form = r.PostForm
	o := &lightbulb.Organisation{Name: r.PostFormValue("name"), Slug: r.PostFormValue("slug"), Kind: lightbulb.OrgKind(r.PostFormValue("kind"))}
	if err := s.Orgs.CreateOrg(r.Context(), o); err != nil {
		s.formError(w, r, "admin_org_form", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "organisation.create", o.Slug, o.Name)
	s.flash(r, "%s has been added.", o.Name)
	http.Redirect(w, r, "/admin/organisations", http.StatusSeeOther)
}

func (s *Server) orgFromPath(w http.ResponseWriter, r *http.Request) (*lightbulb.Organisation, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, false
	}
	o, err := s.Orgs.FindOrgByID(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return nil, false
	}
	return o, true
}

func (s *Server) adminOrgEdit(w http.ResponseWriter, r *http.Request) {
	o, ok := s.orgFromPath(w, r)
	if !ok {
		return
	}
	p := s.newPage(r, o.Name, map[string]any{"Kinds": lightbulb.OrgKinds, "Org": o})
	p.Form.Set("name", o.Name)
	p.Form.Set("slug", o.Slug)
	p.Form.Set("kind", string(o.Kind))
	s.render(w, r, http.StatusOK, "admin_org_form", p)
}

func (s *Server) adminOrgUpdate(w http.ResponseWriter, r *http.Request) {
	o, ok := s.orgFromPath(w, r)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	p := s.newPage(r, o.Name, map[string]any{"Kinds": lightbulb.OrgKinds, "Org": o})
	p.Form = r.PostForm
	p.Form.Set("slug", o.Slug)
	before := *o
	o.Name, o.Kind = r.PostFormValue("name"), lightbulb.OrgKind(r.PostFormValue("kind"))
	if err := s.Orgs.UpdateOrg(r.Context(), o); err != nil {
		s.formError(w, r, "admin_org_form", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "organisation.update", o.Slug,
		fmt.Sprintf("%s (%s) → %s (%s)", before.Name, before.Kind, o.Name, o.Kind))
	s.flash(r, "%s has been saved.", o.Name)
	http.Redirect(w, r, "/admin/organisations", http.StatusSeeOther)
}
