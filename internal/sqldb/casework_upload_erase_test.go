package sqldb_test

import (
	"context"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// A browser import remembers who started it; erasing that person takes
// their name out of the import's stored options too.
func TestErasureReachesImportOptions(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		org := sqldbtest.MustOrg(t, db, "trust", lightbulb.KindNHSTrust)
		lead := sqldbtest.MustUser(t, db, "lead@trust.test", org, lightbulb.RoleLead)
		lead.Name = "Leonora Marchbanks"
		if _, err := db.Writer().Exec(`UPDATE users SET name = $1 WHERE id = $2`, lead.Name, lead.ID); err != nil {
			t.Fatal(err)
		}
		ctx := lightbulb.WithOrg(context.Background(), org.ID)
		cases := sqldb.NewCaseService(db, nil)
		token, err := cases.PutCaseUpload(ctx, "x.csv", []byte("Ref\nA\n"))
		if err != nil {
			t.Fatal(err)
		}
		if err := cases.StartCaseImport(ctx, token, 1, lightbulb.CaseImportOptions{ByID: lead.ID, ByName: lead.Name}); err != nil {
			t.Fatal(err)
		}
		if err := sqldb.NewUserService(db).EraseUser(context.Background(), lead.ID); err != nil {
			t.Fatal(err)
		}
		var opts string
		if err := db.Reader().QueryRow(`SELECT options FROM case_uploads WHERE token = $1`, token).Scan(&opts); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(opts, "Leonora") || strings.Contains(opts, "Marchbanks") {
			t.Fatalf("the erased person's name is still in the import's options: %s", opts)
		}
	})
}
