package sqldb_test

import (
	"context"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestIndicatorSharing: A shares with a commissioner (not with B, a care
// provider, nor twice); the commissioner reads A's values and never B's;
// after A stops, it reads nothing.
func TestIndicatorSharing(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f, cs := newCaseFixture(t, db)
		icb := sqldbtest.MustOrg(t, db, "icb", lightbulb.KindCommissioner)
		icbCtx := lightbulb.WithOrg(context.Background(), icb.ID)
		is := sqldb.NewIndicatorService(db)
		if err := cs.CreateCase(f.ctxA, &lightbulb.Case{Type: lightbulb.CaseComplaint, SourceRef: "C-1", Received: "2026-03-02", ServiceID: f.wardA.ID, Summary: "Visiting stopped"}); err != nil {
			t.Fatal(err)
		}
		for _, ctx := range []context.Context{f.ctxA, f.ctxB} {
			if _, err := is.ComputeMonths(ctx, "2026-03", "2026-03"); err != nil {
				t.Fatal(err)
			}
		}
		vs, err := is.IndicatorViewers(f.ctxA)
		if err != nil || len(vs) != 1 || vs[0].ID != icb.ID {
			t.Fatalf("viewers: %+v %v", vs, err)
		}
		borg, _ := lightbulb.OrgFrom(f.ctxB)
		if err := is.ShareIndicators(f.ctxA, borg, "Lead A"); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("sharing with a care provider: %v", err)
		}
		if err := is.ShareIndicators(f.ctxA, icb.ID, "Lead A"); err != nil {
			t.Fatal(err)
		}
		if err := is.ShareIndicators(f.ctxA, icb.ID, "Lead A"); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("sharing twice: %v", err)
		}
		got, err := is.SharedIndicatorValues(icbCtx, []string{"cases.reviewed", "training.attended"}, "2026-01", "2026-12")
		aorg, _ := lightbulb.OrgFrom(f.ctxA)
		if err != nil || len(got) != 2 || got[0].OrgID != aorg || got[0].Indicator != "cases.reviewed" || got[0].Denominator != 1 {
			t.Fatalf("shared values: %+v %v", got, err)
		}
		if got, _ := is.SharedIndicatorValues(f.ctxB, []string{"cases.reviewed"}, "2026-01", "2026-12"); len(got) != 0 {
			t.Fatalf("B reads values nobody shared with it: %+v", got)
		}
		if err := is.StopSharingIndicators(f.ctxB, icb.ID, "Lead B"); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("B stops A's share: %v", err)
		}
		if err := is.StopSharingIndicators(f.ctxA, icb.ID, "Lead A"); err != nil {
			t.Fatal(err)
		}
		if got, _ := is.SharedIndicatorValues(icbCtx, []string{"cases.reviewed"}, "2026-01", "2026-12"); len(got) != 0 {
			t.Fatalf("read after sharing stopped: %+v", got)
		}
		shares, err := is.IndicatorShares(f.ctxA)
		if err != nil || len(shares) != 1 || shares[0].RevokedAt == nil || shares[0].RevokedBy != "Lead A" || shares[0].ViewerKind != lightbulb.KindCommissioner {
			t.Fatalf("shares: %+v %v", shares, err)
		}
	})
}
