package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/lightbulb-hr/lightbulb/internal/mail"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

const jobsUsage = `Usage:
  lightbulb jobs run-due   send the training reminders and waiting-list offers that are due, then exit
Each job is claimed and finished in one transaction, so running this beside
'lightbulb serve' (which runs due jobs every minute) never sends anything twice.`

func runJobs(ctx context.Context, args []string, out, errw io.Writer) error {
	if len(args) == 0 || args[0] != "run-due" {
		fmt.Fprintln(errw, jobsUsage)
		return errors.New("jobs: say run-due")
	}
	db, cfg, err := setup(ctx, "jobs run-due", args[1:], errw, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	m := sqldb.NewMailService(db)
	if cfg.SMTP.Host != "" {
		m.Deliver = mail.Sender(cfg.SMTP)
	}
	n, err := sqldb.NewTrainingService(db, m, cfg.BaseURL).RunDueJobs(ctx)
	if err != nil {
		return err
	}
	left, err := db.PendingJobs(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Ran %d due jobs; %d are waiting for their time.\n", n, left)
	return nil
}

// jobLoop runs due jobs every interval until ctx ends, as part of serve.
func jobLoop(ctx context.Context, run func(context.Context) (int, error), every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for ctx.Err() == nil {
		if n, err := run(ctx); err != nil && ctx.Err() == nil {
			log.Warn("run due jobs", "error", err)
		} else if n > 0 {
			log.Info("ran due jobs", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
