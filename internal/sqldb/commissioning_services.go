package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// ProviderServices lists the wards, teams and homes of a contract's
// provider, from the provider's own list, while the provider shares its
// reviews with the commissioner in ctx; otherwise none.
func (s *CommissioningService) ProviderServices(ctx context.Context, contractID int64) ([]string, error) {
	c, err := s.Contract(ctx, contractID)
	if err != nil {
		return nil, err
	}
	if c.ProviderID == 0 {
		return nil, nil
	}
	rows, err := s.db.readRows(ctx, `SELECT sv.name FROM services sv WHERE sv.org_id = $1 AND EXISTS (SELECT 1 FROM review_shares sh
		WHERE sh.org_id = sv.org_id AND sh.commissioner_id = $2 AND sh.revoked_at IS NULL) ORDER BY sv.name`, c.ProviderID, c.CommissionerID)
	if err != nil {
		return nil, fmt.Errorf("provider services: %w", err)
	}
	return collect(rows, func(r scanner) (string, error) {
		var n string
		return n, r.Scan(&n)
	})
}

// SetContractServices records which of the provider's shared services a
// contract covers; each must be on the provider's list.
func (s *CommissioningService) SetContractServices(ctx context.Context, contractID int64, names []string) error {
	offered, err := s.ProviderServices(ctx, contractID)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return lightbulb.FieldError("services", "Choose the services the contract covers")
	}
	for _, n := range names {
		if !slices.Contains(offered, n) {
			return lightbulb.FieldError("services", "Choose services from the provider's list")
		}
	}
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE comm_contracts SET services = $1 WHERE id = $2 AND org_id = $3`, strings.Join(names, "\n"), contractID, org)
		return err
	})
}
