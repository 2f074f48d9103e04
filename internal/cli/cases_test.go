package cli_test

import (
	"context"
	"testing"

	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// caseMigrated creates and migrates the database at dsn.
func caseMigrated(t *testing.T, dsn string) {
	t.Helper()
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
}
