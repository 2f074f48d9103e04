package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/lightbulb-hr/lightbulb/internal/config"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// runRemind queues, now, the review reminders that `serve` otherwise queues
// every morning at 07:00: one email per decision whose review falls due
// within lightbulb.DueSoonDays (or is overdue). Each is recorded, so running
// it again never sends the same one twice.
func runRemind(ctx context.Context, args []string, out, errw io.Writer) error {
	db, cfg, err := setup(ctx, "remind", args, errw, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := SendReminders(ctx, db, cfg)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Review reminders: %d queued.\n", n)
	return nil
}

// SendReminders queues one email per review falling due and returns how
// many; the job queue delivers them.
func SendReminders(ctx context.Context, db *sqldb.DB, cfg *config.Config) (int, error) {
	return sqldb.NewDecisionService(db).SendReminders(ctx, cfg.BaseURL)
}
