package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/caseimport"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

const benchUsage = `Usage: lightbulb bench cases --rows N --db sqlite:PATH [--org SLUG] [--batch N] [--suggest N] [--review N]
Generates N synthetic cases as a CSV file, imports them through the CSV import
path (without suggestions), then suggests rights for a sample, reviews part of
it, and times the case list and indicator queries. Prints rows per second,
query times (median of 5) and the process's peak memory. The cases go to a new
organisation called bench, or with --org to an existing one (say the demo's
northbridge-nhs, so the load script can sign in and read them). The same
arguments on the same database give the same cases.`

var benchSummaries = []string{
	"Visiting was stopped for a week and the family were not told why.",
	"Patient left in a wet bed for several hours overnight.",
	"Call bell out of reach, patient fell trying to reach the toilet.",
	"Complaint about the car park charges and signage.",
	"Daughter says her mother was not asked before the ward moved her.",
	"Restraint used during personal care without a recorded reason.",
	"Waiting time for the clinic letter was longer than promised.",
	"Interpreter not booked so the patient could not take part in the meeting.",
	"Staff discussed the patient's diagnosis loudly in the bay.",
	"Medication given late on the evening round.",
	"Resident was locked in the garden area as a blanket rule.",
	"Food left out of reach and not eaten at lunchtime.",
}

func runBench(ctx context.Context, args []string, out, errw io.Writer) error {
	if len(args) > 0 && args[0] == "reference" {
		return runBenchReference(ctx, args[1:], out, errw)
	}
	if len(args) == 0 || args[0] != "cases" {
		fmt.Fprintln(errw, benchUsage)
		fmt.Fprintln(errw, referenceUsage)
		return errors.New("bench: say what to measure: cases, or reference to serve the load script's reference page")
	}
	fs := flag.NewFlagSet("lightbulb bench cases", flag.ContinueOnError)
	fs.SetOutput(errw)
	rows := fs.Int("rows", 100000, "cases to generate")
	dbURL := fs.String("db", "", "database (sqlite:PATH); it gains an organisation called bench")
	slug := fs.String("org", "bench", "the organisation to add the cases to; made if it is bench and missing")
	sample := fs.Int("suggest", 20000, "cases to compute suggestions for, timed apart")
	review := fs.Int("review", 2000, "cases to review, confirming their suggestions")
	batch := fs.Int("batch", 50000, "rows per transaction")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *dbURL == "" || *rows <= 0 {
		fmt.Fprintln(errw, benchUsage)
		return errors.New("bench cases: give --rows and --db")
	}
	db, err := open(ctx, caseConfig(*dbURL))
	if err != nil {
		return err
	}
	defer db.Close()
	octx, err := benchOrg(ctx, db, *slug)
	if err != nil {
		return err
	}
	return benchCases(octx, db, *dbURL, benchSizes{rows: *rows, batch: *batch, sample: *sample, review: *review}, out)
}

// benchOrg makes (once) the bench organisation, or finds the one named,
// and gives it wards "Ward 01" to "Ward 22".
func benchOrg(ctx context.Context, db *sqldb.DB, slug string) (context.Context, error) {
	orgs := sqldb.NewOrgService(db)
	o, err := orgs.FindOrgBySlug(ctx, slug)
	if lightbulb.ErrorCode(err) == lightbulb.ENOTFOUND && slug == "bench" {
		o = &lightbulb.Organisation{Slug: "bench", Name: "Bench Trust", Kind: lightbulb.KindNHSTrust}
		err = orgs.CreateOrg(ctx, o)
	}
	if err != nil {
		return nil, err
	}
	octx := lightbulb.WithActor(lightbulb.WithOrg(ctx, o.ID), &lightbulb.Actor{Name: "bench"})
	ds := sqldb.NewUnitService(db)
	have, err := ds.FindUnits(octx)
	if err != nil {
		return nil, err
	}
	// Ward 21 has no cases and ward 22 one old case: filtering on them
	// are the list's worst cases.
	for i := 1; i <= 22; i++ {
		name := fmt.Sprintf("Ward %02d", i)
		if slices.ContainsFunc(have, func(u *lightbulb.Unit) bool { return u.Name == name }) {
			continue
		}
		if err := ds.CreateUnit(octx, &lightbulb.Unit{Name: name}); err != nil {
			return nil, err
		}
	}
	return octx, nil
}

