package sqldb_test

import (
	"context"
	"slices"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// A signed-in person's account and memberships are kept in memory by each
// process, and every change another process makes (a role given or taken
// away, an organisation renamed, a password changed, the account disabled
// or erased) is seen by the next request.
func TestSignedInSeesChangesFromAnotherProcess(t *testing.T) {
	twoProcesses(t, func(t *testing.T, a, b *sqldb.DB) {
		ctx := context.Background()
		org := sqldbtest.MustOrg(t, a, "northbridge", lightbulb.KindNHSTrust)
		u := sqldbtest.MustUser(t, a, "nia@example.org", org, lightbulb.RoleLead, lightbulb.RoleStaff)
		ua, ub := sqldb.NewUserService(a), sqldb.NewUserService(b)
		read := func() (*lightbulb.User, []lightbulb.Membership) {
			t.Helper()
			got, ms, err := ub.FindSignedIn(ctx, u.ID)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := ub.FindUserByID(ctx, u.ID)
			wantMs, _ := ub.Memberships(ctx, u.ID)
			if *got != *want || len(ms) != len(wantMs) {
				t.Fatalf("signed in %+v %+v, but the account reads %+v %+v", got, ms, want, wantMs)
			}
			return got, ms
		}
		if _, ms := read(); len(ms) != 1 || !slices.Contains(ms[0].Roles, lightbulb.RoleLead) || ms[0].Org.Name != org.Name {
			t.Fatalf("before any change: %+v", ms)
		}

		octx := lightbulb.WithOrg(ctx, org.ID)
		if err := ua.SetRoles(octx, u.ID, []lightbulb.Role{lightbulb.RoleStaff}); err != nil {
			t.Fatal(err)
		}
		if _, ms := read(); len(ms) != 1 || slices.Contains(ms[0].Roles, lightbulb.RoleLead) {
			t.Fatalf("a role taken away in the other process: %+v", ms)
		}
		if err := sqldb.NewOrgService(a).UpdateOrg(ctx, &lightbulb.Organisation{ID: org.ID, Slug: org.Slug, Name: "Northbridge NHS", Kind: org.Kind}); err != nil {
			t.Fatal(err)
		}
		_, ms := read()
		if ms[0].Org.Name != "Northbridge NHS" {
			t.Fatalf("an organisation renamed in the other process: %+v", ms)
		}
		ms[0].Roles[0] = lightbulb.RoleAdmin // a caller's change reaches nothing cached
		if _, again := read(); again[0].Roles[0] != lightbulb.RoleStaff {
			t.Fatalf("a caller's change reached the cache: %+v", again)
		}
		if err := ua.SetPassword(ctx, u.ID, "new-hash"); err != nil {
			t.Fatal(err)
		}
		if got, _ := read(); got.PasswordHash != "new-hash" {
			t.Fatalf("a password changed in the other process: %q", got.PasswordHash)
		}
		if _, err := a.Writer().ExecContext(ctx, `UPDATE users SET disabled = $1 WHERE id = $2`, true, u.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := read(); !got.Disabled {
			t.Fatal("an account disabled in the other process still signs in")
		}
		if err := ua.EraseUser(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if got, ms := read(); got.Email == "nia@example.org" || len(ms) != 0 {
			t.Fatalf("an erased account: %+v %+v", got, ms)
		}
		if _, _, err := ub.FindSignedIn(ctx, u.ID+1000); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("no such account: %v", err)
		}
	})
}

// The list of organisations is kept in memory too, and an organisation
// added or renamed by another process is in the next list.
func TestOrgListSeesChangesFromAnotherProcess(t *testing.T) {
	twoProcesses(t, func(t *testing.T, a, b *sqldb.DB) {
		ctx := context.Background()
		sqldbtest.MustOrg(t, a, "northbridge", lightbulb.KindNHSTrust)
		ob := sqldb.NewOrgService(b)
		before, err := ob.FindOrgs(ctx)
		if err != nil || len(before) != 1 {
			t.Fatalf("before: %+v %v", before, err)
		}
		before[0].Name = "Changed by a caller"
		added := sqldbtest.MustOrg(t, a, "riverside", lightbulb.KindCouncil)
		added.Name = "Riverside Borough Council"
		if err := sqldb.NewOrgService(a).UpdateOrg(ctx, added); err != nil {
			t.Fatal(err)
		}
		after, err := ob.FindOrgs(ctx)
		if err != nil || len(after) != 2 || after[0].Name != "Org northbridge" || after[1].Name != "Riverside Borough Council" {
			t.Fatalf("after another process added and renamed one: %+v %v", after, err)
		}
	})
}
