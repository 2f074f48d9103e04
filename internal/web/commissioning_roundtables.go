package web

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// Roundtables: the commissioner's under /commissioning/roundtables, and a
// provider's view of those it took part in under /roundtables.
func (s *Server) roundtableRoutes(h func(string, http.HandlerFunc)) {
	c := s.requireCommissioner
	h("GET /commissioning/roundtables", c(s.commRoundtables))
	h("GET /commissioning/roundtables/new", c(s.commRoundtableForm))
	h("POST /commissioning/roundtables", c(s.commRoundtableCreate))
	h("GET /commissioning/roundtables/{id}", c(s.commRoundtable))
	h("POST /commissioning/roundtables/{id}/actions", c(s.commRoundtableAction))
	h("POST /commissioning/roundtables/{id}/actions/{action}", c(s.commRoundtableUpdate))
	h("GET /roundtables/{id}", s.requireLead(s.providerRoundtable))
	h("POST /roundtables/{id}/actions/{action}", s.requireLead(s.providerRoundtableUpdate))
}

// roundtablesView lists the commissioner's roundtables and every action
// agreed at them or at visits.
type roundtablesView struct {
	Roundtables []*lightbulb.Roundtable
	Actions     []*lightbulb.CommAction
	Today       lightbulb.Date
}

func (s *Server) commRoundtables(w http.ResponseWriter, r *http.Request) {
	rts, err := s.Commissioning.Roundtables(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	as, err := s.Commissioning.Actions(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := roundtablesView{Roundtables: rts, Actions: as, Today: lightbulb.DateOf(lightbulb.Now())}
	s.render(w, r, http.StatusOK, "comm_roundtables", s.newPage(r, "Roundtables and action plans", v))
}

// roundtableFormView offers the providers the commissioner may invite.
type roundtableFormView struct{ Providers []choice }

func (s *Server) renderRoundtableForm(w http.ResponseWriter, r *http.Request, err error) {
	ps, perr := s.Commissioning.RoundtableProviders(r.Context())
	if perr != nil {
		s.serverError(w, r, perr)
		return
	}
	v := roundtableFormView{}
	for _, o := range ps {
		v.Providers = append(v.Providers, choice{Value: strconv.FormatInt(o.ID, 10), Label: o.Name})
	}
	p := s.newPage(r, "Record a roundtable", v)
	s.renderForm(w, r, "comm_roundtable_form", p, err)
}

func (s *Server) commRoundtableForm(w http.ResponseWriter, r *http.Request) {
	s.renderRoundtableForm(w, r, nil)
}

func (s *Server) commRoundtableCreate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	rt := &lightbulb.Roundtable{Title: f.Text("title"), HeldOn: f.Date("held_on", "Met on"), Attendees: f.Text("attendees"), Notes: f.Text("notes")}
	for _, v := range r.PostForm["providers"] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			rt.Providers = append(rt.Providers, lightbulb.OrgRef{ID: id})
		}
	}
	err := f.Err(rt.Validate())
	if err == nil {
		err = s.Commissioning.CreateRoundtable(r.Context(), rt)
	}
	if err != nil {
		s.renderRoundtableForm(w, r, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.roundtable.create", fmt.Sprintf("roundtable %d", rt.ID), rt.Title)
	s.flash(r, "The roundtable is recorded. Now add the actions agreed.")
	http.Redirect(w, r, fmt.Sprintf("/commissioning/roundtables/%d", rt.ID), http.StatusSeeOther)
}

// actionsView is what a page holding an action plan (a roundtable or a visit)
// needs: whose page it is, who may own a new action and the requirements
// it may serve.
type actionsView struct {
	Provider bool  // the page is the provider's
	Me       int64 // the organisation looking
	Today    lightbulb.Date
	BasePath string   // the page's own address
	Owners   []choice // who may own a new action
	Library  []choice // requirements a new action may serve
}

// CanUpdate reports whether the organisation looking may change a: the
// commissioner any action, a provider those it owns.
func (v actionsView) CanUpdate(a *lightbulb.CommAction) bool {
	return !v.Provider || a.OwnerOrgID == v.Me
}

// newActionsView is the plan of the page at commissioner's address path (or
// the provider's, the same without /commissioning).
func newActionsView(r *http.Request, provider bool, path string) actionsView {
	if provider {
		path = strings.TrimPrefix(path, "/commissioning")
	}
	return actionsView{Provider: provider, Me: currentOrg(r.Context()).ID, Today: lightbulb.DateOf(lightbulb.Now()), BasePath: path}
}

// owner offers an organisation as an action's owner.
func (v *actionsView) owner(o lightbulb.OrgRef) {
	v.Owners = append(v.Owners, choice{Value: strconv.FormatInt(o.ID, 10), Label: o.Name})
}

// planForm fills each action's status and evidence questions.
func planForm(p *Page, as []*lightbulb.CommAction) {
	for _, a := range as {
		n := strconv.FormatInt(a.ID, 10)
		p.Form.Set("status-"+n, string(a.Status))
		p.Form.Set("evidence-"+n, a.ClosingEvidence)
	}
}

// roundtableView is a roundtable with its action plan, for the commissioner
// (who adds actions and updates any) or a provider present (who updates
// the actions it owns).
type roundtableView struct {
	*lightbulb.Roundtable
	actionsView
}

func (s *Server) roundtablePage(w http.ResponseWriter, r *http.Request, provider bool, err error) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	ctx := r.Context()
	get := s.Commissioning.Roundtable
	if provider {
		get = s.Commissioning.ProviderRoundtable
	}
	rt, gerr := get(ctx, id)
	if gerr != nil {
		s.appError(w, r, gerr)
		return
	}
	v := roundtableView{Roundtable: rt, actionsView: newActionsView(r, provider, fmt.Sprintf("/commissioning/roundtables/%d", rt.ID))}
	if !provider {
		if v.Library, gerr = s.libraryChoices(r); gerr != nil {
			s.serverError(w, r, gerr)
			return
		}
		v.owner(lightbulb.OrgRef{ID: rt.CommissionerID, Name: rt.CommissionerName})
		for _, o := range rt.Providers {
			v.owner(o)
		}
	}
	p := s.newPage(r, rt.Title, v)
	p.Title = rt.Title
	if err != nil {
		p.Form = r.PostForm
		s.formError(w, r, "comm_roundtable", p, err)
		return
	}
	planForm(p, rt.Actions)
	_ = s.Audit.Record(ctx, "commissioning.roundtable.view", fmt.Sprintf("roundtable %d", rt.ID), "")
	s.render(w, r, http.StatusOK, "comm_roundtable", p)
}

