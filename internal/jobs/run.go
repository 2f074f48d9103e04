package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// errNone says there was no due job to claim.
var errNone = errors.New("no due job")

// claim finds the next due job of a kind this queue runs: first one whose
// lease has lapsed (its worker died), then the oldest queued one. On
// PostgreSQL the row is locked and rows other workers hold are skipped; on
// SQLite the transaction holds the database's one write lock.
func (q *Queue) claim(ctx context.Context, tx *sql.Tx, now time.Time) (*Job, error) {
	kinds := q.Kinds()
	if len(kinds) == 0 {
		return nil, errNone
	}
	args := []any{now}
	marks := make([]string, len(kinds))
	for i, k := range kinds {
		args = append(args, k)
		marks[i] = fmt.Sprintf("$%d", i+2)
	}
	in := strings.Join(marks, ", ")
	lock := ""
	if q.postgres {
		lock = ` FOR UPDATE SKIP LOCKED`
	}
	for _, c := range []struct{ index, where string }{
		{"jobs_leased", `state = 'running' AND locked_until < $1`},
		{"jobs_queued", `state = 'queued' AND run_at <= $1`},
	} {
		// SQLite is told which index to use: without statistics it picks
		// one that makes it sort the whole queue for every claim.
		from := "jobs"
		if !q.postgres {
			from = "jobs INDEXED BY " + c.index
		}
		var j Job
		var org sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT id, org_id, kind, payload, attempts, run_at FROM `+from+` WHERE `+c.where+
			` AND kind IN (`+in+`) ORDER BY run_at, id LIMIT 1`+lock, args...).
			Scan(&j.ID, &org, &j.Kind, &j.Payload, &j.Attempt, &j.RunAt)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("claim job: %w", err)
		}
		j.Org, j.Attempt = org.Int64, j.Attempt+1
		return &j, nil
	}
	return nil, errNone
}

// RunOne claims and runs one due job. It reports whether there was one; a
// job that failed is not an error here (it is recorded on the job).
func (q *Queue) RunOne(ctx context.Context) (bool, error) {
	tx, err := q.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	now := lightbulb.Now()
	j, err := q.claim(ctx, tx, now)
	if errors.Is(err, errNone) {
		return false, tx.Commit()
	} else if err != nil {
		return false, err
	}
	k := q.kind(j.Kind)
	if k.long != nil {
		return true, q.runLong(ctx, tx, k, j, now)
	}
	if err := q.runInTx(ctx, tx, k, j, now); err != nil {
		return true, err
	}
	return true, tx.Commit()
}

// runInTx runs a handler inside a savepoint of the claiming transaction, so
// a failure undoes what the handler wrote but still records the attempt.
func (q *Queue) runInTx(ctx context.Context, tx *sql.Tx, k *kind, j *Job, now time.Time) error {
	if _, err := tx.ExecContext(ctx, `SAVEPOINT job`); err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	herr := safely(func() error { return k.tx(lightbulb.WithOrg(ctx, j.Org), tx, j) })
	if herr == nil && q.Fault != nil {
		herr = q.Fault(j.Kind)
	}
	if herr != nil {
		if _, err := tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT job`); err != nil {
			return fmt.Errorf("rollback job %d: %w", j.ID, err)
		}
		return q.failed(ctx, tx, k, j, herr, now)
	}
	_, err := tx.ExecContext(ctx, `UPDATE jobs SET state = 'done', done_at = $1, attempts = $2, last_error = '', locked_until = NULL WHERE id = $3`,
		lightbulb.Now(), j.Attempt, j.ID)
	if err != nil {
		return fmt.Errorf("finish job %d: %w", j.ID, err)
	}
	return nil
}

// failed records a failed attempt: the job waits and is tried again, or,
// at its kind's limit, stays failed with the error.
func (q *Queue) failed(ctx context.Context, ex interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}, k *kind, j *Job, cause error, now time.Time) error {
	state, at := Queued, now.Add(k.wait(j.Attempt))
	if j.Attempt >= k.max {
		state, at = Failed, now
	}
	msg := cause.Error()
	if len(msg) > 2000 {
		msg = msg[:2000]
	}
	_, err := ex.ExecContext(ctx, `UPDATE jobs SET state = $1, run_at = $2, attempts = $3, last_error = $4, locked_until = NULL, locked_by = '' WHERE id = $5`,
		state, at, j.Attempt, msg, j.ID)
	if err != nil {
		return fmt.Errorf("job %d failed (%v) and could not be recorded: %w", j.ID, cause, err)
	}
	return nil
}

// runLong takes the job with a lease, commits, runs the handler outside the
// transaction while renewing the lease, and then records the outcome.
func (q *Queue) runLong(ctx context.Context, tx *sql.Tx, k *kind, j *Job, now time.Time) error {
	lease := k.lease
	if q.Lease > 0 {
		lease = q.Lease
	}
	if _, err := tx.ExecContext(ctx, `UPDATE jobs SET state = 'running', attempts = $1, locked_until = $2, locked_by = $3 WHERE id = $4`,
		j.Attempt, now.Add(lease), q.worker, j.ID); err != nil {
		return fmt.Errorf("lease job %d: %w", j.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("lease job %d: %w", j.ID, err)
	}
	stop := q.renew(j.ID, lease)
	herr := safely(func() error { return k.long(lightbulb.WithOrg(ctx, j.Org), j) })
	if herr == nil && q.Fault != nil {
		herr = q.Fault(j.Kind)
	}
	stop()
	// Record the outcome even when ctx has ended: that is shutdown, and a
	// worker that gives up a job must say so.
	bg := context.WithoutCancel(ctx)
	switch {
	case herr == nil:
		_, err := q.db.ExecContext(bg, `UPDATE jobs SET state = 'done', done_at = $1, last_error = '', locked_until = NULL WHERE id = $2 AND locked_by = $3`,
			lightbulb.Now(), j.ID, q.worker)
		return err
	case ctx.Err() != nil:
		// Shutting down: hand the job back untried rather than count it.
		_, err := q.db.ExecContext(bg, `UPDATE jobs SET state = 'queued', attempts = $1, locked_until = NULL, locked_by = '' WHERE id = $2 AND locked_by = $3`,
			j.Attempt-1, j.ID, q.worker)
		return err
	}
	return q.failed(bg, q.db, k, j, herr, lightbulb.Now())
}

// renew extends a long job's lease every third of it until stop is called.
func (q *Queue) renew(id int64, lease time.Duration) (stop func()) {
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(lease / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				_, _ = q.db.Exec(`UPDATE jobs SET locked_until = $1 WHERE id = $2 AND locked_by = $3`,
					lightbulb.Now().Add(lease), id, q.worker)
			}
		}
	}()
	return func() { close(done) }
}

// safely runs fn, turning a panic into an error so one bad job cannot stop
// the workers.
func safely(fn func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return fn()
}

// RunDue enqueues the scheduled runs that are due and then runs due jobs
// until none is left (or limit have run), returning how many ran.
func (q *Queue) RunDue(ctx context.Context, limit int) (int, error) {
	if err := q.EnqueueScheduled(ctx); err != nil {
		return 0, err
	}
	n := 0
	for n < limit && ctx.Err() == nil {
		ran, err := q.RunOne(ctx)
		if err != nil {
			return n, err
		}
		if !ran {
			break
		}
		n++
	}
	return n, nil
}
