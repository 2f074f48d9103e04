package sqldb_test

import (
	"fmt"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestLocalRequirement: a commissioner writes a requirement for one
// contract; it is attached with its first return's day, kept out of the
// library and off other contracts, and the provider answers it.
func TestLocalRequirement(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newAssure(t, db)
		svc, id := f.svc, f.contract.ID
		if err := svc.AddLocalRequirement(f.cctx, id, &lightbulb.Requirement{Rights: []string{"A8"}}, lightbulb.Date{}); err == nil ||
			!strings.Contains(err.Error(), "what the provider must do") || !strings.Contains(err.Error(), "first return is due") {
			t.Fatalf("a local requirement without words or a day: %v", err)
		}
		if err := svc.AddLocalRequirement(f.rival, id, &lightbulb.Requirement{Text: "x", Rights: []string{"A8"}, Evidence: "y"}, date(2026, 7, 31)); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation adds one: %v", err)
		}
		local := &lightbulb.Requirement{Text: "Welsh-speaking residents are offered care in Welsh (the Active Offer).", Rights: []string{"A8", "A14"},
			Evidence: "Care plans recording the language offered and chosen"}
		must(t, svc.AddLocalRequirement(f.cctx, id, local, date(2026, 7, 31)))
		c, _ := svc.Contract(f.cctx, id)
		if len(c.Requirements) != 3 || local.Code != "L01" {
			t.Fatalf("%d requirements, local code %s", len(c.Requirements), local.Code)
		}
		lib, _ := svc.Requirements(f.cctx)
		for _, r := range lib {
			if r.ContractID != 0 || r.Code == "L01" {
				t.Fatalf("the library holds the local requirement: %+v", r)
			}
		}
		if _, err := svc.RequirementHistory(f.cctx, "L01"); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("the library's page opens a local requirement: %v", err)
		}
		other := &lightbulb.Contract{Title: "Other", ProviderID: f.trust.ID, StartsOn: date(2026, 4, 1), EndsOn: date(2027, 3, 31)}
		must(t, svc.CreateContract(f.cctx, other))
		if err := svc.AttachRequirement(f.cctx, other.ID, local.ID, date(2026, 7, 31)); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("a local requirement attached to another contract: %v", err)
		}
		pc, _ := svc.ProviderContract(f.pctx, id)
		must(t, svc.SubmitReturn(f.pctx, id, f.answers(pc, 0)))
		c, _ = svc.Contract(f.cctx, id)
		if cr := c.Requirements[0]; cr.Requirement.Code != "L01" || cr.Requirement.ContractID != id || cr.Latest == nil {
			t.Fatalf("the provider's answer to the local requirement: %+v", cr)
		}
	})
}

// TestCountedEvidence: a provider attaches totals counted from its own
// register of decisions and training; refused (nothing saved) until it
// shares its reviews with the commissioner, who sees the totals only
// while the share lasts.
func TestCountedEvidence(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newAssure(t, db)
		svc, id := f.svc, f.contract.ID
		unit := sqldbtest.MustUnit(t, db, f.trust, "Oak Ward")
		icbUnit := sqldbtest.MustUnit(t, db, f.icb, "Quality team") // a case is filed under its own organisation's unit
		lead := lightbulb.ActorFrom(f.pctx).UserID
		for i, d := range []struct {
			blanket bool
			review  string
		}{{true, "2026-01-01"}, {true, "2099-01-01"}, {false, "2026-02-01"}} {
			if _, err := db.Writer().Exec(`INSERT INTO decisions (org_id, service_id, status, blanket, review_date, complete, reasoning, owner_id, created_at, updated_at)
				VALUES ($1, $2, 'in_force', $3, $4, true, '{}', $5, $6, $6)`, f.trust.ID, unit.ID, d.blanket, d.review, lead, lightbulb.Now()); err != nil {
				t.Fatalf("decision %d: %v", i, err)
			}
		}
		// Cases: two of three received in the last twelve months reviewed;
		// one older, and one of another organisation's, left out.
		today := lightbulb.Today(lightbulb.Now())
		for i, k := range []struct {
			org      int64
			received string
			reviewed bool
		}{{f.trust.ID, lightbulb.AddDays(today, -10), true}, {f.trust.ID, lightbulb.AddDays(today, -300), true},
			{f.trust.ID, lightbulb.AddDays(today, -20), false}, {f.trust.ID, lightbulb.AddDays(today, -400), true}, {f.icb.ID, today, false}} {
			u := unit.ID
			if k.org == f.icb.ID {
				u = icbUnit.ID
			}
			if _, err := db.Writer().Exec(`INSERT INTO cases (org_id, type, source_ref, received, service_id, summary, reviewed, created_at, updated_at)
				VALUES ($1, 'pals', $2, $3, $4, 'x', $5, $6, $6)`, k.org, fmt.Sprint("C-", i), k.received, u, k.reviewed, lightbulb.Now()); err != nil {
				t.Fatalf("case %d: %v", i, err)
			}
		}
		pc, _ := svc.ProviderContract(f.pctx, id)
		ret := f.answers(pc, 0)
		ret.Answers[0].AttachRestrictions, ret.Answers[0].AttachTraining, ret.Answers[0].Evidence = true, true, ""
		ret.Answers[0].AttachCases = true
		if err := svc.SubmitReturn(f.pctx, id, ret); err == nil || !strings.Contains(err.Error(), "share them first") {
			t.Fatalf("figures before sharing: %v", err)
		}
		if c, _ := svc.Contract(f.cctx, id); len(c.Returns) != 0 {
			t.Fatalf("a refused return was saved")
		}
		share, err := f.rs.ShareRollup(f.pctx, f.icb.ID)
		must(t, err)
		must(t, svc.SubmitReturn(f.pctx, id, ret))
		c, _ := svc.Contract(f.cctx, id)
		got := c.Requirements[0].Latest.Counted
		if !c.Sharing || !got.HasRestrictions || got.BlanketInForce != 2 || got.Overdue != 2 || !got.HasTraining || got.People != 1 || got.At.IsZero() {
			t.Fatalf("counted evidence: sharing %v, %+v", c.Sharing, got)
		}
		if !got.HasCases || got.CasesReviewed != 2 || got.Cases != 3 {
			t.Fatalf("cases counted: %+v", got)
		}
		if c.Requirements[1].Latest.Counted.HasRestrictions || c.Requirements[1].Latest.Counted.HasCases {
			t.Fatal("a figure was attached to an answer that did not ask for it")
		}
		_, err = f.rs.RevokeShare(f.pctx, share.ID)
		must(t, err)
		if c, _ := svc.Contract(f.cctx, id); c.Sharing {
			t.Fatal("the contract still says the provider shares")
		}
	})
}
