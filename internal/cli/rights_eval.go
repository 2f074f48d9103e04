package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/lightbulb-hr/lightbulb/internal/tagger"
)

// Where `rights eval` finds its two measures when given no FILE, relative to
// the repository root: the corpus (its test split), the committed labels of
// the real development set, and that set's texts, which stay outside the
// repository.
var (
	defaultCorpus    = filepath.FromSlash("testdata/rights/corpus.jsonl")
	defaultRealLabel = filepath.FromSlash("testdata/rights/real-dev.csv")
	defaultRealTexts = filepath.FromSlash("../shared/data/nhs-feedback-dev/comments.csv")
)

type evalFlags struct {
	asJSON                        bool
	split, modelPath              string
	corpus, realLabels, realTexts string
}

func rightsEval(args []string, out, errw io.Writer) error {
	var f evalFlags
	rest, err := rightsFlags("eval", args, errw, func(fs *flag.FlagSet) {
		fs.BoolVar(&f.asJSON, "json", false, "print the figures as JSON")
		fs.StringVar(&f.split, "split", "", `with FILE, only texts whose "split" is NAME (e.g. test)`)
		fs.StringVar(&f.modelPath, "model", "", "use this model file instead of the one built in")
		fs.StringVar(&f.corpus, "corpus", defaultCorpus, "without FILE, the corpus whose test split is measured")
		fs.StringVar(&f.realLabels, "labels", defaultRealLabel, "without FILE, the real development set's labels (row,rights)")
		fs.StringVar(&f.realTexts, "texts", defaultRealTexts, "without FILE, the real development set's texts (CSV with row and text)")
	})
	if err != nil {
		return err
	}
	if len(rest) > 1 {
		fmt.Fprintln(errw, rightsUsage)
		return errors.New("rights eval: give at most one FILE of labelled JSON lines (- for stdin)")
	}
	m, err := loadModel(f.modelPath)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return evalBeside(m, f, out, errw)
	}
	r, err := openInput(rest[0])
	if err != nil {
		return err
	}
	defer r.Close()
	examples, err := tagger.ReadExamples(r)
	if err != nil {
		return fmt.Errorf("rights eval: %s: %w", rest[0], err)
	}
	if f.split != "" {
		examples = tagger.Split(examples, f.split)
	}
	if len(examples) == 0 {
		return errors.New("rights eval: no labelled texts to evaluate")
	}
	rep := m.Evaluate(examples)
	if f.asJSON {
		return writeJSON(out, rep)
	}
	return rep.WriteTable(out)
}

// evalBeside measures m on the corpus's test split and, when its texts are
// present, on the real development set, and prints the two side by side.
func evalBeside(m *tagger.Model, f evalFlags, out, errw io.Writer) error {
	if f.split != "" {
		return errors.New("rights eval: --split goes with a FILE; without one the corpus's test split is used")
	}
	corpus, err := readExamplesFile(f.corpus)
	if err != nil {
		return fmt.Errorf("rights eval: %w", err)
	}
	reps := []tagger.Named{{Name: "corpus test split", Report: m.Evaluate(tagger.Split(corpus, "test"))}}
	real, err := readRealSet(f.realLabels, f.realTexts)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !fileExists(f.realLabels):
		return fmt.Errorf("rights eval: %w", err)
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(errw, "Real development set left out: its texts are not at %s (they are never committed; see docs/tagger.md).\n", f.realTexts)
	case err != nil:
		return fmt.Errorf("rights eval: %w", err)
	default:
		reps = append(reps, tagger.Named{Name: "real development set", Report: m.Evaluate(real)})
	}
	if f.asJSON {
		return writeJSON(out, reps)
	}
	return tagger.WriteSideBySide(out, reps)
}

// readRealSet joins the committed labels with the texts they were made for.
func readRealSet(labelsPath, textsPath string) ([]tagger.Example, error) {
	lf, err := os.Open(labelsPath)
	if err != nil {
		return nil, err
	}
	defer lf.Close()
	labels, err := tagger.ReadRowLabels(lf)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", labelsPath, err)
	}
	tf, err := os.Open(textsPath)
	if err != nil {
		return nil, err
	}
	defer tf.Close()
	texts, err := tagger.ReadFeedbackTexts(tf)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", textsPath, err)
	}
	ex, err := tagger.JoinRows(labels, texts)
	if err != nil {
		return nil, fmt.Errorf("%s against %s: %w", labelsPath, textsPath, err)
	}
	return ex, nil
}

func readExamplesFile(path string) ([]tagger.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ex, err := tagger.ReadExamples(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ex, nil
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
