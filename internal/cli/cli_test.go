package cli_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lightbulb-hr/lightbulb/internal/cli"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// run executes the CLI against db and returns stdout and the error.
func run(t *testing.T, db string, args ...string) (string, error) {
	t.Helper()
	var out, errw bytes.Buffer
	err := cli.Run(context.Background(), append(args, "--db", db), &out, &errw)
	return out.String() + errw.String(), err
}

func dbURL(t *testing.T) string {
	if u := sqldbtest.PostgresURL(t); u != "" {
		// Run the CLI against a fresh schema of the test cluster.
		return sqldbtest.MustOpenPostgresURL(t)
	}
	return "sqlite:" + filepath.Join(t.TempDir(), "cli.db")
}

func TestDemoIsIdempotent(t *testing.T) {
	db := dbURL(t)
	out, err := run(t, db, "migrate")
	if err != nil || !strings.Contains(out, "16 rights added to the library") {
		t.Fatalf("migrate: %v\n%s", err, out)
	}
	if out, err := run(t, db, "migrate"); err != nil || !strings.Contains(out, "0 migrations applied now; 0 rights added") {
		t.Fatalf("second migrate: %v\n%s", err, out)
	}
	out, err = run(t, db, "demo", "--insecure-fast-passwords")
	if err != nil || !strings.Contains(out, "5 organisations and 16 people added") {
		t.Fatalf("first demo: %v\n%s", err, out)
	}
	out, err = run(t, db, "demo", "--insecure-fast-passwords")
	if err != nil || !strings.Contains(out, "0 rights added") || !strings.Contains(out, "0 organisations and 0 people added") {
		t.Fatalf("second demo: %v\n%s", err, out)
	}
	out, err = run(t, db, "user", "list")
	if err != nil || !strings.Contains(out, "practicelead@lightbulb.test") || !strings.Contains(out, "northbridge-nhs:lead") {
		t.Fatalf("user list: %v\n%s", err, out)
	}
}

func TestUserAndOrgCommands(t *testing.T) {
	db := dbURL(t)
	if out, err := run(t, db, "org", "add", "--slug", "hill", "--name", "Hill Hospice", "--kind", "care_provider"); err != nil {
		t.Fatalf("org add: %v %s", err, out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"org", "add", "--slug", "hill", "--name", "Again", "--kind", "council"}, "--slug: An organisation with this short name already exists"},
		{[]string{"org", "add", "--slug", "X!", "--name", "", "--kind", "castle"}, "--name: Enter the organisation’s name"},
		{[]string{"user", "add", "--email", "not-an-email", "--name", "X"}, "--email: Enter an email address in the correct format"},
		{[]string{"user", "add", "--email", "a@example.org", "--name", "A", "--org", "nowhere", "--roles", "staff"}, "--org nowhere: There is no such organisation."},
		{[]string{"user", "add", "--email", "a@example.org", "--name", "A", "--org", "hill", "--roles", "boss"}, `--roles: "boss" is not a role`},
		{[]string{"user", "add", "--email", "a@example.org", "--name", "A", "--password", "short"}, "--password: Password must be 10 characters or more"},
		{[]string{"user", "set-role", "--email", "ghost@example.org", "--org", "hill", "--roles", "staff"}, "--email ghost@example.org: There is no such person."},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
	} {
		if out, err := run(t, db, tc.args...); err == nil || !strings.Contains(err.Error()+out, tc.want) {
			t.Errorf("%v: err %v out %q; want %q", tc.args, err, out, tc.want)
		}
	}
	if out, err := run(t, db, "user", "add", "--email", "A@Example.org", "--name", "Ann", "--org", "hill", "--roles", "staff,admin", "--password", "a long enough password"); err != nil {
		t.Fatalf("user add: %v %s", err, out)
	}
	if out, err := run(t, db, "user", "set-role", "--email", "a@example.org", "--org", "hill", "--roles", "lead"); err != nil || !strings.Contains(out, "now has roles [lead] in hill") {
		t.Fatalf("set-role: %v %s", err, out)
	}
	if out, _ := run(t, db, "user", "list"); !strings.Contains(out, "hill:lead") {
		t.Fatalf("list after set-role: %s", out)
	}
	if _, err := run(t, db, "user", "set-password", "--email", "a@example.org", "--password", "another long password"); err != nil {
		t.Fatal(err)
	}
}
