package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// demoDecisionServices are the wards, teams and homes of the demo organisations.
var demoDecisionServices = map[string][]string{
	"northbridge-nhs": {"Willow Ward (older adults)", "Ash Ward (acute mental health)", "Maternity unit",
		"Ward 7 (older people’s mental health)", "Community learning disability team"},
	"riverside-council": {"Supported living team", "Reablement team"},
	"brightwell-care":   {"Oak House", "Meadow View"},
}

// demoDecisionReview is a review made afterDays after the decision.
type demoDecisionReview struct {
	afterDays  int
	note, out  string
	nextInDays int
}

// demoDecision is one decision, recorded daysAgo days ago.
type demoDecision struct {
	org, owner, service string
	daysAgo             int
	decide              bool
	reviews             []demoDecisionReview
	r                   lightbulb.Reasoning
}

func qualified(code, basis, aim, necessary, less, prop string) lightbulb.RightTest {
	return lightbulb.RightTest{Code: code, Restricts: "yes", LegalBasis: basis, Aim: aim, Necessary: necessary,
		LessRestrictive: less, Proportionate: prop}
}

func notRestricted(code string) lightbulb.RightTest {
	return lightbulb.RightTest{Code: code, Restricts: "no"}
}

func demoDecisions() []demoDecision {
	mca := "Mental Capacity Act 2005, sections 4 and 5 (best interests)"
	return []demoDecision{
		{"northbridge-nhs", "nurse@northbridge.test", "Willow Ward (older adults)", 40, true, nil, lightbulb.Reasoning{
			Proposal: "Keep the ward door locked at night while WW-07 is on the ward", Reason: "WW-07 has left the ward at night twice and was found confused in the car park in the cold.",
			Scope: lightbulb.ScopePerson, PersonRef: "WW-07", Involved: "partly", OwnWords: "I need to get home to feed the cat.",
			Others: "Her daughter agrees she is not safe outside alone at night.",
			Rights: []string{"A5", "A8"}, Tests: []lightbulb.RightTest{
				{Code: "A5", Restricts: "yes", PermittedCase: "Article 5(1)(e): lawful detention of a person of unsound mind, with a standard authorisation", LegalBasis: "Deprivation of Liberty Safeguards authorisation (Mental Capacity Act 2005, Schedule A1)",
					Necessary: "She cannot find her way back at night and has been found in the cold twice.", LessRestrictive: "A door sensor alone: staff could not reach her in time. Moving her nearer the nurses' station: she still left.",
					Proportionate: "Only at night, only while she is on the ward; she walks out with staff whenever she asks."},
				qualified("A8", mca, "health_morals", "Two night-time exits in a week; she could not find her way back.", "Door sensor alone: staff could not reach her in time. Night walks with staff: offered and used, but she still tries to leave alone.", "Door open by day; staff walk with her at night when she asks; reviewed monthly.")},
			Outcome: "Ward door locked 22:00 to 07:00; staff offer escorted walks on request.", DecidedBy: "Ward manager with the consultant"}},
		{"northbridge-nhs", "lead@northbridge.test", "Ash Ward (acute mental health)", 60, true, nil, lightbulb.Reasoning{
			Proposal: "Take mobile phones from every patient on admission", Reason: "Photos of other patients were posted online last year.",
			Scope: lightbulb.ScopeEveryone, BlanketWhy: "The ward policy applies it to all admissions.", Involved: "no", WhyNot: "It is a ward rule, not an individual decision.",
			Rights: []string{"A8", "A10"}, Tests: []lightbulb.RightTest{
				qualified("A8", "Trust policy on personal devices", "rights_of_others", "To protect other patients' privacy.", "Signs and a no-photography agreement were not tried.", "Applies to everyone, whatever their risk."),
				qualified("A10", "Trust policy on personal devices", "rights_of_others", "As above.", "Not considered.", "Not assessed person by person.")},
			Outcome: "Phones kept in the office; patients may ask to use them in the day room.", DecidedBy: "Modern matron"}},
		{"northbridge-nhs", "lead@northbridge.test", "Ash Ward (acute mental health)", 20, true, nil, lightbulb.Reasoning{
			Proposal: "Give AW-12's antipsychotic medicine hidden in food", Reason: "AW-12 lacks capacity to decide about medication and refuses it; without it he becomes very distressed.",
			Scope: lightbulb.ScopePerson, PersonRef: "AW-12", Involved: "yes", OwnWords: "I don't want tablets, they taste horrible.",
			Others: "His advocate asked for a liquid form to be tried first.",
			Rights: []string{"A8"}, Tests: []lightbulb.RightTest{qualified("A8", "Mental Health Act 1983, section 58, with a second opinion doctor's certificate", "health_morals",
				"Without treatment he has harmed himself twice.", "Liquid form: refused. Explaining each dose with his advocate: refused.", "Only this medicine, only while he lacks capacity; pharmacist checks the food.")},
			Outcome: "Covert administration in yoghurt at breakfast, with pharmacist advice.", DecidedBy: "Consultant psychiatrist, best interests meeting"}},
		{"northbridge-nhs", "nurse@northbridge.test", "Ward 7 (older people’s mental health)", 25, true, nil, lightbulb.Reasoning{
			Proposal: "Check W7-04 every 15 minutes through the night", Reason: "W7-04 has fallen twice at night trying to walk to the toilet alone.",
			Scope: lightbulb.ScopePerson, PersonRef: "W7-04", Involved: "yes", OwnWords: "I don't mind you looking in if you keep the light off.",
			Others: "His wife asked that staff knock softly.",
			Rights: []string{"A8"}, Tests: []lightbulb.RightTest{qualified("A8", mca, "health_morals", "Two falls at night in a fortnight, one with a head injury.",
				"A bed sensor alone: it sounded after he had already fallen. A commode by the bed: he will not use it.", "Only at night, light off, reviewed weekly with him.")},
			Outcome: "Checks every 15 minutes from 22:00 to 07:00 with the light off.", DecidedBy: "Ward manager with W7-04 and his wife"}},
		{"northbridge-nhs", "nurse@northbridge.test", "Willow Ward (older adults)", 3, false, nil, lightbulb.Reasoning{
			Proposal: "Leave WW-15 in wet bedding overnight rather than change him", Reason: "He shouts when woken and only two staff are on nights.",
			Scope: lightbulb.ScopePerson, PersonRef: "WW-15", Involved: "no", WhyNot: "He has dementia.",
			Rights: []string{"A3", "A8"}, Tests: []lightbulb.RightTest{{Code: "A3", Restricts: "yes", Necessary: "Only two staff on nights; changing him wakes the bay."}, notRestricted("A8")}}},
		{"northbridge-nhs", "nurse@northbridge.test", "Maternity unit", 2, false, nil, lightbulb.Reasoning{
			Proposal: "Allow only one birth partner at night on the postnatal ward", Reason: "Space between beds is tight.",
			Scope: lightbulb.ScopeGroup, Group: "Women on the postnatal ward overnight", Rights: []string{"A8"}}},
		{"riverside-council", "socialworker@riverside.test", "Supported living team", 90, true, []demoDecisionReview{{30, "Money still going missing after visits; SL-31 says he wants to see his brother but not give him money.", lightbulb.ReviewContinue, 60}}, lightbulb.Reasoning{
			Proposal: "Supervise SL-31's visits from his brother", Reason: "Cash and his bank card went missing after three visits; a safeguarding enquiry is open.",
			Scope: lightbulb.ScopePerson, PersonRef: "SL-31", Involved: "yes", OwnWords: "I love him but I don't want him taking my money.",
			Rights: []string{"A8", "P1A1"}, Tests: []lightbulb.RightTest{
				qualified("A8", "Care Act 2014, section 42 safeguarding enquiry", "rights_of_others", "To stop financial abuse while the enquiry runs.", "Locking the money away: tried, card still taken. Visits in public places: brother refused.", "Visits continue every week, only supervised; SL-31 agreed."),
				notRestricted("P1A1")},
			Outcome: "Brother's visits supervised by staff in the lounge.", DecidedBy: "Team manager with SL-31"}},
		{"riverside-council", "admin@riverside.test", "Reablement team", 120, true, []demoDecisionReview{{45, "Residents said they want to choose their own bedtime; the rota now has a late carer.", lightbulb.ReviewEnd, 0}}, lightbulb.Reasoning{
			Proposal: "Everyone to be in bed by 8pm because the evening carer leaves at 8:30", Reason: "Only one carer after 8:30pm.",
			Scope: lightbulb.ScopeEveryone, BlanketWhy: "The rota has one carer for the whole house.", Involved: "no", WhyNot: "Set by the rota.",
			Rights: []string{"A8"}, Tests: []lightbulb.RightTest{qualified("A8", "None beyond the staffing rota", "economic_wellbeing", "Staff cannot help everyone to bed later.", "A late carer shift: cost not approved at the time.", "Not proportionate: it ignores each person's wishes.")},
			Outcome: "Bedtimes at 8pm.", DecidedBy: "Service manager"}},
		{"riverside-council", "socialworker@riverside.test", "Supported living team", 15, true, nil, lightbulb.Reasoning{
			Proposal: "Staff hold SL-09's weekly cash and give it out daily", Reason: "SL-09 spent a week's money on day one twice and went without food.",
			Scope: lightbulb.ScopePerson, PersonRef: "SL-09", Involved: "yes", OwnWords: "Give me it each morning so I don't run out.",
			Rights: []string{"P1A1", "A8"}, Tests: []lightbulb.RightTest{
				qualified("P1A1", "Appointeeship under the Social Security (Claims and Payments) Regulations 1987", "rights_of_others", "So he has food every day.", "Budgeting support alone: tried for a month.", "He asked for it; he can ask for more on any day."),
				notRestricted("A8")},
			Outcome: "Daily cash of a seventh of the week's money; receipts kept.", DecidedBy: "Social worker with SL-09"}},
		{"brightwell-care", "manager@brightwell.test", "Oak House", 75, true, nil, lightbulb.Reasoning{
			Proposal: "Keypad lock on the front door for all residents", Reason: "Two residents with dementia are at risk if they leave alone.",
			Scope: lightbulb.ScopeEveryone, BlanketWhy: "The building has one front door.", Involved: "partly", Others: "Residents' meeting: most were unhappy about needing staff to go out.",
			Rights: []string{"A5", "A8"}, Tests: []lightbulb.RightTest{
				{Code: "A5", Restricts: "yes", PermittedCase: "Article 5(1)(e), for the two residents with authorisations", LegalBasis: "Deprivation of Liberty Safeguards authorisations for two residents only",
					Necessary: "Two residents with authorisations are at risk if they leave alone.", LessRestrictive: "Door alarms for the two residents: not tried.",
					Proportionate: "Not shown: the lock stops eleven residents going out to keep two safe."},
				qualified("A8", "Care Act 2014 duty of care", "health_morals", "To keep two residents safe.", "Code shown by the door for residents who can use it: not tried.", "Affects eleven residents to protect two.")},
			Outcome: "Keypad fitted; staff open the door on request.", DecidedBy: "Home manager"}},
		{"brightwell-care", "manager@brightwell.test", "Oak House", 10, true, nil, lightbulb.Reasoning{
			Proposal: "Give OH-3 her heart medicine crushed in jam", Reason: "She lacks capacity about medicines and spits tablets out.",
			Scope: lightbulb.ScopePerson, PersonRef: "OH-3", Involved: "yes", OwnWords: "I don't need pills.", Others: "Her son agrees, as her attorney for health.",
			Rights: []string{"A8"}, Tests: []lightbulb.RightTest{qualified("A8", mca, "health_morals", "Without it she has had two falls from low blood pressure.", "Liquid form: not available. Offering at different times: still refused.", "One medicine only, GP and pharmacist agreed, reviewed monthly.")},
			Outcome: "Covert administration of one medicine, with the GP's written agreement.", DecidedBy: "GP, home manager and her son"}},
		{"brightwell-care", "manager@brightwell.test", "Meadow View", 5, false, nil, lightbulb.Reasoning{
			Proposal: "Stop offering halal meals because the new supplier has none", Reason: "The new food contract is cheaper.",
			Scope: lightbulb.ScopeGroup, Group: "Muslim residents", Involved: "no",
			Rights: []string{"A9", "A14"}, Tests: []lightbulb.RightTest{{Code: "A9", Restricts: "yes", Aim: "economic_wellbeing"}, {Code: "A14", Restricts: "yes"}}}},
		{"brightwell-care", "manager@brightwell.test", "Meadow View", 30, true, nil, lightbulb.Reasoning{
			Proposal: "CCTV in the communal lounge, not in bedrooms", Reason: "Falls in the lounge at night were found late.",
			Scope: lightbulb.ScopeGroup, Group: "Residents using the lounge", Involved: "yes", OwnWords: "Residents' meeting agreed, as long as no cameras go in bedrooms.",
			Rights: []string{"A8"}, Tests: []lightbulb.RightTest{qualified("A8", "UK GDPR Article 6(1)(e) and the Care Quality Commission's guidance on surveillance", "health_morals", "Three unwitnessed falls in two months.", "Hourly checks: missed falls. Sensor mats: residents tripped on them.", "Lounge only, recording kept seven days, signs up, residents can ask for it off.")},
			Outcome: "Camera in the lounge, no sound, footage kept seven days.", DecidedBy: "Home manager with residents' meeting"}},
	}
}

