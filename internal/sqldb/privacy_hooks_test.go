package sqldb

import (
	"context"
	"fmt"
)

// SchemaColumn is one column of the migrated schema.
type SchemaColumn struct {
	Table, Column string
	// Users is true when the column references users(id).
	Users bool
}

// SchemaColumns lists every column of every table in the migrated schema,
// so tests can check the personal-data register against it.
func (db *DB) SchemaColumns(ctx context.Context) ([]SchemaColumn, error) {
	cols, fks := `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid`,
		`SELECT m.name, f."from" FROM sqlite_master m, pragma_foreign_key_list(m.name) f
		WHERE m.type = 'table' AND f."table" = 'users'`
	if db.Dialect == Postgres {
		cols = `SELECT table_name, column_name FROM information_schema.columns
			WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`
		fks = `SELECT c.conrelid::regclass::text, a.attname FROM pg_constraint c
			JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
			WHERE c.contype = 'f' AND c.confrelid = 'users'::regclass`
	}
	toUsers := map[string]bool{}
	pairs, err := db.pairs(ctx, fks)
	if err != nil {
		return nil, fmt.Errorf("foreign keys: %w", err)
	}
	for _, p := range pairs {
		toUsers[p[0]+"."+p[1]] = true
	}
	pairs, err = db.pairs(ctx, cols)
	if err != nil {
		return nil, fmt.Errorf("columns: %w", err)
	}
	var out []SchemaColumn
	for _, p := range pairs {
		out = append(out, SchemaColumn{Table: p[0], Column: p[1], Users: toUsers[p[0]+"."+p[1]]})
	}
	return out, nil
}

func (db *DB) pairs(ctx context.Context, q string) ([][2]string, error) {
	rows, err := db.read.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r scanner) (p [2]string, err error) { return p, r.Scan(&p[0], &p[1]) })
}

// TestInsert runs an INSERT ... RETURNING id and returns the id, so tests
// can put a row in any table.
func (db *DB) TestInsert(ctx context.Context, q string, args ...any) (int64, error) {
	var id int64
	err := db.write.QueryRowContext(ctx, q, args...).Scan(&id)
	return id, err
}

// TestExec runs one statement.
func (db *DB) TestExec(ctx context.Context, q string, args ...any) error {
	_, err := db.write.ExecContext(ctx, q, args...)
	return err
}
