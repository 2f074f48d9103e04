package sqldb_test

import (
	"context"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// decisionFixture is an organisation with a service and a staff member, and
// a second organisation with its own service.
type decisionFixture struct {
	svc        *sqldb.DecisionService
	units      *sqldb.UnitService
	ctxA, ctxB context.Context
	wardA      *lightbulb.Unit
	homeB      *lightbulb.Unit
	today      string
}

func newDecisionFixture(t *testing.T, db *sqldb.DB) *decisionFixture {
	t.Helper()
	a := sqldbtest.MustOrg(t, db, "trust-a", lightbulb.KindNHSTrust)
	b := sqldbtest.MustOrg(t, db, "care-b", lightbulb.KindCareProvider)
	ua := sqldbtest.MustUser(t, db, "nurse@a.test", a, lightbulb.RoleStaff)
	ub := sqldbtest.MustUser(t, db, "carer@b.test", b, lightbulb.RoleStaff)
	for code, cat := range map[string]lightbulb.Category{"A3": lightbulb.Absolute, "A5": lightbulb.Limited,
		"A8": lightbulb.Qualified, "A14": lightbulb.NonDiscrimination} {
		sqldbtest.MustRight(t, db, code, cat)
	}
	f := &decisionFixture{svc: sqldb.NewDecisionService(db), units: sqldb.NewUnitService(db), today: lightbulb.Today(lightbulb.Now())}
	f.ctxA = lightbulb.WithActor(lightbulb.WithOrg(context.Background(), a.ID), &lightbulb.Actor{UserID: ua.ID, Name: "Nurse A"})
	f.ctxB = lightbulb.WithActor(lightbulb.WithOrg(context.Background(), b.ID), &lightbulb.Actor{UserID: ub.ID, Name: "Carer B"})
	f.wardA = &lightbulb.Unit{Name: "Ward 1"}
	f.homeB = &lightbulb.Unit{Name: "Oak House"}
	if err := f.units.CreateUnit(f.ctxA, f.wardA); err != nil {
		t.Fatal(err)
	}
	if err := f.units.CreateUnit(f.ctxB, f.homeB); err != nil {
		t.Fatal(err)
	}
	return f
}

// completeA8 is a full qualified-right restriction: visiting limited.
func completeA8(today string) lightbulb.Reasoning {
	return lightbulb.Reasoning{Date: today, Proposal: "Limit visits to two hours", Reason: "Visits tire her",
		Scope: lightbulb.ScopePerson, PersonRef: "W1-042", Involved: "yes", OwnWords: "I want my son to come",
		Rights: []string{"A8"}, Tests: []lightbulb.RightTest{{Code: "A8", Restricts: "yes", LegalBasis: "Care Act 2014",
			Aim: "health_morals", Necessary: "She becomes exhausted", LessRestrictive: "Rest breaks: not enough",
			Proportionate: "Two hours keeps contact daily"}},
		Outcome: "Visits limited to two hours", DecidedBy: "Ward manager", ReviewDate: lightbulb.AddDays(today, 30)}
}

func TestServices(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newDecisionFixture(t, db)
		if err := f.units.CreateUnit(f.ctxA, &lightbulb.Unit{Name: "Ward 1"}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("duplicate service: %v", err)
		}
		if err := f.units.CreateUnit(f.ctxA, &lightbulb.Unit{Name: "  "}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("blank service: %v", err)
		}
		// The same name in another organisation is fine, and lists stay apart.
		if err := f.units.CreateUnit(f.ctxB, &lightbulb.Unit{Name: "Ward 1"}); err != nil {
			t.Fatal(err)
		}
		ss, err := f.units.FindUnits(f.ctxA)
		if err != nil || len(ss) != 1 || ss[0].ID != f.wardA.ID {
			t.Fatalf("services of A = %+v, %v", ss, err)
		}
		if _, err := f.units.FindUnits(context.Background()); lightbulb.ErrorCode(err) != lightbulb.EFORBIDDEN {
			t.Fatalf("no organisation: %v", err)
		}
	})
}

