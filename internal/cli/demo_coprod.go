package cli

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// coprodDemoExperts are the charity's committee of lived experience
// experts, as they describe themselves.
var coprodDemoExperts = []lightbulb.ExpertProfile{
	{PreferredName: "Esther", ContactBy: "email", Captions: lightbulb.NeedYes, Breaks: lightbulb.NeedYes, Format: "standard",
		EasyRead: lightbulb.NeedNo, CreditByName: true, QuoteInternal: true, OptOutTopics: []string{"seclusion"}, PayPref: lightbulb.PayFull,
		Groups: []string{"ethnic_minority", "mental_health"}},
	{PreferredName: "Ifan", ContactBy: "email", Captions: lightbulb.NeedPreferNot, Breaks: lightbulb.NeedPreferNot,
		AvoidTimesPreferNot: true, PayPref: lightbulb.PayVouchers, Groups: []string{"disabled", "welsh_speaker"}},
	{PreferredName: "Lowri", ContactBy: "email", EasyRead: lightbulb.NeedYes, Format: "large_print", AvoidTimes: "Mornings before 10",
		PayPref: lightbulb.PayCharity, Charity: "Riverside Carers Group", CreditByName: true, Groups: []string{"carer", "welsh_speaker"}},
}

// loadCoprodDemo gives the charity a year of its committee's monthly
// meetings: rates that rose in the year, invitations, claims approved and
// paid, and wellbeing check-ins with notes, the newest still to do, and a
// meeting to come that Esther has not answered yet. It does nothing when
// the charity already has involvements.
func loadCoprodDemo(ctx context.Context, db *sqldb.DB, out io.Writer) error {
	charity, err := sqldb.NewOrgService(db).FindOrgBySlug(ctx, "lightbulb-charity")
	if err != nil {
		return fmt.Errorf("co-production demo: %w", err)
	}
	ctx = lightbulb.WithOrg(ctx, charity.ID)
	svc := sqldb.NewCoprodService(db, "http://localhost:8080")
	if h, err := svc.Home(ctx); err != nil || len(h.Involvements) > 0 {
		fmt.Fprintln(out, "Co-production demo: already loaded.")
		return err
	}
	ids, err := demoUserIDs(ctx, db, "coproduction@lightbulb.test", "finance@lightbulb.test", "expert@lightbulb.test",
		"ifan@lightbulb.test", "lowri@lightbulb.test")
	if err != nil {
		return err
	}
	for i, p := range coprodDemoExperts {
		p.UserID = ids[2+i]
		if err := svc.SaveProfile(ctx, &p); err != nil {
			return fmt.Errorf("demo profile: %w", err)
		}
	}
	year := demoAt(-365, 12).Format(time.DateOnly)
	for _, r := range []lightbulb.CoprodRate{{Level: "standard", Pence: 2500, StartsOn: year}, {Level: "enhanced", Pence: 3500, StartsOn: year},
		{Level: "chairing", Pence: 4500, StartsOn: year}, {Level: "standard", Pence: 2700, StartsOn: demoAt(-120, 12).Format(time.DateOnly)}} {
		if err := svc.AddRate(ctx, &r); err != nil {
			return fmt.Errorf("demo rate: %w", err)
		}
	}
	if err := loadCheckDemo(ctx, svc, ids[2:]); err != nil {
		return err
	}
	if err := loadResourceDemo(ctx, svc, []int64{ids[2], ids[4]}); err != nil {
		return err
	}
	if err := loadFacilitatorDemo(ctx, db, svc, ids[0], []int64{ids[2], ids[4]}); err != nil {
		return err
	}
	d := &coprodDemo{svc: svc, db: db, ctx: ctx, lead: ids[0], finance: ids[1], experts: ids[2:]}
	for m := 12; m >= 1; m-- {
		if err := d.meeting(m); err != nil {
			return err
		}
	}
	next := &lightbulb.Involvement{Title: "RITES committee: Easy Read Action Plan review", Activity: "easy_read", Level: "enhanced",
		StartsAt: demoWorkday(21, 10), Minutes: 150, PrepMinutes: 60, FollowMinutes: 30, Place: "Online (link sent the day before)",
		Access: "Captions on; a break after an hour", SupporterID: d.lead, LeadID: d.lead}
	if _, err := svc.CreateInvolvement(ctx, next, d.experts); err != nil {
		return fmt.Errorf("demo involvement: %w", err)
	}
	open := &lightbulb.Involvement{Title: "Who is not in the room: planning a young people's session", Activity: "workshop", Level: "standard",
		StartsAt: demoAt(35, 14), Minutes: 90, PrepMinutes: 30, Place: "Online", Open: true, SupporterID: d.lead, LeadID: d.lead,
		Access: "Captions on; cameras optional"}
	if _, err := svc.CreateInvolvement(ctx, open, nil); err != nil {
		return fmt.Errorf("demo open involvement: %w", err)
	}
	q := &lightbulb.Quote{ExpertID: ids[2], UseFor: lightbulb.QuoteInternal, AskedBy: d.lead,
		Words: "Being asked what I needed, before the meeting, is what made me feel part of it rather than a visitor."}
	if err := svc.AskQuote(ctx, q); err != nil {
		return fmt.Errorf("demo quote: %w", err)
	}
	if err := svc.SaveRoomNote(ctx, "Nobody under 25, and nobody who uses BSL. Ask the young people's forum and Deaf Hub Wales "+
		"what would make meetings work for them; offer an interpreter and shorter sessions.", d.lead); err != nil {
		return fmt.Errorf("demo note: %w", err)
	}
	fmt.Fprintln(out, "Co-production demo: a year of committee meetings, claims and check-ins.")
	return nil
}

