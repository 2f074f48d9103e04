package lightbulb

import (
	"context"
	"strings"
	"time"
)

// Category says whether and how a right may be restricted.
type Category string

// The categories of RIGHTS.md.
const (
	Absolute          Category = "absolute"
	Limited           Category = "limited"
	Qualified         Category = "qualified"
	NonDiscrimination Category = "non-discrimination"
)

// Categories lists every category in display order.
var Categories = []Category{Absolute, Limited, Qualified, NonDiscrimination}

// ValidCategory reports whether c is one of Categories.
func ValidCategory(c Category) bool {
	for _, x := range Categories {
		if x == c {
			return true
		}
	}
	return false
}

// Languages the rights content is written in; English is the original.
const (
	LangEN = "en"
	LangCY = "cy"
)

// Right is one of the 16 rights in Schedule 1 of the Human Rights Act 1998,
// with its content in one language.
type Right struct {
	Code     string
	Article  string
	Category Category
	Sort     int
	Text     RightText
	// Stale is true when this translation was made from an older English
	// version than the current one.
	Stale bool
}

// RightText is the wording of a right in one language: one version of it.
type RightText struct {
	Version      int
	Lang         string
	Title        string
	Summary      string
	Protects     string
	HealthCare   string
	Restrictions string
	Examples     []string
	// EasyTitle is the Easy Read heading in plain words ("Your right to a
	// private life"); empty in texts written before it existed.
	EasyTitle string
	EasyRead  []string
	// EasyPictures holds the picture beside each Easy Read sentence, by
	// reference (see ParsePictureRef); it may be shorter than EasyRead.
	EasyPictures []string
	Keywords     []string
	// VideoURL links to the right in a signed language.
	VideoURL string
	// BasedOn is the English version a translation was made from.
	BasedOn int
	// RestoredFrom is the earlier version this one restored (0 for an edit).
	RestoredFrom int
	Category     Category
	EditedBy     string
	CreatedAt    time.Time
}

// RightService reads and edits the rights library.
type RightService interface {
	// FindRights returns the 16 rights in order, in lang.
	FindRights(ctx context.Context, lang string) ([]*Right, error)
	// FindRight returns one right in lang, or ENOTFOUND.
	FindRight(ctx context.Context, code, lang string) (*Right, error)
	// SearchRights finds rights by everyday words, in lang.
	SearchRights(ctx context.Context, query, lang string) ([]*Right, error)
	// RightHistory lists every version of a right's text in lang, newest first.
	RightHistory(ctx context.Context, code, lang string) ([]*RightText, error)
	// UpdateRight stores a new version of a right's text and its category.
	UpdateRight(ctx context.Context, code string, cat Category, t RightText) error
	// RestoreRight stores a copy of an earlier version of a right's text in
	// lang as its newest version, and returns the new version's number.
	RestoreRight(ctx context.Context, code, lang string, version int) (int, error)
	// FindRightVersion returns one version of a right's text in lang.
	FindRightVersion(ctx context.Context, code, lang string, version int) (*RightText, error)
	// AddPicture stores an uploaded Easy Read picture and returns its id.
	AddPicture(ctx context.Context, typ string, data []byte) (int64, error)
	// FindPicture returns an uploaded picture, or ENOTFOUND.
	FindPicture(ctx context.Context, id int64) (*Picture, error)
	LanguageService
}

// EasyPicture returns the picture reference beside Easy Read sentence i.
func (t *RightText) EasyPicture(i int) string {
	if i < len(t.EasyPictures) {
		return t.EasyPictures[i]
	}
	return ""
}

// ContentLanguage is a language the rights library is written in. English
// is the original; Welsh ships translated; a platform admin may add others.
type ContentLanguage struct {
	// Code is a BCP 47 language tag: "pl", "ur", "bfi" (British Sign Language).
	Code string
	// Name is the language's name in English; NativeName in itself.
	Name, NativeName string
	// Dir is the writing direction: "ltr" or "rtl" (Urdu, Arabic).
	Dir string
	// Signed languages give each right as a link to a video.
	Signed bool
}

// Label is the language's own name, with its English name when they differ.
func (l ContentLanguage) Label() string {
	if l.NativeName == l.Name || l.Name == "" {
		return l.NativeName
	}
	return l.NativeName + " (" + l.Name + ")"
}

// LanguageService keeps the rights library's languages.
type LanguageService interface {
	// ContentLanguages lists every language, English and Welsh first, then
	// the others by English name.
	ContentLanguages(ctx context.Context) ([]ContentLanguage, error)
	// AddLanguage adds a language the library can be written in.
	AddLanguage(ctx context.Context, l ContentLanguage) error
}

// ValidateLanguage checks a language before it is added.
func ValidateLanguage(l *ContentLanguage) error {
	var v ValidationErrors
	l.Code, l.Name, l.NativeName = strings.TrimSpace(l.Code), strings.TrimSpace(l.Name), strings.TrimSpace(l.NativeName)
	if !validLangTag(l.Code) {
		v.Add("code", "Enter the language's code, such as pl for Polish, ur for Urdu or bfi for British Sign Language")
	}
	if l.Name == "" {
		v.Add("name", "Enter the language's name in English")
	} else if len(l.Name) > 60 {
		v.Add("name", "The name in English must be 60 characters or fewer")
	}
	if l.NativeName == "" {
		v.Add("native_name", "Enter the language's name in the language itself")
	} else if len(l.NativeName) > 60 {
		v.Add("native_name", "The name in the language itself must be 60 characters or fewer")
	}
	if l.Dir != "ltr" && l.Dir != "rtl" {
		v.Add("dir", "Choose which way the language is written")
	}
	return v.Err()
}

// validLangTag accepts a simple BCP 47 tag: a language of 2 or 3 letters,
// then optional parts of 2 to 8 letters or digits ("pt-BR", "sgn-GB").
func validLangTag(s string) bool {
	parts := strings.Split(s, "-")
	if len(parts[0]) < 2 || len(parts[0]) > 3 || len(s) > 35 {
		return false
	}
	for i, p := range parts {
		if len(p) < 2 || len(p) > 8 {
			return false
		}
		for _, r := range p {
			letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
			if !letter && (i == 0 || r < '0' || r > '9') {
				return false
			}
		}
	}
	return true
}
