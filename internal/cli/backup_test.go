package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	db := "sqlite:" + filepath.Join(dir, "live.db")
	if out, err := run(t, db, "migrate"); err != nil {
		t.Fatalf("migrate: %v\n%s", err, out)
	}
	copyPath := filepath.Join(dir, "copy.db")
	out, err := run(t, db, "backup", copyPath)
	if err != nil || !strings.Contains(out, "Backed up") {
		t.Fatalf("backup: %v\n%s", err, out)
	}
	if st, err := os.Stat(copyPath); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("the copy: %v, mode %v; want -rw-------", err, st.Mode().Perm())
	}
	// The copy is a working database: the CLI can use it.
	if out, err := run(t, "sqlite:"+copyPath, "migrate"); err != nil || !strings.Contains(out, "0 migrations applied now; 0 rights added") {
		t.Fatalf("migrate the copy: %v\n%s", err, out)
	}
	for _, tc := range []struct {
		db   string
		args []string
		want string
	}{
		{db, []string{"backup", copyPath}, "already exists; a backup never overwrites a file"},
		{db, []string{"backup"}, "give one FILE"},
		{db, []string{"backup", copyPath + "2", "extra"}, "give one FILE"},
		{"postgres://nobody@127.0.0.1:1/none", []string{"backup", copyPath + "3"}, "pg_dump -Fc"},
		{"sqlite:" + filepath.Join(dir, "missing.db"), []string{"backup", copyPath + "4"}, "there is no SQLite database at"},
	} {
		out, err := run(t, tc.db, tc.args...)
		if err == nil || !strings.Contains(err.Error()+out, tc.want) {
			t.Errorf("%v: err %v, out %q; want %q", tc.args, err, out, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("backing up a missing database created it")
	}
}
