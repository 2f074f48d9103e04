package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// caseCountKey is one cell of case_counts.
type caseCountKey struct {
	month, typ, harm string
	service          int64
}

// caseCounts gathers the new cases of a transaction by cell.
type caseCounts map[caseCountKey]int

func (cc caseCounts) add(c *lightbulb.Case) {
	cc[caseCountKey{month: c.Received[:7], typ: string(c.Type), harm: c.Harm, service: c.ServiceID}]++
}

// caseCountAdd adds n cases to one cell.
const caseCountAdd = `INSERT INTO case_counts (org_id, month, service_id, type, harm, reviewed, n)
	VALUES ($1, $2, $3, $4, $5, FALSE, $6)
	ON CONFLICT (org_id, month, service_id, type, harm, reviewed) DO UPDATE SET n = case_counts.n + excluded.n`

// caseCountAddAll adds every cell in one statement on PostgreSQL, from
// arrays of months, services, types, harms and numbers.
const caseCountAddAll = `INSERT INTO case_counts (org_id, month, service_id, type, harm, reviewed, n)
	SELECT $1, m, s, t, h, FALSE, n FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::bigint[]) AS u(m, s, t, h, n)
	ON CONFLICT (org_id, month, service_id, type, harm, reviewed) DO UPDATE SET n = case_counts.n + excluded.n`

// store adds the gathered counts; it runs in the transaction that inserted
// the cases, so the counts and the cases never disagree. A batch of real
// cases touches hundreds of cells (months by ward by type by harm), so
// PostgreSQL adds them in one statement rather than one round trip a cell,
// and SQLite prepares its statement once.
func (cc caseCounts) store(ctx context.Context, tx *sql.Tx, dialect Dialect, org int64) error {
	if len(cc) == 0 {
		return nil
	}
	if dialect == Postgres {
		var months, types, harms []string
		var services, ns []int64
		for k, n := range cc {
			months, types, harms = append(months, k.month), append(types, k.typ), append(harms, k.harm)
			services, ns = append(services, k.service), append(ns, int64(n))
		}
		if _, err := tx.ExecContext(ctx, caseCountAddAll, org, months, services, types, harms, ns); err != nil {
			return fmt.Errorf("count cases: %w", err)
		}
		return nil
	}
	add, err := tx.PrepareContext(ctx, caseCountAdd)
	if err != nil {
		return fmt.Errorf("count cases: %w", err)
	}
	defer add.Close()
	for k, n := range cc {
		if _, err := add.ExecContext(ctx, org, k.month, k.service, k.typ, k.harm, n); err != nil {
			return fmt.Errorf("count cases: %w", err)
		}
	}
	return nil
}

// caseMonths reads from the counts how many cases a filter on service,
// type or review can match at most, and the months between which they
// were received, as a range of days the list may add to its query. A ward
// with no cases, or with a few old ones, was the list's slowest page: the
// index, ordered by date, was read to its end (337 ms at 2.5 million
// cases). The counts do not know status or rights, so they only ever rule
// cases out; ok is false when the filter has nothing they can use.
func (s *CaseService) caseMonths(ctx context.Context, org int64, f lightbulb.CaseFilter) (n int64, from, before string, ok bool, err error) {
	if f.ServiceID <= 0 && f.Type == "" && f.Reviewed != "yes" && f.Reviewed != "no" {
		return 0, "", "", false, nil
	}
	args := []any{org}
	where := "org_id = $1 AND n > 0"
	arg := func(cond string, v any) {
		args = append(args, v)
		where += fmt.Sprintf(" AND "+cond, len(args))
	}
	if f.ServiceID > 0 {
		arg("service_id = $%d", f.ServiceID)
	}
	if f.Type != "" {
		arg("type = $%d", string(f.Type))
	}
	// received >= From implies its month >= From's first seven characters.
	if f.From != "" {
		arg("month >= $%d", f.From[:min(7, len(f.From))])
	}
	if f.To != "" {
		arg("month <= $%d", f.To[:min(7, len(f.To))])
	}
	switch f.Reviewed {
	case "yes":
		where += " AND reviewed"
	case "no":
		where += " AND NOT reviewed"
	}
	var lo, hi sql.NullString
	err = s.db.readRow(ctx, `SELECT coalesce(sum(n), 0), min(month), max(month) FROM case_counts WHERE `+where,
		args...).Scan(&n, &lo, &hi)
	if err != nil || n == 0 {
		return n, "", "", err == nil, err
	}
	first, e1 := time.Parse("2006-01", lo.String)
	last, e2 := time.Parse("2006-01", hi.String)
	if e1 != nil || e2 != nil {
		return n, "", "", false, nil
	}
	return n, first.Format(time.DateOnly), last.AddDate(0, 1, 0).Format(time.DateOnly), true, nil
}
