package cli_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/caseimport"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// caseMigrated creates and migrates the database at dsn.
func caseMigrated(t *testing.T, dsn string) {
	t.Helper()
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// caseOrg makes trust-a with Willow Ward in the database at dsn.
func caseOrg(t *testing.T, dsn string) {
	t.Helper()
	caseMigrated(t, dsn)
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	o := sqldbtest.MustOrg(t, db, "trust-a", lightbulb.KindNHSTrust)
	if err := sqldb.NewUnitService(db).CreateUnit(lightbulb.WithOrg(context.Background(), o.ID), &lightbulb.Unit{Name: "Willow Ward"}); err != nil {
		t.Fatal(err)
	}
}

// openCaseOrg makes trust-a as caseOrg does, and opens the database at dsn
// (closed when the test ends) with trust-a read back.
func openCaseOrg(t *testing.T, dsn string) (*sqldb.DB, *lightbulb.Organisation) {
	t.Helper()
	caseOrg(t, dsn)
	db, err := sqldb.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	o, err := sqldb.NewOrgService(db).FindOrgBySlug(context.Background(), "trust-a")
	if err != nil {
		t.Fatal(err)
	}
	return db, o
}

func TestImportCases(t *testing.T) {
	db := dbURL(t)
	caseOrg(t, db)
	good := writeFile(t, "export.csv", "Datix ID;Record type;Date reported;Location;Description;Severity\n"+
		"D-1;Incident;03/02/2026;Willow Ward;Visiting refused, call 07700 900123;Low\n"+
		"D-2;Complaint;04/02/2026;willow ward;Food left cold;\n")
	out, err := run(t, db, "import", "cases", good, "--org", "trust-a", "--redact", "--save-mapping", "datix")
	if err != nil || !strings.Contains(out, "Imported 2 rows") || !strings.Contains(out, "2 added, 0 updated") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	out, err = run(t, db, "import", "cases", good, "--org", "trust-a")
	if err != nil || !strings.Contains(out, "0 added, 2 updated") {
		t.Fatalf("re-import: %v\n%s", err, out)
	}
	bad := writeFile(t, "bad.csv", "Datix ID;Record type;Date reported;Location;Description;Severity\n"+
		"D-3;Incident;31/02/2026;Willow Ward;x;Low\n"+"D-4;Complaint;2026-02-01;Oak Ward;x;\n")
	out, err = run(t, db, "import", "cases", bad, "--org", "trust-a")
	if err == nil || !strings.Contains(err.Error(), "2 problems in 2 rows; nothing was stored") ||
		!strings.Contains(out, "row 2\treceived") || !strings.Contains(out, "row 3\tservice") {
		t.Fatalf("bad file: %v\n%s", err, out)
	}
	odd := writeFile(t, "odd.csv", "Key,Kind,When,Where,Text,Hurt\nD-5,PALS,2026-02-05,Willow Ward,Parking,\n")
	out, err = run(t, db, "import", "cases", odd, "--org", "trust-a", "--dry-run", "--map", "source_ref=Key", "--map", "type=Kind",
		"--map", "received=When", "--map", "service=Where", "--map", "summary=Text")
	if err != nil || !strings.Contains(out, "Checked 1 rows: all can be imported. Nothing was stored") {
		t.Fatalf("dry run: %v\n%s", err, out)
	}
	if _, err := run(t, db, "import", "cases", odd, "--org", "trust-a", "--mapping", "datix"); err == nil ||
		!strings.Contains(err.Error(), `no column "Datix ID"`) {
		t.Fatalf("saved mapping on another layout: %v", err)
	}
	if _, err := run(t, db, "import", "cases", good, "--org", "nobody"); err == nil {
		t.Fatal("import into an unknown organisation succeeded")
	}
	if _, err := run(t, db, "import", "cases", "--org", "trust-a"); err == nil {
		t.Fatal("import without a file succeeded")
	}
}

func TestBenchCasesSmall(t *testing.T) {
	db := "sqlite:" + filepath.Join(t.TempDir(), "bench.db")
	out, err := run(t, db, "bench", "cases", "--rows", "3000", "--suggest", "200", "--review", "20")
	if err != nil {
		t.Fatalf("bench: %v\n%s", err, out)
	}
	for _, want := range []string{"3000 rows in", "3000 added", "re-import with suggestions: 200 rows", "reviewed 20 cases",
		"indicators, one ward", "peak memory: max RSS"} {
		if !strings.Contains(out, want) {
			t.Errorf("bench output lacks %q:\n%s", want, out)
		}
	}
}

// caseKiller passes batches to the real store and stops the run after the
// first, as a killed process would.
type caseKiller struct {
	*sqldb.CaseService
	cancel  context.CancelFunc
	batches int
}

func (k *caseKiller) ImportCases(ctx context.Context, cs []*lightbulb.Case, suggest bool) (lightbulb.CaseImportResult, error) {
	k.batches++
	if k.batches > 1 {
		k.cancel()
		return lightbulb.CaseImportResult{}, context.Canceled
	}
	return k.CaseService.ImportCases(ctx, cs, suggest)
}

func TestImportCutOffCompletesOnRerun(t *testing.T) {
	dsn := dbURL(t)
	db, o := openCaseOrg(t, dsn)
	var b strings.Builder
	b.WriteString("Ref,Type,Date,Ward,What\n")
	for i := range 250 {
		fmt.Fprintf(&b, "K-%03d,Complaint,2026-01-%02d,Willow Ward,Food left cold\n", i, i%28+1)
	}
	path := writeFile(t, "k.csv", b.String())
	cs := sqldb.NewCaseService(db, nil)
	job := caseimport.Job{Open: func() (io.ReadCloser, error) { return os.Open(path) }, Batch: 100,
		Options: caseimport.Options{Mapping: caseimport.Mapping{"source_ref": "Ref", "type": "Type", "received": "Date",
			"service": "Ward", "summary": "What"}, Services: map[string]int64{}}}
	octx := lightbulb.WithOrg(context.Background(), o.ID)
	ss, _ := cs.FindUnits(octx)
	job.Services["willow ward"] = ss[0].ID
	kctx, cancel := context.WithCancel(octx)
	if _, _, err := caseimport.Run(kctx, &caseKiller{CaseService: cs, cancel: cancel}, job); err == nil {
		t.Fatal("the cut-off run succeeded")
	}
	if p, _ := cs.FindCases(octx, lightbulb.CaseFilter{Limit: 200}); len(p.Cases) != 100 {
		t.Fatalf("after the cut: %d cases, want the first batch of 100", len(p.Cases))
	}
	_, res, err := caseimport.Run(octx, cs, job)
	if err != nil || res.Created != 150 || res.Updated != 100 {
		t.Fatalf("re-run: %+v %v", res, err)
	}
	ci, _ := cs.CaseIndicators(octx, lightbulb.CaseFilter{})
	if ci.Total != 250 {
		t.Fatalf("after the re-run the indicators count %d cases, want 250", ci.Total)
	}
}
