package web

import (
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// discardable loads a draft its owner may discard. Any other decision goes
// back to its record with the reason; someone else's draft is forbidden.
func (s *Server) discardable(w http.ResponseWriter, r *http.Request) (*lightbulb.Decision, bool) {
	d, ok := s.decision(w, r)
	if !ok {
		return nil, false
	}
	if d.Status != lightbulb.StatusDraft || d.Version > 0 {
		s.recordError(w, r, d, lightbulb.Errorf(lightbulb.ECONFLICT, "Only a draft that was never decided can be discarded. Review a decision to end it."))
		return nil, false
	}
	if a := lightbulb.ActorFrom(r.Context()); a == nil || a.UserID != d.OwnerID {
		s.errorPage(w, r, http.StatusForbidden)
		return nil, false
	}
	return d, true
}

// recordError shows a decision's record with an error at the top.
func (s *Server) recordError(w http.ResponseWriter, r *http.Request, d *lightbulb.Decision, err error) {
	data, derr := s.recordData(r, d)
	if derr != nil {
		s.serverError(w, r, derr)
		return
	}
	p := s.newPage(r, "", data)
	p.Title = p.T("Decision %d", d.ID)
	s.formError(w, r, "decision_record", p, err)
}

// decisionDiscardForm asks the owner of a draft to confirm throwing it away.
func (s *Server) decisionDiscardForm(w http.ResponseWriter, r *http.Request) {
	d, ok := s.discardable(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "decision_discard", s.newPage(r, "Discard this draft?", d))
}

// decisionDiscard deletes the owner's draft; the store keeps what it said
// in the audit log.
func (s *Server) decisionDiscard(w http.ResponseWriter, r *http.Request) {
	d, ok := s.discardable(w, r)
	if !ok {
		return
	}
	if err := s.Decisions.DiscardDraft(r.Context(), d.ID); lightbulb.ErrorCode(err) == lightbulb.ECONFLICT {
		s.recordError(w, r, d, err)
		return
	} else if err != nil {
		s.appError(w, r, err)
		return
	}
	s.flash(r, "The draft “%s” has been discarded.", clip(d.Title()))
	http.Redirect(w, r, "/decisions", http.StatusSeeOther)
}
