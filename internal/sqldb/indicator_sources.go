package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// indicatorQuery computes one indicator for an organisation and a month: an
// SQL query with $1 the organisation and $2 and $3 the start and end of the
// month (London time), returning rows of service id (0 for the whole
// organisation only), numerator and denominator. The whole organisation's
// value is the sum of its services' rows.
type indicatorQuery struct {
	sql string
	// monthText passes the month as YYYY-MM in $2 instead of its bounds,
	// for tables kept by month.
	monthText bool
	// compute, when set instead of sql, works out the whole organisation's
	// numerator and denominator in Go (a rule SQL cannot say, such as
	// working days).
	compute func(ctx context.Context, tx *sql.Tx, org int64, month string) (num, den float64, err error)
	// state reads the daily counts of a State indicator (indicator_state.go).
	state bool
	// parts, for an indicator with Parts, is a query with the same
	// arguments returning rows of part (such as a right's code), numerator
	// and denominator; each part is kept under lightbulb.PartKey.
	parts string
}

// indicatorQueries is the registration hook: every capability adds its
// indicators' queries from its own file with registerIndicator, under the
// key its lightbulb.DefineIndicator used.
var indicatorQueries = map[string]indicatorQuery{}

func registerIndicator(key, query string) { registerIndicatorQuery(key, indicatorQuery{sql: query}) }

func registerIndicatorQuery(key string, q indicatorQuery) {
	if _, dup := indicatorQueries[key]; dup {
		panic("indicator registered twice: " + key)
	}
	indicatorQueries[key] = q
}

func init() {
	registerIndicator("decisions.complete", `SELECT service_id, SUM(CASE WHEN complete THEN 1 ELSE 0 END), count(*)
		FROM decisions WHERE org_id = $1 AND status <> 'draft' AND created_at >= $2 AND created_at < $3 GROUP BY service_id`)
	registerIndicator("decisions.blanket", `SELECT service_id, SUM(CASE WHEN blanket THEN 1 ELSE 0 END), 0
		FROM decisions WHERE org_id = $1 AND status <> 'draft' AND created_at >= $2 AND created_at < $3 GROUP BY service_id`)
	registerIndicatorQuery("cases.reviewed", indicatorQuery{monthText: true, sql: `SELECT service_id, SUM(CASE WHEN reviewed THEN n ELSE 0 END), SUM(n)
		FROM case_counts WHERE org_id = $1 AND month = $2 GROUP BY service_id`})
	registerIndicator("training.attended", `SELECT 0, count(DISTINCT lower(b.email)), 0
		FROM training_bookings b JOIN training_sessions x ON x.id = b.session_id
		WHERE b.booker_org_id = $1 AND b.attendance = 'attended' AND x.starts_at >= $2 AND x.starts_at < $3`)
	registerIndicator("learning.knowledge", `SELECT 0, COALESCE(SUM(100.0 * a.score / a.total - 100.0 * p.score / p.total), 0), count(*)
		FROM learning_check_attempts a JOIN learning_check_attempts p ON p.booking_id = a.booking_id AND p.phase = 'pre'
		JOIN training_bookings b ON b.id = a.booking_id
		WHERE a.phase = 'post' AND b.booker_org_id = $1 AND a.taken_at >= $2 AND a.taken_at < $3 AND a.total > 0 AND p.total > 0`)
	registerIndicatorQuery("reviews.green", indicatorQuery{sql: `SELECT 0, COALESCE(SUM(CASE WHEN f.rating = 'green' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN f.rating IN ('red', 'amber', 'green') THEN 1 ELSE 0 END), 0)
		FROM review_finals f JOIN reviews r ON r.id = f.review_id
		WHERE r.org_id = $1 AND r.status = 'submitted' AND r.submitted_at >= $2 AND r.submitted_at < $3`,
		parts: `SELECT st.theme, SUM(CASE WHEN f.rating = 'green' THEN 1 ELSE 0 END), SUM(CASE WHEN f.rating IN ('red', 'amber', 'green') THEN 1 ELSE 0 END)
		FROM review_finals f JOIN reviews r ON r.id = f.review_id JOIN review_statements st ON st.framework_id = r.framework_id AND st.code = f.code
		WHERE r.org_id = $1 AND r.status = 'submitted' AND r.submitted_at >= $2 AND r.submitted_at < $3 GROUP BY st.theme`})
}

