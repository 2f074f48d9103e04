package password

import (
	"slices"
	"strings"
	"testing"
)

func TestHashAndCheck(t *testing.T) {
	h, err := Hash("correct horse battery", Minimum)
	if err != nil {
		t.Fatal(err)
	}
	if !Check("correct horse battery", h) {
		t.Fatal("right password refused")
	}
	for _, bad := range []string{"", "correct horse batterx", "Correct horse battery"} {
		if Check(bad, h) {
			t.Fatalf("wrong password %q accepted", bad)
		}
	}
	for _, enc := range []string{"", "$argon2id$", "plain", "$argon2id$v=19$m=x$a$b"} {
		if Check("x", enc) {
			t.Fatalf("malformed hash %q matched", enc)
		}
	}
	h2, _ := Hash("correct horse battery", Minimum)
	if h == h2 {
		t.Fatal("two hashes of one password are equal: salt not random")
	}
}

func TestValidate(t *testing.T) {
	if Validate("short") == "" || Validate("long enough password") != "" {
		t.Fatal("Validate rules wrong")
	}
}

// NCSC guidance: length, no common passwords, nothing made of the person's
// own name or email; no composition rules.
func TestValidateFollowsNCSC(t *testing.T) {
	about := []string{"Niamh Kelly", "niamh.kelly@northbridge.test"}
	refused := map[string]string{
		"1234567890":           "most common",
		"qwertyuiop":           "most common",
		"Password123":          "most common",
		"1q2w3e4r5t":           "most common",
		"iloveyou12":           "most common",
		"NiamhKelly2024":       "name or email",
		"kelly.niamh!!":        "name or email",
		"Northbridge-Niamh-99": "name or email",
		"niamh kelly niamh":    "name or email",
		"short":                "10 characters",
	}
	for pw, want := range refused {
		if msg := Validate(pw, about...); !strings.Contains(msg, want) {
			t.Errorf("Validate(%q) = %q, want it to say %q", pw, msg, want)
		}
	}
	for _, pw := range []string{"a long test password", "tractor puddle violin", "correcthorsebatterystaple9", "Niamh walks to Kelly's barn"} {
		if msg := Validate(pw, about...); msg != "" {
			t.Errorf("Validate(%q) = %q, want it accepted", pw, msg)
		}
	}
	// The list is sorted, lower case, and only holds what the length rule lets through.
	list := commonList()
	if len(list) < 100000 || !slices.IsSorted(list) {
		t.Fatalf("common list: %d entries, sorted %v", len(list), slices.IsSorted(list))
	}
	for _, w := range list {
		if len([]rune(w)) < MinLength || w != strings.ToLower(w) {
			t.Fatalf("common list entry %q", w)
		}
	}
}
