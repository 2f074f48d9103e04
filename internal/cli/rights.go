package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/tagger"
)

const rightsUsage = `Usage:
  lightbulb rights suggest [--in FILE] [--model FILE]
  lightbulb rights eval [--json] [--model FILE] [--corpus FILE] [--labels FILE] [--texts FILE]
  lightbulb rights eval [--json] [--split NAME] [--model FILE] FILE
  lightbulb rights train [--corpus FILE] [--out FILE] [--db URL] [--cv [--cv-first N]]
suggest reads JSON lines {"id","text"} (stdin by default) and writes one line
{"id","rights":[{"code","score","because"}]} per input, in order. A line it
cannot read gives {"line":N,"error":"..."} in its place, a message on stderr,
and a non-zero exit once every other line is done.
eval with no FILE prints precision, recall and F1 on the corpus's test split
beside the development set of real feedback (labels committed by row, texts
read from ../shared/data/nhs-feedback-dev/comments.csv when it is there).
eval FILE reads the same lines as suggest with "rights" and prints the figures.
train rebuilds the model from the corpus's train split, plus the rights
reviewers confirmed when --db is given. Run it from the repository root.`

// confirmedLabels returns the source of rights that reviewers confirmed on
// cases in db, for `rights train --db`: the casework store's labels.
var confirmedLabels = func(db *sqldb.DB) tagger.LabelSource { return sqldb.NewCaseLabels(db) }

func runRights(ctx context.Context, args []string, out, errw io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(errw, rightsUsage)
		return errors.New("rights: say suggest, eval or train")
	}
	switch args[0] {
	case "suggest":
		return rightsSuggest(args[1:], out, errw)
	case "eval":
		return rightsEval(args[1:], out, errw)
	case "train":
		return rightsTrain(ctx, args[1:], out, errw)
	}
	fmt.Fprintln(errw, rightsUsage)
	return fmt.Errorf("rights: unknown subcommand %q", args[0])
}

// rightsFlags parses a rights subcommand's flags, allowing them before or
// after its file arguments.
func rightsFlags(name string, args []string, errw io.Writer, define func(*flag.FlagSet)) ([]string, error) {
	fs := flag.NewFlagSet("lightbulb rights "+name, flag.ContinueOnError)
	fs.SetOutput(errw)
	define(fs)
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// loadModel returns the model in path, or the embedded one when path is "".
func loadModel(path string) (*tagger.Model, error) {
	if path == "" {
		return tagger.Default(), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open model: %w", err)
	}
	defer f.Close()
	return tagger.ReadModel(f)
}

func openInput(path string) (io.ReadCloser, error) {
	if path == "" || path == "-" {
		return io.NopCloser(os.Stdin), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open input: %w", err)
	}
	return f, nil
}

type suggestLine struct {
	ID     string              `json:"id"`
	Rights []tagger.Suggestion `json:"rights"`
}

type errorLine struct {
	Line  int    `json:"line"`
	Error string `json:"error"`
}

func rightsSuggest(args []string, out, errw io.Writer) error {
	var in, modelPath string
	rest, err := rightsFlags("suggest", args, errw, func(fs *flag.FlagSet) {
		fs.StringVar(&in, "in", "", "read JSON lines from FILE instead of standard input")
		fs.StringVar(&modelPath, "model", "", "use this model file instead of the one built in")
	})
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("rights suggest: unexpected %q (input comes from stdin or --in)", rest[0])
	}
	m, err := loadModel(modelPath)
	if err != nil {
		return err
	}
	r, err := openInput(in)
	if err != nil {
		return err
	}
	defer r.Close()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	bad := 0
	err = tagger.Lines(r, func(n int, line []byte, tooLong bool) error {
		ex, perr := tagger.ParseExample(line, false)
		if tooLong {
			perr = fmt.Errorf("longer than %d bytes", tagger.MaxLine)
		}
		if perr != nil {
			bad++
			fmt.Fprintf(errw, "line %d: %v\n", n, perr)
			return enc.Encode(errorLine{n, perr.Error()})
		}
		s := m.Suggest(ex.Text)
		if s == nil {
			s = []tagger.Suggestion{}
		}
		return enc.Encode(suggestLine{ex.ID, s})
	})
	if err != nil {
		return fmt.Errorf("rights suggest: %w", err)
	}
	if bad > 0 {
		return fmt.Errorf("rights suggest: %d line(s) could not be read; see above", bad)
	}
	return nil
}

