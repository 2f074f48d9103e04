package web

import (
	"fmt"
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// learnCheckRoutes registers the knowledge checks before and after a course.
func (s *Server) learnCheckRoutes(h func(string, http.HandlerFunc)) {
	h("GET /training/checks/results", s.requireTrainer(s.learnCheckResults))
	h("GET /training/checks/{token}", s.learnCheck)
	h("POST /training/checks/{token}/{phase}", s.learnCheckTake)
}

// learnCheckPage loads a booking's checks, the questions in the page's
// language, and which phase is open to take now.
func (s *Server) learnCheckPage(w http.ResponseWriter, r *http.Request) (*Page, *checkView, bool) {
	ctx, err := s.providerCtx(r)
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	b, change, err := s.Learning.CheckStatus(ctx, r.PathValue("token"))
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	p := s.newPage(r, "Knowledge check", nil)
	rights, err := s.Rights.FindRights(r.Context(), p.Lang)
	if err != nil {
		s.serverError(w, r, err)
		return nil, nil, false
	}
	qs := lightbulb.BuildCheck(rights)
	open := ""
	if b.CheckOpen(lightbulb.CheckPre) == nil && change.Pre == nil {
		open = lightbulb.CheckPre
	} else if b.CheckOpen(lightbulb.CheckPost) == nil && change.Post == nil {
		open = lightbulb.CheckPost
	}
	v := &checkView{Booking: b, Change: change, Questions: qs, Open: open}
	if change.Post != nil {
		v.Review = lightbulb.ReviewCheck(qs, change.Post.Answers)
	}
	p.Data = v
	return p, v, true
}

// checkView is what the knowledge check page shows.
type checkView struct {
	Booking   *lightbulb.Booking
	Change    *lightbulb.CheckChange
	Questions []*lightbulb.CheckQuestion
	Open      string // the check that can be taken now, if any
	// Review sets each question beside the answers given after the course,
	// the right answer and why; shown once the check after it is taken.
	Review []*lightbulb.CheckReview
}

func (s *Server) learnCheck(w http.ResponseWriter, r *http.Request) {
	p, _, ok := s.learnCheckPage(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "learning_check", p)
}

func (s *Server) learnCheckTake(w http.ResponseWriter, r *http.Request) {
	p, v, ok := s.learnCheckPage(w, r)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	p.Form = r.PostForm
	phase := r.PathValue("phase")
	score, err := lightbulb.ScoreCheck(v.Questions, r.PostForm)
	if err != nil {
		ids := make([]string, len(v.Questions))
		for i, q := range v.Questions {
			ids[i] = q.ID
		}
		err = numberQuestions(err, p.Lang, ids)
	}
	if err == nil {
		ctx, _ := s.providerCtx(r)
		err = s.Learning.SaveCheck(ctx, r.PathValue("token"), phase, score, len(v.Questions), lightbulb.CheckAnswers(v.Questions, r.PostForm))
	}
	if err != nil {
		if lightbulb.ErrorCode(err) == lightbulb.ENOTFOUND {
			s.appError(w, r, err)
			return
		}
		v.Open = phase
		s.formError(w, r, "learning_check", p, err)
		return
	}
	b := v.Booking
	ctx, _ := s.providerCtx(r)
	_ = s.Audit.Record(ctx, "learning.check."+phase, "booking "+strconv.FormatInt(b.ID, 10), strconv.Itoa(score)+" of "+strconv.Itoa(len(v.Questions)))
	s.flash(r, "You scored %d out of %d.", score, len(v.Questions))
	http.Redirect(w, r, "/training/checks/"+r.PathValue("token"), http.StatusSeeOther)
}

func (s *Server) learnCheckResults(w http.ResponseWriter, r *http.Request) {
	res, err := s.Learning.CheckResults(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "learning.check.results", "knowledge check results", "")
	s.render(w, r, http.StatusOK, "learning_check_results", s.newPage(r, "Knowledge checks: before and after", res))
}

// LearnChange shows a change in percentage points (an int or a float64)
// with its sign, in the page's language.
func (p *Page) LearnChange(points any) string {
	switch v := points.(type) {
	case int:
		return pointsChange(p.Lang, float64(v))
	case float64:
		return pointsChange(p.Lang, v)
	}
	return fmt.Sprint(points)
}

// pointsChange shows a change in percentage points with its sign.
func pointsChange(lang string, points float64) string {
	if points > 0 {
		return i18n.T(lang, "up %.0f points", points)
	} else if points < 0 {
		return i18n.T(lang, "down %.0f points", -points)
	}
	return i18n.T(lang, "no change")
}
