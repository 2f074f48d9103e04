package content

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// wantRights is the order and default category of RIGHTS.md.
var wantRights = []struct{ code, category string }{
	{"A2", "limited"},
	{"A3", "absolute"},
	{"A4", "absolute"},
	{"A5", "limited"},
	{"A6", "limited"},
	{"A7", "absolute"},
	{"A8", "qualified"},
	{"A9", "qualified"},
	{"A10", "qualified"},
	{"A11", "qualified"},
	{"A12", "limited"},
	{"A14", "non-discrimination"},
	{"P1A1", "qualified"},
	{"P1A2", "limited"},
	{"P1A3", "limited"},
	{"P13A1", "absolute"},
}

// MustRights returns the embedded rights or stops the test.
func MustRights(tb testing.TB) []Right {
	tb.Helper()
	rights, err := Rights()
	if err != nil {
		tb.Fatalf("Rights() error: %v", err)
	}
	return rights
}

func TestRightsOrderAndCategories(t *testing.T) {
	rights := MustRights(t)
	if len(rights) != len(wantRights) {
		t.Fatalf("got %d rights, want %d", len(rights), len(wantRights))
	}
	for i, want := range wantRights {
		t.Run(want.code, func(t *testing.T) {
			got := rights[i]
			if got.Code != want.code {
				t.Errorf("rights[%d].Code = %q, want %q", i, got.Code, want.code)
			}
			if got.Category != want.category {
				t.Errorf("%s category = %q, want %q", got.Code, got.Category, want.category)
			}
		})
	}
}

func TestRightsWelshMatchesEnglish(t *testing.T) {
	for _, r := range MustRights(t) {
		t.Run(r.Code, func(t *testing.T) {
			if len(r.CY.Examples) != len(r.EN.Examples) {
				t.Errorf("cy has %d examples, en has %d", len(r.CY.Examples), len(r.EN.Examples))
			}
			if len(r.CY.EasyRead) != len(r.EN.EasyRead) {
				t.Errorf("cy has %d easy_read sentences, en has %d", len(r.CY.EasyRead), len(r.EN.EasyRead))
			}
			pairs := []struct{ field, en, cy string }{
				{"title", r.EN.Title, r.CY.Title},
				{"summary", r.EN.Summary, r.CY.Summary},
				{"protects", r.EN.Protects, r.CY.Protects},
				{"health_care", r.EN.HealthCare, r.CY.HealthCare},
				{"restrictions", r.EN.Restrictions, r.CY.Restrictions},
				{"examples", strings.Join(r.EN.Examples, "\n"), strings.Join(r.CY.Examples, "\n")},
				{"easy_read", strings.Join(r.EN.EasyRead, "\n"), strings.Join(r.CY.EasyRead, "\n")},
				{"keywords", strings.Join(r.EN.Keywords, "\n"), strings.Join(r.CY.Keywords, "\n")},
			}
			for _, p := range pairs {
				if p.en == p.cy {
					t.Errorf("cy.%s is the same as en.%s: not translated", p.field, p.field)
				}
			}
			for i := range r.CY.Examples {
				if i < len(r.EN.Examples) && r.CY.Examples[i] == r.EN.Examples[i] {
					t.Errorf("cy.examples[%d] is the same as English", i)
				}
			}
			for i := range r.CY.EasyRead {
				if i < len(r.EN.EasyRead) && r.CY.EasyRead[i] == r.EN.EasyRead[i] {
					t.Errorf("cy.easy_read[%d] is the same as English", i)
				}
			}
		})
	}
}

func TestRightsListSizes(t *testing.T) {
	for _, r := range MustRights(t) {
		for _, lt := range []struct {
			lang string
			text RightText
		}{{"en", r.EN}, {"cy", r.CY}} {
			t.Run(r.Code+"/"+lt.lang, func(t *testing.T) {
				if n := len(lt.text.EasyRead); n < 5 || n > 8 {
					t.Errorf("easy_read has %d sentences, want 5 to 8", n)
				}
				if n := len(lt.text.Keywords); n < 6 || n > 15 {
					t.Errorf("keywords has %d entries, want 6 to 15", n)
				}
				seen := map[string]bool{}
				for _, k := range lt.text.Keywords {
					if seen[strings.ToLower(k)] {
						t.Errorf("keyword %q appears twice", k)
					}
					seen[strings.ToLower(k)] = true
				}
			})
		}
	}
}

