package web

import (
	"html/template"
	"strings"
)

// programmesHTML is the training listing's programmes: each cohort's name
// and programme, then each part's heading, whether the person has a date
// for it, and its sessions (part.List). Written in Go as the listing's
// template wrote it (see html_go.go): a part made two dicts, a sub-template
// call and a dozen reflective calls, a third of the listing's CPU.
func programmesHTML(p *Page, programmes []*programmeListing) template.HTML {
	var b strings.Builder
	n := 0
	for _, g := range programmes {
		n += 256
		for _, part := range g.Parts {
			n += 256 + len(part.List)
		}
	}
	b.Grow(n)
	for _, g := range programmes {
		b.WriteString("\n<h2 class=\"govuk-heading-m\">")
		escapeHTML(&b, g.Cohort.Name)
		b.WriteString("</h2>\n<p class=\"govuk-body\">")
		englishHTML(&b, p, g.Cohort.ProgrammeTitle)
		b.WriteString(", ")
		escapeHTML(&b, p.T("for your organisation"))
		b.WriteString(". <strong>")
		escapeHTML(&b, p.T("Book one date for each part."))
		b.WriteString("</strong></p>\n")
		for _, part := range g.Parts {
			partHTML(&b, p, part)
		}
	}
	return template.HTML(b.String())
}

// partHTML writes one part of a programme: its heading, the person's date
// if they have one, and its sessions.
func partHTML(b *strings.Builder, p *Page, part *partListing) {
	x := part.Sessions[0]
	b.WriteString("\n<h3 class=\"govuk-heading-s govuk-!-margin-bottom-2\">")
	if part.Part != 0 {
		escapeHTML(b, p.T("Part %d", part.Part))
		b.WriteString(": ")
	}
	bilingualHTML(b, p, x.CourseTitle, x.CourseTitleCy)
	b.WriteString("</h3>\n")
	if part.Booked {
		b.WriteString(`<p class="govuk-body-s"><strong class="govuk-tag govuk-tag--green">`)
		escapeHTML(b, p.T("You have a date for this part"))
		b.WriteString(`</strong></p>`)
	}
	b.WriteByte('\n')
	b.WriteString(string(part.List))
	b.WriteByte('\n')
}

// englishHTML writes what the "en" template writes: the text, marked as
// English on a page in another language.
func englishHTML(b *strings.Builder, p *Page, s string) {
	if p.Lang == "en" {
		escapeHTML(b, s)
		return
	}
	b.WriteString(`<span lang="en">`)
	escapeHTML(b, s)
	b.WriteString(`</span>`)
}

// monthOptions are the listing's months, "December 2026", by "2026-12".
func monthOptions(p *Page, months []string, selected string) template.HTML {
	o := make([]option, len(months))
	for i, m := range months {
		o[i] = option{m, p.Dates.Month(m)}
	}
	return optionsHTML(o, selected)
}
