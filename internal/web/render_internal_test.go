package web

import (
	"bytes"
	"html/template"
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