func TestRightsKeywordsFindEverydayWords(t *testing.T) {
	rights := MustRights(t)
	tests := []struct {
		word     string
		wantCode string // a right that must carry the word
	}{
		{"visiting", "A8"},
		{"restraint", "A3"},
		{"restraint", "A5"},
		{"restraint", "A8"},
		{"privacy", "A8"},
		{"vote", "P1A3"},
	}
	for _, tt := range tests {
		t.Run(tt.word+"/"+tt.wantCode, func(t *testing.T) {
			var found []string
			for _, r := range rights {
				if slices.Contains(r.EN.Keywords, tt.word) {
					found = append(found, r.Code)
				}
			}
			if len(found) == 0 {
				t.Fatalf("no right has the keyword %q", tt.word)
			}
			if !slices.Contains(found, tt.wantCode) {
				t.Errorf("keyword %q found in %v, want it in %s", tt.word, found, tt.wantCode)
			}
		})
	}
}

// validText returns a complete RightText whose strings start with prefix.
func validText(prefix string) RightText {
	return RightText{
		Title:        prefix + " title",
		Summary:      prefix + " summary",
		Protects:     prefix + " protects",
		HealthCare:   prefix + " health care",
		Restrictions: prefix + " restrictions",
		Examples:     []string{prefix + " one", prefix + " two"},
		EasyTitle:    prefix + " easy title",
		EasyRead:     []string{prefix + " a", prefix + " b", prefix + " c", prefix + " d"},
		EasyPictures: []string{"heart", "home", "people", "yes"},
		Keywords:     []string{prefix + " word"},
	}
}

// fullDocument returns a valid document of all 16 rights, changed by edit.
func fullDocument(tb testing.TB, edit func([]Right) []Right) []byte {
	tb.Helper()
	rights := make([]Right, 0, len(wantRights))
	for _, w := range wantRights {
		rights = append(rights, Right{
			Code:     w.code,
			Article:  "Article " + w.code,
			Category: w.category,
			EN:       validText("en"),
			CY:       validText("cy"),
		})
	}
	if edit != nil {
		rights = edit(rights)
	}
	data, err := json.Marshal(rights)
	if err != nil {
		tb.Fatalf("marshal: %v", err)
	}
	return data
}

func TestParseAcceptsCompleteDocument(t *testing.T) {
	rights, err := parse(fullDocument(t, nil))
	if err != nil {
		t.Fatalf("parse() error: %v", err)
	}
	if len(rights) != 16 {
		t.Errorf("got %d rights, want 16", len(rights))
	}
}

