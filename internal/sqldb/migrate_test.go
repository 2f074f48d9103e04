package sqldb_test

import (
	"context"
	"io/fs"
	"path/filepath"
	"sync"
	"testing"

	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestMigrateConcurrently starts several migrations of one fresh database
// at once, each through its own connections as separate `serve` processes
// would: every one must succeed and each migration must be applied once.
func TestMigrateConcurrently(t *testing.T) {
	dsns := map[string]string{"sqlite": "sqlite:" + filepath.Join(t.TempDir(), "race.db")}
	if sqldbtest.PostgresURL(t) != "" {
		dsns["postgres"] = sqldbtest.MustOpenPostgresURL(t)
	} else {
		t.Log("PostgreSQL skipped: LIGHTBULB_TEST_POSTGRES is not set")
	}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			const procs = 4
			dbs := make([]*sqldb.DB, procs)
			for i := range dbs {
				db, err := sqldb.Open(ctx, dsn)
				if err != nil {
					t.Fatal(err)
				}
				defer db.Close()
				dbs[i] = db
			}
			applied := make([]int, procs)
			errs := make([]error, procs)
			var wg sync.WaitGroup
			for i, db := range dbs {
				wg.Go(func() { applied[i], errs[i] = db.Migrate(ctx) })
			}
			wg.Wait()
			total := 0
			for i := range dbs {
				if errs[i] != nil {
					t.Errorf("migration %d of %d failed: %v", i+1, procs, errs[i])
				}
				total += applied[i]
			}
			want := migrationCount(t, dbs[0].Dialect)
			if total != want {
				t.Errorf("the migrations applied %v: %d in all, want each of the %d once", applied, total, want)
			}
			recorded, err := dbs[0].RecordedMigrations(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if recorded != want {
				t.Errorf("schema_migrations holds %d versions, want %d", recorded, want)
			}
		})
	}
}

// migrationCount is how many migrations ship for the engine.
func migrationCount(t *testing.T, d sqldb.Dialect) int {
	t.Helper()
	names, err := fs.Glob(sqldb.Migrations, "migrations/"+string(d)+"/*.sql")
	if err != nil || len(names) == 0 {
		t.Fatalf("no migrations for %s: %v", d, err)
	}
	return len(names)
}
