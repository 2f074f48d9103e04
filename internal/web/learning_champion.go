package web

import (
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// learnChampionRoutes registers dignity champions: everyone in the
// organisation finds them; leads and admins, who put people in wards, name
// and stand them down.
func (s *Server) learnChampionRoutes(h func(string, http.HandlerFunc)) {
	h("GET /champions", s.requireMember(s.learnChampions))
	h("POST /champions", s.requireLeadOrAdmin(s.learnChampionAssign))
	h("POST /champions/remove", s.requireLeadOrAdmin(s.learnChampionRemove))
}

// requireMember allows the organisation's staff, leads and admins.
func (s *Server) requireMember(fn http.HandlerFunc) http.HandlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) {
		a := lightbulb.ActorFrom(r.Context())
		if currentOrg(r.Context()) == nil || !a.Has(lightbulb.RoleStaff) && !a.Has(lightbulb.RoleLead) && !a.Has(lightbulb.RoleAdmin) {
			s.errorPage(w, r, http.StatusForbidden)
			return
		}
		fn(w, r)
	})
}

// championUnit is a unit with its champions, for the list.
type championUnit struct {
	Unit      *lightbulb.Unit
	Champions []*lightbulb.Champion
}

// championsView is what the champions page shows.
type championsView struct {
	Mine   []championUnit // the units the reader belongs to
	All    []championUnit
	Manage bool                // the reader may name champions
	People []*lightbulb.Member // whom a champion may be
}

func (s *Server) learnChampionsView(r *http.Request) (*championsView, error) {
	ctx := r.Context()
	units, err := s.Units.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	list, err := s.Champions.Champions(ctx)
	if err != nil {
		return nil, err
	}
	a := lightbulb.ActorFrom(ctx)
	mine, err := s.Units.UnitsOf(ctx, a.UserID)
	if err != nil {
		return nil, err
	}
	by := map[int64][]*lightbulb.Champion{}
	for _, c := range list {
		by[c.UnitID] = append(by[c.UnitID], c)
	}
	v := &championsView{Manage: a.Has(lightbulb.RoleLead) || a.Has(lightbulb.RoleAdmin)}
	for _, u := range units {
		v.All = append(v.All, championUnit{Unit: u, Champions: by[u.ID]})
	}
	for _, u := range mine {
		v.Mine = append(v.Mine, championUnit{Unit: u, Champions: by[u.ID]})
	}
	if v.Manage {
		v.People, err = s.Users.FindMembers(ctx)
	}
	return v, err
}

func (s *Server) learnChampions(w http.ResponseWriter, r *http.Request) {
	s.renderChampions(w, r, nil)
}

// renderChampions shows the list, with a form's error when err is set.
func (s *Server) renderChampions(w http.ResponseWriter, r *http.Request, err error) {
	v, ferr := s.learnChampionsView(r)
	if ferr != nil {
		s.serverError(w, r, ferr)
		return
	}
	p := s.newPage(r, "Dignity champions", v)
	s.renderForm(w, r, "learning_champions", p, err)
}

func (s *Server) learnChampionAssign(w http.ResponseWriter, r *http.Request) {
	s.learnChampionChange(w, r, true)
}

func (s *Server) learnChampionRemove(w http.ResponseWriter, r *http.Request) {
	s.learnChampionChange(w, r, false)
}

// learnChampionChange names or stands down the champion the form chooses.
func (s *Server) learnChampionChange(w http.ResponseWriter, r *http.Request, assign bool) {
	if !s.readForm(w, r) {
		return
	}
	ctx := r.Context()
	f := formOf(r)
	unit, person := f.ID("unit"), f.ID("person")
	var err error
	switch {
	case unit == 0:
		err = lightbulb.FieldError("unit", "Choose a ward, team or home")
	case person == 0:
		err = lightbulb.FieldError("person", "Choose a person from your organisation")
	case assign:
		err = s.Champions.AssignChampion(ctx, unit, person)
	default:
		err = s.Champions.RemoveChampion(ctx, unit, person)
	}
	if lightbulb.ErrorCode(err) == lightbulb.EINVALID {
		s.renderChampions(w, r, err)
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
	if assign {
		_ = s.Audit.Record(ctx, "learning.champion.assign", m.User.Email, strconv.FormatInt(unit, 10))
		s.flash(r, "%s is now a dignity champion.", m.User.Name)
	} else {
		_ = s.Audit.Record(ctx, "learning.champion.remove", m.User.Email, strconv.FormatInt(unit, 10))
		s.flash(r, "%s is no longer a dignity champion there.", m.User.Name)
	}
	http.Redirect(w, r, "/champions", http.StatusSeeOther)
}
