package sqldb

import (
	"context"
	"database/sql"
	"fmt"

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

// store adds the gathered counts; it runs in the transaction that inserted
// the cases, so the counts and the cases never disagree.
func (cc caseCounts) store(ctx context.Context, tx *sql.Tx, org int64) error {
	for k, n := range cc {
		_, err := tx.ExecContext(ctx, `INSERT INTO case_counts (org_id, month, service_id, type, harm, reviewed, n)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (org_id, month, service_id, type, harm, reviewed) DO UPDATE SET n = case_counts.n + $7`,
			org, k.month, k.service, k.typ, k.harm, false, n)
		if err != nil {
			return fmt.Errorf("count cases: %w", err)
		}
	}
	return nil
}
