package jobs_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// fixture is a migrated database with a table handlers write marks into, so
// a test can see what a job wrote and whether it was undone.
type fixture struct {
	db *sqldb.DB
	q  *jobs.Queue
}

func newFixture(t *testing.T, db *sqldb.DB) *fixture {
	t.Helper()
	if _, err := db.Writer().Exec(`CREATE TABLE job_marks (job_id BIGINT NOT NULL, note TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	return &fixture{db: db, q: jobs.NewQueue(db.Writer(), string(db.Dialect))}
}

func mark(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO job_marks (job_id, note) VALUES ($1, $2)`, j.ID, j.Payload)
	return err
}

func (f *fixture) enqueue(t *testing.T, n jobs.New) int64 {
	t.Helper()
	id, err := jobs.Enqueue(context.Background(), f.db.Writer(), n)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func (f *fixture) marks(t *testing.T) (all, distinct int) {
	t.Helper()
	if err := f.db.Writer().QueryRow(`SELECT count(*), count(DISTINCT job_id) FROM job_marks`).Scan(&all, &distinct); err != nil {
		t.Fatal(err)
	}
	return all, distinct
}

func (f *fixture) job(t *testing.T, id int64) *lightbulb.JobInfo {
	t.Helper()
	js, err := f.q.FindJobs(context.Background(), lightbulb.JobFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range js {
		if j.ID == id {
			return j
		}
	}
	t.Fatalf("job %d not listed", id)
	return nil
}

// at fixes the clock for the rest of the test.
func at(t *testing.T, when time.Time) {
	real := lightbulb.Now
	lightbulb.Now = func() time.Time { return when.UTC() }
	t.Cleanup(func() { lightbulb.Now = real })
}

func TestRunsInOneTransaction(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		f.q.Register("test.mark", mark)
		id := f.enqueue(t, jobs.New{Kind: "test.mark", Payload: "hello"})
		later := f.enqueue(t, jobs.New{Kind: "test.mark", Payload: "later", At: lightbulb.Now().Add(time.Hour)})
		f.enqueue(t, jobs.New{Kind: "test.unregistered"})
		n, err := f.q.RunDue(context.Background(), 100)
		if err != nil || n != 1 {
			t.Fatalf("ran %d, %v; want the one due job", n, err)
		}
		if all, _ := f.marks(t); all != 1 {
			t.Fatalf("marks %d, want 1", all)
		}
		if j := f.job(t, id); j.State != jobs.Done || j.Attempts != 1 || j.DoneAt == nil {
			t.Fatalf("job after run: %+v", j)
		}
		if j := f.job(t, later); j.State != jobs.Queued {
			t.Fatalf("a job not yet due ran: %+v", j)
		}
		if n, _ := f.q.RunDue(context.Background(), 100); n != 0 {
			t.Fatalf("a finished job ran again (%d)", n)
		}
	})
}

func TestFailureRetriesWithBackoffThenFails(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		var broken atomic.Bool
		broken.Store(true)
		f.q.Register("test.flaky", func(ctx context.Context, tx *sql.Tx, j *jobs.Job) error {
			if err := mark(ctx, tx, j); err != nil {
				return err
			}
			if broken.Load() {
				return fmt.Errorf("mail server said no (attempt %d)", j.Attempt)
			}
			return nil
		}, jobs.MaxAttempts(3), jobs.Backoff(time.Minute, 10*time.Minute))
		start := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
		at(t, start)
		id := f.enqueue(t, jobs.New{Kind: "test.flaky"})
		ctx := context.Background()
		waits := []time.Duration{0, time.Minute, 2 * time.Minute}
		now := start
		for i, w := range waits {
			now = now.Add(w)
			at(t, now.Add(-time.Second))
			if n, _ := f.q.RunDue(ctx, 10); n != 0 && i > 0 {
				t.Fatalf("attempt %d ran before its backoff ended", i+1)
			}
			at(t, now)
			if n, err := f.q.RunDue(ctx, 10); err != nil || n != 1 {
				t.Fatalf("attempt %d: ran %d, %v", i+1, n, err)
			}
		}
		j := f.job(t, id)
		if j.State != jobs.Failed || j.Attempts != 3 || !strings.Contains(j.LastError, "attempt 3") || j.MaxAttempts != 3 {
			t.Fatalf("after three failures: %+v", j)
		}
		if all, _ := f.marks(t); all != 0 {
			t.Fatalf("a failed attempt kept %d of its writes", all)
		}
		at(t, now.Add(24*time.Hour))
		if n, _ := f.q.RunDue(ctx, 10); n != 0 {
			t.Fatal("a failed job ran again by itself")
		}
		broken.Store(false)
		if err := f.q.RetryJob(ctx, id); err != nil {
			t.Fatal(err)
		}
		if err := f.q.RetryJob(ctx, id); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("retrying a job that is not failed: %v", err)
		}
		if n, _ := f.q.RunDue(ctx, 10); n != 1 {
			t.Fatal("retried job did not run")
		}
		if j := f.job(t, id); j.State != jobs.Done {
			t.Fatalf("retried job: %+v", j)
		}
	})
}

func TestKeyedEnqueueHappensOnce(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		first := f.enqueue(t, jobs.New{Kind: "test.mark", Key: "feedback:7"})
		second := f.enqueue(t, jobs.New{Kind: "test.mark", Key: "feedback:7"})
		if first == 0 || second != 0 {
			t.Fatalf("keyed enqueue gave %d then %d; want an id then 0", first, second)
		}
	})
}

