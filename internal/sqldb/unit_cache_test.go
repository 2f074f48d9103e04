package sqldb_test

import (
	"context"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// Each process keeps an organisation's units; a unit added, renamed or
// deleted, or a member added, removed or erased, through another process is
// seen by the next FindUnits.
func TestUnitListSeesChangesFromAnotherProcess(t *testing.T) {
	twoProcesses(t, func(t *testing.T, a, b *sqldb.DB) {
		org := sqldbtest.MustOrg(t, a, "northbridge", lightbulb.KindNHSTrust)
		other := sqldbtest.MustOrg(t, a, "southfield", lightbulb.KindNHSTrust)
		nurse := sqldbtest.MustUser(t, a, "nurse@northbridge.test", org, lightbulb.RoleStaff)
		ctx := lightbulb.WithOrg(context.Background(), org.ID)
		ua, ub := sqldb.NewUnitService(a), sqldb.NewUnitService(b)
		list := func(ctx context.Context) string {
			t.Helper()
			us, err := ub.FindUnits(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var s []string
			for _, u := range us {
				s = append(s, u.Name+"="+strings.Repeat("m", u.Members))
			}
			return strings.Join(s, ",")
		}
		want := func(step, got, want string) {
			t.Helper()
			if got != want {
				t.Fatalf("%s: got %q, want %q", step, got, want)
			}
		}

		want("no units yet", list(ctx), "")
		ward := &lightbulb.Unit{Name: "Ward 1"}
		if err := ua.CreateUnit(ctx, ward); err != nil {
			t.Fatal(err)
		}
		want("a unit added", list(ctx), "Ward 1=")
		sqldbtest.MustUnit(t, a, other, "Elm House")
		want("another organisation's unit", list(ctx), "Ward 1=")
		want("the other organisation", list(lightbulb.WithOrg(context.Background(), other.ID)), "Elm House=")

		if err := a.TestExec(ctx, `UPDATE services SET name = 'Acorn Ward' WHERE id = $1`, ward.ID); err != nil {
			t.Fatal(err)
		}
		want("a unit renamed", list(ctx), "Acorn Ward=")
		if err := ua.AddMember(ctx, ward.ID, nurse.ID); err != nil {
			t.Fatal(err)
		}
		want("a member added", list(ctx), "Acorn Ward=m")
		if err := ua.RemoveMember(ctx, ward.ID, nurse.ID); err != nil {
			t.Fatal(err)
		}
		want("a member removed", list(ctx), "Acorn Ward=")
		if err := ua.AddMember(ctx, ward.ID, nurse.ID); err != nil {
			t.Fatal(err)
		}
		want("a member added again", list(ctx), "Acorn Ward=m")
		if err := sqldb.NewUserService(a).EraseUser(ctx, nurse.ID); err != nil {
			t.Fatal(err)
		}
		want("a member erased", list(ctx), "Acorn Ward=")

		// What a caller is given is its own: changing it changes nothing kept.
		us, err := ub.FindUnits(ctx)
		if err != nil {
			t.Fatal(err)
		}
		us[0].Name, us[0].Members = "Changed", 9
		want("a caller's change", list(ctx), "Acorn Ward=")

		if err := a.TestExec(ctx, `DELETE FROM services WHERE id = $1`, ward.ID); err != nil {
			t.Fatal(err)
		}
		want("a unit deleted", list(ctx), "")
	})
}
