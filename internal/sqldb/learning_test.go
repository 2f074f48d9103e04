package sqldb_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// learningFixture is a session that has ended with two people who came.
type learningFixture struct {
	*trainingFixture
	ls      *sqldb.LearningService
	x       *lightbulb.Session
	ada     *lightbulb.Booking
	ben     *lightbulb.Booking
	started time.Time
}

func newLearningFixture(t *testing.T, db *sqldb.DB) *learningFixture {
	t.Helper()
	f := &learningFixture{trainingFixture: newTrainingFixture(t, db)}
	f.ls = sqldb.NewLearningService(db, f.svc)
	f.started = time.Now().UTC().Truncate(time.Minute)
	setClock(t, f.started.Add(-24*time.Hour))
	f.x = f.session(t, 5, f.started, 0)
	f.ada = f.book(t, f.x.ID, "ada@example.org", false)
	f.ben = f.book(t, f.x.ID, "ben@example.org", false)
	setClock(t, f.started.Add(3*time.Hour)) // the session has ended
	return f
}

func TestFeedbackRules(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newLearningFixture(t, db)
		ctx := f.ctx
		tests := []struct {
			name string
			form lightbulb.FeedbackForm
			code string
		}{
			{"rating too high", lightbulb.FeedbackForm{Rating: 6}, lightbulb.EINVALID},
			{"rating missing", lightbulb.FeedbackForm{Rating: 0}, lightbulb.EINVALID},
			{"consent without words", lightbulb.FeedbackForm{Rating: 4, Consent: true}, lightbulb.EINVALID},
			{"too long", lightbulb.FeedbackForm{Rating: 4, Comment: strings.Repeat("a", lightbulb.FeedbackMaxComment+1)}, lightbulb.EINVALID},
		}
		for _, tc := range tests {
			err := f.ls.GiveFeedback(ctx, f.ada.Token, &tc.form)
			if lightbulb.ErrorCode(err) != tc.code {
				t.Errorf("%s: got %v, want %s", tc.name, err, tc.code)
			}
		}
		if res, _ := f.ls.FeedbackResults(ctx); len(res.All) != 0 {
			t.Fatalf("refused feedback was saved: %+v", res.All)
		}
		learnMust(t, f.ls.GiveFeedback(ctx, f.ada.Token, &lightbulb.FeedbackForm{Rating: 5, Comment: "Clear and principled", Consent: true}))
		err := f.ls.GiveFeedback(ctx, f.ada.Token, &lightbulb.FeedbackForm{Rating: 1, Comment: "Second go"})
		if lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("feedback twice: got %v, want conflict", err)
		}
		res, err := f.ls.FeedbackResults(ctx)
		learnMust(t, err)
		if len(res.All) != 1 || res.All[0].Rating != 5 || res.All[0].Name != f.ada.Name {
			t.Fatalf("results after a refused second go: %+v", res.All)
		}
	})
}

// learnMust fails the test on an error.
func learnMust(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestFeedbackNotBeforeTheEnd(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newLearningFixture(t, db)
		setClock(t, f.started.Add(time.Hour)) // still running
		err := f.ls.GiveFeedback(f.ctx, f.ada.Token, &lightbulb.FeedbackForm{Rating: 4})
		if lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("feedback during the session: got %v", err)
		}
		setClock(t, f.started.Add(3*time.Hour))
		learnMust(t, f.svc.MarkAttendance(f.ctx, f.x.ID, map[int64]string{f.ben.ID: lightbulb.NoShow}, ""))
		if err := f.ls.GiveFeedback(f.ctx, f.ben.Token, &lightbulb.FeedbackForm{Rating: 4}); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("feedback from a no-show: got %v", err)
		}
	})
}

// TestFeedbackAnonymousHasNoLink proves that the database holds no link
// from anonymous feedback to the booking or the person who gave it.
func TestFeedbackAnonymousHasNoLink(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newLearningFixture(t, db)
		learnMust(t, f.ls.GiveFeedback(f.ctx, f.ada.Token, &lightbulb.FeedbackForm{Rating: 2, Comment: "Too fast for me", Anonymous: true}))
		cols, rows, err := db.LearningRawTable(context.Background(), "learning_feedback")
		learnMust(t, err)
		want := []string{"id", "org_id", "session_id", "rating", "comment", "name", "consent", "published", "given_on"}
		if !slices.Equal(cols, want) {
			t.Fatalf("feedback columns %v, want %v: a new column may link feedback to a person", cols, want)
		}
		if len(rows) != 1 {
			t.Fatalf("%d feedback rows, want 1", len(rows))
		}
		row := rows[0]
		for i, v := range row {
			for _, leak := range []string{f.ada.Name, f.ada.Email, f.ada.Token} {
				if strings.Contains(v, leak) {
					t.Errorf("column %s holds %q, which identifies the person", cols[i], leak)
				}
			}
			if cols[i] == "id" && v == fmt.Sprint(f.ada.ID) {
				t.Errorf("the feedback id is the booking id")
			}
		}
		if len(row[8]) != len("2006-01-02") {
			t.Errorf("given_on %q is finer than the day", row[8])
		}
		gcols, _, err := db.LearningRawTable(context.Background(), "learning_feedback_given")
		learnMust(t, err)
		if !slices.Equal(gcols, []string{"booking_id", "org_id"}) {
			t.Fatalf("the given table has columns %v: it must hold only the booking and organisation", gcols)
		}
		res, err := f.ls.FeedbackResults(f.ctx)
		learnMust(t, err)
		if res.All[0].Name != "" {
			t.Fatalf("anonymous feedback shows a name: %q", res.All[0].Name)
		}
	})
}

