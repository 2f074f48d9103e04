package sqldb_test

import (
	"context"
	"errors"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

func welshFor(code string) lightbulb.StatementWelsh {
	return lightbulb.StatementWelsh{Theme: "Gwybod", Text: "Datganiad " + code, Good: "Da " + code,
		RedMeans: "Coch", AmberMeans: "Ambr", GreenMeans: "Gwyrdd"}
}

// A framework seeded in English only gets the shipped Welsh on its next
// seeding, for statements whose English is unchanged; an English edit makes
// the Welsh older than the English; a Welsh edit brings it up to date and
// names the theme in Welsh on all its statements; the shipped Welsh never
// replaces Welsh someone wrote.
func TestFrameworkWelsh(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		rs := seedTestFramework(t, db)
		org := sqldbtest.MustOrg(t, db, "trust-a", lightbulb.KindNHSTrust)
		ctx := actorCtx(org, sqldbtest.MustUser(t, db, "admin@example.org", org, lightbulb.RoleAdmin))
		if cur, err := rs.CurrentFramework(ctx); err != nil || cur.Statement("K1").Cy.Text != "" {
			t.Fatalf("before translating: %+v %v", cur, err)
		}
		// K1's English is edited before the translation ships: it keeps no Welsh.
		edited := lightbulb.Statement{Text: "Reworded", Good: "g", RedMeans: "r", AmberMeans: "a", GreenMeans: "gr"}
		if _, err := rs.UpdateStatement(ctx, "K1", edited); err != nil {
			t.Fatal(err)
		}
		shipped := shippedWith(map[string]lightbulb.StatementWelsh{"K1": welshFor("K1"), "K2": welshFor("K2"), "D1": welshFor("D1")})
		if added, err := rs.SeedFramework(ctx, shipped); err != nil || added {
			t.Fatalf("seeding again: %v %v", added, err)
		}
		cur, err := rs.CurrentFramework(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if k1, k2 := cur.Statement("K1"), cur.Statement("K2"); k1.Cy.Text != "" || k2.Cy.Text != "Datganiad K2" || k2.WelshStale() {
			t.Fatalf("after seeding the Welsh: K1 %+v, K2 %+v", k1.Cy, k2.Cy)
		}
		if d2 := cur.Statement("D2"); d2.Cy != (lightbulb.StatementWelsh{}) {
			t.Fatalf("D2 has no shipped Welsh but got %+v", d2.Cy)
		}

		// Changing D1's rights leaves its Welsh current; changing its words does not.
		d1 := *cur.Statement("D1")
		d1.Rights = []string{"A3"}
		if nf, err := rs.UpdateStatement(ctx, "D1", d1); err != nil || nf.Statement("D1").WelshStale() {
			t.Fatalf("a change of rights made the Welsh stale: %v", err)
		}
		d1.Good = "Better good"
		nf, err := rs.UpdateStatement(ctx, "D1", d1)
		if err != nil || !nf.Statement("D1").WelshStale() || nf.Statement("D1").Cy.Text != "Datganiad D1" {
			t.Fatalf("after an English edit: %+v %v", nf.Statement("D1"), err)
		}

		var v *lightbulb.ValidationErrors
		if _, err := rs.UpdateStatementWelsh(ctx, "D1", lightbulb.StatementWelsh{Text: "  "}); !errors.As(err, &v) || len(v.List) != 6 {
			t.Fatalf("empty Welsh: %v, want six field errors", err)
		}
		if _, err := rs.UpdateStatementWelsh(ctx, "ZZ9", welshFor("ZZ9")); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("Welsh for no statement: %v", err)
		}
		cy := welshFor("D1")
		cy.Theme, cy.Text = "Urddas", "Datganiad newydd D1"
		nf, err = rs.UpdateStatementWelsh(ctx, "D1", cy)
		if err != nil || nf.Statement("D1").WelshStale() || nf.Statement("D1").Cy.Text != "Datganiad newydd D1" {
			t.Fatalf("after the Welsh edit: %+v %v", nf.Statement("D1"), err)
		}
		if nf.Statement("D2").Cy.Theme != "Urddas" || nf.Themes()[1].NameCy != "Urddas" || nf.Statement("K1").Cy.Theme != "" {
			t.Fatalf("the theme's Welsh: D2 %q, themes %+v", nf.Statement("D2").Cy.Theme, nf.Themes())
		}

		// Seeding again replaces nothing anyone wrote.
		if _, err := rs.SeedFramework(ctx, shippedWith(map[string]lightbulb.StatementWelsh{"D1": welshFor("D1")})); err != nil {
			t.Fatal(err)
		}
		if cur, _ := rs.CurrentFramework(ctx); cur.Statement("D1").Cy.Text != "Datganiad newydd D1" {
			t.Fatalf("seeding replaced the edited Welsh: %q", cur.Statement("D1").Cy.Text)
		}
	})
}

// shippedWith is the test framework as shipped, with Welsh for some codes.
func shippedWith(cy map[string]lightbulb.StatementWelsh) *lightbulb.Framework {
	f := &lightbulb.Framework{Slug: sqldb.DefaultFramework, Name: "Test framework"}
	for _, c := range [][2]string{{"K1", "Knowing"}, {"K2", "Knowing"}, {"D1", "Dignity"}, {"D2", "Dignity"}} {
		f.Statements = append(f.Statements, &lightbulb.Statement{Code: c[0], Theme: c[1], Text: "Statement " + c[0],
			Good: "Good " + c[0], RedMeans: "Red", AmberMeans: "Amber", GreenMeans: "Green", Cy: cy[c[0]]})
	}
	return f
}

// A Welsh edit made through one process is seen by another on its next read.
func TestFrameworkWelshCacheSeesEditsFromAnotherProcess(t *testing.T) {
	twoProcesses(t, func(t *testing.T, a, b *sqldb.DB) {
		ra := seedTestFramework(t, a)
		rb := sqldb.NewReviewService(b)
		ctx := context.Background()
		if cur, err := rb.CurrentFramework(ctx); err != nil || cur.Statement("K1").Cy.Text != "" {
			t.Fatalf("before: %+v %v", cur, err)
		}
		if _, err := ra.UpdateStatementWelsh(ctx, "K1", welshFor("K1")); err != nil {
			t.Fatal(err)
		}
		if cur, err := rb.CurrentFramework(ctx); err != nil || cur.Statement("K1").Cy.Text != "Datganiad K1" {
			t.Fatalf("the other process after the Welsh edit: %+v %v", cur, err)
		}
	})
}
