package web

import (
	"testing"

	"github.com/lightbulb-hr/lightbulb/internal/i18n"
)

// TestLabelsHaveWelsh fails for a display label with no Welsh, so that a new
// stored code cannot show English on a Welsh page.
func TestLabelsHaveWelsh(t *testing.T) {
	for kind, set := range labelSets {
		for code, name := range set {
			if !i18n.Has("cy", name) {
				t.Errorf("label %s/%s %q has no Welsh", kind, code, name)
			}
		}
	}
}

func TestLabelNamesTheCodeOfItsKind(t *testing.T) {
	for _, c := range []struct{ lang, kind, code, want string }{
		{"en", "training", "confirmed", "Booked"},
		{"en", "case", "confirmed", "Confirmed"},
		{"cy", "role", "lead", i18n.T("cy", "Lead")},
		{"en", "case", "unheard-of", "unheard-of"},
		{"en", "no-such-kind", "lead", "lead"},
	} {
		if got := label(c.lang, c.kind, c.code); got != c.want {
			t.Errorf("label(%s, %s, %s) = %q, want %q", c.lang, c.kind, c.code, got, c.want)
		}
	}
}
