package sqldb

import (
	"context"
	"fmt"
	"sort"
)

// VacuumPersonal rewrites the database so that nothing erased is left in
// free space. SQLite: VACUUM rewrites the whole file (Lightbulb's
// secure_delete already zeroes freed space; this also clears what was
// deleted before it was on). PostgreSQL: VACUUM FULL rewrites each table in
// the register and its indexes into new files, so old row versions go; each
// table is locked while it is rewritten. It returns what it rewrote.
func (db *DB) VacuumPersonal(ctx context.Context) ([]string, error) {
	if db.Dialect == SQLite {
		if _, err := db.write.ExecContext(ctx, `VACUUM`); err != nil {
			return nil, fmt.Errorf("vacuum: %w", err)
		}
		_, err := db.checkpoint(ctx)
		return []string{"the whole database"}, err
	}
	seen := map[string]bool{}
	var tables []string
	for _, t := range register {
		if !seen[t.Table] {
			seen[t.Table] = true
			tables = append(tables, t.Table)
		}
	}
	sort.Strings(tables)
	for _, t := range tables {
		if _, err := db.write.ExecContext(ctx, `VACUUM FULL `+t); err != nil {
			return nil, fmt.Errorf("vacuum %s: %w", t, err)
		}
	}
	return tables, nil
}
