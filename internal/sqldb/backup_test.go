package sqldb_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// mode is a file's permission bits.
func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// TestDatabaseFilesArePrivate checks that a new SQLite database and the
// -wal and -shm files beside it are readable by their owner only, even
// under a permissive umask.
func TestDatabaseFilesArePrivate(t *testing.T) {
	old := syscall.Umask(0o002)
	defer syscall.Umask(old)
	path := filepath.Join(t.TempDir(), "private.db")
	db, err := sqldb.Open(context.Background(), "sqlite:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{path, path + "-wal", path + "-shm"} {
		if m := mode(t, f); m != 0o600 {
			t.Errorf("%s has mode %v, want -rw-------", filepath.Base(f), m)
		}
	}
}

// TestBackupWhileWriting copies a SQLite database while another goroutine
// keeps adding organisations: the copy is private, opens, passes SQLite's
// integrity check and holds every organisation committed before it began.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	db := sqldbtest.MustOpenSQLite(t)
	orgs := sqldb.NewOrgService(db)
	add := func(i int) error {
		return orgs.CreateOrg(ctx, &lightbulb.Organisation{Slug: fmt.Sprintf("org-%d", i), Name: "Org", Kind: lightbulb.KindCharity})
	}
	for i := range 50 {
		if err := add(i); err != nil {
			t.Fatal(err)
		}
	}
	var written atomic.Int64
	stop, done := make(chan struct{}), make(chan error, 1)
	go func() {
		for i := 50; ; i++ {
			select {
			case <-stop:
				done <- nil
				return
			default:
			}
			if err := add(i); err != nil {
				done <- err
				return
			}
			written.Add(1)
		}
	}()
	for written.Load() < 20 { // the writer is well under way
		time.Sleep(time.Millisecond)
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	err := db.Backup(ctx, path)
	close(stop)
	if werr := <-done; werr != nil {
		t.Fatalf("the writer failed during the backup: %v", werr)
	}
	if err != nil {
		t.Fatal(err)
	}
	if m := mode(t, path); m != 0o600 {
		t.Errorf("backup has mode %v, want -rw-------", m)
	}
	cp, err := sqldb.Open(ctx, "sqlite:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	if ok, err := cp.IntegrityOK(ctx); err != nil || !ok {
		t.Fatalf("integrity check of the copy: %v %v", ok, err)
	}
	got, err := sqldb.NewOrgService(cp).FindOrgs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 70 || int64(len(got)) > 50+written.Load() {
		t.Errorf("the copy holds %d organisations; %d existed before it began and %d by the end", len(got), 70, 50+written.Load())
	}
	before, _ := os.ReadFile(path)
	if err := db.Backup(ctx, path); !errors.Is(err, sqldb.ErrBackupExists) {
		t.Errorf("a second backup to the same file: %v, want ErrBackupExists", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the refused backup changed the earlier one")
	}
}
