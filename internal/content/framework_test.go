package content

import (
	"slices"
	"testing"
)

// TestFramework checks the shipped review framework: 20 to 30 statements,
// unique codes, every field filled, statements of a theme kept together, and
// only rights that are in the library and known principles.
func TestFramework(t *testing.T) {
	fw := Framework()
	if n := len(fw); n < 20 || n > 30 {
		t.Fatalf("the framework has %d statements, want 20 to 30", n)
	}
	rights, err := Rights()
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	for _, r := range rights {
		codes[r.Code] = true
	}
	principles := []string{"Fairness", "Respect", "Equality", "Dignity", "Autonomy",
		"Participation", "Accountability", "Non-discrimination", "Empowerment", "Legality"}
	seen, themes := map[string]bool{}, []string{}
	for _, s := range fw {
		if seen[s.Code] {
			t.Errorf("code %s is used twice", s.Code)
		}
		seen[s.Code] = true
		for _, f := range []string{s.Theme, s.Text, s.Good, s.Red, s.Amber, s.Green} {
			if f == "" {
				t.Errorf("%s has an empty field", s.Code)
			}
		}
		if n := len(themes); n == 0 || themes[n-1] != s.Theme {
			if slices.Contains(themes, s.Theme) {
				t.Errorf("theme %q is split: %s is not next to the others", s.Theme, s.Code)
			}
			themes = append(themes, s.Theme)
		}
		for _, r := range s.Rights {
			if !codes[r] {
				t.Errorf("%s links to %s, which is not in the rights library", s.Code, r)
			}
		}
		for _, p := range s.Principles {
			if !slices.Contains(principles, p) {
				t.Errorf("%s names %q, which is not a FREDA or PANEL principle", s.Code, p)
			}
		}
	}
	if len(themes) != 7 {
		t.Errorf("the framework has %d themes, want 7", len(themes))
	}
}

// TestFrameworkWelsh checks every shipped statement and theme has its Welsh,
// every part of it filled, and that no part is the English left untranslated.
func TestFrameworkWelsh(t *testing.T) {
	if len(statementsCy) != len(Framework()) {
		t.Errorf("there is Welsh for %d statements, want one for each of the %d", len(statementsCy), len(Framework()))
	}
	for _, s := range Framework() {
		if s.ThemeCy == "" || s.ThemeCy == s.Theme {
			t.Errorf("%s: theme %q has no Welsh", s.Code, s.Theme)
		}
		en := []string{s.Text, s.Good, s.Red, s.Amber, s.Green}
		for i, cy := range []string{s.Cy.Text, s.Cy.Good, s.Cy.Red, s.Cy.Amber, s.Cy.Green} {
			if cy == "" || cy == en[i] {
				t.Errorf("%s: %q has no Welsh", s.Code, en[i])
			}
		}
	}
}
