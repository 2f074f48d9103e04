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

const orgUsage = `Usage:
  lightbulb org add --slug SLUG --name NAME --kind KIND [--operator]
  lightbulb org list
KIND is one of nhs_trust, council, care_provider, commissioner, community, charity.
--operator marks the organisation that runs the platform: its admins are platform admins.`

func runOrg(ctx context.Context, args []string, out, errw io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(errw, orgUsage)
		return errors.New("org: say add or list")
	}
	var slug, name, kind string
	var operator bool
	db, _, err := setup(ctx, "org "+args[0], args[1:], errw, func(fs *flag.FlagSet) {
		fs.StringVar(&slug, "slug", "", "short name, e.g. north-trust")
		fs.StringVar(&name, "name", "", "full name")
		fs.StringVar(&kind, "kind", "", "kind of organisation")
		fs.BoolVar(&operator, "operator", false, "this organisation runs the platform")
	})
	if err != nil {
		return err
	}
	defer db.Close()
	orgs := sqldb.NewOrgService(db)
	switch args[0] {
	case "add":
		o := &lightbulb.Organisation{Slug: slug, Name: name, Kind: lightbulb.OrgKind(kind), Operator: operator}
		if err := orgs.CreateOrg(ctx, o); err != nil {
			return fmt.Errorf("org add: %s", describe(err))
		}
		actx := lightbulb.WithActor(lightbulb.WithOrg(ctx, o.ID), &lightbulb.Actor{Name: "command line"})
		_ = sqldb.NewAuditService(db).Record(actx, "organisation.create", o.Slug, o.Name)
		fmt.Fprintf(out, "Added %s (%s).\n", o.Name, o.Slug)
		return nil
	case "list":
		all, err := orgs.FindOrgs(ctx)
		if err != nil {
			return err
		}
		for _, o := range all {
			op := ""
			if o.Operator {
				op = " (operator)"
			}
			fmt.Fprintf(out, "%-24s %-14s %s%s\n", o.Slug, o.Kind, o.Name, op)
		}
		return nil
	}
	fmt.Fprintln(errw, orgUsage)
	return fmt.Errorf("org: unknown action %q", args[0])
}
