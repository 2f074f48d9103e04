package sqldb_test

import (
	"context"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

func TestApplyRetention(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		privacyFixture(t, db)
		ps := sqldb.NewPrivacyService(db)
		// Nothing has reached its retention period yet.
		if n, err := ps.ApplyRetention(ctx, time.Now().Add(-time.Hour)); err != nil || n != 0 {
			t.Fatalf("early retention = %d, %v", n, err)
		}
		if n, err := ps.ApplyRetention(ctx, time.Now().Add(time.Hour)); err != nil || n != 2 {
			t.Fatalf("retention = %d, %v; want the public booking and the request", n, err)
		}
		after := dump(t, db)
		for _, gone := range []string{pName, pEmail} {
			for table, text := range after {
				if strings.Contains(text, strings.ToLower(gone)) {
					t.Errorf("after retention %s still holds %q", table, gone)
				}
			}
		}
		// The rows stay for counting; the account holder's booking is untouched.
		if c := strings.Count(after["training_bookings"], "\n"); c != 2 {
			t.Errorf("%d bookings after retention, want 2", c)
		}
		if c := strings.Count(after["training_requests"], "\n"); c != 1 || !strings.Contains(after["training_requests"], "care co") {
			t.Errorf("request after retention: %s", after["training_requests"])
		}
		if !strings.Contains(after["training_bookings"], zEmail) {
			t.Error("retention anonymised a booking made with an account")
		}
		if n, err := ps.ApplyRetention(ctx, time.Now().Add(time.Hour)); err != nil || n != 0 {
			t.Fatalf("second run = %d, %v; want nothing left to do", n, err)
		}
	})
}

// TestRetentionRunsDaily runs the queue as serve does, three years on at
// 03:00 London time: the daily job has anonymised the public booking.
func TestRetentionRunsDaily(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		privacyFixture(t, db)
		q := jobs.NewQueue(db.Writer(), string(db.Dialect)).ReadFrom(db.Reader())
		if err := sqldb.NewPrivacyService(db).RegisterJobs(q, 0); err != nil {
			t.Fatal(err)
		}
		real := lightbulb.Now
		defer func() { lightbulb.Now = real }()
		l := time.Now().In(lightbulb.London).AddDate(3, 0, 0)
		at := time.Date(l.Year(), l.Month(), l.Day(), 3, 0, 0, 0, lightbulb.London)
		lightbulb.Now = func() time.Time { return at.UTC() }
		if n, err := q.RunDue(ctx, 10); err != nil || n != 1 {
			t.Fatalf("ran %d jobs, %v; want the day's retention run", n, err)
		}
		x, err := sqldb.NewPrivacyService(db).ExportPerson(ctx, lightbulb.Subject{Email: pEmail})
		if err != nil {
			t.Fatal(err)
		}
		if got := sectionCounts(x); got["training_bookings"] != 0 {
			t.Fatalf("the public booking still names its booker: %v", got)
		}
		if n, err := q.RunDue(ctx, 10); err != nil || n != 0 {
			t.Fatalf("second run the same day ran %d, %v", n, err)
		}
	})
}
