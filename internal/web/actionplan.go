package web

import (
	"context"
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func (s *Server) actionPlanRoutes(h func(string, http.HandlerFunc)) {
	h("GET /action-plan", s.actionPlanPage(false))
	h("GET /action-plan/easy-read", s.actionPlanPage(true))
	h("GET /action-plan/sign", s.signForm)
	h("POST /action-plan/sign", s.sign)
	h("GET /action-plan/signatures/{token}", s.signature)
	h("POST /action-plan/signatures/{token}/confirm", s.signatureConfirm)
	h("GET /action-plan/checkins/{token}", s.checkinForm)
	h("POST /action-plan/checkins/{token}", s.checkinAnswer)
	h("GET /action-plan/stop/{token}", s.stopPage)
	h("POST /action-plan/stop/{token}", s.stop)

	h("GET /action-plan/manage", s.requireComms(s.planManage))
	h("GET /action-plan/manage/actions/new", s.requireComms(s.planActionForm))
	h("POST /action-plan/manage/actions", s.requireComms(s.planActionSave))
	h("GET /action-plan/manage/actions/{id}", s.requireComms(s.planActionForm))
	h("POST /action-plan/manage/actions/{id}", s.requireComms(s.planActionSave))
	h("GET /action-plan/manage/actions/{id}/history", s.requireComms(s.planActionHistory))
	h("POST /action-plan/manage/moderate/{kind}/{id}", s.requireComms(s.planModerate))
	h("GET /action-plan/manage/suspect", s.requireAbuse(s.planSuspect))
	h("POST /action-plan/manage/suspect", s.requireAbuse(s.planInvalidate))
	h("POST /action-plan/manage/blocked", s.requireAbuse(s.planBlock))
	h("GET /action-plan/manage/signatures.csv", s.requireComms(s.planSignaturesCSV))
	h("GET /admin/action-plan", s.requireAdmin(s.orgPlan))
	h("POST /admin/action-plan", s.requireAdmin(s.orgPlanOptIn))
}

// isComms reports whether the person works in the charity's communications
// role, in the operator organisation: they run the Action Plan and the
// newsletter.
func isComms(ctx context.Context) bool {
	o := currentOrg(ctx)
	return o != nil && o.Operator && lightbulb.ActorFrom(ctx).Has(lightbulb.RoleComms)
}

func (s *Server) requireComms(fn http.HandlerFunc) http.HandlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) {
		if !isComms(r.Context()) {
			s.errorPage(w, r, http.StatusForbidden)
			return
		}
		fn(w, r)
	})
}

// requireAbuse lets the communications role and platform admins reach the
// tools against abuse: counting and invalidating suspect sign-ups, and
// blocking domains.
func (s *Server) requireAbuse(fn http.HandlerFunc) http.HandlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) {
		if a := lightbulb.ActorFrom(r.Context()); !isComms(r.Context()) && !a.PlatformAdmin {
			s.errorPage(w, r, http.StatusForbidden)
			return
		}
		fn(w, r)
	})
}

// roleActions is one role's numbered actions, for the public page and the
// sign-up form.
type roleActions struct {
	Role    string
	Actions []*lightbulb.ActionItem
	Signed  int
}

// planView is what the public Action Plan pages show.
type planView struct {
	Roles     []roleActions
	Counts    *lightbulb.PlanCounts
	Nations   []string
	Published []*lightbulb.Moderated
	EasyRead  bool
}

func (s *Server) planView(ctx context.Context) (*planView, error) {
	all, err := s.ActionPlan.FindActionItems(ctx, "", false)
	if err != nil {
		return nil, err
	}
	c, err := s.ActionPlan.PlanCounts(ctx)
	if err != nil {
		return nil, err
	}
	pub, err := s.ActionPlan.FindPublished(ctx, 6)
	if err != nil {
		return nil, err
	}
	v := &planView{Counts: c, Nations: lightbulb.Nations, Published: pub}
	for _, role := range lightbulb.PlanRoles {
		ra := roleActions{Role: role, Signed: c.ByRole[role]}
		for _, a := range all {
			if a.Role == role {
				ra.Actions = append(ra.Actions, a)
			}
		}
		v.Roles = append(v.Roles, ra)
	}
	return v, nil
}

func (s *Server) actionPlanPage(easy bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := s.planView(r.Context())
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		v.EasyRead = easy
		title := "The Human Rights Action Plan"
		if easy {
			title = "The Human Rights Action Plan: Easy Read"
		}
		s.render(w, r, http.StatusOK, "actionplan", s.newPage(r, title, v))
	}
}

// signView is the sign-up form: the role chosen (none yet shows the choice
// of role first, so the form works without JavaScript) and its actions.
type signView struct {
	Role             string
	Actions          []*lightbulb.ActionItem
	Orgs             []lightbulb.PlanOrg
	Nations          []string
	LocalAuthorities map[string][]string
}

