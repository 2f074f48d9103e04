package sqldb_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// An organisation's stored indicators are kept in memory by each process,
// and whatever changes them through another process (the nightly
// computation and count, a lead's target or change, a renamed unit) is
// seen by the next read.
func TestIndicatorCacheSeesChangesFromAnotherProcess(t *testing.T) {
	twoProcesses(t, func(t *testing.T, a, b *sqldb.DB) {
		org := sqldbtest.MustOrg(t, a, "northbridge", lightbulb.KindNHSTrust)
		unit := sqldbtest.MustUnit(t, a, org, "Ward 1")
		ctx := lightbulb.WithOrg(context.Background(), org.ID)
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := a.Writer().ExecContext(ctx, q, args...); err != nil {
				t.Fatal(err)
			}
		}
		exec(`INSERT INTO indicator_values (org_id, indicator, service_id, month, numerator, denominator, value)
			VALUES ($1, 'cases.reviewed', 0, '2026-03', 1, 4, 25), ($1, 'cases.reviewed', $2, '2026-03', 1, 4, 25)`, org.ID, unit.ID)
		ia, ib := sqldb.NewIndicatorService(a), sqldb.NewIndicatorService(b)
		read := func() ([]lightbulb.IndicatorValue, map[string]lightbulb.IndicatorTarget, []lightbulb.IndicatorChange, map[string]string) {
			t.Helper()
			vs, err1 := ib.IndicatorValues(ctx, []string{"cases.reviewed"}, "2026-01", "2026-03", true)
			ts, err2 := ib.IndicatorTargets(ctx)
			cs, err3 := ib.IndicatorChanges(ctx)
			since, err4 := ib.StateCountedSince(ctx)
			for _, err := range []error{err1, err2, err3, err4} {
				if err != nil {
					t.Fatal(err)
				}
			}
			return vs, ts, cs, since
		}
		vs, ts, cs, since := read() // b's cache filled
		if len(vs) != 2 || vs[1].ServiceName != "Ward 1" || vs[0].Value != 25 || len(ts) != 0 || len(cs) != 0 || len(since) != 0 {
			t.Fatalf("before any change: %+v %+v %+v %+v", vs, ts, cs, since)
		}

		exec(`UPDATE indicator_values SET value = 50, numerator = 2 WHERE org_id = $1`, org.ID)
		if vs, _, _, _ := read(); vs[0].Value != 50 {
			t.Fatalf("a recomputed month: %+v", vs)
		}
		if err := ia.SetIndicatorTarget(ctx, "cases.reviewed", 80, false, "Lead"); err != nil {
			t.Fatal(err)
		}
		if _, ts, _, _ := read(); ts["cases.reviewed"].Target != 80 {
			t.Fatalf("a target set in the other process: %+v", ts)
		}
		last := lightbulb.LastEndedMonth(lightbulb.Now())
		if err := ia.MarkIndicatorChange(ctx, lightbulb.IndicatorChange{Indicator: "cases.reviewed", Month: last, Reason: "New process", SetBy: "Lead"}); err != nil {
			t.Fatal(err)
		}
		if _, _, cs, _ := read(); len(cs) != 1 || cs[0].Reason != "New process" {
			t.Fatalf("a change marked in the other process: %+v", cs)
		}
		exec(`INSERT INTO indicator_state_days (org_id, indicator, day, counted_at) VALUES ($1, 'decisions.overdue', '2026-03-31', $2)`,
			org.ID, time.Now().UTC())
		if _, _, _, since := read(); since["decisions.overdue"] != "2026-03-31" {
			t.Fatalf("a night's count in the other process: %+v", since)
		}
		exec(`UPDATE services SET name = 'Ward One' WHERE id = $1`, unit.ID)
		vs, _, _, _ = read()
		if vs[1].ServiceName != "Ward One" {
			t.Fatalf("a renamed unit: %+v", vs)
		}

		// What a caller is given is its own: changing it changes nothing cached.
		vs[0].Value = -1
		if again, _, _, _ := read(); again[0].Value != 50 {
			t.Fatalf("a caller's change reached the cache: %+v", again)
		}
		// Each organisation reads only its own.
		other := sqldbtest.MustOrg(t, a, "elsewhere", lightbulb.KindNHSTrust)
		octx := lightbulb.WithOrg(context.Background(), other.ID)
		if vs, err := ib.IndicatorValues(octx, []string{"cases.reviewed"}, "2026-01", "2026-03", true); err != nil || len(vs) != 0 {
			t.Fatalf("another organisation reads %+v %v", vs, err)
		}
	})
}

// What a page makes of the stored indicators (FromIndicators) is kept per
// process and organisation and made again once another process changes
// them.
func TestFromIndicatorsIsMadeAgainAfterAChangeInAnotherProcess(t *testing.T) {
	twoProcesses(t, func(t *testing.T, a, b *sqldb.DB) {
		org := sqldbtest.MustOrg(t, a, "northbridge", lightbulb.KindNHSTrust)
		ctx := lightbulb.WithOrg(context.Background(), org.ID)
		if _, err := a.Writer().ExecContext(ctx, `INSERT INTO indicator_values (org_id, indicator, service_id, month, numerator, denominator, value)
			VALUES ($1, 'cases.reviewed', 0, '2026-03', 1, 4, 25)`, org.ID); err != nil {
			t.Fatal(err)
		}
		ia, ib := sqldb.NewIndicatorService(a), sqldb.NewIndicatorService(b)
		builds := 0
		made := func(ctx context.Context, key string) string {
			t.Helper()
			v, err := ib.FromIndicators(ctx, key, func(ctx context.Context) (any, error) {
				builds++
				vs, err := ib.IndicatorValues(ctx, []string{"cases.reviewed"}, "2026-01", "2026-03", false)
				if err != nil {
					return nil, err
				}
				ts, err := ib.IndicatorTargets(ctx)
				return fmt.Sprint(len(vs), " ", vs, " ", ts["cases.reviewed"].Target), err
			})
			if err != nil {
				t.Fatal(err)
			}
			return v.(string)
		}
		first := made(ctx, "k")
		if again := made(ctx, "k"); again != first || builds != 1 {
			t.Fatalf("kept: %q then %q, %d builds", first, again, builds)
		}
		if _, err := a.Writer().ExecContext(ctx, `UPDATE indicator_values SET value = 50 WHERE org_id = $1`, org.ID); err != nil {
			t.Fatal(err)
		}
		if got := made(ctx, "k"); !strings.Contains(got, " 50}") || builds != 2 {
			t.Fatalf("after a recomputed month in the other process: %q, %d builds", got, builds)
		}
		if err := ia.SetIndicatorTarget(ctx, "cases.reviewed", 80, false, "Lead"); err != nil {
			t.Fatal(err)
		}
		if got := made(ctx, "k"); !strings.HasSuffix(got, " 80") || builds != 3 {
			t.Fatalf("after a target set in the other process: %q, %d builds", got, builds)
		}
		made(ctx, "another")
		other := lightbulb.WithOrg(context.Background(), sqldbtest.MustOrg(t, a, "elsewhere", lightbulb.KindNHSTrust).ID)
		if got := made(other, "k"); !strings.HasPrefix(got, "0 ") || builds != 5 {
			t.Fatalf("another key and another organisation are their own: %q, %d builds", got, builds)
		}
	})
}
