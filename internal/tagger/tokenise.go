package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Token is one normalised word of a text, with where it came from.
type Token struct {
	// Term is the normalised form the model knows: lower case, with common
	// abbreviations and misspellings expanded, contractions of "not" turned
	// into "not", possessives dropped and a light suffix stripped.
	Term string
	// Start and End are byte offsets of the word in the original text.
	Start, End int
}

// Tokenise splits text into words and normalises each one. It never fails:
// invalid UTF-8 and any other non-word character separate words. Numbers
// become the term "#", and words mixing letters and digits ("s136") are kept.
func Tokenise(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	var word []rune
	start := -1
	flush := func(end int) {
		if start >= 0 {
			if t, ok := normalise(word); ok {
				toks = append(toks, Token{Term: t, Start: start, End: end})
			}
		}
		word, start = word[:0], -1
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			flush(i)
		case unicode.IsLetter(r) || unicode.IsDigit(r) || (start >= 0 && unicode.IsMark(r)):
			if start < 0 {
				start = i
			}
			word = append(word, unicode.ToLower(r))
		case start >= 0 && (isApostrophe(r) || r == '&') && i+size < len(text) && wordRuneAt(text, i+size):
			word = append(word, joiner(r))
		default:
			flush(i)
		}
		i += size
	}
	flush(len(text))
	return toks
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u2018' || r == '\u02bc'
}

func joiner(r rune) rune {
	if r == '&' {
		return '&'
	}
	return '\''
}

// wordRuneAt reports whether the rune at text[i:] is a letter or digit.
func wordRuneAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// normalise turns a lower-cased word into its term; ok is false for words
// that carry no meaning (stop words).
func normalise(word []rune) (string, bool) {
	w := string(word)
	if allDigits(word) {
		return "#", true
	}
	if strings.IndexByte(w, '\'') >= 0 {
		w = contraction(w)
	}
	if alias, ok := aliases[w]; ok {
		w = alias
	}
	if stopWords[w] {
		return "", false
	}
	return stem(w), true
}

func allDigits(word []rune) bool {
	for _, r := range word {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// contraction handles a word holding an apostrophe: "wouldn't" is "not",
// "mum's" is "mum", "i'm" is "i"; any other apostrophe is dropped ("o'neill").
func contraction(w string) string {
	if strings.HasSuffix(w, "n't") {
		return "not"
	}
	i := strings.LastIndexByte(w, '\'')
	switch w[i+1:] {
	case "s", "m", "d", "ll", "re", "ve":
		return w[:i]
	}
	return strings.ReplaceAll(w, "'", "")
}

// stem strips a common English suffix so that "visits", "visited" and
// "visiting" meet. It is deliberately light: it only needs to be consistent.
func stem(w string) string {
	if len(w) < 4 || !isASCII(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	for _, suf := range []string{"ing", "ed"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			w = undouble(w[:len(w)-len(suf)])
			break
		}
	}
	if len(w) > 4 && w[len(w)-1] == 'e' {
		w = w[:len(w)-1]
	}
	return w
}

// undouble turns "stopp" into "stop" so that "stopped" meets "stop".
func undouble(w string) string {
	n := len(w)
	if n >= 2 && w[n-1] == w[n-2] && !strings.ContainsRune("aeioulsz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
