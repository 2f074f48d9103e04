package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"
	"sync"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

//go:embed templates
var templateFS embed.FS

// templates holds one parsed set per page and language: the layout, the
// partials and the page. Each page's set is a copy of the whole layout, so it
// is made the first time the page is shown in that language: a process holds
// only the pages people use (each costs about 130 KB; all of them, in English
// and Welsh, 26 MB). TestEveryPageParses parses them all.
type templates struct {
	// pages holds, for each page, a parse for each language (see
	// translateStatic) and one, under "", that translates nothing.
	pages map[string]map[string]func() (*template.Template, error)
}

// page is the parsed set for the page name, in lang.
func (t *templates) page(name, lang string) (*template.Template, error) {
	langs, ok := t.pages[name]
	if !ok {
		return nil, fmt.Errorf("no template %q", name)
	}
	parse, ok := langs[lang]
	if !ok {
		parse = langs[""]
	}
	return parse()
}

var funcs = template.FuncMap{
	"join":  func(xs []string, sep string) string { return strings.Join(xs, sep) },
	"lower": strings.ToLower,
	// pounds shows pence as "£12.50"; hm shows minutes as "2:30".
	"pounds": lightbulb.Pounds,
	"hm":     lightbulb.HoursMinutes,
	"amount": poundsField,
	"has": func(rs []lightbulb.Role, r string) bool {
		for _, x := range rs {
			if string(x) == r {
				return true
			}
		}
		return false
	},
	"add": func(a, b int) int { return a + b },
	// readingRows writes a readings table's rows in Go (indicators_rows.go).
	"readingRows": readingRows,
	// statement is a survey statement in the page's language.
	"statement": statementHTML,
	"clip":      clip,
	"list":      func(xs ...string) []string { return xs },
	"dict": func(kv ...any) map[string]any {
		m := make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			m[fmt.Sprint(kv[i])] = kv[i+1]
		}
		return m
	},
}

// defineRE finds the templates a file defines.
var defineRE = regexp.MustCompile(`{{-?\s*define\s+"([^"]+)"`)

// templateRE finds the templates a file uses.
var templateRE = regexp.MustCompile(`{{-?\s*template\s+"([^"]+)"`)

// checkDefines refuses two layout files that define the same template (the
// later one would silently replace the earlier on every page) and a page
// that uses a template nobody defines (it would fail only when rendered).
func checkDefines() error {
	layouts, err := fs.Glob(templateFS, "templates/layout/*.html")
	if err != nil {
		return err
	}
	where := map[string]string{}
	for _, f := range layouts {
		b, err := templateFS.ReadFile(f)
		if err != nil {
			return err
		}
		for _, m := range defineRE.FindAllStringSubmatch(string(b), -1) {
			if other, dup := where[m[1]]; dup {
				return fmt.Errorf("template %q is defined in both %s and %s: give one an area prefix", m[1], other, f)
			}
			where[m[1]] = f
		}
	}
	pages, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return err
	}
	for _, f := range append(pages, layouts...) {
		b, err := templateFS.ReadFile(f)
		if err != nil {
			return err
		}
		own := map[string]bool{}
		for _, m := range defineRE.FindAllStringSubmatch(string(b), -1) {
			own[m[1]] = true
		}
		for _, m := range templateRE.FindAllStringSubmatch(string(b), -1) {
			if _, ok := where[m[1]]; !ok && !own[m[1]] && m[1] != "content" {
				return fmt.Errorf("%s uses template %q, which no layout file or the page itself defines", f, m[1])
			}
		}
	}
	return nil
}

func parseTemplates() (*templates, error) {
	if err := checkDefines(); err != nil {
		return nil, err
	}
	base, err := template.New("").Funcs(funcs).Funcs(choiceFuncs).ParseFS(templateFS, "templates/layout/*.html")
	if err != nil {
		return nil, fmt.Errorf("parse layout: %w", err)
	}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	t := &templates{pages: map[string]map[string]func() (*template.Template, error){}}
	for _, n := range names {
		langs := map[string]func() (*template.Template, error){}
		for _, lang := range append([]string{""}, i18n.Supported...) {
			langs[lang] = sync.OnceValues(func() (*template.Template, error) {
				b, err := base.Clone()
				if err != nil {
					return nil, err
				}
				if _, err := b.ParseFS(templateFS, n); err != nil {
					return nil, fmt.Errorf("parse %s: %w", n, err)
				}
				if lang != "" {
					translateStatic(b, lang)
					foldEscapedConstants(b)
				}
				return b, nil
			})
		}
		t.pages[strings.TrimSuffix(path.Base(n), ".html")] = langs
	}
	return t, nil
}

