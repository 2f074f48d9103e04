package sqldb

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// ErrBackupPostgres is Backup's answer on PostgreSQL, whose own tools
// (pg_dump) make consistent backups.
var ErrBackupPostgres = errors.New("this is a PostgreSQL database: back it up with pg_dump -Fc (see docs/operating.md)")

// ErrBackupExists is Backup's answer when the file is already there: a
// backup never overwrites a file, which may be an earlier backup.
var ErrBackupExists = errors.New("the file already exists; a backup never overwrites a file, so give a new name")

// Backup writes a consistent copy of a SQLite database to path while it
// serves, with VACUUM INTO: it reads one snapshot through a reader, so
// writers carry on meanwhile and the copy holds every transaction committed
// before it began and none after. The file is created first with mode
// 0600, and only if it does not exist; a failed backup removes it.
func (db *DB) Backup(ctx context.Context, path string) error {
	if db.Dialect != SQLite {
		return ErrBackupPostgres
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s: %w", path, ErrBackupExists)
	}
	if err != nil {
		return err
	}
	f.Close()
	if err := db.vacuumInto(ctx, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("back up to %s: %w", path, err)
	}
	return nil
}

// vacuumInto writes the copy into the empty file at path and makes it
// durable: VACUUM INTO does not sync what it writes.
func (db *DB) vacuumInto(ctx context.Context, path string) error {
	if _, err := db.read.ExecContext(ctx, `VACUUM INTO $1`, path); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Chmod(0o600); err != nil {
		return err
	}
	return f.Sync()
}

// createPrivate creates an empty SQLite database file readable by its
// owner only, unless the file exists. SQLite gives the -wal and -shm files
// it makes beside it the same mode, so none of the three is left open to
// other users of the host whatever the umask.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("create database file: %w", err)
	}
	return f.Close()
}
