package web

import (
	"bytes"
	"html/template"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// The layout written in Go (writeLayout) is the layout template
// (templates/layout/layout.html) byte for byte: signed out and in, as an
// admin and a platform admin, with and without an organisation, a message,
// errors, a page's own scripts and built assets, in English and Welsh,
// with hostile names, titles and addresses.
func TestLayoutMatchesTemplate(t *testing.T) {
	nasty := "<script>alert('x')</script> & \"quotes\" + plus \x00 nul, Welsh ŵ ŷ, bad \xff byte, &amp; already"
	org := &lightbulb.Organisation{Name: "Northbridge NHS Trust"}
	actors := []*lightbulb.Actor{nil, {Name: "Nia Staff", Roles: []lightbulb.Role{lightbulb.RoleStaff}},
		{Name: nasty, Roles: []lightbulb.Role{lightbulb.RoleLead, lightbulb.RoleAdmin}}, {Name: "Ops", PlatformAdmin: true}}
	built := &assets{hashed: map[string]string{"app.css": "app.0123abcd.css", "app.js": "app.77aa.js"}}
	errs := []*lightbulb.Error{{Field: "email", Message: "Enter your email address"}, {Message: nasty}}
	for _, scripts := range []string{"", `{{define "scripts"}}<script src="{{.Asset "htmx.min.js"}}" defer></script>{{end}}`} {
		set := template.Must(template.New("").Funcs(funcs).Funcs(choiceFuncs).ParseFS(templateFS, "templates/layout/*.html"))
		template.Must(set.Parse(`{{define "content"}}<h1>{{.Title}}</h1>{{end}}` + scripts))
		for _, lang := range i18n.Supported {
			for i, a := range actors {
				p := &Page{Lang: lang, Title: "Your dashboard", Nonce: "n0Nce-_", Path: "/decisions?right=A8&status=draft", Actor: a}
				p.Dates.Lang = lang
				if i%2 == 1 {
					p.Org, p.Flash, p.Errors, p.assets = org, "Saved.", errs, built
				}
				if i == 2 {
					p.Org = &lightbulb.Organisation{Name: nasty}
					p.Title, p.Flash, p.Path, p.Nonce = nasty, nasty, "/x y?q="+nasty+"#f%41", nasty
				}
				var want, got bytes.Buffer
				if err := set.ExecuteTemplate(&want, "layout", p); err != nil {
					t.Fatal(err)
				}
				if err := executePage(&got, set, p); err != nil {
					t.Fatal(err)
				}
				if got.String() != want.String() {
					t.Errorf("%s, actor %d, scripts %v:\n got %q\nwant %q", lang, i, scripts != "", got.String(), want.String())
				}
			}
		}
	}
}