// reviewDays sets when each decided demo decision is reviewed, counted from
// the day it was decided, so some fall overdue, some due soon.
var reviewDays = map[string]int{
	"Keep the ward door locked at night while WW-07 is on the ward": 60, "Take mobile phones from every patient on admission": 55,
	"Give AW-12's antipsychotic medicine hidden in food": 27, "Supervise SL-31's visits from his brother": 30,
	"Everyone to be in bed by 8pm because the evening carer leaves at 8:30": 40, "Staff hold SL-09's weekly cash and give it out daily": 90,
	"Keypad lock on the front door for all residents": 70, "Give OH-3 her heart medicine crushed in jam": 28,
	"CCTV in the communal lounge, not in bedrooms": 120, "Check W7-04 every 15 minutes through the night": 60,
}

// loadDemoDecisions adds the demo services and decisions; an organisation
// that already has a decision with the same proposal keeps it, so running
// it twice changes nothing.
func loadDemoDecisions(ctx context.Context, db *sqldb.DB, orgIDs map[string]int64, out io.Writer) error {
	svc, users := sqldb.NewDecisionService(db), sqldb.NewUserService(db)
	units := sqldb.NewUnitService(db)
	services := map[string]int64{}
	for slug, names := range demoDecisionServices {
		octx := lightbulb.WithOrg(ctx, orgIDs[slug])
		have, err := units.FindUnits(octx)
		if err != nil {
			return err
		}
		for _, s := range have {
			services[slug+"/"+s.Name] = s.ID
		}
		for _, n := range names {
			if _, ok := services[slug+"/"+n]; ok {
				continue
			}
			s := &lightbulb.Unit{Name: n}
			if err := units.CreateUnit(octx, s); err != nil {
				return fmt.Errorf("demo service %s: %w", n, err)
			}
			services[slug+"/"+n] = s.ID
		}
	}
	added := 0
	real := lightbulb.Now
	defer func() { lightbulb.Now = real }()
	for _, dd := range demoDecisions() {
		octx := lightbulb.WithOrg(ctx, orgIDs[dd.org])
		existing, err := svc.FindDecisions(octx, lightbulb.DecisionFilter{})
		if err != nil {
			return err
		}
		if hasProposal(existing, dd.r.Proposal) {
			continue
		}
		u, err := users.FindUserByEmail(ctx, dd.owner)
		if err != nil {
			return fmt.Errorf("demo decision owner %s: %w", dd.owner, err)
		}
		actx := lightbulb.WithActor(octx, &lightbulb.Actor{UserID: u.ID, Name: u.Name})
		if err := addDemoDecision(actx, svc, dd, services[dd.org+"/"+dd.service], real); err != nil {
			return fmt.Errorf("demo decision %q: %w", dd.r.Proposal, err)
		}
		added++
	}
	fmt.Fprintf(out, "Demo decisions: %d added.\n", added)
	return nil
}