// benchCSV writes n synthetic cases, semicolon separated, as Datix might.
func benchCSV(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, "Ref;Type;Reported;Ward;Description;Harm;Status")
	types := []string{"Incident", "Incident", "Complaint", "PALS", "Safeguarding"}
	r := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		t := types[r.IntN(len(types))]
		harm := ""
		if t == "Incident" {
			harm = lightbulb.CaseHarms[r.IntN(4)]
		}
		fmt.Fprintf(w, "BN-%08d;%s;%s;Ward %02d;%s;%s;%s\n", i, t, start.AddDate(0, 0, r.IntN(730)).Format("02/01/2006"),
			r.IntN(20)+1, benchSummaries[r.IntN(len(benchSummaries))], harm, []string{"open", "closed"}[r.IntN(2)])
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// benchSizes says how much bench cases generates, stores at once, suggests
// for and reviews.
type benchSizes struct{ rows, batch, sample, review int }

func benchCases(ctx context.Context, db *sqldb.DB, dbURL string, n benchSizes, out io.Writer) error {
	rows := n.rows
	dir := filepath.Dir(filepath.Clean(strings.TrimPrefix(dbURL, "sqlite:")))
	if db.Dialect != sqldb.SQLite {
		dir = os.TempDir()
	}
	path := filepath.Join(dir, "bench-cases.csv")
	defer os.Remove(path)
	t0 := time.Now()
	if err := benchCSV(path, rows); err != nil {
		return err
	}
	fmt.Fprintf(out, "generated %d rows in %.1fs\n", rows, time.Since(t0).Seconds())
	cs := sqldb.NewCaseService(db, caseSuggest)
	services, err := caseServiceNames(ctx, cs)
	if err != nil {
		return err
	}
	m := caseimport.Mapping{"source_ref": "Ref", "type": "Type", "received": "Reported", "service": "Ward", "summary": "Description",
		"harm": "Harm", "status": "Status"}
	var checked time.Time
	job := caseimport.Job{Open: func() (io.ReadCloser, error) { return os.Open(path) }, Batch: n.batch,
		Options: caseimport.Options{Mapping: m, Services: services},
		Progress: func(stage string, _ int) {
			if stage == "checked" {
				checked = time.Now()
			}
		}}
	t0 = time.Now()
	rep, res, err := caseimport.Run(ctx, cs, job)
	if err != nil {
		return err
	}
	secs := time.Since(t0).Seconds()
	fmt.Fprintf(out, "import (check + store, no suggestions): %d rows in %.1fs = %.0f rows/s (%d added, %d updated, %d errors)\n",
		rep.Rows, secs, float64(rep.Rows)/secs, res.Created, res.Updated, rep.ErrorCount)
	check, store := checked.Sub(t0).Seconds(), time.Since(checked).Seconds()
	fmt.Fprintf(out, "  of which checking every row: %.1fs = %.0f rows/s; storing: %.1fs = %.0f rows/s\n",
		check, float64(rep.Rows)/check, store, float64(rep.Rows)/store)
	if err := benchSuggest(ctx, cs, path, job, n.sample, n.review, out); err != nil {
		return err
	}
	return benchQueries(ctx, cs, services, out)
}

