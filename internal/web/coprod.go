package web

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// coprodRoutes registers co-production: a co-production lead's pages under
// /coproduction and an expert's own under /coproduction/me.
func (s *Server) coprodRoutes(h func(string, http.HandlerFunc)) {
	h("GET /coproduction", s.requireCoprod(s.coprodHome))
	h("GET /coproduction/involvements/new", s.requireCoprod(s.coprodInvolvementForm))
	h("POST /coproduction/involvements", s.requireCoprod(s.coprodInvolvementCreate))
	h("GET /coproduction/involvements/{id}", s.requireCoprod(s.coprodInvolvement))
	h("GET /coproduction/indicators", s.requireCoprod(s.coprodIndicators))
	h("POST /coproduction/involvements/{id}/claims", s.requireCoprod(s.coprodClaimFor))
	h("POST /coproduction/involvements/{id}/offers", s.requireCoprod(s.coprodOfferPlace))
	h("POST /coproduction/me/opportunities/{id}", s.requireExpert(s.coprodAskToJoin))
	h("GET /coproduction/rates", s.requireCoprod(s.coprodRates))
	h("GET /coproduction/checks", s.requireCoprod(s.coprodChecks))
	h("POST /coproduction/checks", s.requireCoprod(s.coprodCheckAdd))
	h("POST /coproduction/rates", s.requireCoprod(s.coprodRateAdd))
	h("POST /coproduction/settings", s.requireCoprod(s.coprodSettings))
	h("POST /coproduction/claims/{id}/approve", s.requireCoprod(s.coprodApprove))
	h("POST /coproduction/claims/{id}/paid", s.requireCoprod(s.coprodPaid))
	h("GET /coproduction/claims.csv", s.requireCoprod(s.coprodClaimsCSV))
	h("GET /coproduction/receipts/{id}", s.requireUser(s.coprodReceipt))
	h("GET /coproduction/follow-ups/{id}", s.requireCoprod(s.coprodFollowUp))
	h("POST /coproduction/follow-ups/{id}", s.requireCoprod(s.coprodFollowUpDone))
	h("POST /coproduction/quotes", s.requireCoprod(s.coprodAskQuote))
	h("POST /coproduction/room", s.requireCoprod(s.coprodRoomNote))
	h("POST /coproduction/me/quotes/{id}", s.requireExpert(s.coprodAnswerQuote))
	h("GET /coproduction/me", s.requireExpert(s.coprodMe))
	h("GET /coproduction/me/profile", s.requireExpert(s.coprodProfileForm))
	h("GET /coproduction/me/export", s.requireExpert(s.coprodExport))
	h("POST /coproduction/me/profile", s.requireExpert(s.coprodProfileSave))
	h("POST /coproduction/me/follow-up", s.requireExpert(s.coprodAskFollowUp))
	h("GET /coproduction/me/invitations/{id}", s.requireExpert(s.coprodInvite))
	h("POST /coproduction/me/invitations/{id}", s.requireExpert(s.coprodRespond))
	h("POST /coproduction/me/invitations/{id}/claim", s.requireExpert(s.coprodClaim))
	s.coprodResourceRoutes(h)
}

// requireRole allows people holding role in the current organisation.
func (s *Server) requireRole(role lightbulb.Role, fn http.HandlerFunc) http.HandlerFunc {
	return s.requireUser(func(w http.ResponseWriter, r *http.Request) {
		if currentOrg(r.Context()) == nil || !lightbulb.ActorFrom(r.Context()).Has(role) {
			s.errorPage(w, r, http.StatusForbidden)
			return
		}
		fn(w, r)
	})
}

// postedPathID reads the id in the path of a posted form and the form; it
// answers a bad id or an unreadable form itself and returns false.
func (s *Server) postedPathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return 0, false
	}
	return id, s.readForm(w, r)
}

// requireCoprod allows the organisation's co-production leads.
func (s *Server) requireCoprod(fn http.HandlerFunc) http.HandlerFunc {
	return s.requireRole(lightbulb.RoleCoproduction, fn)
}

// requireExpert allows the organisation's lived experience experts.
func (s *Server) requireExpert(fn http.HandlerFunc) http.HandlerFunc {
	return s.requireRole(lightbulb.RoleExpert, fn)
}

