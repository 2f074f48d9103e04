package web

import (
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// learningRoutes registers the learning area: feedback on sessions, and the
// public testimonials page.
func (s *Server) learningRoutes(h func(string, http.HandlerFunc)) {
	h("GET /training/feedback", s.requireUser(s.learnFeedbackDue))
	h("GET /training/feedback/results", s.requireTrainer(s.learnFeedbackResults))
	h("POST /training/feedback/results/{id}", s.requireTrainer(s.learnFeedbackPublish))
	h("GET /training/feedback/{token}", s.learnFeedbackForm)
	h("POST /training/feedback/{token}", s.learnFeedbackGive)
	h("GET /training/testimonials", s.learnTestimonials)
	s.learnCheckRoutes(h)
	s.learnSurveyRoutes(h)
	s.learnNeedsRoutes(h)
	s.learnPlanRoutes(h)
	s.learnCoverageRoutes(h)
	s.learnChampionRoutes(h)
}

// learnFeedbackDue lists a signed-in person's sessions waiting for feedback.
func (s *Server) learnFeedbackDue(w http.ResponseWriter, r *http.Request) {
	ctx, err := s.providerCtx(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	due, err := s.Learning.FeedbackDue(ctx, lightbulb.ActorFrom(r.Context()).UserID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "learning_feedback_due", s.newPage(r, "Feedback on your training", map[string]any{
		"Due": due, "Trainer": isTrainer(r.Context())}))
}

// learnFeedbackPage loads the booking a feedback link names.
func (s *Server) learnFeedbackPage(w http.ResponseWriter, r *http.Request) (*Page, *feedbackView, bool) {
	ctx, err := s.providerCtx(r)
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	b, given, err := s.Learning.FeedbackBooking(ctx, r.PathValue("token"))
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	v := &feedbackView{Booking: b, Given: given}
	return s.newPage(r, "Give feedback", v), v, true
}

// feedbackView is what the feedback form shows: the booking a link names
// and whether feedback was given already.
type feedbackView struct {
	Booking *lightbulb.Booking
	Given   bool
}

func (s *Server) learnFeedbackForm(w http.ResponseWriter, r *http.Request) {
	p, _, ok := s.learnFeedbackPage(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "learning_feedback_form", p)
}

func (s *Server) learnFeedbackGive(w http.ResponseWriter, r *http.Request) {
	p, v, ok := s.learnFeedbackPage(w, r)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	p.Form = r.PostForm
	rating, _ := strconv.Atoi(r.PostFormValue("rating"))
	f := &lightbulb.FeedbackForm{Rating: rating, Comment: r.PostFormValue("comment"),
		Anonymous: r.PostFormValue("anonymous") == "yes", Consent: r.PostFormValue("consent") == "yes"}
	ctx, _ := s.providerCtx(r)
	if err := s.Learning.GiveFeedback(ctx, r.PathValue("token"), f); err != nil {
		s.formError(w, r, "learning_feedback_form", p, err)
		return
	}
	b := v.Booking
	// The audit names the session, never who said what.
	_ = s.Audit.Record(ctx, "learning.feedback.give", "session "+strconv.FormatInt(b.SessionID, 10), "")
	s.flash(r, "Thank you. Your feedback has been sent.")
	http.Redirect(w, r, "/training/feedback/"+r.PathValue("token"), http.StatusSeeOther)
}

func (s *Server) learnFeedbackResults(w http.ResponseWriter, r *http.Request) {
	res, err := s.Learning.FeedbackResults(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "learning.feedback.view", "feedback results", "")
	s.render(w, r, http.StatusOK, "learning_feedback_results", s.newPage(r, "Feedback on training", res))
}

func (s *Server) learnFeedbackPublish(w http.ResponseWriter, r *http.Request) {
	id, publish := r.PathValue("id"), r.PostFormValue("publish") == "yes"
	if err := s.Learning.PublishFeedback(r.Context(), id, publish); err != nil {
		s.appError(w, r, err)
		return
	}
	action, msg := "learning.feedback.unpublish", "The quote has been taken off the testimonials page."
	if publish {
		action, msg = "learning.feedback.publish", "The quote is now on the testimonials page."
	}
	_ = s.Audit.Record(r.Context(), action, "feedback "+id, "")
	s.flash(r, msg)
	http.Redirect(w, r, "/training/feedback/results#feedback-"+id, http.StatusSeeOther)
}

func (s *Server) learnTestimonials(w http.ResponseWriter, r *http.Request) {
	ctx, err := s.providerCtx(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	quotes, err := s.Learning.Testimonials(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "learning_testimonials", s.newPage(r, "What people say about our training", quotes))
}
