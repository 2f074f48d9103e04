package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// planManageView is the charity's Action Plan page.
type planManageView struct {
	Roles      []roleActions
	Counts     *lightbulb.PlanCounts
	Moderation []*lightbulb.Moderated
	Blocked    []string
}

func (s *Server) planManage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	all, err := s.ActionPlan.FindActionItems(ctx, "", true)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := &planManageView{}
	if v.Counts, err = s.ActionPlan.PlanCounts(ctx); err == nil {
		if v.Moderation, err = s.ActionPlan.FindModeration(ctx); err == nil {
			v.Blocked, err = s.ActionPlan.BlockedDomains(ctx)
		}
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	for _, role := range lightbulb.PlanRoles {
		ra := roleActions{Role: role, Signed: v.Counts.ByRole[role]}
		for _, a := range all {
			if a.Role == role {
				ra.Actions = append(ra.Actions, a)
			}
		}
		v.Roles = append(v.Roles, ra)
	}
	s.render(w, r, http.StatusOK, "actionplan_manage", s.newPage(r, "Run the Action Plan", v))
}

func (s *Server) planActionPage(r *http.Request, a *lightbulb.ActionItem) *Page {
	title := "Add an action"
	if a.ID != 0 {
		title = "Change an action"
	}
	p := s.newPage(r, title, a)
	p.Form.Set("role", a.Role)
	p.Form.Set("text", a.Text)
	p.Form.Set("text_cy", a.TextCy)
	p.Form.Set("easy", a.Easy)
	p.Form.Set("easy_cy", a.EasyCy)
	if a.Retired {
		p.Form.Set("retired", "yes")
	}
	return p
}

