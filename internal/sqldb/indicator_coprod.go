package sqldb

import (
	"context"
	"database/sql"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Co-production's indicators: hours claimed, claims paid within the
// target (working days, counted in Go as the co-production pages count
// them) and check-ins done by their due time.
func init() {
	registerIndicator("coprod.hours", `SELECT 0, COALESCE(SUM(minutes), 0) / 60.0, 0 FROM coprod_claims
		WHERE org_id = $1 AND created_at >= $2 AND created_at < $3`)
	registerIndicator("coprod.followups", `SELECT 0, COALESCE(SUM(CASE WHEN done_at IS NOT NULL AND done_at <= due_at THEN 1 ELSE 0 END), 0), count(*)
		FROM coprod_followups WHERE org_id = $1 AND due_at >= $2 AND due_at < $3`)
	registerIndicatorQuery("coprod.paid", indicatorQuery{compute: paidWithinTarget})
}

// paidWithinTarget counts the claims paid in month and those paid within
// the organisation's own target of working days from being made.
func paidWithinTarget(ctx context.Context, tx *sql.Tx, org int64, month string) (float64, float64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT created_at, paid_on FROM coprod_claims
		WHERE org_id = $1 AND state = 'paid' AND paid_on >= $2 AND paid_on < $3`, org, month+"-01", lightbulb.AddMonths(month, 1)+"-01")
	if err != nil {
		return 0, 0, err
	}
	claims, err := collect(rows, func(sc scanner) (c *lightbulb.Claim, err error) {
		c = &lightbulb.Claim{}
		return c, sc.Scan(&c.CreatedAt, &c.PaidOn)
	})
	if err != nil {
		return 0, 0, err
	}
	st, err := coprodSettings(ctx, tx, org)
	if err != nil {
		return 0, 0, err
	}
	var on float64
	for _, c := range claims {
		if !c.Late(time.Time{}, st.PayTargetDays) {
			on++
		}
	}
	return on, float64(len(claims)), nil
}
