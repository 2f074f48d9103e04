package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/caseimport"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

const caseImportUsage = `Usage: lightbulb import cases FILE --org SLUG [--mapping NAME] [--map FIELD=COLUMN]...
       [--save-mapping NAME] [--dry-run] [--redact] [--no-suggest] [--batch N] [--db URL]
Checks every row of a CSV export first and stores nothing if any row is wrong;
then stores the cases in batches, each its own transaction, keyed on the
organisation and the source reference: running it again updates, never
duplicates, and completes an import that was cut off. Columns are matched by
a saved mapping, by --map, or else guessed from the headings. Fields: ` + "source_ref, type, received, service, summary, harm, status, person_ref."

// caseMapFlags collects repeated --map FIELD=COLUMN flags.
type caseMapFlags map[string]string

func (m caseMapFlags) String() string { return fmt.Sprint(map[string]string(m)) }

func (m caseMapFlags) Set(v string) error {
	f, col, ok := strings.Cut(v, "=")
	if !ok {
		return errors.New("say FIELD=COLUMN")
	}
	m[strings.TrimSpace(f)] = strings.TrimSpace(col)
	return nil
}

// caseImportOpts are the flags of `lightbulb import cases`.
type caseImportOpts struct {
	org, mapping, save string
	maps               caseMapFlags
	dry, redact, nosug bool
	batch              int
}

func runImport(ctx context.Context, args []string, out, errw io.Writer) error {
	if len(args) == 0 || args[0] != "cases" {
		fmt.Fprintln(errw, caseImportUsage)
		return errors.New("import: say what to import: cases")
	}
	o := caseImportOpts{maps: caseMapFlags{}}
	var file string
	rest := args[1:]
	var cfgDB string
	for {
		fs := flag.NewFlagSet("lightbulb import cases", flag.ContinueOnError)
		fs.SetOutput(errw)
		fs.Usage = func() { fmt.Fprintln(errw, caseImportUsage) }
		fs.StringVar(&o.org, "org", o.org, "organisation slug")
		fs.StringVar(&o.mapping, "mapping", o.mapping, "saved column mapping to use")
		fs.StringVar(&o.save, "save-mapping", o.save, "save the mapping used under this name")
		fs.Var(o.maps, "map", "FIELD=COLUMN (repeat)")
		fs.BoolVar(&o.dry, "dry-run", o.dry, "check every row and store nothing")
		fs.BoolVar(&o.redact, "redact", o.redact, "remove emails, phone and NHS numbers from summaries")
		fs.BoolVar(&o.nosug, "no-suggest", o.nosug, "do not compute rights suggestions")
		fs.IntVar(&o.batch, "batch", max(o.batch, 10000), "rows per transaction")
		fs.StringVar(&cfgDB, "db", cmp(cfgDB, os.Getenv("LIGHTBULB_DB"), "sqlite:./lightbulb.db"), "database")
		if err := fs.Parse(rest); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		if file != "" {
			return errors.New("import cases: give one FILE")
		}
		file, rest = fs.Arg(0), fs.Args()[1:]
	}
	if file == "" || o.org == "" {
		fmt.Fprintln(errw, caseImportUsage)
		return errors.New("import cases: give a FILE and --org")
	}
	db, err := open(ctx, caseConfig(cfgDB))
	if err != nil {
		return err
	}
	defer db.Close()
	return caseImport(ctx, db, file, o, out, errw)
}

func cmp(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// caseImport runs one import of file into the organisation o.org.
func caseImport(ctx context.Context, db *sqldb.DB, file string, o caseImportOpts, out, errw io.Writer) error {
	org, err := sqldb.NewOrgService(db).FindOrgBySlug(ctx, o.org)
	if err != nil {
		return fmt.Errorf("import cases: no organisation %q: %w", o.org, err)
	}
	octx := lightbulb.WithActor(lightbulb.WithOrg(ctx, org.ID), &lightbulb.Actor{Name: "lightbulb import"})
	cs := sqldb.NewCaseService(db, caseSuggest)
	m, err := caseMapping(octx, cs, file, o)
	if err != nil {
		return err
	}
	services, err := caseServiceNames(octx, cs)
	if err != nil {
		return err
	}
	bar := newCaseProgress(errw)
	job := caseimport.Job{Open: func() (io.ReadCloser, error) { return os.Open(file) }, DryRun: o.dry, Suggest: !o.nosug,
		Batch: o.batch, Progress: bar.update, Options: caseimport.Options{Mapping: m, Services: services, Redact: o.redact}}
	start := time.Now()
	rep, res, err := caseimport.Run(octx, cs, job)
	bar.done()
	if err != nil {
		return fmt.Errorf("import cases: %w", err)
	}
	if rep.ErrorCount > 0 {
		for _, e := range rep.Errors {
			fmt.Fprintf(out, "row %d\t%s\t%s\n", e.Row, e.Field, e.Message)
		}
		return fmt.Errorf("import cases: %d problems in %d rows; nothing was stored", rep.ErrorCount, rep.Rows)
	}
	if o.save != "" {
		if err := cs.SaveCaseMapping(octx, o.save, m); err != nil {
			return err
		}
	}
	if o.dry {
		fmt.Fprintf(out, "Checked %d rows: all can be imported. Nothing was stored (dry run).\n", rep.Rows)
		return nil
	}
	_ = sqldb.NewAuditService(db).Record(octx, "case.import", file, fmt.Sprintf("%d added, %d updated", res.Created, res.Updated))
	secs := time.Since(start).Seconds()
	fmt.Fprintf(out, "Imported %d rows in %.1fs (%.0f rows/s): %d added, %d updated.\n", rep.Rows, secs, float64(rep.Rows)/secs, res.Created, res.Updated)
	return nil
}

// caseMapping takes a saved mapping, else guesses from the headings, then
// applies --map flags over it.
func caseMapping(ctx context.Context, cs *sqldb.CaseService, file string, o caseImportOpts) (caseimport.Mapping, error) {
	var m caseimport.Mapping
	if o.mapping != "" {
		saved, err := cs.CaseMappings(ctx)
		if err != nil {
			return nil, err
		}
		got, ok := saved[o.mapping]
		if !ok {
			return nil, fmt.Errorf("import cases: no saved mapping %q", o.mapping)
		}
		m = got
	} else {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		_, header, _, err := caseimport.Open(f)
		if err != nil {
			return nil, fmt.Errorf("import cases: %w", err)
		}
		m = caseimport.Guess(header)
	}
	for k, v := range o.maps {
		m[k] = v
	}
	return m, nil
}

// caseServiceNames maps the organisation's ward, team and home names, as
// names compare (lightbulb.UnitKey), to their ids.
func caseServiceNames(ctx context.Context, cs *sqldb.CaseService) (map[string]int64, error) {
	ss, err := cs.FindUnits(ctx)
	if err != nil {
		return nil, err
	}
	return caseimport.ServiceIndex(ss), nil
}
