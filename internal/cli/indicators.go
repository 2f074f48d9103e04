package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// runIndicators computes organisations' monthly indicators by hand:
//
//	indicators compute [--org SLUG] [--from YYYY-MM] [--to YYYY-MM]
//	    computes the months not yet computed (every organisation without --org);
//	    the monthly job does this for the month that last ended.
//	indicators recompute --org SLUG --month YYYY-MM
//	    computes one month again from the records as they are now, replacing
//	    what was stored; recorded in the organisation's audit log.
func runIndicators(ctx context.Context, args []string, out, errw io.Writer) error {
	if len(args) == 0 || (args[0] != "compute" && args[0] != "recompute") {
		return errors.New("indicators: say compute or recompute (lightbulb indicators compute --org SLUG --from 2025-01 --to 2025-12)")
	}
	sub := args[0]
	var org, from, to, month string
	last := lightbulb.LastEndedMonth(lightbulb.Now())
	db, _, err := setup(ctx, "indicators "+sub, args[1:], errw, func(fs *flag.FlagSet) {
		fs.StringVar(&org, "org", "", "the organisation's slug (compute: every organisation when empty)")
		fs.StringVar(&from, "from", last, "compute: the first month, YYYY-MM")
		fs.StringVar(&to, "to", last, "compute: the last month, YYYY-MM")
		fs.StringVar(&month, "month", "", "recompute: the month, YYYY-MM")
	})
	if err != nil {
		return err
	}
	defer db.Close()
	orgs, err := indicatorOrgs(ctx, db, org)
	if err != nil {
		return err
	}
	is := sqldb.NewIndicatorService(db)
	if sub == "recompute" {
		if org == "" {
			return errors.New("indicators recompute: say which organisation with --org")
		}
		actx := lightbulb.WithActor(lightbulb.WithOrg(ctx, orgs[0].ID), &lightbulb.Actor{Name: "lightbulb indicators recompute"})
		if err := is.RecomputeIndicators(actx, month, "lightbulb indicators recompute"); err != nil {
			return fmt.Errorf("indicators recompute: %s", lightbulb.ErrorMessage(err))
		}
		_ = sqldb.NewAuditService(db).Record(actx, "indicators.recompute", "month:"+month, "command line")
		fmt.Fprintf(out, "%s: %s computed again.\n", orgs[0].Name, month)
		return nil
	}
	if err := lightbulb.CheckPeriod(from, to, lightbulb.Now()); err != nil {
		return fmt.Errorf("indicators compute: %s", lightbulb.ErrorMessage(err))
	}
	for _, o := range orgs {
		n, err := is.ComputeMonths(lightbulb.WithOrg(ctx, o.ID), from, to)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%s: %d months computed (months already computed are kept).\n", o.Name, n)
	}
	return nil
}

// indicatorOrgs is the organisation with slug, or every organisation.
func indicatorOrgs(ctx context.Context, db *sqldb.DB, slug string) ([]*lightbulb.Organisation, error) {
	orgs := sqldb.NewOrgService(db)
	if slug == "" {
		return orgs.FindOrgs(ctx)
	}
	o, err := orgs.FindOrgBySlug(ctx, slug)
	if err != nil {
		return nil, fmt.Errorf("indicators: no organisation %q", slug)
	}
	return []*lightbulb.Organisation{o}, nil
}
