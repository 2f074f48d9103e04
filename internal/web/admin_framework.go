package web

import (
	"fmt"
	"net/http"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

func (s *Server) adminFramework(w http.ResponseWriter, r *http.Request) {
	fw, err := s.Reviews.CurrentFramework(r.Context())
	if err != nil {
		s.appError(w, r, err)
		return
	}
	vs, err := s.Reviews.FrameworkVersions(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_framework", s.newPage(r, "Review framework",
		frameworkView{Framework: fw, NameCy: frameworkNameCy(fw), Versions: vs}))
}

// frameworkView is what the framework's administration page shows.
type frameworkView struct {
	Framework *lightbulb.Framework
	NameCy    string
	Versions  []*lightbulb.Framework
}

// frameworkNameCy is the framework's name in Welsh, when the catalogue has
// one (the shipped framework's), and otherwise empty.
func frameworkNameCy(fw *lightbulb.Framework) string {
	if i18n.Has(lightbulb.LangCY, fw.Name) {
		return i18n.T(lightbulb.LangCY, fw.Name)
	}
	return ""
}

func (s *Server) statementPage(r *http.Request) (*Page, *lightbulb.Statement, error) {
	fw, err := s.Reviews.CurrentFramework(r.Context())
	if err != nil {
		return nil, nil, err
	}
	st := fw.Statement(r.PathValue("code"))
	if st == nil {
		return nil, nil, lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no statement with that code.")
	}
	p := s.newPage(r, "", map[string]any{"Framework": fw, "Statement": st, "Principles": lightbulb.Principles})
	p.Title = p.T("Edit statement %s", st.Code)
	return p, st, nil
}

func (s *Server) adminStatementEdit(w http.ResponseWriter, r *http.Request) {
	p, st, err := s.statementPage(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	if editLang(r) == lightbulb.LangCY {
		for k, v := range map[string]string{"theme_cy": st.Cy.Theme, "text_cy": st.Cy.Text, "good_cy": st.Cy.Good,
			"red_cy": st.Cy.RedMeans, "amber_cy": st.Cy.AmberMeans, "green_cy": st.Cy.GreenMeans} {
			p.Form.Set(k, v)
		}
		s.render(w, r, http.StatusOK, "admin_statement_cy", p)
		return
	}
	for k, v := range map[string]string{"text": st.Text, "good": st.Good, "red": st.RedMeans, "amber": st.AmberMeans,
		"green": st.GreenMeans, "rights": strings.Join(st.Rights, ", ")} {
		p.Form.Set(k, v)
	}
	p.Form["principles"] = st.Principles
	s.render(w, r, http.StatusOK, "admin_statement", p)
}

// adminStatementUpdate stores a new version of the framework with the
// statement changed. Reviews keep the version they started on.
func (s *Server) adminStatementUpdate(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p, st, err := s.statementPage(r)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	if !s.readForm(w, r) {
		return
	}
	p.Form = r.PostForm
	if editLang(r) == lightbulb.LangCY {
		s.adminStatementWelsh(w, r, p, st)
		return
	}
	f := r.PostFormValue
	next := lightbulb.Statement{Text: f("text"), Good: f("good"), RedMeans: f("red"), AmberMeans: f("amber"), GreenMeans: f("green"),
		Principles: r.PostForm["principles"]}
	for _, c := range lines(f("rights"), ",") {
		if _, err := s.Rights.FindRight(ctx, c, lightbulb.LangEN); err != nil {
			s.formError(w, r, "admin_statement", p, lightbulb.FieldError("rights", "Enter rights by their codes in the library, like A8, separated by commas"))
			return
		}
		next.Rights = append(next.Rights, strings.ToUpper(c))
	}
	nf, err := s.Reviews.UpdateStatement(ctx, st.Code, next)
	if err != nil {
		s.formError(w, r, "admin_statement", p, err)
		return
	}
	_ = s.Audit.Record(ctx, "framework.edit", st.Code, fmt.Sprintf("version %d", nf.Version))
	s.flash(r, "Version %d of the framework has been saved.", nf.Version)
	http.Redirect(w, r, "/admin/framework", http.StatusSeeOther)
}

// adminStatementWelsh stores a new version of the framework with the
// statement's Welsh changed, translated from the English it has now.
func (s *Server) adminStatementWelsh(w http.ResponseWriter, r *http.Request, p *Page, st *lightbulb.Statement) {
	f := formOf(r)
	cy := lightbulb.StatementWelsh{Theme: f.Text("theme_cy"), Text: f.Text("text_cy"), Good: f.Text("good_cy"),
		RedMeans: f.Text("red_cy"), AmberMeans: f.Text("amber_cy"), GreenMeans: f.Text("green_cy")}
	nf, err := s.Reviews.UpdateStatementWelsh(r.Context(), st.Code, cy)
	if err != nil {
		s.formError(w, r, "admin_statement_cy", p, err)
		return
	}
	_ = s.Audit.Record(r.Context(), "framework.translate", st.Code, fmt.Sprintf("version %d", nf.Version))
	s.flash(r, "Version %d of the framework has been saved.", nf.Version)
	http.Redirect(w, r, "/admin/framework", http.StatusSeeOther)
}
