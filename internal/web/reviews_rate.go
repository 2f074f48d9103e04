package web

import (
	"fmt"
	"net/http"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// rateForm is the page where a contributor rates every statement, or where
// the lead agrees the final ratings (Agree), seeing every contribution.
type rateForm struct {
	Review        *lightbulb.Review
	Framework     *lightbulb.Framework
	Agree         bool
	Contributions map[string][]lightbulb.Rated
	// Agreements is where contributors stand on each statement; Agreed and
	// Differ list, in framework order, the statements they agree on that
	// the lead has not rated yet, and those where they differ.
	Agreements map[string]lightbulb.Agreement
	Agreed     []*lightbulb.Statement
	Differ     []*lightbulb.Statement
	Ratings    []lightbulb.Rating
	Action     string
	// Voice is set when the form records views without an account: a
	// group's or an advocate's (by the lead), or a link's (by its person).
	Voice *lightbulb.Voice
}

func (s *Server) rateData(r *http.Request, rv *lightbulb.Review, agree bool) (*rateForm, error) {
	fw, err := s.Reviews.FindFramework(r.Context(), rv.FrameworkID)
	if err != nil {
		return nil, err
	}
	f := &rateForm{Review: rv, Framework: fw, Agree: agree, Ratings: lightbulb.Ratings,
		Action: fmt.Sprintf("/reviews/%d/rate", rv.ID)}
	if agree {
		f.Action = fmt.Sprintf("/reviews/%d/agree", rv.ID)
		cs, err := s.Reviews.Contributions(r.Context(), rv.ID)
		if err != nil {
			return nil, err
		}
		f.Contributions = map[string][]lightbulb.Rated{}
		for _, c := range cs {
			f.Contributions[c.Code] = append(f.Contributions[c.Code], c)
		}
		f.Agreements = lightbulb.Agreements(cs)
	}
	return f, nil
}

// prefill puts into the agree form, for each statement the lead has not
// rated, the rating and evidence every contributor agrees on, and lists
// the statements agreed and those where contributors differ.
func (f *rateForm) prefill(p *Page, finals map[string]lightbulb.Rated) {
	for _, st := range f.Framework.Statements {
		ag := f.Agreements[st.Code]
		if ag.State == lightbulb.AgreeDiffer {
			f.Differ = append(f.Differ, st)
		}
		if _, done := finals[st.Code]; done || ag.State != lightbulb.AgreeAll {
			continue
		}
		f.Agreed = append(f.Agreed, st)
		fill(p, []lightbulb.Rated{{Code: st.Code, Rating: ag.Rating, Evidence: ag.Evidence}})
	}
}

// fill puts saved ratings into the form's values.
func fill(p *Page, rs []lightbulb.Rated) {
	for _, x := range rs {
		p.Form.Set("rating-"+x.Code, string(x.Rating))
		p.Form.Set("evidence-"+x.Code, x.Evidence)
	}
}

// formRatings reads one rating and its evidence per statement.
func formRatings(r *http.Request, fw *lightbulb.Framework) []lightbulb.Rated {
	out := make([]lightbulb.Rated, 0, len(fw.Statements))
	for _, st := range fw.Statements {
		out = append(out, lightbulb.Rated{Code: st.Code, Rating: lightbulb.Rating(r.PostFormValue("rating-" + st.Code)),
			Evidence: r.PostFormValue("evidence-" + st.Code)})
	}
	return out
}

// draftOnly refuses a page for changing a submitted review.
func (s *Server) draftOnly(w http.ResponseWriter, r *http.Request, rv *lightbulb.Review) bool {
	if rv.Locked() {
		s.flash(r, "This review has been submitted, so it can no longer be changed.")
		http.Redirect(w, r, fmt.Sprintf("/reviews/%d", rv.ID), http.StatusSeeOther)
		return false
	}
	return true
}

func (s *Server) reviewRateForm(w http.ResponseWriter, r *http.Request) {
	if s.switchForLink(w, r) {
		return
	}
	rv, cs, ok := s.reviewAccess(w, r)
	if !ok || !s.draftOnly(w, r, rv) {
		return
	}
	a := lightbulb.ActorFrom(r.Context())
	if invited(cs, a.UserID) == nil {
		s.errorPage(w, r, http.StatusForbidden)
		return
	}
	f, err := s.rateData(r, rv, false)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	all, err := s.Reviews.Contributions(r.Context(), rv.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "review.view", reviewTarget(rv), "rating form")
	p := s.newPage(r, "Rate the statements", f)
	for _, x := range all {
		if x.UserID == a.UserID {
			fill(p, []lightbulb.Rated{x})
		}
	}
	s.render(w, r, http.StatusOK, "review_rate", p)
}

// reviewRate saves a contributor's ratings. The store refuses anyone not
// invited, and a submitted review.
func (s *Server) reviewRate(w http.ResponseWriter, r *http.Request) {
	rv, _, ok := s.reviewAccess(w, r)
	if !ok {
		return
	}
	f, err := s.rateData(r, rv, false)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !s.readForm(w, r) {
		return
	}
	p := s.newPage(r, "Rate the statements", f)
	p.Form = r.PostForm
	if err := s.Reviews.SaveContributions(r.Context(), rv.ID, formRatings(r, f.Framework)); err != nil {
		s.formError(w, r, "review_rate", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "review.contribute", reviewTarget(rv), "")
	s.flash(r, "Your ratings have been saved. You can come back and change them until the review is submitted.")
	http.Redirect(w, r, fmt.Sprintf("/reviews/%d", rv.ID), http.StatusSeeOther)
}

func (s *Server) reviewAgreeForm(w http.ResponseWriter, r *http.Request) {
	rv, _, ok := s.reviewAccess(w, r)
	if !ok || !s.draftOnly(w, r, rv) {
		return
	}
	f, err := s.rateData(r, rv, true)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	finals, err := s.Reviews.Finals(r.Context(), rv.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "review.view", reviewTarget(rv), "agreeing form with every contribution")
	p := s.newPage(r, "Agree the final ratings", f)
	for _, x := range finals {
		fill(p, []lightbulb.Rated{x})
	}
	f.prefill(p, finals)
	s.render(w, r, http.StatusOK, "review_rate", p)
}

// reviewAcceptAgreed saves as final every rating the contributors agree on
// that the lead has not rated, and returns to the agree page.
func (s *Server) reviewAcceptAgreed(w http.ResponseWriter, r *http.Request) {
	rv, _, ok := s.reviewAccess(w, r)
	if !ok || !s.draftOnly(w, r, rv) {
		return
	}
	n, err := s.Reviews.AcceptAgreed(r.Context(), rv.ID)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "review.accept_agreed", reviewTarget(rv), fmt.Sprintf("%d ratings", n))
	s.flash(r, "%d ratings that contributors agree on are now the final ones. Choose the rest below.", n)
	http.Redirect(w, r, fmt.Sprintf("/reviews/%d/agree", rv.ID), http.StatusSeeOther)
}

// reviewAgree saves the lead's final ratings and, when asked, submits the
// review, which locks it.
func (s *Server) reviewAgree(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	rv, _, ok := s.reviewAccess(w, r)
	if !ok {
		return
	}
	f, err := s.rateData(r, rv, true)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if !s.readForm(w, r) {
		return
	}
	p := s.newPage(r, "Agree the final ratings", f)
	p.Form = r.PostForm
	if err := s.Reviews.SaveFinals(ctx, rv.ID, formRatings(r, f.Framework)); err != nil {
		s.formError(w, r, "review_rate", p, err)
		return
	}
	if r.PostFormValue("do") != "submit" {
		_ = s.Audit.Record(ctx, "review.agree", reviewTarget(rv), "draft saved")
		s.flash(r, "The final ratings have been saved as a draft.")
		http.Redirect(w, r, fmt.Sprintf("/reviews/%d", rv.ID), http.StatusSeeOther)
		return
	}
	if err := s.Reviews.SubmitReview(ctx, rv.ID); err != nil {
		s.formError(w, r, "review_rate", p, err)
		return
	}
	_ = s.Audit.Record(ctx, "review.submit", reviewTarget(rv), fmt.Sprintf("framework version %d", rv.FrameworkVersion))
	s.flash(r, "The review has been submitted. It is now locked.")
	http.Redirect(w, r, fmt.Sprintf("/reviews/%d", rv.ID), http.StatusSeeOther)
}
