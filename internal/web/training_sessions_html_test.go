package web

import (
	"html/template"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// sessionListTemplate is the training listing's session list as the
// templates wrote it before it was written in Go (sessionListHTML).
const sessionListTemplate = `{{define "session-list"}}<ul class="govuk-list lb-session-list">
{{range .Sessions}}<li class="govuk-!-margin-bottom-4">
  {{if $.Sub}}<p class="govuk-body govuk-!-margin-bottom-1"><a class="govuk-link" href="/training/sessions/{{.ID}}">{{$.P.Dates.Session .}}</a></p>
  {{else}}<h3 class="govuk-heading-s govuk-!-margin-bottom-1"><a class="govuk-link" href="/training/sessions/{{.ID}}">{{template "bi" (dict "P" $.P "EN" .CourseTitle "CY" .CourseTitleCy)}}</a></h3>
  <p class="govuk-body govuk-!-margin-bottom-1">{{$.P.Dates.Session .}}</p>{{end}}
  <p class="govuk-body-s govuk-!-margin-bottom-0">{{$.P.Label "training" .Mode}}{{if eq .Mode "in_person"}} · {{.Venue}}{{end}} · {{if .Full}}<strong class="lb-full">{{$.P.T "Full: waiting list open"}}</strong>{{else}}{{$.P.T "%d places left" .Left}}{{end}}{{if .CohortName}} · {{.CohortName}}{{end}}</p>
</li>{{end}}
</ul>{{end}}
{{define "bi"}}{{if ne .P.Lang "cy"}}{{.EN}}{{else if .CY}}{{.CY}}{{else}}<span lang="en">{{.EN}}</span>{{end}}{{end}}`

func TestSessionListHTMLMatchesTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Funcs(template.FuncMap{"dict": funcs["dict"]}).Parse(sessionListTemplate))
	nasty := "<script>alert('x')</script> & \"quotes\" + plus \x00 nul, Welsh ŵ ŷ, bad \xff byte, &amp; already"
	at := time.Date(2026, 12, 8, 9, 30, 0, 0, time.UTC)
	sessions := []*lightbulb.Session{
		{ID: 4, CourseTitle: "Human rights in everyday care", CourseTitleCy: "Hawliau dynol mewn gofal bob dydd", StartsAt: at, EndsAt: at.Add(3 * time.Hour),
			Mode: "online", Capacity: 20, Taken: 7},
		{ID: 9223372036854775807, CourseTitle: nasty, StartsAt: at.AddDate(0, 6, 0), EndsAt: at.AddDate(0, 6, 0).Add(time.Hour),
			Mode: "in_person", Venue: nasty, Capacity: 10, Taken: 12, CohortName: nasty},
		{ID: 5, CourseTitle: "Leads", Mode: "in_person", Venue: "Room 2", StartsAt: at, EndsAt: at.Add(26 * time.Hour), Capacity: 1, Taken: 1, CohortName: "Wave 1"},
	}
	for _, lang := range []string{"en", "cy"} {
		p := &Page{Lang: lang}
		p.Dates.Lang = lang
		for _, n := range []int{0, 1, len(sessions)} {
			for _, sub := range []bool{false, true} {
				var want strings.Builder
				if err := tmpl.ExecuteTemplate(&want, "session-list", map[string]any{"P": p, "Sessions": sessions[:n], "Sub": sub}); err != nil {
					t.Fatal(err)
				}
				if got := string(sessionListHTML(p, sessions[:n], sub)); got != want.String() {
					t.Errorf("%s, %d sessions, sub %v:\n got %q\nwant %q", lang, n, sub, got, want.String())
				}
			}
		}
	}
}
