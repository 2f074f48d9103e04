package sqldb_test

import (
	"context"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// A person discards their own draft: it leaves the register, and the audit
// log keeps what it said. Nobody else's draft, and no decided one, goes.
func TestDiscardDraft(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newDecisionFixture(t, db)
		orgA, _ := lightbulb.OrgFrom(f.ctxA)
		other := sqldbtest.MustUser(t, db, "other@a.test", &lightbulb.Organisation{ID: orgA}, lightbulb.RoleStaff)
		ctxOther := lightbulb.WithActor(lightbulb.WithOrg(context.Background(), orgA), &lightbulb.Actor{UserID: other.ID, Name: "Other A"})

		draft := &lightbulb.Decision{ServiceID: f.wardA.ID, Reasoning: lightbulb.Reasoning{Proposal: "Lock the garden door at night", PersonRef: "W1-7"}}
		if err := f.svc.CreateDecision(f.ctxA, draft); err != nil {
			t.Fatal(err)
		}
		if err := f.svc.DiscardDraft(ctxOther, draft.ID); lightbulb.ErrorCode(err) != lightbulb.EFORBIDDEN {
			t.Fatalf("someone else discards the draft: %v", err)
		}
		if err := f.svc.DiscardDraft(f.ctxB, draft.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation discards the draft: %v", err)
		}
		decided := &lightbulb.Decision{ServiceID: f.wardA.ID, Reasoning: completeA8(f.today)}
		if err := f.svc.CreateDecision(f.ctxA, decided); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.MarkDecided(f.ctxA, decided.ID); err != nil {
			t.Fatal(err)
		}
		if err := f.svc.DiscardDraft(f.ctxA, decided.ID); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("discarding a decision in force: %v", err)
		}
		// Reopened for change at a review, it is a draft but was decided: kept.
		if _, err := f.svc.ReviewDecision(f.ctxA, decided.ID, lightbulb.DecisionReview{Note: "Changed", Outcome: lightbulb.ReviewChange}); err != nil {
			t.Fatal(err)
		}
		if err := f.svc.DiscardDraft(f.ctxA, decided.ID); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("discarding a reopened decision: %v", err)
		}

		if err := f.svc.DiscardDraft(f.ctxA, draft.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.FindDecision(f.ctxA, draft.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("the discarded draft is still found: %v", err)
		}
		es, _, err := sqldb.NewAuditService(db).FindAudit(f.ctxA, lightbulb.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var kept string
		for _, e := range es {
			if e.Action == "decision.discard" {
				kept = e.Detail
			}
		}
		if !strings.Contains(kept, "Lock the garden door at night") || !strings.Contains(kept, "Ward 1") {
			t.Fatalf("the audit log does not keep the draft: %q", kept)
		}
	})
}

// Staff find the decisions about a person by (part of) their reference,
// whatever its case, spaces or dashes.
func TestDecisionsByPersonRef(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newDecisionFixture(t, db)
		for _, ref := range []string{"WW-21", "WW-210", "OB-3"} {
			d := &lightbulb.Decision{ServiceID: f.wardA.ID, Reasoning: lightbulb.Reasoning{Proposal: "p", Scope: lightbulb.ScopePerson, PersonRef: ref}}
			if err := f.svc.CreateDecision(f.ctxA, d); err != nil {
				t.Fatal(err)
			}
		}
		ds, err := f.svc.FindDecisions(f.ctxA, lightbulb.DecisionFilter{PersonRef: "ww 21"})
		if err != nil || len(ds) != 2 {
			t.Fatalf("ww 21 found %d decisions, %v", len(ds), err)
		}
		if ds, _ := f.svc.FindDecisions(f.ctxB, lightbulb.DecisionFilter{PersonRef: "WW-21"}); len(ds) != 0 {
			t.Fatalf("another organisation finds %d", len(ds))
		}
	})
}
