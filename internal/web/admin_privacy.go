package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// Platform administrators find a person wherever Lightbulb holds them, and
// answer subject access and erasure requests for people with no account
// (public bookings, bespoke requests) by email address. Everything here
// reads the personal-data register through the PrivacyService.

func (s *Server) privacyRoutes(h func(string, http.HandlerFunc)) {
	h("GET /admin/find-person", s.requirePlatform(s.adminFindPerson))
	h("GET /admin/find-person/email", s.requirePlatform(s.adminEmailPerson))
	h("GET /admin/find-person/email/export", s.requirePlatform(s.adminEmailExport))
	h("GET /admin/find-person/email/erase", s.requirePlatform(s.adminEmailEraseForm))
	h("POST /admin/find-person/email/erase", s.requirePlatform(s.adminEmailErase))
}

func (s *Server) adminFindPerson(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	p := s.newPage(r, "Find a person", nil)
	p.Form.Set("q", q)
	if q == "" {
		s.render(w, r, http.StatusOK, "admin_find_person", p)
		return
	}
	ms, err := s.Privacy.FindPeople(r.Context(), q)
	if err != nil {
		s.formError(w, r, "admin_find_person", p, err)
		return
	}
	p.Data = map[string]any{"Matches": ms, "Searched": true}
	s.render(w, r, http.StatusOK, "admin_find_person", p)
}

// emailSubject reads the email address a request is about. One that has an
// account goes to the account's own pages instead.
func (s *Server) emailSubject(w http.ResponseWriter, r *http.Request, value string, then string) (lightbulb.Subject, bool) {
	email := strings.ToLower(strings.TrimSpace(value))
	if email == "" || !strings.Contains(email, "@") {
		s.errorPage(w, r, http.StatusNotFound)
		return lightbulb.Subject{}, false
	}
	if u, err := s.Users.FindUserByEmail(r.Context(), email); err == nil {
		http.Redirect(w, r, fmt.Sprintf("/admin/users/%d%s", u.ID, then), http.StatusSeeOther)
		return lightbulb.Subject{}, false
	}
	return lightbulb.Subject{Email: email}, true
}

func (s *Server) adminEmailPerson(w http.ResponseWriter, r *http.Request) {
	sub, ok := s.emailSubject(w, r, r.URL.Query().Get("email"), "")
	if !ok {
		return
	}
	x, err := s.Privacy.ExportPerson(r.Context(), sub)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "admin_email_person", s.newPage(r, "What Lightbulb holds about an email address", x))
}

func (s *Server) adminEmailExport(w http.ResponseWriter, r *http.Request) {
	sub, ok := s.emailSubject(w, r, r.URL.Query().Get("email"), "/export")
	if ok {
		s.writeExport(w, r, sub, "lightbulb-person-by-email.json")
	}
}

func (s *Server) adminEmailEraseForm(w http.ResponseWriter, r *http.Request) {
	sub, ok := s.emailSubject(w, r, r.URL.Query().Get("email"), "/erase")
	if ok {
		s.render(w, r, http.StatusOK, "admin_email_erase", s.newPage(r, "Erase this person’s data", sub))
	}
}

func (s *Server) adminEmailErase(w http.ResponseWriter, r *http.Request) {
	sub, ok := s.emailSubject(w, r, r.PostFormValue("email"), "/erase")
	if !ok {
		return
	}
	if r.PostFormValue("confirm") != "yes" {
		p := s.newPage(r, "Erase this person’s data", sub)
		s.formError(w, r, "admin_email_erase", p, lightbulb.FieldError("confirm", "Confirm that you want to erase this person’s data"))
		return
	}
	rep, err := s.Privacy.ErasePerson(r.Context(), sub)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	n := 0
	for _, c := range rep.Rows {
		n += c
	}
	_ = s.Audit.Record(r.Context(), "person.erase", "", fmt.Sprintf("by email address; %d records", n))
	s.flash(r, "The person’s data has been erased.")
	http.Redirect(w, r, "/admin/find-person", http.StatusSeeOther)
}

// exportFile is a subject access export: readable JSON, each section with a
// short explanation in the language of the page it was asked from.
type exportFile struct {
	Exported time.Time       `json:"exported"`
	About    string          `json:"about"`
	Person   exportPerson    `json:"person"`
	Sections []exportSection `json:"sections"`
}

type exportPerson struct {
	AccountID int64    `json:"account_id,omitempty"`
	Emails    []string `json:"email_addresses"`
	Names     []string `json:"names"`
}

type exportSection struct {
	Section string           `json:"section"`
	About   string           `json:"about"`
	Records []map[string]any `json:"records"`
}

// writeExport answers a subject access request with every record the
// personal-data register finds for sub, and records that it was made.
func (s *Server) writeExport(w http.ResponseWriter, r *http.Request, sub lightbulb.Subject, filename string) {
	x, err := s.Privacy.ExportPerson(r.Context(), sub)
	if err != nil {
		s.appError(w, r, err)
		return
	}
	lang := i18n.FromRequest(r)
	out := exportFile{Exported: lightbulb.Now().UTC(), About: i18n.T(lang, exportAbout),
		Person: exportPerson{AccountID: x.Subject.UserID, Emails: x.Emails, Names: x.Names}}
	for _, sec := range x.Sections {
		out.Sections = append(out.Sections, exportSection{Section: sec.Section, About: i18n.T(lang, sec.About), Records: sec.Records})
	}
	_ = s.Audit.Record(r.Context(), "person.export", x.Subject.Email, "")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s"`, filename))
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out)
}

const exportAbout = "Everything Lightbulb holds about this person, section by section. Each section says what it is; a section with no records means Lightbulb holds nothing of that kind about them. Times are in UTC."
