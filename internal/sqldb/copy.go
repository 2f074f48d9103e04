package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// copyFunc streams rows into table's columns with PostgreSQL's COPY, inside
// the transaction it was given with; it returns how many rows went in.
type copyFunc func(ctx context.Context, table string, cols []string, rows [][]any) (int64, error)

// txCopy is tx with, on PostgreSQL, a copyFunc that runs COPY on the
// transaction's own connection, so the copied rows commit or roll back with
// everything else fn does. On SQLite cp is nil.
func (db *DB) txCopy(ctx context.Context, fn func(tx *sql.Tx, cp copyFunc) error) error {
	if db.Dialect != Postgres {
		return db.tx(ctx, func(tx *sql.Tx) error { return fn(tx, nil) })
	}
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	cp := func(ctx context.Context, table string, cols []string, rows [][]any) (int64, error) {
		var n int64
		err := conn.Raw(func(dc any) error {
			c, ok := dc.(*stdlib.Conn)
			if !ok {
				return fmt.Errorf("copy: not a pgx connection (%T)", dc)
			}
			var err error
			n, err = c.Conn().CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
			return err
		})
		return n, err
	}
	if err := fn(tx, cp); err != nil {
		return err
	}
	return tx.Commit()
}
