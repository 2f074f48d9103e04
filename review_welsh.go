package lightbulb

import "strings"

// StatementWelsh is a statement's Welsh: its theme's name, the statement and
// its hints (what good looks like and what each rating means).
type StatementWelsh struct {
	Theme, Text, Good, RedMeans, AmberMeans, GreenMeans string
}

// WelshStale reports whether the statement's Welsh was translated from
// English that has been changed since.
func (s *Statement) WelshStale() bool {
	return s.Cy.Text != "" && s.CyBasedOn < s.EnVersion
}

// In is the statement's wording in lang: the Welsh where there is some on a
// Welsh page, otherwise the English. It says which language each part is in.
func (s *Statement) In(lang string) StatementWords {
	return StatementWords{
		Theme: Pick(lang, s.Theme, s.Cy.Theme), Text: Pick(lang, s.Text, s.Cy.Text), Good: Pick(lang, s.Good, s.Cy.Good),
		Red: Pick(lang, s.RedMeans, s.Cy.RedMeans), Amber: Pick(lang, s.AmberMeans, s.Cy.AmberMeans),
		Green: Pick(lang, s.GreenMeans, s.Cy.GreenMeans),
	}
}

// StatementWords is a statement as a page in one language shows it.
type StatementWords struct {
	Theme, Text, Good, Red, Amber, Green Words
}

// Words is a text as shown on a page in some language: S is in Lang, which
// is English when the page's language has no translation of it yet.
type Words struct {
	S, Lang string
}

// Pick is cy on a Welsh page when there is a Welsh text, and en otherwise.
func Pick(lang, en, cy string) Words {
	if lang == LangCY && strings.TrimSpace(cy) != "" {
		return Words{S: cy, Lang: LangCY}
	}
	return Words{S: en, Lang: LangEN}
}

// ValidateStatementWelsh checks a statement's Welsh before it is stored.
// Every part is needed, as in English, so a Welsh page never mixes a Welsh
// statement with English hints.
func ValidateStatementWelsh(cy *StatementWelsh) error {
	var v ValidationErrors
	for _, f := range []struct {
		name string
		val  *string
		msg  string
	}{
		{"theme_cy", &cy.Theme, "Enter the theme in Welsh"},
		{"text_cy", &cy.Text, "Enter the statement in Welsh"},
		{"good_cy", &cy.Good, "Enter what good looks like in Welsh"},
		{"red_cy", &cy.RedMeans, "Enter what red means in Welsh"},
		{"amber_cy", &cy.AmberMeans, "Enter what amber means in Welsh"},
		{"green_cy", &cy.GreenMeans, "Enter what green means in Welsh"},
	} {
		*f.val = strings.TrimSpace(*f.val)
		if *f.val == "" {
			v.Add(f.name, f.msg)
		}
	}
	if len(cy.Text) > 500 {
		v.Add("text_cy", "The Welsh statement must be 500 characters or fewer")
	}
	return v.Err()
}

// ThemeIn is the theme's name in lang, from the Welsh its statements carry.
func (f *Framework) ThemeIn(name, lang string) Words {
	for _, s := range f.Statements {
		if s.Theme == name {
			return Pick(lang, name, s.Cy.Theme)
		}
	}
	return Pick(lang, name, "")
}
