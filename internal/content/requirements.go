package content

import lightbulb "github.com/lightbulb-hr/lightbulb"

// StarterRequirement is one requirement of the starter library a
// commissioner can load into their own: written in Lightbulb's own words,
// with the rights it engages, the FREDA and PANEL principles, tags for what
// it maps to, the evidence expected and an optional measure.
type StarterRequirement struct {
	Text, Evidence, Measure, Frequency, Target string
	Rights, Principles, Tags                   []string
}

func req(text, evidence string, rights, principles, tags []string, measure ...string) StarterRequirement {
	r := StarterRequirement{Text: text, Evidence: evidence, Rights: rights, Principles: principles, Tags: tags}
	if len(measure) == 3 {
		r.Measure, r.Frequency, r.Target = measure[0], measure[1], measure[2]
	}
	return r
}

// StarterRequirements returns the starter library of twenty requirements.
func StarterRequirements() []StarterRequirement {
	return []StarterRequirement{
		req("Every blanket restriction in the service is recorded with its reasons and reviewed at least every quarter.",
			"The register of blanket restrictions, with the date each was last reviewed and what changed.",
			l("A5", "A8"), l("Autonomy", "Legality", "Accountability"), l("Standard Contract SC32", "CQC: Involving people to manage risks"),
			"Blanket restrictions reviewed within 3 months", "quarterly", "100%"),
		req("Any restriction of a person's rights is decided individually, tested as lawful, for a legitimate aim, necessary and proportionate, with less restrictive options considered.",
			"A sample of decision records showing each test, and the person's own views.",
			l("A5", "A8", "A14"), l("Legality", "Autonomy", "Fairness"), l("CQC: Independence, choice and control"),
			"Decision records with complete reasoning", "quarterly", "90%"),
		req("Staff are trained in human rights and the Human Rights Act duty, and know how to apply it to everyday decisions.",
			"Training coverage by role, and what staff said changed in their practice.",
			l("A3", "A8", "A14"), l("Accountability", "Empowerment"), l("EDS 2022 Domain 2", "CQC: Learning culture"),
			"Staff in direct care trained in human rights", "quarterly", "85%"),
		req("Staff who may use restrictive practice are trained to the Restraint Reduction Network standards, with refreshers on time.",
			"Certified training records against the standards, and refresher dates.",
			l("A3", "A5", "A8"), l("Dignity", "Legality"), l("Standard Contract SC32", "CQC: Safeguarding"),
			"Eligible staff with in-date certified training", "quarterly", "95%"),
		req("Every use of restraint, seclusion or rapid tranquillisation is recorded, reviewed through the rights lens and learned from.",
			"Incident reviews naming the rights engaged, and actions taken to reduce use.",
			l("A2", "A3", "A5", "A8"), l("Dignity", "Accountability", "Legality"), l("Standard Contract SC33", "CQC: Safeguarding"),
			"Restrictive practice incidents reviewed within 14 days", "monthly", "100%"),
		req("Complaints and incidents are reviewed through the rights lens: which rights they engage, and whether they were respected.",
			"The share of complaints and incidents reviewed through the rights lens, with examples of learning.",
			l("A3", "A6", "A8", "A14"), l("Accountability", "Fairness"), l("Standard Contract SC16", "CQC: Learning culture"),
			"Complaints and incidents reviewed through the rights lens", "quarterly", "80%"),
		req("People who use the service and lived experience experts take part in the service's Traffic Light review, and are paid for their time.",
			"The latest Traffic Light review with who took part, and payments to lived experience experts.",
			l("A8", "A10", "A14"), l("Participation", "Empowerment"), l("EDS 2022 Domain 1", "CQC: Independence, choice and control")),
		req("The service repeats its Traffic Light review at least once a year and acts on every red and amber rating.",
			"The two latest reviews, what changed between them and the improvement actions with owners and dates.",
			l("A3", "A8"), l("Accountability"), l("CQC: Learning culture"),
			"Red and amber ratings with an improvement action", "yearly", "100%"),
		req("People are supported to keep in touch with family and friends; visiting is restricted only for a person, never by a blanket rule.",
			"Visiting policy, any individual restrictions with their reasons and review dates.",
			l("A8"), l("Respect", "Autonomy"), l("CQC: Independence, choice and control")),
		req("People's privacy and dignity are protected in personal care, including the gender of who supports them where they ask.",
			"Care plans recording preferences, and feedback from people using the service.",
			l("A3", "A8"), l("Dignity", "Respect"), l("CQC: Kindness, compassion and dignity")),
		req("No one is treated less well because of a protected characteristic, and the service monitors who gets what.",
			"Access, experience and outcome data by protected characteristic, and what was done about gaps.",
			l("A14"), l("Equality", "Non-discrimination"), l("Standard Contract SC13", "EDS 2022 Domain 1", "CQC: Equity in experiences and outcomes")),
		req("People are involved in decisions about their care and told what their rights are, in a way and language they understand.",
			"Information offered in Easy Read and other languages, and records of people's involvement.",
			l("A8", "A10"), l("Participation", "Autonomy", "Empowerment"), l("CQC: Independence, choice and control")),
		req("Mental capacity is assumed unless assessed otherwise, and best-interests decisions record the person's wishes and rights.",
			"A sample of capacity assessments and best-interests records.",
			l("A5", "A8"), l("Autonomy", "Legality"), l("Standard Contract SC32")),
		req("Deprivations of liberty are authorised, in time, and their conditions are met.",
			"The list of authorisations and applications, with dates and conditions met.",
			l("A5"), l("Legality", "Accountability"), l("Standard Contract SC32", "CQC: Safeguarding"),
			"People deprived of liberty with a current authorisation", "monthly", "100%"),
		req("Safeguarding concerns are raised, acted on and reviewed through the rights lens, and people are kept safe from abuse and neglect.",
			"Safeguarding referrals with outcomes, and learning shared with staff.",
			l("A2", "A3", "A8"), l("Dignity", "Accountability"), l("Standard Contract SC32", "CQC: Safeguarding")),
		req("A named senior leader is accountable for human rights in the service and reports on it to the board.",
			"Board papers or minutes with the human rights report.",
			l("A14"), l("Accountability"), l("EDS 2022 Domain 3", "CQC: Governance, management and sustainability")),
		req("People's belongings and money are protected, and any limit on their use is for the person and reviewed.",
			"Policy on personal property and money, with any individual limits and reviews.",
			l("P1A1", "A8"), l("Respect", "Autonomy"), l("CQC: Safeguarding")),
		req("People can practise their religion or belief and express their views, including complaints, without fear of reprisal.",
			"Arrangements for faith and belief, and how complaints are welcomed and answered.",
			l("A9", "A10"), l("Respect", "Participation"), l("Standard Contract SC16", "CQC: Freedom to speak up")),
		req("Staff can raise concerns about rights being breached and are protected when they do.",
			"Speaking-up arrangements, concerns raised and how they were answered.",
			l("A10", "A3"), l("Accountability", "Empowerment"), l("CQC: Freedom to speak up", "EDS 2022 Domain 2")),
		req("The provider attends the commissioner's human rights roundtable and completes the actions it agrees to.",
			"Roundtable attendance and the status of agreed actions.",
			l("A8", "A14"), l("Participation", "Accountability"), l("Standard Contract SC3"),
			"Agreed roundtable actions completed by their due date", "six_monthly", "90%"),
	}
}

// StarterLibrary returns the starter requirements ready to save in a
// commissioner's library.
func StarterLibrary() []*lightbulb.Requirement {
	var out []*lightbulb.Requirement
	for _, x := range StarterRequirements() {
		out = append(out, &lightbulb.Requirement{Text: x.Text, Evidence: x.Evidence, Rights: x.Rights, Principles: x.Principles,
			Tags: x.Tags, Measure: x.Measure, Frequency: x.Frequency, Target: x.Target})
	}
	return out
}
