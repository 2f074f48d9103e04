package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/content"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// SeedFramework loads the shipped Traffic Light review framework unless it is
// already there, so edits (later versions) survive; a framework seeded before
// it was translated gets the shipped Welsh where its English is unchanged.
func SeedFramework(ctx context.Context, db *sqldb.DB) (bool, error) {
	f := &lightbulb.Framework{Slug: sqldb.DefaultFramework, Name: content.FrameworkName}
	for _, s := range content.Framework() {
		f.Statements = append(f.Statements, s.Statement())
	}
	return sqldb.NewReviewService(db).SeedFramework(ctx, f)
}

// demoReviewedServices are Northbridge's reviewed services with their two rounds of
// ratings, one letter per statement in framework order: r(ed), a(mber),
// g(reen), n(ot applicable).
var demoReviewedServices = []struct {
	name           string
	first, second  string
	expertComments string
}{
	{"Ward 7 (older people’s mental health)", "raaarrraraaagarggaaraaan", "agaaarggagaggggggagaagan", "Visiting has improved a lot."},
	{"Community learning disability team", "aaragagraggaaggaaagaarnaa", "ggagggagagggagggagggaagg", "Plans are now written with people."},
	{"Maternity unit", "gaagagngagaraagaagagganag", "gaggagngaggaaagagagagagag", "Privacy on the ward is still a worry."},
}

var demoRatings = map[byte]lightbulb.Rating{'r': lightbulb.Red, 'a': lightbulb.Amber, 'g': lightbulb.Green, 'n': lightbulb.NotApplicable}

// loadDemoReviews gives Northbridge two submitted rounds of reviews for
// several services, a few actions, and shares its roll-up with Westshire
// ICB. It does nothing for a service that already has reviews.
func loadDemoReviews(ctx context.Context, db *sqldb.DB, out io.Writer) error {
	orgs, users, reviews := sqldb.NewOrgService(db), sqldb.NewUserService(db), sqldb.NewReviewService(db)
	nb, err := orgs.FindOrgBySlug(ctx, "northbridge-nhs")
	if err != nil {
		return err
	}
	ictx := lightbulb.WithOrg(ctx, nb.ID)
	people := map[string]*lightbulb.User{}
	for _, e := range []string{"lead@northbridge.test", "nurse@northbridge.test", "expert@lightbulb.test"} {
		if people[e], err = users.FindUserByEmail(ctx, e); err != nil {
			return fmt.Errorf("demo reviews: %s: %w", e, err)
		}
	}
	// The lived experience expert joins Northbridge to take part in its reviews.
	if _, err := users.FindMember(ictx, people["expert@lightbulb.test"].ID); err != nil {
		if err := users.SetRoles(ictx, people["expert@lightbulb.test"].ID, []lightbulb.Role{lightbulb.RoleExpert}); err != nil {
			return err
		}
	}
	lead := people["lead@northbridge.test"]
	lctx := lightbulb.WithActor(ictx, &lightbulb.Actor{UserID: lead.ID, Name: lead.Name, Roles: []lightbulb.Role{lightbulb.RoleLead}})
	existing, err := reviews.FindReviews(lctx, lightbulb.ReviewFilter{})
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, r := range existing {
		have[r.Subject] = true
	}
	added := 0
	for _, svc := range demoReviewedServices {
		if have[svc.name] {
			continue
		}
		for round, letters := range []string{svc.first, svc.second} {
			if err := demoReview(lctx, reviews, people, svc.name, round, letters, svc.expertComments); err != nil {
				return fmt.Errorf("demo review of %s: %w", svc.name, err)
			}
			added++
		}
	}
	shared, err := demoShare(lctx, orgs, reviews)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Demo reviews: %d reviews added%s.\n", added, shared)
	return nil
}

