package web

import (
	"fmt"
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// reviewRoutes registers the Traffic Light reviews: running them, their
// results and actions, the roll-up and sharing it with a commissioner.
func (s *Server) reviewRoutes(h func(string, http.HandlerFunc)) {
	h("GET /reviews", s.requireUser(s.reviewsIndex))
	h("GET /reviews/new", s.requireLead(s.reviewNew))
	h("POST /reviews", s.requireLead(s.reviewCreate))
	h("GET /reviews/grid", s.requireLead(s.reviewGrid))
	h("GET /reviews/sharing", s.requireLead(s.reviewSharing))
	h("POST /reviews/sharing", s.requireLead(s.reviewShare))
	h("POST /reviews/sharing/revoke", s.requireLead(s.reviewRevoke))
	h("GET /reviews/{id}", s.requireUser(s.reviewPage))
	h("POST /reviews/{id}/contributors", s.requireLead(s.reviewInvite))
	h("GET /reviews/{id}/rate", s.requireUser(s.reviewRateForm))
	h("POST /reviews/{id}/rate", s.requireUser(s.reviewRate))
	h("GET /reviews/{id}/agree", s.requireLead(s.reviewAgreeForm))
	h("POST /reviews/{id}/agree", s.requireLead(s.reviewAgree))
	h("POST /reviews/{id}/agree/accept", s.requireLead(s.reviewAcceptAgreed))
	s.voiceRoutes(h)
	h("GET /reviews/{id}/actions/new", s.requireLead(s.actionNew))
	h("POST /reviews/{id}/actions", s.requireLead(s.actionCreate))
	h("POST /reviews/{id}/actions/{aid}", s.requireUser(s.actionStatus))
	h("GET /reviews/actions", s.requireUser(s.myActions))
	h("GET /reviews/{id}/actions.csv", s.requireLead(s.actionsCSV))
	h("GET /reviews/{id}/actions.pdf", s.requireLead(s.actionsPDF))
	h("GET /shared/reviews", s.requireCommissioner(s.sharedIndex))
	h("GET /shared/reviews/{org}", s.requireCommissioner(s.sharedGrid))
	h("GET /admin/framework", s.requirePlatform(s.adminFramework))
	h("GET /admin/framework/{code}", s.requirePlatform(s.adminStatementEdit))
	h("POST /admin/framework/{code}", s.requirePlatform(s.adminStatementUpdate))
}

// requireLead allows people with the lead role in the current organisation.
func (s *Server) requireLead(fn http.HandlerFunc) http.HandlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) {
		if !lightbulb.ActorFrom(r.Context()).Has(lightbulb.RoleLead) {
			s.errorPage(w, r, http.StatusForbidden)
			return
		}
		fn(w, r)
	})
}

// requireCommissioner allows commissioners working in a commissioning
// organisation.
func (s *Server) requireCommissioner(fn http.HandlerFunc) http.HandlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) {
		o := currentOrg(r.Context())
		if o == nil || o.Kind != lightbulb.KindCommissioner || !lightbulb.ActorFrom(r.Context()).Has(lightbulb.RoleCommissioner) {
			s.errorPage(w, r, http.StatusForbidden)
			return
		}
		fn(w, r)
	})
}

func (s *Server) reviewsIndex(w http.ResponseWriter, r *http.Request) {
	a := lightbulb.ActorFrom(r.Context())
	f := lightbulb.ReviewFilter{}
	if !a.Has(lightbulb.RoleLead) {
		f.ContributorID = a.UserID
	}
	if currentOrg(r.Context()) == nil {
		s.errorPage(w, r, http.StatusForbidden)
		return
	}
	rs, err := s.Reviews.FindReviews(r.Context(), f)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	inv, err := s.Reviews.MyInvitations(r.Context())
	if err != nil {
		s.appError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "reviews_index", s.newPage(r, "Traffic Light reviews", map[string]any{"Reviews": rs, "Invitations": inv}))
}

