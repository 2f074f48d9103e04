package sqldb_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

func sectionCounts(x *lightbulb.PersonalExport) map[string]int {
	out := map[string]int{}
	for _, s := range x.Sections {
		out[s.Section] = len(s.Records)
	}
	return out
}

func TestExportPerson(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := privacyFixture(t, db)
		ps := sqldb.NewPrivacyService(db)
		x, err := ps.ExportPerson(ctx, lightbulb.Subject{UserID: f.z.ID})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int{"account": 1, "memberships": 1, "password_resets": 1, "audit_log": 2, "emails": 1,
			"rights_library_edits": 2, "decisions_owned": 1, "decision_versions": 1, "review_framework_edits": 1,
			"reviews_led": 1, "review_invitations": 1, "review_ratings": 1, "review_ratings_agreed": 1,
			"review_actions_owned": 1, "review_shares": 1, "training_bookings": 1, "bespoke_requests": 1,
			"cases_reviewed": 1, "feedback": 1, "feedback_given": 1, "knowledge_checks": 1, "surveys_answered": 1,
			"learning_needs": 1, "plans": 1, "plan_actions": 1, "plan_checkins": 1,
			"invitations": 1, "mail_allowance": 1}
		got := sectionCounts(x)
		for s, n := range want {
			if got[s] != n {
				t.Errorf("section %s has %d records, want %d", s, got[s], n)
			}
		}
		for s, n := range got {
			if _, ok := want[s]; !ok && n > 0 {
				t.Errorf("unexpected section %s with %d records", s, n)
			}
		}
		// A case reviewer sees that they reviewed it, not the case itself.
		for _, s := range x.Sections {
			for _, r := range s.Records {
				if _, ok := r["summary"]; ok && s.Section == "cases_reviewed" {
					t.Error("the export shows a case's summary, which is about someone else")
				}
				if _, ok := r["password_hash"]; ok {
					t.Error("the export shows a password hash")
				}
			}
		}
		// Someone with no account is found by email, with the name they gave.
		x, err = ps.ExportPerson(ctx, lightbulb.Subject{Email: " Patience.PublicBooker@example.org "})
		if err != nil {
			t.Fatal(err)
		}
		got = sectionCounts(x)
		if got["training_bookings"] != 1 || got["account"] != 0 || got["emails"] != 0 || len(x.Names) != 1 || x.Names[0] != pName {
			t.Fatalf("public booker's export: %v names %v", got, x.Names)
		}
		if _, err := ps.ExportPerson(ctx, lightbulb.Subject{}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("export with no subject: %v", err)
		}
	})
}

// dump is every value of every table, lower-cased, so a test can look for a
// person anywhere in the database.
func dump(t *testing.T, db *sqldb.DB) map[string]string {
	t.Helper()
	ctx := context.Background()
	cols, err := db.SchemaColumns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, c := range cols {
		if _, ok := out[c.Table]; ok {
			continue
		}
		_, rows, err := db.LearningRawTable(ctx, c.Table)
		if err != nil {
			t.Fatal(err)
		}
		// Sorted: PostgreSQL moves a row it rewrites, even to the same values.
		lines := make([]string, len(rows))
		for i, r := range rows {
			lines[i] = strings.Join(r, "|") + "\n"
		}
		sort.Strings(lines)
		out[c.Table] = strings.ToLower(strings.Join(lines, ""))
	}
	return out
}

func TestErasePerson(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		f := privacyFixture(t, db)
		before := dump(t, db)
		rep, err := sqldb.NewPrivacyService(db).ErasePerson(ctx, lightbulb.Subject{UserID: f.z.ID})
		if err != nil {
			t.Fatal(err)
		}
		after := dump(t, db)
		for table, text := range after {
			for _, needle := range []string{zName, zEmail, "192.0.2.77"} {
				if strings.Contains(text, strings.ToLower(needle)) {
					t.Errorf("after erasure %s still holds %q", table, needle)
				}
			}
		}
		// The test looked where Zebedee was: most tables held them before.
		held := 0
		for _, text := range before {
			if strings.Contains(text, strings.ToLower(zName)) || strings.Contains(text, zEmail) {
				held++
			}
		}
		if held < 20 {
			t.Fatalf("the fixture put Zebedee in only %d tables", held)
		}
		// Other people are left alone, and counts keep their rows.
		for table, want := range map[string][]string{
			"training_bookings":    {strings.ToLower(pName), pEmail, "erased person"},
			"review_shares":        {strings.ToLower(keeper)},
			"outbox":               {keeperE, "[erased]"},
			"users":                {keeperE, "erased-"},
			"memberships":          {"staff"},
			"decisions":            {"made"},
			"review_contributions": {"red"},
		} {
			for _, w := range want {
				if !strings.Contains(after[table], w) {
					t.Errorf("after erasure %s lacks %q: %s", table, w, after[table])
				}
			}
		}
		if rep.Rows["memberships"] != 1 || rep.Rows["learning_plans"] != 1 || rep.Rows["outbox"] < 2 {
			t.Errorf("erasure report: %v", rep.Rows)
		}
		u, err := sqldb.NewUserService(db).FindUserByID(ctx, f.z.ID)
		if err != nil || !u.Disabled || u.Name != "Erased person" || u.PasswordHash != "" {
			t.Fatalf("erased account: %+v %v", u, err)
		}
		// Erasing them again changes nothing, however many erased records
		// carry the same stand-ins.
		if _, err := sqldb.NewPrivacyService(db).ErasePerson(ctx, lightbulb.Subject{UserID: f.z.ID}); err != nil {
			t.Fatal(err)
		}
		for table, text := range dump(t, db) {
			// content_versions counts writes to cached tables so that every
			// process reloads them; rewriting the erased account with the
			// same values moves it, and it holds nothing about anyone.
			if table != "content_versions" && text != after[table] {
				t.Errorf("a second erasure changed %s:\n%s\nwas\n%s", table, text, after[table])
			}
		}
		// Reminders for their bookings and decisions have no one to go to.
		m := sqldb.NewMailService(db)
		if err := m.SendMail(ctx, &lightbulb.Mail{To: u.Email, Subject: "Review due", Body: "b"}); err != nil {
			t.Fatal(err)
		}
		ms, err := m.FindMail(ctx, 100)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range ms {
			if lightbulb.IsErased(x.To) {
				t.Fatalf("mail was queued to an erased address: %+v", x)
			}
		}
	})
}

// TestErasureLeavesNoCopyInSQLiteFile erases a person and then reads the
// database file's bytes: their name and email address are nowhere in it.
func TestErasureLeavesNoCopyInSQLiteFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "erase.db")
	db, err := sqldb.Open(ctx, "sqlite:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	f := privacyFixture(t, db)
	if err := db.TestExec(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	if !fileHolds(t, path, zName) || !fileHolds(t, path, zEmail) {
		t.Fatal("before erasure the file should hold the person; the test would prove nothing")
	}
	rep, err := sqldb.NewPrivacyService(db).ErasePerson(ctx, lightbulb.Subject{UserID: f.z.ID})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Checkpointed {
		t.Fatal("the write-ahead log was not emptied")
	}
	for _, p := range []string{path, path + "-wal"} {
		for _, needle := range []string{zName, zEmail, strings.ToUpper(zName)} {
			if fileHolds(t, p, needle) {
				t.Errorf("%s still holds %q after erasure", filepath.Base(p), needle)
			}
		}
	}
	if !fileHolds(t, path, pEmail) {
		t.Error("the public booker, who was not erased, has gone from the file")
	}
}

func fileHolds(t *testing.T, path, needle string) bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return false
	}
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(b, []byte(needle))
}