// loadCheckDemo records the committee's checks: Esther's DBS check is in
// date and her safeguarding training ends soon; Lowri's DBS check ended
// last week and is in its renewal window; Ifan has none.
func loadCheckDemo(ctx context.Context, svc *sqldb.CoprodService, experts []int64) error {
	day := func(n int) string { return demoAt(n, 12).Format(time.DateOnly) }
	for _, c := range []lightbulb.ExpertCheck{
		{ExpertID: experts[0], Kind: "dbs", CheckedOn: day(-400), ExpiresOn: day(330)},
		{ExpertID: experts[0], Kind: "safeguarding", CheckedOn: day(-345), ExpiresOn: day(20)},
		{ExpertID: experts[2], Kind: "dbs", CheckedOn: day(-1100), ExpiresOn: day(-7)},
	} {
		if err := svc.RecordCheck(ctx, &c); err != nil {
			return fmt.Errorf("demo check: %w", err)
		}
	}
	return nil
}

// loadFacilitatorDemo makes Esther and Lowri the lived experience
// facilitators of the charity's next open training session: an involvement
// linked to the session, which they have said yes to.
func loadFacilitatorDemo(ctx context.Context, db *sqldb.DB, svc *sqldb.CoprodService, lead int64, experts []int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	var session int64
	err = db.Reader().QueryRowContext(ctx, `SELECT id FROM training_sessions WHERE org_id = $1 AND cohort_id IS NULL AND NOT cancelled
		AND starts_at > $2 ORDER BY starts_at, id LIMIT 1`, org, lightbulb.Now()).Scan(&session)
	if err == sql.ErrNoRows {
		return nil // no training demo: nothing to facilitate
	} else if err != nil {
		return err
	}
	inv, err := svc.LinkDraft(ctx, lightbulb.LinkSession, session)
	if err != nil {
		return err
	}
	inv.Title, inv.PrepMinutes, inv.FollowMinutes = "Facilitating: "+inv.Title, 60, 30
	inv.Place, inv.SupporterID, inv.LeadID = "With the trainer, as the session says", lead, lead
	if _, err := svc.CreateInvolvement(ctx, inv, experts); err != nil {
		return fmt.Errorf("demo facilitators: %w", err)
	}
	// The free text keeps the trainer; the experts are now real people.
	if _, err := db.Writer().ExecContext(ctx, `UPDATE training_sessions SET facilitators = 'Tomos Pritchard (trainer)' WHERE id = $1`, session); err != nil {
		return err
	}
	got, err := svc.Involvement(ctx, inv.ID)
	if err != nil {
		return err
	}
	for _, in := range got.Invites {
		if err := svc.Respond(ctx, in.ID, in.ExpertID, true, true); err != nil {
			return fmt.Errorf("demo facilitator: %w", err)
		}
	}
	return nil
}

// demoUserIDs finds demo accounts by email, in order.
func demoUserIDs(ctx context.Context, db *sqldb.DB, emails ...string) ([]int64, error) {
	users := sqldb.NewUserService(db)
	out := make([]int64, len(emails))
	for i, e := range emails {
		u, err := users.FindUserByEmail(ctx, e)
		if err != nil {
			return nil, fmt.Errorf("demo person %s: %w", e, err)
		}
		out[i] = u.ID
	}
	return out, nil
}