func TestDecisionDraftAndRefusals(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newDecisionFixture(t, db)
		d := &lightbulb.Decision{ServiceID: f.wardA.ID, Reasoning: lightbulb.Reasoning{Proposal: "Lock the door"}}
		if err := f.svc.CreateDecision(f.ctxA, d); err != nil {
			t.Fatal(err)
		}
		if d.Complete || d.Status != lightbulb.StatusDraft {
			t.Fatalf("new draft: complete %v status %s", d.Complete, d.Status)
		}
		tests := []struct {
			name  string
			edit  func(*lightbulb.Decision)
			field string
		}{
			{"another organisation's service", func(d *lightbulb.Decision) { d.ServiceID = f.homeB.ID }, "service"},
			{"unknown right", func(d *lightbulb.Decision) { d.Reasoning.Rights = []string{"A8", "A99"} }, "rights"},
			{"review date in the past", func(d *lightbulb.Decision) { d.Reasoning.ReviewDate = lightbulb.AddDays(f.today, -1) }, "review_date"},
			{"not a date", func(d *lightbulb.Decision) { d.Reasoning.Date = "31/02/2026" }, "date"},
			{"aim not in the list", func(d *lightbulb.Decision) {
				d.Reasoning.Rights = []string{"A8"}
				d.Reasoning.Tests = []lightbulb.RightTest{{Code: "A8", Aim: "convenience"}}
			}, "aim-A8"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				bad := *d
				bad.Reasoning = lightbulb.Reasoning{Proposal: "Lock the door"}
				tt.edit(&bad)
				err := f.svc.SaveDraft(f.ctxA, &bad)
				v, ok := err.(*lightbulb.ValidationErrors)
				if !ok || v.List[0].Field != tt.field {
					t.Fatalf("got %v, want an error on %s", err, tt.field)
				}
				got, _ := f.svc.FindDecision(f.ctxA, d.ID)
				if got.ServiceID != f.wardA.ID || got.Reasoning.Proposal != "Lock the door" || len(got.Reasoning.Rights) != 0 {
					t.Fatalf("refused save changed the draft: %+v", got)
				}
			})
		}
		// Another organisation cannot see, change or decide it.
		if _, err := f.svc.FindDecision(f.ctxB, d.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("B finds A's decision: %v", err)
		}
		steal := *d
		steal.ServiceID = f.homeB.ID
		if err := f.svc.SaveDraft(f.ctxB, &steal); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("B saves A's decision: %v", err)
		}
		if _, err := f.svc.MarkDecided(f.ctxB, d.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("B decides A's decision: %v", err)
		}
		// A draft with gaps cannot be decided.
		if _, err := f.svc.MarkDecided(f.ctxA, d.ID); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("deciding a draft with gaps: %v", err)
		}
		// An absolute right "justified" is saved as a draft but never decided.
		abs := completeA8(f.today)
		abs.Rights = []string{"A3", "A8"}
		abs.Tests = append(abs.Tests, lightbulb.RightTest{Code: "A3", Restricts: "yes"})
		d.Reasoning = abs
		if err := f.svc.SaveDraft(f.ctxA, d); err != nil || d.Complete {
			t.Fatalf("absolute right draft: complete %v err %v", d.Complete, err)
		}
		if _, err := f.svc.MarkDecided(f.ctxA, d.ID); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("deciding a restriction of an absolute right: %v", err)
		}
	})
}

