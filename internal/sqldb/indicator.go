package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

// IndicatorService computes each organisation's indicators month by month
// and keeps them (docs/indicators.md).
type IndicatorService struct {
	db    *DB
	cache *contentCache[indicatorRead, any] // reads of stored indicators (indicator_cache.go)
}

// NewIndicatorService returns the indicator store.
func NewIndicatorService(db *DB) *IndicatorService {
	c := newContentCache[indicatorRead, any](db, "indicators")
	c.limit = 4096
	return &IndicatorService{db: db, cache: c}
}

// The job kinds: the daily schedule that finds organisations whose last
// month is not computed yet, and the computation of one month for one.
const (
	JobIndicatorsMonthly = "indicators.monthly"
	JobIndicatorsCompute = "indicators.compute"
)

// RegisterJobs adds the monthly computation to q: every day at 05:00 London
// time each organisation without the month that last ended gets a job to
// compute it, so a process that was down on the 1st catches up.
func (s *IndicatorService) RegisterJobs(q *jobs.Queue) error {
	q.Register(JobIndicatorsMonthly, func(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
		return s.enqueueMonth(ctx, tx, lightbulb.LastEndedMonth(lightbulb.Now()))
	})
	q.Register(JobIndicatorsCompute, func(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
		return s.computeMonth(ctx, tx, j.Org, j.Payload, "", false)
	})
	if err := s.registerCountJob(q); err != nil {
		return err
	}
	return q.Daily("indicators-monthly", JobIndicatorsMonthly, "05:00")
}

// enqueueMonth queues one computation of month for each organisation that
// has not computed it, once whatever happens.
func (s *IndicatorService) enqueueMonth(ctx context.Context, tx *sql.Tx, month string) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM organisations o WHERE NOT EXISTS
		(SELECT 1 FROM indicator_months m WHERE m.org_id = o.id AND m.month = $1) ORDER BY id`, month)
	if err != nil {
		return fmt.Errorf("organisations to compute: %w", err)
	}
	ids, err := collect(rows, func(r scanner) (id int64, err error) { return id, r.Scan(&id) })
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := jobs.Enqueue(ctx, tx, jobs.New{Org: id, Kind: JobIndicatorsCompute, Payload: month,
			Key: fmt.Sprintf("indicators:%d:%s", id, month)}); err != nil {
			return err
		}
	}
	return nil
}

// ComputeMonths computes each month from from to to for the organisation
// in ctx that it has not computed yet (the demo and `lightbulb indicators
// compute` use it); months already stored are left as they are.
func (s *IndicatorService) ComputeMonths(ctx context.Context, from, to string) (int, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range lightbulb.MonthsBetween(from, to) {
		var done bool
		err := s.db.tx(ctx, func(tx *sql.Tx) (err error) {
			done, err = s.computed(ctx, tx, org, m)
			if err != nil || done {
				return err
			}
			return s.computeMonth(ctx, tx, org, m, "", false)
		})
		if err != nil {
			return n, err
		}
		if !done {
			n++
		}
	}
	return n, nil
}

// RecomputeIndicators computes a month that has ended again from the
// records as they are now, replacing what was stored.
func (s *IndicatorService) RecomputeIndicators(ctx context.Context, month, by string) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if _, ok := lightbulb.ParseMonth(month); !ok {
		return lightbulb.FieldError("month", "Enter the month as a year and month, for example 2026-01")
	}
	if month > lightbulb.LastEndedMonth(lightbulb.Now()) {
		return lightbulb.FieldError("month", "Choose a month that has ended")
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error { return s.computeMonth(ctx, tx, org, month, by, true) })
}

