package web

import (
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// switchForLink moves a person who follows an emailed link with ?org=N to
// organisation N, when they belong to it and are not already working in
// it, and sends them on to the same page without the parameter. It reports
// whether it answered the request. Anyone else is left where they are, so
// the page answers as it would without the parameter.
func (s *Server) switchForLink(w http.ResponseWriter, r *http.Request) bool {
	id, err := strconv.ParseInt(r.URL.Query().Get("org"), 10, 64)
	if err != nil || id <= 0 {
		return false
	}
	if o := currentOrg(r.Context()); o != nil && o.ID == id {
		http.Redirect(w, r, r.URL.Path, http.StatusSeeOther)
		return true
	}
	for _, m := range memberships(r.Context()) {
		if m.Org.ID == id {
			s.sessions.Put(r.Context(), sessOrg, id)
			_ = s.Audit.Record(lightbulb.WithOrg(r.Context(), id), "organisation.switch", m.Org.Slug, "followed a review invitation")
			s.flash(r, "You are now working in %s.", m.Org.Name)
			http.Redirect(w, r, r.URL.Path, http.StatusSeeOther)
			return true
		}
	}
	return false
}
