package cli_test

import (
	"regexp"
	"strconv"
	"sync"
	"testing"
)

// TestMigrateAtOnce starts several `lightbulb migrate` runs on one fresh
// database at the same moment, as several `serve` processes starting
// together do: each must succeed, and the schema and the rights library
// must be created once between them.
func TestMigrateAtOnce(t *testing.T) {
	db := dbURL(t)
	const procs = 4
	outs := make([]string, procs)
	errs := make([]error, procs)
	var wg sync.WaitGroup
	for i := range procs {
		wg.Go(func() { outs[i], errs[i] = run(t, db, "migrate") })
	}
	wg.Wait()
	counts := regexp.MustCompile(`\((\d+) migrations applied now; (\d+) rights added`)
	rights := 0
	for i := range procs {
		m := counts.FindStringSubmatch(outs[i])
		if errs[i] != nil || m == nil {
			t.Fatalf("migrate %d of %d: %v\n%s", i+1, procs, errs[i], outs[i])
		}
		n, _ := strconv.Atoi(m[2])
		rights += n
	}
	if rights != 16 {
		t.Errorf("the runs added %d rights between them, want the library's 16 once:\n%q", rights, outs)
	}
}
