package cli

import (
	"context"
	"fmt"
	"io"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/config"
	"github.com/lightbulb-hr/lightbulb/internal/mail"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// runRemind emails the owner of each decision whose review falls due within
// lightbulb.DueSoonDays (or is overdue). It records each reminder, so running
// it again (from cron, say daily) never sends the same one twice.
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
	fmt.Fprintf(out, "Review reminders: %d sent.\n", n)
	return nil
}

// SendReminders queues (and, with SMTP configured, sends) one email per
// review falling due, and returns how many it sent.
func SendReminders(ctx context.Context, db *sqldb.DB, cfg *config.Config) (int, error) {
	svc := sqldb.NewDecisionService(db)
	m := sqldb.NewMailService(db)
	if cfg.SMTP.Host != "" {
		m.Deliver = mail.Sender(cfg.SMTP)
	}
	today := lightbulb.Today(lightbulb.Now())
	due, err := svc.DueReminders(ctx, lightbulb.AddDays(today, lightbulb.DueSoonDays))
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, d := range due {
		fresh, err := svc.MarkReminded(ctx, d)
		if err != nil {
			return sent, err
		}
		if !fresh {
			continue
		}
		if err := m.SendMail(ctx, lightbulb.DecisionReviewMail(d, d.OwnerLang, cfg.BaseURL, today)); err != nil {
			return sent, err
		}
		sent++
	}
	return sent, nil
}
