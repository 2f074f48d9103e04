package web

import (
	"bytes"
	"html/template"
	"regexp"
	"strings"
)

var (
	tableOpen = regexp.MustCompile(`<table\b[^>]*>`)
	// captionAt matches a caption straight after a table's start tag.
	captionAt = regexp.MustCompile(`(?s)^\s*<caption\b[^>]*>(.*?)</caption>`)
	anyTag    = regexp.MustCompile(`<[^>]*>`)
	// inRegion matches the end of a region a template already wrapped a table in.
	inRegion = regexp.MustCompile(`<div\b[^>]*\blb-table-scroll\b[^>]*>\s*$`)
)

// scrollTables puts every table of a rendered page in a scroll region of
// its own: focusable (so a keyboard can scroll it), a labelled region (named
// by the table's caption, or else by the page's title), so a table wider
// than a phone scrolls by itself and the page never scrolls sideways. A
// table a template already wrapped is left as it is.
func scrollTables(page []byte, title string) []byte {
	if !bytes.Contains(page, []byte("<table")) {
		return page
	}
	var out bytes.Buffer
	out.Grow(len(page) + 1024) // the page and a few regions' start tags, copied once
	rest := page
	for {
		loc := nextTable(rest)
		if loc == nil {
			break
		}
		n := bytes.Index(rest[loc[1]:], []byte("</table>"))
		if n < 0 {
			break
		}
		end := loc[1] + n + len("</table>")
		before := rest[:loc[0]]
		out.Write(before)
		if inRegion.Match(before[max(0, len(before)-400):]) {
			out.Write(rest[loc[0]:end])
		} else {
			label := template.HTMLEscapeString(title)
			if m := captionAt.FindSubmatch(rest[loc[1]:end]); m != nil {
				// The caption is already escaped HTML: keep its text, drop its tags.
				label = strings.Join(strings.Fields(anyTag.ReplaceAllString(string(m[1]), " ")), " ")
			}
			out.WriteString(`<div class="lb-table-scroll" tabindex="0" role="region" aria-label="` + label + `">`)
			out.Write(rest[loc[0]:end])
			out.WriteString(`</div>`)
		}
		rest = rest[end:]
	}
	out.Write(rest)
	return out.Bytes()
}

// nextTable is where the next table's start tag is in b, as
// tableOpen.FindIndex gives it: the regexp runs only from each "<table".
func nextTable(b []byte) []int {
	for from := 0; ; {
		i := bytes.Index(b[from:], []byte("<table"))
		if i < 0 {
			return nil
		}
		at := from + i
		if loc := tableOpen.FindIndex(b[at:]); loc != nil && loc[0] == 0 {
			return []int{at, at + loc[1]}
		}
		from = at + len("<table")
	}
}
