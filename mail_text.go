package lightbulb

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"text/template"
	"time"
)

// The languages Lightbulb writes to people in, English first.
const (
	LangEnglish = "en"
	LangWelsh   = "cy"
)

// Languages lists every language a person can choose, English first.
var Languages = []string{LangEnglish, LangWelsh}

// ValidLang reports whether lang is one of Languages.
func ValidLang(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// MailLang is the language to write to someone in: theirs when it is one
// Lightbulb speaks, English otherwise (say, a person not yet signed in).
func MailLang(lang string) string {
	if ValidLang(lang) {
		return lang
	}
	return LangEnglish
}

// mailText holds every email's wording: mailtext/NAME.LANG.txt, one file per
// message and language. A file's first line is "Subject: ...", then a blank
// line, then the body.
//
//go:embed mailtext/*.txt
var mailText embed.FS

// mailTemplates maps "NAME.LANG" to its parsed template.
var mailTemplates = func() map[string]*template.Template {
	files, err := fs.Glob(mailText, "mailtext/*.txt")
	if err != nil {
		panic(err)
	}
	out := map[string]*template.Template{}
	for _, f := range files {
		key := strings.TrimSuffix(path.Base(f), ".txt")
		src, err := mailText.ReadFile(f)
		if err != nil {
			panic(err)
		}
		out[key] = template.Must(template.New(key).Option("missingkey=error").Parse(string(src)))
	}
	return out
}()

// MailNames lists each message that has wording, with the languages it has,
// for the test that every message has every language.
func MailNames() map[string][]string {
	out := map[string][]string{}
	for key := range mailTemplates {
		name, lang, _ := strings.Cut(key, ".")
		out[name] = append(out[name], lang)
	}
	return out
}

// RenderMail writes message name in lang (English when lang is not one
// Lightbulb speaks) with data, and returns its subject and body.
func RenderMail(name, lang string, data any) (subject, body string, err error) {
	lang = MailLang(lang)
	t, ok := mailTemplates[name+"."+lang]
	if !ok {
		return "", "", fmt.Errorf("mail %q has no %s wording", name, lang)
	}
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return "", "", fmt.Errorf("mail %s.%s: %w", name, lang, err)
	}
	head, body, ok := strings.Cut(b.String(), "\n\n")
	subject, found := strings.CutPrefix(head, "Subject: ")
	if !ok || !found || strings.Contains(subject, "\n") || strings.TrimSpace(subject) == "" {
		return "", "", fmt.Errorf("mail %s.%s: want a one-line \"Subject: \" then a blank line", name, lang)
	}
	return strings.TrimSpace(subject), strings.TrimLeft(body, "\n"), nil
}

// letter composes message name to one address in lang. Its data are
// filled in by the constructors in this package, and a test renders every
// message in every language through them, so a failure here is a
// programming error, like a bad template.Must.
func letter(name, lang, to string, data any) *Mail {
	lang = MailLang(lang)
	subject, body, err := RenderMail(name, lang, data)
	if err != nil {
		panic(err)
	}
	return &Mail{To: to, Subject: subject, Body: body, Lang: lang}
}

// LongDate shows t's day like "Tuesday 3 March 2026" in lang.
func LongDate(t time.Time, lang string) string {
	lang = MailLang(lang)
	return fmt.Sprintf("%s %d %s %d", WeekdayName(lang, t.Weekday()), t.Day(), MonthName(lang, t.Month()), t.Year())
}

// ShortDate shows t's day like "3 March 2026" in lang.
func ShortDate(t time.Time, lang string) string {
	return fmt.Sprintf("%d %s %d", t.Day(), MonthName(MailLang(lang), t.Month()), t.Year())
}

// LongTime shows t in Europe/London in lang: "Tuesday 3 March 2026, 15:04
// GMT", or in Welsh "15:04 GMT, Dydd Mawrth 3 Mawrth 2026", the time first
// so that a preposition before it (tan, ar) never has to mutate "Dydd".
func LongTime(t time.Time, lang string) string {
	t = t.In(London)
	if MailLang(lang) == LangWelsh {
		return t.Format("15:04 MST, ") + LongDate(t, lang)
	}
	return LongDate(t, lang) + t.Format(", 15:04 MST")
}
