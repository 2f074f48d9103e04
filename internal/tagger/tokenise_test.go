package tagger

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func terms(text string) []string {
	var out []string
	for _, t := range Tokenise(text) {
		out = append(out, t.Term)
	}
	return out
}

func TestTokenise(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"lower case, stop words, stems", "The Nurse SAID no", []string{"nurs", "said", "no"}},
		{"light stemming", "visits visited visiting", []string{"visit", "visit", "visit"}},
		{"contractions of not", "wouldn't wont can’t", []string{"not", "not", "not"}},
		{"possessives", "Mum's dad’s", []string{"mum", "dad"}},
		{"other apostrophes", "O'Neill", []string{"oneill"}},
		{"abbreviations", "Pt obs DoLS", []string{"patient", "observation", "dol"}},
		{"numbers", "waited 45 mins at 02:00", []string{"wait", "#", "minut", "#", "#"}},
		{"letters with digits", "s136 and NEWS2", []string{"s136", "news2"}},
		{"A&E stays one word", "sent to A&E", []string{"sent", "a&e"}},
		{"hyphens split", "urine-soaked", []string{"urin", "soak"}},
		{"unicode letters", "Café Łódź naïve", []string{"café", "łódź", "naïve"}},
		{"combining marks stay in the word", "cafe\u0301", []string{"cafe\u0301"}},
		{"invalid UTF-8 separates", "lock\xffed door", []string{"lock", "ed", "door"}},
		{"trailing apostrophe", "residents' rooms'", []string{"resident", "room"}},
		{"empty", "", nil},
		{"punctuation only", "!!! ... ???", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := terms(tc.text); !slices.Equal(got, tc.want) {
				t.Errorf("Tokenise(%q) = %q, want %q", tc.text, got, tc.want)
			}
		})
	}
}

func TestTokenOffsetsPointAtTheWord(t *testing.T) {
	text := "My dad’s hearing aids went MISSING on Ward 4."
	for _, tok := range Tokenise(text) {
		word := strings.ToLower(text[tok.Start:tok.End])
		if word == "" || !utf8.ValidString(word) {
			t.Errorf("token %+v has span %q", tok, word)
		}
	}
	toks := Tokenise(text)
	if got := text[toks[len(toks)-2].Start:toks[len(toks)-2].End]; got != "Ward" {
		t.Errorf("span of ward = %q", got)
	}
}

// checkTokens holds for every text: spans in order, inside the text, valid
// UTF-8, and a non-empty term.
func checkTokens(t *testing.T, text string) {
	t.Helper()
	prev := 0
	for _, tok := range Tokenise(text) {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
			t.Fatalf("bad span %d..%d (previous end %d) in %q", tok.Start, tok.End, prev, text)
		}
		if !utf8.ValidString(text[tok.Start:tok.End]) {
			t.Fatalf("span %q is not valid UTF-8", text[tok.Start:tok.End])
		}
		if tok.Term == "" || strings.ContainsAny(tok.Term, " \t\n") {
			t.Fatalf("bad term %q from %q", tok.Term, text)
		}
		prev = tok.End
	}
}

func FuzzTokenise(f *testing.F) {
	for _, s := range []string{"", "Pt's obs not done", "wouldn't", "'''", "a'", "'a", "&&&a&", "\xff\xfe", "e\u0301\u0301", "ǅ", "İstanbul"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkTokens(t, text)
	})
}
