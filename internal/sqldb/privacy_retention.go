package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

// JobRetention is the daily job that applies the retention period.
const JobRetention = "privacy.retention"

// RetentionDefault is how long public bookings and bespoke requests keep
// who made them: two years after the session or the request.
const RetentionDefault = 2 * 365 * 24 * time.Hour

// RegisterJobs adds the daily retention job: at 02:30 London time it
// anonymises what is older than keep (RetentionDefault when keep is 0). It
// runs as a long job, outside the queue's transaction, so that it can
// checkpoint SQLite's write-ahead log after committing; running it twice
// does no harm.
func (s *PrivacyService) RegisterJobs(q *jobs.Queue, keep time.Duration) error {
	if keep <= 0 {
		keep = RetentionDefault
	}
	q.RegisterLong(JobRetention, func(ctx context.Context, j *jobs.Job) error {
		_, err := s.ApplyRetention(ctx, lightbulb.Now().Add(-keep))
		return err
	})
	return q.Daily("privacy-retention", JobRetention, "02:30")
}

// expiring lists, per table, the rows whose retention period has passed and
// that still name someone: public bookings (no account) for sessions that
// ended before the cutoff, and bespoke requests made before it.
var expiring = []struct{ table, email, name, where string }{
	{"training_bookings", "email", "name", `user_id IS NULL AND email NOT LIKE '%@` + lightbulb.ErasedDomain + `'
		AND session_id IN (SELECT id FROM training_sessions WHERE ends_at < $1)`},
	{"training_requests", "email", "contact_name", `email NOT LIKE '%@` + lightbulb.ErasedDomain + `' AND created_at < $1`},
}

// ApplyRetention anonymises every public booking and bespoke request past
// the cutoff, as erasure would, and deletes the emails sent to their address
// before it. The rows stay, so sessions and requests keep their numbers.
func (s *PrivacyService) ApplyRetention(ctx context.Context, cutoff time.Time) (int, error) {
	var n int
	err := s.db.tx(ctx, func(tx *sql.Tx) error {
		var err error
		n, err = retainTx(ctx, tx, cutoff)
		return err
	})
	if err == nil && n > 0 {
		_, err = s.db.checkpoint(ctx)
	}
	return n, err
}

// retainTx is ApplyRetention inside the caller's transaction.
func retainTx(ctx context.Context, tx *sql.Tx, cutoff time.Time) (int, error) {
	n := 0
	rep := &lightbulb.ErasureReport{Rows: map[string]int{}}
	for _, x := range expiring {
		t := registered(x.table)
		rows, err := tx.QueryContext(ctx, fmt.Sprintf(`SELECT id, %s, %s FROM %s WHERE %s`, x.email, x.name, x.table, x.where), cutoff)
		if err != nil {
			return n, fmt.Errorf("retention in %s: %w", x.table, err)
		}
		found, err := collect(rows, func(r scanner) (p person, err error) {
			var id int64
			var email, name string
			err = r.Scan(&id, &email, &name)
			return person{emails: []string{NormaliseEmail(email)}, names: []string{name}, only: fmt.Sprintf("id = %d", id)}, err
		})
		if err != nil {
			return n, fmt.Errorf("retention in %s: %w", x.table, err)
		}
		for i := range found {
			p := &found[i]
			if err := eraseTable(ctx, tx, t, p, rep); err != nil {
				return n, err
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM outbox WHERE lower(to_addr) = $1 AND created_at < $2`, p.emails[0], cutoff); err != nil {
				return n, fmt.Errorf("retention in outbox: %w", err)
			}
			n++
		}
	}
	return n, nil
}
