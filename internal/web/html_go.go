package web

import (
	"html/template"
	"strconv"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Long, repeated parts of busy pages (the case list's rows, a filter's
// options, the case indicators' tables) are written here in Go rather than
// by html/template, which calls an escaper through reflection for every
// value it writes. Each writer escapes exactly as html/template does in
// text and in quoted attributes, and has a test that renders the same data
// with the template markup it replaced and compares the two byte for byte.

// escapeHTML writes s as html/template writes a string in text or in a
// quoted attribute: NUL becomes U+FFFD, and " & ' + < > character
// references; every other byte is copied.
func escapeHTML(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(repl)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// option is one choice of a select.
type option struct{ Value, Text string }

// optionsHTML writes the options, the one whose value is selected marked
// so, as `<option value="{{.Value}}"{{if eq $sel .Value}} selected{{end}}>{{.Text}}</option>`
// in a range would.
func optionsHTML(opts []option, selected string) template.HTML {
	var b strings.Builder
	b.Grow(len(opts) * 64)
	for _, o := range opts {
		b.WriteString(`<option value="`)
		escapeHTML(&b, o.Value)
		b.WriteByte('"')
		if o.Value == selected {
			b.WriteString(" selected")
		}
		b.WriteByte('>')
		escapeHTML(&b, o.Text)
		b.WriteString("</option>")
	}
	return template.HTML(b.String())
}

// rightOptions are a filter's rights, "A8 Right to respect for private and
// family life", by code.
func rightOptions(rights []*lightbulb.Right, selected string) template.HTML {
	o := make([]option, len(rights))
	for i, r := range rights {
		o[i] = option{r.Code, r.Code + " " + r.Text.Title}
	}
	return optionsHTML(o, selected)
}

// unitOptions are a filter's wards, teams and homes, by id.
func unitOptions(units []*lightbulb.Unit, selected string) template.HTML {
	o := make([]option, len(units))
	for i, u := range units {
		o[i] = option{strconv.FormatInt(u.ID, 10), u.Name}
	}
	return optionsHTML(o, selected)
}

// escapeURLPath writes s as html/template writes a value inside a URL's
// path in a quoted attribute (href="/rights/{{.Code}}"): bytes a URL may
// not hold are percent-encoded, a valid %XX escape is kept, and the result
// is escaped for the attribute.
func escapeURLPath(b *strings.Builder, s string) { escapeURL(b, s, true) }

// escapeURLQuery writes s as html/template writes a value in a URL's query
// in a quoted attribute (href="?from={{.From}}"): every byte but letters,
// digits and - . _ ~ is percent-encoded.
func escapeURLQuery(b *strings.Builder, s string) { escapeURL(b, s, false) }

// escapeURL is html/template's URL escaping (its urlProcessor): norm keeps
// a URL's reserved characters and valid escapes, as in a path.
func escapeURL(b *strings.Builder, s string, norm bool) {
	var u strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~", c) >= 0:
			continue
		case norm && strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			continue
		case norm && c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			continue
		}
		u.WriteString(s[last:i])
		u.WriteString("%" + hex2(c))
		last = i + 1
	}
	u.WriteString(s[last:])
	escapeHTML(b, u.String())
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// hex2 is c as two lower-case hex digits, as %02x writes it.
func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}
