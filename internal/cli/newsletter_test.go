package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

func TestNewsletterBouncesCommand(t *testing.T) {
	db := dbURL(t)
	if _, err := run(t, db, "migrate"); err != nil {
		t.Fatal(err)
	}
	store, err := sqldb.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	nl := sqldb.NewNewsletterService(store, "")
	err = nl.SeedSubscribers(context.Background(), []string{"hard@example.org", "soft@example.org", "fine@example.org"}, []string{"en"}, "yes")
	store.Close()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "bounces.txt")
	lines := "# from the provider\nhard@example.org,hard\nsoft@example.org soft\nsoft@example.org,soft\nsoft@example.org,soft\n"
	if err := os.WriteFile(file, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := run(t, db, "newsletter", "bounces", file)
	if err != nil || !strings.Contains(out, "4 reports read; email to 2 addresses is stopped") {
		t.Fatalf("bounces: %v\n%s", err, out)
	}
	if err := os.WriteFile(file, []byte("fine@example.org,bounced\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := run(t, db, "newsletter", "bounces", file); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Fatalf("a bad kind: %v", err)
	}
	store, _ = sqldb.Open(context.Background(), db)
	defer store.Close()
	c, err := sqldb.NewNewsletterService(store, "").CountSubscribers(context.Background())
	if err != nil || c.Stopped != 2 || c.Confirmed != 1 {
		t.Fatalf("after bounces: %+v %v (want %s twice)", c, err, lightbulb.SubStopped)
	}
}
