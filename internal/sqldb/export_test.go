package sqldb

import (
	"context"
	"database/sql"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// What the external tests may look at inside the package.

// Migrations is the embedded migrations folder.
var Migrations = migrationsFS

// RecordedMigrations counts the versions schema_migrations holds.
func (db *DB) RecordedMigrations(ctx context.Context) (int, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n)
	return n, err
}

// IsUnique is isUnique.
var IsUnique = isUnique

// WriteConn is one connection of the writer pool.
func (db *DB) WriteConn(ctx context.Context) (*sql.Conn, error) { return db.write.Conn(ctx) }

// IntegrityOK runs SQLite's integrity check.
func (db *DB) IntegrityOK(ctx context.Context) (bool, error) {
	var res string
	err := db.read.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res)
	return res == "ok", err
}

// WriteAuditBatch writes the entries (action, target, detail) as one batch
// of the audit group, as if their callers had arrived together, and
// returns each entry's error.
func (s *AuditService) WriteAuditBatch(ctx context.Context, entries [][3]string) []error {
	batch := make([]*auditWait, len(entries))
	for i, e := range entries {
		batch[i] = &auditWait{entry: newAuditEntry(ctx, e[0], e[1], e[2])}
	}
	return s.group.write(ctx, batch)
}

// CaseIndicatorsFromCases works the indicators out from the cases and their
// rights themselves, not from the stored counts, as CaseIndicators did
// before the counts: what the tests compare the counts with.
func (s *CaseService) CaseIndicatorsFromCases(ctx context.Context, f lightbulb.CaseFilter) (*lightbulb.CaseIndicators, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	g := lightbulb.CaseFilter{Type: f.Type, ServiceID: f.ServiceID}
	if len(f.From) >= 7 {
		g.From = f.From[:7] + "-01"
	}
	if len(f.To) >= 7 {
		g.To = f.To[:7] + "-31"
	}
	where, args := caseWhere(org, g)
	ci := &lightbulb.CaseIndicators{}
	err = s.db.read.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE c.reviewed) FROM cases c WHERE `+where, args...).
		Scan(&ci.Total, &ci.Reviewed)
	if err != nil {
		return nil, err
	}
	for _, x := range []struct {
		dst *[]lightbulb.CaseCount
		q   string
	}{
		{&ci.ByServiceType, `SELECT s.name, c.type, count(*) FROM cases c JOIN services s ON s.id = c.service_id WHERE ` + where +
			` GROUP BY s.name, c.type ORDER BY s.name, c.type`},
		{&ci.ByHarm, `SELECT c.harm, '', count(*) FROM cases c WHERE ` + where + ` AND c.type = 'incident' GROUP BY c.harm`},
		{&ci.ByRightMonth, `SELECT r.code, substr(c.received, 1, 7), count(*) FROM case_rights r JOIN cases c ON c.id = r.case_id
			WHERE r.verdict = 'confirmed' AND ` + where + ` GROUP BY r.code, substr(c.received, 1, 7) ORDER BY 2, 1`},
		{&ci.TopRights, `SELECT r.code, '', count(*) FROM case_rights r JOIN cases c ON c.id = r.case_id
			WHERE r.verdict = 'confirmed' AND ` + where + ` GROUP BY r.code ORDER BY 3 DESC, 1 LIMIT 5`},
	} {
		if *x.dst, err = s.counts(ctx, x.q, args); err != nil {
			return nil, err
		}
	}
	ci.ByHarm = caseHarmOrder(ci.ByHarm)
	return ci, nil
}

// FindCasesFresh is FindCases read from the database, never kept.
func (s *CaseService) FindCasesFresh(ctx context.Context, f lightbulb.CaseFilter) (*lightbulb.CasePage, error) {
	return s.findCasesKept(ctx, f, false)
}
