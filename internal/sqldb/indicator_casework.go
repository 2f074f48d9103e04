package sqldb

import (
	"context"
	"database/sql"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Casework's indicator of the rights cases engage: cases received in the
// month with a right a reviewer confirmed, by service, and for each right.
// The queries start from the confirmed rights (indexed by organisation and
// verdict), so their cost follows the reviewed cases, not every case.
func init() {
	registerIndicatorQuery("cases.by_right", indicatorQuery{monthText: true,
		sql: `SELECT c.service_id, count(DISTINCT c.id), 0 FROM case_rights r JOIN cases c ON c.id = r.case_id
			WHERE r.org_id = $1 AND r.verdict = 'confirmed' AND substr(c.received, 1, 7) = $2 GROUP BY c.service_id`,
		parts: `SELECT r.code, count(*), 0 FROM case_rights r JOIN cases c ON c.id = r.case_id
			WHERE r.org_id = $1 AND r.verdict = 'confirmed' AND substr(c.received, 1, 7) = $2 GROUP BY r.code`})
	registerIndicatorQuery("cases.assessed_in_time", indicatorQuery{compute: assessedInTime})
}

// assessedInTime counts the cases whose assessment fell due in month (20
// working days after receipt, so received up to six weeks before it) and
// those assessed by then, by London day.
func assessedInTime(ctx context.Context, tx *sql.Tx, org int64, month string) (float64, float64, error) {
	from := lightbulb.AddMonths(month, -2) + "-01"
	rows, err := tx.QueryContext(ctx, `SELECT c.received, a.assessed_at FROM cases c LEFT JOIN case_assessments a ON a.case_id = c.id AND a.org_id = c.org_id
		WHERE c.org_id = $1 AND c.received >= $2 AND c.received < $3`, org, from, lightbulb.AddMonths(month, 1)+"-01")
	if err != nil {
		return 0, 0, err
	}
	type row struct {
		received string
		at       sql.NullTime
	}
	cs, err := collect(rows, func(r scanner) (x row, err error) { return x, r.Scan(&x.received, &x.at) })
	var due, onTime float64
	for _, c := range cs {
		day, ok := lightbulb.AssessDue(c.received)
		if !ok || day[:7] != month {
			continue
		}
		due++
		if c.at.Valid && lightbulb.Today(c.at.Time) <= day {
			onTime++
		}
	}
	return onTime, due, err
}
