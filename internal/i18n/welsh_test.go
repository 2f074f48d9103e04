package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// templateKey matches interface text passed to T in a template, such as
// {{.T "Sign in"}} or {{$.T "Edit"}}.
var templateKey = regexp.MustCompile(`\.T "((?:[^"\\]|\\.)+)"`)

// TestTemplatesHaveWelsh fails for any text a template translates that has no
// Welsh entry, so that a new page cannot forget Welsh.
func TestTemplatesHaveWelsh(t *testing.T) {
	root := filepath.Join("..", "web", "templates")
	missing := map[string][]string{}
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".html" {
			return err
		}
		files++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range templateKey.FindAllStringSubmatch(string(b), -1) {
			key, err := strconv.Unquote(`"` + m[1] + `"`)
			if err != nil {
				t.Errorf("%s: cannot read %q: %v", path, m[1], err)
				continue
			}
			if _, ok := welsh[key]; !ok {
				missing[key] = append(missing[key], filepath.ToSlash(path))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files == 0 {
		t.Fatalf("no templates found under %s", root)
	}
	reportMissing(t, missing)
}

// goKeys match English messages that Go code passes through T: page titles,
// validation and error messages, and the display labels kept in maps.
var goKeys = []*regexp.Regexp{
	regexp.MustCompile(`newPage\(r, "((?:[^"\\]|\\.)+)"`),
	regexp.MustCompile(`staticPage\("[^"]+", "((?:[^"\\]|\\.)+)"\)`),
	regexp.MustCompile(`\bp\.T\("((?:[^"\\]|\\.)+)"`),
	regexp.MustCompile(`\bv\.Add\("[^"]+", "((?:[^"\\]|\\.)+)"\)`),
	// the form reader: f.Add("field", "…") and the questions its readers name
	regexp.MustCompile(`\bf\.Add\("[^"]+", "((?:[^"\\]|\\.)+)"`),
	regexp.MustCompile(`\bf\.(?:Date|Int|Choice|Checks)\([^,]+, "((?:[^"\\]|\\.)+)"`),
	// text translated for a language held in a variable: i18n.T(lang, "…")
	regexp.MustCompile(`\bi18n\.T\([\w.]+, "((?:[^"\\]|\\.)+)"`),
	// the form reader's instructions: f.fail(name, question, "…")
	regexp.MustCompile(`\bf\.fail\(name, question, "((?:[^"\\]|\\.)+)"`),
	regexp.MustCompile(`FieldError\("[^"]+", "((?:[^"\\]|\\.)+)"\)`),
	regexp.MustCompile(`lightbulb\.Errorf\(lightbulb\.[A-Z]+, "((?:[^"\\]|\\.)+)"\)`),
	regexp.MustCompile(`notFound\(err, "((?:[^"\\]|\\.)+)"\)`),
	// categoryExplain and CategoryLabel: lightbulb.Absolute: "…"
	regexp.MustCompile(`lightbulb\.[A-Z]\w*:\s+"((?:[^"\\]|\\.)+)"`),
	// errorPage titles: http.StatusNotFound: "…"
	regexp.MustCompile(`http\.Status\w+:\s+"((?:[^"\\]|\\.)+)"`),
	// labels: "nhs_trust": "NHS trust"
	regexp.MustCompile(`"[a-z_]+": "([A-Z](?:[^"\\]|\\.)*)"`),
}

// TestGoMessagesHaveWelsh fails for any English message in the web and
// database code that has no Welsh entry.
func TestGoMessagesHaveWelsh(t *testing.T) {
	missing := map[string][]string{}
	for _, dir := range []string{filepath.Join("..", "web"), filepath.Join("..", "sqldb")} {
		paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, path := range paths {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, re := range goKeys {
				for _, m := range re.FindAllStringSubmatch(string(b), -1) {
					key, err := strconv.Unquote(`"` + m[1] + `"`)
					if err != nil || strings.Trim(key, "%s ") == "" {
						continue
					}
					if _, ok := welsh[key]; !ok {
						missing[key] = append(missing[key], filepath.ToSlash(path))
					}
				}
			}
		}
	}
	reportMissing(t, missing)
}

func reportMissing(t *testing.T, missing map[string][]string) {
	t.Helper()
	if len(missing) == 0 {
		return
	}
	keys := make([]string, 0, len(missing))
	for k := range missing {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString("\n\t")
		b.WriteString(strconv.Quote(k))
		b.WriteString(": \"\", // ")
		b.WriteString(strings.Join(slices.Compact(slices.Sorted(slices.Values(missing[k]))), ", "))
	}
	t.Errorf("%d English strings have no Welsh in welsh.go:%s", len(keys), b.String())
}

var verb = regexp.MustCompile(`%[dsq]`)

// TestWelshValues checks that every translation is filled in, keeps the
// key's fmt verbs in the same order, and keeps any leading or trailing space
// the English relies on when it is joined to other text.
func TestWelshValues(t *testing.T) {
	if len(welsh) == 0 {
		t.Fatal("no Welsh translations")
	}
	for k, v := range welsh {
		if strings.TrimSpace(v) == "" {
			t.Errorf("%q has an empty Welsh translation", k)
			continue
		}
		if kv, vv := verb.FindAllString(k, -1), verb.FindAllString(v, -1); !slices.Equal(kv, vv) {
			t.Errorf("%q uses verbs %v but its Welsh %q uses %v", k, kv, v, vv)
		}
		if edge(k) != edge(v) {
			t.Errorf("%q and its Welsh %q differ in leading or trailing space", k, v)
		}
	}
}

func edge(s string) [2]bool {
	return [2]bool{
		strings.IndexFunc(s, unicode.IsSpace) == 0,
		s != strings.TrimRightFunc(s, unicode.IsSpace),
	}
}

// TestWelshSorted keeps each Welsh catalogue file one map literal sorted by
// key, so that entries are easy to find and merges stay simple, and checks
// that no two files translate the same key.
func TestWelshSorted(t *testing.T) {
	files, err := filepath.Glob("welsh*.go")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	total := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		var keys []string
		ast.Inspect(f, func(n ast.Node) bool {
			kv, ok := n.(*ast.KeyValueExpr)
			if !ok {
				return true
			}
			if lit, ok := kv.Key.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				k, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatal(err)
				}
				keys = append(keys, k)
			}
			return false
		})
		for i, k := range keys {
			if i > 0 && keys[i-1] >= k {
				t.Errorf("%s is not sorted: %q comes before %q", name, keys[i-1], k)
			}
			if other, dup := seen[k]; dup {
				t.Errorf("%q is translated in both %s and %s: keep one", k, other, name)
			}
			seen[k] = name
		}
		total += len(keys)
	}
	if total != len(welsh) {
		t.Fatalf("the catalogue files have %d keys but the merged map has %d: is a file's init missing?", total, len(welsh))
	}
}