func (s *Server) planActionForm(w http.ResponseWriter, r *http.Request) {
	a := &lightbulb.ActionItem{Role: r.URL.Query().Get("role")}
	if id, ok := pathID(r); ok {
		var err error
		if a, err = s.ActionPlan.FindActionItem(r.Context(), id); err != nil {
			s.appError(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "actionplan_action_form", s.planActionPage(r, a))
}

func (s *Server) planActionSave(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	a := &lightbulb.ActionItem{}
	if id, ok := pathID(r); ok {
		old, err := s.ActionPlan.FindActionItem(r.Context(), id)
		if err != nil {
			s.appError(w, r, err)
			return
		}
		a.ID, a.Role = old.ID, old.Role
	}
	f := formOf(r)
	if a.ID == 0 {
		a.Role = f.Choice("role", "Who the action is for", lightbulb.PlanRoles...)
	}
	a.Text, a.TextCy, a.Easy, a.EasyCy = f.Text("text"), f.Text("text_cy"), f.Text("easy"), f.Text("easy_cy")
	a.Retired = f.Text("retired") == "yes"
	err := f.Err(a.Validate())
	if err == nil {
		err = s.ActionPlan.SaveActionItem(r.Context(), a)
	}
	if err != nil {
		p := s.planActionPage(r, a)
		p.Form = r.PostForm
		s.formError(w, r, "actionplan_action_form", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "actionplan.action.save", fmt.Sprintf("action %d", a.ID), fmt.Sprintf("version %d", a.Version))
	s.flash(r, "The action has been saved as version %d.", a.Version)
	http.Redirect(w, r, "/action-plan/manage", http.StatusSeeOther)
}

func (s *Server) planActionHistory(w http.ResponseWriter, r *http.Request) {
	id, _ := pathID(r)
	a, err := s.ActionPlan.FindActionItem(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	h, err := s.ActionPlan.ActionItemHistory(r.Context(), id)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "actionplan_action_history", s.newPage(r, "Versions of an action", map[string]any{"Action": a, "Versions": h}))
}

func (s *Server) planModerate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	id, _ := pathID(r)
	kind, approve := r.PathValue("kind"), r.PostFormValue("decision") == "approve"
	if err := s.ActionPlan.Moderate(r.Context(), kind, id, approve); err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "actionplan.moderate", fmt.Sprintf("%s %d", kind, id), r.PostFormValue("decision"))
	if approve {
		s.flash(r, "Published.")
	} else {
		s.flash(r, "Not published.")
	}
	http.Redirect(w, r, "/action-plan/manage#moderation", http.StatusSeeOther)
}

// suspectFilter reads the bulk-invalidation filter from a form or query.
func suspectFilter(f *form) lightbulb.SuspectFilter {
	sf := lightbulb.SuspectFilter{Domain: f.Text("domain"), Pattern: f.Text("pattern"), SuspectOnly: f.Text("suspect_only") == "yes"}
	if d := f.Date("from", "From"); !d.IsZero() {
		sf.From = d.Time()
	}
	if d := f.Date("to", "Up to"); !d.IsZero() {
		sf.To = d.Time().Add(24 * time.Hour)
	}
	return sf
}

// planSuspect shows how many sign-ups a filter picks, before anything changes.
func (s *Server) planSuspect(w http.ResponseWriter, r *http.Request) {
	r.PostForm = r.URL.Query()
	f := formOf(r)
	sf := suspectFilter(f)
	p := s.newPage(r, "Invalidate suspect sign-ups", nil)
	p.Form = r.URL.Query()
	if len(r.URL.Query()) == 0 {
		s.render(w, r, http.StatusOK, "actionplan_suspect", p)
		return
	}
	err := f.Err()
	n := 0
	if err == nil {
		n, err = s.ActionPlan.CountSuspect(r.Context(), sf)
	}
	if err != nil {
		s.formError(w, r, "actionplan_suspect", p, err)
		return
	}
	p.Data = n
	s.render(w, r, http.StatusOK, "actionplan_suspect", p)
}

func (s *Server) planInvalidate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	sf := suspectFilter(f)
	err := f.Err()
	n := 0
	if err == nil {
		n, err = s.ActionPlan.InvalidateSuspect(r.Context(), sf)
	}
	if err != nil {
		p := s.newPage(r, "Invalidate suspect sign-ups", nil)
		p.Form = r.PostForm
		s.formError(w, r, "actionplan_suspect", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "actionplan.invalidate", "signatures", fmt.Sprintf("%d: %s", n, r.PostForm.Encode()))
	s.flash(r, "%d sign-ups were invalidated. The counts leave them out.", n)
	http.Redirect(w, r, "/action-plan/manage", http.StatusSeeOther)
}

func (s *Server) planBlock(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	d := r.PostFormValue("block")
	if err := s.ActionPlan.BlockDomain(r.Context(), d); err != nil {
		p := s.newPage(r, "Invalidate suspect sign-ups", nil)
		p.Form = r.PostForm
		s.formError(w, r, "actionplan_suspect", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "actionplan.block", "domain", strings.ToLower(d))
	s.flash(r, "Sign-ups from %s will be kept as suspect and never counted.", strings.ToLower(d))
	http.Redirect(w, r, "/action-plan/manage", http.StatusSeeOther)
}

// planSignaturesCSV downloads the newest signatures, headed in the page's
// language; the download is audited, as it holds names and addresses.
func (s *Server) planSignaturesCSV(w http.ResponseWriter, r *http.Request) {
	list, err := s.ActionPlan.FindSignatures(r.Context(), 100000)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, "", nil)
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	_ = cw.Write([]string{p.T("Signed"), p.T("Role"), p.T("Name"), p.T("Email address"), p.T("Organisation"), p.T("Nation"),
		p.T("Local authority"), p.T("Status"), p.T("Suspect"), p.T("Check-ins")})
	yes := func(b bool) string {
		if b {
			return p.T("Yes")
		}
		return p.T("No")
	}
	for _, g := range list {
		_ = cw.Write([]string{p.Dates.Short(g.CreatedAt), p.Label("actionplan", g.Role), csvSafe(g.Name), csvSafe(g.Email),
			csvSafe(g.Organisation), p.Label("actionplan", g.Nation), g.LocalAuthority, p.Label("actionplan", g.Status),
			yes(g.Suspect), yes(g.Checkins)})
	}
	cw.Flush()
	_ = s.Audit.Record(r.Context(), "actionplan.export", "signatures", fmt.Sprintf("%d rows", len(list)))
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="action-plan-signatures.csv"`)
	_, _ = buf.WriteTo(w)
}