func TestDecisionLifecycle(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newDecisionFixture(t, db)
		d := &lightbulb.Decision{ServiceID: f.wardA.ID, Reasoning: completeA8(f.today)}
		if err := f.svc.CreateDecision(f.ctxA, d); err != nil || !d.Complete {
			t.Fatalf("create complete: %v complete %v", err, d.Complete)
		}
		got, err := f.svc.MarkDecided(f.ctxA, d.ID)
		if err != nil || got.Status != lightbulb.StatusInForce || got.Version != 1 {
			t.Fatalf("decide: %+v %v", got, err)
		}
		if err := f.svc.SaveDraft(f.ctxA, got); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("editing a decision in force: %v", err)
		}
		// Review refusals leave it as it was.
		for _, rv := range []lightbulb.DecisionReview{
			{Note: "", Outcome: lightbulb.ReviewContinue, ReviewDate: lightbulb.AddDays(f.today, 10)},
			{Note: "Same", Outcome: "maybe"},
			{Note: "Same", Outcome: lightbulb.ReviewContinue, ReviewDate: lightbulb.AddDays(f.today, -3)},
		} {
			if _, err := f.svc.ReviewDecision(f.ctxA, d.ID, rv); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
				t.Fatalf("review %+v: %v", rv, err)
			}
		}
		next := lightbulb.AddDays(f.today, 60)
		got, err = f.svc.ReviewDecision(f.ctxA, d.ID, lightbulb.DecisionReview{Note: "Still tired after visits", Outcome: lightbulb.ReviewContinue, ReviewDate: next})
		if err != nil || got.Version != 2 || got.Reasoning.ReviewDate != next || got.Status != lightbulb.StatusInForce {
			t.Fatalf("continue: %+v %v", got, err)
		}
		got, err = f.svc.ReviewDecision(f.ctxA, d.ID, lightbulb.DecisionReview{Note: "She is stronger now", Outcome: lightbulb.ReviewChange})
		if err != nil || got.Status != lightbulb.StatusDraft {
			t.Fatalf("change: %+v %v", got, err)
		}
		got.Reasoning.Tests[0].Proportionate = "Three hours now"
		if err := f.svc.SaveDraft(f.ctxA, got); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.MarkDecided(f.ctxA, d.ID); err != nil {
			t.Fatal(err)
		}
		got, err = f.svc.ReviewDecision(f.ctxA, d.ID, lightbulb.DecisionReview{Note: "Discharged home", Outcome: lightbulb.ReviewEnd})
		if err != nil || got.Status != lightbulb.StatusEnded {
			t.Fatalf("end: %+v %v", got, err)
		}
		if err := f.svc.SaveDraft(f.ctxA, got); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("editing an ended decision: %v", err)
		}
		if _, err := f.svc.ReviewDecision(f.ctxA, d.ID, lightbulb.DecisionReview{Note: "x", Outcome: lightbulb.ReviewEnd}); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("reviewing an ended decision: %v", err)
		}
		vs, err := f.svc.Versions(f.ctxA, d.ID)
		if err != nil || len(vs) != 5 {
			t.Fatalf("versions = %d, %v", len(vs), err)
		}
		if vs[0].Outcome != lightbulb.ReviewEnd || vs[2].Note != "She is stronger now" || vs[4].Kind != "decided" ||
			vs[4].Reasoning.ReviewDate != completeA8(f.today).ReviewDate || vs[1].Reasoning.Tests[0].Proportionate != "Three hours now" ||
			vs[4].Reasoning.Tests[0].Proportionate != "Two hours keeps contact daily" || vs[0].ActorName != "Nurse A" {
			t.Fatalf("versions do not keep the history: %+v", vs)
		}
		if vs, err := f.svc.Versions(f.ctxB, d.ID); err != nil || len(vs) != 0 {
			t.Fatalf("B reads A's versions: %d %v", len(vs), err)
		}
	})
}

