package sqldb

import (
	"context"
	"fmt"
)

// caseListIndex is the list's index exactly as migration 0005 makes it. A
// large SQLite import sets it aside and builds it again at the end.
const caseListIndex = `CREATE INDEX IF NOT EXISTS cases_list ON cases(org_id, received DESC, id DESC, service_id, type, status, reviewed)`

// caseBulkMin is the smallest import that sets the list index aside. On
// SQLite, keeping the index up to date as 2.5 million cases arrive cost
// a third of the import's time; building it once at the end takes about
// three seconds.
const caseBulkMin = 100000

// BeginCaseBulk prepares to store n cases and returns what to call when
// the import ends, whether it succeeded or not. On SQLite, when n is at
// least 100,000 and at least the number of cases already stored, it
// drops the list index, and finishing builds it again; a process killed
// in between gets it back when `serve` next starts (RepairListIndex) or
// an import begins. Otherwise, and on PostgreSQL, nothing changes.
func (s *CaseService) BeginCaseBulk(ctx context.Context, n int) (func(context.Context) error, error) {
	none := func(context.Context) error { return nil }
	if s.db.Dialect != SQLite {
		return none, nil
	}
	if err := s.db.repairCases(ctx); err != nil {
		return nil, err
	}
	var top int64
	if err := s.db.write.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM cases`).Scan(&top); err != nil {
		return nil, fmt.Errorf("begin import: %w", err)
	}
	if n < caseBulkMin || int64(n) < top {
		return none, nil
	}
	if _, err := s.db.write.ExecContext(ctx, `DROP INDEX cases_list`); err != nil {
		return nil, fmt.Errorf("begin import: %w", err)
	}
	s.bulk.Store(true)
	return func(ctx context.Context) error {
		s.bulk.Store(false)
		return s.db.repairCases(ctx)
	}, nil
}

// RepairListIndex builds the case list index again if a large SQLite
// import was cut off (the process killed) between setting it aside and
// finishing; otherwise, and on PostgreSQL, it does nothing. `serve` calls it
// as it starts. It is not part of Migrate: it repairs data left by a crash,
// can take seconds on millions of cases, and must be able to run again
// after any later crash, where a migration runs once.
func (s *CaseService) RepairListIndex(ctx context.Context) error { return s.db.repairCases(ctx) }

// repairCases builds the list index if a large import was cut off before
// it could.
func (db *DB) repairCases(ctx context.Context) error {
	if db.Dialect != SQLite {
		return nil
	}
	// The index's sort takes as much memory as the page cache allows: 16 MB
	// builds it as fast as 128 MB did (about 3 s for 2.5 million cases)
	// and keeps the process 450 MB smaller.
	conn, err := db.write.Conn(ctx)
	if err != nil {
		return fmt.Errorf("build the case list index: %w", err)
	}
	defer conn.Close()
	for _, q := range []string{`PRAGMA cache_size = -16384`, caseListIndex} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("build the case list index: %w", err)
		}
	}
	return nil
}
