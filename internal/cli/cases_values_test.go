package cli_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/caseimport"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// A mapping saved with matches of the file's own names (as the browser
// saves it) imports a Datix export from the command line.
func TestImportCasesWithValueMatches(t *testing.T) {
	dsn := dbURL(t)
	db, org := openCaseOrg(t, dsn)
	ctx := lightbulb.WithOrg(context.Background(), org.ID)
	units, err := sqldb.NewUnitService(db).FindUnits(ctx)
	if err != nil || len(units) != 1 {
		t.Fatalf("units: %v", err)
	}
	m := caseimport.Mapping{"source_ref": "Datix ID", "type": "Record type", "received": "Date reported", "service": "Location",
		"summary": "Description", "harm": "Severity"}
	m.SetValue("service", "Willow", strconv.FormatInt(units[0].ID, 10))
	m.SetValue("harm", "Minor harm", "low")
	if err := sqldb.NewCaseService(db, nil).SaveCaseMapping(ctx, "datix monthly", m); err != nil {
		t.Fatal(err)
	}
	file := writeFile(t, "datix.csv", "Datix ID;Record type;Date reported;Location;Description;Severity\n"+
		"D-1;Incident;03/02/2026;Willow;Fell at night;Minor harm\n")
	out, err := run(t, dsn, "import", "cases", file, "--org", "trust-a", "--mapping", "datix monthly")
	if err != nil || !strings.Contains(out, "1 added, 0 updated") {
		t.Fatalf("import: %v\n%s", err, out)
	}
}
