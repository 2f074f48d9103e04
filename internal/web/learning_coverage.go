package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
	"github.com/lightbulb-hr/lightbulb/internal/report"
)

// learnCoverageRoutes registers training coverage for leads.
func (s *Server) learnCoverageRoutes(h func(string, http.HandlerFunc)) {
	h("GET /training/coverage", s.requireLead(s.learnCoverage))
	h("POST /training/coverage/mandatory", s.requireLead(s.learnCoverageMandatory))
}

// learnCoveragePage loads the coverage of the lead's organisation.
func (s *Server) learnCoveragePage(r *http.Request) (*Page, error) {
	if learnClientOrg(r) == nil {
		return nil, lightbulb.Errorf(lightbulb.EFORBIDDEN, "Coverage is for organisations that take training.")
	}
	pctx, err := s.providerCtx(r)
	if err != nil {
		return nil, err
	}
	courses, err := s.Training.FindCourses(pctx)
	if err != nil {
		return nil, err
	}
	cov, err := s.Coverage.Coverage(r.Context(), courses)
	if err != nil {
		return nil, err
	}
	mand, err := s.Coverage.Mandatory(r.Context())
	if err != nil {
		return nil, err
	}
	data := map[string]any{"Coverage": cov, "Courses": courses, "Roles": learnCoverageRoles}
	if len(cov.Units) > 0 {
		data["UnitChart"] = coverageUnitChart(langOf(r), cov)
	}
	p := s.newPage(r, "Training coverage", data)
	for c, rs := range mand {
		for _, role := range rs {
			p.Form.Add("mandatory", learnMandatoryKey(c, role))
		}
	}
	return p, nil
}

// learnCoverageRoles are the roles a course can be made mandatory for.
var learnCoverageRoles = []lightbulb.Role{lightbulb.RoleStaff, lightbulb.RoleLead, lightbulb.RoleAdmin}

func learnMandatoryKey(course int64, role lightbulb.Role) string {
	return strconv.FormatInt(course, 10) + ":" + string(role)
}

func (s *Server) learnCoverage(w http.ResponseWriter, r *http.Request) {
	p, err := s.learnCoveragePage(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "learning.coverage.view", "training coverage", "")
	s.render(w, r, http.StatusOK, "learning_coverage", p)
}

func (s *Server) learnCoverageMandatory(w http.ResponseWriter, r *http.Request) {
	if _, err := s.learnCoveragePage(r); err != nil {
		s.appError(w, r, err)
		return
	}
	if !s.readForm(w, r) {
		return
	}
	m := map[int64][]lightbulb.Role{}
	seen := map[string]bool{}
	for _, v := range r.PostForm["mandatory"] {
		c, role, ok := strings.Cut(v, ":")
		id, err := strconv.ParseInt(c, 10, 64)
		if !ok || err != nil || seen[v] {
			continue
		}
		seen[v] = true
		m[id] = append(m[id], lightbulb.Role(role))
	}
	if err := s.Coverage.SetMandatory(r.Context(), m); err != nil {
		p, _ := s.learnCoveragePage(r)
		p.Form = r.PostForm
		s.formError(w, r, "learning_coverage", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "learning.coverage.mandatory", "mandatory training", strings.Join(r.PostForm["mandatory"], ", "))
	s.flash(r, "Mandatory training has been saved.")
	http.Redirect(w, r, "/training/coverage", http.StatusSeeOther)
}

// coverageUnitChart is the share trained in each ward, team or home, its
// table twin giving the people, how many trained and the dignity champions.
func coverageUnitChart(lang string, cov *lightbulb.Coverage) report.Chart {
	ch := report.Chart{ID: "unit-coverage-chart", Kind: report.Bars, Unit: "%", Max: 100, CategoryLang: "en",
		Title: i18n.T(lang, "Share trained by ward, team or home"),
		Desc:  i18n.T(lang, "Bar chart of the share of each ward, team or home's people who have attended training. The table below gives the same figures, with the people, how many trained and the dignity champions."),
		Axis:  i18n.T(lang, "Ward, team or home"),
		Series: []report.Series{{Name: i18n.T(lang, "Share trained"), Fill: "#1d70b8"},
			{Name: i18n.T(lang, "People"), TableOnly: true}, {Name: i18n.T(lang, "Trained"), TableOnly: true},
			{Name: i18n.T(lang, "Dignity champions"), TableOnly: true}}}
	if lang == "en" {
		ch.CategoryLang = ""
	}
	for _, u := range cov.Units {
		ch.Categories = append(ch.Categories, u.Name)
		ch.Series[0].Values = append(ch.Series[0].Values, float64(u.Percent()))
		for i, n := range []int{u.People, u.Trained, u.Champions} {
			ch.Series[i+1].Values = append(ch.Series[i+1].Values, float64(n))
			ch.Series[i+1].Texts = append(ch.Series[i+1].Texts, fmt.Sprint(n))
		}
	}
	return ch
}