func TestT(t *testing.T) {
	tests := []struct {
		lang, key string
		args      []any
		want      string
	}{
		{"cy", "Sign in", nil, "Mewngofnodi"},
		{"en", "Sign in", nil, "Sign in"},
		{"cy", "Sign out", nil, "Allgofnodi"},
		{"cy", "There is a problem", nil, "Mae problem wedi codi"},
		{"cy", "%d rights match “%s”.", []any{3, "vote"}, "Mae 3 hawl yn cyfateb i “vote”."},
		{"en", "%d rights match “%s”.", []any{3, "vote"}, "3 rights match “vote”."},
		{"cy", "Text with no translation", nil, "Text with no translation"},
		{"fr", "Sign in", nil, "Sign in"},
	}
	for _, tt := range tests {
		if got := T(tt.lang, tt.key, tt.args...); got != tt.want {
			t.Errorf("T(%q, %q) = %q, want %q", tt.lang, tt.key, got, tt.want)
		}
	}
	if !Has("cy", "Sign in") || Has("en", "Sign in") {
		t.Error(`Has should be true for "cy" and false for "en"`)
	}
}

func TestFromRequest(t *testing.T) {
	tests := []struct {
		name, accept, cookie, want string
	}{
		{"Welsh browser", "cy-GB,cy;q=0.9", "", "cy"},
		{"Welsh first, then English", "cy,en-GB;q=0.8", "", "cy"},
		{"English browser", "en-GB,en;q=0.9", "", "en"},
		{"French browser", "fr-FR", "", "en"},
		{"no header", "", "", "en"},
		{"cookie wins over header", "en", "cy", "cy"},
		{"English cookie wins over Welsh header", "cy", "en", "en"},
		{"unsupported cookie is ignored", "cy", "fr", "cy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "/", nil)
			if tt.accept != "" {
				r.Header.Set("Accept-Language", tt.accept)
			}
			if tt.cookie != "" {
				r.AddCookie(&http.Cookie{Name: CookieName, Value: tt.cookie})
			}
			if got := FromRequest(r); got != tt.want {
				t.Errorf("FromRequest = %q, want %q", got, tt.want)
			}
		})
	}
}
