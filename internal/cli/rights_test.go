package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lightbulb-hr/lightbulb/internal/cli"
)

// rights runs `lightbulb rights ARGS` and returns stdout, stderr and the error.
func rights(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errw bytes.Buffer
	err := cli.Run(context.Background(), append([]string{"rights"}, args...), &out, &errw)
	return out.String(), errw.String(), err
}

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRightsSuggestKeepsOrderAndReportsBadLines(t *testing.T) {
	in := writeFile(t, "in.jsonl", `{"id":"c1","text":"The crisis team knew he was suicidal and sent him home; he died that night."}
{"id":"c2","text":"The car park machine only takes coins."}
not json

{"text":"no id"}
{"id":"c5","text":"Staff read my letters before giving them to me."}
`)
	out, errw, err := rights(t, "suggest", "--in", in)
	if err == nil || !strings.Contains(err.Error(), "2 line(s) could not be read") {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(errw, "line 3: not a JSON object") || !strings.Contains(errw, `line 5: missing "id"`) {
		t.Errorf("stderr does not name the bad lines:\n%s", errw)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 {
		t.Fatalf("want 5 output lines (blank input skipped), got %d:\n%s", len(lines), out)
	}
	var first struct {
		ID     string `json:"id"`
		Rights []struct {
			Code    string   `json:"code"`
			Score   float64  `json:"score"`
			Because []string `json:"because"`
		} `json:"rights"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil || first.ID != "c1" || len(first.Rights) == 0 || first.Rights[0].Code != "A2" {
		t.Errorf("first line = %s (%v)", lines[0], err)
	}
	if lines[1] != `{"id":"c2","rights":[]}` {
		t.Errorf("everyday complaint got %s", lines[1])
	}
	if lines[2] != `{"line":3,"error":"not a JSON object with \"id\" and \"text\": invalid character 'o' in literal null (expecting 'u')"}` {
		t.Errorf("bad line gave %s", lines[2])
	}
	if !strings.HasPrefix(lines[4], `{"id":"c5","rights":[{"code":"A8"`) {
		t.Errorf("last line = %s", lines[4])
	}
}

func TestRightsEvalTableAndJSON(t *testing.T) {
	corpus := filepath.Join("..", "..", "testdata", "rights", "corpus.jsonl")
	out, _, err := rights(t, "eval", corpus, "--split", "test")
	if err != nil || !strings.Contains(out, "micro F1") || !strings.Contains(out, "P13A1") {
		t.Fatalf("eval table: %v\n%s", err, out)
	}
	out, _, err = rights(t, "eval", "--json", "--split", "test", corpus)
	var rep struct {
		Texts   int     `json:"texts"`
		MicroF1 float64 `json:"micro_f1"`
		Rights  []struct {
			Code string `json:"code"`
		} `json:"rights"`
	}
	if err != nil || json.Unmarshal([]byte(out), &rep) != nil || rep.Texts < 100 || len(rep.Rights) != 16 || rep.MicroF1 <= 0 {
		t.Fatalf("eval --json: %v\n%s", err, out)
	}
	bad := writeFile(t, "bad.jsonl", `{"id":"1","text":"x","rights":[]}`+"\n"+`{"id":"2","text":"y","rights":["A14"]}`+"\n")
	if _, _, err := rights(t, "eval", bad); err == nil || !strings.Contains(err.Error(), "line 2: A14 must go with another right") {
		t.Errorf("bad labels: %v", err)
	}
	// Without a FILE, eval reads the corpus from the repository root, which
	// is not where the tests run.
	if _, _, err := rights(t, "eval"); err == nil || !strings.Contains(err.Error(), "corpus.jsonl") {
		t.Errorf("eval away from the repository root: %v", err)
	}
	if _, _, err := rights(t, "eval", corpus, corpus); err == nil || !strings.Contains(err.Error(), "at most one FILE") {
		t.Errorf("eval with two files: %v", err)
	}
}

// realTexts is where the real development set's texts live beside the
// checkout; they are never committed.
var realTexts = filepath.Join("..", "..", "..", "shared", "data", "nhs-feedback-dev", "comments.csv")

func evalBesideArgs(texts string, more ...string) []string {
	return append([]string{"eval",
		"--corpus", filepath.Join("..", "..", "testdata", "rights", "corpus.jsonl"),
		"--labels", filepath.Join("..", "..", "testdata", "rights", "real-dev.csv"),
		"--texts", texts}, more...)
}

func TestRightsEvalReportsTheRealSetBesideTheCorpus(t *testing.T) {
	if _, err := os.Stat(realTexts); err != nil {
		t.Skipf("the real development set's texts are not at %s (they live in ../shared beside the checkout, never in the repository): %v", realTexts, err)
	}
	out, errw, err := rights(t, evalBesideArgs(realTexts)...)
	if err != nil || !strings.Contains(out, "corpus test split") || !strings.Contains(out, "real development set") ||
		!strings.Contains(out, "micro F1") || !strings.Contains(out, "real development set: 2415 texts;") {
		t.Fatalf("eval beside: %v\n%s%s", err, out, errw)
	}
	t.Logf("\n%s", out)
	out, _, err = rights(t, evalBesideArgs(realTexts, "--json")...)
	var reps []struct {
		Name   string `json:"name"`
		Report struct {
			Texts   int     `json:"texts"`
			MicroF1 float64 `json:"micro_f1"`
		} `json:"report"`
	}
	if err != nil || json.Unmarshal([]byte(out), &reps) != nil || len(reps) != 2 || reps[1].Report.Texts != 2415 || reps[1].Report.MicroF1 <= 0 {
		t.Fatalf("eval beside --json: %v\n%s", err, out)
	}
}

func TestRightsEvalWithoutTheRealTextsSaysSo(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "comments.csv")
	out, errw, err := rights(t, evalBesideArgs(missing)...)
	if err != nil || !strings.Contains(out, "corpus test split: 341 texts") || strings.Contains(out, "real development set") {
		t.Fatalf("eval without the texts: %v\n%s", err, out)
	}
	if !strings.Contains(errw, "Real development set left out: its texts are not at "+missing) {
		t.Errorf("stderr does not say why the real set is missing:\n%s", errw)
	}
	other := writeFile(t, "other.csv", "row,text\n1,Wanna go home.\n")
	if _, _, err := rights(t, evalBesideArgs(other)...); err == nil || !strings.Contains(err.Error(), "is labelled but not in the texts") {
		t.Errorf("labels against the wrong texts: %v", err)
	}
}

func TestRightsTrainWritesALoadableModel(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a model")
	}
	corpus := filepath.Join("..", "..", "testdata", "rights", "corpus.jsonl")
	model := filepath.Join(t.TempDir(), "model.txt")
	db := "sqlite:" + filepath.Join(t.TempDir(), "t.db")
	caseMigrated(t, db)
	// Cross-validation trains the model five more times, so it is shown on
	// the first 300 texts only; the model itself comes from the whole corpus.
	all, err := os.ReadFile(corpus)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfterN(string(all), "\n", 301)
	small := writeFile(t, "small.jsonl", strings.Join(lines[:300], ""))
	out, errw, err := rights(t, "train", "--corpus", small, "--out", filepath.Join(t.TempDir(), "small.txt"), "--cv")
	if err != nil || !strings.Contains(out, "Cross-validated on the training texts") || !strings.Contains(out, "micro F1") {
		t.Fatalf("train --cv: %v\n%s%s", err, out, errw)
	}
	out, errw, err = rights(t, "train", "--corpus", small, "--out", filepath.Join(t.TempDir(), "small.txt"), "--cv", "--cv-first", "100")
	if err != nil || !strings.Contains(out, "Cross-validated on the first 100 training texts") {
		t.Fatalf("train --cv --cv-first: %v\n%s%s", err, out, errw)
	}
	if _, _, err := rights(t, "train", "--corpus", small, "--out", filepath.Join(t.TempDir(), "small.txt"), "--cv", "--cv-first", "-1"); err == nil ||
		!strings.Contains(err.Error(), "--cv-first must be 0 or more") {
		t.Errorf("negative --cv-first: %v", err)
	}
	// The whole corpus reproducing the shipped model is checked once, in
	// internal/tagger (TestShippedModelIsCurrent); training it a second time
	// here doubled the suite's longest test. Here the command trains on the
	// small corpus, writes a model that loads, and suggest uses it.
	out, errw, err = rights(t, "train", "--corpus", small, "--out", model, "--db", db)
	if err != nil || !strings.Contains(out, "0 confirmed by reviewers") {
		t.Fatalf("train: %v\n%s%s", err, out, errw)
	}
	trained, err := os.ReadFile(model)
	if err != nil || len(trained) == 0 {
		t.Fatalf("no model written: %v", err)
	}
	in := writeFile(t, "in.jsonl", `{"id":"a","text":"Nobody helped Dad apply for a postal vote."}`+"\n")
	if out, _, err := rights(t, "suggest", "--model", model, "--in", in); err != nil || !strings.Contains(out, `"a"`) {
		t.Errorf("suggest with the trained model: %v %s", err, out)
	}
	if _, _, err := rights(t, "train", "--corpus", filepath.Join(t.TempDir(), "missing.jsonl"), "--out", model); err == nil {
		t.Error("train from a missing corpus succeeded")
	}
}