func TestFeedbackResultsAndPublishing(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newLearningFixture(t, db)
		learnMust(t, f.ls.GiveFeedback(f.ctx, f.ada.Token, &lightbulb.FeedbackForm{Rating: 5, Comment: "Reminds us why we do the job", Consent: true}))
		learnMust(t, f.ls.GiveFeedback(f.ctx, f.ben.Token, &lightbulb.FeedbackForm{Rating: 2, Comment: "Private thoughts"}))
		res, err := f.ls.FeedbackResults(f.ctx)
		learnMust(t, err)
		if len(res.Sessions) != 1 || res.Sessions[0].Count != 2 || res.Sessions[0].Average() != 3.5 || res.Sessions[0].Dist != [5]int{0, 1, 0, 0, 1} {
			t.Fatalf("session summary %+v", res.Sessions)
		}
		if len(res.Courses) != 1 || res.Courses[0].Label != f.course.Title {
			t.Fatalf("course summary %+v", res.Courses)
		}
		var consented, private string
		for _, x := range res.All {
			if x.Consent {
				consented = x.ID
			} else {
				private = x.ID
			}
		}
		if err := f.ls.PublishFeedback(f.ctx, private, true); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("publishing without consent: got %v", err)
		}
		learnMust(t, f.ls.PublishFeedback(f.ctx, consented, true))
		quotes, err := f.ls.Testimonials(f.ctx)
		learnMust(t, err)
		if len(quotes) != 1 || quotes[0].Comment != "Reminds us why we do the job" {
			t.Fatalf("testimonials %+v", quotes)
		}
		other := lightbulb.WithOrg(context.Background(), f.client.ID)
		if q, _ := f.ls.Testimonials(other); len(q) != 0 {
			t.Fatalf("another organisation sees %d testimonials", len(q))
		}
		if err := f.ls.PublishFeedback(other, consented, false); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation unpublished: %v", err)
		}
		if _, err := f.ls.FeedbackResults(context.Background()); lightbulb.ErrorCode(err) != lightbulb.EFORBIDDEN {
			t.Fatalf("results without an organisation: %v", err)
		}
	})
}

// TestFeedbackRequestJob checks that marking someone attended queues one
// request, sent when the session ends, and not again after feedback.
func TestFeedbackRequestJob(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newLearningFixture(t, db)
		setClock(t, f.started.Add(time.Hour)) // marked during the session
		marks := map[int64]string{f.ada.ID: lightbulb.Attended, f.ben.ID: lightbulb.Attended}
		learnMust(t, f.svc.MarkAttendance(f.ctx, f.x.ID, marks, ""))
		learnMust(t, f.svc.MarkAttendance(f.ctx, f.x.ID, marks, "")) // marking again queues nothing more
		sqldbtest.RunJobs(t, db, f.svc)
		if n := countFeedbackMail(t, db); n != 0 {
			t.Fatalf("%d requests sent before the session ended", n)
		}
		setClock(t, f.started.Add(3*time.Hour))
		learnMust(t, f.ls.GiveFeedback(f.ctx, f.ben.Token, &lightbulb.FeedbackForm{Rating: 3}))
		sqldbtest.RunJobs(t, db, f.svc)
		mails, err := sqldb.NewMailService(db).FindMail(context.Background(), 50)
		learnMust(t, err)
		var to []string
		for _, m := range mails {
			if strings.HasPrefix(m.Subject, "How was it?") {
				to = append(to, m.To)
				if !strings.Contains(m.Body, "/training/feedback/"+f.ada.Token) {
					t.Errorf("request lacks the feedback link: %s", m.Body)
				}
			}
		}
		if !slices.Equal(to, []string{"ada@example.org"}) {
			t.Fatalf("requests went to %v, want only ada (ben already gave feedback)", to)
		}
	})
}

func countFeedbackMail(t *testing.T, db *sqldb.DB) int {
	t.Helper()
	mails, err := sqldb.NewMailService(db).FindMail(context.Background(), 50)
	learnMust(t, err)
	n := 0
	for _, m := range mails {
		if strings.HasPrefix(m.Subject, "How was it?") {
			n++
		}
	}
	return n
}
