package sqldb

import (
	"context"
	"database/sql"
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
