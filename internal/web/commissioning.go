package web

import (
	"fmt"
	"net/http"
	"strconv"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// commissioningRoutes registers commissioning: a commissioner's pages under
// /commissioning, a provider's contracts and returns under /contracts, and
// each organisation's public principles under /principles.
func (s *Server) commissioningRoutes(h func(string, http.HandlerFunc)) {
	c := s.requireCommissioner
	h("GET /commissioning", c(s.commHome))
	h("GET /commissioning/principles", c(s.commPrinciples))
	h("POST /commissioning/principles", c(s.commPrinciplesPublish))
	h("GET /commissioning/requirements", c(s.commLibrary))
	h("POST /commissioning/requirements/starter", c(s.commLoadStarter))
	h("GET /commissioning/requirements/new", c(s.commRequirementForm))
	h("POST /commissioning/requirements", c(s.commRequirementSave))
	h("GET /commissioning/requirements/{code}", c(s.commRequirementForm))
	h("POST /commissioning/requirements/{code}", c(s.commRequirementSave))
	h("GET /commissioning/contracts/new", c(s.commContractForm))
	h("POST /commissioning/contracts", c(s.commContractCreate))
	h("GET /commissioning/contracts/{id}", c(s.commContract))
	h("POST /commissioning/contracts/{id}/requirements", c(s.commAttach))
	h("POST /commissioning/contracts/{id}/services", c(s.commServices))
	h("POST /commissioning/contracts/{id}/schedule", c(s.commSchedule))
	h("GET /commissioning/contracts/{id}/local/new", c(s.commLocalForm))
	h("POST /commissioning/contracts/{id}/local", c(s.commLocalSave))
	h("GET /commissioning/contracts/{id}/assess", c(s.commAssessForm))
	h("POST /commissioning/contracts/{id}/assess", c(s.commAssess))
	h("GET /commissioning/contracts/{id}/report.csv", c(s.commReportCSV))
	h("GET /commissioning/contracts/{id}/report.pdf", c(s.commReportPDF))
	h("GET /contracts", s.requireLead(s.providerContracts))
	h("GET /contracts/{id}", s.requireLead(s.providerContract))
	h("POST /contracts/{id}/return", s.requireLead(s.providerReturn))
	h("POST /contracts/{id}/reports/{report}/comment", s.requireLead(s.providerComment))
	s.roundtableRoutes(h)
	s.visitRoutes(h)
	h("GET /principles/{org}", s.publicPrinciples)
	h("GET /principles/{org}/versions/{version}", s.publicPrinciples)
}

// commHomeView is a commissioner's home: their contracts first.
type commHomeView struct {
	Contracts  []*lightbulb.Contract
	Principles *lightbulb.PrinciplesStatement // the current version, or nil
	Library    int
	Today      lightbulb.Date
	Actions    []*lightbulb.CommAction // not done yet
}

func (s *Server) commHome(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	cs, err := s.Commissioning.Contracts(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	ps, err := s.Commissioning.PrinciplesHistory(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	lib, err := s.Commissioning.Requirements(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	as, err := s.Commissioning.Actions(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	v := commHomeView{Library: len(lib), Today: lightbulb.DateOf(lightbulb.Now())}
	for _, a := range as {
		if a.Status != lightbulb.ActionDone {
			v.Actions = append(v.Actions, a)
		}
	}
	for _, c := range cs {
		full, err := s.Commissioning.Contract(ctx, c.ID)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		v.Contracts = append(v.Contracts, full)
	}
	if len(ps) > 0 {
		v.Principles = ps[0]
	}
	s.render(w, r, http.StatusOK, "comm_home", s.newPage(r, "Commissioning", v))
}

// commPrinciplesView is the principles form with the versions published.
type commPrinciplesView struct {
	Versions []*lightbulb.PrinciplesStatement
	Slug     string
}

func (s *Server) commPrinciples(w http.ResponseWriter, r *http.Request) {
	s.renderPrinciples(w, r, nil)
}

func (s *Server) renderPrinciples(w http.ResponseWriter, r *http.Request, err error) {
	vs, verr := s.Commissioning.PrinciplesHistory(r.Context())
	if verr != nil {
		s.serverError(w, r, verr)
		return
	}
	p := s.newPage(r, "Human rights principles", commPrinciplesView{Versions: vs, Slug: currentOrg(r.Context()).Slug})
	if err != nil {
		p.Form = r.PostForm
		s.formError(w, r, "comm_principles", p, err)
		return
	}
	if len(vs) > 0 {
		p.Form.Set("body_en", vs[0].BodyEN)
		p.Form.Set("body_cy", vs[0].BodyCY)
	}
	s.render(w, r, http.StatusOK, "comm_principles", p)
}

func (s *Server) commPrinciplesPublish(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	f := formOf(r)
	st := &lightbulb.PrinciplesStatement{BodyEN: f.Text("body_en"), BodyCY: f.Text("body_cy")}
	if err := s.Commissioning.PublishPrinciples(r.Context(), st); err != nil {
		s.renderPrinciples(w, r, f.Err(err))
		return
	}
	_ = s.Audit.Record(r.Context(), "commissioning.principles", fmt.Sprintf("principles version %d", st.Version), "")
	s.flash(r, "Version %d of your principles is published.", st.Version)
	http.Redirect(w, r, "/commissioning/principles", http.StatusSeeOther)
}

// publicPrinciplesView is an organisation's published principles.
type publicPrinciplesView struct {
	Current  *lightbulb.PrinciplesStatement
	Versions []*lightbulb.PrinciplesStatement
	Latest   bool
}

func (s *Server) publicPrinciples(w http.ResponseWriter, r *http.Request) {
	version := 0
	if v := r.PathValue("version"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			s.errorPage(w, r, http.StatusNotFound)
			return
		}
		version = n
	}
	cur, all, err := s.Commissioning.PublicPrinciples(r.Context(), r.PathValue("org"), version)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	p := s.newPage(r, "Human rights principles for commissioning", publicPrinciplesView{Current: cur, Versions: all, Latest: cur.Version == all[0].Version})
	p.Title = p.T("%s: human rights principles for commissioning", cur.OrgName)
	s.render(w, r, http.StatusOK, "comm_public_principles", p)
}
