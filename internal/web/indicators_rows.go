package web

import (
	"html/template"
	"strings"
)

// readingRows writes a readings table's rows (the readings-table template
// calls it once a table): each indicator's name, latest value, target,
// centre line, limits and its variation and assurance labels. The
// dashboard shows several such tables, and each row made some fifteen
// reflective calls through the template and its spc-tags and spc-assurance
// partials. links, when true, links each name to its indicator's page for
// the period q. Escaped as html/template escapes (see html_go.go).
func readingRows(p *Page, rs []indicatorReading, q indicatorQuery, links any) template.HTML {
	link, _ := links.(bool)
	var b strings.Builder
	b.Grow(len(rs) * 900)
	for i := range rs {
		r := &rs[i]
		b.WriteString("<tr class=\"govuk-table__row\">\n    <th scope=\"row\" class=\"govuk-table__header\">")
		if link {
			b.WriteString(`<a class="govuk-link" href="/indicators/`)
			escapeURLPath(&b, r.Def.Key)
			b.WriteString(`?from=`)
			escapeURLQuery(&b, q.From)
			b.WriteString(`&amp;to=`)
			escapeURLQuery(&b, q.To)
			b.WriteString(`">`)
			escapeHTML(&b, r.Name)
			b.WriteString(`</a>`)
		} else {
			escapeHTML(&b, r.Name)
		}
		b.WriteString("</th>\n    <td class=\"govuk-table__cell govuk-table__cell--numeric\">")
		if r.Latest != "" {
			escapeHTML(&b, r.Latest)
			b.WriteString(`<br><span class="govuk-body-s">`)
			escapeHTML(&b, r.LatestMonth)
			b.WriteString(`</span>`)
		} else {
			b.WriteString("–")
		}
		b.WriteString("</td>\n    <td class=\"govuk-table__cell govuk-table__cell--numeric\">")
		escapeHTML(&b, or(r.TargetText, "–"))
		b.WriteString("</td>\n    <td class=\"govuk-table__cell govuk-table__cell--numeric\">")
		escapeHTML(&b, or(r.Centre, "–"))
		b.WriteString("</td>\n    <td class=\"govuk-table__cell govuk-table__cell--numeric\">")
		if r.Upper != "" {
			escapeHTML(&b, r.Lower)
			b.WriteString(" ")
			escapeHTML(&b, p.T("to"))
			b.WriteString(" ")
			escapeHTML(&b, r.Upper)
		} else {
			b.WriteString("–")
		}
		b.WriteString("</td>\n    <td class=\"govuk-table__cell\">")
		spcTagsHTML(&b, p, r)
		b.WriteString("</td>\n    <td class=\"govuk-table__cell\">")
		spcAssuranceHTML(&b, p, r)
		b.WriteString("</td>\n  </tr>")
	}
	return template.HTML(b.String())
}

// or is s, or else when s is empty.
func or(s, otherwise string) string {
	if s == "" {
		return otherwise
	}
	return s
}

// spcTagsHTML is the spc-tags template: the variation label in words, its
// colour only repeating it.
func spcTagsHTML(b *strings.Builder, p *Page, r *indicatorReading) {
	if r.Variation == "" {
		b.WriteString(`<span class="govuk-body-s">`)
		escapeHTML(b, p.T("No data yet"))
		b.WriteString(`</span>`)
		return
	}
	colour := map[string]string{"improvement": "blue", "concern": "orange", "special_neither": "purple"}[r.SPC.Variation]
	tagHTML(b, or(colour, "grey"), r.Variation)
}

// spcAssuranceHTML is the spc-assurance template: the assurance label, or
// why there is none.
func spcAssuranceHTML(b *strings.Builder, p *Page, r *indicatorReading) {
	switch {
	case r.Assurance != "":
		colour := map[string]string{"pass": "blue", "fail": "orange"}[r.SPC.Assurance]
		tagHTML(b, or(colour, "grey"), r.Assurance)
	case r.HasTarget:
		b.WriteString(`<span class="govuk-body-s">`)
		escapeHTML(b, p.T("Needs 13 months for an assurance label"))
		b.WriteString(`</span>`)
	default:
		b.WriteString(`<span class="govuk-body-s">`)
		escapeHTML(b, p.T("No target"))
		b.WriteString(`</span>`)
	}
}

// tagHTML writes a GOV.UK tag of a colour.
func tagHTML(b *strings.Builder, colour, text string) {
	b.WriteString(`<strong class="govuk-tag govuk-tag--`)
	b.WriteString(colour)
	b.WriteString(`">`)
	escapeHTML(b, text)
	b.WriteString(`</strong>`)
}
