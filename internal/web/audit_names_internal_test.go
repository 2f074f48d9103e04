package web

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// auditCall finds the action of an audit entry recorded in code, such as
// s.Audit.Record(ctx, "case.view", ...) or "learning.check."+phase.
var auditCall = regexp.MustCompile(`\.Record\([^"\n]*?, "([a-z_]+(?:\.[a-z_]+)*\.?)"`)

// Every action the code records has words in auditActions, so the audit log
// never shows a bare code for it.
func TestEveryAuditActionHasWords(t *testing.T) {
	found := 0
	for _, dir := range []string{".", "../sqldb", "../cli", "../caseimport"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, path := range paths {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range auditCall.FindAllStringSubmatch(string(b), -1) {
				found++
				code := m[1]
				if strings.HasSuffix(code, ".") {
					if !hasPrefixKey(code) {
						t.Errorf("%s: no action in auditActions starts with %q", path, code)
					}
				} else if _, ok := auditActions[code]; !ok {
					t.Errorf("%s: audit action %q has no words in auditActions", path, code)
				}
			}
		}
	}
	if found < 50 {
		t.Fatalf("found only %d audit calls: the pattern no longer matches the code", found)
	}
}

func hasPrefixKey(prefix string) bool {
	for k := range auditActions {
		if strings.HasPrefix(k, prefix) {
			return true
		}
	}
	return false
}
