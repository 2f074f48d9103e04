package sqldb_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// BenchmarkMailDelivery measures emails delivered per minute by one process
// (four workers) to a local SMTP server: each is an outbox row and a job,
// claimed, sent over SMTP and finished.
//
//	go test -run '^$' -bench MailDelivery -benchtime 3x ./internal/sqldb/
func BenchmarkMailDelivery(b *testing.B) {
	sqldbtest.BenchEngines(b, func(b *testing.B, db *sqldb.DB) {
		_, m, q := smtpQueue(b, db)
		ctx := context.Background()
		const batch = 1000
		var took time.Duration
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			for j := range batch {
				if err := m.SendMail(ctx, &lightbulb.Mail{To: fmt.Sprintf("p%d@example.org", j), Subject: "Bench", Body: "Hello."}); err != nil {
					b.Fatal(err)
				}
			}
			b.StartTimer()
			start := time.Now()
			runUntilIdle(b, q, 4)
			took += time.Since(start)
		}
		b.ReportMetric(float64(batch*b.N)/took.Minutes(), "emails/min")
	})
}

// runUntilIdle runs the queue with workers until no job is queued or running.
func runUntilIdle(b *testing.B, q *jobs.Queue, workers int) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		q.Run(ctx, jobs.Workers{Count: workers, Poll: 5 * time.Millisecond})
		close(done)
	}()
	for {
		c, err := q.JobCounts(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		if c[jobs.Queued]+c[jobs.Running] == 0 {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	<-done
}
