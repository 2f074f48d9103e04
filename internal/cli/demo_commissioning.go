package cli

import (
	"context"
	"fmt"
	"io"
	"math"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/content"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// The demo principles of Westshire ICB, in English and Welsh.
const (
	demoPrinciplesEN = `We commission services that respect, protect and fulfil the human rights of everyone who uses them.

1. People come first: we ask what matters to the people who use a service, and they and lived experience experts help us decide what to buy and how we check it.
2. Restrictions are the exception: a restriction of anyone's rights must be lawful, for a legitimate aim, necessary and proportionate, decided for the person and reviewed.
3. We prevent poor outcomes rather than wait for failures: our contracts ask providers to show how rights are part of everyday decisions.
4. Fairness, respect, equality, dignity and autonomy guide how we treat providers and how we expect them to treat people.
5. We are open: these principles, and how providers meet them, are published.`
	demoPrinciplesCY = `Rydym yn comisiynu gwasanaethau sy'n parchu, yn diogelu ac yn cyflawni hawliau dynol pawb sy'n eu defnyddio.

1. Pobl yn gyntaf: rydym yn gofyn beth sy'n bwysig i'r bobl sy'n defnyddio gwasanaeth, ac maen nhw ac arbenigwyr drwy brofiad yn ein helpu i benderfynu beth i'w brynu a sut rydym yn ei wirio.
2. Eithriad yw cyfyngiadau: rhaid i unrhyw gyfyngiad ar hawliau rhywun fod yn gyfreithlon, at nod dilys, yn angenrheidiol ac yn gymesur, wedi'i benderfynu ar gyfer yr unigolyn a'i adolygu.
3. Rydym yn atal canlyniadau gwael yn hytrach nag aros am fethiannau: mae ein contractau'n gofyn i ddarparwyr ddangos sut mae hawliau'n rhan o benderfyniadau bob dydd.
4. Tegwch, parch, cydraddoldeb, urddas ac ymreolaeth sy'n arwain sut rydym yn trin darparwyr a sut rydym yn disgwyl iddyn nhw drin pobl.
5. Rydym yn agored: mae'r egwyddorion hyn, a sut mae darparwyr yn eu bodloni, yn cael eu cyhoeddi.`
)

// demoContract is one of Westshire's demo contracts: its provider's lead,
// the starter requirements it carries (by index) and each quarter's ratings.
type demoContract struct {
	c        lightbulb.Contract
	provider string // the provider's slug
	lead     string
	reqs     []int
	ratings  [4]lightbulb.Rating // oldest return first, for every requirement
	evidence string
	late     int // which of the four returns is sent late, or -1
}

// loadCommissioningDemo gives Westshire ICB published principles (two
// versions), the starter library, and contracts with Northbridge and
// Brightwell, each with a year of quarterly returns and assurance reports:
// earlier ones final, Northbridge's latest still open to check. It does
// nothing when Westshire already has contracts.
func loadCommissioningDemo(ctx context.Context, db *sqldb.DB, out io.Writer) error {
	orgs := sqldb.NewOrgService(db)
	icb, err := orgs.FindOrgBySlug(ctx, "westshire-icb")
	if err != nil {
		return fmt.Errorf("commissioning demo: %w", err)
	}
	ids, err := demoUserIDs(ctx, db, "commissioner@westshire.test")
	if err != nil {
		return err
	}
	svc := sqldb.NewCommissioningService(db, "http://localhost:8080")
	cctx := lightbulb.WithActor(lightbulb.WithOrg(ctx, icb.ID), &lightbulb.Actor{UserID: ids[0]})
	if cs, err := svc.Contracts(cctx); err != nil || len(cs) > 0 {
		fmt.Fprintln(out, "Commissioning demo: already loaded.")
		return err
	}
	at := func(days int, fn func() error) error {
		real := lightbulb.Now
		lightbulb.Now = func() time.Time { return demoAt(days, 10).UTC() }
		defer func() { lightbulb.Now = real }()
		return fn()
	}
	for _, p := range []struct {
		days   int
		en, cy string
	}{{-320, "We commission services that respect the human rights of everyone who uses them.", "Rydym yn comisiynu gwasanaethau sy'n parchu hawliau dynol pawb sy'n eu defnyddio."},
		{-60, demoPrinciplesEN, demoPrinciplesCY}} {
		if err := at(p.days, func() error {
			return svc.PublishPrinciples(cctx, &lightbulb.PrinciplesStatement{BodyEN: p.en, BodyCY: p.cy})
		}); err != nil {
			return fmt.Errorf("demo principles: %w", err)
		}
	}
	if err := at(-330, func() error { _, err := svc.LoadStarter(cctx, content.StarterLibrary()); return err }); err != nil {
		return fmt.Errorf("demo library: %w", err)
	}
	lib, err := svc.Requirements(cctx)
	if err != nil {
		return err
	}
	for _, d := range demoContracts() {
		if err := loadDemoContract(ctx, cctx, db, svc, lib, d, at); err != nil {
			return err
		}
	}
	if err := demoRoundtable(ctx, cctx, db, svc, at); err != nil {
		return err
	}
	if err := demoVisits(cctx, svc, at); err != nil {
		return err
	}
	fmt.Fprintln(out, "Commissioning demo: Westshire ICB's principles, library and two contracts with a year of returns.")
	return nil
}

func demoContracts() []demoContract {
	start, _ := lightbulb.MakeDate(demoAt(-340, 12).Year(), 4, 1)
	end, _ := lightbulb.MakeDate(start.Time().Year()+3, 3, 31)
	g, a, r := lightbulb.Green, lightbulb.Amber, lightbulb.Red
	return []demoContract{
		{c: lightbulb.Contract{Title: "Adult acute mental health inpatient services", ValuePence: 1_840_000_000, StartsOn: start, EndsOn: end,
			Services: "Willow Ward\nOak Ward"}, provider: "northbridge-nhs", lead: "lead@northbridge.test",
			reqs: []int{0, 2, 4, 5, 6}, ratings: [4]lightbulb.Rating{r, a, a, g},
			evidence: "Blanket restrictions register reviewed at the ward governance meeting; training figures from the learning system.", late: -1},
		{c: lightbulb.Contract{Title: "Residential and nursing care", ValuePence: 235_000_000, StartsOn: start, EndsOn: end,
			Services: "Brightwell House\nBrightwell Lodge"}, provider: "brightwell-care", lead: "manager@brightwell.test",
			reqs: []int{0, 1, 8, 9}, ratings: [4]lightbulb.Rating{a, a, g, g},
			evidence: "Visiting policy revised with residents' families; care plans audited for preferences.", late: 2},
	}
}

// loadDemoContract records one contract with a quarterly return schedule,
// its first four returns and two assurance reports.
func loadDemoContract(ctx, cctx context.Context, db *sqldb.DB, svc *sqldb.CommissioningService, lib []*lightbulb.Requirement,
	d demoContract, at func(int, func() error) error) error {
	prov, err := sqldb.NewOrgService(db).FindOrgBySlug(ctx, d.provider)
	if err != nil {
		return err
	}
	ids, err := demoUserIDs(ctx, db, d.lead)
	if err != nil {
		return err
	}
	pctx := lightbulb.WithActor(lightbulb.WithOrg(ctx, prov.ID), &lightbulb.Actor{UserID: ids[0]})
	c := d.c
	c.ProviderID = prov.ID
	if err := at(-335, func() error { return svc.CreateContract(cctx, &c) }); err != nil {
		return fmt.Errorf("demo contract: %w", err)
	}
	for _, i := range d.reqs {
		if err := svc.AttachRequirement(cctx, c.ID, lib[i].ID, lightbulb.DateOf(c.StartsOn.Time().AddDate(0, 0, 91))); err != nil {
			return fmt.Errorf("demo attach: %w", err)
		}
	}
	reviews, err := svc.EvidenceReviews(pctx, c.ID)
	if err != nil {
		return err
	}
	sch, err := demoSchedule(cctx, svc, &c, at)
	if err != nil {
		return err
	}
	for q, p := range sch.Periods(&c)[:4] {
		full, _ := svc.ProviderContract(pctx, c.ID)
		ret := &lightbulb.Return{}
		for _, cr := range full.Requirements {
			a := &lightbulb.Answer{ContractRequirementID: cr.ID, Rating: d.ratings[q], Evidence: d.evidence}
			if len(reviews) > 0 && reviews[0].Shared && cr.Requirement.Code == lib[6].Code && q == 3 {
				a.ReviewID = reviews[0].ID
			}
			ret.Answers = append(ret.Answers, a)
		}
		if err := demoReturn(pctx, svc, full, p, ret, q == d.late, at); err != nil {
			return fmt.Errorf("demo return: %w", err)
		}
	}
	// Open whatever is due now, as today's job would.
	if err := at(0, func() error { _, err := svc.RunReturnSchedules(cctx); return err }); err != nil {
		return err
	}
	return demoReports(cctx, svc, c.ID, d.provider == "northbridge-nhs", at)
}

// demoReports issues a report after the second return, made final when its
// window closed, and a newer one: still open for Northbridge, final for
// Brightwell.
func demoReports(cctx context.Context, svc *sqldb.CommissioningService, id int64, open bool, at func(int, func() error) error) error {
	latest := -1
	if !open {
		latest = -50
	}
	for i, days := range []int{-150, latest} {
		c, err := svc.Contract(cctx, id)
		if err != nil {
			return err
		}
		a := &lightbulb.Assessment{Summary: []string{
			"Restrictions are now recorded, but reviews are not yet quarterly everywhere. Training is improving.",
			"Good progress: the register is reviewed quarterly and people who use the service took part in the Traffic Light review. Keep training on track."}[i]}
		for _, cr := range c.Requirements {
			a.Lines = append(a.Lines, &lightbulb.AssessmentLine{ContractRequirementID: cr.ID, Rating: []lightbulb.Rating{lightbulb.Amber, lightbulb.Green}[i]})
		}
		if err := at(days, func() error { return svc.IssueDraft(cctx, id, a) }); err != nil {
			return fmt.Errorf("demo report: %w", err)
		}
		if days+lightbulb.FactCheckDays < 0 {
			if err := at(days+lightbulb.FactCheckDays+1, func() error { return svc.CloseFactCheck(cctx, a.ID) }); err != nil {
				return err
			}
		}
	}
	return nil
}

// demoSchedule gives a demo contract quarterly returns, the first due about
// ten months ago (or just after the contract starts, if later).
func demoSchedule(cctx context.Context, svc *sqldb.CommissioningService, c *lightbulb.Contract, at func(int, func() error) error) (lightbulb.ReturnSchedule, error) {
	sch := lightbulb.ReturnSchedule{Frequency: "quarterly", FirstDue: lightbulb.DateOf(demoAt(-300, 12))}
	if !c.StartsOn.Before(sch.FirstDue) {
		sch.FirstDue = lightbulb.DateOf(c.StartsOn.In(lightbulb.London).AddDate(0, 0, 1))
	}
	if err := at(-334, func() error { return svc.SetReturnSchedule(cctx, c.ID, sch) }); err != nil {
		return sch, fmt.Errorf("demo schedule: %w", err)
	}
	return sch, nil
}

// demoReturn sends a demo return for scheduled period p as the job and the
// provider would have: the job opens it four weeks before its day, the
// provider sends it five days before (or, when late, the job chases it and
// it comes eight days after). A period that opens after today is answered
// today outside the schedule instead.
func demoReturn(pctx context.Context, svc *sqldb.CommissioningService, c *lightbulb.Contract, p *lightbulb.ReturnPeriod,
	ret *lightbulb.Return, late bool, at func(int, func() error) error) error {
	due := int(math.Round(p.DueOn.In(lightbulb.London).Sub(demoAt(0, 0)).Hours() / 24))
	if due-lightbulb.ReturnOpenDays > 0 {
		ret.Period = p.Name("en")
		return at(-10, func() error { return svc.SubmitReturn(pctx, c.ID, ret) })
	}
	run := func() error { _, err := svc.RunReturnSchedules(pctx); return err }
	if err := at(due-lightbulb.ReturnOpenDays, run); err != nil {
		return err
	}
	send := min(due-5, 0)
	if late {
		if err := at(due+1, run); err != nil {
			return err
		}
		send = min(due+8, 0)
	}
	full, err := svc.ProviderContract(pctx, c.ID)
	if err != nil {
		return err
	}
	for _, x := range full.Periods {
		if x.DueOn == p.DueOn {
			ret.PeriodID = x.ID
		}
	}
	return at(send, func() error { return svc.SubmitReturn(pctx, c.ID, ret) })
}
