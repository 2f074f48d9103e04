package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

const backupUsage = `Usage: lightbulb backup FILE [--db sqlite:PATH]
Writes a consistent copy of a SQLite database to FILE while Lightbulb serves
(mode 0600; FILE must not exist). Restore by stopping serve and copying the
file back. For PostgreSQL use pg_dump -Fc; see docs/operating.md.`

func runBackup(ctx context.Context, args []string, out, errw io.Writer) error {
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	cfg, fs, err := parse("backup", args, errw, nil)
	if err != nil {
		return err
	}
	if file == "" && fs.NArg() > 0 {
		file = fs.Arg(0)
	} else if fs.NArg() > 0 {
		return fmt.Errorf("backup: give one FILE, not also %q", fs.Arg(0))
	}
	if file == "" || fs.NArg() > 1 {
		fmt.Fprintln(errw, backupUsage)
		return errors.New("backup: give one FILE to write the copy to")
	}
	path, lite := sqldb.SQLitePath(cfg.DB)
	if !lite {
		return fmt.Errorf("backup: %w", sqldb.ErrBackupPostgres)
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("backup: there is no SQLite database at %s: %w", path, err)
	}
	// The copy is of the database as it is: no migration first.
	db, err := sqldb.Open(ctx, cfg.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, file); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	fmt.Fprintf(out, "Backed up %s to %s (readable by you only).\n", cfg.DB, file)
	return nil
}
