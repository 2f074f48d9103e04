package cli

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// demoActions are the Action Plan's actions for the demo, in our own words:
// role, English, Welsh, Easy Read.
var demoActions = [][4]string{
	{lightbulb.PlanIndividual, "Learn the 16 rights in the Human Rights Act and what each protects.", "Dysgu'r 16 hawl yn Neddf Hawliau Dynol a'r hyn y mae pob un yn ei ddiogelu.", "Find out about your 16 human rights."},
	{lightbulb.PlanIndividual, "Ask how a decision about you or someone you care for respects their rights.", "Gofyn sut mae penderfyniad amdanoch chi neu rywun rydych yn gofalu amdano yn parchu ei hawliau.", "Ask if a decision about you respects your rights."},
	{lightbulb.PlanIndividual, "Talk to one person this month about why human rights matter in everyday life.", "Siarad ag un person y mis hwn am pam mae hawliau dynol yn bwysig bob dydd.", "Tell one person why human rights matter."},
	{lightbulb.PlanIndividual, "Share a plain-language guide to rights with a friend or family member.", "Rhannu canllaw iaith glir i hawliau gyda ffrind neu aelod o'r teulu.", "Share an easy guide about rights."},
	{lightbulb.PlanCommunity, "Put human rights on the agenda of a group you belong to.", "Rhoi hawliau dynol ar agenda grŵp rydych yn perthyn iddo.", "Talk about rights at a group you go to."},
	{lightbulb.PlanCommunity, "Help a neighbour raise a concern with a public service using their rights.", "Helpu cymydog i godi pryder gyda gwasanaeth cyhoeddus gan ddefnyddio ei hawliau.", "Help someone speak up about their rights."},
	{lightbulb.PlanCommunity, "Invite people with lived experience to shape what your group does.", "Gwahodd pobl â phrofiad bywyd i lunio'r hyn y mae eich grŵp yn ei wneud.", "Ask people with experience to help plan."},
	{lightbulb.PlanCommunity, "Make your group's events accessible, with Easy Read and step-free venues.", "Gwneud digwyddiadau eich grŵp yn hygyrch, gydag Hawdd ei Ddeall a lleoliadau heb risiau.", "Make events easy for everyone to join."},
	{lightbulb.PlanPublicBody, "Check one blanket rule in your service against the rights it restricts.", "Gwirio un rheol gyffredinol yn eich gwasanaeth yn erbyn yr hawliau y mae'n eu cyfyngu.", "Look at one rule that applies to everyone. Is it fair?"},
	{lightbulb.PlanPublicBody, "Record the person's own views in every decision that limits their rights.", "Cofnodi barn y person ei hun ym mhob penderfyniad sy'n cyfyngu ar ei hawliau.", "Write down what the person wants."},
	{lightbulb.PlanPublicBody, "Keep the list of rights to hand when you review incidents and complaints.", "Cadw'r rhestr hawliau wrth law wrth adolygu digwyddiadau a chwynion.", "Use the list of rights when you look at complaints."},
	{lightbulb.PlanPublicBody, "Book your team onto human rights training this year.", "Archebu eich tîm ar hyfforddiant hawliau dynol eleni.", "Get training about rights for your team."},
	{lightbulb.PlanPublicBody, "Ask the people you support how your service could respect their rights better.", "Gofyn i'r bobl rydych yn eu cefnogi sut y gallai eich gwasanaeth barchu eu hawliau'n well.", "Ask people how you could do better."},
	{lightbulb.PlanPolicymaker, "Test a new policy against the Human Rights Act before it is agreed.", "Profi polisi newydd yn erbyn Deddf Hawliau Dynol cyn iddo gael ei gytuno.", "Check new rules against human rights first."},
	{lightbulb.PlanPolicymaker, "Write human rights requirements into the contracts you commission.", "Ysgrifennu gofynion hawliau dynol yn y contractau rydych yn eu comisiynu.", "Put rights in contracts."},
	{lightbulb.PlanPolicymaker, "Meet people affected by a decision before you make it.", "Cwrdd â phobl y mae penderfyniad yn effeithio arnynt cyn i chi ei wneud.", "Meet the people a decision is about."},
	{lightbulb.PlanPolicymaker, "Publish how your organisation measures its progress on human rights.", "Cyhoeddi sut mae eich sefydliad yn mesur ei gynnydd ar hawliau dynol.", "Tell people how you check you are doing well."},
}

// demoOwnActions are actions people wrote themselves, waiting to be read.
var demoOwnActions = []string{
	"Read one right a week with my book club.",
	"Ask our housing office how it decides who gets a home visit.",
	"Put the pocket card of rights on the staff room wall.",
	"Check our day centre's rules on phones with the people who use it.",
	"Invite a lived experience expert to our next team meeting.",
}

var (
	demoFirst = []string{"Alys", "Ben", "Carys", "Dev", "Eleri", "Femi", "Gethin", "Hana", "Iwan", "Jas", "Kai", "Lowri", "Mo", "Nia", "Owen", "Priya"}
	demoLast  = []string{"Ahmed", "Bevan", "Clarke", "Davies", "Evans", "Fraser", "Griffiths", "Hughes", "Islam", "Jones", "Kaur", "Lewis", "Morgan"}
)

