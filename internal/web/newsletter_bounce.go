package web

import (
	"crypto/subtle"
	"fmt"
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// newsletterBounces takes bounce and complaint reports from a mail
// provider, authenticated by the operator's bearer token: one report a
// line, "address,kind". Without a token set, the endpoint is closed.
func (s *Server) newsletterBounces(w http.ResponseWriter, r *http.Request) {
	want := "Bearer " + s.opt.BounceToken
	if s.opt.BounceToken == "" || subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), []byte(want)) != 1 {
		http.Error(w, "a bearer token is needed", http.StatusUnauthorized)
		return
	}
	list, err := lightbulb.ParseBounces(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	stopped := 0
	for _, b := range list {
		ok, err := s.Newsletter.RecordBounce(r.Context(), b.Email, b.Kind)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		if ok {
			stopped++
		}
	}
	_ = s.Audit.Record(r.Context(), "newsletter.bounces", "newsletter", fmt.Sprintf("%d reports, %d stopped", len(list), stopped))
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "%d reports, %d addresses stopped\n", len(list), stopped)
}