// monthBounds are the first instants of month and the next, in London.
func monthBounds(month string) (time.Time, time.Time, error) {
	t, ok := lightbulb.ParseMonth(month)
	if !ok {
		return time.Time{}, time.Time{}, lightbulb.FieldError("month", "Enter the month as a year and month, for example 2026-01")
	}
	start := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, lightbulb.London)
	return start.UTC(), start.AddDate(0, 1, 0).UTC(), nil
}

// computeIndicator runs one indicator's query for org and month in tx.
// A count always has a whole-organisation value (0 when nothing happened);
// a share or an average only where its denominator is above 0.
func computeIndicator(ctx context.Context, tx *sql.Tx, d lightbulb.IndicatorDef, org int64, month string) ([]lightbulb.IndicatorValue, error) {
	start, end, err := monthBounds(month)
	if err != nil {
		return nil, err
	}
	q := indicatorQueries[d.Key]
	if q.compute != nil {
		v := lightbulb.IndicatorValue{Indicator: d.Key, Month: month}
		if v.Numerator, v.Denominator, err = q.compute(ctx, tx, org, month); err != nil {
			return nil, fmt.Errorf("indicator %s: %w", d.Key, err)
		}
		if valueOf(d, &v) {
			return []lightbulb.IndicatorValue{v}, nil
		}
		return nil, nil
	}
	query, args := q.sql, []any{org, start, end}
	if q.monthText {
		args = []any{org, month}
	}
	if q.state {
		day, err := stateDay(ctx, tx, org, d.Key, month)
		if err != nil || day == "" {
			return nil, err
		}
		query, args = stateRows, []any{org, d.Key, day}
	}
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("indicator %s: %w", d.Key, err)
	}
	total := lightbulb.IndicatorValue{Indicator: d.Key, Month: month}
	var out []lightbulb.IndicatorValue
	defer rows.Close()
	for rows.Next() {
		v := lightbulb.IndicatorValue{Indicator: d.Key, Month: month}
		var num, den sql.NullFloat64
		if err := rows.Scan(&v.ServiceID, &num, &den); err != nil {
			return nil, fmt.Errorf("indicator %s: %w", d.Key, err)
		}
		v.Numerator, v.Denominator = num.Float64, den.Float64
		total.Numerator += v.Numerator
		total.Denominator += v.Denominator
		if d.ByService && v.ServiceID != 0 && valueOf(d, &v) {
			out = append(out, v)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if valueOf(d, &total) {
		out = append(out, total)
	}
	if q.parts == "" {
		return out, nil
	}
	parts, err := computeParts(ctx, tx, d, q.parts, args, month)
	return append(out, parts...), err
}

// computeParts runs an indicator's query of parts; a part is kept where
// it has a value.
func computeParts(ctx context.Context, tx *sql.Tx, d lightbulb.IndicatorDef, query string, args []any, month string) ([]lightbulb.IndicatorValue, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("indicator %s parts: %w", d.Key, err)
	}
	type part struct {
		code     string
		num, den sql.NullFloat64
	}
	ps, err := collect(rows, func(r scanner) (p part, err error) { return p, r.Scan(&p.code, &p.num, &p.den) })
	var out []lightbulb.IndicatorValue
	for _, p := range ps {
		v := lightbulb.IndicatorValue{Indicator: lightbulb.PartKey(d.Key, p.code), Month: month, Numerator: p.num.Float64, Denominator: p.den.Float64}
		if valueOf(d, &v) {
			out = append(out, v)
		}
	}
	return out, err
}

// valueOf sets v.Value from its numerator and denominator and reports
// whether there is a value to keep.
func valueOf(d lightbulb.IndicatorDef, v *lightbulb.IndicatorValue) bool {
	switch d.Unit {
	case lightbulb.UnitCount:
		v.Value = v.Numerator
		return true
	case lightbulb.UnitPercent:
		if v.Denominator > 0 {
			v.Value = 100 * v.Numerator / v.Denominator
		}
	default:
		if v.Denominator > 0 {
			v.Value = v.Numerator / v.Denominator
		}
	}
	return v.Denominator > 0
}
