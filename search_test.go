package lightbulb_test

import (
	"slices"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/content"
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

func TestMatchRightsWholeWordsAndStopWords(t *testing.T) {
	rights := []*lightbulb.Right{
		{Code: "A3", Text: lightbulb.RightText{Title: "Freedom from torture", Keywords: []string{"restraint"}}},
		{Code: "A8", Text: lightbulb.RightText{Title: "Private and family life", Keywords: []string{"visiting"}, Protects: "what you do and do not want"}},
	}
	for _, q := range []string{"rest", "do", "not", "do not", "don't", "vis", "NOT no"} {
		if got := lightbulb.MatchRights(rights, q); len(got) != 0 {
			t.Errorf("%q matched %s: a word must match whole, and stop words match nothing", q, got[0].Code)
		}
	}
	for q, want := range map[string]string{"restraints": "A3", "visited": "A8", "Visits": "A8"} {
		if got := lightbulb.MatchRights(rights, q); len(got) == 0 || got[0].Code != want {
			t.Errorf("%q: want %s first, got %d rights", q, want, len(got))
		}
	}
}

// TestMatchRightsEverydayCareWords searches the shipped library, in English
// and Welsh, with the everyday words of care that people type.
func TestMatchRightsEverydayCareWords(t *testing.T) {
	lib, err := content.Rights()
	if err != nil {
		t.Fatal(err)
	}
	lang := func(cy bool) []*lightbulb.Right {
		var out []*lightbulb.Right
		for _, r := range lib {
			text := r.EN
			if cy {
				text = r.CY
			}
			out = append(out, &lightbulb.Right{Code: r.Code, Article: r.Article, Text: lightbulb.RightText{
				Title: text.Title, Summary: text.Summary, Protects: text.Protects, HealthCare: text.HealthCare,
				Restrictions: text.Restrictions, Examples: text.Examples, EasyRead: text.EasyRead, Keywords: text.Keywords}})
		}
		return out
	}
	for _, tc := range []struct {
		q     string
		cy    bool
		first string   // the right that must come first, if one must
		also  []string // rights that must be among the results
	}{
		{"toilet", false, "", []string{"A3", "A8"}},
		{"continence", false, "", []string{"A3", "A8"}},
		{"pressure sores", false, "A3", nil},
		{"confidentiality", false, "A8", nil},
		{"do not resuscitate", false, "A2", []string{"A8"}},
		{"DNACPR", false, "A2", []string{"A8"}},
		{"force feeding", false, "A3", []string{"A8"}},
		{"eviction", false, "A8", []string{"P1A1"}},
		{"sexuality", false, "", []string{"A8", "A14"}},
		{"wheelchair", false, "A8", []string{"A14"}},
		{"hunger", false, "A3", nil},
		{"bed rails", false, "A5", []string{"A8"}},
		{"toiled", true, "", []string{"A3", "A8"}},
		{"cadair olwyn", true, "A8", []string{"A14"}},
		{"peidio â dadebru", true, "A2", []string{"A8"}},
		{"rheiliau gwely", true, "", []string{"A5", "A8"}},
		{"briwiau pwyso", true, "A3", nil},
		{"kept in my room and not let out", false, "A5", nil},
		{"they won't let me go out", false, "A5", nil},
		// Welsh words after a mutation find their rights as their
		// dictionary forms do; dictionary forms that look mutated still
		// find their own.
		{"wedi fy nghloi yn fy ystafell", true, "A5", nil},
		{"ei ryddid", true, "A5", nil},
		{"rhyddid", true, "A5", nil},
		{"fy mhreifatrwydd", true, "A8", nil},
		{"fy nghartref", true, "A8", nil},
		{"ei gartref", true, "A8", nil},
		{"fy nheulu", true, "A8", nil},
		{"ei ffydd", true, "A9", nil},
		{"dim dadebru", true, "A2", []string{"A8"}},
		{"mixed sex ward", false, "A8", nil},
		{"not given food", false, "A3", nil},
		{"ni chefais fwyd", true, "A3", nil},
		{"wedi fy atal", true, "A3", nil},
		{"ward gymysg", true, "A8", nil},
		{"cameras in my room", false, "A8", nil},
		{"no lock on the toilet door", false, "A8", nil},
		{"no say in my care plan", false, "A8", nil},
		{"they took my baby", false, "A8", nil},
		{"my house was sold", false, "", []string{"A8", "P1A1"}},
		{"given drugs to keep me quiet", false, "A3", []string{"A5"}},
		{"dim hawl i weld fy ngwraig", true, "A8", nil},
		{"dim dehonglydd", true, "A14", nil},
		{"fy ngadael yn wlyb", true, "A3", nil},
		{"8", false, "A8", nil},
		{"article 8", false, "A8", nil},
		{"erthygl 8", true, "A8", nil},
	} {
		// Each is found by the vocabulary, a keyword or a title, not only
		// by rights that mention a word in passing.
		got, keyed := lightbulb.MatchRightsKeyed(lang(tc.cy), tc.q)
		if !keyed {
			t.Errorf("%q: found only by passing mentions", tc.q)
		}
		var codes []string
		for _, r := range got {
			codes = append(codes, r.Code)
		}
		if len(codes) == 0 || tc.first != "" && codes[0] != tc.first {
			t.Errorf("%q: got %v, want %s first", tc.q, codes, tc.first)
			continue
		}
		for _, c := range tc.also {
			if !slices.Contains(codes, c) {
				t.Errorf("%q: got %v, want %s among them", tc.q, codes, c)
			}
		}
	}
}

// TestMatchRightsArticleNumbers: a number finds its article only when the
// query is about the article ("8", "article 8"), never when it counts
// something ("12 hours on a trolley" is not Article 12), and the word
// "article", which every title has, matches nothing by itself.
func TestMatchRightsArticleNumbers(t *testing.T) {
	lib, err := content.Rights()
	if err != nil {
		t.Fatal(err)
	}
	var rights []*lightbulb.Right
	for _, r := range lib {
		rights = append(rights, &lightbulb.Right{Code: r.Code, Article: r.Article, Text: lightbulb.RightText{Title: r.EN.Title, Keywords: r.EN.Keywords}})
	}
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"article 8", []string{"A8"}},
		{"Article 14", []string{"A14"}},
		{"protocol 13", []string{"P13A1"}},
		{"article", nil},
		{"12 hours on a trolley", nil},
		{"my rights", nil},
		{"human rights", nil},
		{"right to life", []string{"A2", "A8"}},
		{"given medication without consent", []string{"A8"}}, // "without" is in A7's title but says nothing
	} {
		var got []string
		for _, r := range lightbulb.MatchRights(rights, tc.q) {
			got = append(got, r.Code)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.q, got, tc.want)
		}
	}
}

