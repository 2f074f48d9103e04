package sqldb_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// gridText writes a roll-up as one line per subject: the subject, its
// latest review's counts by theme (green/amber/red/na/unrated) and how many
// earlier rounds it has, so a test compares whole grids.
func gridText(grid []lightbulb.GridRow) string {
	var b strings.Builder
	for _, g := range grid {
		fmt.Fprintf(&b, "%s:", g.Subject)
		for _, c := range g.Themes {
			fmt.Fprintf(&b, " %s %d/%d/%d/%d/%d", c.Theme, c.Green, c.Amber, c.Red, c.NA, c.Unrated)
		}
		fmt.Fprintf(&b, " +%d;", len(g.Earlier))
	}
	return b.String()
}

// Each process keeps an organisation's roll-up in memory, and what another
// process does to the reviews it counts is seen on the next read: a review
// submitted, its agreed ratings changed, its unit renamed, the framework's
// statements moved between themes, a review deleted, the lead erased; a
// share started or stopped reaches the commissioner at once.
func TestRollupCacheSeesChangesFromAnotherProcess(t *testing.T) {
	twoProcesses(t, func(t *testing.T, a, b *sqldb.DB) {
		ra, rb := seedTestFramework(t, a), sqldb.NewReviewService(b)
		org := sqldbtest.MustOrg(t, a, "trust-a", lightbulb.KindNHSTrust)
		icb := sqldbtest.MustOrg(t, a, "icb", lightbulb.KindCommissioner)
		lead := sqldbtest.MustUser(t, a, "lead@example.org", org, lightbulb.RoleLead)
		unit := sqldbtest.MustUnit(t, a, org, "Ward 1")
		ctx, ictx := actorCtx(org, lead), lightbulb.WithOrg(context.Background(), icb.ID)
		want := func(step, text string) {
			t.Helper()
			grid, err := rb.Rollup(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got := gridText(grid); got != text {
				t.Fatalf("%s: the other process's roll-up is\n%s\nwant\n%s", step, got, text)
			}
		}
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := a.Writer().ExecContext(ctx, q, args...); err != nil {
				t.Fatal(err)
			}
		}
		submit := func(start, end int, before string) int64 {
			t.Helper()
			r := &lightbulb.Review{Subject: "Ward 1", PeriodStart: day(2026, start, 1), PeriodEnd: day(2026, end, 28)}
			if err := ra.CreateReview(ctx, r); err != nil {
				t.Fatal(err)
			}
			if err := ra.SaveFinals(ctx, r.ID, []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Green}, {Code: "K2", Rating: lightbulb.Green},
				{Code: "D1", Rating: lightbulb.Red, Evidence: "Curtains"}, {Code: "D2", Rating: lightbulb.NotApplicable}}); err != nil {
				t.Fatal(err)
			}
			want("a review rated but not submitted", before)
			if err := ra.SubmitReview(ctx, r.ID); err != nil {
				t.Fatal(err)
			}
			return r.ID
		}

		want("no reviews", "") // b's cache filled
		first := submit(1, 3, "")
		want("a review submitted", "Ward 1: Knowing 2/0/0/0/0 Dignity 0/0/1/1/0 +0;")
		second := submit(4, 6, "Ward 1: Knowing 2/0/0/0/0 Dignity 0/0/1/1/0 +0;")
		want("a second round", "Ward 1: Knowing 2/0/0/0/0 Dignity 0/0/1/1/0 +1;")

		exec(`UPDATE review_finals SET rating = 'amber' WHERE review_id = $1 AND code = 'K1'`, second)
		want("a rating changed", "Ward 1: Knowing 1/1/0/0/0 Dignity 0/0/1/1/0 +1;")
		exec(`UPDATE services SET name = 'Ward One' WHERE id = $1`, unit.ID)
		exec(`UPDATE reviews SET subject = 'Ward One' WHERE unit_id = $1`, unit.ID)
		want("a unit renamed", "Ward One: Knowing 1/1/0/0/0 Dignity 0/0/1/1/0 +1;")
		exec(`UPDATE review_statements SET theme = 'Dignity' WHERE code = 'K2'`)
		want("a statement moved to another theme", "Ward One: Knowing 0/1/0/0/0 Dignity 1/0/1/1/0 +1;")
		exec(`UPDATE review_statements SET theme = 'Knowing' WHERE code = 'K2'`)

		if _, _, err := rb.SharedRollup(ictx, org.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("before sharing: %v, want ENOTFOUND", err)
		}
		sh, err := ra.ShareRollup(ctx, icb.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, grid, err := rb.SharedRollup(ictx, org.ID); err != nil || gridText(grid) != "Ward One: Knowing 1/1/0/0/0 Dignity 0/0/1/1/0 +1;" {
			t.Fatalf("shared in the other process: %s, %v", gridText(grid), err)
		}
		if _, err := ra.RevokeShare(ctx, sh.ID); err != nil {
			t.Fatal(err)
		}
		if _, _, err := rb.SharedRollup(ictx, org.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("after the share was stopped in the other process: %v, want ENOTFOUND", err)
		}

		if _, err := sqldb.NewPrivacyService(a).ErasePerson(ctx, lightbulb.Subject{UserID: lead.ID}); err != nil {
			t.Fatal(err)
		}
		want("the lead erased: ratings stay", "Ward One: Knowing 1/1/0/0/0 Dignity 0/0/1/1/0 +1;")
		for _, q := range []string{`DELETE FROM review_finals WHERE review_id = $1`, `DELETE FROM reviews WHERE id = $1`} {
			exec(q, second)
		}
		want("the later review deleted", "Ward One: Knowing 2/0/0/0/0 Dignity 0/0/1/1/0 +0;")

		// What a caller is given is shared: the cache must hand the same
		// rows out again, so a read after a read changes nothing.
		grid, _ := rb.Rollup(ctx)
		if again, _ := rb.Rollup(ctx); len(grid) != 1 || len(again) != 1 || &grid[0] != &again[0] || grid[0].ReviewID != first {
			t.Fatalf("a second read without a change was built again: %+v %+v", grid, again)
		}
	})
}
