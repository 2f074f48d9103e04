package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// Evidence a provider counts from its own records for a return (see
// lightbulb.Counted): only totals leave the provider, and only while it
// shares its reviews with the commissioner.

// sharing reports whether provider shares its reviews with commissioner now.
func sharing(ctx context.Context, q querier, provider, commissioner int64) (bool, error) {
	var ok bool
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) > 0 FROM review_shares WHERE org_id = $1 AND commissioner_id = $2 AND revoked_at IS NULL`,
		provider, commissioner).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("sharing: %w", err)
	}
	return ok, nil
}

// countRecords counts the provider's blanket restrictions in force and
// overdue reviews of decisions in force (today in London), how many of its
// people attended human rights training as its members, of all, and how
// many of the cases it received in the twelve months before today were
// reviewed through the rights lens, of all.
func countRecords(ctx context.Context, q querier, org int64) (lightbulb.Counted, error) {
	c := lightbulb.Counted{At: lightbulb.Now()}
	today := lightbulb.DateOf(c.At).String()
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(SUM(CASE WHEN blanket THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN review_date <> '' AND review_date < $2 THEN 1 ELSE 0 END), 0)
		FROM decisions WHERE org_id = $1 AND status = 'in_force'`, org, today).Scan(&c.BlanketInForce, &c.Overdue); err != nil {
		return c, fmt.Errorf("count restrictions: %w", err)
	}
	if err := q.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(DISTINCT b.user_id) FROM training_bookings b JOIN memberships m ON m.user_id = b.user_id AND m.org_id = $1
			WHERE b.booker_org_id = $1 AND b.attendance = 'attended'),
		(SELECT COUNT(DISTINCT user_id) FROM memberships WHERE org_id = $1)`, org).Scan(&c.Trained, &c.People); err != nil {
		return c, fmt.Errorf("count training: %w", err)
	}
	since := lightbulb.DateOf(c.At.AddDate(-1, 0, 0)).String()
	if err := q.QueryRowContext(ctx, `SELECT COALESCE(SUM(CASE WHEN reviewed THEN 1 ELSE 0 END), 0), COUNT(*)
		FROM cases WHERE org_id = $1 AND received >= $2 AND received <= $3`, org, since, today).Scan(&c.CasesReviewed, &c.Cases); err != nil {
		return c, fmt.Errorf("count cases: %w", err)
	}
	return c, nil
}

// countedColumns are an answer's counted figures as stored: restrictions
// "blanket,overdue", training "trained,people" and cases "reviewed,cases",
// blank when not attached.
func countedColumns(c lightbulb.Counted) (restrictions, training, cases string, at any) {
	if c.HasRestrictions {
		restrictions = fmt.Sprintf("%d,%d", c.BlanketInForce, c.Overdue)
	}
	if c.HasTraining {
		training = fmt.Sprintf("%d,%d", c.Trained, c.People)
	}
	if c.HasCases {
		cases = fmt.Sprintf("%d,%d", c.CasesReviewed, c.Cases)
	}
	if c.Any() {
		at = c.At
	}
	return restrictions, training, cases, at
}

// parseCounted reads an answer's counted figures back.
func parseCounted(restrictions, training, cases string, at sql.NullTime) lightbulb.Counted {
	c := lightbulb.Counted{At: at.Time}
	if _, err := fmt.Sscanf(restrictions, "%d,%d", &c.BlanketInForce, &c.Overdue); err == nil {
		c.HasRestrictions = true
	}
	if _, err := fmt.Sscanf(training, "%d,%d", &c.Trained, &c.People); err == nil {
		c.HasTraining = true
	}
	if _, err := fmt.Sscanf(cases, "%d,%d", &c.CasesReviewed, &c.Cases); err == nil {
		c.HasCases = true
	}
	return c
}