func TestParseRejectsBrokenDocuments(t *testing.T) {
	tests := []struct {
		name string
		doc  []byte
		want []string // every string must appear in the error
	}{
		{
			name: "missing field in a small hand-written document",
			doc: []byte(`[{"code":"A8","article":"Article 8","category":"qualified",
				"en":{"title":"Private life","summary":"s","protects":"p","health_care":"h",
					"restrictions":"r","examples":["e1","e2"],"easy_read":["a","b","c","d"],
					"keywords":["visiting"]},
				"cy":{"title":"Bywyd preifat","protects":"p","health_care":"h",
					"restrictions":"r","examples":["e1","e2"],"easy_read":["a","b","c","d"],
					"keywords":["ymweld"]}}]`),
			want: []string{"right A8: cy.summary is empty", "found 1 rights, want 16"},
		},
		{
			name: "not JSON",
			doc:  []byte(`{"code":`),
			want: []string{"decode rights"},
		},
		{
			name: "unknown field",
			doc:  []byte(`[{"code":"A8","titel":"typo"}]`),
			want: []string{"decode rights", "titel"},
		},
		{
			name: "empty title",
			doc: fullDocument(t, func(r []Right) []Right {
				r[6].EN.Title = "  "
				return r
			}),
			want: []string{"right A8: en.title is empty"},
		},
		{
			name: "too few examples",
			doc: fullDocument(t, func(r []Right) []Right {
				r[0].CY.Examples = r[0].CY.Examples[:1]
				return r
			}),
			want: []string{"right A2: cy.examples has 1 entries, want at least 2"},
		},
		{
			name: "too few easy read sentences",
			doc: fullDocument(t, func(r []Right) []Right {
				r[14].EN.EasyRead = r[14].EN.EasyRead[:3]
				r[14].EN.EasyPictures = r[14].EN.EasyPictures[:3]
				return r
			}),
			want: []string{"right P1A3: en.easy_read has 3 entries, want at least 4"},
		},
		{
			name: "a long Easy Read sentence and a picture not in the set",
			doc: fullDocument(t, func(r []Right) []Right {
				r[6].CY.EasyRead[2] = "un dau tri pedwar pump chwech saith wyth naw deg un ar ddeg deuddeg tri ar ddeg"
				r[6].EN.EasyPictures[0] = "bacteria"
				return r
			}),
			want: []string{"right A8: cy.easy_read[2] has 17 words, want at most 15", `right A8: en.easy_pictures[0] "bacteria" is not in pictures.json`},
		},
		{
			name: "blank example",
			doc: fullDocument(t, func(r []Right) []Right {
				r[1].EN.Examples[1] = ""
				return r
			}),
			want: []string{"right A3: en.examples[1] is empty"},
		},
		{
			name: "no keywords",
			doc: fullDocument(t, func(r []Right) []Right {
				r[2].CY.Keywords = nil
				return r
			}),
			want: []string{"right A4: cy.keywords has 0 entries"},
		},
		{
			name: "bad category",
			doc: fullDocument(t, func(r []Right) []Right {
				r[3].Category = "sometimes"
				return r
			}),
			want: []string{`right A5: category "sometimes"`},
		},
		{
			name: "empty article",
			doc: fullDocument(t, func(r []Right) []Right {
				r[4].Article = ""
				return r
			}),
			want: []string{"right A6: article is empty"},
		},
		{
			name: "duplicate code",
			doc: fullDocument(t, func(r []Right) []Right {
				r[15].Code = "A2"
				return r
			}),
			want: []string{"right A2: code appears more than once"},
		},
		{
			name: "unknown code",
			doc: fullDocument(t, func(r []Right) []Right {
				r[11].Code = "A13"
				return r
			}),
			want: []string{"right A13: code is not one of the 16 Schedule 1 codes"},
		},
		{
			name: "empty code",
			doc: fullDocument(t, func(r []Right) []Right {
				r[9].Code = ""
				return r
			}),
			want: []string{"right #10: code is empty"},
		},
		{
			name: "missing right",
			doc: fullDocument(t, func(r []Right) []Right {
				return r[:15]
			}),
			want: []string{"found 15 rights, want 16"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rights, err := parse(tt.doc)
			if err == nil {
				t.Fatalf("parse() returned %d rights and no error, want an error", len(rights))
			}
			if rights != nil {
				t.Errorf("parse() returned rights alongside an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestRightsReturnsFreshCopy(t *testing.T) {
	first := MustRights(t)
	first[0].EN.Examples[0] = "changed"
	second := MustRights(t)
	if second[0].EN.Examples[0] == "changed" {
		t.Error("a change to one result of Rights() leaked into the next")
	}
}

// Every shipped Easy Read sentence, in English and Welsh, has at most 15
// words and a picture from the set beside it, and the heading is in plain
// words rather than the article's legal title.
func TestShippedEasyReadIsEasyRead(t *testing.T) {
	for _, r := range MustRights(t) {
		for lang, text := range map[string]RightText{"en": r.EN, "cy": r.CY} {
			for i, s := range text.EasyRead {
				if n := lightbulb.EasyReadWords(s); n > lightbulb.EasyReadMaxWords {
					t.Errorf("%s %s sentence %d has %d words (at most %d): %q", r.Code, lang, i+1, n, lightbulb.EasyReadMaxWords, s)
				}
				if i >= len(text.EasyPictures) || !IsPicture(text.EasyPictures[i]) {
					t.Errorf("%s %s sentence %d has no picture from pictures.json", r.Code, lang, i+1)
				}
			}
			if text.EasyTitle == text.Title {
				t.Errorf("%s %s: the Easy Read heading is the legal title %q", r.Code, lang, text.Title)
			}
			if want := map[string]string{"en": "Your right", "cy": "Eich hawl"}[lang]; !strings.HasPrefix(text.EasyTitle, want) {
				t.Errorf("%s %s: the Easy Read heading %q does not start %q", r.Code, lang, text.EasyTitle, want)
			}
		}
	}
}

// The picture list is sorted by English name, each has Welsh, and no name
// is listed twice.
func TestPicturesListed(t *testing.T) {
	ps := Pictures()
	if len(ps) < 40 {
		t.Fatalf("only %d pictures", len(ps))
	}
	seen := map[string]bool{}
	for i, p := range ps {
		if p.EN == "" || p.CY == "" || p.CY == p.EN && p.EN != "Person" && p.EN != "Help" {
			t.Errorf("picture %q lacks English or Welsh: %+v", p.Name, p)
		}
		if seen[p.Name] {
			t.Errorf("picture %q listed twice", p.Name)
		}
		seen[p.Name] = true
		if i > 0 && strings.ToLower(ps[i-1].EN) > strings.ToLower(p.EN) {
			t.Errorf("pictures out of order at %q", p.EN)
		}
	}
}