// libraryChoices are the commissioner's requirements, for an action to
// serve one of them, or none.
func (s *Server) libraryChoices(r *http.Request) ([]choice, error) {
	lib, err := s.Commissioning.Requirements(r.Context())
	if err != nil {
		return nil, err
	}
	out := []choice{{Value: "", Label: i18n.T(i18n.FromRequest(r), "None")}}
	for _, x := range lib {
		out = append(out, choice{Value: x.Code, Label: x.Code + ": " + x.Text})
	}
	return out, nil
}

func (s *Server) commRoundtable(w http.ResponseWriter, r *http.Request) {
	s.roundtablePage(w, r, false, nil)
}

func (s *Server) providerRoundtable(w http.ResponseWriter, r *http.Request) {
	s.roundtablePage(w, r, true, nil)
}

func (s *Server) commRoundtableAction(w http.ResponseWriter, r *http.Request) {
	s.addPlanAction(w, r, s.roundtablePlan(), s.Commissioning.AddRoundtableAction)
}

// addPlanAction adds the action in the form to the commissioner's page of
// kind k in the path, with add.
func (s *Server) addPlanAction(w http.ResponseWriter, r *http.Request, k plan,
	add func(ctx context.Context, id int64, a *lightbulb.CommAction) error) {
	if !s.readForm(w, r) {
		return
	}
	id, _ := pathID(r)
	f := formOf(r)
	a := &lightbulb.CommAction{Text: f.Text("text"), OwnerOrgID: f.ID("owner_org"), Owner: f.Text("owner"),
		RequirementCode: f.Text("requirement"), DueOn: f.Date("due_on", "Due")}
	err := f.Err()
	if err == nil {
		err = add(r.Context(), id, a)
	}
	if err != nil {
		if lightbulb.ErrorCode(err) == lightbulb.ENOTFOUND {
			s.appError(w, r, err)
			return
		}
		k.page(w, r, false, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.action.add", fmt.Sprintf("%s %d", strings.TrimSuffix(k.path, "s"), id), fmt.Sprintf("action %d", a.ID))
	s.flash(r, "The action is added to the plan.")
	http.Redirect(w, r, fmt.Sprintf("/commissioning/%s/%d#action-%d", k.path, id, a.ID), http.StatusSeeOther)
}

func (s *Server) commRoundtableUpdate(w http.ResponseWriter, r *http.Request) {
	s.updatePlanAction(w, r, false, s.roundtablePlan())
}

func (s *Server) providerRoundtableUpdate(w http.ResponseWriter, r *http.Request) {
	s.updatePlanAction(w, r, true, s.roundtablePlan())
}

// plan is a kind of page holding an action plan: its path under
// /commissioning (and, for providers, under /), the actions on one, and
// the page itself to show again with an error.
type plan struct {
	path    string
	actions func(r *http.Request, id int64, provider bool) ([]*lightbulb.CommAction, error)
	page    func(w http.ResponseWriter, r *http.Request, provider bool, err error)
}

func (s *Server) roundtablePlan() plan {
	return plan{path: "roundtables", page: s.roundtablePage,
		actions: func(r *http.Request, id int64, provider bool) ([]*lightbulb.CommAction, error) {
			get := s.Commissioning.Roundtable
			if provider {
				get = s.Commissioning.ProviderRoundtable
			}
			rt, err := get(r.Context(), id)
			if err != nil {
				return nil, err
			}
			return rt.Actions, nil
		}}
}

// updatePlanAction changes an action on the page in the path: any of them
// for the commissioner, only its own for a provider.
func (s *Server) updatePlanAction(w http.ResponseWriter, r *http.Request, provider bool, k plan) {
	if !s.readForm(w, r) {
		return
	}
	id, _ := pathID(r)
	action, err := strconv.ParseInt(r.PathValue("action"), 10, 64)
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	base, update := fmt.Sprintf("/commissioning/%s/%d", k.path, id), s.Commissioning.UpdateAction
	if provider {
		base, update = fmt.Sprintf("/%s/%d", k.path, id), s.Commissioning.ProviderUpdateAction
	}
	as, err := k.actions(r, id, provider)
	if err == nil && !actionOn(as, action) {
		err = lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such action.")
	}
	n := strconv.FormatInt(action, 10)
	u := &lightbulb.ActionUpdate{Status: lightbulb.ActionStatus(r.PostFormValue("status-" + n)), Evidence: r.PostFormValue("evidence-" + n)}
	if err == nil {
		err = update(r.Context(), action, u)
	}
	if err != nil {
		if lightbulb.ErrorCode(err) == lightbulb.ENOTFOUND {
			s.appError(w, r, err)
			return
		}
		k.page(w, r, provider, actionFields(err, n))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.action.update", fmt.Sprintf("action %d", action), string(u.Status))
	s.flash(r, "The action is updated.")
	http.Redirect(w, r, fmt.Sprintf("%s#action-%d", base, action), http.StatusSeeOther)
}

func actionOn(as []*lightbulb.CommAction, id int64) bool {
	for _, a := range as {
		if a.ID == id {
			return true
		}
	}
	return false
}

// actionFields names an update's errors after the action's own questions,
// so the error summary links to the right form on a page of several.
func actionFields(err error, n string) error {
	var v lightbulb.ValidationErrors
	if ve, ok := err.(*lightbulb.ValidationErrors); ok {
		for _, e := range ve.List {
			v.Add(e.Field+"-"+n, e.Message)
		}
		return v.Err()
	}
	return err
}

// commissioningDashboard shows a lead or commissioner the actions their
// organisation owns from roundtables and visits that are not done yet.
func (s *Server) commissioningDashboard(r *http.Request, data map[string]any) {
	a, o := lightbulb.ActorFrom(r.Context()), currentOrg(r.Context())
	if s.Commissioning == nil || a == nil || o == nil || !(a.Has(lightbulb.RoleLead) || a.Has(lightbulb.RoleCommissioner)) {
		return
	}
	as, err := s.Commissioning.Actions(r.Context())
	if err != nil {
		return
	}
	var open []*lightbulb.CommAction
	for _, x := range as {
		if x.OwnerOrgID == o.ID && x.Status != lightbulb.ActionDone {
			open = append(open, x)
		}
	}
	link := "/contracts#actions"
	if o.Kind == lightbulb.KindCommissioner && a.Has(lightbulb.RoleCommissioner) {
		link = "/commissioning/roundtables"
	}
	if len(open) > 0 {
		data["CommActions"] = map[string]any{"Actions": open, "Link": link, "Today": lightbulb.DateOf(lightbulb.Now())}
	}
	if o.Kind == lightbulb.KindCommissioner && a.Has(lightbulb.RoleCommissioner) {
		if sum, err := s.commissionerSummary(r, as); err == nil {
			data["CommSummary"] = sum
		}
	}
}

// commSummary is what leads a commissioner's dashboard: their contracts,
// returns due in the next four weeks and overdue, draft reports still open
// to the provider and actions not done.
type commSummary struct {
	Contracts, DueSoon, Overdue, Drafts, Actions int
}

func (s *Server) commissionerSummary(r *http.Request, as []*lightbulb.CommAction) (*commSummary, error) {
	cs, err := s.Commissioning.Contracts(r.Context())
	if err != nil {
		return nil, err
	}
	today := lightbulb.DateOf(lightbulb.Now())
	soon := lightbulb.DateOf(lightbulb.Now().AddDate(0, 0, lightbulb.ReturnOpenDays))
	sum := &commSummary{Contracts: len(cs)}
	for _, c := range cs {
		full, err := s.Commissioning.Contract(r.Context(), c.ID)
		if err != nil {
			return nil, err
		}
		sum.Overdue += full.Overdue(today)
		for _, p := range full.Periods {
			if p.ReturnID == 0 && !p.DueOn.Before(today) && !soon.Before(p.DueOn) {
				sum.DueSoon++
			}
		}
		if rep := full.LatestReport(); rep != nil && rep.State == lightbulb.AssessmentDraft {
			sum.Drafts++
		}
	}
	for _, x := range as {
		if x.Status != lightbulb.ActionDone {
			sum.Actions++
		}
	}
	return sum, nil
}