// benchSuggest re-imports the first rows with suggestions, timed, and
// reviews some of them so the indicators have confirmed rights to count.
func benchSuggest(ctx context.Context, cs *sqldb.CaseService, path string, job caseimport.Job, sample, review int, out io.Writer) error {
	if sample <= 0 {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var batch []*lightbulb.Case
	_, err = caseimport.Read(f, job.Options, func(c *lightbulb.Case) error {
		if len(batch) < sample {
			batch = append(batch, c)
		}
		return nil
	})
	if err != nil {
		return err
	}
	t0 := time.Now()
	if _, err := cs.ImportCases(ctx, batch, true); err != nil {
		return err
	}
	secs := time.Since(t0).Seconds()
	fmt.Fprintf(out, "re-import with suggestions: %d rows in %.1fs = %.0f rows/s\n", len(batch), secs, float64(len(batch))/secs)
	t0 = time.Now()
	for _, c := range batch[:min(review, len(batch))] {
		full, err := cs.FindCase(ctx, c.ID)
		if err != nil {
			return err
		}
		rv := lightbulb.CaseReview{Verdicts: map[string]string{}, Freda: []string{"dignity"}}
		for _, r := range full.Rights {
			rv.Verdicts[r.Code] = "confirmed"
		}
		if _, err := cs.ReviewCase(ctx, c.ID, rv); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, "reviewed %d cases in %.1fs\n", min(review, len(batch)), time.Since(t0).Seconds())
	return nil
}

// benchQueries times the pages' queries, the median of five runs each.
func benchQueries(ctx context.Context, cs *sqldb.CaseService, services map[string]int64, out io.Writer) error {
	ward := services["ward 07"]
	old := &lightbulb.Case{Type: lightbulb.CaseComplaint, SourceRef: "BN-OLD", Received: "2024-01-01", ServiceID: services["ward 22"],
		Summary: "Complaint about the car park charges and signage.", Status: "closed"}
	if _, err := cs.ImportCases(ctx, []*lightbulb.Case{old}, false); err != nil {
		return err
	}
	first, err := cs.FindCases(ctx, lightbulb.CaseFilter{})
	if err != nil {
		return err
	}
	qs := []struct {
		name string
		fn   func() error
	}{
		{"case list, first page", func() error { _, err := cs.FindCases(ctx, lightbulb.CaseFilter{}); return err }},
		{"case list, next page", func() error { _, err := cs.FindCases(ctx, lightbulb.CaseFilter{After: first.Next}); return err }},
		{"case list, incidents of one ward", func() error {
			_, err := cs.FindCases(ctx, lightbulb.CaseFilter{Type: lightbulb.CaseIncident, ServiceID: ward})
			return err
		}},
		{"case list, one right", func() error { _, err := cs.FindCases(ctx, lightbulb.CaseFilter{Right: "A8"}); return err }},
		{"case list, ward with no cases", func() error {
			_, err := cs.FindCases(ctx, lightbulb.CaseFilter{ServiceID: services["ward 21"]})
			return err
		}},
		{"case list, ward with one old case", func() error {
			_, err := cs.FindCases(ctx, lightbulb.CaseFilter{ServiceID: services["ward 22"]})
			return err
		}},
		{"indicators, all cases", func() error { _, err := cs.CaseIndicators(ctx, lightbulb.CaseFilter{}); return err }},
		{"indicators, one year", func() error {
			_, err := cs.CaseIndicators(ctx, lightbulb.CaseFilter{From: "2025-01-01", To: "2025-12-31"})
			return err
		}},
		{"indicators, one ward", func() error { _, err := cs.CaseIndicators(ctx, lightbulb.CaseFilter{ServiceID: ward}); return err }},
	}
	for _, q := range qs {
		var ds []time.Duration
		for range 5 {
			t0 := time.Now()
			if err := q.fn(); err != nil {
				return fmt.Errorf("%s: %w", q.name, err)
			}
			ds = append(ds, time.Since(t0))
		}
		slices.Sort(ds)
		fmt.Fprintf(out, "%-34s median %7.1f ms (max %7.1f ms)\n", q.name, float64(ds[2].Microseconds())/1000, float64(ds[4].Microseconds())/1000)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Fprintf(out, "peak memory: max RSS %d MB; Go heap now %d MB, Go memory from the OS %d MB\n", ru.Maxrss/1024, ms.HeapAlloc>>20, ms.Sys>>20)
	return nil
}