func (s *Server) reviewNew(w http.ResponseWriter, r *http.Request) {
	p, err := s.reviewNewPage(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p.Form.Set("scope", "service")
	s.render(w, r, http.StatusOK, "review_new", p)
}

// reviewNewPage is the form that starts a review, offering the
// organisation's units.
func (s *Server) reviewNewPage(r *http.Request) (*Page, error) {
	us, err := s.Units.FindUnits(r.Context())
	return s.newPage(r, "Start a review", map[string]any{"Units": us}), err
}

func (s *Server) reviewCreate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	p, err := s.reviewNewPage(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p.Form = r.PostForm
	f := formOf(r)
	scope := f.Choice("scope", "What are you reviewing?", "service", "organisation")
	rv := &lightbulb.Review{UnitID: f.ID("unit"), WholeOrg: scope == "organisation",
		PeriodStart: f.Date("start", "Start of the period").Time(), PeriodEnd: f.Date("end", "End of the period").Time()}
	if scope == "" {
		f.Add("scope", "Select whether you are reviewing one service or the whole organisation")
	}
	if err := f.Err(rv.Validate()); err != nil {
		s.formError(w, r, "review_new", p, err)
		return
	}
	if err := s.Reviews.CreateReview(r.Context(), rv); err != nil {
		s.formError(w, r, "review_new", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "review.create", reviewTarget(rv), "")
	s.flash(r, "Your review has started. Invite the people who will rate it.")
	http.Redirect(w, r, fmt.Sprintf("/reviews/%d", rv.ID), http.StatusSeeOther)
}

func reviewTarget(rv *lightbulb.Review) string {
	return fmt.Sprintf("review %d: %s", rv.ID, rv.Subject)
}

// reviewAccess loads the review in the path and says whether the actor may
// see it: a lead of the organisation, or a person invited to it.
func (s *Server) reviewAccess(w http.ResponseWriter, r *http.Request) (*lightbulb.Review, []lightbulb.Contributor, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, nil, false
	}
	rv, err := s.Reviews.FindReview(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return nil, nil, false
	}
	cs, err := s.Reviews.Contributors(r.Context(), id)
	if err != nil {
		s.serverError(w, r, err)
		return nil, nil, false
	}
	a := lightbulb.ActorFrom(r.Context())
	if !a.Has(lightbulb.RoleLead) && invited(cs, a.UserID) == nil {
		s.errorPage(w, r, http.StatusForbidden)
		return nil, nil, false
	}
	return rv, cs, true
}

func invited(cs []lightbulb.Contributor, userID int64) *lightbulb.Contributor {
	for i := range cs {
		if cs[i].UserID == userID {
			return &cs[i]
		}
	}
	return nil
}

// reviewData gathers what the review page shows.
func (s *Server) reviewData(r *http.Request, rv *lightbulb.Review, cs []lightbulb.Contributor) (map[string]any, error) {
	ctx := r.Context()
	fw, err := s.Reviews.FindFramework(ctx, rv.FrameworkID)
	if err != nil {
		return nil, err
	}
	finals, err := s.Reviews.Finals(ctx, rv.ID)
	if err != nil {
		return nil, err
	}
	a := lightbulb.ActorFrom(ctx)
	d := map[string]any{"Review": rv, "Framework": fw, "FrameworkNameCy": frameworkNameCy(fw), "Contributors": cs, "Finals": finals, "IsLead": a.Has(lightbulb.RoleLead),
		"Invited": invited(cs, a.UserID) != nil, "Kinds": lightbulb.ContributorKinds}
	counts := lightbulb.Summarise(fw, finals)
	d["Counts"], d["Chart"] = counts, ratingsChart(i18n.FromRequest(r), fw, counts)
	if a.Has(lightbulb.RoleLead) {
		if d["Members"], err = s.Users.FindMembers(ctx); err != nil {
			return nil, err
		}
		if d["Actions"], err = s.Reviews.FindActions(ctx, rv.ID); err != nil {
			return nil, err
		}
		if d["Voices"], err = s.Voices.Voices(ctx, rv.ID); err != nil {
			return nil, err
		}
		d["Langs"] = lightbulb.Languages
	}
	d["Now"] = lightbulb.Now()
	if d["Experts"], err = s.linked(r, ctx, lightbulb.LinkReview, rv.ID); err != nil {
		return nil, err
	}
	prev, err := s.Reviews.PreviousReview(ctx, rv)
	if lightbulb.ErrorCode(err) == lightbulb.ENOTFOUND {
		return d, nil
	} else if err != nil {
		return nil, err
	}
	before, err := s.Reviews.Finals(ctx, prev.ID)
	if err != nil {
		return nil, err
	}
	changes := lightbulb.Compare(fw, finals, before)
	moved := map[string]int{}
	for _, c := range changes {
		moved[c.Direction]++
	}
	d["Previous"], d["Changes"], d["Moved"] = prev, changes, moved
	return d, nil
}

func (s *Server) reviewPage(w http.ResponseWriter, r *http.Request) {
	if s.switchForLink(w, r) {
		return
	}
	rv, cs, ok := s.reviewAccess(w, r)
	if !ok {
		return
	}
	_ = s.Audit.Record(r.Context(), "review.view", reviewTarget(rv), "")
	s.showReview(w, r, rv, cs, nil)
}

// showReview renders the review page, with an error from the invite form.
func (s *Server) showReview(w http.ResponseWriter, r *http.Request, rv *lightbulb.Review, cs []lightbulb.Contributor, ferr error) {
	d, err := s.reviewData(r, rv, cs)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, "", d)
	p.Title = rv.Subject
	if ferr != nil {
		if !s.readForm(w, r) {
			return
		}
		p.Form = r.PostForm
		s.formError(w, r, "review_page", p, ferr)
		return
	}
	s.render(w, r, http.StatusOK, "review_page", p)
}

// reviewInvite adds a contributor to a draft review.
func (s *Server) reviewInvite(w http.ResponseWriter, r *http.Request) {
	rv, cs, ok := s.reviewAccess(w, r)
	if !ok {
		return
	}
	if !s.readForm(w, r) {
		return
	}
	uid, _ := strconv.ParseInt(r.PostFormValue("person"), 10, 64)
	c := lightbulb.Contributor{UserID: uid, Kind: lightbulb.ContributorKind(r.PostFormValue("kind"))}
	if uid == 0 {
		s.showReview(w, r, rv, cs, lightbulb.FieldError("person", "Select a person in your organisation"))
		return
	}
	if err := s.Reviews.AddContributor(r.Context(), rv.ID, c); err != nil {
		s.showReview(w, r, rv, cs, err)
		return
	}
	m, err := s.Users.FindMember(r.Context(), uid)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "review.invite", reviewTarget(rv), m.User.Email+" as "+string(c.Kind))
	s.flash(r, "%s has been invited to contribute.", m.User.Name)
	http.Redirect(w, r, fmt.Sprintf("/reviews/%d", rv.ID), http.StatusSeeOther)
}
