package web

import (
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// The expert's own pages: everything on them is theirs, found by their own
// account, so nobody else's records can be reached from here.

// coprodMeView is the expert's own page.
type coprodMeView struct {
	*lightbulb.ExpertRecords
	Quotes  []*lightbulb.Quote
	Credits []*lightbulb.Resource // resources they are credited on
	Today   string                // for the state of their checks
	Renewal int
}

func (s *Server) coprodMe(w http.ResponseWriter, r *http.Request) {
	recs, err := s.Coprod.MyRecords(r.Context(), learnUser(r))
	if err != nil {
		s.appError(w, r, err)
		return
	}
	st, err := s.Coprod.Settings(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := &coprodMeView{ExpertRecords: recs, Today: lightbulb.Today(lightbulb.Now()), Renewal: st.RenewalDays}
	if v.Credits, err = s.Coprod.MyCredits(r.Context(), learnUser(r)); err != nil {
		s.serverError(w, r, err)
		return
	}
	if v.Quotes, err = s.Coprod.MyQuotes(r.Context(), learnUser(r)); err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "coprod_me", s.newPage(r, "Your co-production", v))
}

// profileForm fills the profile form from a saved profile.
func profileForm(p *lightbulb.ExpertProfile) map[string][]string {
	yes := func(b bool) []string {
		if b {
			return []string{"yes"}
		}
		return nil
	}
	v := map[string][]string{"preferred_name": {p.PreferredName}, "phone": {p.Phone}, "contact_by": {p.ContactBy},
		"format": {p.Format}, "breaks": {p.Breaks}, "captions": {p.Captions}, "easy_read": {p.EasyRead},
		"avoid_times": {p.AvoidTimes}, "avoid_times_prefer_not": yes(p.AvoidTimesPreferNot), "paused": yes(p.Paused),
		"topics": p.OptOutTopics, "pay_pref": {p.PayPref}, "charity": {p.Charity}, "cap_period": {p.CapPeriod},
		"public_sector": yes(p.PublicSector), "groups": p.Groups}
	for name, on := range map[string]bool{"credit": p.CreditByName, "quote_internal": p.QuoteInternal, "quote_public": p.QuotePublic, "recording": p.Recording} {
		if on {
			v["consents"] = append(v["consents"], name)
		}
	}
	slices.Sort(v["consents"])
	v["reduced"], v["cap"] = []string{poundsField(p.ReducedPence)}, []string{poundsField(p.CapPence)}
	return v
}

func (s *Server) coprodProfileForm(w http.ResponseWriter, r *http.Request) {
	p, err := s.Coprod.Profile(r.Context(), learnUser(r))
	if err != nil {
		s.appError(w, r, err)
		return
	}
	page := s.newPage(r, "Your profile", p)
	page.Form = profileForm(p)
	s.render(w, r, http.StatusOK, "coprod_profile", page)
}

func (s *Server) coprodProfileSave(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	consents := f.Checks("consents", "What you agree to", 0, "credit", "quote_internal", "quote_public", "recording")
	p := &lightbulb.ExpertProfile{UserID: learnUser(r), PreferredName: f.Text("preferred_name"), Phone: f.Text("phone"),
		ContactBy: f.Choice("contact_by", "How to contact you", "email", "phone"),
		Format:    f.Choice("format", "Papers in", lightbulb.ExpertFormats...),
		Breaks:    f.Choice("breaks", "Breaks", lightbulb.NeedAnswers...), Captions: f.Choice("captions", "Captions", lightbulb.NeedAnswers...),
		EasyRead: f.Choice("easy_read", "Easy Read", lightbulb.NeedAnswers...), AvoidTimes: f.Text("avoid_times"),
		AvoidTimesPreferNot: f.Text("avoid_times_prefer_not") == "yes",
		CreditByName:        slices.Contains(consents, "credit"), QuoteInternal: slices.Contains(consents, "quote_internal"),
		QuotePublic: slices.Contains(consents, "quote_public"), Recording: slices.Contains(consents, "recording"),
		Paused: f.Text("paused") == "yes", OptOutTopics: f.Checks("topics", "Topics", 0, lightbulb.CoprodTopics...),
		PayPref: f.Choice("pay_pref", "How you would like to be paid", lightbulb.PayPrefs...), Charity: f.Text("charity"),
		ReducedPence: f.Pence("reduced", "Lower amount"), CapPence: f.Pence("cap", "Your cap"),
		CapPeriod: f.Choice("cap_period", "Cap for", lightbulb.CapPeriods...), PublicSector: f.Text("public_sector") == "yes",
		Groups: f.Checks("groups", "Groups you choose to share", 0, lightbulb.ExpertGroups...)}
	if p.ContactBy == "" {
		p.ContactBy = "email"
	}
	err := f.Err(p.Validate())
	if err == nil {
		err = s.Coprod.SaveProfile(r.Context(), p)
	}
	if err != nil {
		page := s.newPage(r, "Your profile", p)
		page.Form = r.PostForm
		s.formError(w, r, "coprod_profile", page, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.profile.save", fmt.Sprintf("expert %d", p.UserID),
		fmt.Sprintf("consents %v, paused %v", consents, p.Paused))
	s.flash(r, "Your profile is saved. You can change it at any time.")
	http.Redirect(w, r, "/coproduction/me", http.StatusSeeOther)
}

func (s *Server) coprodAskFollowUp(w http.ResponseWriter, r *http.Request) {
	if err := s.Coprod.RequestFollowUp(r.Context(), learnUser(r)); err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.followup.ask", fmt.Sprintf("expert %d", learnUser(r)), "")
	s.flash(r, "We have asked someone to get in touch with you within two days.")
	http.Redirect(w, r, "/coproduction/me", http.StatusSeeOther)
}

// inviteView is one of the expert's invitations with their profile.
type inviteView struct {
	Invite  *lightbulb.Invite
	Profile *lightbulb.ExpertProfile
}

// myInvite finds the signed-in expert's own invitation the path names.
func (s *Server) myInvite(w http.ResponseWriter, r *http.Request) (*inviteView, bool) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return nil, false
	}
	recs, err := s.Coprod.MyRecords(r.Context(), learnUser(r))
	if err != nil {
		s.appError(w, r, err)
		return nil, false
	}
	for _, in := range recs.Invites {
		if in.ID == id {
			return &inviteView{Invite: in, Profile: recs.Profile}, true
		}
	}
	s.errorPage(w, r, http.StatusNotFound)
	return nil, false
}

