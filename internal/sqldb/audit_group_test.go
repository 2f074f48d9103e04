package sqldb_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// auditTargets lists the targets of the entries with action, in order.
func auditTargets(t *testing.T, db *sqldb.DB, action string) []string {
	t.Helper()
	rows, err := db.Reader().Query(`SELECT target FROM audit_log WHERE action = $1 ORDER BY target`, action)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// refuseAuditAction makes the database refuse audit entries with action.
func refuseAuditAction(t *testing.T, db *sqldb.DB, action string) {
	t.Helper()
	stmts := []string{`CREATE TRIGGER audit_refuse BEFORE INSERT ON audit_log WHEN NEW.action = '` + action + `'
		BEGIN SELECT RAISE(ABORT, 'refused'); END`}
	if db.Dialect == sqldb.Postgres {
		stmts = []string{`CREATE FUNCTION audit_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN RAISE EXCEPTION 'refused'; END $$`,
			`CREATE TRIGGER audit_refuse BEFORE INSERT ON audit_log FOR EACH ROW WHEN (NEW.action = '` + action + `')
			EXECUTE FUNCTION audit_refuse()`}
	}
	for _, s := range stmts {
		if _, err := db.Writer().Exec(s); err != nil {
			t.Fatal(err)
		}
	}
}

// Entries recorded at the same moment share transactions, and each caller
// returns once its own entry is stored, with its own error: a refused entry
// costs no other its record.
func TestAuditGroupCommit(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		org := sqldbtest.MustOrg(t, db, "trust", lightbulb.KindNHSTrust)
		ctx := lightbulb.WithActor(lightbulb.WithOrg(context.Background(), org.ID), &lightbulb.Actor{Name: "Ada", IP: "127.0.0.1"})
		as := sqldb.NewAuditService(db)
		refuseAuditAction(t, db, "test.refused")

		t.Run("many at once", func(t *testing.T) {
			const n = 120
			errs := make([]error, n)
			var wg sync.WaitGroup
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					action := "test.view"
					if i%10 == 3 {
						action = "test.refused"
					}
					errs[i] = as.Record(ctx, action, fmt.Sprintf("t%03d", i), "shown")
					if errs[i] == nil {
						// Committed before Record returned: a read sees it.
						if got := auditTargets(t, db, "test.view"); !slices.Contains(got, fmt.Sprintf("t%03d", i)) {
							t.Errorf("entry %d not stored when Record returned", i)
						}
					}
				}()
			}
			wg.Wait()
			for i, err := range errs {
				if (i%10 == 3) != (err != nil) {
					t.Errorf("entry %d: error %v", i, err)
				}
			}
			if got := auditTargets(t, db, "test.view"); len(got) != n-n/10 {
				t.Errorf("stored %d entries, want %d", len(got), n-n/10)
			}
			entries, _, err := as.FindAudit(ctx, lightbulb.AuditFilter{Action: "test.view", Limit: 1})
			if err != nil || len(entries) != 1 || entries[0].ActorName != "Ada" || entries[0].OrgID != org.ID || entries[0].IP != "127.0.0.1" {
				t.Errorf("entry as stored: %+v (%v)", entries, err)
			}
		})

		t.Run("one batch with a refused entry", func(t *testing.T) {
			errs := as.WriteAuditBatch(ctx, [][3]string{{"test.batch", "b1", ""}, {"test.refused", "b2", ""}, {"test.batch", "b3", ""}})
			if errs[0] != nil || errs[1] == nil || errs[2] != nil {
				t.Errorf("errors %v, want only the second", errs)
			}
			if got := auditTargets(t, db, "test.batch"); fmt.Sprint(got) != "[b1 b3]" {
				t.Errorf("stored %v, want [b1 b3]", got)
			}
		})
	})
}
