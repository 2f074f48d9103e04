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

// coprodFixture is an organisation with a co-production lead, a second
// approver and two experts, the second opted out of restraint.
type coprodFixture struct {
	db                        *sqldb.DB
	svc                       *sqldb.CoprodService
	ctx                       context.Context
	lead, approver, esther, o *lightbulb.User
}

func newCoprod(t *testing.T, db *sqldb.DB) *coprodFixture {
	org := sqldbtest.MustOrg(t, db, "charity", lightbulb.KindCharity)
	f := &coprodFixture{db: db, svc: sqldb.NewCoprodService(db, "https://lb.test"), ctx: lightbulb.WithOrg(context.Background(), org.ID)}
	f.lead = sqldbtest.MustUser(t, db, "lead@example.org", org, lightbulb.RoleCoproduction)
	f.approver = sqldbtest.MustUser(t, db, "approver@example.org", org, lightbulb.RoleCoproduction)
	f.esther = sqldbtest.MustUser(t, db, "esther@example.org", org, lightbulb.RoleExpert)
	f.o = sqldbtest.MustUser(t, db, "owen@example.org", org, lightbulb.RoleExpert)
	owen := &lightbulb.ExpertProfile{UserID: f.o.ID, PreferredName: "Owen", ContactBy: "email", PayPref: lightbulb.PayFull,
		OptOutTopics: []string{"restraint"}}
	must(t, f.svc.SaveProfile(f.ctx, owen))
	must(t, f.svc.AddRate(f.ctx, &lightbulb.CoprodRate{Level: "standard", Pence: 2000, StartsOn: "2020-01-01"}))
	return f
}

func (f *coprodFixture) involvement(t *testing.T, at time.Time, experts ...int64) (*lightbulb.Involvement, int, error) {
	t.Helper()
	inv := &lightbulb.Involvement{Title: "Restraint guide panel", Activity: "guide", Level: "standard", StartsAt: at, Minutes: 120,
		PrepMinutes: 30, FollowMinutes: 30, Place: "Room 2", Topics: []string{"restraint"}, SupporterID: f.approver.ID, LeadID: f.lead.ID}
	n, err := f.svc.CreateInvolvement(f.ctx, inv, experts)
	return inv, n, err
}

func runCoprodJobs(t *testing.T, f *coprodFixture, at time.Time) {
	t.Helper()
	q := jobs.NewQueue(f.db.Writer(), string(f.db.Dialect)).ReadFrom(f.db.Reader())
	f.svc.RegisterJobs(q)
	real := lightbulb.Now
	lightbulb.Now = func() time.Time { return at }
	_, err := q.RunDue(context.Background(), 100)
	lightbulb.Now = real
	must(t, err)
}

func TestCoprodProfileIsTheExpertsToControl(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newCoprod(t, db)
		p, err := f.svc.Profile(f.ctx, f.esther.ID)
		must(t, err)
		if p.Known || p.CreditByName || p.QuoteInternal || p.QuotePublic || p.Recording || p.Paused {
			t.Fatalf("a new profile has something on: %+v", p)
		}
		bad := &lightbulb.ExpertProfile{UserID: f.esther.ID, PreferredName: " ", ContactBy: "phone", PayPref: lightbulb.PayReduced, CapPence: 100}
		if err := f.svc.SaveProfile(f.ctx, bad); fieldsOf(err) != "preferred_name phone reduced cap_period" {
			t.Fatalf("bad profile: %v", err)
		}
		if p, _ := f.svc.Profile(f.ctx, f.esther.ID); p.Known {
			t.Fatal("a refused profile was saved")
		}
		p.PreferredName, p.QuotePublic, p.Captions, p.PayPref = "Esther", true, lightbulb.NeedPreferNot, lightbulb.PayCharity
		p.Charity, p.Groups = "Mind Cymru", []string{"welsh_speaker", "carer"}
		must(t, f.svc.SaveProfile(f.ctx, p))
		p.QuotePublic = false // revoked
		must(t, f.svc.SaveProfile(f.ctx, p))
		got, err := f.svc.Profile(f.ctx, f.esther.ID)
		must(t, err)
		if !got.Known || got.QuotePublic || got.Captions != lightbulb.NeedPreferNot || got.Charity != "Mind Cymru" || strings.Join(got.Groups, ",") != "carer,welsh_speaker" {
			t.Fatalf("saved profile: %+v", got)
		}
		// Someone who is not an expert here has no profile.
		if _, err := f.svc.Profile(f.ctx, f.lead.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("a lead's profile: %v", err)
		}
	})
}

