package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

const jobsUsage = `Usage:
  lightbulb jobs run-due                 run every job that is due now (email, reminders, offers,
                                         check-ins, imports), then exit
  lightbulb jobs list [--state S] [--kind K] [--limit N]
                                         list jobs, newest first; S is queued, running, done or failed
'lightbulb serve' runs the queue itself, so neither is needed for day-to-day
running. Each job is claimed once, so running these beside serve never runs a
job twice.`

func runJobs(ctx context.Context, args []string, out, errw io.Writer) error {
	if len(args) == 0 || (args[0] != "run-due" && args[0] != "list") {
		fmt.Fprintln(errw, jobsUsage)
		return errors.New("jobs: say run-due or list")
	}
	if args[0] == "list" {
		return listJobs(ctx, args[1:], out, errw)
	}
	db, cfg, err := setup(ctx, "jobs run-due", args[1:], errw, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	q, err := newQueue(db, cfg, newMail(db, cfg))
	if err != nil {
		return err
	}
	n, err := q.RunDue(ctx, 1_000_000)
	if err != nil {
		return err
	}
	left, others, err := q.Pending(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Ran %d due jobs; %d are waiting for their time.\n", n, left)
	if cfg.SMTP.Host == "" && others > 0 {
		fmt.Fprintf(out, "No mail server is configured (LIGHTBULB_SMTP_HOST), so %d emails stay queued.\n", others)
	}
	return nil
}

func listJobs(ctx context.Context, args []string, out, errw io.Writer) error {
	var f lightbulb.JobFilter
	db, cfg, err := setup(ctx, "jobs list", args, errw, func(fs *flag.FlagSet) {
		fs.StringVar(&f.State, "state", "", "only jobs in this state: queued, running, done or failed")
		fs.StringVar(&f.Kind, "kind", "", "only jobs of this kind")
		fs.IntVar(&f.Limit, "limit", 50, "at most this many")
	})
	if err != nil {
		return err
	}
	defer db.Close()
	switch f.State {
	case "", "queued", "running", "done", "failed":
	default:
		return fmt.Errorf("jobs list: --state %q is not one of queued, running, done or failed", f.State)
	}
	q, err := newQueue(db, cfg, newMail(db, cfg))
	if err != nil {
		return err
	}
	js, err := q.FindJobs(ctx, f)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tSTATE\tATTEMPTS\tRUN AT (UTC)\tLAST ERROR")
	for _, j := range js {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\t%s\n", j.ID, j.Kind, j.State, j.Attempts, j.RunAt.UTC().Format(time.DateTime), j.LastError)
	}
	return tw.Flush()
}
