package sqldb_test

import (
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// The database itself refuses a case whose service is missing (both
// engines) or another organisation's (PostgreSQL, where a trigger once a
// statement replaced the row-by-row foreign keys), and a service that
// cases name cannot be deleted or moved away.
func TestCaseServiceMustBeTheOrganisations(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f, cs := newCaseFixture(t, db)
		if _, err := cs.ImportCases(f.ctxA, caseBatch(f.wardA.ID, 3, "Visiting refused"), false); err != nil {
			t.Fatal(err)
		}
		a, _ := lightbulb.OrgFrom(f.ctxA)
		insert := `INSERT INTO cases (org_id, type, source_ref, received, service_id, summary, created_at, updated_at)
			VALUES ($1, 'pals', $2, '2026-01-01', $3, 'x', $4, $4)`
		if err := db.TestExec(f.ctxA, insert, a, "X-1", f.wardA.ID+1000, lightbulb.Now()); err == nil {
			t.Fatal("a case naming no service was stored")
		}
		if err := db.TestExec(f.ctxA, `DELETE FROM services WHERE id = $1`, f.wardA.ID); err == nil {
			t.Fatal("a service that cases name was deleted")
		}
		if db.Dialect != sqldb.Postgres {
			return // SQLite's keys check the service, not whose it is: the store does
		}
		if err := db.TestExec(f.ctxA, insert, a, "X-2", f.homeB.ID, lightbulb.Now()); err == nil {
			t.Fatal("a case naming another organisation's service was stored")
		}
		if err := db.TestExec(f.ctxA, `UPDATE cases SET service_id = $1 WHERE org_id = $2`, f.homeB.ID, a); err == nil {
			t.Fatal("cases were moved to another organisation's service")
		}
		if err := db.TestExec(f.ctxA, `UPDATE services SET org_id = $1 WHERE id = $2`, f.homeB.OrgID, f.wardA.ID); err == nil {
			t.Fatal("a service that cases name moved to another organisation")
		}
	})
}
