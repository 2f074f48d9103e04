package web

import (
	"fmt"
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func (s *Server) decisionReviewPage(w http.ResponseWriter, r *http.Request, d *lightbulb.Decision) (*Page, bool) {
	if d.Status != lightbulb.StatusInForce {
		s.recordError(w, r, d, lightbulb.Errorf(lightbulb.ECONFLICT, "Only a decision in force can be reviewed."))
		return nil, false
	}
	p := s.newPage(r, "", map[string]any{"D": d})
	p.Title = p.T("Review decision %d", d.ID)
	return p, true
}

func (s *Server) decisionReviewForm(w http.ResponseWriter, r *http.Request) {
	d, ok := s.decision(w, r)
	if !ok {
		return
	}
	p, ok := s.decisionReviewPage(w, r, d)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "decision_review", p)
}

// decisionReview records a review: what changed, and whether the decision
// continues (with a new review date), changes (back to draft) or ends.
func (s *Server) decisionReview(w http.ResponseWriter, r *http.Request) {
	d, ok := s.decision(w, r)
	if !ok {
		return
	}
	p, ok := s.decisionReviewPage(w, r, d)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	p.Form = r.PostForm
	f := formOf(r)
	rv := lightbulb.DecisionReview{Note: f.Text("note"), Outcome: r.PostFormValue("outcome"),
		ReviewDate: f.Date("review_date", "Date of the next review").String()}
	if err := f.Err(); err != nil {
		s.formError(w, r, "decision_review", p, err)
		return
	}
	got, err := s.Decisions.ReviewDecision(r.Context(), d.ID, rv)
	if err != nil {
		s.formError(w, r, "decision_review", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "decision.review", decisionTarget(got), rv.Outcome)
	switch rv.Outcome {
	case lightbulb.ReviewChange:
		s.flash(r, "Review recorded. Change the decision, then mark it as decided again.")
		http.Redirect(w, r, fmt.Sprintf("/decisions/%d/edit/%s", got.ID, lightbulb.StepSituation), http.StatusSeeOther)
		return
	case lightbulb.ReviewEnd:
		s.flash(r, "Review recorded. Decision %d has ended.", got.ID)
	default:
		s.flash(r, "Review recorded. Decision %d continues.", got.ID)
	}
	http.Redirect(w, r, fmt.Sprintf("/decisions/%d", got.ID), http.StatusSeeOther)
}

// decisionsDashboard adds to the dashboard what a lead must act on: the
// reviews of their organisation that are overdue.
func (s *Server) decisionsDashboard(r *http.Request, data map[string]any) {
	a := lightbulb.ActorFrom(r.Context())
	if s.Decisions == nil || a == nil || !a.Has(lightbulb.RoleLead) {
		return
	}
	ds, err := s.Decisions.FindDecisions(r.Context(), lightbulb.DecisionFilter{Review: "overdue", Today: today()})
	if err == nil {
		data["OverdueReviews"] = ds
	}
}