// loadActionPlanDemo adds the actions, 400 sign-ups (a few suspect), 200
// subscribers and a newsletter sent to them through the queue.
func loadActionPlanDemo(ctx context.Context, db *sqldb.DB, out io.Writer) error {
	ap := sqldb.NewActionPlanService(db, "")
	if as, err := ap.FindActionItems(ctx, "", true); err != nil || len(as) > 0 {
		fmt.Fprintln(out, "Action Plan demo: already loaded.")
		return err
	}
	byRole := map[string][]int64{}
	for _, d := range demoActions {
		a := &lightbulb.ActionItem{Role: d[0], Text: d[1], TextCy: d[2], Easy: d[3]}
		if err := ap.SaveActionItem(ctx, a); err != nil {
			return fmt.Errorf("demo action: %w", err)
		}
		byRole[a.Role] = append(byRole[a.Role], a.ID)
	}
	// Northbridge counts its staff's signatures; some public body workers
	// counted theirs for it.
	trust, err := sqldb.NewOrgService(db).FindOrgBySlug(ctx, "northbridge-nhs")
	if err != nil {
		return fmt.Errorf("demo action plan: %w", err)
	}
	if err := ap.SetOrgOptIn(lightbulb.WithOrg(ctx, trust.ID), true); err != nil {
		return err
	}
	sigs := demoSignatures(byRole)
	for i := range sigs {
		if sigs[i].Role == lightbulb.PlanPublicBody && i%3 == 0 {
			sigs[i].OrgID = trust.ID
		}
	}
	if err := ap.SeedSignatures(ctx, sigs); err != nil {
		return err
	}
	if err := ap.RefreshCounts(ctx); err != nil {
		return err
	}
	if err := demoNewsletter(ctx, db); err != nil {
		return err
	}
	fmt.Fprintf(out, "Action Plan demo: %d actions, 400 sign-ups, 200 newsletter subscribers and a newsletter sent.\n", len(demoActions))
	return nil
}

// demoSignatures spreads 400 sign-ups over the roles, nations and the last
// year; every 50th is from a domain a bot used and is marked suspect.
func demoSignatures(byRole map[string][]int64) []sqldb.SeedSignature {
	nations := append([]string{""}, lightbulb.Nations...)
	now := lightbulb.Now()
	rnd := rand.New(rand.NewPCG(16, 1998)) // the same demo every time
	var out []sqldb.SeedSignature
	for i := 0; i < 400; i++ {
		role := lightbulb.PlanRoles[rnd.IntN(len(lightbulb.PlanRoles))]
		acts := byRole[role]
		var chosen []int64
		for _, a := range acts {
			if rnd.IntN(5) < 2 || (a == acts[len(acts)-1] && len(chosen) == 0) {
				chosen = append(chosen, a)
			}
		}
		name := demoFirst[i%len(demoFirst)] + " " + demoLast[(i/3)%len(demoLast)]
		g := sqldb.SeedSignature{SignRequest: lightbulb.SignRequest{Role: role, Actions: chosen, Name: name,
			Email: fmt.Sprintf("signer%03d@example.org", i), Nation: nations[rnd.IntN(len(nations))], Checkins: i%3 != 0,
			Lang: lightbulb.Languages[i%4/3]}, Confirmed: now.Add(-time.Duration(i*20) * time.Hour)}
		if g.Nation == "wales" {
			g.LocalAuthority = lightbulb.LocalAuthorities["wales"][i%22]
		}
		for _, a := range chosen {
			if rnd.IntN(2) == 0 {
				g.Taken = append(g.Taken, a)
			}
		}
		if i%40 == 5 {
			g.OwnAction = demoOwnActions[(i/40)%len(demoOwnActions)]
		}
		if i%50 == 49 {
			g.Email, g.Suspect = fmt.Sprintf("x%03d@bulk-signups.test", i), true
		}
		if i%25 == 24 {
			g.Confirmed = time.Time{}
		}
		out = append(out, g)
	}
	return out
}

// demoNewsletter adds 200 subscribers (one in four Welsh), a draft, and a
// campaign sent to them by the queue's own jobs.
func demoNewsletter(ctx context.Context, db *sqldb.DB) error {
	nl := sqldb.NewNewsletterService(db, "")
	nl.Batch = 500 // one batch: the whole send happens here
	var emails []string
	for i := 0; i < 200; i++ {
		emails = append(emails, fmt.Sprintf("reader%03d@example.org", i))
	}
	if err := nl.SeedSubscribers(ctx, emails, []string{"en", "en", "en", "cy"}, "Email me the newsletter each month."); err != nil {
		return err
	}
	sent := &lightbulb.Campaign{Subject: "Human rights this month", SubjectCy: "Hawliau dynol y mis hwn",
		Body:   "## What changed\nA new guide to visiting rights in care homes.\n\n- Training dates for the spring\n- **Sign the Action Plan** at /action-plan",
		BodyCy: "## Beth sydd wedi newid\nCanllaw newydd i hawliau ymweld mewn cartrefi gofal.\n\n- Dyddiadau hyfforddi ar gyfer y gwanwyn\n- **Llofnodwch y Cynllun Gweithredu** yn /action-plan"}
	draft := &lightbulb.Campaign{Subject: "Next month's news", SubjectCy: "Newyddion y mis nesaf", Body: "Draft.", BodyCy: "Drafft."}
	for _, c := range []*lightbulb.Campaign{sent, draft} {
		if err := nl.SaveCampaign(ctx, c); err != nil {
			return err
		}
	}
	if err := nl.ScheduleCampaign(ctx, sent.ID, time.Time{}); err != nil {
		return err
	}
	// Send it now, as serve's workers would, so its numbers are real.
	q := jobs.NewQueue(db.Writer(), string(db.Dialect)).ReadFrom(db.Reader())
	nl.RegisterJobs(q)
	for {
		n, err := q.RunDue(ctx, 100)
		if err != nil || n == 0 {
			return err
		}
	}
}
