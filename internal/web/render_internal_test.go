package web

import (
	"bytes"
	"html/template"
	"strings"
	"testing"

	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// Pages are parsed the first time they are shown; every one must parse, in
// every language.
func TestEveryPageParses(t *testing.T) {
	ts, err := parseTemplates()
	if err != nil {
		t.Fatal(err)
	}
	if len(ts.pages) < 50 {
		t.Fatalf("only %d pages found", len(ts.pages))
	}
	for name := range ts.pages {
		for _, lang := range append([]string{"", "xx"}, i18n.Supported...) {
			if _, err := ts.page(name, lang); err != nil {
				t.Errorf("%s (%q): %v", name, lang, err)
			}
		}
	}
	if _, err := ts.page("no such page", "en"); err == nil {
		t.Error("a page that does not exist parsed")
	}
}

// Translating at parse time gives the same HTML as calling T: in text, in
// attributes, in a URL and in a script, through a sub-template given the page
// in a dict, inside a call's arguments, and with a key that has HTML and
// format verbs in it. Calls with arguments and piped calls still run.
func TestStaticTranslationMatchesT(t *testing.T) {
	const src = `{{define "sub"}}<b>{{.P.T "Menu"}}</b>{{end}}` +
		`<title>{{.T "Error"}}</title><a href="/x?q={{.T "Sign in"}}" aria-label="{{$.T "Your account"}}">{{.T "Rights"}}</a>` +
		`{{template "sub" (dict "P" .)}}{{range $i, $x := list "a" "b"}}{{$.T "Sign out"}}{{$x}}{{end}}` +
		`{{with $p := .}}{{$p.T "Cookies"}}{{end}}{{or "" (.T "Privacy notice")}}{{.T "%d decisions" 3}}` +
		`{{"Training" | print}}{{.T "<b>100% & \"quoted\"</b>"}}{{.T "Not a known key, kept as it is"}}` +
		`<script nonce="n">var s = {{.T "Skip to main content"}};</script>`
	for _, lang := range i18n.Supported {
		var want, got bytes.Buffer
		plain := template.Must(template.New("t").Funcs(funcs).Parse(src))
		fixed := template.Must(template.New("t").Funcs(funcs).Parse(src))
		translateStatic(fixed, lang)
		p := &Page{Lang: lang}
		if err := plain.Execute(&want, p); err != nil {
			t.Fatal(err)
		}
		if err := fixed.Execute(&got, p); err != nil {
			t.Fatal(err)
		}
		if want.String() != got.String() {
			t.Errorf("%s:\n T: %s\nparse time: %s", lang, &want, &got)
		}
		if lang == "cy" && bytes.Contains(got.Bytes(), []byte(">Rights<")) {
			t.Errorf("Welsh page kept the English: %s", &got)
		}
	}
}

// Folding escaped constants into text gives the same HTML as escaping them
// on every run: in text, attributes, a title, a textarea, a URL (left as it
// is), a script and a style (left as they are), through sub-templates
// called in text and in an attribute, with characters the escapers change;
// and the page still renders the same on its second run.
func TestFoldedConstantsMatch(t *testing.T) {
	const src = `{{define "sub"}}<b>{{.P.T "Menu"}}</b>{{"it's <fine> & \"quoted\" + \x00"}}{{end}}` +
		`{{define "inattr"}}{{.P.T "Your account"}} & {{"a'b"}}{{end}}` +
		`{{define "content"}}<title>{{.T "Error"}} {{"<x>"}}</title><textarea>{{"a&b"}}</textarea>` +
		`<a href="/x?q={{.T "Sign in"}}&r={{"a b"}}" title="{{.T "Rights"}}" aria-label="{{template "inattr" (dict "P" .)}}">{{.T "Rights"}}</a>` +
		`{{template "sub" (dict "P" .)}}{{if .Title}}{{.T "Sign out"}}{{else}}{{"no"}}{{end}}{{range $i, $x := list "a" "b"}}{{$.T "Cookies"}}{{$x}}{{end}}` +
		`<script nonce="n">var s = {{.T "Skip to main content"}}; var t = {{"x"}};</script><style>p { content: {{"q"}} }</style>` +
		`{{with .Title}}{{"<w>"}}{{.}}{{end}}{{.T "%d decisions" 3}}{{"Ymlaen’"}}{{end}}`
	for _, lang := range i18n.Supported {
		p := &Page{Lang: lang, Title: "T<itle>"}
		plain := template.Must(template.New("t").Funcs(funcs).Parse(src))
		folded := template.Must(template.New("t").Funcs(funcs).Parse(src))
		translateStatic(plain, lang)
		translateStatic(folded, lang)
		foldEscapedConstants(folded)
		for run := 0; run < 2; run++ {
			var want, got bytes.Buffer
			if err := plain.ExecuteTemplate(&want, "content", p); err != nil {
				t.Fatal(err)
			}
			if err := folded.ExecuteTemplate(&got, "content", p); err != nil {
				t.Fatal(err)
			}
			if want.String() != got.String() {
				t.Errorf("%s, run %d:\n escaped: %s\n  folded: %s", lang, run, &want, &got)
			}
		}
		// It did fold: the content's first constant is now text.
		if !strings.Contains(folded.Lookup("content").Tree.Root.String(), "<title>"+i18n.T(lang, "Error")) {
			t.Errorf("%s: nothing folded: %s", lang, folded.Lookup("content").Tree.Root)
		}
	}
}