// computeMonth stores every indicator of org for month in tx. Without
// again, a month already computed is left alone (a job run twice changes
// nothing); with it, the stored values are replaced and the count of
// computations goes up.
func (s *IndicatorService) computeMonth(ctx context.Context, tx *sql.Tx, org int64, month, by string, again bool) error {
	done, err := s.computed(ctx, tx, org, month)
	if err != nil || (done && !again) {
		return err
	}
	var operator bool
	if err := tx.QueryRowContext(ctx, `SELECT operator FROM organisations WHERE id = $1`, org).Scan(&operator); err != nil {
		return notFound(err, "No such organisation.")
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM indicator_values WHERE org_id = $1 AND month = $2`, org, month); err != nil {
		return fmt.Errorf("clear month: %w", err)
	}
	for _, d := range lightbulb.IndicatorCatalogue() {
		if d.Operator && !operator {
			continue
		}
		vs, err := computeIndicator(ctx, tx, d, org, month)
		if err != nil {
			return err
		}
		for _, v := range vs {
			if _, err := tx.ExecContext(ctx, `INSERT INTO indicator_values (org_id, indicator, service_id, month, numerator, denominator, value)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`, org, v.Indicator, v.ServiceID, month, v.Numerator, v.Denominator, v.Value); err != nil {
				return fmt.Errorf("store indicator: %w", err)
			}
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO indicator_months (org_id, month, computed_at, computed_by, computations) VALUES ($1, $2, $3, $4, 1)
		ON CONFLICT (org_id, month) DO UPDATE SET computed_at = excluded.computed_at, computed_by = excluded.computed_by,
		computations = indicator_months.computations + 1`, org, month, lightbulb.Now(), by)
	if err != nil {
		return fmt.Errorf("mark month computed: %w", err)
	}
	return nil
}

// computed reports whether org has computed month.
func (s *IndicatorService) computed(ctx context.Context, tx *sql.Tx, org int64, month string) (bool, error) {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM indicator_months WHERE org_id = $1 AND month = $2`, org, month).Scan(&n); err != nil {
		return false, fmt.Errorf("month computed: %w", err)
	}
	return n > 0, nil
}

// IndicatorMonths lists the months computed, newest first.
func (s *IndicatorService) IndicatorMonths(ctx context.Context) ([]lightbulb.IndicatorMonth, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT month, computed_at, computed_by, computations FROM indicator_months
		WHERE org_id = $1 ORDER BY month DESC`, org)
	if err != nil {
		return nil, fmt.Errorf("indicator months: %w", err)
	}
	return collect(rows, func(r scanner) (m lightbulb.IndicatorMonth, err error) {
		return m, r.Scan(&m.Month, &m.ComputedAt, &m.ComputedBy, &m.Computations)
	})
}

// IndicatorParts returns the stored parts of key, by part, oldest first.
// A part's key is key, a slash and the part, so they sort between key+"/"
// and key+"0" (the character after the slash).
func (s *IndicatorService) IndicatorParts(ctx context.Context, key, from, to string) ([]lightbulb.IndicatorValue, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT indicator, month, numerator, denominator, value FROM indicator_values
		WHERE org_id = $1 AND indicator > $2 AND indicator < $3 AND service_id = 0 AND month >= $4 AND month <= $5
		ORDER BY indicator, month`, org, lightbulb.PartKey(key, ""), key+"0", from, to)
	if err != nil {
		return nil, fmt.Errorf("indicator parts: %w", err)
	}
	return collect(rows, func(r scanner) (v lightbulb.IndicatorValue, err error) {
		return v, r.Scan(&v.Indicator, &v.Month, &v.Numerator, &v.Denominator, &v.Value)
	})
}

// indicatorValues reads stored values, oldest first, the whole
// organisation's before each service's (by name) within a month.
func (s *IndicatorService) indicatorValues(ctx context.Context, keys []string, from, to string, services bool) ([]lightbulb.IndicatorValue, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	q := `SELECT v.indicator, v.service_id, COALESCE(s.name, ''), v.month, v.numerator, v.denominator, v.value
		FROM indicator_values v LEFT JOIN services s ON s.id = v.service_id AND s.org_id = v.org_id
		WHERE v.org_id = $1 AND v.month >= $2 AND v.month <= $3`
	args := []any{org, from, to}
	if !services {
		q += ` AND v.service_id = 0`
	}
	if len(keys) > 0 {
		var ph []string
		for _, k := range keys {
			args = append(args, k)
			ph = append(ph, fmt.Sprintf("$%d", len(args)))
		}
		q += ` AND v.indicator IN (` + strings.Join(ph, ", ") + `)`
	}
	rows, err := s.db.readRows(ctx, q+` ORDER BY v.indicator, v.service_id <> 0, COALESCE(s.name, ''), v.month`, args...)
	if err != nil {
		return nil, fmt.Errorf("indicator values: %w", err)
	}
	return collect(rows, func(r scanner) (v lightbulb.IndicatorValue, err error) {
		return v, r.Scan(&v.Indicator, &v.ServiceID, &v.ServiceName, &v.Month, &v.Numerator, &v.Denominator, &v.Value)
	})
}
