package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// ImportCases inserts or updates a batch of already validated cases, keyed
// on the organisation and the source reference, in one transaction: a
// batch is stored whole or not at all, and running it again changes
// nothing more. Services must belong to the organisation. SQLite uses
// multi-row statements; PostgreSQL copies the batch into a staging table
// and stores it with one upsert.
func (s *CaseService) ImportCases(ctx context.Context, cs []*lightbulb.Case, suggest bool) (lightbulb.CaseImportResult, error) {
	var res lightbulb.CaseImportResult
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return res, err
	}
	if err := s.checkServices(ctx, org, cs); err != nil {
		return res, err
	}
	cs = caseLastByRef(cs)
	now := lightbulb.Now()
	err = s.db.txCopy(ctx, func(tx *sql.Tx, cp copyFunc) error {
		res = lightbulb.CaseImportResult{}
		ids := make(map[string]int64, len(cs))
		cc := caseCounts{}
		var err error
		if s.db.Dialect == SQLite {
			err = caseUpsertSQLite(ctx, tx, org, now, cs, !s.bulk.Load(), cc, &res)
			if err == nil && suggest {
				err = caseIDs(ctx, tx, org, cs, ids)
			}
		} else {
			err = caseUpsertPG(ctx, tx, cp, org, now, cs, ids, suggest, cc, &res)
		}
		if err == nil {
			err = cc.store(ctx, tx, s.db.Dialect, org)
		}
		if err != nil || !suggest {
			return err
		}
		st, err := prepareSuggestions(ctx, tx)
		if err != nil {
			return err
		}
		defer st.close()
		for _, c := range cs {
			c.ID = ids[c.SourceRef]
			if err := st.put(ctx, org, c.ID, s.suggest(c.Summary)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return lightbulb.CaseImportResult{}, fmt.Errorf("import cases: %w", err)
	}
	return res, nil
}

// caseLastByRef keeps the last of several rows with the same reference.
func caseLastByRef(cs []*lightbulb.Case) []*lightbulb.Case {
	seen := make(map[string]int, len(cs))
	out := cs[:0:0]
	for _, c := range cs {
		if i, ok := seen[c.SourceRef]; ok {
			out[i] = c
			continue
		}
		seen[c.SourceRef] = len(out)
		out = append(out, c)
	}
	return out
}

func (s *CaseService) checkServices(ctx context.Context, org int64, cs []*lightbulb.Case) error {
	ss, err := s.FindUnits(ctx)
	if err != nil {
		return err
	}
	ok := map[int64]bool{}
	for _, sv := range ss {
		ok[sv.ID] = true
	}
	for _, c := range cs {
		if !ok[c.ServiceID] {
			return lightbulb.Errorf(lightbulb.EINVALID, "Case %s names a service that is not your organisation’s.", c.SourceRef)
		}
	}
	return nil
}

// caseUpdate is the SQLite path's update of a reference already stored; a
// row whose values are all the same is left alone, updated_at included.
const caseUpdate = `UPDATE cases SET type = ?1, received = ?2, service_id = ?3, summary = ?4, harm = ?5, status = ?6,
	person_ref = ?7, updated_at = ?8 WHERE org_id = ?9 AND source_ref = ?10
	AND (type, received, service_id, summary, harm, status, person_ref) IS NOT (?1, ?2, ?3, ?4, ?5, ?6, ?7)`

// caseSQLiteChunk is how many rows one SQLite insert carries (11
// parameters each). One statement per row spent most of its time in the
// driver; 200 rows a statement stores about twice as fast.
const caseSQLiteChunk = 200

// caseSQLiteTime is how the driver writes a time with _time_format=sqlite;
// formatting it once per batch rather than twice per row saves a few
// per cent of an import.
const caseSQLiteTime = "2006-01-02 15:04:05.999999999-07:00"

// caseUpsertSQLite inserts the batch in multi-row statements that skip an
// existing reference, then updates the ones skipped. The writer holds the
// database's write lock for the whole transaction, so the rows a
// statement added are exactly those with a rowid above the largest before
// it. Rows go in newest received first, so the list index takes them in
// order rather than at random places; while a large import has the index
// aside (sorted is false) there is nothing to gain and they go as they are.
func caseUpsertSQLite(ctx context.Context, tx *sql.Tx, org int64, when time.Time, cs []*lightbulb.Case, sorted bool, cc caseCounts, res *lightbulb.CaseImportResult) error {
	// A larger page cache for the one writer connection keeps the indexes'
	// inserts in memory: 128 MB, within the server's memory budget.
	if _, err := tx.ExecContext(ctx, `PRAGMA cache_size = -131072`); err != nil {
		return err
	}
	var top int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM cases`).Scan(&top); err != nil {
		return err
	}
	if sorted {
		cs = slices.Clone(cs)
		slices.SortStableFunc(cs, func(a, b *lightbulb.Case) int { return strings.Compare(b.Received, a.Received) })
	}
	now := when.UTC().Format(caseSQLiteTime)
	full, err := tx.PrepareContext(ctx, caseInsertSQL(caseSQLiteChunk))
	if err != nil {
		return err
	}
	defer full.Close()
	var skipped []*lightbulb.Case
	for len(cs) > 0 {
		n := min(len(cs), caseSQLiteChunk)
		stmt := full
		if n < caseSQLiteChunk {
			if stmt, err = tx.PrepareContext(ctx, caseInsertSQL(n)); err != nil {
				return err
			}
			defer stmt.Close()
		}
		skip, err := caseInsertChunk(ctx, tx, stmt, org, now, cs[:n], &top)
		if err != nil {
			return err
		}
		for _, c := range cs[:n] {
			if !skip[c.SourceRef] {
				cc.add(c)
				res.Created++
			}
		}
		skipped = append(skipped, caseSkipped(cs[:n], skip)...)
		cs = cs[n:]
	}
	return caseUpdateSQLite(ctx, tx, org, now, skipped, res)
}

// caseInsertSQL is a multi-row insert of n cases that skips an existing
// reference.
func caseInsertSQL(n int) string {
	row := "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
	return `INSERT INTO cases (org_id, type, source_ref, received, service_id, summary, harm, status, person_ref,
	created_at, updated_at) VALUES ` + strings.TrimSuffix(strings.Repeat(row+", ", n), ", ") +
		` ON CONFLICT (org_id, source_ref) DO NOTHING`
}

// caseInsertChunk inserts one chunk and returns the references it skipped
// because they were already stored; top is the largest rowid so far.
func caseInsertChunk(ctx context.Context, tx *sql.Tx, stmt *sql.Stmt, org int64, now string, cs []*lightbulb.Case, top *int64) (map[string]bool, error) {
	args := make([]any, 0, len(cs)*11)
	for _, c := range cs {
		args = append(args, org, string(c.Type), c.SourceRef, c.Received, c.ServiceID, c.Summary, c.Harm,
			c.Status, c.PersonRef, now, now)
	}
	r, err := stmt.ExecContext(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("store cases %s to %s: %w", cs[0].SourceRef, cs[len(cs)-1].SourceRef, err)
	}
	added, _ := r.RowsAffected()
	before := *top
	if added > 0 {
		*top, _ = r.LastInsertId()
	}
	if int(added) == len(cs) {
		return nil, nil
	}
	skip := make(map[string]bool, len(cs))
	for _, c := range cs {
		skip[c.SourceRef] = true
	}
	rows, err := tx.QueryContext(ctx, `SELECT source_ref FROM cases WHERE id > ?`, before)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var ref string
		if err := rows.Scan(&ref); err != nil {
			return nil, err
		}
		delete(skip, ref)
	}
	return skip, rows.Err()
}

// caseSkipped returns the cases of a chunk whose reference was skipped.
func caseSkipped(cs []*lightbulb.Case, skip map[string]bool) []*lightbulb.Case {
	var out []*lightbulb.Case
	for _, c := range cs {
		if skip[c.SourceRef] {
			out = append(out, c)
		}
	}
	return out
}

// caseUpdateSQLite updates cases whose reference was already stored.
func caseUpdateSQLite(ctx context.Context, tx *sql.Tx, org int64, now string, cs []*lightbulb.Case, res *lightbulb.CaseImportResult) error {
	if len(cs) == 0 {
		return nil
	}
	upd, err := tx.PrepareContext(ctx, caseUpdate)
	if err != nil {
		return err
	}
	defer upd.Close()
	for _, c := range cs {
		_, err := upd.ExecContext(ctx, string(c.Type), c.Received, c.ServiceID, c.Summary, c.Harm, c.Status, c.PersonRef,
			now, org, c.SourceRef)
		if err != nil {
			return fmt.Errorf("case %s: %w", c.SourceRef, err)
		}
		res.Updated++
	}
	return nil
}

// caseIDs finds the ids of the cases' references.
func caseIDs(ctx context.Context, tx *sql.Tx, org int64, cs []*lightbulb.Case, ids map[string]int64) error {
	for len(cs) > 0 {
		n := min(len(cs), caseSQLiteChunk)
		args := []any{org}
		marks := make([]string, n)
		for i, c := range cs[:n] {
			args = append(args, c.SourceRef)
			marks[i] = fmt.Sprintf("$%d", i+2)
		}
		rows, err := tx.QueryContext(ctx, `SELECT source_ref, id FROM cases WHERE org_id = $1 AND source_ref IN (`+
			strings.Join(marks, ", ")+`)`, args...)
		if err != nil {
			return fmt.Errorf("case ids: %w", err)
		}
		for rows.Next() {
			var ref string
			var id int64
			if err := rows.Scan(&ref, &id); err != nil {
				rows.Close()
				return err
			}
			ids[ref] = id
		}
		if err := rows.Close(); err != nil {
			return err
		}
		cs = cs[n:]
	}
	return nil
}

// caseStage is the temporary table a PostgreSQL import copies a batch into,
// dropped when the transaction ends.
const caseStage = `CREATE TEMP TABLE case_stage (type TEXT, source_ref TEXT, received TEXT, service_id BIGINT,
	summary TEXT, harm TEXT, status TEXT, person_ref TEXT) ON COMMIT DROP`

// caseStageUpsert stores the staged batch in one statement: new references
// are inserted, and stored ones updated only where a value differs, so
// running a batch again writes nothing (not even updated_at). It returns
// the rows it wrote; created tells which were new.
const caseStageUpsert = `INSERT INTO cases (org_id, type, source_ref, received, service_id, summary, harm, status,
	person_ref, created_at, updated_at)
	SELECT $1, type, source_ref, received, service_id, summary, harm, status, person_ref, $2, $2 FROM case_stage
	ON CONFLICT (org_id, source_ref) DO UPDATE SET type = excluded.type, received = excluded.received,
	service_id = excluded.service_id, summary = excluded.summary, harm = excluded.harm, status = excluded.status,
	person_ref = excluded.person_ref, updated_at = excluded.updated_at
	WHERE (cases.type, cases.received, cases.service_id, cases.summary, cases.harm, cases.status, cases.person_ref)
	IS DISTINCT FROM (excluded.type, excluded.received, excluded.service_id, excluded.summary, excluded.harm,
	excluded.status, excluded.person_ref)
	RETURNING id, source_ref, created_at = updated_at`

// caseStageIDs reads the ids of every staged reference, for suggestions.
const caseStageIDs = `SELECT c.id, c.source_ref FROM case_stage s JOIN cases c ON c.org_id = $1 AND c.source_ref = s.source_ref`

var caseStageCols = []string{"type", "source_ref", "received", "service_id", "summary", "harm", "status", "person_ref"}

// caseUpsertPG copies the batch into a temporary table with COPY and
// stores it with one upsert. Multi-row INSERTs of 500 rows stored 28,000
// rows a second, most of it spent sending and planning parameters. ids is
// filled only when suggest is set.
func caseUpsertPG(ctx context.Context, tx *sql.Tx, cp copyFunc, org int64, now time.Time, cs []*lightbulb.Case, ids map[string]int64, suggest bool, cc caseCounts, res *lightbulb.CaseImportResult) error {
	if _, err := tx.ExecContext(ctx, caseStage); err != nil {
		return fmt.Errorf("stage cases: %w", err)
	}
	rows := make([][]any, len(cs))
	byRef := make(map[string]*lightbulb.Case, len(cs))
	for i, c := range cs {
		byRef[c.SourceRef] = c
		rows[i] = []any{string(c.Type), c.SourceRef, c.Received, c.ServiceID, c.Summary, c.Harm, c.Status, c.PersonRef}
	}
	if _, err := cp(ctx, "case_stage", caseStageCols, rows); err != nil {
		return fmt.Errorf("copy cases: %w", err)
	}
	err := scanRows(ctx, tx, caseStageUpsert, []any{org, now}, func(id int64, ref string, created bool) {
		if created {
			res.Created++
			cc.add(byRef[ref])
		}
	})
	if err != nil {
		return fmt.Errorf("store cases: %w", err)
	}
	// Every reference not new was stored before, changed or not.
	res.Updated = len(cs) - res.Created
	if !suggest {
		return nil
	}
	return scanRows(ctx, tx, caseStageIDs, []any{org}, func(id int64, ref string, _ bool) { ids[ref] = id })
}

// scanRows runs q and hands each row's id, reference and, when the query
// has a third column, flag to fn.
func scanRows(ctx context.Context, tx *sql.Tx, q string, args []any, fn func(id int64, ref string, flag bool)) error {
	out, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer out.Close()
	cols, err := out.Columns()
	if err != nil {
		return err
	}
	for out.Next() {
		var id int64
		var ref string
		var flag bool
		dest := []any{&id, &ref, &flag}[:len(cols)]
		if err := out.Scan(dest...); err != nil {
			return err
		}
		fn(id, ref, flag)
	}
	return out.Err()
}

// AnalyzeCases refreshes the planner's statistics after an import. Without
// it PostgreSQL can plan the indicators for an empty table just after a
// bulk load (measured: 73 s instead of 5 ms until autovacuum caught up).
func (s *CaseService) AnalyzeCases(ctx context.Context) error {
	q := `ANALYZE cases; ANALYZE case_rights; ANALYZE case_counts`
	if s.db.Dialect == SQLite {
		q = `PRAGMA optimize`
	}
	if _, err := s.db.write.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("analyze cases: %w", err)
	}
	return nil
}
