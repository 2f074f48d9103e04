package lightbulb

import (
	"strings"
	"testing"
)

func TestParseMembersCSV(t *testing.T) {
	got, probs, err := ParseMembersCSV(strings.NewReader("\ufeffEmail,Name\r\nann@example.org,Ann Jones\r\n\r\n BOB@example.org \r\n"))
	if err != nil || len(probs) != 0 || len(got) != 2 || got[0].Name != "Ann Jones" || got[1].Email != "bob@example.org" {
		t.Fatalf("good file: %+v %+v %v", got, probs, err)
	}
	got, probs, _ = ParseMembersCSV(strings.NewReader("E-bost,Enw\ncarys@example.org,Carys Lloyd\n"))
	if len(probs) != 0 || len(got) != 1 || got[0].Name != "Carys Lloyd" {
		t.Fatalf("Welsh headings: %+v %+v", got, probs)
	}
	got, probs, _ = ParseMembersCSV(strings.NewReader("ann@example.org\nnot-an-address\nann@example.org\n"))
	if got != nil || len(probs) != 2 || probs[0].Row != 2 || probs[0].Column != "email" || probs[1].Row != 3 ||
		!strings.Contains(probs[1].Message, "earlier row") {
		t.Fatalf("bad rows: %+v %+v", got, probs)
	}
	if _, probs, _ = ParseMembersCSV(strings.NewReader("email\n")); len(probs) != 1 || probs[0].Message != "The file has no email addresses" {
		t.Fatalf("empty file: %+v", probs)
	}
	if _, _, err = ParseMembersCSV(strings.NewReader("a\"b,c\n")); err != ErrMembersFile {
		t.Fatalf("not CSV: %v", err)
	}
}
