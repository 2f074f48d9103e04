package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

// contractFormView offers the organisations on Lightbulb a contract can be with.
type contractFormView struct{ Providers []choice }

func (s *Server) contractForm(r *http.Request) (*contractFormView, error) {
	orgs, err := s.Orgs.FindOrgs(r.Context())
	if err != nil {
		return nil, err
	}
	me := currentOrg(r.Context())
	v := &contractFormView{}
	for _, o := range orgs {
		if o.ID != me.ID && !o.Operator && o.Kind != lightbulb.KindCommissioner {
			v.Providers = append(v.Providers, choice{Value: strconv.FormatInt(o.ID, 10), Label: o.Name})
		}
	}
	return v, nil
}

func (s *Server) commContractForm(w http.ResponseWriter, r *http.Request) {
	v, err := s.contractForm(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "comm_contract_form", s.newPage(r, "Record a contract", v))
}

func (s *Server) commContractCreate(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	v, err := s.contractForm(r)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	f := formOf(r)
	c := &lightbulb.Contract{Title: f.Text("title"), ProviderID: f.ID("provider"), ProviderName: f.Text("provider_name"),
		Services: f.Text("services"), ValuePence: f.Pence("value", "Value"),
		StartsOn: f.Date("starts_on", "Starts on"), EndsOn: f.Date("ends_on", "Ends on")}
	err = f.Err(c.Validate())
	if err == nil {
		err = s.Commissioning.CreateContract(r.Context(), c)
	}
	if err != nil {
		p := s.newPage(r, "Record a contract", v)
		p.Form = r.PostForm
		s.formError(w, r, "comm_contract_form", p, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.contract.create", fmt.Sprintf("contract %d", c.ID), c.Title)
	s.flash(r, "The contract is recorded. Now attach the requirements it carries.")
	http.Redirect(w, r, fmt.Sprintf("/commissioning/contracts/%d", c.ID), http.StatusSeeOther)
}

// contractView is one contract with the library to attach from and, on the
// assessment form, the latest answers beside each requirement.
type contractView struct {
	*lightbulb.Contract
	Library   []choice
	Now       lightbulb.Date
	DraftOpen bool // a draft report is open for the provider to check
	Trend     report.Chart
	// Offered are the provider's wards, teams and homes, from its own list,
	// while it shares its reviews with the commissioner.
	Offered []choice
}

func (s *Server) contractPage(w http.ResponseWriter, r *http.Request, name, title string, err error) {
	id, ok := pathID(r)
	if !ok {
		s.errorPage(w, r, http.StatusNotFound)
		return
	}
	c, cerr := s.Commissioning.Contract(r.Context(), id)
	if cerr != nil {
		s.appError(w, r, cerr)
		return
	}
	lib, lerr := s.Commissioning.Requirements(r.Context())
	if lerr != nil {
		s.serverError(w, r, lerr)
		return
	}
	v := contractView{Contract: c, Now: lightbulb.DateOf(lightbulb.Now()), Trend: returnsChart(i18n.FromRequest(r), c)}
	offered, oerr := s.Commissioning.ProviderServices(r.Context(), c.ID)
	if oerr != nil {
		s.serverError(w, r, oerr)
		return
	}
	for _, n := range offered {
		v.Offered = append(v.Offered, choice{Value: n, Label: n})
	}
	for _, a := range c.Assessments {
		v.DraftOpen = v.DraftOpen || a.State == lightbulb.AssessmentDraft
	}
	for _, x := range lib {
		if slices.ContainsFunc(c.Requirements, func(cr *lightbulb.ContractRequirement) bool { return cr.Requirement.Code == x.Code }) {
			continue // carried already, in this version or an earlier one
		}
		v.Library = append(v.Library, choice{Value: strconv.FormatInt(x.ID, 10), Label: x.Code + ": " + x.Text})
	}
	p := s.newPage(r, title, v)
	if title == "" {
		p.Title = c.Title
	}
	if err != nil {
		p.Form = r.PostForm
		s.formError(w, r, name, p, err)
		return
	}
	p.Form["services"] = strings.Split(c.Services, "\n")
	scheduleForm(p, c)
	_ = s.Audit.Record(r.Context(), "commissioning.contract.view", fmt.Sprintf("contract %d", c.ID), "")
	s.render(w, r, http.StatusOK, name, p)
}

func (s *Server) commContract(w http.ResponseWriter, r *http.Request) {
	s.contractPage(w, r, "comm_contract", "", nil)
}

func (s *Server) commAttach(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	id, _ := pathID(r)
	f := formOf(r)
	due := f.Date("due_on", "First return due")
	err := f.Err()
	if err == nil {
		err = s.Commissioning.AttachRequirement(r.Context(), id, f.ID("requirement"), due)
	}
	if err != nil {
		s.contractFailed(w, r, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.contract.attach", fmt.Sprintf("contract %d", id), "")
	s.flash(r, "The requirement is attached to the contract.")
	http.Redirect(w, r, fmt.Sprintf("/commissioning/contracts/%d", id), http.StatusSeeOther)
}

func (s *Server) commAssessForm(w http.ResponseWriter, r *http.Request) {
	s.contractPage(w, r, "comm_assess", "Write a draft assurance report", nil)
}

func (s *Server) commAssess(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	id, _ := pathID(r)
	c, err := s.Commissioning.Contract(r.Context(), id)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	f := formOf(r)
	a := &lightbulb.Assessment{Summary: f.Text("summary")}
	for _, cr := range c.Requirements {
		n := strconv.FormatInt(cr.ID, 10)
		rating := f.Choice("rating-"+n, "Rating", "green", "amber", "red")
		if f.Values.Get("rating-"+n) == "" {
			f.Add("rating-"+n, "Rate requirement %s red, amber or green", cr.Requirement.Code)
		}
		a.Lines = append(a.Lines, &lightbulb.AssessmentLine{ContractRequirementID: cr.ID, Rating: lightbulb.Rating(rating), Note: f.Text("note-" + n)})
	}
	err = f.Err()
	if err == nil {
		err = s.Commissioning.IssueDraft(r.Context(), id, a)
	}
	if err != nil {
		s.contractPage(w, r, "comm_assess", "Write a draft assurance report", f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.report.draft", fmt.Sprintf("contract %d", id), fmt.Sprintf("report %d", a.ID))
	s.flash(r, "The draft report is issued. The provider can check its facts until %s.", lightbulb.LongTime(a.WindowEndsAt, formOf(r).lang))
	http.Redirect(w, r, fmt.Sprintf("/commissioning/contracts/%d", id), http.StatusSeeOther)
}

// commServices records which of the provider's services the contract covers.
func (s *Server) commServices(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	id, _ := pathID(r)
	if err := s.Commissioning.SetContractServices(r.Context(), id, r.PostForm["services"]); err != nil {
		s.contractFailed(w, r, formOf(r).Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.contract.services", fmt.Sprintf("contract %d", id), "")
	s.flash(r, "The services the contract covers are saved.")
	http.Redirect(w, r, fmt.Sprintf("/commissioning/contracts/%d", id), http.StatusSeeOther)
}

// contractFailed answers a refused change to a contract: "not found" for a
// contract that is not the commissioner's, otherwise the contract's page
// with the error summary and what was typed.
func (s *Server) contractFailed(w http.ResponseWriter, r *http.Request, err error) {
	if lightbulb.ErrorCode(err) == lightbulb.ENOTFOUND {
		s.appError(w, r, err)
		return
	}
	s.contractPage(w, r, "comm_contract", "", err)
}