type coprodDemo struct {
	svc           *sqldb.CoprodService
	db            *sqldb.DB
	ctx           context.Context
	lead, finance int64
	experts       []int64
}

// at runs fn with the clock set to t, so each step is dated when it happened.
func (d *coprodDemo) at(t time.Time, fn func() error) error {
	real := lightbulb.Now
	lightbulb.Now = func() time.Time { return t.UTC() }
	defer func() { lightbulb.Now = real }()
	return fn()
}

// meeting is the committee's meeting m months ago, from invitation to
// payment and check-in; the newest is approved but not yet paid, and its
// check-ins are still to do.
func (d *coprodDemo) meeting(m int) error {
	start := demoWorkday(-30*m, 10)
	inv := &lightbulb.Involvement{Title: fmt.Sprintf("RITES committee meeting, %s", start.Format("January 2006")), Activity: "panel",
		Level: "standard", StartsAt: start, Minutes: 120, PrepMinutes: 30, FollowMinutes: 30, Place: "Lightbulb office, Cardiff, and online",
		Topics: []string{"restraint"}, Access: "Step-free; captions online; a quiet room", SupporterID: d.lead, LeadID: d.lead}
	if m%4 == 0 {
		inv.Topics = []string{"seclusion"} // Esther opted out: she is not invited
	}
	if err := d.at(start.AddDate(0, 0, -14), func() error { _, err := d.svc.CreateInvolvement(d.ctx, inv, d.experts); return err }); err != nil {
		return fmt.Errorf("demo meeting: %w", err)
	}
	got, err := d.svc.Involvement(d.ctx, inv.ID)
	if err != nil {
		return err
	}
	end := inv.EndsAt()
	for i, in := range got.Invites {
		accept := m%3 != 0 || i == 0
		if err := d.at(start.AddDate(0, 0, -10), func() error { return d.svc.Respond(d.ctx, in.ID, in.ExpertID, accept, true) }); err != nil {
			return err
		}
		if !accept {
			continue
		}
		c := &lightbulb.Claim{Minutes: inv.PaidMinutes(), RecordedBy: in.ExpertID}
		if i == 0 {
			c.ExpensesPence, c.ExpensesNote = 640, "Train fare"
		}
		if err := d.at(end.Add(20*time.Hour), func() error { return d.svc.RecordClaim(d.ctx, in.ID, c) }); err != nil {
			return err
		}
		if err := d.at(end.AddDate(0, 0, 3), func() error { return d.svc.ApproveClaim(d.ctx, c.ID, d.finance) }); err != nil {
			return err
		}
		if m > 1 {
			paid := lightbulb.DateOf(end.AddDate(0, 0, 12+m))
			if err := d.at(end.AddDate(0, 0, 30), func() error { return d.svc.MarkPaid(d.ctx, c.ID, paid) }); err != nil {
				return err
			}
		}
	}
	return d.checkIns(inv, m > 1)
}

// checkIns runs the job that opens the meeting's check-ins and, unless
// this is the newest meeting, records each one the next day.
func (d *coprodDemo) checkIns(inv *lightbulb.Involvement, done bool) error {
	q := jobs.NewQueue(d.db.Writer(), string(d.db.Dialect)).ReadFrom(d.db.Reader())
	d.svc.RegisterJobs(q)
	end := inv.EndsAt()
	if err := d.at(end.Add(time.Minute), func() error { _, err := q.RunDue(d.ctx, 100); return err }); err != nil {
		return err
	}
	if !done {
		return nil
	}
	h, err := d.svc.Home(d.ctx)
	if err != nil {
		return err
	}
	notes := []string{"Thank you for today. Your point about blanket rules changed the draft.", "Glad the break helped. Rest well.",
		"You said it brought things back; we talked it through and you are OK. Call any time."}
	for i, f := range h.FollowUps {
		if f.InvolvementID != inv.ID {
			continue
		}
		f.Method, f.Outcome, f.Note = "call", "fine", notes[i%len(notes)]
		if i%5 == 4 {
			f.Outcome = "signposted"
		}
		if err := d.at(end.Add(22*time.Hour), func() error { return d.svc.CompleteFollowUp(d.ctx, f) }); err != nil {
			return err
		}
	}
	return nil
}