// coprodHomeView is the lead's home page.
type coprodHomeView struct {
	*lightbulb.CoprodHome
	Now       time.Time
	From, To  string // the default period of the payment export
	Overdue   int
	Supported int            // follow-ups still to do
	Today     lightbulb.Date // the day "mark paid today" records
	// LateClaims have waited longer than Target working days.
	LateClaims, Target int
	Quotes             []*lightbulb.Quote
	Experts            []*lightbulb.ExpertProfile
	Room               *lightbulb.RoomNote
}

func (s *Server) coprodHome(w http.ResponseWriter, r *http.Request) {
	s.coprodHomeWith(w, r, nil)
}

// coprodHomeWith renders the lead's home, with the errors of a form on it.
func (s *Server) coprodHomeWith(w http.ResponseWriter, r *http.Request, formErr error) {
	v, err := s.coprodHomeView(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newPage(r, "Co-production", v)
	if formErr != nil {
		p.Form = r.PostForm
		s.formError(w, r, "coprod_home", p, formErr)
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.home", "co-production", "")
	s.render(w, r, http.StatusOK, "coprod_home", p)
}

func (s *Server) coprodHomeView(r *http.Request) (*coprodHomeView, error) {
	h, err := s.Coprod.Home(r.Context())
	if err != nil {
		return nil, err
	}
	st, err := s.Coprod.Settings(r.Context())
	if err != nil {
		return nil, err
	}
	now := lightbulb.Now()
	v := &coprodHomeView{CoprodHome: h, Now: now, Supported: len(h.FollowUps), Today: lightbulb.DateOf(now),
		Target: st.PayTargetDays}
	for _, f := range h.FollowUps {
		if f.Overdue(now) {
			v.Overdue++
		}
	}
	for _, c := range h.Claims {
		if c.Late(now, v.Target) {
			v.LateClaims++
		}
	}
	first := time.Date(now.In(lightbulb.London).Year(), now.In(lightbulb.London).Month(), 1, 0, 0, 0, 0, lightbulb.London)
	v.From, v.To = first.Format(time.DateOnly), first.AddDate(0, 1, 0).Format(time.DateOnly)
	if v.Quotes, err = s.Coprod.Quotes(r.Context()); err != nil {
		return nil, err
	}
	if v.Experts, err = s.Coprod.Experts(r.Context()); err != nil {
		return nil, err
	}
	v.Room, err = s.Coprod.RoomNote(r.Context())
	return v, err
}

// involvementFormView is the form to post an involvement.
type involvementFormView struct {
	Draft   *lightbulb.Involvement // a training session or review it is for
	Experts []*lightbulb.ExpertProfile
	Leads   []*lightbulb.Member
	Checks  []*lightbulb.ExpertChecks
	Renewal int
	Hints   map[int64]string // each expert's checks, by their id
}

// newInvolvementPage is the page of the form, with each expert's checks
// described in the page's language.
func (s *Server) newInvolvementPage(r *http.Request, v *involvementFormView) *Page {
	p := s.newPage(r, "Post an involvement", v)
	v.Hints = checkHints(p, v.Checks, v.Renewal)
	return p
}

func (s *Server) involvementForm(r *http.Request) (*involvementFormView, error) {
	experts, err := s.Coprod.Experts(r.Context())
	if err != nil {
		return nil, err
	}
	members, err := s.Users.FindMembers(r.Context())
	if err != nil {
		return nil, err
	}
	v := &involvementFormView{Experts: experts}
	if v.Checks, err = s.Coprod.Checks(r.Context()); err != nil {
		return nil, err
	}
	st, err := s.Coprod.Settings(r.Context())
	if err != nil {
		return nil, err
	}
	v.Renewal = st.RenewalDays
	for _, m := range members {
		for _, role := range m.Roles {
			if role == lightbulb.RoleCoproduction {
				v.Leads = append(v.Leads, m)
			}
		}
	}
	return v, nil
}

func (s *Server) coprodInvolvementForm(w http.ResponseWriter, r *http.Request) {
	v, err := s.involvementForm(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newInvolvementPage(r, v)
	for _, kind := range []string{lightbulb.LinkSession, lightbulb.LinkReview} {
		if id, err := strconv.ParseInt(r.URL.Query().Get(kind), 10, 64); err == nil {
			if v.Draft, err = s.Coprod.LinkDraft(r.Context(), kind, id); err != nil {
				s.appError(w, r, err)
				return
			}
			p.Form = draftForm(v.Draft)
		}
	}
	s.render(w, r, http.StatusOK, "coprod_involvement_form", p)
}

// draftForm fills the involvement form from a draft for a training session
// or review.
func draftForm(d *lightbulb.Involvement) url.Values {
	day := lightbulb.DateOf(d.StartsAt)
	f := url.Values{"title": {d.Title}, "activity": {d.Activity}, "level": {d.Level},
		"date-day": {strconv.Itoa(day.Day)}, "date-month": {strconv.Itoa(int(day.Month))}, "date-year": {strconv.Itoa(day.Year)},
		"session": {strconv.FormatInt(d.TrainingSessionID, 10)}, "review": {strconv.FormatInt(d.ReviewID, 10)}}
	if d.Minutes > 0 {
		f.Set("time", d.Clock())
		f.Set("hours-hours", strconv.Itoa(d.Minutes/60))
		f.Set("hours-minutes", strconv.Itoa(d.Minutes%60))
	}
	return f
}

func (s *Server) coprodInvolvementCreate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	v, err := s.involvementForm(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	p := s.newInvolvementPage(r, v)
	p.Form = r.PostForm
	f := formOf(r)
	inv := &lightbulb.Involvement{Title: f.Text("title"), Place: f.Text("place"), Access: f.Text("access"),
		Activity:   f.Choice("activity", "Activity", lightbulb.CoprodActivities...),
		Level:      f.Choice("level", "Level", lightbulb.CoprodLevels...),
		Topics:     f.Checks("topics", "Topics", 0, lightbulb.CoprodTopics...),
		NeedsCheck: f.Choice("needs_check", "Check needed", append([]string{"none"}, lightbulb.CheckKinds...)...),
		LeadID:     learnUser(r), SupporterID: f.ID("supporter"), TrainingSessionID: f.ID("session"), ReviewID: f.ID("review")}
	inv.Open = f.Text("open") == "yes"
	if inv.NeedsCheck == "none" {
		inv.NeedsCheck = ""
	}
	day := f.Date("date", "Day of the session")
	clock := f.Clock("time", "Start time")
	inv.Minutes = f.Minutes("hours", "How long the session lasts")
	inv.PrepMinutes = f.Minutes("prep", "Preparation time")
	inv.FollowMinutes = f.Minutes("follow", "Follow-up time")
	if !day.IsZero() {
		inv.StartsAt = day.In(lightbulb.London).Add(clock)
	}
	var experts []int64
	for _, id := range r.PostForm["experts"] {
		var n int64
		if _, err := fmt.Sscan(id, &n); err == nil {
			experts = append(experts, n)
		}
	}
	err = f.Err(inv.Validate())
	skipped := 0
	if err == nil {
		skipped, err = s.Coprod.CreateInvolvement(r.Context(), inv, experts)
	}
	if err != nil {
		s.formError(w, r, "coprod_involvement_form", p, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.involvement.create", fmt.Sprintf("involvement %d", inv.ID), fmt.Sprintf("%d invited", len(experts)-skipped))
	if skipped > 0 {
		s.flash(r, "The involvement is posted. %d people were not invited because they are not taking part in its topics just now.", skipped)
	} else {
		s.flash(r, "The involvement is posted and the experts you chose are invited.")
	}
	http.Redirect(w, r, fmt.Sprintf("/coproduction/involvements/%d", inv.ID), http.StatusSeeOther)
}

func (s *Server) coprodInvolvement(w http.ResponseWriter, r *http.Request) {
	s.renderInvolvement(w, r, nil)
}

// renderInvolvement shows an involvement, with the errors of the form to
// record time for an expert.
func (s *Server) renderInvolvement(w http.ResponseWriter, r *http.Request, formErr error) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	inv, err := s.Coprod.Involvement(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p := s.newPage(r, inv.Title, inv)
	if formErr != nil {
		p.Form = r.PostForm
		s.formError(w, r, "coprod_involvement", p, formErr)
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.involvement.view", fmt.Sprintf("involvement %d", id), "")
	s.render(w, r, http.StatusOK, "coprod_involvement", p)
}

// coprodClaimFor records time and expenses for an expert who took part,
// by a lead on their behalf.
func (s *Server) coprodClaimFor(w http.ResponseWriter, r *http.Request) {
	id, ok := s.postedPathID(w, r)
	if !ok {
		return
	}
	f := formOf(r)
	invite := f.ID("invite")
	c := &lightbulb.Claim{Minutes: f.Minutes("hours", "Time they spent"), ExpensesPence: f.Pence("expenses", "Expenses"),
		ExpensesNote: f.Text("expenses_note"), RecordedBy: learnUser(r)}
	inv, err := s.Coprod.Involvement(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	if !slices.ContainsFunc(inv.Invites, func(in *lightbulb.Invite) bool { return in.ID == invite }) {
		f.Add("invite", "Choose who you are recording time for")
	}
	err = f.Err(c.Validate())
	if err == nil {
		err = s.Coprod.RecordClaim(r.Context(), invite, c)
	}
	if err != nil {
		s.renderInvolvement(w, r, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.claim.record", fmt.Sprintf("claim %d", c.ID), fmt.Sprintf("%d minutes, for the expert", c.Minutes))
	s.flash(r, "The time is recorded. Someone else must approve it.")
	http.Redirect(w, r, fmt.Sprintf("/coproduction/involvements/%d", id), http.StatusSeeOther)
}

func (s *Server) coprodRates(w http.ResponseWriter, r *http.Request) {
	s.renderRates(w, r, http.StatusOK, nil)
}

// ratesView is the rates page: every rate version and the settings.
type ratesView struct {
	Rates    []*lightbulb.CoprodRate
	Settings *lightbulb.CoprodSettings
}

func (s *Server) renderRates(w http.ResponseWriter, r *http.Request, status int, err error) {
	rates, rerr := s.Coprod.Rates(r.Context())
	if rerr != nil {
		s.serverError(w, r, rerr)
		return
	}
	st, rerr := s.Coprod.Settings(r.Context())
	if rerr != nil {
		s.serverError(w, r, rerr)
		return
	}
	p := s.newPage(r, "Rates for experts' time", &ratesView{Rates: rates, Settings: st})
	if err != nil {
		p.Form = r.PostForm
		s.formError(w, r, "coprod_rates", p, err)
		return
	}
	s.render(w, r, status, "coprod_rates", p)
}

func (s *Server) coprodRateAdd(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	rate := &lightbulb.CoprodRate{Level: f.Choice("level", "Level", lightbulb.CoprodLevels...),
		Pence: f.Pence("pence", "Pay rate"), Unit: f.Choice("unit", "Rate for", lightbulb.RateUnits...),
		StartsOn: f.Date("starts_on", "Starts on").String()}
	if rate.Unit == "" && f.Text("unit") == "" {
		f.Add("unit", "Choose whether the rate is for an hour, a half day or a day")
	}
	err := f.Err()
	if err == nil {
		err = s.Coprod.AddRate(r.Context(), rate)
	}
	if err != nil {
		s.renderRates(w, r, http.StatusUnprocessableEntity, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.rate.add", "rate "+rate.Level, fmt.Sprintf("%d pence a %s from %s", rate.Pence, rate.Unit, rate.StartsOn))
	s.flash(r, "The new rate is saved.")
	http.Redirect(w, r, "/coproduction/rates", http.StatusSeeOther)
}

func (s *Server) coprodSettings(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	st := &lightbulb.CoprodSettings{SecondAbovePence: f.Pence("second_above", "Second approver above")}
	st.PayTargetDays, _ = f.Int("pay_target", "Payment target", 1, lightbulb.MaxPayTargetDays)
	renewal, ok := f.Int("renewal_days", "Renewal window", 0, lightbulb.MaxRenewalDays)
	st.RenewalDays = renewal
	if !ok && f.Text("renewal_days") == "" {
		st.RenewalDays = -1 // blank: the domain asks for a number
	}
	err := f.Err(st.Validate())
	if err == nil {
		err = s.Coprod.SaveSettings(r.Context(), st)
	}
	if err != nil {
		s.renderRates(w, r, http.StatusUnprocessableEntity, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.settings", "co-production settings", fmt.Sprintf("second approver above %d pence, pay within %d working days, renewal window %d days",
		st.SecondAbovePence, st.PayTargetDays, st.RenewalDays))
	s.flash(r, "The settings are saved.")
	http.Redirect(w, r, "/coproduction/rates", http.StatusSeeOther)
}
