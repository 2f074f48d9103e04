package web

import (
	"html/template"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// programmesTemplate is the training listing's programmes and month options
// as its template wrote them before they were written in Go
// (programmesHTML, monthOptions).
const programmesTemplate = `{{define "programmes"}}{{range .Data.Programmes}}
<h2 class="govuk-heading-m">{{.Cohort.Name}}</h2>
<p class="govuk-body">{{template "en" (dict "P" $ "S" .Cohort.ProgrammeTitle)}}, {{$.T "for your organisation"}}. <strong>{{$.T "Book one date for each part."}}</strong></p>
{{range .Parts}}{{$x := index .Sessions 0}}
<h3 class="govuk-heading-s govuk-!-margin-bottom-2">{{if .Part}}{{$.T "Part %d" .Part}}: {{end}}{{template "bi" (dict "P" $ "EN" $x.CourseTitle "CY" $x.CourseTitleCy)}}</h3>
{{if .Booked}}<p class="govuk-body-s"><strong class="govuk-tag govuk-tag--green">{{$.T "You have a date for this part"}}</strong></p>{{end}}
{{.List}}
{{end}}{{end}}{{end}}
{{define "months"}}{{range .Data.Months}}<option value="{{.}}"{{if eq . ($.Val "month")}} selected{{end}}>{{$.Dates.Month .}}</option>{{end}}{{end}}
{{define "en"}}{{if eq .P.Lang "en"}}{{.S}}{{else}}<span lang="en">{{.S}}</span>{{end}}{{end}}
{{define "bi"}}{{if ne .P.Lang "cy"}}{{.EN}}{{else if .CY}}{{.CY}}{{else}}<span lang="en">{{.EN}}</span>{{end}}{{end}}`

func TestProgrammesHTMLMatchesTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Funcs(template.FuncMap{"dict": funcs["dict"]}).Parse(programmesTemplate))
	nasty := "<script>alert('x')</script> & \"quotes\" + plus \x00 nul, Welsh ŵ ŷ, bad \xff byte, &amp; already"
	at := time.Date(2026, 12, 8, 9, 30, 0, 0, time.UTC)
	plain := &lightbulb.Session{ID: 4, CourseTitle: "Rights at work", CourseTitleCy: "Hawliau yn y gwaith", StartsAt: at, EndsAt: at.Add(time.Hour), Mode: "online", Capacity: 9}
	hostile := &lightbulb.Session{ID: 5, CourseTitle: nasty, StartsAt: at, EndsAt: at.Add(time.Hour), Mode: "in_person", Venue: nasty, Capacity: 1, Taken: 1}
	programmes := []*programmeListing{
		{Cohort: &lightbulb.Cohort{Name: "Wave 1", ProgrammeTitle: "Practitioner programme"}, Parts: []*partListing{
			{Part: 1, Sessions: []*lightbulb.Session{plain, hostile}, Booked: true},
			{Part: 2, Sessions: []*lightbulb.Session{hostile}},
		}},
		{Cohort: &lightbulb.Cohort{Name: nasty, ProgrammeTitle: nasty}, Parts: []*partListing{{Sessions: []*lightbulb.Session{hostile, plain}}}},
	}
	months := []string{"2026-12", "2027-01", nasty}
	for _, lang := range []string{"en", "cy", "fr"} {
		p := &Page{Lang: lang}
		p.Dates.Lang = lang
		for _, part := range append(programmes[0].Parts, programmes[1].Parts...) {
			part.List = sessionListHTML(p, part.Sessions, true)
		}
		for _, n := range []int{0, 1, len(programmes)} {
			for _, sel := range []string{"", "2027-01", nasty} {
				p.Form = map[string][]string{"month": {sel}}
				p.Data = map[string]any{"Programmes": programmes[:n], "Months": months[:n+1]}
				var want strings.Builder
				if err := tmpl.ExecuteTemplate(&want, "programmes", p); err != nil {
					t.Fatal(err)
				}
				got := string(programmesHTML(p, programmes[:n]))
				if got != want.String() {
					t.Errorf("%s, %d programmes:\n got %q\nwant %q", lang, n, got, want.String())
				}
				want.Reset()
				if err := tmpl.ExecuteTemplate(&want, "months", p); err != nil {
					t.Fatal(err)
				}
				if got := string(monthOptions(p, months[:n+1], sel)); got != want.String() {
					t.Errorf("%s, months selecting %q:\n got %q\nwant %q", lang, sel, got, want.String())
				}
			}
		}
	}
}
