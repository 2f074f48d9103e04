package web

import (
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func (s *Server) checkinPage(r *http.Request, c *lightbulb.Checkin) *Page {
	p := s.newPage(r, "Which of your actions did you take?", c)
	for id, taken := range c.Taken {
		if taken {
			p.Form.Add("taken", strconv.FormatInt(id, 10))
		}
	}
	p.Form.Set("story", c.Story)
	if c.QuoteOK {
		p.Form.Set("quote_ok", "yes")
	}
	return p
}

func (s *Server) checkinForm(w http.ResponseWriter, r *http.Request) {
	c, err := s.ActionPlan.FindCheckin(r.Context(), r.PathValue("token"))
	if err != nil {
		s.badLink(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "actionplan_checkin", s.checkinPage(r, c))
}

func (s *Server) checkinAnswer(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	token := r.PathValue("token")
	c, err := s.ActionPlan.FindCheckin(r.Context(), token)
	if err != nil {
		s.badLink(w, r, err)
		return
	}
	f := formOf(r)
	a := &lightbulb.CheckinAnswer{Story: f.Text("story"), QuoteOK: f.Text("quote_ok") == "yes"}
	for _, v := range r.PostForm["taken"] {
		a.Taken = append(a.Taken, parseID(v))
	}
	if err := s.ActionPlan.AnswerCheckin(r.Context(), token, a); err != nil {
		p := s.checkinPage(r, c)
		p.Form = r.PostForm
		s.formError(w, r, "actionplan_checkin", p, err)
		return
	}
	s.wakeJobs()
	s.flash(r, "Thank you. We have your answer. You can change it here at any time.")
	http.Redirect(w, r, "/action-plan/checkins/"+token, http.StatusSeeOther)
}

// stopPage is where a check-in email's stop link opens: a button, so a
// mail scanner following the link stops nothing.
func (s *Server) stopPage(w http.ResponseWriter, r *http.Request) {
	g, err := s.ActionPlan.FindStop(r.Context(), r.PathValue("token"))
	if err != nil {
		s.badLink(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "actionplan_stop", s.newPage(r, "Stop Action Plan check-ins",
		map[string]any{"Sig": g, "Token": r.PathValue("token")}))
}

// stop stops check-ins: from the page's button, or from a mail program's
// one-click POST (RFC 8058), which carries no session and no form token.
// It trusts only the signed token in the address.
func (s *Server) stop(w http.ResponseWriter, r *http.Request) {
	_, err := s.ActionPlan.StopCheckins(r.Context(), r.PathValue("token"))
	if err != nil {
		s.badLink(w, r, err)
		return
	}
	s.stopped(w, r, "/action-plan/stop/", "Check-ins have stopped, and we have forgotten your name and email address. Your signature still counts.")
}

// stopped answers a stop or an unsubscribe: a bare 200 to a mail program's
// one-click POST, and to a person's button their page again with msg.
func (s *Server) stopped(w http.ResponseWriter, r *http.Request, page, msg string) {
	if r.PostFormValue("List-Unsubscribe") == "One-Click" {
		w.WriteHeader(http.StatusOK)
		return
	}
	s.flash(r, msg)
	http.Redirect(w, r, page+r.PathValue("token"), http.StatusSeeOther)
}
