package sqldb_test

import (
	"strings"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// An open involvement: experts see it unless opted out of its topics, ask
// to take part, cannot say yes until offered a place, and are offered one
// checked like any invitation.
func TestCoprodExpressInterest(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newCoprod(t, db)
		esther := &lightbulb.ExpertProfile{UserID: f.esther.ID, PreferredName: "Esther", ContactBy: "email", PayPref: "paid"}
		must(t, f.svc.SaveProfile(f.ctx, esther))
		inv, _, err := f.involvement(t, time.Now().AddDate(0, 0, 14)) // touches restraint; Owen opted out
		must(t, err)
		closed, _, err := f.involvement(t, time.Now().AddDate(0, 0, 15))
		must(t, err)
		if _, err := db.Writer().ExecContext(f.ctx, `UPDATE coprod_involvements SET open_to_interest = TRUE WHERE id = $1`, inv.ID); err != nil {
			t.Fatal(err)
		}
		recs, err := f.svc.MyRecords(f.ctx, f.esther.ID)
		must(t, err)
		if len(recs.Opportunities) != 1 || recs.Opportunities[0].ID != inv.ID {
			t.Fatalf("Esther's opportunities: %+v", recs.Opportunities)
		}
		if owen, _ := f.svc.MyRecords(f.ctx, f.o.ID); len(owen.Opportunities) != 0 {
			t.Fatal("an opted-out expert is shown an involvement touching the topic")
		}
		if err := f.svc.ExpressInterest(f.ctx, inv.ID, f.o.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("an opted-out expert asked to take part: %v", err)
		}
		if err := f.svc.ExpressInterest(f.ctx, closed.ID, f.esther.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("asking to join an involvement not open: %v", err)
		}
		must(t, f.svc.ExpressInterest(f.ctx, inv.ID, f.esther.ID))
		must(t, f.svc.ExpressInterest(f.ctx, inv.ID, f.esther.ID))
		if m := outboxFor(t, db, "lead@example.org"); len(m) != 1 || !strings.Contains(m[0].subject, "Esther asks to take part") ||
			!strings.Contains(m[0].body, "/coproduction/involvements/") {
			t.Fatalf("the leads are told once: %+v", m)
		}
		recs, _ = f.svc.MyRecords(f.ctx, f.esther.ID)
		if len(recs.Opportunities) != 0 || len(recs.Invites) != 1 || recs.Invites[0].State != lightbulb.InviteInterested {
			t.Fatalf("after asking: %+v %+v", recs.Opportunities, recs.Invites)
		}
		if err := f.svc.Respond(f.ctx, recs.Invites[0].ID, f.esther.ID, true, true); fieldsOf(err) != "answer" {
			t.Fatalf("saying yes before being offered a place: %v", err)
		}
		before := len(outboxFor(t, db, "esther@example.org"))
		must(t, f.svc.OfferPlace(f.ctx, recs.Invites[0].ID))
		if err := f.svc.OfferPlace(f.ctx, recs.Invites[0].ID); fieldsOf(err) != "offer" {
			t.Fatalf("offering twice: %v", err)
		}
		recs, _ = f.svc.MyRecords(f.ctx, f.esther.ID)
		if recs.Invites[0].State != lightbulb.InviteInvited || recs.Invites[0].OfferPence != 6000 || len(outboxFor(t, db, "esther@example.org")) != before+1 {
			t.Fatalf("the offer: %+v", recs.Invites[0])
		}
		must(t, f.svc.Respond(f.ctx, recs.Invites[0].ID, f.esther.ID, true, true))
	})
}