func (s *Server) signPage(r *http.Request, role string) (*Page, error) {
	v := &signView{Nations: lightbulb.Nations, LocalAuthorities: lightbulb.LocalAuthorities}
	for _, x := range lightbulb.PlanRoles {
		if x == role {
			v.Role = role
		}
	}
	if v.Role != "" {
		as, err := s.ActionPlan.FindActionItems(r.Context(), v.Role, false)
		if err != nil {
			return nil, err
		}
		v.Actions = as
	}
	if v.Role == lightbulb.PlanPublicBody {
		orgs, err := s.ActionPlan.PlanOrgs(r.Context())
		if err != nil {
			return nil, err
		}
		v.Orgs = orgs
	}
	p := s.newPage(r, "Sign the Human Rights Action Plan", v)
	p.Form.Set("role", v.Role)
	return p, nil
}

func (s *Server) signForm(w http.ResponseWriter, r *http.Request) {
	p, err := s.signPage(r, r.URL.Query().Get("role"))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if r.URL.Query().Has("role") && p.Form.Get("role") == "" {
		p.Errors = []*lightbulb.Error{lightbulb.FieldError("role", p.T("Choose who you are signing as"))}
	}
	p.Form.Set("checkins", "yes")
	s.render(w, r, http.StatusOK, "actionplan_sign", p)
}

func (s *Server) sign(w http.ResponseWriter, r *http.Request) {
	if !s.perAddr.allow("ip:" + clientIP(r)) {
		s.errorPage(w, r, http.StatusTooManyRequests)
		return
	}
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	p, err := s.signPage(r, f.Text("role"))
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p.Form = r.PostForm
	req := &lightbulb.SignRequest{Role: f.Text("role"), OwnAction: f.Text("own_action"), Name: f.Text("name"), Email: f.Text("email"),
		Organisation: f.Text("organisation"), Nation: f.Text("nation"), LocalAuthority: f.Text("local_authority"),
		Checkins: f.Text("checkins") == "yes", Lang: p.Lang, Suspect: s.public.suspect(r, f.Text("website")), OrgID: parseID(f.Text("org"))}
	for _, id := range r.PostForm["actions"] {
		if n := parseID(id); n > 0 {
			req.Actions = append(req.Actions, n)
		}
	}
	s.emailedLinkForm(w, r, "actionplan_sign", "actionplan_check_email", p, req.Email, req.Validate(),
		func() error { return s.ActionPlan.Sign(r.Context(), req) })
}

// emailedLinkForm finishes a public form that emails a link to confirm:
// valid answers pass the address's limits (a few forms a minute, a few
// emails a day), save runs, and the person is told to check their email;
// any problem shows the form (tmpl, page p) again with its answers.
func (s *Server) emailedLinkForm(w http.ResponseWriter, r *http.Request, tmpl, checkTmpl string, p *Page, email string, invalid error, save func() error) {
	err := invalid
	if err == nil && !s.mailGate(w, r, tmpl, p, email) {
		return
	}
	if err == nil {
		err = save()
	}
	if err != nil {
		s.formError(w, r, tmpl, p, err)
		return
	}
	s.wakeJobs()
	s.render(w, r, http.StatusOK, checkTmpl, s.newPage(r, "Check your email", email))
}

// badLink answers a link from an email that matches nothing: a page that
// says what may have happened and what to do, never a bare 404.
func (s *Server) badLink(w http.ResponseWriter, r *http.Request, err error) {
	if lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
		s.appError(w, r, err)
		return
	}
	s.render(w, r, http.StatusNotFound, "actionplan_bad_link", s.newPage(r, "This link does not work", nil))
}

// signature is where the confirmation link opens; its button confirms
// (signatureConfirm), never the link alone, so mail scanners confirm nothing.
func (s *Server) signature(w http.ResponseWriter, r *http.Request) {
	tokenPage(s, w, r, s.ActionPlan.FindSignature, "actionplan_signature", "Your Action Plan")
}

func (s *Server) signatureConfirm(w http.ResponseWriter, r *http.Request) {
	tokenAction(s, w, r, s.ActionPlan.ConfirmSignature, "/action-plan/signatures/", "Thank you. You have signed the Human Rights Action Plan.")
}

// tokenPage shows what the token in an emailed link finds, or the page
// for a link that does not work.
func tokenPage[T any](s *Server, w http.ResponseWriter, r *http.Request, find func(context.Context, string) (T, error), name, title string) {
	x, err := find(r.Context(), r.PathValue("token"))
	if err != nil {
		s.badLink(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, name, s.newPage(r, title, x))
}

// tokenAction does what a button on an emailed link's page does, then
// shows the page again with msg.
func tokenAction[T any](s *Server, w http.ResponseWriter, r *http.Request, act func(context.Context, string) (T, error), page, msg string) {
	if _, err := act(r.Context(), r.PathValue("token")); err != nil {
		s.badLink(w, r, err)
		return
	}
	s.wakeJobs()
	s.flash(r, msg)
	http.Redirect(w, r, page+r.PathValue("token"), http.StatusSeeOther)
}

// parseID reads a chosen item's id; anything else is 0.
func parseID(v string) int64 {
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}
