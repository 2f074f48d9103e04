package web

import (
	"html/template"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// rightsListTemplate is the rights library's list as the template wrote it
// before it was written in Go (rightsListHTML).
const rightsListTemplate = `{{range .Rights}}<li><a class="govuk-link govuk-!-font-weight-bold" href="/rights/{{.Code}}">{{.Text.Title}}</a> <span class="govuk-caption-s">{{$.P.ArticleLabel .Article}}</span><br><span class="govuk-body-s">{{.Text.Summary}}</span></li>{{end}}`

func TestRightsListHTMLMatchesTemplate(t *testing.T) {
	tmpl := template.Must(template.New("list").Parse(rightsListTemplate))
	nasty := "<script>alert('x')</script> & \"quotes\" + plus \x00 nul, Welsh ŵ ŷ, bad \xff byte, &amp; already"
	right := func(code, article, title, summary string) *lightbulb.Right {
		return &lightbulb.Right{Code: code, Article: article, Text: lightbulb.RightText{Title: title, Summary: summary}}
	}
	rights := []*lightbulb.Right{
		right("A8", "Article 8", "Right to respect for private and family life", "Your home, relationships and privacy."),
		right("P1-2", "Protocol 1, Article 2", "Right to education", "Nobody is denied an education."),
		right(nasty, nasty, nasty, nasty),
		right("a b/c?d=e&f#g%41%zz%4", "Article", "", ""),
		right("ŵ\"'<>+\x7f\x01", "", "", ""),
	}
	for _, lang := range []string{"en", "cy"} {
		p := &Page{Lang: lang}
		for _, n := range []int{0, 1, len(rights)} {
			var want strings.Builder
			if err := tmpl.Execute(&want, map[string]any{"P": p, "Rights": rights[:n]}); err != nil {
				t.Fatal(err)
			}
			if got := string(rightsListHTML(p, rights[:n])); got != want.String() {
				t.Errorf("%s, %d rights:\n got %q\nwant %q", lang, n, got, want.String())
			}
		}
	}
}
