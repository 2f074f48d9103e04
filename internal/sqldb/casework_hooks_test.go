package sqldb

import "context"

// TestStrings runs a query of one text column and returns its rows, so tests
// can compare what is stored before and after a change.
func (db *DB) TestStrings(ctx context.Context, q string, args ...any) ([]string, error) {
	rows, err := db.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r scanner) (s string, err error) { return s, r.Scan(&s) })
}