func (s *Server) coprodInvite(w http.ResponseWriter, r *http.Request) {
	v, ok := s.myInvite(w, r)
	if !ok {
		return
	}
	s.render(w, r, http.StatusOK, "coprod_invite", s.newPage(r, v.Invite.Involvement.Title, v))
}

func (s *Server) coprodRespond(w http.ResponseWriter, r *http.Request) {
	v, ok := s.myInvite(w, r)
	if !ok || !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	answer := f.Choice("answer", "Will you take part", "yes", "no")
	if answer == "" {
		f.Add("answer", "Choose yes or no")
	}
	err := f.Err()
	if err == nil {
		err = s.Coprod.Respond(r.Context(), v.Invite.ID, learnUser(r), answer == "yes", f.Text("understood") == "yes")
	}
	if err != nil {
		page := s.newPage(r, v.Invite.Involvement.Title, v)
		page.Form = r.PostForm
		s.formError(w, r, "coprod_invite", page, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.invite.answer", fmt.Sprintf("invitation %d", v.Invite.ID), answer)
	if answer == "yes" {
		s.flash(r, "Thank you. You have said yes. After the session, record your time here.")
	} else {
		s.flash(r, "You have said no. Thank you for letting us know.")
	}
	http.Redirect(w, r, fmt.Sprintf("/coproduction/me/invitations/%d", v.Invite.ID), http.StatusSeeOther)
}

func (s *Server) coprodClaim(w http.ResponseWriter, r *http.Request) {
	v, ok := s.myInvite(w, r)
	if !ok || !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	c := &lightbulb.Claim{Minutes: f.Minutes("hours", "Time you spent"), ExpensesPence: f.Pence("expenses", "Expenses"),
		ExpensesNote: f.Text("expenses_note"), RecordedBy: learnUser(r), Receipt: readReceipt(r, f)}
	err := f.Err(c.Validate())
	if err == nil {
		err = s.Coprod.RecordClaim(r.Context(), v.Invite.ID, c)
	}
	if err != nil {
		page := s.newPage(r, v.Invite.Involvement.Title, v)
		page.Form = r.PostForm
		s.formError(w, r, "coprod_invite", page, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.claim.record", fmt.Sprintf("claim %d", c.ID), fmt.Sprintf("%d minutes", c.Minutes))
	s.flash(r, "Your time is recorded. We will tell you when it is approved and paid.")
	http.Redirect(w, r, "/coproduction/me", http.StatusSeeOther)
}

// coprodExport downloads everything Lightbulb holds about the expert, the
// same file a platform admin would give them on request.
func (s *Server) coprodExport(w http.ResponseWriter, r *http.Request) {
	s.writeExport(w, r, lightbulb.Subject{UserID: learnUser(r)}, "my-lightbulb-data.json")
}

// isReceiptUpload reports whether path is where an expert's claim, with its
// receipt, is posted.
func isReceiptUpload(path string) bool {
	return strings.HasPrefix(path, "/coproduction/me/invitations/") && strings.HasSuffix(path, "/claim")
}

// readReceipt reads the receipt file posted with a claim, if any, and
// records on f a file that cannot be read. Its kind comes from its first
// bytes, not from what the browser says.
func readReceipt(r *http.Request, f *form) *lightbulb.Receipt {
	name, typ, data := readUpload(r, f, "receipt", "The receipt could not be read: choose the file again", lightbulb.MaxReceiptBytes)
	if data == nil {
		return nil
	}
	return &lightbulb.Receipt{Name: name, Type: typ, Data: data}
}

// readUpload reads the file posted in field, if any: its base name, its kind
// read from its bytes (lightbulb.SniffFile, never what the browser says) and up to max+1
// bytes, so the domain can refuse one that is too big. A file that cannot
// be read is recorded on f with msg.
func readUpload(r *http.Request, f *form, field, msg string, max int64) (name, typ string, data []byte) {
	if r.MultipartForm == nil || len(r.MultipartForm.File[field]) == 0 {
		return "", "", nil
	}
	fh := r.MultipartForm.File[field][0]
	if fh.Size == 0 {
		return "", "", nil
	}
	file, err := fh.Open()
	if err != nil {
		f.Add(field, msg)
		return "", "", nil
	}
	defer file.Close()
	data, err = io.ReadAll(io.LimitReader(file, max+1))
	if err != nil {
		f.Add(field, msg)
		return "", "", nil
	}
	return filepath.Base(fh.Filename), lightbulb.SniffFile(data), data
}

// coprodReceipt sends a receipt to a co-production lead, or to the expert
// whose claim it belongs to.
func (s *Server) coprodReceipt(w http.ResponseWriter, r *http.Request) {
	a := lightbulb.ActorFrom(r.Context())
	if currentOrg(r.Context()) == nil || (!a.Has(lightbulb.RoleCoproduction) && !a.Has(lightbulb.RoleExpert)) {
		s.errorPage(w, r, http.StatusForbidden)
		return
	}
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	rc, expert, err := s.Coprod.Receipt(r.Context(), id)
	if err == nil && !a.Has(lightbulb.RoleCoproduction) && expert != a.UserID {
		err = lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such receipt.")
	}
	if err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "coproduction.receipt.view", fmt.Sprintf("receipt %d", id), "")
	w.Header().Set("Content-Type", rc.Type)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="receipt-%d%s"`, id, filepath.Ext(rc.Name)))
	_, _ = w.Write(rc.Data)
}
