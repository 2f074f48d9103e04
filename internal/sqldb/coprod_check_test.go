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

// Checks with an expiry: the reminder comes before the end, in each
// reader's language, and not once renewed; an involvement needing a check
// refuses an expert whose check has lapsed, not one in the renewal window.
func TestCoprodChecksRemindAndGuardInvolvements(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newCoprod(t, db)
		ctx := context.Background()
		if _, err := db.Writer().ExecContext(ctx, `UPDATE users SET lang = 'cy' WHERE id = $1`, f.o.ID); err != nil {
			t.Fatal(err)
		}
		today := lightbulb.Today(lightbulb.Now())
		bad := &lightbulb.ExpertCheck{ExpertID: f.o.ID, Kind: "dbs", CheckedOn: today, ExpiresOn: lightbulb.AddDays(today, -1)}
		if err := f.svc.RecordCheck(f.ctx, bad); fieldsOf(err) != "expires_on" {
			t.Fatalf("a check ending before it was done: %v", err)
		}
		if err := f.svc.RecordCheck(f.ctx, &lightbulb.ExpertCheck{ExpertID: f.lead.ID, Kind: "dbs", CheckedOn: today, ExpiresOn: lightbulb.AddDays(today, 300)}); fieldsOf(err) != "expert" {
			t.Fatalf("a check for someone who is not an expert: %v", err)
		}
		// Owen's DBS check ends in 40 days: the reminder is due in 10.
		dbs := &lightbulb.ExpertCheck{ExpertID: f.o.ID, Kind: "dbs", CheckedOn: lightbulb.AddDays(today, -1000), ExpiresOn: lightbulb.AddDays(today, 40)}
		must(t, f.svc.RecordCheck(f.ctx, dbs))
		runCoprodJobs(t, f, lightbulb.Now().AddDate(0, 0, 5))
		if n := len(outboxFor(t, db, "owen@example.org")); n != 0 {
			t.Fatalf("reminded %d times a month and more before the end", n)
		}
		runCoprodJobs(t, f, lightbulb.Now().AddDate(0, 0, 11))
		m := outboxFor(t, db, "owen@example.org")
		if len(m) != 1 || !strings.Contains(m[0].subject, "gwiriad DBS") || !strings.Contains(m[0].body, "/coproduction/me") {
			t.Fatalf("Owen's reminder, in Welsh: %+v", m)
		}
		if m := outboxFor(t, db, "lead@example.org"); len(m) != 1 || !strings.Contains(m[0].subject, "Owen's DBS check ends on") {
			t.Fatalf("the lead's reminder: %+v", m)
		}
		// Renewed before a second check's reminder: no reminder for the old one.
		train := &lightbulb.ExpertCheck{ExpertID: f.o.ID, Kind: "safeguarding", CheckedOn: today, ExpiresOn: lightbulb.AddDays(today, 60)}
		must(t, f.svc.RecordCheck(f.ctx, train))
		must(t, f.svc.RecordCheck(f.ctx, &lightbulb.ExpertCheck{ExpertID: f.o.ID, Kind: "safeguarding", CheckedOn: today, ExpiresOn: lightbulb.AddDays(today, 700)}))
		runCoprodJobs(t, f, lightbulb.Now().AddDate(0, 0, 40))
		if n := len(outboxFor(t, db, "owen@example.org")); n != 1 {
			t.Fatalf("a renewed check was reminded about: %d mails", n)
		}
		all, err := f.svc.Checks(f.ctx)
		must(t, err)
		for _, x := range all {
			if x.Expert.UserID == f.o.ID && (x.Latest["safeguarding"].ExpiresOn != lightbulb.AddDays(today, 700) || x.Latest["dbs"].ID != dbs.ID) {
				t.Fatalf("Owen's latest checks: %+v", x.Latest)
			}
		}

		// An involvement needing a DBS check, 60 days on: Owen's ended 20
		// days before, inside the 30-day window; at 90 days it has lapsed.
		in60 := time.Now().AddDate(0, 0, 60)
		inv := &lightbulb.Involvement{Title: "Children's panel", Activity: "panel", Level: "standard", StartsAt: in60, Minutes: 60,
			Place: "Online", NeedsCheck: "dbs", SupporterID: f.lead.ID, LeadID: f.lead.ID}
		if _, err := f.svc.CreateInvolvement(f.ctx, inv, []int64{f.o.ID}); err != nil {
			t.Fatalf("Owen in his renewal window: %v", err)
		}
		got, err := f.svc.Involvement(f.ctx, inv.ID)
		must(t, err)
		if got.NeedsCheck != "dbs" || got.CheckStates[f.o.ID] != lightbulb.CheckRenewing {
			t.Fatalf("the involvement's check states: %q %+v", got.NeedsCheck, got.CheckStates)
		}
		late := *inv
		late.StartsAt = time.Now().AddDate(0, 0, 90)
		before, _ := f.svc.Home(f.ctx)
		if _, err := f.svc.CreateInvolvement(f.ctx, &late, []int64{f.o.ID}); fieldsOf(err) != "experts" {
			t.Fatalf("Owen with a lapsed check: %v", err)
		}
		if _, err := f.svc.CreateInvolvement(f.ctx, &late, []int64{f.esther.ID}); fieldsOf(err) != "experts" {
			t.Fatalf("Esther with no check: %v", err)
		}
		if after, _ := f.svc.Home(f.ctx); len(after.Involvements) != len(before.Involvements) {
			t.Fatal("a refused involvement was half saved")
		}
		must(t, f.svc.SaveSettings(f.ctx, &lightbulb.CoprodSettings{PayTargetDays: 20, RenewalDays: 0}))
		recs, err := f.svc.MyRecords(f.ctx, f.o.ID)
		must(t, err)
		if err := f.svc.Respond(f.ctx, recs.Invites[0].ID, f.o.ID, true, true); fieldsOf(err) != "answer" {
			t.Fatalf("accepting with no renewal window left: %v", err)
		}
		if len(recs.Checks) != 3 {
			t.Fatalf("Owen sees %d of his 3 checks", len(recs.Checks))
		}
	})
}

func TestCoprodSettingsDefaultsAndLimits(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newCoprod(t, db)
		st, err := f.svc.Settings(f.ctx)
		must(t, err)
		if st.PayTargetDays != 20 || st.RenewalDays != 30 {
			t.Fatalf("defaults: %+v", st)
		}
		if err := f.svc.SaveSettings(f.ctx, &lightbulb.CoprodSettings{PayTargetDays: 0, RenewalDays: 200}); fieldsOf(err) != "pay_target renewal_days" {
			t.Fatalf("bad settings: %v", err)
		}
		must(t, f.svc.SaveSettings(f.ctx, &lightbulb.CoprodSettings{SecondAbovePence: 10000, PayTargetDays: 10, RenewalDays: 14}))
		if st, _ := f.svc.Settings(f.ctx); st.PayTargetDays != 10 || st.RenewalDays != 14 || st.SecondAbovePence != 10000 {
			t.Fatalf("saved: %+v", st)
		}
	})
}
