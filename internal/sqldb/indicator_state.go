package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

// JobIndicatorsCount is the daily count of every State indicator of every
// organisation (docs/indicators.md).
const JobIndicatorsCount = "indicators.count"

// stateQueries count, for a State indicator, how things stand now: $1 the
// organisation and $2 today (YYYY-MM-DD, London), returning rows of service
// id, numerator and denominator, like a month's query. A capability adds
// its own with registerStateIndicator from its own file.
var stateQueries = map[string]string{}

// registerStateIndicator registers a State indicator: query counts it each
// day, and its month's value is read from the count of the month's last
// day counted.
func registerStateIndicator(key, query string) {
	registerIndicatorQuery(key, indicatorQuery{state: true})
	stateQueries[key] = query
}

func init() {
	registerStateIndicator("decisions.inforce_complete", `SELECT service_id, SUM(CASE WHEN complete THEN 1 ELSE 0 END), count(*)
		FROM decisions WHERE org_id = $1 AND status = 'in_force' AND $2 <> '' GROUP BY service_id`)
	registerStateIndicator("decisions.blanket_inforce", `SELECT service_id, count(*), 0
		FROM decisions WHERE org_id = $1 AND status = 'in_force' AND blanket AND $2 <> '' GROUP BY service_id`)
	registerStateIndicator("decisions.overdue", `SELECT service_id, count(*), 0
		FROM decisions WHERE org_id = $1 AND status = 'in_force' AND review_date <> '' AND review_date < $2 GROUP BY service_id`)
}

// stateKeys are the State indicators with a count, in key order.
func stateKeys() []string {
	keys := make([]string, 0, len(stateQueries))
	for k := range stateQueries {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// CountStates counts every State indicator of every organisation as things
// stand now and keeps the counts under day (a second count the same day
// replaces the first). The daily job and the demo call it.
func (s *IndicatorService) CountStates(ctx context.Context, day string) error {
	return s.db.tx(ctx, func(tx *sql.Tx) error { return s.countStates(ctx, tx, day) })
}

func (s *IndicatorService) countStates(ctx context.Context, tx *sql.Tx, day string) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM organisations ORDER BY id`)
	if err != nil {
		return fmt.Errorf("organisations to count: %w", err)
	}
	ids, err := collect(rows, func(r scanner) (id int64, err error) { return id, r.Scan(&id) })
	if err != nil {
		return err
	}
	for _, org := range ids {
		for _, key := range stateKeys() {
			if err := countState(ctx, tx, org, key, day); err != nil {
				return fmt.Errorf("count %s: %w", key, err)
			}
		}
	}
	return nil
}

// countState keeps one indicator's count of org for day.
func countState(ctx context.Context, tx *sql.Tx, org int64, key, day string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM indicator_state_counts WHERE org_id = $1 AND indicator = $2 AND day = $3`, org, key, day); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, stateQueries[key], org, day)
	if err != nil {
		return err
	}
	type count struct {
		svc      int64
		num, den sql.NullFloat64
	}
	cs, err := collect(rows, func(r scanner) (c count, err error) { return c, r.Scan(&c.svc, &c.num, &c.den) })
	if err != nil {
		return err
	}
	for _, c := range cs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO indicator_state_counts (org_id, indicator, service_id, day, numerator, denominator)
			VALUES ($1, $2, $3, $4, $5, $6)`, org, key, c.svc, day, c.num.Float64, c.den.Float64); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO indicator_state_days (org_id, indicator, day, counted_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (org_id, indicator, day) DO UPDATE SET counted_at = excluded.counted_at`, org, key, day, lightbulb.Now())
	return err
}

// stateDay is the last day of month that org counted key, or "" when it
// counted none (the month is before counting began).
func stateDay(ctx context.Context, tx *sql.Tx, org int64, key, month string) (string, error) {
	var day sql.NullString
	err := tx.QueryRowContext(ctx, `SELECT max(day) FROM indicator_state_days WHERE org_id = $1 AND indicator = $2 AND day >= $3 AND day < $4`,
		org, key, month+"-01", lightbulb.AddMonths(month, 1)+"-01").Scan(&day)
	return day.String, err
}

// stateRows reads org's counts of key on day, shaped as a month's query.
const stateRows = `SELECT service_id, numerator, denominator FROM indicator_state_counts WHERE org_id = $1 AND indicator = $2 AND day = $3`

// stateCountedSince reads the first day each State indicator was counted
// for the organisation in ctx.
func (s *IndicatorService) stateCountedSince(ctx context.Context) (map[string]string, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT indicator, min(day) FROM indicator_state_days WHERE org_id = $1 GROUP BY indicator`, org)
	if err != nil {
		return nil, fmt.Errorf("counted since: %w", err)
	}
	type since struct{ key, day string }
	ss, err := collect(rows, func(r scanner) (x since, err error) { return x, r.Scan(&x.key, &x.day) })
	out := map[string]string{}
	for _, x := range ss {
		out[x.key] = x.day
	}
	return out, err
}

// registerCountJob adds the daily count, late in the evening so it is the
// day's last state; the day is the London day the count is made.
func (s *IndicatorService) registerCountJob(q *jobs.Queue) error {
	q.Register(JobIndicatorsCount, func(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
		return s.countStates(ctx, tx, lightbulb.Today(lightbulb.Now()))
	})
	return q.Daily("indicators-count", JobIndicatorsCount, "23:00")
}
