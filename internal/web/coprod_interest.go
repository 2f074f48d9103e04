package web

import (
	"fmt"
	"net/http"
	"slices"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Open involvements: an expert asks to take part from their own page, and
// a co-production lead offers them a place from the involvement's page.

func (s *Server) coprodAskToJoin(w http.ResponseWriter, r *http.Request) {
	id, ok := s.postedPathID(w, r)
	if !ok {
		return
	}
	if err := s.Coprod.ExpressInterest(r.Context(), id, learnUser(r)); err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.interest", fmt.Sprintf("involvement %d", id), "")
	s.flash(r, "Thank you. We have told the co-production lead, who will offer you a place if there is one.")
	http.Redirect(w, r, "/coproduction/me", http.StatusSeeOther)
}

func (s *Server) coprodOfferPlace(w http.ResponseWriter, r *http.Request) {
	id, ok := s.postedPathID(w, r)
	if !ok {
		return
	}
	inv, err := s.Coprod.Involvement(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	invite := formOf(r).ID("invite")
	if !slices.ContainsFunc(inv.Invites, func(in *lightbulb.Invite) bool { return in.ID == invite }) {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	back := fmt.Sprintf("/coproduction/involvements/%d", id)
	if err := s.Coprod.OfferPlace(r.Context(), invite); err != nil {
		if lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			s.appError(w, r, err)
			return
		}
		s.flash(r, lightbulb.ErrorMessage(err))
		http.Redirect(w, r, back, http.StatusSeeOther)
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.offer", fmt.Sprintf("invitation %d", invite), "")
	s.flash(r, "They are offered a place and told by email.")
	http.Redirect(w, r, back, http.StatusSeeOther)
}
