package cli_test

import (
	"context"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// TestDemoSessionsOnWorkingDays: every demo session, past or to come, is on
// a weekday outside the Christmas closure.
func TestDemoSessionsOnWorkingDays(t *testing.T) {
	dsn := dbURL(t)
	if out, err := run(t, dsn, "demo", "--insecure-fast-passwords"); err != nil || !strings.Contains(out, "Training demo:") {
		t.Fatalf("demo: %v\n%s", err, out)
	}
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	charity, err := sqldb.NewOrgService(db).FindOrgBySlug(ctx, "lightbulb-charity")
	if err != nil {
		t.Fatal(err)
	}
	tr := sqldb.NewTrainingService(db, sqldb.NewMailService(db), "")
	all, err := tr.FindSessions(lightbulb.WithOrg(ctx, charity.ID), lightbulb.SessionFilter{})
	if err != nil || len(all) < 20 {
		t.Fatalf("%d demo sessions, %v", len(all), err)
	}
	for _, x := range all {
		if !lightbulb.WorkingDay(x.StartsAt) {
			t.Errorf("%s is on %s", x.CourseTitle, x.StartsAt.In(lightbulb.London).Format("Monday 2 January"))
		}
	}
}
