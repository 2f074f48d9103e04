package web

import (
	"fmt"
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// The organisation's one list of wards, teams and homes: a lead or admin
// adds to it, says who belongs to each, and matches reviews written before
// the list existed. Decisions, cases, reviews and coverage all choose from it.
func (s *Server) unitRoutes(h func(string, http.HandlerFunc)) {
	h("GET /units", s.requireLeadOrAdmin(s.unitsPage))
	h("POST /units", s.requireLeadOrAdmin(s.unitCreate))
	h("POST /units/match", s.requireLeadOrAdmin(s.unitMatch))
	h("GET /units/{id}", s.requireLeadOrAdmin(s.unitPage))
	h("POST /units/{id}/members", s.requireLeadOrAdmin(s.unitMemberAdd))
	h("POST /units/{id}/members/remove", s.requireLeadOrAdmin(s.unitMemberRemove))
	h("POST /account/units", s.requireUser(s.accountUnits))
	// The list used to live under decisions; old bookmarks still work.
	h("GET /decisions/services", s.requireLeadOrAdmin(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/units", http.StatusMovedPermanently)
	}))
}

// unitsView is the list page: the units, and reviews still to match.
type unitsView struct {
	Units     []*lightbulb.Unit
	Unmatched []lightbulb.UnmatchedSubject
}

func (s *Server) unitsPage(w http.ResponseWriter, r *http.Request) {
	s.renderUnits(w, r, nil)
}

func (s *Server) renderUnits(w http.ResponseWriter, r *http.Request, err error) {
	var v unitsView
	var ferr error
	if v.Units, ferr = s.Units.FindUnits(r.Context()); ferr == nil {
		v.Unmatched, ferr = s.Units.UnmatchedSubjects(r.Context())
	}
	if ferr != nil {
		s.appError(w, r, ferr)
		return
	}
	p := s.newPage(r, "Wards, teams and homes", v)
	s.renderForm(w, r, "units", p, err)
}

func (s *Server) unitCreate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	u := &lightbulb.Unit{Name: r.PostFormValue("name")}
	if err := s.Units.CreateUnit(r.Context(), u); err != nil {
		s.renderUnits(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "unit.create", u.Name, "")
	s.flash(r, "%s has been added.", u.Name)
	http.Redirect(w, r, "/units", http.StatusSeeOther)
}

// unitMatch points the reviews of one old service name at a unit.
func (s *Server) unitMatch(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	subject, id := r.PostFormValue("subject"), f.ID("unit")
	if id == 0 {
		s.renderUnits(w, r, lightbulb.FieldError("unit", "Choose the ward, team or home these reviews are about"))
		return
	}
	n, err := s.Units.MatchSubject(r.Context(), subject, id)
	if lightbulb.ErrorCode(err) == lightbulb.EINVALID {
		s.renderUnits(w, r, err)
		return
	} else if err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "unit.match_reviews", subject, strconv.FormatInt(id, 10))
	s.flash(r, "%d reviews of “%s” now belong to the list.", n, subject)
	http.Redirect(w, r, "/units", http.StatusSeeOther)
}

// unitView is one unit with its members and the people who may be added.
type unitView struct {
	Unit    *lightbulb.Unit
	Members []lightbulb.UnitMember
	People  []*lightbulb.Member
}

func (s *Server) unitPage(w http.ResponseWriter, r *http.Request) {
	s.renderUnit(w, r, nil)
}

func (s *Server) renderUnit(w http.ResponseWriter, r *http.Request, err error) {
	id, ok := pathID(r)
	if !ok {
		s.notFound(w, r)
		return
	}
	ctx := r.Context()
	var v unitView
	var ferr error
	if v.Unit, ferr = s.Units.FindUnit(ctx, id); ferr == nil {
		if v.Members, ferr = s.Units.Members(ctx, id); ferr == nil {
			v.People, ferr = s.Users.FindMembers(ctx)
		}
	}
	if ferr != nil {
		s.appError(w, r, ferr)
		return
	}
	p := s.newPage(r, v.Unit.Name, v)
	s.renderForm(w, r, "unit", p, err)
}

func (s *Server) unitMemberAdd(w http.ResponseWriter, r *http.Request) {
	s.unitMemberChange(w, r, "unit.member_add", "%s is now in this ward, team or home.")
}

func (s *Server) unitMemberRemove(w http.ResponseWriter, r *http.Request) {
	s.unitMemberChange(w, r, "unit.member_remove", "%s has been taken out of this ward, team or home.")
}

// unitMemberChange adds or removes the person chosen on a unit's page.
func (s *Server) unitMemberChange(w http.ResponseWriter, r *http.Request, action, done string) {
	id, ok := pathID(r)
	if !ok || !s.readForm(w, r) {
		if !ok {
			s.notFound(w, r)
		}
		return
	}
	ctx := r.Context()
	person := formOf(r).ID("person")
	var err error
	if person == 0 {
		err = lightbulb.FieldError("person", "Choose a person from your organisation")
	} else if action == "unit.member_add" {
		err = s.Units.AddMember(ctx, id, person)
	} else {
		err = s.Units.RemoveMember(ctx, id, person)
	}
	if lightbulb.ErrorCode(err) == lightbulb.EINVALID {
		s.renderUnit(w, r, err)
		return
	} else if err != nil {
		s.appError(w, r, err)
		return
	}
	m, err := s.Users.FindMember(ctx, person)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(ctx, action, m.User.Email, strconv.FormatInt(id, 10))
	s.flash(r, done, m.User.Name)
	http.Redirect(w, r, fmt.Sprintf("/units/%d", id), http.StatusSeeOther)
}