func hasProposal(ds []*lightbulb.Decision, p string) bool {
	for _, d := range ds {
		if d.Reasoning.Proposal == p {
			return true
		}
	}
	return false
}

// addDemoDecision records one decision as if on its own date, then its reviews.
func addDemoDecision(ctx context.Context, svc *sqldb.DecisionService, dd demoDecision, serviceID int64, real func() time.Time) error {
	at := func(days int) { lightbulb.Now = func() time.Time { return real().AddDate(0, 0, -days) } }
	at(dd.daysAgo)
	r := dd.r
	r.Date = lightbulb.Today(lightbulb.Now())
	if n, ok := reviewDays[r.Proposal]; ok {
		r.ReviewDate = lightbulb.AddDays(r.Date, n)
	}
	d := &lightbulb.Decision{ServiceID: serviceID, Reasoning: r}
	if err := svc.CreateDecision(ctx, d); err != nil {
		return err
	}
	if !dd.decide {
		return nil
	}
	if _, err := svc.MarkDecided(ctx, d.ID); err != nil {
		return err
	}
	for _, rv := range dd.reviews {
		at(dd.daysAgo - rv.afterDays)
		next := ""
		if rv.nextInDays > 0 {
			next = lightbulb.AddDays(lightbulb.Today(lightbulb.Now()), rv.nextInDays)
		}
		if _, err := svc.ReviewDecision(ctx, d.ID, lightbulb.DecisionReview{Note: rv.note, Outcome: rv.out, ReviewDate: next}); err != nil {
			return err
		}
	}
	return nil
}
