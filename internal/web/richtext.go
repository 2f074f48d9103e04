package web

import (
	"html"
	"html/template"
	"regexp"
	"strings"
)

// boldRE finds **bold** text in a newsletter.
var boldRE = regexp.MustCompile(`\*\*([^*\n]+)\*\*`)

// Formatted shows a newsletter's plain text with its simple formatting as
// the email's reader will see it: blank lines between paragraphs, "## " for
// a heading, "- " for a list item and **bold**. Everything is escaped
// first, so no markup a writer types reaches the page.
func (p *Page) Formatted(text string) template.HTML {
	var b strings.Builder
	for _, block := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		lines := strings.Split(strings.TrimSpace(block), "\n")
		switch {
		case lines[0] == "":
			continue
		case strings.HasPrefix(lines[0], "## "):
			b.WriteString(`<h3 class="govuk-heading-s">` + inline(strings.TrimPrefix(lines[0], "## ")) + "</h3>")
			if len(lines) > 1 {
				b.WriteString(`<p class="govuk-body">` + inline(strings.Join(lines[1:], "\n")) + "</p>")
			}
		case strings.HasPrefix(lines[0], "- "):
			b.WriteString(`<ul class="govuk-list govuk-list--bullet">`)
			for _, l := range lines {
				b.WriteString("<li>" + inline(strings.TrimPrefix(l, "- ")) + "</li>")
			}
			b.WriteString("</ul>")
		default:
			b.WriteString(`<p class="govuk-body">` + inline(strings.Join(lines, "\n")) + "</p>")
		}
	}
	return template.HTML(b.String())
}

// inline escapes s, keeps its line breaks and shows **bold**.
func inline(s string) string {
	s = boldRE.ReplaceAllString(html.EscapeString(s), "<strong>$1</strong>")
	return strings.ReplaceAll(s, "\n", "<br>")
}
