package web

import "testing"

// Pages are parsed the first time they are shown; every one must parse.
func TestEveryPageParses(t *testing.T) {
	ts, err := parseTemplates()
	if err != nil {
		t.Fatal(err)
	}
	if len(ts.pages) < 50 {
		t.Fatalf("only %d pages found", len(ts.pages))
	}
	for name := range ts.pages {
		if _, err := ts.page(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := ts.page("no such page"); err == nil {
		t.Error("a page that does not exist parsed")
	}
}