func TestCoprodInvolvementClaimAndFollowUp(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newCoprod(t, db)
		start := lightbulb.Now().Add(48 * time.Hour).Truncate(time.Hour)
		inv, skipped, err := f.involvement(t, start, f.esther.ID, f.o.ID)
		must(t, err)
		if skipped != 1 || len(outboxFor(t, db, "owen@example.org")) != 0 {
			t.Fatalf("Owen opted out of restraint: skipped %d", skipped)
		}
		if m := outboxFor(t, db, "esther@example.org"); len(m) != 1 || !strings.Contains(m[0].subject, "Restraint guide panel") {
			t.Fatalf("Esther's invitation: %+v", m)
		}
		got, err := f.svc.Involvement(f.ctx, inv.ID)
		must(t, err)
		if len(got.Invites) != 1 || got.Invites[0].OfferPence != 6000 {
			t.Fatalf("invites: %+v", got.Invites)
		}
		in := got.Invites[0]
		if err := f.svc.Respond(f.ctx, in.ID, f.esther.ID, true, false); fieldsOf(err) != "understood" {
			t.Fatalf("accepting paid work unread: %v", err)
		}
		if err := f.svc.Respond(f.ctx, in.ID, f.o.ID, true, true); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("Owen answered Esther's invitation: %v", err)
		}
		must(t, f.svc.Respond(f.ctx, in.ID, f.esther.ID, true, true))
		involved, err := f.svc.InvolvedExperts(f.ctx, lightbulb.DateOf(start), lightbulb.DateOf(start.AddDate(0, 0, 1)))
		if err != nil || len(involved) != 1 || involved[0].UserID != f.esther.ID {
			t.Fatalf("involved experts: %v %+v", err, involved)
		}

		// Claims: absurd hours refused, then 3 hours and a fare.
		if err := f.svc.RecordClaim(f.ctx, in.ID, &lightbulb.Claim{Minutes: 20 * 60, ExpensesPence: 60_000, RecordedBy: f.esther.ID}); fieldsOf(err) != "hours expenses expenses_note" {
			t.Fatalf("absurd claim: %v", err)
		}
		pdf := []byte("%PDF-1.4 a bus ticket")
		c := &lightbulb.Claim{Minutes: 180, ExpensesPence: 450, ExpensesNote: "Bus fare", RecordedBy: f.esther.ID,
			Receipt: &lightbulb.Receipt{Name: "ticket.pdf", Type: "application/pdf", Data: pdf}}
		must(t, f.svc.RecordClaim(f.ctx, in.ID, c))
		if rc, who, err := f.svc.Receipt(f.ctx, c.ReceiptID); err != nil || who != f.esther.ID || string(rc.Data) != string(pdf) || rc.Type != "application/pdf" {
			t.Fatalf("receipt: %v %d %+v", err, who, rc)
		}
		if c.FeePence != 6000 || c.PayPref != lightbulb.PayFull {
			t.Fatalf("claim: %+v", c)
		}
		if err := f.svc.RecordClaim(f.ctx, in.ID, &lightbulb.Claim{Minutes: 60, RecordedBy: f.esther.ID}); fieldsOf(err) != "hours" {
			t.Fatalf("a second claim: %v", err)
		}
		if err := f.svc.ApproveClaim(f.ctx, c.ID, f.esther.ID); fieldsOf(err) != "approve" {
			t.Fatalf("approving her own claim: %v", err)
		}
		if err := f.svc.MarkPaid(f.ctx, c.ID, lightbulb.DateOf(lightbulb.Now())); fieldsOf(err) != "paid_on" {
			t.Fatalf("paid before approval: %v", err)
		}
		must(t, f.svc.ApproveClaim(f.ctx, c.ID, f.approver.ID))
		must(t, f.svc.MarkPaid(f.ctx, c.ID, lightbulb.DateOf(lightbulb.Now())))

		// The follow-up job opens a check-in for the supporter when it ends.
		runCoprodJobs(t, f, inv.EndsAt().Add(time.Minute))
		if m := outboxFor(t, db, "approver@example.org"); len(m) != 1 || !strings.Contains(m[0].body, "/coproduction/follow-ups/") {
			t.Fatalf("supporter's email: %+v", m)
		}
		recs, err := f.svc.MyRecords(f.ctx, f.esther.ID)
		must(t, err)
		if len(recs.FollowUps) != 1 || len(recs.Claims) != 1 || recs.Claims[0].State != lightbulb.ClaimPaid {
			t.Fatalf("Esther's records: %+v", recs)
		}
		fu := recs.FollowUps[0]
		if !fu.DueAt.Equal(inv.EndsAt().Add(lightbulb.FollowUpWithin)) {
			t.Fatalf("follow-up due %v", fu.DueAt)
		}
		// Overdue: the supporter is reminded, then the lead.
		runCoprodJobs(t, f, fu.DueAt.Add(time.Minute))
		runCoprodJobs(t, f, fu.DueAt.Add(25*time.Hour))
		if len(outboxFor(t, db, "approver@example.org")) != 2 || len(outboxFor(t, db, "lead@example.org")) != 1 {
			t.Fatal("overdue reminders did not go to the supporter and then the lead")
		}
		due, err := f.svc.FollowUps(f.ctx, lightbulb.DateOf(fu.DueAt), lightbulb.DateOf(fu.DueAt.AddDate(0, 0, 1)))
		if err != nil || len(due) != 1 {
			t.Fatalf("check-ins due that day: %v %d", err, len(due))
		}
		fu.Method, fu.Outcome, fu.Note = "call", "fine", "Glad it went well; rest tomorrow."
		must(t, f.svc.CompleteFollowUp(f.ctx, fu))
		if err := f.svc.CompleteFollowUp(f.ctx, fu); err == nil {
			t.Fatal("a follow-up was recorded twice")
		}
		recs, _ = f.svc.MyRecords(f.ctx, f.esther.ID)
		if recs.FollowUps[0].Note != "Glad it went well; rest tomorrow." {
			t.Fatalf("the expert cannot read the note: %+v", recs.FollowUps[0])
		}
	})
}