// Page is what every template receives.
type Page struct {
	Lang  string
	Title string
	Nonce string
	// Path is the address of this page with its query, to come back to.
	Path        string
	Actor       *lightbulb.Actor
	Org         *lightbulb.Organisation
	Memberships []lightbulb.Membership
	Flash       string
	Errors      []*lightbulb.Error
	Form        url.Values
	Data        any
	// Stale is set on pages showing a translation older than its original.
	Stale bool
	// Dates formats dates and times in the page's language.
	Dates dates
	// assets names the static files by their content hash.
	assets *assets
}

// Asset is the address of a built static file (by its name under
// internal/web/static), carrying its content hash so browsers keep it.
func (p *Page) Asset(name string) string {
	if p.assets == nil {
		return "/static/" + name
	}
	return p.assets.url(name)
}

// T translates interface text into the page's language.
func (p *Page) T(key string, args ...any) string { return i18n.T(p.Lang, key, args...) }

// ErrorFor returns the message for one field, or "".
func (p *Page) ErrorFor(field string) string {
	for _, e := range p.Errors {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// Val returns what the person typed into a field, so nothing is lost when a
// form comes back with errors.
func (p *Page) Val(field string) string { return p.Form.Get(field) }

// Checked reports whether a multi-valued field holds v.
func (p *Page) Checked(field, v string) bool {
	for _, x := range p.Form[field] {
		if x == v {
			return true
		}
	}
	return false
}

// OtherLangs lists the languages the page can be switched to.
func (p *Page) OtherLangs() []string {
	var out []string
	for _, l := range i18n.Supported {
		if l != p.Lang {
			out = append(out, l)
		}
	}
	return out
}

// LangName returns a language's own name.
func (p *Page) LangName(l string) string { return i18n.Names[l] }

// RoleList returns roles as display names joined by commas.
func (p *Page) RoleList(rs []lightbulb.Role) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = p.Label("role", r)
	}
	return strings.Join(out, ", ")
}

// ArticleLabel translates an article reference such as "Protocol 1, Article 2".
func (p *Page) ArticleLabel(a string) string {
	return strings.ReplaceAll(a, "Article", p.T("Article"))
}

func (s *Server) newPage(r *http.Request, title string, data any) *Page {
	ctx := r.Context()
	p := &Page{Lang: i18n.FromRequest(r), Nonce: nonceFrom(ctx), Path: r.URL.RequestURI(), Actor: lightbulb.ActorFrom(ctx),
		Org: currentOrg(ctx), Memberships: memberships(ctx), Data: data, Form: url.Values{}}
	p.Dates.Lang = p.Lang
	p.assets = s.assets
	p.Title = p.T(title)
	if ctx.Value(sessionReadyKey) != nil {
		p.Flash = s.sessions.PopString(ctx, sessMsg)
	}
	return p
}

