package sqldb_test

import (
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// The sessions are kept in memory by each process, and a booking, a renamed
// course or a new date made through another process is seen by the next
// read; time passing is seen without any change.
func TestSessionsSeeChangesFromAnotherProcess(t *testing.T) {
	twoProcesses(t, func(t *testing.T, a, b *sqldb.DB) {
		f := newTrainingFixture(t, a)
		tb := sqldb.NewTrainingService(b, sqldb.NewMailService(b), "https://lb.test")
		now := lightbulb.Now()
		past := f.session(t, 5, now.Add(-48*time.Hour), 0)
		soon := f.session(t, 5, now.Add(24*time.Hour), 0)
		upcoming := lightbulb.SessionFilter{Upcoming: true}
		read := func(want int) []*lightbulb.Session {
			t.Helper()
			xs, err := tb.FindSessions(f.ctx, upcoming)
			if err != nil {
				t.Fatal(err)
			}
			if len(xs) != want {
				t.Fatalf("%d sessions, want %d: %+v", len(xs), want, xs)
			}
			return xs
		}
		if xs := read(1); xs[0].ID != soon.ID || xs[0].Taken != 0 || xs[0].CourseTitle != "Rights in practice" {
			t.Fatalf("before any change: %+v", xs[0])
		}
		f.book(t, soon.ID, "ann@example.org", false)
		if xs := read(1); xs[0].Taken != 1 {
			t.Fatalf("a booking in the other process: %+v", xs[0])
		}
		f.course.Title = "Rights at work"
		if err := f.svc.UpdateCourse(f.ctx, f.course); err != nil {
			t.Fatal(err)
		}
		if xs := read(1); xs[0].CourseTitle != "Rights at work" {
			t.Fatalf("a course renamed in the other process: %+v", xs[0])
		}
		later := f.session(t, 5, now.Add(96*time.Hour), 0)
		xs := read(2)
		if xs[1].ID != later.ID {
			t.Fatalf("a new date in the other process: %+v", xs[1])
		}
		// What a caller is given is its own.
		xs[0].CourseTitle = "changed"
		if xs := read(2); xs[0].CourseTitle != "Rights at work" {
			t.Fatalf("a caller's change reached the cache: %+v", xs[0])
		}
		// Time passing ends sessions with nothing changed; a clock set back
		// finds the sessions that had ended.
		setClock(t, soon.EndsAt.Add(time.Minute))
		if xs := read(1); xs[0].ID != later.ID {
			t.Fatalf("after the first ended: %+v", xs[0])
		}
		setClock(t, past.StartsAt)
		if xs := read(3); xs[0].ID != past.ID {
			t.Fatalf("with the clock set back: %+v", xs[0])
		}
	})
}
