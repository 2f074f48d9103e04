package sqldb_test

import (
	"context"
	"path/filepath"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// twoProcesses runs fn with two openings of one database on each engine:
// each stands for a serve process with its own connections and caches.
func twoProcesses(t *testing.T, fn func(t *testing.T, a, b *sqldb.DB)) {
	dsns := map[string]string{"sqlite": "sqlite:" + filepath.Join(t.TempDir(), "shared.db")}
	if sqldbtest.PostgresURL(t) != "" {
		dsns["postgres"] = sqldbtest.MustOpenPostgresURL(t)
	}
	for engine, dsn := range dsns {
		t.Run(engine, func(t *testing.T) { fn(t, sqldbtest.MustOpenDSN(t, dsn), sqldbtest.MustOpenDSN(t, dsn)) })
	}
}

// The rights library is kept in memory, and an edit through one process is
// seen by the next read in another, as are a new right and an erased
// editor's name.
func TestRightsCacheSeesEditsFromAnotherProcess(t *testing.T) {
	twoProcesses(t, func(t *testing.T, a, b *sqldb.DB) {
		ctx := context.Background()
		sqldbtest.MustRight(t, a, "A8", lightbulb.Qualified)
		ra, rb := sqldb.NewRightService(a), sqldb.NewRightService(b)
		for _, rs := range []*sqldb.RightService{ra, rb} { // both caches filled
			if r, err := rs.FindRight(ctx, "a8", lightbulb.LangCY); err != nil || r.Text.Title != "Hawl A8" {
				t.Fatalf("before the edit: %+v %v", r, err)
			}
		}
		text := lightbulb.RightText{Lang: lightbulb.LangEN, Title: "Respect for private and family life", Summary: "s",
			Protects: "p", HealthCare: "h", Restrictions: "r", Examples: []string{"e"}, EasyRead: []string{"x"}}
		edctx := lightbulb.WithActor(ctx, &lightbulb.Actor{Name: "Ada Editor"})
		if err := ra.UpdateRight(edctx, "A8", lightbulb.Qualified, text); err != nil {
			t.Fatal(err)
		}
		got, err := rb.FindRight(ctx, "A8", lightbulb.LangEN)
		if err != nil || got.Text.Title != text.Title || got.Text.Version != 2 {
			t.Fatalf("the other process after the edit: %+v %v", got, err)
		}
		cy, err := rb.FindRights(ctx, lightbulb.LangCY)
		if err != nil || len(cy) != 1 || !cy[0].Stale {
			t.Fatalf("the Welsh text is stale after an English edit: %+v %v", cy, err)
		}
		sqldbtest.MustRight(t, a, "A3", lightbulb.Absolute)
		if all, err := rb.FindRights(ctx, lightbulb.LangEN); err != nil || len(all) != 2 {
			t.Fatalf("a right added by another process: %d rights, %v", len(all), err)
		}
		// Whatever writes the tables (here, SQL as erasure runs it) moves the version.
		if _, err := a.Writer().ExecContext(ctx, `UPDATE right_texts SET edited_by = 'Someone' WHERE edited_by = 'Ada Editor'`); err != nil {
			t.Fatal(err)
		}
		if got, _ := rb.FindRight(ctx, "A8", lightbulb.LangEN); got.Text.EditedBy != "Someone" {
			t.Fatalf("editor after erasure: %q", got.Text.EditedBy)
		}
		// What a caller is given is its own: changing it changes nothing cached.
		got.Text.Title = "Changed by a caller"
		if again, _ := rb.FindRight(ctx, "A8", lightbulb.LangEN); again.Text.Title != text.Title {
			t.Fatalf("a caller's change reached the cache: %q", again.Text.Title)
		}
		// The library's languages are kept with it.
		before, err := rb.ContentLanguages(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := ra.AddLanguage(ctx, lightbulb.ContentLanguage{Code: "ur", Name: "Urdu", NativeName: "اردو", Dir: "rtl"}); err != nil {
			t.Fatal(err)
		}
		if after, err := rb.ContentLanguages(ctx); err != nil || len(after) != len(before)+1 {
			t.Fatalf("a language added by another process: %+v then %+v, %v", before, after, err)
		}
	})
}

// The current review framework is kept in memory too, and a new version
// made through one process is the current one in another.
func TestFrameworkCacheSeesEditsFromAnotherProcess(t *testing.T) {
	twoProcesses(t, func(t *testing.T, a, b *sqldb.DB) {
		ra := seedTestFramework(t, a)
		rb := sqldb.NewReviewService(b)
		ctx := context.Background()
		if cur, err := rb.CurrentFramework(ctx); err != nil || cur.Version != 1 {
			t.Fatalf("before: %+v %v", cur, err)
		}
		if _, err := ra.UpdateStatement(ctx, "K1", lightbulb.Statement{Text: "Reworded", Good: "g", RedMeans: "r",
			AmberMeans: "a", GreenMeans: "gr", Rights: []string{"A3"}}); err != nil {
			t.Fatal(err)
		}
		cur, err := rb.CurrentFramework(ctx)
		if err != nil || cur.Version != 2 || cur.Statement("K1").Text != "Reworded" {
			t.Fatalf("the other process after the edit: %+v %v", cur, err)
		}
	})
}
