package web

import (
	"html/template"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// sessionListHTML is the training listing's list of sessions: under a
// programme's part (sub) each session's date links to it; among the open
// sessions its course title does, with the date below. Written in Go as
// the session-list template wrote it (see html_go.go): the listing shows
// every upcoming session, and each made a dozen reflective calls.
func sessionListHTML(p *Page, sessions []*lightbulb.Session, sub bool) template.HTML {
	var b strings.Builder
	b.Grow(len(sessions)*500 + 64)
	b.WriteString("<ul class=\"govuk-list lb-session-list\">\n")
	for _, x := range sessions {
		id := strconv.FormatInt(x.ID, 10)
		b.WriteString("<li class=\"govuk-!-margin-bottom-4\">\n  ")
		if sub {
			b.WriteString(`<p class="govuk-body govuk-!-margin-bottom-1"><a class="govuk-link" href="/training/sessions/`)
			b.WriteString(id)
			b.WriteString(`">`)
			escapeHTML(&b, p.Dates.Session(x))
			b.WriteString("</a></p>\n  ")
		} else {
			b.WriteString(`<h3 class="govuk-heading-s govuk-!-margin-bottom-1"><a class="govuk-link" href="/training/sessions/`)
			b.WriteString(id)
			b.WriteString(`">`)
			bilingualHTML(&b, p, x.CourseTitle, x.CourseTitleCy)
			b.WriteString("</a></h3>\n  <p class=\"govuk-body govuk-!-margin-bottom-1\">")
			escapeHTML(&b, p.Dates.Session(x))
			b.WriteString(`</p>`)
		}
		b.WriteString("\n  <p class=\"govuk-body-s govuk-!-margin-bottom-0\">")
		escapeHTML(&b, p.Label("training", x.Mode))
		if x.Mode == "in_person" {
			b.WriteString(" · ")
			escapeHTML(&b, x.Venue)
		}
		b.WriteString(" · ")
		if x.Full() {
			b.WriteString(`<strong class="lb-full">`)
			escapeHTML(&b, p.T("Full: waiting list open"))
			b.WriteString(`</strong>`)
		} else {
			escapeHTML(&b, p.T("%d places left", x.Left()))
		}
		if x.CohortName != "" {
			b.WriteString(" · ")
			escapeHTML(&b, x.CohortName)
		}
		b.WriteString("</p>\n</li>")
	}
	b.WriteString("\n</ul>")
	return template.HTML(b.String())
}

// bilingualHTML writes what the "bi" template writes: the English, or in
// Welsh the Welsh, or the English marked as English when there is none.
func bilingualHTML(b *strings.Builder, p *Page, en, cy string) {
	switch {
	case p.Lang != "cy":
		escapeHTML(b, en)
	case cy != "":
		escapeHTML(b, cy)
	default:
		b.WriteString(`<span lang="en">`)
		escapeHTML(b, en)
		b.WriteString(`</span>`)
	}
}
