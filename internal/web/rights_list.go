package web

import (
	"html/template"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// rightsListHTML is the rights library's list of rights (each group's, and
// a search's results): a link to each right with its article and summary,
// written in Go as the template's range wrote it (see html_go.go), since
// /rights lists all 16 on every view.
func rightsListHTML(p *Page, rights []*lightbulb.Right) template.HTML {
	var b strings.Builder
	b.Grow(len(rights) * 400)
	for _, r := range rights {
		b.WriteString(`<li><a class="govuk-link govuk-!-font-weight-bold" href="/rights/`)
		escapeURLPath(&b, r.Code)
		b.WriteString(`">`)
		escapeHTML(&b, r.Text.Title)
		b.WriteString(`</a> <span class="govuk-caption-s">`)
		escapeHTML(&b, p.ArticleLabel(r.Article))
		b.WriteString(`</span><br><span class="govuk-body-s">`)
		escapeHTML(&b, r.Text.Summary)
		b.WriteString(`</span></li>`)
	}
	return template.HTML(b.String())
}
