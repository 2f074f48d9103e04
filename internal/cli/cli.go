// Package cli wires Lightbulb together: it is the only package that knows
// every other one. Each subcommand is a function here.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/lightbulb-hr/lightbulb/internal/config"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// Version is set at build time with -ldflags "-X .../cli.Version=v1.2.3".
var Version = "dev"

type command struct {
	name, usage string
	run         func(ctx context.Context, args []string, out, errw io.Writer) error
}

func commands() []command {
	return []command{
		{"serve", "serve the web application", runServe},
		{"migrate", "create or upgrade the database schema", runMigrate},
		{"backup", "copy a SQLite database while it serves: backup FILE", runBackup},
		{"demo", "load demo organisations, people and content (safe to repeat)", runDemo},
		{"user", "manage accounts: add, list, set-role, set-password", runUser},
		{"org", "manage organisations: add, list", runOrg},
		{"remind", "queue review reminders now (serve does this every morning at 07:00)", runRemind},
		{"indicators", "monthly indicators: compute [--org SLUG --from --to]; recompute --org SLUG --month YYYY-MM", runIndicators},
		{"jobs", "the background queue: run-due, list", runJobs},
		{"newsletter", "feed bounce and complaint reports in: newsletter bounces FILE", runNewsletter},
		{"privacy", "personal data: register, retention, vacuum", runPrivacy},
		{"rights", "suggest rights for texts; evaluate and train the model", runRights},
		{"import", "import cases from a CSV export: import cases FILE --org SLUG", runImport},
		{"bench", "measure: bench cases --rows N --db sqlite:PATH; bench reference (the load script's reference page)", runBench},
		{"version", "print the version", runVersion},
	}
}

// Run executes the subcommand named in args[0].
func Run(ctx context.Context, args []string, out, errw io.Writer) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(out)
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], out, errw)
		}
	}
	usage(errw)
	return fmt.Errorf("unknown command %q", args[0])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: lightbulb COMMAND [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.usage)
	}
	fmt.Fprintln(w, "\nRun 'lightbulb COMMAND -h' for a command's flags.")
}

// parse reads the shared flags plus any the command adds.
func parse(name string, args []string, errw io.Writer, extra func(*flag.FlagSet)) (*config.Config, *flag.FlagSet, error) {
	fs := flag.NewFlagSet("lightbulb "+name, flag.ContinueOnError)
	fs.SetOutput(errw)
	cfg := config.Flags(fs)
	if extra != nil {
		extra(fs)
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, nil, err
		}
		return nil, nil, err
	}
	if err := cfg.Validate(); err != nil {
		return nil, nil, err
	}
	return cfg, fs, nil
}

// setup parses a command's flags and opens its database. The caller closes it.
func setup(ctx context.Context, name string, args []string, errw io.Writer, extra func(*flag.FlagSet)) (*sqldb.DB, *config.Config, error) {
	cfg, _, err := parse(name, args, errw, extra)
	if err != nil {
		return nil, nil, err
	}
	db, err := open(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	return db, cfg, nil
}

// open connects to the configured database, brings its schema up to date and
// loads the shipped rights library where it is missing.
func open(ctx context.Context, cfg *config.Config) (*sqldb.DB, error) {
	db, err := sqldb.Open(ctx, cfg.DB)
	if err != nil {
		return nil, err
	}
	if _, _, err := migrateAndSeed(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// migrateAndSeed brings the schema up to date and loads the shipped rights
// library where it is missing, under the migration lock so that processes
// starting together do it once. It returns how many migrations it applied
// and rights it added.
func migrateAndSeed(ctx context.Context, db *sqldb.DB) (migrations, rights int, err error) {
	migrations, err = db.MigrateThen(ctx, func(ctx context.Context) error {
		rights, err = SeedContent(ctx, db)
		if err != nil {
			return fmt.Errorf("load rights library: %w", err)
		}
		return nil
	})
	return migrations, rights, err
}

func runMigrate(ctx context.Context, args []string, out, errw io.Writer) error {
	cfg, _, err := parse("migrate", args, errw, nil)
	if err != nil {
		return err
	}
	db, err := sqldb.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	n, added, err := migrateAndSeed(ctx, db)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Database is up to date (%d migrations applied now; %d rights added to the library).\n", n, added)
	// Reviews written before the list of wards, teams and homes join it by
	// name; serve does the same when it starts.
	matched, err := sqldb.NewUnitService(db).MatchAllReviews(ctx)
	if err != nil {
		return err
	}
	if matched > 0 {
		fmt.Fprintf(out, "%d reviews matched to the list of wards, teams and homes by name; a lead matches the rest at /units.\n", matched)
	}
	return nil
}

func runVersion(ctx context.Context, args []string, out, errw io.Writer) error {
	v := Version
	if bi, ok := debug.ReadBuildInfo(); ok && v == "dev" {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v = "dev-" + s.Value[:12]
			}
		}
	}
	fmt.Fprintf(out, "lightbulb %s\n", v)
	return nil
}