func TestDailyScheduleRunsOnceADayInLondon(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		other := jobs.NewQueue(db.Writer(), string(db.Dialect)) // a second process
		for _, q := range []*jobs.Queue{f.q, other} {
			if err := q.Daily("marks", "test.mark", "07:00"); err != nil {
				t.Fatal(err)
			}
		}
		f.q.Register("test.mark", mark)
		ctx := context.Background()
		// 1 July: London is on BST, so 07:00 there is 06:00 UTC.
		at(t, time.Date(2026, 7, 1, 5, 59, 0, 0, time.UTC))
		if n, _ := f.q.RunDue(ctx, 10); n != 0 {
			t.Fatal("ran before 07:00 London time")
		}
		at(t, time.Date(2026, 7, 1, 6, 0, 0, 0, time.UTC))
		for _, q := range []*jobs.Queue{f.q, other, f.q} {
			if err := q.EnqueueScheduled(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if n, _ := f.q.RunDue(ctx, 10); n != 1 {
			t.Fatalf("ran %d at 07:00 BST; want one run", n)
		}
		var day string
		if err := db.Writer().QueryRow(`SELECT note FROM job_marks`).Scan(&day); err != nil || day != "2026-07-01" {
			t.Fatalf("payload %q, %v", day, err)
		}
		at(t, time.Date(2026, 12, 2, 7, 0, 0, 0, time.UTC)) // GMT in winter
		if n, _ := f.q.RunDue(ctx, 10); n != 1 {
			t.Fatalf("ran %d on the next day; want one", n)
		}
		if err := f.q.Daily("bad", "test.mark", "25:00"); err == nil {
			t.Fatal("a schedule at 25:00 was accepted")
		}
	})
}

func TestLapsedLeaseIsTakenOver(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		var runs atomic.Int32
		f.q.RegisterLong("test.long", func(ctx context.Context, j *jobs.Job) error {
			runs.Add(1)
			return nil
		}, jobs.Lease(time.Minute))
		id := f.enqueue(t, jobs.New{Kind: "test.long"})
		// A worker that died holding the job: its lease is still running.
		if _, err := db.Writer().Exec(`UPDATE jobs SET state = 'running', attempts = 1, locked_by = 'dead', locked_until = $1 WHERE id = $2`,
			lightbulb.Now().Add(30*time.Second), id); err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		if n, _ := f.q.RunDue(ctx, 10); n != 0 {
			t.Fatal("took over a job whose lease had not lapsed")
		}
		at(t, lightbulb.Now().Add(31*time.Second))
		if n, err := f.q.RunDue(ctx, 10); n != 1 || err != nil {
			t.Fatalf("ran %d, %v after the lease lapsed", n, err)
		}
		if j := f.job(t, id); j.State != jobs.Done || j.Attempts != 2 || runs.Load() != 1 {
			t.Fatalf("job %+v, runs %d", j, runs.Load())
		}
	})
}

func TestShutdownHandsBackLongJobs(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newFixture(t, db)
		started := make(chan struct{})
		f.q.RegisterLong("test.slow", func(ctx context.Context, j *jobs.Job) error {
			close(started)
			<-ctx.Done()
			return ctx.Err()
		})
		id := f.enqueue(t, jobs.New{Kind: "test.slow"})
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() {
			f.q.Run(ctx, jobs.Workers{Count: 2, Poll: 10 * time.Millisecond, Grace: 50 * time.Millisecond})
			close(done)
		}()
		<-started
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("Run did not return after shutdown")
		}
		if j := f.job(t, id); j.State != jobs.Queued || j.Attempts != 0 {
			t.Fatalf("job after shutdown: %+v; want it queued again, untried", j)
		}
	})
}

// Two processes on one database: each has its own connections and queue,
// and every job runs exactly once.
func TestTwoProcessesRunEachJobOnce(t *testing.T) {
	dsns := map[string]string{"sqlite": "sqlite:" + filepath.Join(t.TempDir(), "shared.db")}
	if sqldbtest.PostgresURL(t) != "" {
		dsns["postgres"] = sqldbtest.MustOpenPostgresURL(t)
	}
	for engine, dsn := range dsns {
		t.Run(engine, func(t *testing.T) {
			a := sqldbtest.MustOpenDSN(t, dsn)
			b := sqldbtest.MustOpenDSN(t, dsn)
			twoProcesses(t, newFixture(t, a), b)
		})
	}
}

func twoProcesses(t *testing.T, f *fixture, b *sqldb.DB) {
	other := jobs.NewQueue(b.Writer(), string(b.Dialect))
	for _, q := range []*jobs.Queue{f.q, other} {
		q.Register("test.mark", mark)
		q.RegisterLong("test.longmark", func(ctx context.Context, j *jobs.Job) error {
			_, err := f.db.Writer().ExecContext(ctx, `INSERT INTO job_marks (job_id, note) VALUES ($1, 'long')`, j.ID)
			return err
		})
	}
	const n = 300
	for i := 0; i < n; i++ {
		kind := "test.mark"
		if i%3 == 0 {
			kind = "test.longmark"
		}
		f.enqueue(t, jobs.New{Kind: kind, Payload: fmt.Sprint(i)})
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{}, 2)
	for _, q := range []*jobs.Queue{f.q, other} {
		go func() {
			q.Run(ctx, jobs.Workers{Count: 4, Poll: 5 * time.Millisecond})
			done <- struct{}{}
		}()
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		c, err := f.q.JobCounts(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if c[jobs.Done] == n {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	<-done
	<-done
	if all, distinct := f.marks(t); all != n || distinct != n {
		t.Fatalf("%d marks for %d distinct jobs; want %d of each", all, distinct, n)
	}
}
