package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

const privacyUsage = `Usage:
  lightbulb privacy register    list every column that holds a person, and what erasure does to it
  lightbulb privacy retention   anonymise public bookings and bespoke requests past --retention-days now
                                (serve does this every night at 02:30)
  lightbulb privacy vacuum      rewrite the database so nothing erased is left in free space
                                (SQLite: VACUUM; PostgreSQL: VACUUM FULL of each table in the register,
                                locking each while it runs). See docs/privacy.md.`

func runPrivacy(ctx context.Context, args []string, out, errw io.Writer) error {
	if len(args) == 0 || (args[0] != "register" && args[0] != "retention" && args[0] != "vacuum") {
		fmt.Fprintln(errw, privacyUsage)
		return errors.New("privacy: say register, retention or vacuum")
	}
	if args[0] == "register" {
		printRegister(out, sqldb.PersonalData())
		return nil
	}
	db, cfg, err := setup(ctx, "privacy "+args[0], args[1:], errw, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	if args[0] == "vacuum" {
		done, err := db.VacuumPersonal(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "Rewrote %s.\n", strings.Join(done, ", "))
		return nil
	}
	cutoff := lightbulb.Now().Add(-time.Duration(cfg.RetentionDays) * 24 * time.Hour)
	n, err := sqldb.NewPrivacyService(db).ApplyRetention(ctx, cutoff)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Anonymised %d public bookings and bespoke requests from before %s.\n", n, cutoff.Format(time.DateOnly))
	return nil
}

// printRegister writes the personal-data register as a table, for a data
// protection officer's record of what is held.
func printRegister(w io.Writer, reg []lightbulb.PersonalTable) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "COLUMN\tHOLDS\tFINDS\tERASURE\tWHY")
	for _, t := range reg {
		if t.Link != nil {
			fmt.Fprintf(tw, "%s.%s\t%s\t%s\t%s\t%s\n", t.Table, t.Link.Column, "link to "+t.Link.Parent, "yes",
				map[bool]string{true: "delete row", false: "keep"}[t.Link.Delete], "belongs to the owner of the "+t.Link.Parent+" row")
		}
		for _, c := range t.Columns {
			fmt.Fprintf(tw, "%s.%s\t%s\t%s\t%s\t%s\n", t.Table, c.Column, c.Holds, map[bool]string{true: "yes", false: ""}[c.Find], c.Erase, c.Why)
		}
	}
	tw.Flush()
}
