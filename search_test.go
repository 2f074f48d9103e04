package lightbulb_test

import (
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

func TestMatchRights(t *testing.T) {
	mk := func(code, title string, kw []string, body string) *lightbulb.Right {
		return &lightbulb.Right{Code: code, Text: lightbulb.RightText{Title: title, Keywords: kw, Protects: body}}
	}
	rights := []*lightbulb.Right{
		mk("A3", "Freedom from torture", []string{"restraint", "neglect"}, "being held down for hours"),
		mk("A8", "Private and family life", []string{"visiting", "privacy", "family"}, "restraint can also affect dignity"),
		mk("P1A3", "Free elections", []string{"vote", "postal vote"}, "voting in elections"),
	}
	codes := func(rs []*lightbulb.Right) (out []string) {
		for _, r := range rs {
			out = append(out, r.Code)
		}
		return out
	}
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"visits", []string{"A8"}},
		{"Restraint", []string{"A3"}}, // A8 only mentions it in passing
		{"vote", []string{"P1A3"}},
		{"dignity", []string{"A8"}}, // a body-only match still finds something
		{"the and of", nil},         // stop words alone find nothing
		{"privacy restraint", []string{"A8", "A3"}},
		{"", nil},
	} {
		got := codes(lightbulb.MatchRights(rights, tc.q))
		if len(got) != len(tc.want) {
			t.Errorf("%q: got %v, want %v", tc.q, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: got %v, want %v", tc.q, got, tc.want)
			}
		}
	}
}