// render writes a page with status.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p *Page) {
	t, err := s.tmpl.page(name, p.Lang)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	buf := getPageBuffer()
	defer putPageBuffer(buf)
	if err := executePage(buf, t, p); err != nil {
		s.serverError(w, r, fmt.Errorf("render %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Language", p.Lang)
	w.WriteHeader(status)
	scrollTables(w, buf.Bytes(), p.Title)
}

// executePage writes the page of the set t for p: its content, error
// summary and scripts from the templates, inside the layout (layout.go).
func executePage(buf *bytes.Buffer, t *template.Template, p *Page) error {
	var errs, scripts bytes.Buffer
	content := getPageBuffer()
	defer putPageBuffer(content)
	if err := t.ExecuteTemplate(content, "content", p); err != nil {
		return err
	}
	if len(p.Errors) > 0 {
		if err := t.ExecuteTemplate(&errs, "error-summary", p); err != nil {
			return err
		}
	}
	if t.Lookup("scripts") != nil {
		if err := t.ExecuteTemplate(&scripts, "scripts", p); err != nil {
			return err
		}
	}
	buf.Grow(content.Len() + 8192)
	writeLayout(buf, p, errs.Bytes(), content.Bytes(), scripts.Bytes())
	return nil
}

// renderForm renders page name, or, when err is set, the same page again
// with its error summary and what the person posted.
func (s *Server) renderForm(w http.ResponseWriter, r *http.Request, name string, p *Page, err error) {
	if err != nil {
		p.Form = r.PostForm
		s.formError(w, r, name, p, err)
		return
	}
	s.render(w, r, http.StatusOK, name, p)
}

// formError re-renders a form with its error summary and the person's input.
func (s *Server) formError(w http.ResponseWriter, r *http.Request, name string, p *Page, err error) {
	switch e := err.(type) {
	case *lightbulb.ValidationErrors:
		p.Errors = e.List
	case *lightbulb.Error:
		if e.Code != lightbulb.EINVALID && e.Code != lightbulb.ECONFLICT {
			s.appError(w, r, err)
			return
		}
		p.Errors = []*lightbulb.Error{e}
	default:
		s.serverError(w, r, err)
		return
	}
	for _, e := range p.Errors {
		e.Message = p.T(e.Message)
	}
	s.render(w, r, http.StatusUnprocessableEntity, name, p)
}

// appError maps a domain error to a status page.
func (s *Server) appError(w http.ResponseWriter, r *http.Request, err error) {
	switch lightbulb.ErrorCode(err) {
	case lightbulb.ENOTFOUND:
		s.errorPage(w, r, http.StatusNotFound)
	case lightbulb.EFORBIDDEN:
		s.errorPage(w, r, http.StatusForbidden)
	case lightbulb.EINVALID, lightbulb.ECONFLICT:
		s.errorPage(w, r, http.StatusBadRequest)
	default:
		s.serverError(w, r, err)
	}
}

func (s *Server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	if r.Context().Err() != nil {
		s.clientGone(w, r, err)
		return
	}
	s.log.Error("internal error", slog.String("request_id", requestID(r.Context())), slog.String("error", err.Error()))
	s.errorPage(w, r, http.StatusInternalServerError)
}

// statusClientClosedRequest counts a request whose client went away before
// it was answered (nginx's 499): nobody is there to read a reply.
const statusClientClosedRequest = 499

// clientGone ends a request whose context was cancelled, because its client
// closed the connection (the end of every load test, a person pressing
// Stop) or the server is shutting down. The query that noticed fails, but
// nothing is wrong with the service: no error in the log, no 500 in the
// metrics.
func (s *Server) clientGone(w http.ResponseWriter, r *http.Request, err error) {
	s.log.LogAttrs(r.Context(), slog.LevelInfo, "request cancelled", slog.String("request_id", requestID(r.Context())),
		slog.String("cause", err.Error()))
	w.WriteHeader(statusClientClosedRequest)
}

// errorPage renders the styled page for an HTTP error status.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int) {
	titles := map[int]string{
		http.StatusBadRequest:            "Sorry, we could not understand that request",
		http.StatusForbidden:             "You do not have permission to see this page",
		http.StatusNotFound:              "Page not found",
		http.StatusRequestEntityTooLarge: "What you sent is too large",
		http.StatusTooManyRequests:       "Too many attempts",
		http.StatusInternalServerError:   "Sorry, there is a problem with the service",
	}
	title, ok := titles[status]
	if !ok {
		title = http.StatusText(status)
	}
	p := s.newPage(r, title, map[string]any{"Status": status, "RequestID": requestID(r.Context())})
	t, err := s.tmpl.page("error", p.Lang)
	var buf bytes.Buffer
	if err != nil || executePage(&buf, t, p) != nil {
		http.Error(w, title, status)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, http.StatusNotFound)
}

// flash keeps a one-off message for the next page, in the person's language.
func (s *Server) flash(r *http.Request, msg string, args ...any) {
	s.sessions.Put(r.Context(), sessMsg, i18n.T(i18n.FromRequest(r), msg, args...))
}

// clip cuts a text to about 140 characters, at a space, for lists and previews.
func clip(s string) string {
	r := []rune(s)
	if len(r) <= 140 {
		return s
	}
	cut := string(r[:140])
	if i := strings.LastIndex(cut, " "); i > 80 {
		cut = cut[:i]
	}
	return cut + "…"
}
