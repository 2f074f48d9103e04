package sqldb_test

import (
	"context"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestPeoplesLanguages: a person's language is empty until noted or
// chosen, only a supported one is kept, and a first noting never overrides
// a choice.
func TestPeoplesLanguages(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		users := sqldb.NewUserService(db)
		u := sqldbtest.MustUser(t, db, "nyrs@example.org", nil)
		if u.Lang != "" {
			t.Fatalf("a new account's language = %q", u.Lang)
		}
		if err := users.SetLang(ctx, u.ID, "fr"); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("an unknown language: %v", err)
		}
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(users.NoteLang(ctx, u.ID, lightbulb.LangWelsh))
		must(users.NoteLang(ctx, u.ID, lightbulb.LangEnglish)) // not the first: ignored
		if got, _ := users.FindUserByID(ctx, u.ID); got.Lang != lightbulb.LangWelsh {
			t.Fatalf("after the first sign-in in Welsh: %q", got.Lang)
		}
		must(users.SetLang(ctx, u.ID, lightbulb.LangEnglish))
		if got, _ := users.FindUserByEmail(ctx, u.Email); got.Lang != lightbulb.LangEnglish {
			t.Fatalf("after choosing English: %q", got.Lang)
		}
		if err := users.SetLang(ctx, 99999, lightbulb.LangWelsh); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("no such person: %v", err)
		}
	})
}

// TestWelshBookerGetsWelshEmail: a booking keeps the language of its form,
// a booker with an account is written to in their account's language, and
// the emails the queue sends follow it.
func TestWelshBookerGetsWelshEmail(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newTrainingFixture(t, db)
		users := sqldb.NewUserService(db)
		x := f.session(t, 1, time.Now().Add(10*24*time.Hour), 0)
		cy, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Ann", Email: "ann@example.org", Lang: lightbulb.LangWelsh})
		if err != nil || cy.Lang != lightbulb.LangWelsh {
			t.Fatalf("Welsh form booking: %v %+v", err, cy)
		}
		if cy, err = f.svc.ConfirmBooking(f.ctx, cy.Token); err != nil || cy.Lang != lightbulb.LangWelsh {
			t.Fatalf("confirmed: %v %q", err, cy.Lang)
		}
		// An English account booking from a Welsh page is written to in English,
		// and in Welsh once they choose it.
		u := sqldbtest.MustUser(t, db, "ben@example.org", nil)
		if err := users.SetLang(context.Background(), u.ID, lightbulb.LangEnglish); err != nil {
			t.Fatal(err)
		}
		en, err := f.svc.Book(f.ctx, &lightbulb.BookingRequest{SessionID: x.ID, Name: "Ben", Email: u.Email, UserID: u.ID, Wait: true,
			Lang: lightbulb.LangWelsh})
		if err != nil || en.Lang != lightbulb.LangEnglish || en.Status != lightbulb.BookingWaiting {
			t.Fatalf("account booking: %v %+v", err, en)
		}
		if err := users.SetLang(context.Background(), u.ID, lightbulb.LangWelsh); err != nil {
			t.Fatal(err)
		}
		if got, _ := f.svc.FindBookingByToken(f.ctx, en.Token); got.Lang != lightbulb.LangWelsh {
			t.Fatalf("after the account turned Welsh the booking's language is %q", got.Lang)
		}
		// Ann cancels: Ben's offer goes out through the queue, in Welsh.
		if _, err := f.svc.CancelBooking(f.ctx, cy.Token); err != nil {
			t.Fatal(err)
		}
		sqldbtest.RunJobs(t, db, f.svc)
		if outboxTo(t, db, u.Email, "Mae lle ar gael") != 1 || outboxTo(t, db, u.Email, "A place is free") != 0 {
			t.Fatal("the Welsh reader's offer is not in Welsh")
		}
		ms, _ := sqldb.NewMailService(db).FindMail(context.Background(), 1)
		if len(ms) != 1 || !strings.Contains(ms[0].Body, "Dydd ") {
			t.Fatalf("the offer's date is not in Welsh: %+v", ms)
		}
	})
}
