package tagger

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// SealFile is the name, beside model.txt, of the file that records what
// the shipped model was trained from.
const SealFile = "model.seal"

// Seal fingerprints a trained model together with what produced it: the
// corpus file, every non-test Go file of the tagger package in srcDir (the
// trainer, tokeniser and features) and the model text itself. `lightbulb
// rights train` writes it beside the model; a test recomputes it and
// retrains only when it differs, so an unchanged tagger costs CI nothing
// and a changed corpus, trainer or hand-edited model still gets the full
// check.
func Seal(corpus []byte, srcDir string, model []byte) (string, error) {
	names, err := filepath.Glob(filepath.Join(srcDir, "*.go"))
	if err != nil {
		return "", err
	}
	names = slices.DeleteFunc(names, func(n string) bool { return strings.HasSuffix(n, "_test.go") })
	if len(names) == 0 {
		return "", fmt.Errorf("seal: no tagger sources in %s", srcDir)
	}
	slices.Sort(names)
	h := sha256.New()
	part := func(label string, b []byte) {
		fmt.Fprintf(h, "%s %d\n", label, len(b))
		h.Write(b)
	}
	part("corpus", corpus)
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return "", err
		}
		part("source "+filepath.Base(n), b)
	}
	part("model", model)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ReadSeal returns the seal recorded in dir, or "" when there is none.
func ReadSeal(dir string) string {
	b, err := os.ReadFile(filepath.Join(dir, SealFile))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}
