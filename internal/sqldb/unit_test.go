package sqldb_test

import (
	"context"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

func TestUnitKey(t *testing.T) {
	for _, c := range [][2]string{
		{"Ward 7 (older people’s mental health)", "ward 7 (older people's mental health)"},
		{"  ward 7  (Older  People's mental health) ", "ward 7 (older people's mental health)"},
		{"Ty\u00a0Gwyn", "ty gwyn"},
	} {
		if got := lightbulb.UnitKey(c[0]); got != c[1] {
			t.Errorf("UnitKey(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestUnits adds units, refuses one typed differently but the same, keeps
// members within the organisation and matches old reviews by name.
func TestUnits(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		rs := seedTestFramework(t, db)
		us := sqldb.NewUnitService(db)
		a := sqldbtest.MustOrg(t, db, "trust-a", lightbulb.KindNHSTrust)
		b := sqldbtest.MustOrg(t, db, "care-b", lightbulb.KindCareProvider)
		lead := sqldbtest.MustUser(t, db, "lead@a.test", a, lightbulb.RoleLead)
		nurse := sqldbtest.MustUser(t, db, "nurse@a.test", a, lightbulb.RoleStaff)
		carer := sqldbtest.MustUser(t, db, "carer@b.test", b, lightbulb.RoleStaff)
		ctxA, ctxB := actorCtx(a, lead), actorCtx(b, carer)

		// Reviews typed before the list: two spellings of Ward 7, one other.
		// (Made on a unit, then turned back into free text as they were.)
		old := sqldbtest.MustUnit(t, db, a, "Old")
		for _, s := range []string{"Ward 7 (older people’s mental health)", "ward 7  (older people's mental health)", "Day hospital"} {
			r := &lightbulb.Review{UnitID: old.ID, PeriodStart: day(2026, 1, 1), PeriodEnd: day(2026, 3, 31)}
			if err := rs.CreateReview(ctxA, r); err != nil {
				t.Fatal(err)
			}
			if _, err := db.Writer().Exec(`UPDATE reviews SET unit_id = NULL, subject = $1 WHERE id = $2`, s, r.ID); err != nil {
				t.Fatal(err)
			}
		}
		if err := rs.CreateReview(ctxA, &lightbulb.Review{Subject: "Nowhere", PeriodStart: day(2026, 1, 1), PeriodEnd: day(2026, 3, 31)}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("a new review of a service not on the list: %v", err)
		}
		if got, _ := us.UnmatchedSubjects(ctxA); len(got) != 3 {
			t.Fatalf("unmatched before the list = %+v", got)
		}
		w7 := &lightbulb.Unit{Name: "  Ward 7 (Older people’s mental health) "}
		if err := us.CreateUnit(ctxA, w7); err != nil || w7.Name != "Ward 7 (Older people’s mental health)" {
			t.Fatalf("create unit: %q %v", w7.Name, err)
		}
		if err := us.CreateUnit(ctxA, &lightbulb.Unit{Name: "ward 7 (older people's mental health)"}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("same name, straight apostrophe: %v", err)
		}
		if err := us.CreateUnit(ctxA, &lightbulb.Unit{Name: " "}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("blank name: %v", err)
		}
		// Adding the unit matched both spellings; Day hospital waits for a lead.
		left, err := us.UnmatchedSubjects(ctxA)
		if err != nil || len(left) != 1 || left[0].Subject != "Day hospital" || left[0].Reviews != 1 {
			t.Fatalf("unmatched after adding Ward 7 = %+v, %v", left, err)
		}
		if _, err := us.MatchSubject(ctxB, "Day hospital", w7.ID); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("B matches A's reviews to A's unit: %v", err)
		}
		dh := &lightbulb.Unit{Name: "Day Hospital (Ward 7)"}
		if err := us.CreateUnit(ctxA, dh); err != nil {
			t.Fatal(err)
		}
		if n, err := us.MatchSubject(ctxA, "Day hospital", dh.ID); err != nil || n != 1 {
			t.Fatalf("match by hand: %d, %v", n, err)
		}
		if left, _ := us.UnmatchedSubjects(ctxA); len(left) != 0 {
			t.Fatalf("still unmatched: %+v", left)
		}
		// A new review typed with a straight apostrophe joins Ward 7.
		again := &lightbulb.Review{Subject: "ward 7 (older people's mental health)", PeriodStart: day(2026, 4, 1), PeriodEnd: day(2026, 6, 30)}
		if err := rs.CreateReview(ctxA, again); err != nil || again.UnitID != w7.ID || again.Subject != w7.Name {
			t.Fatalf("straight apostrophe: unit %d %q, %v", again.UnitID, again.Subject, err)
		}
		if n, err := us.MatchAllReviews(context.Background()); err != nil || n != 0 {
			t.Fatalf("match all again: %d, %v", n, err)
		}

		// Members: a lead adds the nurse; B's person cannot join A's unit.
		if err := us.AddMember(ctxA, w7.ID, nurse.ID); err != nil {
			t.Fatal(err)
		}
		if err := us.AddMember(ctxA, w7.ID, nurse.ID); err != nil {
			t.Fatalf("adding twice: %v", err)
		}
		if err := us.AddMember(ctxA, w7.ID, carer.ID); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("B's carer in A's unit: %v", err)
		}
		if err := us.SetOwnUnits(ctxB, []int64{w7.ID}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("B's carer chooses A's unit: %v", err)
		}
		ms, err := us.Members(ctxA, w7.ID)
		if err != nil || len(ms) != 1 || ms[0].UserID != nurse.ID || ms[0].AddedBy != lead.Name {
			t.Fatalf("members = %+v, %v", ms, err)
		}
		if ms, _ := us.Members(ctxB, w7.ID); len(ms) != 0 {
			t.Fatalf("B reads A's members: %+v", ms)
		}
		// The nurse chooses her own units: the day hospital instead.
		nctx := actorCtx(a, nurse)
		if err := us.SetOwnUnits(nctx, []int64{dh.ID}); err != nil {
			t.Fatal(err)
		}
		got, err := us.UnitsOf(ctxA, nurse.ID)
		if err != nil || len(got) != 1 || got[0].ID != dh.ID {
			t.Fatalf("units of the nurse = %+v, %v", got, err)
		}
		all, _ := us.FindUnits(ctxA)
		if len(all) != 3 || all[0].Members != 1 || all[2].Members != 0 {
			t.Fatalf("units with counts = %+v", all)
		}
		if err := us.RemoveMember(ctxA, dh.ID, nurse.ID); err != nil {
			t.Fatal(err)
		}
		if err := us.RemoveMember(ctxA, dh.ID, nurse.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("removing twice: %v", err)
		}
	})
}