func TestCoprodCapRefusesAnOfferAndSavesNothing(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newCoprod(t, db)
		p, _ := f.svc.Profile(f.ctx, f.esther.ID)
		p.PreferredName, p.PayPref, p.CapPence, p.CapPeriod = "Esther", lightbulb.PayFull, 10000, "month"
		must(t, f.svc.SaveProfile(f.ctx, p))
		start := time.Date(2031, 5, 6, 10, 0, 0, 0, lightbulb.London)
		first, _, err := f.involvement(t, start, f.esther.ID)
		must(t, err)
		got, _ := f.svc.Involvement(f.ctx, first.ID)
		must(t, f.svc.Respond(f.ctx, got.Invites[0].ID, f.esther.ID, true, true))
		// £60 accepted; another £60 in May passes her £100 cap.
		if _, _, err := f.involvement(t, start.AddDate(0, 0, 7), f.esther.ID); fieldsOf(err) != "experts" {
			t.Fatalf("an offer past the cap: %v", err)
		}
		home, err := f.svc.Home(f.ctx)
		must(t, err)
		if len(home.Involvements) != 1 || len(outboxFor(t, db, "esther@example.org")) != 1 {
			t.Fatalf("a refused offer was half-saved: %d involvements", len(home.Involvements))
		}
		// June is a new month. Saying yes after it ended still opens a
		// check-in.
		june := start.AddDate(0, 1, 0)
		inv, _, err := f.involvement(t, june, f.esther.ID)
		must(t, err)
		got, _ = f.svc.Involvement(f.ctx, inv.ID)
		shiftNow(t, june.Sub(lightbulb.Now())+3*time.Hour)
		must(t, f.svc.Respond(f.ctx, got.Invites[0].ID, f.esther.ID, true, true))
		runCoprodJobs(t, f, june.Add(3*time.Hour+time.Minute))
		recs, _ := f.svc.MyRecords(f.ctx, f.esther.ID)
		if len(recs.FollowUps) != 2 || recs.FollowUps[0].InvolvementID != inv.ID {
			t.Fatalf("a late yes did not open its check-in: %+v", recs.FollowUps)
		}
		// So is July.
		if _, _, err := f.involvement(t, start.AddDate(0, 2, 0), f.esther.ID); err != nil {
			t.Fatal(err)
		}
	})
}

