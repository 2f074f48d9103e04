package sqldb

import (
	"context"
	"fmt"
)

// LearningRawTable returns a table's column names and every row as text, so
// tests can see exactly what the database holds.
func (db *DB) LearningRawTable(ctx context.Context, table string) ([]string, [][]string, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT * FROM `+table)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, nil, err
	}
	var out [][]string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, nil, err
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				v = string(b)
			}
			row[i] = fmt.Sprint(v)
		}
		out = append(out, row)
	}
	return cols, out, rows.Err()
}
