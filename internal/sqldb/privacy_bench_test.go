package sqldb_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// BenchmarkSecureDelete measures what SQLite's secure_delete costs: deleting
// 20,000 one-kilobyte emails, rewriting 20,000 audit entries (as erasure's
// anonymising does) and one person's erasure among them, with it on (as
// Lightbulb runs) and off; and VACUUM, the alternative, on what is left.
//
//	go test ./internal/sqldb -run '^$' -bench SecureDelete -benchtime 3x
func BenchmarkSecureDelete(b *testing.B) {
	for _, on := range []bool{true, false} {
		b.Run(fmt.Sprintf("secure_delete=%v", on), func(b *testing.B) {
			ctx := context.Background()
			body := strings.Repeat("Dear colleague, your booking is confirmed. ", 24)
			var del, upd, erase, vac time.Duration
			for i := 0; i < b.N; i++ {
				db, err := sqldb.Open(ctx, "sqlite:"+filepath.Join(b.TempDir(), "bench.db"))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := db.Migrate(ctx); err != nil {
					b.Fatal(err)
				}
				if !on {
					mustExec(b, db, `PRAGMA secure_delete = OFF`)
				}
				mustExec(b, db, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
					INSERT INTO outbox (to_addr, subject, body, created_at) SELECT 'p' || i || '@example.org', 'Booking', $1, $2 FROM n`, body, lightbulb.Now())
				mustExec(b, db, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
					INSERT INTO audit_log (actor_name, action, target, detail, ip, created_at)
					SELECT 'Person ' || i, 'sign_in', 'p' || i || '@example.org', $1, '192.0.2.1', $2 FROM n`, body, lightbulb.Now())
				u := &lightbulb.User{Email: "p77@example.org", Name: "Person 77"}
				if err := sqldb.NewUserService(db).CreateUser(ctx, u); err != nil {
					b.Fatal(err)
				}
				del += timed(b, db, `DELETE FROM outbox`)
				upd += timed(b, db, `UPDATE audit_log SET actor_name = 'Erased person', ip = ''`)
				start := time.Now()
				if _, err := sqldb.NewPrivacyService(db).ErasePerson(ctx, lightbulb.Subject{UserID: u.ID}); err != nil {
					b.Fatal(err)
				}
				erase += time.Since(start)
				// The alternative to secure_delete: rewrite the whole file.
				vac += timed(b, db, `VACUUM`)
				db.Close()
			}
			n := time.Duration(b.N)
			b.ReportMetric(float64((del / n).Milliseconds()), "ms-delete-20k")
			b.ReportMetric(float64((upd / n).Milliseconds()), "ms-update-20k")
			b.ReportMetric(float64((erase / n).Milliseconds()), "ms-erase")
			b.ReportMetric(float64((vac / n).Milliseconds()), "ms-vacuum")
		})
	}
}

func mustExec(b *testing.B, db *sqldb.DB, q string, args ...any) {
	b.Helper()
	if err := db.TestExec(context.Background(), q, args...); err != nil {
		b.Fatal(err)
	}
}

func timed(b *testing.B, db *sqldb.DB, q string) time.Duration {
	b.Helper()
	start := time.Now()
	mustExec(b, db, q)
	return time.Since(start)
}
