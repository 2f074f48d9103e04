package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

// actionForm gathers what the new-action page shows.
func (s *Server) actionForm(r *http.Request, rv *lightbulb.Review, code string) (map[string]any, error) {
	fw, err := s.Reviews.FindFramework(r.Context(), rv.FrameworkID)
	if err != nil {
		return nil, err
	}
	st := fw.Statement(code)
	if st == nil {
		return nil, lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no statement with that code.")
	}
	finals, err := s.Reviews.Finals(r.Context(), rv.ID)
	if err != nil {
		return nil, err
	}
	ms, err := s.Users.FindMembers(r.Context())
	if err != nil {
		return nil, err
	}
	return map[string]any{"Review": rv, "Statement": st, "Final": finals[code], "Members": ms}, nil
}

func (s *Server) actionNew(w http.ResponseWriter, r *http.Request) {
	rv, _, ok := s.reviewAccess(w, r)
	if !ok {
		return
	}
	d, err := s.actionForm(r, rv, r.URL.Query().Get("statement"))
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p := s.newPage(r, "Add an action", d)
	p.Form.Set("statement", r.URL.Query().Get("statement"))
	s.render(w, r, http.StatusOK, "review_action_new", p)
}

func (s *Server) actionCreate(w http.ResponseWriter, r *http.Request) {
	rv, _, ok := s.reviewAccess(w, r)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	code := r.PostFormValue("statement")
	d, err := s.actionForm(r, rv, code)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p := s.newPage(r, "Add an action", d)
	p.Form = r.PostForm
	f := formOf(r)
	a := &lightbulb.Action{ReviewID: rv.ID, StatementCode: code, Description: r.PostFormValue("description"),
		OwnerID: f.ID("owner"), Due: f.Date("due", "Due date").Time()}
	err = f.Err(lightbulb.ValidateAction(a))
	if err == nil {
		err = s.Reviews.CreateAction(r.Context(), a)
	}
	if err != nil {
		s.formError(w, r, "review_action_new", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "review.action", reviewTarget(rv), fmt.Sprintf("action %d on %s", a.ID, code))
	s.flash(r, "The action has been added to the plan.")
	http.Redirect(w, r, fmt.Sprintf("/reviews/%d#actions", rv.ID), http.StatusSeeOther)
}

// actionStatus moves an action on. A lead may change any action of the
// organisation's reviews; anyone else only the actions they own.
func (s *Server) actionStatus(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, err1 := strconv.ParseInt(r.PathValue("id"), 10, 64)
	aid, err2 := strconv.ParseInt(r.PathValue("aid"), 10, 64)
	if err1 != nil || err2 != nil {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	rv, err := s.Reviews.FindReview(ctx, id)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	as, err := s.Reviews.FindActions(ctx, rv.ID)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var cur *lightbulb.Action
	for _, a := range as {
		if a.ID == aid {
			cur = a
		}
	}
	actor := lightbulb.ActorFrom(ctx)
	if cur == nil {
		s.errorPage(w, r, http.StatusNotFound)
		return
	} else if !actor.Has(lightbulb.RoleLead) && cur.OwnerID != actor.UserID {
		s.errorPage(w, r, http.StatusForbidden)
		return
	}
	if !s.readForm(w, r) {
		return
	}
	a, err := s.Reviews.SetActionStatus(ctx, aid, lightbulb.ActionStatus(r.PostFormValue("status")))
	if err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(ctx, "review.action_status", reviewTarget(rv), fmt.Sprintf("action %d: %s", a.ID, a.Status))
	s.flash(r, "The action’s status has been saved.")
	back := fmt.Sprintf("/reviews/%d#actions", rv.ID)
	if r.PostFormValue("back") == "mine" {
		back = "/reviews/actions"
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// myActions lists the actions the signed-in person owns, across reviews.
func (s *Server) myActions(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if currentOrg(ctx) == nil {
		s.errorPage(w, r, http.StatusForbidden)
		return
	}
	all, err := s.Reviews.FindActions(ctx, 0)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	me := lightbulb.ActorFrom(ctx).UserID
	var mine []*lightbulb.Action
	for _, a := range all {
		if a.OwnerID == me {
			mine = append(mine, a)
		}
	}
	// Work still to do first, each part by due date as the store gave it.
	sort.SliceStable(mine, func(i, j int) bool {
		return mine[i].Status != lightbulb.ActionDone && mine[j].Status == lightbulb.ActionDone
	})
	s.render(w, r, http.StatusOK, "review_my_actions", s.newPage(r, "Your actions", map[string]any{"Actions": mine, "Now": lightbulb.Now()}))
}

// planRows words a review's actions for an export in the page's language.
func (s *Server) planRows(r *http.Request, p *Page, rv *lightbulb.Review) ([]report.PlanAction, error) {
	as, err := s.Reviews.FindActions(r.Context(), rv.ID)
	if err != nil {
		return nil, err
	}
	fw, err := s.Reviews.FindFramework(r.Context(), rv.FrameworkID)
	if err != nil {
		return nil, err
	}
	finals, err := s.Reviews.Finals(r.Context(), rv.ID)
	if err != nil {
		return nil, err
	}
	now := lightbulb.Now()
	out := make([]report.PlanAction, 0, len(as))
	for _, a := range as {
		text := a.StatementCode
		if st := fw.Statement(a.StatementCode); st != nil {
			text += " " + st.In(p.Lang).Text.S
		}
		out = append(out, report.PlanAction{Statement: text, Rating: p.Label("review", finals[a.StatementCode].Rating),
			Description: a.Description, Owner: a.OwnerName, Due: p.Dates.Short(a.Due), Status: p.Label("review", a.Status),
			Overdue: a.Overdue(now)})
	}
	return out, nil
}

func exportName(rv *lightbulb.Review, ext string) string {
	return fmt.Sprintf("action-plan-review-%d.%s", rv.ID, ext)
}

func (s *Server) actionsCSV(w http.ResponseWriter, r *http.Request) {
	rv, _, ok := s.reviewAccess(w, r)
	if !ok {
		return
	}
	p := s.newPage(r, "", nil)
	rows, err := s.planRows(r, p, rv)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	_ = cw.Write([]string{p.T("Service"), p.T("Statement"), p.T("Rating"), p.T("Action"), p.T("Owner"), p.T("Due"), p.T("Status"), p.T("Overdue")})
	for _, a := range rows {
		over := p.T("No")
		if a.Overdue {
			over = p.T("Yes")
		}
		_ = cw.Write([]string{csvSafe(rv.Subject), csvSafe(a.Statement), a.Rating, csvSafe(a.Description), csvSafe(a.Owner), a.Due, a.Status, over})
	}
	cw.Flush()
	_ = s.Audit.Record(r.Context(), "review.export", reviewTarget(rv), "action plan CSV")
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+exportName(rv, "csv")+`"`)
	_, _ = buf.WriteTo(w)
}

// csvSafe stops a spreadsheet from running text that starts like a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func (s *Server) actionsPDF(w http.ResponseWriter, r *http.Request) {
	rv, _, ok := s.reviewAccess(w, r)
	if !ok {
		return
	}
	p := s.newPage(r, "", nil)
	rows, err := s.planRows(r, p, rv)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	text := report.PlanText{Title: p.T("Action plan: %s", rv.Subject),
		Subtitle: fmt.Sprintf("%s %s – %s", p.T("Review period"), p.Dates.Short(rv.PeriodStart), p.Dates.Short(rv.PeriodEnd)),
		Headings: [5]string{p.T("Statement"), p.T("Action"), p.T("Owner"), p.T("Due"), p.T("Status")},
		Overdue:  p.T("Overdue"), Empty: p.T("There are no actions yet."), Lang: p.Lang, Created: time.Now()}
	var buf bytes.Buffer
	if err := report.ActionPlan(&buf, text, rows); err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "review.export", reviewTarget(rv), "action plan PDF")
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", `attachment; filename="`+exportName(rv, "pdf")+`"`)
	_, _ = buf.WriteTo(w)
}
