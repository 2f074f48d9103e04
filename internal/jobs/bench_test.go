package jobs_test

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// BenchmarkDrain100k measures how long one process (four workers) takes to
// run 100,000 queued jobs whose handler writes one row in the job's
// transaction.
//
//	go test -run '^$' -bench Drain100k -benchtime 1x ./internal/jobs/
func BenchmarkDrain100k(b *testing.B) {
	sqldbtest.BenchEngines(b, func(b *testing.B, db *sqldb.DB) {
		if _, err := db.Writer().Exec(`CREATE TABLE job_marks (job_id BIGINT NOT NULL, note TEXT NOT NULL)`); err != nil {
			b.Fatal(err)
		}
		q := jobs.NewQueue(db.Writer(), string(db.Dialect)).ReadFrom(db.Reader())
		q.Register("bench.mark", mark)
		const n = 100_000
		var took time.Duration
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			fill(b, db, n)
			b.StartTimer()
			start := time.Now()
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan struct{})
			go func() { q.Run(ctx, jobs.Workers{Count: 4, Poll: 5 * time.Millisecond}); close(done) }()
			for {
				c, err := q.JobCounts(context.Background())
				if err != nil {
					b.Fatal(err)
				}
				if c[jobs.Queued] == 0 && c[jobs.Running] == 0 {
					break
				}
				time.Sleep(50 * time.Millisecond)
			}
			cancel()
			<-done
			took += time.Since(start)
		}
		b.ReportMetric(took.Seconds()/float64(b.N), "s/100k")
		b.ReportMetric(float64(n*b.N)/took.Minutes(), "jobs/min")
	})
}

// fill queues n jobs quickly, in multi-row inserts.
func fill(b *testing.B, db *sqldb.DB, n int) {
	b.Helper()
	now := lightbulb.Now()
	for done := 0; done < n; {
		k := min(500, n-done)
		var sb strings.Builder
		args := []any{now}
		sb.WriteString(`INSERT INTO jobs (kind, payload, state, run_at, created_at) VALUES `)
		for i := 0; i < k; i++ {
			if i > 0 {
				sb.WriteString(", ")
			}
			args = append(args, fmt.Sprint(done+i))
			fmt.Fprintf(&sb, "('bench.mark', $%d, 'queued', $1, $1)", len(args))
		}
		if _, err := db.Writer().Exec(sb.String(), args...); err != nil {
			b.Fatal(err)
		}
		done += k
	}
}

// BenchmarkEnqueueInTx measures what enqueueing adds to a request's
// transaction: one Enqueue inside an open transaction.
func BenchmarkEnqueueInTx(b *testing.B) {
	sqldbtest.BenchEngines(b, func(b *testing.B, db *sqldb.DB) {
		ctx := context.Background()
		var tx *sql.Tx
		begin := func() {
			var err error
			if tx, err = db.Writer().BeginTx(ctx, nil); err != nil {
				b.Fatal(err)
			}
		}
		begin()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := jobs.Enqueue(ctx, tx, jobs.New{Kind: "bench.mark", Payload: "1"}); err != nil {
				b.Fatal(err)
			}
			if i%100 == 99 {
				b.StopTimer()
				if err := tx.Commit(); err != nil {
					b.Fatal(err)
				}
				begin()
				b.StartTimer()
			}
		}
		b.StopTimer()
		_ = tx.Commit()
	})
}