func rightsTrain(ctx context.Context, args []string, out, errw io.Writer) error {
	var corpus, outPath, dbURL string
	var cv bool
	var cvFirst int
	rest, err := rightsFlags("train", args, errw, func(fs *flag.FlagSet) {
		fs.StringVar(&corpus, "corpus", defaultCorpus, "labelled corpus; its train split is used")
		fs.StringVar(&outPath, "out", filepath.FromSlash("internal/tagger/model.txt"), "where to write the model")
		fs.StringVar(&dbURL, "db", "", "also learn from rights reviewers confirmed in this database")
		fs.BoolVar(&cv, "cv", false, "first print 5-fold cross-validated figures on the training texts")
		fs.IntVar(&cvFirst, "cv-first", 0, "with --cv, hold out only the first N training texts; the rest train in every fold")
	})
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("rights train: unexpected %q", rest[0])
	}
	all, err := readExamplesFile(corpus)
	if err != nil {
		return fmt.Errorf("rights train: %w", err)
	}
	examples := tagger.Split(all, "train")
	fromCorpus := len(examples)
	if dbURL != "" {
		more, err := reviewedExamples(ctx, dbURL, errw)
		if err != nil {
			return fmt.Errorf("rights train: %w", err)
		}
		examples = append(examples, more...)
	}
	if cvFirst < 0 {
		return errors.New("rights train: --cv-first must be 0 or more")
	}
	if cv {
		held := len(examples)
		if cvFirst > 0 {
			held = cvFirst
		}
		rep, err := tagger.CrossValidateFirst(examples, held, tagger.Options{}, 5)
		if err != nil {
			return err
		}
		if held < len(examples) {
			fmt.Fprintf(out, "Cross-validated on the first %d training texts (5 folds; the other %d train in every fold):\n", held, len(examples)-held)
		} else {
			fmt.Fprintln(out, "Cross-validated on the training texts (5 folds):")
		}
		if err := rep.WriteTable(out); err != nil {
			return err
		}
	}
	m, err := tagger.Train(examples, tagger.Options{})
	if err != nil {
		return err
	}
	if err := writeModel(m, outPath); err != nil {
		return fmt.Errorf("rights train: %w", err)
	}
	if len(examples) == fromCorpus {
		if err := writeSeal(corpus, outPath); err != nil {
			return fmt.Errorf("rights train: %w", err)
		}
	}
	fmt.Fprintf(out, "Trained on %d texts (%d from the corpus's train split, %d confirmed by reviewers); wrote %s.\n",
		len(examples), fromCorpus, len(examples)-fromCorpus, outPath)
	return nil
}

// writeSeal records, beside a model written into the tagger's own source
// folder, what it was trained from, so the test that checks the shipped
// model retrains only when something changed. A model written anywhere
// else, or trained with reviewers' labels too, gets no seal.
func writeSeal(corpusPath, modelPath string) error {
	dir := filepath.Dir(modelPath)
	if _, err := os.Stat(filepath.Join(dir, "train.go")); err != nil {
		return nil
	}
	corpus, err := os.ReadFile(corpusPath)
	if err != nil {
		return err
	}
	model, err := os.ReadFile(modelPath)
	if err != nil {
		return err
	}
	seal, err := tagger.Seal(corpus, dir, model)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, tagger.SealFile), []byte(seal+"\n"), 0o644)
}

// reviewedExamples reads the rights reviewers confirmed, if a source exists.
func reviewedExamples(ctx context.Context, dbURL string, errw io.Writer) ([]tagger.Example, error) {
	db, err := sqldb.Open(ctx, dbURL)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	src := confirmedLabels(db)
	if src == nil {
		fmt.Fprintln(errw, "No reviewer-confirmed rights to learn from yet (casework is not installed); training on the corpus only.")
		return nil, nil
	}
	ex, err := src.ConfirmedLabels(ctx)
	if err != nil {
		return nil, fmt.Errorf("confirmed labels: %w", err)
	}
	for _, e := range ex {
		if err := tagger.CheckRights(e.Rights); err != nil {
			return nil, fmt.Errorf("confirmed labels for %s: %w", e.ID, err)
		}
	}
	return ex, nil
}

// writeModel writes m to path through a temporary file, so a failed run
// never leaves half a model behind.
func writeModel(m *tagger.Model, path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".model-*.txt")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := m.WriteTo(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
