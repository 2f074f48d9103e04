package web

import (
	"fmt"
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Quotes awaiting experts' approval of the exact words, and the lead's note
// of who is not in the room.

func (s *Server) coprodAskQuote(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	q := &lightbulb.Quote{ExpertID: f.ID("quote_expert"), Words: f.Text("words"),
		UseFor: f.Choice("use_for", "Where the words will be used", lightbulb.QuoteUses...), AskedBy: learnUser(r)}
	err := f.Err(q.Validate())
	if err == nil {
		err = s.Coprod.AskQuote(r.Context(), q)
	}
	if err != nil {
		s.coprodHomeWith(w, r, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.quote.ask", fmt.Sprintf("quote %d", q.ID), q.UseFor)
	s.flash(r, "The words are sent to the expert to approve. Use them only once they say yes.")
	http.Redirect(w, r, "/coproduction#quotes", http.StatusSeeOther)
}

func (s *Server) coprodRoomNote(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	if err := s.Coprod.SaveRoomNote(r.Context(), r.PostFormValue("room_note"), learnUser(r)); err != nil {
		s.coprodHomeWith(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.room.save", "who is not in the room", "")
	s.flash(r, "Your note of who is not in the room is saved.")
	http.Redirect(w, r, "/coproduction#room", http.StatusSeeOther)
}

func (s *Server) coprodAnswerQuote(w http.ResponseWriter, r *http.Request) {
	id, ok := s.postedPathID(w, r)
	if !ok {
		return
	}
	yes := r.PostFormValue("answer") == "yes"
	if err := s.Coprod.AnswerQuote(r.Context(), id, learnUser(r), yes); err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.quote.answer", fmt.Sprintf("quote %d", id), fmt.Sprint(yes))
	if yes {
		s.flash(r, "Thank you. They may use exactly those words.")
	} else {
		s.flash(r, "Your words will not be used.")
	}
	http.Redirect(w, r, "/coproduction/me#quotes", http.StatusSeeOther)
}
