package password

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// commonGz is every password of MinLength characters or more in the most
// common million (lower case, sorted, one a line): see commongen for where it
// comes from and how to make it again. With the length rule, which refuses
// every shorter password, no password in the most common 100,000 is allowed.
//
//go:embed common.txt.gz
var commonGz []byte

var commonList = sync.OnceValue(func() []string {
	zr, err := gzip.NewReader(bytes.NewReader(commonGz))
	if err != nil {
		panic("password: common.txt.gz: " + err.Error())
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		panic("password: common.txt.gz: " + err.Error())
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
})

// Common reports whether pw, in any case, is one of the most common passwords.
func Common(pw string) bool {
	_, found := slices.BinarySearch(commonList(), strings.ToLower(pw))
	return found
}

// madeOf reports whether pw is made only of the parts of the person's name
// or email address: its letters, ignoring case, digits, spaces and symbols,
// are those parts joined together, in any order, any number of times
// ("NiamhKelly2024!", "kelly.niamh", "northbridge-northbridge").
func madeOf(pw string, about []string) bool {
	letters := lettersOf(pw)
	if letters == "" {
		return false
	}
	var parts []string
	for _, a := range about {
		for _, p := range strings.FieldsFunc(strings.ToLower(a), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len([]rune(p)) >= 2 {
				parts = append(parts, p)
			}
		}
	}
	// ok[i]: letters[:i] is made of parts.
	ok := make([]bool, len(letters)+1)
	ok[0] = true
	for i := 1; i <= len(letters); i++ {
		for _, p := range parts {
			if len(p) <= i && ok[i-len(p)] && letters[i-len(p):i] == p {
				ok[i] = true
				break
			}
		}
	}
	return ok[len(letters)]
}

// lettersOf is s in lower case with everything but letters left out.
func lettersOf(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
