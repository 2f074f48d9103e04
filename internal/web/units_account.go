package web

import (
	"net/http"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// ownUnits adds to the account page the organisation's units as choices
// and ticks the ones the person belongs to. Without an organisation there
// is nothing to choose.
func (s *Server) ownUnits(r *http.Request, p *Page) error {
	ctx := r.Context()
	data, _ := p.Data.(map[string]any)
	if currentOrg(ctx) == nil || data == nil {
		return nil
	}
	all, err := s.Units.FindUnits(ctx)
	if err != nil {
		return err
	}
	mine, err := s.Units.UnitsOf(ctx, lightbulb.ActorFrom(ctx).UserID)
	if err != nil {
		return err
	}
	data["Units"] = unitChoices(all)
	if _, posted := p.Form["units"]; !posted {
		for _, u := range mine {
			p.Form.Add("units", strconv.FormatInt(u.ID, 10))
		}
	}
	return nil
}

// unitChoices offers units as checkboxes or radios.
func unitChoices(us []*lightbulb.Unit) []choice {
	out := make([]choice, len(us))
	for i, u := range us {
		out[i] = choice{Value: strconv.FormatInt(u.ID, 10), Label: u.Name}
	}
	return out
}

// accountUnits saves the wards, teams or homes a person says they work in.
func (s *Server) accountUnits(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	ctx := r.Context()
	a := lightbulb.ActorFrom(ctx)
	var ids []int64
	for _, v := range r.PostForm["units"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			ids = append(ids, 0) // refused below as not on the list
			continue
		}
		ids = append(ids, id)
	}
	if err := s.Units.SetOwnUnits(ctx, ids); err != nil {
		u, ferr := s.Users.FindUserByID(ctx, a.UserID)
		if ferr != nil || lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			s.appError(w, r, err)
			return
		}
		p := s.newPage(r, "Your account", map[string]any{"User": u, "Langs": lightbulb.Languages})
		p.Form = r.PostForm
		p.Form.Set("lang", userLang(r, u))
		if uerr := s.ownUnits(r, p); uerr != nil {
			s.appError(w, r, uerr)
			return
		}
		s.formError(w, r, "account", p, err)
		return
	}
	_ = s.Audit.Record(ctx, "account.units", a.Email, strings.Join(r.PostForm["units"], ","))
	s.flash(r, "Your wards, teams or homes have been saved.")
	http.Redirect(w, r, "/account", http.StatusSeeOther)
}
