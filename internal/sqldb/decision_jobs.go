package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

// JobDecisionReminders emails the owner of each decision whose review falls
// due soon; it runs every morning.
const JobDecisionReminders = "decision.reminders"

// RegisterJobs adds the daily review reminders to q, at 07:00 London time,
// with links to baseURL.
func (s *DecisionService) RegisterJobs(q *jobs.Queue, baseURL string) error {
	q.Register(JobDecisionReminders, func(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
		_, err := s.remind(ctx, tx, baseURL)
		return err
	})
	return q.Daily("decision-reminders", JobDecisionReminders, "07:00")
}

// SendReminders queues the review reminders due now in one transaction and
// returns how many it queued; `lightbulb remind` uses it.
func (s *DecisionService) SendReminders(ctx context.Context, baseURL string) (int, error) {
	var n int
	err := s.db.tx(ctx, func(tx *sql.Tx) (err error) {
		n, err = s.remind(ctx, tx, baseURL)
		return err
	})
	return n, err
}

// remind queues one email per review falling due within
// lightbulb.DueSoonDays (or overdue), recording each reminder in tx so no
// review date is reminded twice.
func (s *DecisionService) remind(ctx context.Context, tx *sql.Tx, baseURL string) (int, error) {
	today := lightbulb.Today(lightbulb.Now())
	due, err := s.DueReminders(ctx, lightbulb.AddDays(today, lightbulb.DueSoonDays))
	if err != nil {
		return 0, err
	}
	sent := 0
	for _, d := range due {
		res, err := tx.ExecContext(ctx, `INSERT INTO decision_reminders (org_id, decision_id, review_date, sent_at)
			VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, d.OrgID, d.ID, d.Reasoning.ReviewDate, lightbulb.Now())
		if err != nil {
			return sent, fmt.Errorf("mark reminded: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			continue
		}
		if err := queueMail(ctx, tx, lightbulb.DecisionReviewMail(d, d.OwnerLang, baseURL, today)); err != nil {
			return sent, err
		}
		sent++
	}
	return sent, nil
}
