package lightbulb

import (
	"regexp"
	"slices"
)

var (
	caseEmailRE = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`)
	caseNHSRE   = regexp.MustCompile(`\b\d{3}[ -]?\d{3}[ -]?\d{4}\b`)
	casePhoneRE = regexp.MustCompile(`(?:\+44\s?|\b0)\d(?:[\s-]?\d){8,9}\b`)
)

// Redact replaces email addresses, valid NHS numbers (by their mod-11
// check digit) and UK telephone numbers in free text with a marker. Imports
// use it to clean case text; ContactIn refuses the same in text typed.
func Redact(s string) string {
	s = caseEmailRE.ReplaceAllString(s, "[email removed]")
	s = caseNHSRE.ReplaceAllStringFunc(s, func(m string) string {
		if ValidNHSNumber(m) {
			return "[NHS number removed]"
		}
		return m
	})
	return casePhoneRE.ReplaceAllString(s, "[phone removed]")
}

// ValidNHSNumber reports whether s (digits, optionally spaced 3-3-4) is an
// NHS number whose tenth digit matches the modulus 11 check.
func ValidNHSNumber(s string) bool {
	var d []int
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			d = append(d, int(r-'0'))
		case r == ' ' || r == '-':
		default:
			return false
		}
	}
	if len(d) != 10 {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += d[i] * (10 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check != 10 && check == d[9]
}

// What ContactIn finds, in the order it looks.
const (
	ContactEmail = "email"
	ContactNHS   = "nhs"
	ContactPhone = "phone"
)

// ContactIn reports the first kind of contact detail that Redact would
// remove from s, or "" when there is none.
func ContactIn(s string) string {
	switch {
	case caseEmailRE.MatchString(s):
		return ContactEmail
	case slices.ContainsFunc(caseNHSRE.FindAllString(s, -1), ValidNHSNumber):
		return ContactNHS
	case casePhoneRE.MatchString(s):
		return ContactPhone
	}
	return ""
}