func TestDecisionRegisterFilters(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newDecisionFixture(t, db)
		ward2 := &lightbulb.Unit{Name: "Ward 2"}
		if err := f.units.CreateUnit(f.ctxA, ward2); err != nil {
			t.Fatal(err)
		}
		mk := func(svc int64, r lightbulb.Reasoning, decide bool) int64 {
			d := &lightbulb.Decision{ServiceID: svc, Reasoning: r}
			if err := f.svc.CreateDecision(f.ctxA, d); err != nil {
				t.Fatal(err)
			}
			if decide {
				if _, err := f.svc.MarkDecided(f.ctxA, d.ID); err != nil {
					t.Fatal(err)
				}
			}
			return d.ID
		}
		soon := completeA8(f.today)
		soon.ReviewDate = lightbulb.AddDays(f.today, 3)
		blanket := completeA8(f.today)
		blanket.Scope, blanket.BlanketWhy = lightbulb.ScopeEveryone, "Fire exit"
		liberty := completeA8(f.today)
		liberty.Rights = []string{"A5"}
		liberty.Tests = []lightbulb.RightTest{{Code: "A5", Restricts: "yes", PermittedCase: "5(1)(e)", LegalBasis: "MHA s3",
			Necessary: "n", LessRestrictive: "l", Proportionate: "p"}}
		idSoon := mk(f.wardA.ID, soon, true)
		idBlanket := mk(ward2.ID, blanket, true)
		idLiberty := mk(f.wardA.ID, liberty, true)
		idDraft := mk(f.wardA.ID, lightbulb.Reasoning{Proposal: "Draft"}, false)
		// An overdue review: decided earlier, when the date was still ahead.
		real := lightbulb.Now
		lightbulb.Now = func() time.Time { return real().AddDate(0, 0, -20) }
		old := completeA8(lightbulb.Today(lightbulb.Now()))
		old.ReviewDate = lightbulb.AddDays(f.today, -2)
		idOverdue := mk(ward2.ID, old, true)
		lightbulb.Now = real
		mkB := &lightbulb.Decision{ServiceID: f.homeB.ID, Reasoning: completeA8(f.today)}
		if err := f.svc.CreateDecision(f.ctxB, mkB); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			f    lightbulb.DecisionFilter
			want []int64
		}{
			{"all, soonest review first, newest first on a tie, drafts last", lightbulb.DecisionFilter{}, []int64{idOverdue, idSoon, idLiberty, idBlanket, idDraft}},
			{"by right", lightbulb.DecisionFilter{Right: "a5"}, []int64{idLiberty}},
			{"drafts", lightbulb.DecisionFilter{Status: lightbulb.StatusDraft}, []int64{idDraft}},
			{"by service", lightbulb.DecisionFilter{ServiceID: ward2.ID}, []int64{idOverdue, idBlanket}},
			{"blanket rules", lightbulb.DecisionFilter{Blanket: true}, []int64{idBlanket}},
			{"review due", lightbulb.DecisionFilter{Review: "due", Today: f.today}, []int64{idOverdue, idSoon}},
			{"review overdue", lightbulb.DecisionFilter{Review: "overdue", Today: f.today}, []int64{idOverdue}},
		}
		for _, tt := range tests {
			ds, err := f.svc.FindDecisions(f.ctxA, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, d := range ds {
				got = append(got, d.ID)
			}
			if len(got) != len(tt.want) {
				t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
				continue
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
					break
				}
			}
		}
		// Reminders: due soon and overdue, each once only, across organisations.
		due, err := f.svc.DueReminders(context.Background(), lightbulb.AddDays(f.today, lightbulb.DueSoonDays))
		if err != nil || len(due) != 2 || due[0].ID != idOverdue || due[0].OwnerMail != "nurse@a.test" {
			t.Fatalf("due reminders = %d %v", len(due), err)
		}
		for i, want := range []int{2, 0} {
			if n, err := f.svc.SendReminders(context.Background(), "https://lb.test"); err != nil || n != want {
				t.Fatalf("send reminders #%d = %d %v, want %d", i, n, err, want)
			}
		}
		due, _ = f.svc.DueReminders(context.Background(), lightbulb.AddDays(f.today, lightbulb.DueSoonDays))
		if len(due) != 0 {
			t.Fatalf("after reminding, still due = %+v", due)
		}
		ms, err := sqldb.NewMailService(db).FindMail(context.Background(), 10)
		if err != nil || len(ms) != 2 || ms[1].To != "nurse@a.test" || ms[1].Status != lightbulb.MailQueued {
			t.Fatalf("reminder mail: %v %+v", err, ms)
		}
	})
}

// BenchmarkDecisionRegister times the register's query, filtered by right,
// over 2,000 decisions of one organisation (a large trust's year).
func BenchmarkDecisionRegister(b *testing.B) {
	db := sqldbtest.MustOpen(b)
	a := sqldbtest.MustOrg(b, db, "trust-a", lightbulb.KindNHSTrust)
	u := sqldbtest.MustUser(b, db, "nurse@a.test", a, lightbulb.RoleStaff)
	sqldbtest.MustRight(b, db, "A8", lightbulb.Qualified)
	sqldbtest.MustRight(b, db, "A5", lightbulb.Limited)
	svc := sqldb.NewDecisionService(db)
	ctx := lightbulb.WithActor(lightbulb.WithOrg(context.Background(), a.ID), &lightbulb.Actor{UserID: u.ID})
	ward := &lightbulb.Unit{Name: "Ward"}
	if err := sqldb.NewUnitService(db).CreateUnit(ctx, ward); err != nil {
		b.Fatal(err)
	}
	today := lightbulb.Today(lightbulb.Now())
	for i := 0; i < 2000; i++ {
		r := completeA8(today)
		if i%4 == 0 {
			r.Rights = []string{"A5"}
			r.Tests = []lightbulb.RightTest{{Code: "A5", Restricts: "no"}}
		}
		if err := svc.CreateDecision(ctx, &lightbulb.Decision{ServiceID: ward.ID, Reasoning: r}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ds, err := svc.FindDecisions(ctx, lightbulb.DecisionFilter{Right: "A5"})
		if err != nil || len(ds) != 500 {
			b.Fatalf("%d decisions, %v", len(ds), err)
		}
	}
}
