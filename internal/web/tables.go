package web

import (
	"bytes"
	"html/template"
	"io"
	"strings"
)

// scrollTables writes page to w with every table in a scroll region of its
// own: focusable (so a keyboard can scroll it), a labelled region (named by
// the table's caption, or else by the page's title), so a table wider than
// a phone scrolls by itself and the page never scrolls sideways. A table a
// template already wrapped is left as it is. The page is written in pieces
// around the regions rather than copied.
//
// The scanners below stand for regular expressions (tables_test.go holds
// them to those): a table's start tag `<table\b[^>]*>`, a caption straight
// after it `(?s)^\s*<caption\b[^>]*>(.*?)</caption>`, a tag in the caption
// `<[^>]*>`, and a region already open before it
// `<div\b[^>]*\blb-table-scroll\b[^>]*>\s*$`.
func scrollTables(w io.Writer, page []byte, title string) {
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
		if inRegion(before[max(0, len(before)-400):]) {
			_, _ = w.Write(rest[:end])
		} else {
			label := template.HTMLEscapeString(title)
			if c, ok := captionAt(rest[loc[1]:end]); ok {
				// The caption is already escaped HTML: keep its text, drop its tags.
				label = strings.Join(strings.Fields(dropTags(c)), " ")
			}
			_, _ = w.Write(before)
			_, _ = io.WriteString(w, `<div class="lb-table-scroll" tabindex="0" role="region" aria-label="`+label+`">`)
			_, _ = w.Write(rest[loc[0]:end])
			_, _ = io.WriteString(w, `</div>`)
		}
		rest = rest[end:]
	}
	_, _ = w.Write(rest)
}

// nextTable is where the next table's start tag is in b: its '<' and just
// after its '>', or nil.
func nextTable(b []byte) []int {
	for from := 0; ; {
		i := bytes.Index(b[from:], []byte("<table"))
		if i < 0 {
			return nil
		}
		at := from + i
		if j, ok := tagEnd(b, at+len("<table")); ok {
			return []int{at, j}
		}
		from = at + len("<table")
	}
}

// tagEnd is just after the '>' closing a tag whose name ends at b[i]: the
// name must end there (a word boundary), and the tag runs to the next '>'.
func tagEnd(b []byte, i int) (int, bool) {
	if i < len(b) && isWordByte(b[i]) {
		return 0, false
	}
	j := bytes.IndexByte(b[i:], '>')
	if j < 0 {
		return 0, false
	}
	return i + j + 1, true
}

// captionAt is the inner HTML of a caption that opens b, after spaces.
func captionAt(b []byte) ([]byte, bool) {
	b = bytes.TrimLeft(b, "\t\n\f\r ")
	if !bytes.HasPrefix(b, []byte("<caption")) {
		return nil, false
	}
	start, ok := tagEnd(b, len("<caption"))
	if !ok {
		return nil, false
	}
	n := bytes.Index(b[start:], []byte("</caption>"))
	if n < 0 {
		return nil, false
	}
	return b[start : start+n], true
}

// dropTags is s with each tag made a space; a '<' never closed stays.
func dropTags(s []byte) string {
	var out strings.Builder
	for {
		i := bytes.IndexByte(s, '<')
		if i < 0 {
			break
		}
		j := bytes.IndexByte(s[i:], '>')
		if j < 0 {
			break
		}
		out.Write(s[:i])
		out.WriteByte(' ')
		s = s[i+j+1:]
	}
	out.Write(s)
	return out.String()
}

// inRegion reports whether b ends, but for spaces, with the start tag of a
// div whose attributes name the class lb-table-scroll.
func inRegion(b []byte) bool {
	b = bytes.TrimRight(b, "\t\n\f\r ")
	if len(b) == 0 || b[len(b)-1] != '>' {
		return false
	}
	// The tag: after the '>' before the last one, so without a '>' inside.
	tag := b[bytes.LastIndexByte(b[:len(b)-1], '>')+1 : len(b)-1]
	div := -1
	for from := 0; div < 0; {
		i := bytes.Index(tag[from:], []byte("<div"))
		if i < 0 {
			return false
		}
		if at := from + i + len("<div"); at == len(tag) || !isWordByte(tag[at]) {
			div = at
		}
		from += i + len("<div")
	}
	const class = "lb-table-scroll"
	for from := div; ; {
		i := bytes.Index(tag[from:], []byte(class))
		if i < 0 {
			return false
		}
		at := from + i
		if !isWordByte(tag[at-1]) && (at+len(class) == len(tag) || !isWordByte(tag[at+len(class)])) {
			return true
		}
		from = at + 1
	}
}

// isWordByte is what \b in a regular expression counts as a word: ASCII
// letters, digits and '_'.
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