func demoReview(ctx context.Context, reviews *sqldb.ReviewService, people map[string]*lightbulb.User, subject string, round int,
	letters, comment string) error {
	start := time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 6*round, 0)
	r := &lightbulb.Review{Subject: subject, PeriodStart: start, PeriodEnd: start.AddDate(0, 6, -1)}
	if err := reviews.CreateReview(ctx, r); err != nil {
		return err
	}
	fw, err := reviews.FindFramework(ctx, r.FrameworkID)
	if err != nil {
		return err
	}
	nurse, expert := people["nurse@northbridge.test"], people["expert@lightbulb.test"]
	for _, c := range []lightbulb.Contributor{{UserID: nurse.ID, Kind: lightbulb.AsStaff}, {UserID: expert.ID, Kind: lightbulb.AsExpert}} {
		if err := reviews.AddContributor(ctx, r.ID, c); err != nil {
			return err
		}
	}
	var finals []lightbulb.Rated
	for i, s := range fw.Statements {
		rt := demoRatings[letters[i%len(letters)]]
		finals = append(finals, lightbulb.Rated{Code: s.Code, Rating: rt, Evidence: demoEvidence(rt, s.Theme)})
	}
	ectx := lightbulb.WithActor(ctx, &lightbulb.Actor{UserID: expert.ID, Name: expert.Name})
	if err := reviews.SaveContributions(ectx, r.ID, []lightbulb.Rated{{Code: fw.Statements[12].Code, Rating: finals[12].Rating,
		Evidence: comment + " " + finals[12].Evidence}}); err != nil {
		return err
	}
	// People who use the service, met at a coffee morning, rated one statement.
	g, err := reviews.RecordVoice(ctx, r.ID, lightbulb.ViaGroup, "Coffee morning on the ward, 6 people")
	if err != nil {
		return err
	}
	if err := reviews.SaveVoiceRatings(ctx, r.ID, g.ID, []lightbulb.Rated{{Code: fw.Statements[0].Code, Rating: finals[0].Rating,
		Evidence: finals[0].Evidence}}); err != nil {
		return err
	}
	if err := reviews.SaveFinals(ctx, r.ID, finals); err != nil {
		return err
	}
	if err := reviews.SubmitReview(ctx, r.ID); err != nil {
		return err
	}
	for i, f := range finals {
		if f.Rating != lightbulb.Red || i > 8 {
			continue
		}
		a := &lightbulb.Action{ReviewID: r.ID, StatementCode: f.Code, OwnerID: nurse.ID, Due: r.PeriodEnd.AddDate(0, 2, 0),
			Description: "Agree with the team what would turn this green, try it for a month and check the records.",
			Status:      []lightbulb.ActionStatus{lightbulb.ActionDone, lightbulb.ActionInProgress}[round]}
		if err := reviews.CreateAction(ctx, a); err != nil {
			return err
		}
	}
	return nil
}

func demoEvidence(r lightbulb.Rating, theme string) string {
	switch r {
	case lightbulb.Red:
		return "Records and conversations with staff show this is rarely done (" + theme + ")."
	case lightbulb.Amber:
		return "Done on some shifts but not others; the audit of ten records found gaps."
	case lightbulb.Green:
		return "Seen in practice and confirmed by people who use the service."
	}
	return ""
}

// demoShare shares Northbridge's roll-up with Westshire ICB once.
func demoShare(ctx context.Context, orgs *sqldb.OrgService, reviews *sqldb.ReviewService) (string, error) {
	icb, err := orgs.FindOrgBySlug(ctx, "westshire-icb")
	if err != nil {
		return "", err
	}
	shares, err := reviews.FindShares(ctx)
	if err != nil {
		return "", err
	}
	for _, s := range shares {
		if s.CommissionerID == icb.ID && s.Active() {
			return "", nil
		}
	}
	if _, err := reviews.ShareRollup(ctx, icb.ID); err != nil {
		return "", err
	}
	return " and the roll-up shared with " + icb.Name, nil
}