func TestCoprodQuoteNeedsConsentAndTheExpertsYes(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newCoprod(t, db)
		q := &lightbulb.Quote{ExpertID: f.o.ID, Words: "Being asked, not told, made the difference.", UseFor: lightbulb.QuotePublic, AskedBy: f.lead.ID}
		if err := f.svc.AskQuote(f.ctx, q); fieldsOf(err) != "use_for" {
			t.Fatalf("quoting Owen in public without his consent: %v", err)
		}
		p, _ := f.svc.Profile(f.ctx, f.o.ID)
		p.QuotePublic = true
		must(t, f.svc.SaveProfile(f.ctx, p))
		must(t, f.svc.AskQuote(f.ctx, q))
		if err := f.svc.AnswerQuote(f.ctx, q.ID, f.esther.ID, true); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("Esther answered for Owen: %v", err)
		}
		must(t, f.svc.AnswerQuote(f.ctx, q.ID, f.o.ID, true))
		if err := f.svc.AnswerQuote(f.ctx, q.ID, f.o.ID, false); err == nil {
			t.Fatal("an answer was changed after it was given")
		}
		mine, err := f.svc.MyQuotes(f.ctx, f.o.ID)
		must(t, err)
		if len(mine) != 1 || mine[0].State != lightbulb.QuoteApproved || mine[0].Words != q.Words {
			t.Fatalf("Owen's quotes: %+v", mine)
		}
		must(t, f.svc.SaveRoomNote(f.ctx, "No one under 25; no one who uses BSL.", f.lead.ID))
		n, err := f.svc.RoomNote(f.ctx)
		must(t, err)
		if n.Note != "No one under 25; no one who uses BSL." || n.ByName == "" {
			t.Fatalf("room note: %+v", n)
		}
	})
}

func TestCoprodSecondApproverAboveTheAmount(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newCoprod(t, db)
		must(t, f.svc.SaveSettings(f.ctx, &lightbulb.CoprodSettings{SecondAbovePence: 5000, PayTargetDays: 20, RenewalDays: 30}))
		inv, _, err := f.involvement(t, lightbulb.Now().Add(-48*time.Hour), f.esther.ID)
		must(t, err)
		got, _ := f.svc.Involvement(f.ctx, inv.ID)
		must(t, f.svc.Respond(f.ctx, got.Invites[0].ID, f.esther.ID, true, true))
		c := &lightbulb.Claim{Minutes: 180, RecordedBy: f.esther.ID} // £60, above £50
		must(t, f.svc.RecordClaim(f.ctx, got.Invites[0].ID, c))
		must(t, f.svc.ApproveClaim(f.ctx, c.ID, f.lead.ID))
		if err := f.svc.ApproveClaim(f.ctx, c.ID, f.lead.ID); fieldsOf(err) != "approve" {
			t.Fatalf("the same person approved twice: %v", err)
		}
		if err := f.svc.MarkPaid(f.ctx, c.ID, lightbulb.DateOf(lightbulb.Now())); fieldsOf(err) != "paid_on" {
			t.Fatalf("paid after one approval: %v", err)
		}
		must(t, f.svc.ApproveClaim(f.ctx, c.ID, f.approver.ID))
		recs, _ := f.svc.MyRecords(f.ctx, f.esther.ID)
		if cl := recs.Claims[0]; cl.State != lightbulb.ClaimApproved || cl.ApprovedBy != f.lead.ID || cl.SecondBy != f.approver.ID {
			t.Fatalf("claim after two approvals: %+v", cl)
		}
		must(t, f.svc.MarkPaid(f.ctx, c.ID, lightbulb.DateOf(lightbulb.Now())))
	})
}
