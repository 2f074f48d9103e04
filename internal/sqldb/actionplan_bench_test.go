package sqldb_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// benchSize reads a size from the environment, for running the benchmarks
// smaller on a slow machine.
func benchSize(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// BenchmarkPlanCountsAtScale loads a million sign-ups (LIGHTBULB_BENCH_SIGNATURES)
// and times the public counts as the page reads them, from the rows the job
// keeps; it reports how long one recount (the job) takes.
func BenchmarkPlanCountsAtScale(b *testing.B) {
	db := sqldbtest.MustOpen(b)
	ctx := context.Background()
	ap := sqldb.NewActionPlanService(db, "")
	var ids []int64
	for _, role := range lightbulb.PlanRoles {
		for i := 0; i < 4; i++ {
			a := &lightbulb.ActionItem{Role: role, Text: fmt.Sprintf("Action %d", i)}
			if err := ap.SaveActionItem(ctx, a); err != nil {
				b.Fatal(err)
			}
			ids = append(ids, a.ID)
		}
	}
	n := benchSize("LIGHTBULB_BENCH_SIGNATURES", 1_000_000)
	start := time.Now()
	for done := 0; done < n; done += 20000 {
		batch := make([]sqldb.SeedSignature, 0, 20000)
		for i := done; i < min(done+20000, n); i++ {
			r := i % len(ids)
			batch = append(batch, sqldb.SeedSignature{SignRequest: lightbulb.SignRequest{Role: lightbulb.PlanRoles[r/4], Actions: ids[r : r+1],
				Name: "x", Email: fmt.Sprintf("s%d@example.org", i), Nation: lightbulb.Nations[i%4]}, Confirmed: time.Now().Add(-time.Hour)})
		}
		if err := ap.SeedSignatures(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%s: loaded %d sign-ups in %s", db.Dialect, n, time.Since(start).Round(time.Second))
	start = time.Now()
	if err := ap.RefreshCounts(ctx); err != nil {
		b.Fatal(err)
	}
	b.Logf("%s: one recount (the job) took %s", db.Dialect, time.Since(start).Round(time.Millisecond))
	b.ResetTimer()
	for b.Loop() {
		c, err := ap.PlanCounts(ctx)
		if err != nil || c.Total != n {
			b.Fatalf("counts %d, %v", c.Total, err)
		}
	}
}

// BenchmarkCampaignEnqueue lists 100,000 subscribers (LIGHTBULB_BENCH_SUBSCRIBERS)
// as a campaign's recipients (the start job) and then queues every email
// back to back, with no rate between the batches, to show what the
// database can do; serve spaces the batches at the configured rate.
func BenchmarkCampaignEnqueue(b *testing.B) {
	db := sqldbtest.MustOpen(b)
	ctx := context.Background()
	nl := sqldb.NewNewsletterService(db, "https://lb.test")
	nl.Batch, nl.PerMinute = 1000, 1<<30
	n := benchSize("LIGHTBULB_BENCH_SUBSCRIBERS", 100_000)
	emails := make([]string, n)
	for i := range emails {
		emails[i] = fmt.Sprintf("reader%d@example.org", i)
	}
	if err := nl.SeedSubscribers(ctx, emails, []string{"en", "cy"}, "yes"); err != nil {
		b.Fatal(err)
	}
	q := jobs.NewQueue(db.Writer(), string(db.Dialect)).ReadFrom(db.Reader())
	nl.RegisterJobs(q)
	b.ResetTimer()
	for b.Loop() {
		c := &lightbulb.Campaign{Subject: "S", Body: "B", SubjectCy: "S", BodyCy: "B"}
		if err := nl.SaveCampaign(ctx, c); err != nil {
			b.Fatal(err)
		}
		if err := nl.ScheduleCampaign(ctx, c.ID, time.Time{}); err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if _, err := q.RunDue(ctx, 1); err != nil { // the start job
			b.Fatal(err)
		}
		listed := time.Since(start)
		for {
			ran, err := q.RunDue(ctx, 10)
			if err != nil {
				b.Fatal(err)
			}
			if ran == 0 {
				break
			}
		}
		b.Logf("%s: %d recipients listed in %s; every email queued in %s", db.Dialect, n, listed.Round(time.Millisecond),
			time.Since(start).Round(time.Millisecond))
		if got := queuedFor(b, db, c.ID); got != n {
			b.Fatalf("%d emails queued for %d subscribers", got, n)
		}
	}
}

func queuedFor(b *testing.B, db *sqldb.DB, campaign int64) int {
	var n int
	err := db.Reader().QueryRowContext(context.Background(), `SELECT count(*) FROM newsletter_sends WHERE campaign_id = $1 AND outbox_id > 0`, campaign).Scan(&n)
	if err != nil && err != sql.ErrNoRows {
		b.Fatal(err)
	}
	return n
}
