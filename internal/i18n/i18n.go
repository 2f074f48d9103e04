// Package i18n translates interface text and chooses a language for each
// request. English strings are the keys; a missing translation falls back to
// English, so a page is never blank.
package i18n

import (
	"fmt"
	"net/http"

	"golang.org/x/text/language"
)

// Supported lists the languages Lightbulb speaks, English first.
var Supported = []string{"en", "cy"}

// Names gives each language's name in that language, for the switcher.
var Names = map[string]string{"en": "English", "cy": "Cymraeg"}

var matcher = language.NewMatcher([]language.Tag{language.English, language.MustParse("cy")})

// welsh is every Welsh translation: the core catalogue in welsh.go plus one
// file per area of the product (welsh_*.go), each added by addWelsh.
var welsh = map[string]string{}

// addWelsh adds an area's Welsh catalogue. A key that is already there keeps
// its first translation; TestWelshNoClashes reports such keys.
func addWelsh(m map[string]string) {
	for k, v := range m {
		if _, ok := welsh[k]; !ok {
			welsh[k] = v
		}
	}
}

func init() { addWelsh(welshCore) }

// catalogues maps a language to its translations, keyed by the English text.
var catalogues = map[string]map[string]string{"cy": welsh}

// T translates an English string into lang, formatting any arguments.
func T(lang, key string, args ...any) string {
	s := key
	if c, ok := catalogues[lang]; ok {
		if tr, ok := c[key]; ok && tr != "" {
			s = tr
		}
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Has reports whether lang has its own translation of key.
func Has(lang, key string) bool {
	_, ok := catalogues[lang][key]
	return ok
}

// Valid reports whether lang is a supported language code.
func Valid(lang string) bool {
	for _, l := range Supported {
		if l == lang {
			return true
		}
	}
	return false
}

// CookieName is the cookie that remembers a chosen language.
const CookieName = "lightbulb_lang"

// FromRequest picks the language for r: a remembered choice first, then the
// browser's Accept-Language, then English.
func FromRequest(r *http.Request) string {
	if c, err := r.Cookie(CookieName); err == nil && Valid(c.Value) {
		return c.Value
	}
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil || len(tags) == 0 {
		return "en"
	}
	_, idx, conf := matcher.Match(tags...)
	if conf == language.No {
		return "en"
	}
	return Supported[idx]
}
