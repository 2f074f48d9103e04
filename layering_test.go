package lightbulb_test

import (
	"go/build"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/lightbulb-hr/lightbulb"

// adapters are our packages that implement the root package's services or
// serve them: storage, email and the web. Only internal/cli wires them
// together; they never import each other.
var adapters = []string{module + "/internal/sqldb", module + "/internal/mail", module + "/internal/web"}

// imports lists every package of the module with what its non-test Go
// files import, read with go/build.
func imports(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if name := d.Name(); path != "." && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "testdata") {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(path, 0)
		if err != nil {
			if _, ok := err.(*build.NoGoError); ok {
				return nil
			}
			return err
		}
		out[filepath.ToSlash(filepath.Join(module, path))] = pkg.Imports
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 5 {
		t.Fatalf("found only %d packages: is the test running in the module's root?", len(out))
	}
	return out
}

func TestRootImportsOnlyTheStandardLibrary(t *testing.T) {
	for _, imp := range imports(t)[module] {
		if first, _, _ := strings.Cut(imp, "/"); strings.Contains(first, ".") {
			t.Errorf("package lightbulb imports %s: the root package may import the standard library only", imp)
		}
	}
}

func TestOnlyCLIWiresTheAdapters(t *testing.T) {
	for pkg, imps := range imports(t) {
		if pkg == module+"/internal/cli" || strings.HasPrefix(pkg, module+"/cmd/") {
			continue
		}
		var used []string
		for _, imp := range imps {
			if slices.Contains(adapters, imp) && imp != pkg && !strings.HasPrefix(pkg, imp+"/") {
				used = append(used, imp)
			}
		}
		switch {
		case slices.Contains(adapters, pkg) && len(used) > 0:
			t.Errorf("%s imports %v: one adapter must not import another (web talks to storage through the root package's interfaces); wire them in internal/cli", pkg, used)
		case len(used) > 1:
			t.Errorf("%s imports %v: only internal/cli wires adapters together", pkg, used)
		}
	}
}

// TestWebNeverImportsStorage is the rule people ask about most, said alone.
func TestWebNeverImportsStorage(t *testing.T) {
	for pkg, imps := range imports(t) {
		if pkg == module+"/internal/web" || strings.HasPrefix(pkg, module+"/internal/web/") {
			if slices.Contains(imps, module+"/internal/sqldb") {
				t.Errorf("%s imports internal/sqldb", pkg)
			}
		}
	}
}
