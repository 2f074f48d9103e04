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

// BenchmarkEraseAtScale erases one person from a database holding 200,000
// cases and 100,000 audit entries, whose free text erasure reads in full,
// and then finds a person there by name.
//
//	go test ./internal/sqldb -run '^$' -bench EraseAtScale -benchtime 1x
func BenchmarkEraseAtScale(b *testing.B) {
	ctx := context.Background()
	db, err := sqldb.Open(ctx, "sqlite:"+filepath.Join(b.TempDir(), "scale.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	org := &lightbulb.Organisation{Slug: "big", Name: "Big Trust", Kind: lightbulb.KindNHSTrust}
	if err := sqldb.NewOrgService(db).CreateOrg(ctx, org); err != nil {
		b.Fatal(err)
	}
	now := lightbulb.Now()
	text := strings.Repeat("The patient said staff did not listen at the ward round. ", 4)
	mustExec(b, db, `INSERT INTO services (org_id, name, created_at) VALUES ($1, 'Ward', $2)`, org.ID, now)
	mustExec(b, db, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
		INSERT INTO cases (org_id, type, source_ref, received, service_id, summary, reviewed_by, created_at, updated_at)
		SELECT $1, 'complaint', 'C' || i, '2026-01-01', (SELECT id FROM services), $2, 'Reviewer ' || (i % 50), $3, $3 FROM n`, org.ID, text, now)
	mustExec(b, db, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
		INSERT INTO audit_log (actor_name, action, target, detail, ip, created_at)
		SELECT 'Person ' || i, 'case.view', 'C' || i, $1, '192.0.2.1', $2 FROM n`, text, now)
	for i := 0; i < b.N; i++ {
		u := &lightbulb.User{Email: fmt.Sprintf("reviewer%d@example.org", i), Name: fmt.Sprintf("Reviewer %d", i)}
		if err := sqldb.NewUserService(db).CreateUser(ctx, u); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		rep, err := sqldb.NewPrivacyService(db).ErasePerson(ctx, lightbulb.Subject{UserID: u.ID})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms-erase")
		b.ReportMetric(float64(rep.Rows["cases"]), "cases-changed")
		start = time.Now()
		if _, err := sqldb.NewPrivacyService(db).FindPeople(ctx, "reviewer 1"); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms-find")
	}
}