// TestMatchRightsKeyed says whether a right was named for the words, or
// only mentions them in passing.
func TestMatchRightsKeyed(t *testing.T) {
	rights := []*lightbulb.Right{
		{Code: "A8", Text: lightbulb.RightText{Title: "Private and family life", Keywords: []string{"visiting"}, Protects: "feeding the pigeons"}},
	}
	for q, want := range map[string]bool{"visits": true, "family": true, "pigeon": false, "plover": false} {
		if _, keyed := lightbulb.MatchRightsKeyed(rights, q); keyed != want {
			t.Errorf("%q: keyed %v, want %v", q, keyed, want)
		}
	}
}

// TestMatchRightsKeywordPhrases: a keyword of several words counts only as
// the whole phrase, so "out" is not freedom of expression because "speak
// out" is one of its keywords.
func TestMatchRightsKeywordPhrases(t *testing.T) {
	rights := []*lightbulb.Right{
		{Code: "A5", Text: lightbulb.RightText{Title: "Liberty", Keywords: []string{"locked door", "sectioned"}}},
		{Code: "A10", Text: lightbulb.RightText{Title: "Expression", Keywords: []string{"speak out", "complaint"}}},
	}
	for _, tc := range []struct {
		q     string
		want  []string
		keyed bool
	}{
		{"speak out", []string{"A10"}, true},
		{"I want to speak out", []string{"A10"}, true},
		{"out", []string{"A10"}, false},
		{"locked door", []string{"A5"}, true},
		{"door", []string{"A5"}, false},
		{"sectioned", []string{"A5"}, true},
	} {
		got, keyed := lightbulb.MatchRightsKeyed(rights, tc.q)
		var codes []string
		for _, r := range got {
			codes = append(codes, r.Code)
		}
		if !slices.Equal(codes, tc.want) || keyed != tc.keyed {
			t.Errorf("%q: got %v keyed %v, want %v keyed %v", tc.q, codes, keyed, tc.want, tc.keyed)
		}
	}
}

// TestVocabularyRights: what the everyday vocabulary says of a text, for
// Welsh text the model cannot read. Mutated words count as their
// dictionary forms; a text with none of the words gets nothing.
func TestVocabularyRights(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Cadw drws y lolfa wedi'i gloi gyda'r nos, felly ni all hi fynd allan.", []string{"A5"}},
		{"Mae hi'n cael ei gadael yn wlyb ac mewn poen.", []string{"A3"}},
		{"Dim ymwelwyr ar y penwythnos; ei theulu'n methu dod.", []string{"A8"}},
		{"Symud amser cinio i hanner awr wedi deuddeg.", nil},
		{"Left in wet pads without the toilet.", []string{"A3", "A8"}},
		{"", nil},
	} {
		if got := lightbulb.VocabularyRights(tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestMatchRightsLeavesTheRightsAlone: the rights searched are shared by
// every request, so a search must not write into them, not even into the
// unused room behind a slice.
func TestMatchRightsLeavesTheRightsAlone(t *testing.T) {
	examples := make([]string, 1, 4)
	examples[0] = "visiting"
	rights := []*lightbulb.Right{{Code: "A8", Text: lightbulb.RightText{Title: "Private life",
		Examples: examples, EasyRead: []string{"home"}, Keywords: []string{"privacy"}}}}
	lightbulb.MatchRights(rights, "home visiting")
	if spare := examples[:4]; spare[1] != "" || spare[2] != "" {
		t.Errorf("the search wrote %q into the room behind a right's examples", spare[1:])
	}
}
