package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"testing"

	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// benchSeedCases adds LIGHTBULB_BENCH_CASES synthetic cases (none when it
// is unset) to the demo's Northbridge, as `lightbulb bench cases --org
// northbridge-nhs` does, so the in-process page benchmarks can run at the
// scale the case pages' targets name (2.5 million: about a minute).
func benchSeedCases(ctx context.Context, db *sqldb.DB, dbURL string) error {
	v := os.Getenv("LIGHTBULB_BENCH_CASES")
	if v == "" {
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return fmt.Errorf("LIGHTBULB_BENCH_CASES=%q: want a number of cases", v)
	}
	octx, err := benchOrg(ctx, db, "northbridge-nhs")
	if err != nil {
		return err
	}
	return benchCases(octx, db, dbURL, benchSizes{rows: n, batch: 50000, sample: min(n, 20000), review: min(n, 2000)}, io.Discard)
}

// BenchmarkCasePages serves the case pages from the demo data (and
// LIGHTBULB_BENCH_CASES more cases), signed in as its lead, 64 at once on
// two cores, as BenchmarkDemoPages does:
//
//	LIGHTBULB_BENCH_CASES=2500000 go test ./internal/cli -run '^$' -bench CasePages -benchtime 2000x
func BenchmarkCasePages(b *testing.B) {
	h, cookie := demoServer(b)
	for _, path := range []string{"/cases", "/cases?type=incident&status=open", "/cases/indicators", "/cases/indicators?from=2025-01&to=2025-12"} {
		b.Run(path, func(b *testing.B) { benchPage(b, h, cookie, path) })
	}
}
