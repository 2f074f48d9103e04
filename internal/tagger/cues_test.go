package tagger

import (
	"slices"
	"testing"
)

func TestPhraseFindKeepsOrderAndGap(t *testing.T) {
	p := compilePhrases([]struct{ code, phrase string }{{"A5", "more|extra leav-"}}).phrases[0].p
	for _, tc := range []struct {
		text        string
		first, last int
		ok          bool
	}{
		{"more leave", 0, 1, true},
		{"extra ground leaving please", 0, 2, true},
		// three other terms between the words still match; four do not
		// (stop words such as "the" are not terms)
		{"more time outside the ward leave", 0, 4, true},
		{"more time outside the ward family leave", 0, 0, false},
		{"leave more", 0, 0, false},
		{"", 0, 0, false},
	} {
		toks := Tokenise(tc.text)
		first, last, ok := p.find(toks)
		if ok != tc.ok || (ok && (first != tc.first || last != tc.last)) {
			t.Errorf("%q (terms %v): got %d..%d %v, want %d..%d %v", tc.text, terms(tc.text), first, last, ok, tc.first, tc.last, tc.ok)
		}
	}
}

// TestCuesAddTheirRight: short comments in the plain voice of real feedback
// (written here) that the model alone scores low get their right, as a
// possible suggestion explained by the phrase.
func TestCuesAddTheirRight(t *testing.T) {
	for _, tc := range []struct{ text, code, phrase string }{
		{"Wish there was more leave.", "A5", "more leave"},
		{"Please give us more time out of our rooms.", "A5", "time out of our rooms"},
		{"They said they would section me if I did not take it.", "A5", "section me if i did not"},
		{"14 hours on a trolley in A&E and now a pressure sore.", "A3", "pressure sore"},
		{"Rang the call bell for the toilet and waited ages.", "A8", "toilet and waited"},
		{"They changed my tablets without asking me.", "A8", "without asking"},
	} {
		got := Suggest(tc.text)
		checkSuggestions(t, tc.text, got)
		i := slices.IndexFunc(got, func(s Suggestion) bool { return s.Code == tc.code })
		if i < 0 {
			t.Errorf("%q: got %v, want %s", tc.text, got, tc.code)
			continue
		}
		if got[i].Because[0] != tc.phrase && got[i].Strength != Strong {
			t.Errorf("%q: %s explained by %q, want %q first", tc.text, tc.code, got[i].Because, tc.phrase)
		}
	}
}

// TestQuietingPhrases: praise that uses a right's words is not a wish for it.
func TestQuietingPhrases(t *testing.T) {
	for _, tc := range []struct{ text, code string }{
		{"Brilliant ward, my son did not want to leave.", "A5"},
		{"Lovely staff, I honestly didn't want to go home.", "A5"},
		{"Pain relief given straight away, thank you.", "A3"},
	} {
		got := Suggest(tc.text)
		if slices.ContainsFunc(got, func(s Suggestion) bool { return s.Code == tc.code }) {
			t.Errorf("%q: got %v, want no %s", tc.text, got, tc.code)
		}
	}
}

// TestCueTablesUseKnownRights guards the tables against a typing slip.
func TestCueTablesUseKnownRights(t *testing.T) {
	for _, c := range append(slices.Clone(cues.phrases), quiets.phrases...) {
		if !slices.Contains(Codes, c.code) || len(c.p) == 0 {
			t.Errorf("cue for %q with %d words", c.code, len(c.p))
		}
		for _, slot := range c.p {
			for _, a := range slot {
				if a == "" || a == "-" {
					t.Errorf("cue for %s has an empty alternative", c.code)
				}
			}
		}
	}
}

// TestPhraseIndexMissesNothing: reading a text once for first words finds
// every phrase that matching each phrase in full would find.
func TestPhraseIndexMissesNothing(t *testing.T) {
	found := 0
	for _, ex := range mustCorpus(t) {
		toks := Tokenise(ex.Text)
		for _, set := range []*phraseSet{cues, quiets} {
			offered := map[*[]string]bool{}
			set.each(toks, func(c codedPhrase) { offered[&c.p[0]] = true })
			for _, c := range set.phrases {
				if _, _, ok := c.p.find(toks); ok {
					found++
					if !offered[&c.p[0]] {
						t.Fatalf("%s: phrase %v matches but the index did not offer it", ex.ID, c.p)
					}
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no phrase matched any corpus text")
	}
}
