package sqldb_test

import (
	"context"
	"regexp"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// TestReviewVoices: a link rates a review with no account and keeps no
// address; it stops when it expires; a lead records a group but never
// rates through someone's link; contributions mark how views came; another
// organisation reaches none of it.
func TestReviewVoices(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		rs := seedTestFramework(t, db)
		a := sqldbtest.MustOrg(t, db, "trust-a", lightbulb.KindNHSTrust)
		b := sqldbtest.MustOrg(t, db, "care-b", lightbulb.KindCareProvider)
		lead := sqldbtest.MustUser(t, db, "lead@a.test", a, lightbulb.RoleLead)
		leadB := sqldbtest.MustUser(t, db, "lead@b.test", b, lightbulb.RoleLead)
		ctx, ctxB := actorCtx(a, lead), actorCtx(b, leadB)
		sqldbtest.MustUnit(t, db, a, "Ward 7")
		r := &lightbulb.Review{Subject: "Ward 7", PeriodStart: day(2026, 1, 1), PeriodEnd: day(2026, 3, 31)}
		if err := rs.CreateReview(ctx, r); err != nil {
			t.Fatal(err)
		}
		if _, err := rs.InviteVoice(ctx, r.ID, "nope", "en"); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("a bad address: %v", err)
		}
		if _, err := rs.InviteVoice(ctxB, r.ID, "dai@example.org", "en"); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation invites: %v", err)
		}
		start := lightbulb.Now()
		v, err := rs.InviteVoice(ctx, r.ID, "dai@example.org", "cy")
		if err != nil || v.Via != lightbulb.ViaLink || !v.ExpiresAt.After(start.AddDate(0, 0, lightbulb.VoiceLinkDays-1)) {
			t.Fatalf("invite: %+v, %v", v, err)
		}
		ms, _ := sqldb.NewMailService(db).FindMail(context.Background(), 5)
		token := regexp.MustCompile(`/rate/([A-Za-z0-9_-]+)`).FindStringSubmatch(ms[0].Body)
		if len(ms) != 1 || token == nil || ms[0].Lang != lightbulb.LangWelsh {
			t.Fatalf("the link email: %+v", ms)
		}
		var kept int
		if err := db.Reader().QueryRow(`SELECT count(*) FROM review_voices WHERE label <> '' OR token_hash = $1`, token[1]).Scan(&kept); err != nil || kept != 0 {
			t.Fatalf("the address or the bare token was kept: %d %v", kept, err)
		}

		// Rating through the link: all or nothing; the lead cannot.
		pub := context.Background()
		if err := rs.RateByToken(pub, token[1], []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Red}}); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("red without evidence: %v", err)
		}
		if err := rs.RateByToken(pub, token[1], []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Red, Evidence: "Nobody explained"}}); err != nil {
			t.Fatal(err)
		}
		if err := rs.SaveVoiceRatings(ctx, r.ID, v.ID, []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Green}}); lightbulb.ErrorCode(err) != lightbulb.EFORBIDDEN {
			t.Fatalf("the lead rates through a link: %v", err)
		}
		if _, _, err := rs.VoiceByToken(pub, "wrong"); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("a wrong token: %v", err)
		}

		// A group's views, recorded by the lead.
		if _, err := rs.RecordVoice(ctx, r.ID, "party", "x"); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("a made-up way: %v", err)
		}
		g, err := rs.RecordVoice(ctx, r.ID, lightbulb.ViaAdvocate, "Advocate for a resident")
		if err != nil {
			t.Fatal(err)
		}
		if err := rs.SaveVoiceRatings(ctxB, r.ID, g.ID, []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Green}}); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation records: %v", err)
		}
		if err := rs.SaveVoiceRatings(ctx, r.ID, g.ID, []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Red, Evidence: "Not told"}}); err != nil {
			t.Fatal(err)
		}
		cs, err := rs.Contributions(ctx, r.ID)
		if err != nil || len(cs) != 2 || cs[0].Via != lightbulb.ViaLink || cs[1].Via != lightbulb.ViaAdvocate ||
			cs[1].UserName != "Advocate for a resident" || cs[0].Kind != lightbulb.AsServiceUser || cs[0].UserID != 0 {
			t.Fatalf("contributions = %+v, %v", cs, err)
		}
		if ag := lightbulb.Agreements(cs)["K1"]; ag.State != lightbulb.AgreeAll || ag.Rating != lightbulb.Red {
			t.Fatalf("agreement of the two voices: %+v", ag)
		}
		if vs, _ := rs.Voices(ctxB, r.ID); len(vs) != 0 {
			t.Fatalf("another organisation lists the voices: %+v", vs)
		}
		if vs, _ := rs.Voices(ctx, r.ID); len(vs) != 2 || vs[0].Rated != 1 || vs[1].Rated != 1 {
			t.Fatalf("voices = %+v", vs)
		}

		// After the link's days it no longer works.
		setClock(t, start.AddDate(0, 0, lightbulb.VoiceLinkDays).Add(time.Minute))
		if _, _, err := rs.VoiceByToken(pub, token[1]); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("an expired link: %v", err)
		}
		if err := rs.RateByToken(pub, token[1], []lightbulb.Rated{{Code: "K1", Rating: lightbulb.Green}}); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("rating through an expired link: %v", err)
		}
	})
}
