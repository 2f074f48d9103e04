package sqldbtest

import (
	"context"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// MustOrg creates an organisation with the given slug.
func MustOrg(tb testing.TB, db *sqldb.DB, slug string, kind lightbulb.OrgKind) *lightbulb.Organisation {
	tb.Helper()
	o := &lightbulb.Organisation{Slug: slug, Name: "Org " + slug, Kind: kind}
	if err := sqldb.NewOrgService(db).CreateOrg(context.Background(), o); err != nil {
		tb.Fatalf("create org %s: %v", slug, err)
	}
	return o
}

// MustUser creates an account with roles in org.
func MustUser(tb testing.TB, db *sqldb.DB, email string, org *lightbulb.Organisation, roles ...lightbulb.Role) *lightbulb.User {
	tb.Helper()
	users := sqldb.NewUserService(db)
	u := &lightbulb.User{Email: email, Name: "Person " + email}
	if err := users.CreateUser(context.Background(), u); err != nil {
		tb.Fatalf("create user %s: %v", email, err)
	}
	if org != nil {
		if err := users.SetRoles(lightbulb.WithOrg(context.Background(), org.ID), u.ID, roles); err != nil {
			tb.Fatalf("set roles: %v", err)
		}
	}
	return u
}

// MustUnit adds a ward, team or home to org's list.
func MustUnit(tb testing.TB, db *sqldb.DB, org *lightbulb.Organisation, name string) *lightbulb.Unit {
	tb.Helper()
	u := &lightbulb.Unit{Name: name}
	if err := sqldb.NewUnitService(db).CreateUnit(lightbulb.WithOrg(context.Background(), org.ID), u); err != nil {
		tb.Fatalf("create unit %s: %v", name, err)
	}
	return u
}

// MustRight seeds one right with English and Welsh text.
func MustRight(tb testing.TB, db *sqldb.DB, code string, cat lightbulb.Category) {
	tb.Helper()
	text := func(lang, title string) lightbulb.RightText {
		return lightbulb.RightText{Lang: lang, Title: title, Summary: "Summary of " + title,
			Protects: "What " + title + " protects", HealthCare: "In care", Restrictions: "Rules",
			Examples: []string{"one", "two"}, EasyRead: []string{"Short."}, Keywords: []string{"visiting", "family"}}
	}
	_, err := sqldb.NewRightService(db).SeedRights(context.Background(), []sqldb.SeedRight{{
		Code: code, Article: "Article " + code, Category: cat,
		Texts: []lightbulb.RightText{text("en", "Right "+code), text("cy", "Hawl "+code)},
	}})
	if err != nil {
		tb.Fatalf("seed right: %v", err)
	}
}

// Jobs returns a job queue on db with the training and learning kinds
// registered, as serve has them; mail is not delivered.
func Jobs(tb testing.TB, db *sqldb.DB, tr *sqldb.TrainingService) *jobs.Queue {
	tb.Helper()
	q := jobs.NewQueue(db.Writer(), string(db.Dialect)).ReadFrom(db.Reader())
	tr.RegisterJobs(q)
	return q
}

// RunJobs runs every due job of the kinds Jobs registers and returns how
// many ran.
func RunJobs(tb testing.TB, db *sqldb.DB, tr *sqldb.TrainingService) int {
	tb.Helper()
	n, err := Jobs(tb, db, tr).RunDue(context.Background(), 10000)
	if err != nil {
		tb.Fatalf("run due jobs: %v", err)
	}
	return n
}
