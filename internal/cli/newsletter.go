package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

const newsletterUsage = `Usage: lightbulb newsletter bounces FILE [flags]

Reads bounce and complaint reports from FILE ("-" for standard input), one a
line: "address,kind" where kind is hard, soft or complaint. A hard bounce or
a complaint stops email to the address; three soft bounces do too. A mail
provider can post the same lines to /newsletter/bounces instead
(LIGHTBULB_BOUNCE_TOKEN).`

// runNewsletter runs "newsletter bounces FILE".
func runNewsletter(ctx context.Context, args []string, out, errw io.Writer) error {
	if len(args) < 2 || args[0] != "bounces" || strings.HasPrefix(args[1], "-") && args[1] != "-" {
		fmt.Fprintln(errw, newsletterUsage)
		return errors.New("newsletter: give bounces and a FILE")
	}
	file := args[1]
	db, cfg, err := setup(ctx, "newsletter", args[2:], errw, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	in := io.Reader(os.Stdin)
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return fmt.Errorf("newsletter bounces: %w", err)
		}
		defer f.Close()
		in = f
	}
	list, err := lightbulb.ParseBounces(in)
	if err != nil {
		return fmt.Errorf("newsletter bounces %s: %w", file, err)
	}
	nl, stopped := newsletter(db, cfg), 0
	for _, b := range list {
		ok, err := nl.RecordBounce(ctx, b.Email, b.Kind)
		if err != nil {
			return err
		}
		if ok {
			stopped++
		}
	}
	fmt.Fprintf(out, "Bounces: %d reports read; email to %d addresses is stopped.\n", len(list), stopped)
	return nil
}
