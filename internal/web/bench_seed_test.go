package web_test

import (
	"context"
	"fmt"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// seedBenchLists gives trust A what a busy ward's lists show on a first
// page: the library's 16 rights, three wards, 30 decisions (for a person, a
// group and everyone; drafts, some with gaps, and decisions in force) and 30
// cases (some reviewed), and a lead (key "leadA") who sees the lead's
// dashboard. The signed-in benchmarks render these rows, so per-row template
// and scan costs show in their profiles.
func seedBenchLists(b *testing.B, e *env) {
	b.Helper()
	u := sqldbtest.MustUser(b, e.db, "leadA@example.org", e.orgA, lightbulb.RoleStaff, lightbulb.RoleLead)
	hash, _ := password.Hash(testPassword, password.Minimum)
	if err := sqldb.NewUserService(e.db).SetPassword(context.Background(), u.ID, hash); err != nil {
		b.Fatal(err)
	}
	e.users["leadA"] = u
	ctx := lightbulb.WithActor(lightbulb.WithOrg(context.Background(), e.orgA.ID), &lightbulb.Actor{UserID: u.ID, Name: "lead"})
	// The library has 16 rights, each an option in the lists' filters.
	for _, code := range []string{"A2", "A4", "A5", "A6", "A7", "A9", "A10", "A11", "A12", "A14", "P1-1", "P1-2", "P1-3", "A1"} {
		sqldbtest.MustRight(b, e.db, code, lightbulb.Qualified)
	}
	var wards []*lightbulb.Unit
	for _, name := range []string{"Willow Ward", "Oak House", "Community Team North"} {
		w := &lightbulb.Unit{Name: name}
		if err := e.svc.Units.CreateUnit(ctx, w); err != nil {
			b.Fatal(err)
		}
		wards = append(wards, w)
	}
	today := lightbulb.Today(lightbulb.Now())
	for i := range 30 {
		w := wards[i%len(wards)]
		r := lightbulb.Reasoning{Date: lightbulb.AddDays(today, -40-i), Proposal: fmt.Sprintf("Proposal %d", i),
			Reason: "Left twice at night", Scope: lightbulb.ScopePerson, PersonRef: fmt.Sprintf("WW-%02d", i), Involved: "yes",
			OwnWords: "I want to go home", Rights: []string{"A8"}, Tests: []lightbulb.RightTest{{Code: "A8", Restricts: "yes",
				LegalBasis: "Care plan", Aim: "health_morals", Necessary: "Found in the car park", LessRestrictive: "Door sensor: too slow",
				Proportionate: "Nights only"}},
			Outcome: fmt.Sprintf("Door locked at night, room %d", i), DecidedBy: "Ward manager",
			ReviewDate: lightbulb.AddDays(today, 1+2*i)}
		switch i % 5 {
		case 1:
			r.Scope, r.PersonRef, r.Group = lightbulb.ScopeGroup, "", "People on the first floor"
		case 2:
			r.Scope, r.PersonRef, r.BlanketWhy = lightbulb.ScopeEveryone, "", "The garden has one gate"
		case 3:
			r.Outcome = "" // a draft with gaps
		}
		d := &lightbulb.Decision{ServiceID: w.ID, Reasoning: r}
		if err := e.svc.Decisions.CreateDecision(ctx, d); err != nil {
			b.Fatal(err)
		}
		if i%3 != 0 && d.Complete {
			if _, err := e.svc.Decisions.MarkDecided(ctx, d.ID); err != nil {
				b.Fatal(err)
			}
		}
		c := &lightbulb.Case{Type: lightbulb.CaseTypes[i%len(lightbulb.CaseTypes)], SourceRef: fmt.Sprintf("C-%03d", i),
			Received: lightbulb.AddDays(today, -i), ServiceID: w.ID, Summary: fmt.Sprintf("Visiting stopped after 6pm, case %d", i), Harm: "low"}
		if err := e.svc.Cases.CreateCase(ctx, c); err != nil {
			b.Fatal(err)
		}
		if i%4 == 1 {
			if _, err := e.svc.Cases.ReviewCase(ctx, c.ID, lightbulb.CaseReview{Added: []string{"A8"}}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
