// Package content holds the built-in text of the rights library: the 16
// rights in Schedule 1 of the Human Rights Act 1998, written in plain
// English and Welsh, with Easy Read sentences, practical examples from
// health and social care, and everyday search words.
//
// The text lives in rights.json, which is embedded in the binary. Rights
// parses and checks it, so a broken edit to the file fails loudly in tests
// instead of showing an empty page to a visitor.
package content

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

//go:embed rights.json
var rightsJSON []byte

// RightText is the wording of one right in one language.
type RightText struct {
	// Title is the short name of the right.
	Title string `json:"title"`
	// Summary says in one or two plain sentences what the right protects.
	Summary string `json:"summary"`
	// Protects is a plain-language paragraph on what the right covers.
	Protects string `json:"protects"`
	// HealthCare is a paragraph on what the right means day to day in
	// health and social care.
	HealthCare string `json:"health_care"`
	// Restrictions explains whether and how the right may be restricted.
	Restrictions string `json:"restrictions"`
	// Examples are short, concrete situations from health and care.
	Examples []string `json:"examples"`
	// EasyTitle is the Easy Read page's heading in plain words, such as
	// "Your right to a private life".
	EasyTitle string `json:"easy_title"`
	// EasyRead are short sentences, one idea each, in everyday words, at
	// most lightbulb.EasyReadMaxWords words each.
	EasyRead []string `json:"easy_read"`
	// EasyPictures names the icon beside each Easy Read sentence, one for
	// each, from Pictures.
	EasyPictures []string `json:"easy_pictures"`
	// Keywords are everyday words people might search with.
	Keywords []string `json:"keywords"`
}

// Right is one of the 16 rights with its English and Welsh text.
type Right struct {
	// Code is the identifier used everywhere, such as "A8" or "P1A3".
	Code string `json:"code"`
	// Article is the article's name, such as "Article 8".
	Article string `json:"article"`
	// Category is absolute, limited, qualified or non-discrimination.
	Category string `json:"category"`
	// EN is the English text, which is the original.
	EN RightText `json:"en"`
	// CY is the Welsh translation of EN.
	CY RightText `json:"cy"`
}

// scheduleCodes are the codes of the 16 rights in the order of Schedule 1.
var scheduleCodes = []string{
	"A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A12",
	"A14", "P1A1", "P1A2", "P1A3", "P13A1",
}

// categories are the accepted values of Right.Category.
var categories = map[string]bool{
	"absolute":           true,
	"limited":            true,
	"qualified":          true,
	"non-discrimination": true,
}

// Minimum list lengths for each language.
const (
	minExamples = 2
	minEasyRead = 4
	minKeywords = 1
)

// Rights returns the 16 rights in the order of Schedule 1, parsed from the
// embedded rights.json and checked for completeness. Each call returns a
// fresh copy that the caller may change freely.
func Rights() ([]Right, error) {
	return parse(rightsJSON)
}

// parse decodes a rights document and validates it. It reports every
// problem it finds, each naming the right's code and the field.
func parse(data []byte) ([]Right, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var rights []Right
	if err := dec.Decode(&rights); err != nil {
		return nil, fmt.Errorf("content: decode rights: %w", err)
	}
	if err := validate(rights); err != nil {
		return nil, fmt.Errorf("content: invalid rights: %w", err)
	}
	return rights, nil
}

// validate checks every right, then the set of codes as a whole.
func validate(rights []Right) error {
	known := make(map[string]bool, len(scheduleCodes))
	for _, c := range scheduleCodes {
		known[c] = true
	}
	var errs []error
	seen := make(map[string]bool, len(rights))
	for i, r := range rights {
		name := r.Code
		if strings.TrimSpace(name) == "" {
			name = fmt.Sprintf("#%d", i+1)
			errs = append(errs, fmt.Errorf("right %s: code is empty", name))
		} else if !known[r.Code] {
			errs = append(errs, fmt.Errorf("right %s: code is not one of the 16 Schedule 1 codes", name))
		} else if seen[r.Code] {
			errs = append(errs, fmt.Errorf("right %s: code appears more than once", name))
		}
		seen[r.Code] = true
		errs = append(errs, validateRight(name, r)...)
	}
	if len(rights) != len(scheduleCodes) {
		errs = append(errs, fmt.Errorf("found %d rights, want %d", len(rights), len(scheduleCodes)))
	}
	return errors.Join(errs...)
}

// validateRight checks one right's own fields and both of its languages.
func validateRight(name string, r Right) []error {
	var errs []error
	if strings.TrimSpace(r.Article) == "" {
		errs = append(errs, fmt.Errorf("right %s: article is empty", name))
	}
	if !categories[r.Category] {
		errs = append(errs, fmt.Errorf("right %s: category %q is not absolute, limited, qualified or non-discrimination", name, r.Category))
	}
	errs = append(errs, validateText(name, "en", r.EN)...)
	errs = append(errs, validateText(name, "cy", r.CY)...)
	return errs
}

// validateEasyRead checks that every Easy Read sentence is short and has a
// picture from the shipped set beside it.
func validateEasyRead(name, lang string, t RightText) []error {
	var errs []error
	if len(t.EasyPictures) != len(t.EasyRead) {
		errs = append(errs, fmt.Errorf("right %s: %s.easy_pictures has %d entries for %d sentences", name, lang, len(t.EasyPictures), len(t.EasyRead)))
	}
	for i, s := range t.EasyRead {
		if n := lightbulb.EasyReadWords(s); n > lightbulb.EasyReadMaxWords {
			errs = append(errs, fmt.Errorf("right %s: %s.easy_read[%d] has %d words, want at most %d: %q", name, lang, i, n, lightbulb.EasyReadMaxWords, s))
		}
	}
	for i, p := range t.EasyPictures {
		if !IsPicture(p) {
			errs = append(errs, fmt.Errorf("right %s: %s.easy_pictures[%d] %q is not in pictures.json", name, lang, i, p))
		}
	}
	return errs
}

// validateText checks that every field of one language is filled in.
func validateText(name, lang string, t RightText) []error {
	var errs []error
	texts := []struct{ field, value string }{
		{"title", t.Title},
		{"summary", t.Summary},
		{"protects", t.Protects},
		{"health_care", t.HealthCare},
		{"restrictions", t.Restrictions},
		{"easy_title", t.EasyTitle},
	}
	for _, f := range texts {
		if strings.TrimSpace(f.value) == "" {
			errs = append(errs, fmt.Errorf("right %s: %s.%s is empty", name, lang, f.field))
		}
	}
	lists := []struct {
		field string
		items []string
		min   int
	}{
		{"examples", t.Examples, minExamples},
		{"easy_read", t.EasyRead, minEasyRead},
		{"keywords", t.Keywords, minKeywords},
	}
	for _, l := range lists {
		if len(l.items) < l.min {
			errs = append(errs, fmt.Errorf("right %s: %s.%s has %d entries, want at least %d", name, lang, l.field, len(l.items), l.min))
		}
		for i, s := range l.items {
			if strings.TrimSpace(s) == "" {
				errs = append(errs, fmt.Errorf("right %s: %s.%s[%d] is empty", name, lang, l.field, i))
			}
		}
	}
	return append(errs, validateEasyRead(name, lang, t)...)
}
