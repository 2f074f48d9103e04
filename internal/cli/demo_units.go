package cli

import (
	"context"
	"fmt"
	"io"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// demoUnitMembers are the demo people who belong to a Northbridge unit.
var demoUnitMembers = map[string]string{
	"nurse@northbridge.test": "Ward 7 (older people’s mental health)",
	"lead@northbridge.test":  "Ward 7 (older people’s mental health)",
}

// loadDemoUnits matches the demo reviews to Northbridge's list and puts the
// nurse and lead in Ward 7. Running it twice changes nothing.
func loadDemoUnits(ctx context.Context, db *sqldb.DB, out io.Writer) error {
	units, users, orgs := sqldb.NewUnitService(db), sqldb.NewUserService(db), sqldb.NewOrgService(db)
	matched, err := units.MatchAllReviews(ctx)
	if err != nil {
		return err
	}
	nb, err := orgs.FindOrgBySlug(ctx, "northbridge-nhs")
	if err != nil {
		return err
	}
	octx := lightbulb.WithOrg(ctx, nb.ID)
	have, err := units.FindUnits(octx)
	if err != nil {
		return err
	}
	byName := map[string]int64{}
	for _, u := range have {
		byName[u.Name] = u.ID
	}
	for email, unit := range demoUnitMembers {
		u, err := users.FindUserByEmail(ctx, email)
		if err != nil {
			return fmt.Errorf("demo units: %s: %w", email, err)
		}
		if err := units.AddMember(octx, byName[unit], u.ID); err != nil {
			return fmt.Errorf("demo units: %s in %s: %w", email, unit, err)
		}
	}
	fmt.Fprintf(out, "Demo units: %d reviews matched to the list, %d people placed.\n", matched, len(demoUnitMembers))
	return nil
}
