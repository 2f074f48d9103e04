package jobs

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

var _ lightbulb.JobService = (*Queue)(nil)

// ReadFrom makes the admin listings read from r (SQLite's reader pool)
// rather than the writer the queue works with.
func (q *Queue) ReadFrom(r *sql.DB) *Queue {
	q.read = r
	return q
}

func (q *Queue) reader() *sql.DB {
	if q.read != nil {
		return q.read
	}
	return q.db
}

// FindJobs lists jobs newest first, narrowed by f.
func (q *Queue) FindJobs(ctx context.Context, f lightbulb.JobFilter) ([]*lightbulb.JobInfo, error) {
	if f.Limit <= 0 {
		f.Limit = 100
	}
	rows, err := q.reader().QueryContext(ctx, `SELECT id, org_id, kind, payload, state, attempts, run_at, done_at, last_error, created_at
		FROM jobs WHERE ($1 = '' OR state = $1) AND ($2 = '' OR kind = $2) ORDER BY id DESC LIMIT $3`, f.State, f.Kind, f.Limit)
	if err != nil {
		return nil, fmt.Errorf("find jobs: %w", err)
	}
	defer rows.Close()
	var out []*lightbulb.JobInfo
	for rows.Next() {
		var j lightbulb.JobInfo
		var org sql.NullInt64
		if err := rows.Scan(&j.ID, &org, &j.Kind, &j.Payload, &j.State, &j.Attempts, &j.RunAt, &j.DoneAt, &j.LastError, &j.CreatedAt); err != nil {
			return nil, fmt.Errorf("find jobs: %w", err)
		}
		j.Org, j.MaxAttempts = org.Int64, q.MaxAttempts(j.Kind)
		out = append(out, &j)
	}
	return out, rows.Err()
}

// JobCounts counts jobs in each state.
func (q *Queue) JobCounts(ctx context.Context) (map[string]int, error) {
	rows, err := q.reader().QueryContext(ctx, `SELECT state, count(*) FROM jobs GROUP BY state`)
	if err != nil {
		return nil, fmt.Errorf("count jobs: %w", err)
	}
	defer rows.Close()
	out := map[string]int{Queued: 0, Running: 0, Done: 0, Failed: 0}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, err
		}
		out[s] = n
	}
	return out, rows.Err()
}

// RetryJob queues a failed job to run now, with its attempts counted afresh.
func (q *Queue) RetryJob(ctx context.Context, id int64) error {
	res, err := q.db.ExecContext(ctx, `UPDATE jobs SET state = 'queued', attempts = 0, run_at = $1 WHERE id = $2 AND state = 'failed'`,
		lightbulb.Now(), id)
	if err != nil {
		return fmt.Errorf("retry job %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no failed job %d to try again.", id)
	}
	q.Wake()
	return nil
}

// KeepDone is how long finished jobs stay listed before housekeeping
// deletes them; failed jobs stay until someone tries them again.
const KeepDone = 30 * 24 * time.Hour

// RegisterHousekeeping adds the daily job that deletes finished jobs older
// than KeepDone, so the table holds what is worth looking at.
func (q *Queue) RegisterHousekeeping() error {
	q.Register("jobs.purge", func(ctx context.Context, tx *sql.Tx, j *Job) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM jobs WHERE state = 'done' AND done_at < $1`, lightbulb.Now().Add(-KeepDone))
		return err
	})
	return q.Daily("jobs-purge", "jobs.purge", "03:30")
}

// Pending counts unfinished jobs: those of kinds this queue runs, and those
// of kinds it does not (email, in a process with no mail server).
func (q *Queue) Pending(ctx context.Context) (mine, others int, err error) {
	rows, err := q.reader().QueryContext(ctx, `SELECT kind, count(*) FROM jobs WHERE state IN ('queued', 'running') GROUP BY kind`)
	if err != nil {
		return 0, 0, fmt.Errorf("count pending jobs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return 0, 0, err
		}
		if q.kind(k) != nil {
			mine += n
		} else {
			others += n
		}
	}
	return mine, others, rows.Err()
}
