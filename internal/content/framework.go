package content

// FrameworkStatement is one statement of the Traffic Light review framework
// Lightbulb ships: what a service is asked about, what good looks like and
// what each rating means.
type FrameworkStatement struct {
	Code, Theme, Text, Good, Red, Amber, Green string
	Rights, Principles                         []string
	ThemeCy                                    string
	Cy                                         WelshStatement
}

// Framework names and the themes of the shipped framework, in order.
const (
	FrameworkName = "Human rights in practice: Traffic Light review"

	ThemeKnowing     = "Knowing the rights"
	ThemeDecisions   = "Everyday decisions and restrictions"
	ThemeInvolvement = "Involvement and co-production"
	ThemeDignity     = "Dignity in care"
	ThemeComplaints  = "Complaints and learning"
	ThemeLeadership  = "Leadership and culture"
	ThemeCommission  = "Commissioning"
)

func st(code, theme, text, good, red, amber, green string, rights, principles []string) FrameworkStatement {
	return FrameworkStatement{Code: code, Theme: theme, Text: text, Good: good, Red: red, Amber: amber, Green: green,
		Rights: rights, Principles: principles}
}

func l(xs ...string) []string { return xs }

// Framework returns the 24 statements of the shipped review framework, in
// order and grouped by theme, each with its Welsh.
func Framework() []FrameworkStatement {
	fw := frameworkEnglish()
	for i := range fw {
		fw[i].ThemeCy, fw[i].Cy = themesCy[fw[i].Theme], statementsCy[fw[i].Code]
	}
	return fw
}

func frameworkEnglish() []FrameworkStatement {
	return []FrameworkStatement{
		st("KR1", ThemeKnowing, "Staff can say which human rights are most at stake in their day-to-day work.",
			"Asked on a shift, staff name the rights that matter most where they work and give an example from the last month.",
			"Most staff cannot name a right or link one to their work.",
			"Some staff can, usually those recently trained; others cannot.",
			"Almost everyone asked can, with a real example.",
			l("A3", "A5", "A8"), l("Accountability", "Legality")),
		st("KR2", ThemeKnowing, "People who use the service are told about their rights in a way they understand.",
			"Information about rights is offered in Easy Read, other languages and in person, and people can say what it told them.",
			"There is no information, or only a leaflet no one is given.",
			"Information exists but is not routinely offered or is hard to understand.",
			"Information is offered to everyone, in a form that suits them, and checked for understanding.",
			l("A8", "A10", "A14"), l("Empowerment", "Participation")),
		st("KR3", ThemeKnowing, "Families and carers know the rights of the person they support and how to raise a concern.",
			"Families are given clear, plain information and know who to talk to when something feels wrong.",
			"Families are not told, or are told they have no say.",
			"Some families are told, often only when there is a problem.",
			"Every family is told early on and knows how to raise a concern.",
			l("A8"), l("Participation", "Respect")),
		st("KR4", ThemeKnowing, "Human rights training is part of induction and is refreshed.",
			"New staff learn the basics in their first weeks and everyone refreshes at least every two years, with practical scenarios.",
			"There is no training, or it is optional and rarely taken.",
			"Training exists but is a one-off or mostly theory.",
			"Training is at induction, refreshed, practical and well attended.",
			l(), l("Accountability", "Empowerment")),
		st("DR1", ThemeDecisions, "Restrictions on a person's freedom are recorded with the reason and reviewed.",
			"Every restriction (locked doors, observation, limits on leave) has a written reason, the least restrictive option chosen, and a review date.",
			"Restrictions happen without a record or a reason.",
			"Restrictions are recorded but reasons are thin or reviews are missed.",
			"Every restriction is recorded, reasoned, proportionate and reviewed on time.",
			l("A5", "A8"), l("Legality", "Autonomy")),
		st("DR2", ThemeDecisions, "Blanket rules are avoided; decisions are made about the individual.",
			"Rules that apply to everyone (such as fixed visiting times or phone bans) are questioned and exceptions made for individuals.",
			"Blanket rules are common and no one questions them.",
			"Some blanket rules remain, though staff make exceptions when asked.",
			"There are no blanket rules without a clear, reviewed reason.",
			l("A8", "A14"), l("Fairness", "Autonomy")),
		st("DR3", ThemeDecisions, "Restraint and seclusion are a last resort, recorded and reviewed.",
			"Every use is the least for the shortest time, recorded, debriefed with the person and looked at for patterns.",
			"Restraint or seclusion is used routinely or without a record.",
			"Use is recorded but debriefs and learning from patterns are patchy.",
			"Use is rare, recorded, debriefed and falling over time.",
			l("A3", "A5", "A8"), l("Dignity", "Legality")),
		st("DR4", ThemeDecisions, "People are supported to make their own decisions, and capacity is assessed decision by decision.",
			"Staff give people the information and time they need, and assess capacity for a specific decision rather than assuming.",
			"Decisions are made for people as a matter of course.",
			"Support is given sometimes; capacity is sometimes assumed.",
			"People are routinely supported to decide, and capacity assessments are specific and recorded.",
			l("A8"), l("Autonomy", "Empowerment")),
		st("IC1", ThemeInvolvement, "People who use the service help shape how it is run.",
			"People with lived experience sit on groups that make decisions, are paid for their time and see what changed because of them.",
			"People are not involved at all.",
			"People are asked for views, but rarely see what changed.",
			"People co-produce changes and can point to what they changed.",
			l("A10", "A11"), l("Participation", "Empowerment")),
		st("IC2", ThemeInvolvement, "Care plans are written with the person, in their words.",
			"The person's own goals and words are in their plan and they have a copy they can understand.",
			"Plans are written without the person.",
			"The person is consulted, but the plan is in professional language.",
			"Plans are written with the person and they have a copy in a form they can use.",
			l("A8"), l("Participation", "Autonomy")),
		st("IC3", ThemeInvolvement, "People can get independent advocacy when they need it.",
			"Staff know when and how to refer to an advocate and people are told about advocacy without having to ask.",
			"Advocacy is not offered or staff do not know how to arrange it.",
			"Advocacy is available but people usually have to ask.",
			"Advocacy is offered at the right moments and referrals are made promptly.",
			l("A5", "A6"), l("Empowerment", "Fairness")),
		st("DC1", ThemeDignity, "Privacy is respected in personal care, conversations and records.",
			"Doors and curtains are closed, private matters are discussed privately and records are shared only with those who need them.",
			"Privacy is often not respected.",
			"Privacy is usually respected but lapses happen under pressure.",
			"Privacy is respected even when the service is busy.",
			l("A8"), l("Dignity", "Respect")),
		st("DC2", ThemeDignity, "People are treated as individuals, with their culture, faith and identity respected.",
			"Food, worship, language, dress and identity needs are known and met without people having to fight for them.",
			"Needs are ignored or people face remarks about who they are.",
			"Needs are met when people ask, not as a matter of course.",
			"Needs are known from the start and met as routine.",
			l("A9", "A14"), l("Equality", "Respect")),
		st("DC3", ThemeDignity, "People keep contact with family and friends.",
			"Visits, calls and outings are encouraged; any limit is individual, explained and reviewed.",
			"Contact is limited without reason or as a sanction.",
			"Contact is allowed but practical barriers are not tackled.",
			"Contact is actively supported and limits are rare and reviewed.",
			l("A8"), l("Respect", "Autonomy")),
		st("DC4", ThemeDignity, "Nobody is left in pain, hunger, thirst or soiled clothing.",
			"Basic needs are checked and met promptly, day and night, and people are asked what they need.",
			"Basic needs are regularly not met.",
			"Basic needs are met most of the time but not reliably.",
			"Basic needs are reliably met and people confirm it.",
			l("A2", "A3"), l("Dignity")),
		st("CL1", ThemeComplaints, "People know how to complain and are not afraid to.",
			"Information on how to complain is easy to find and people say they would feel safe to use it.",
			"People do not know how to complain or fear what would happen.",
			"People know how, but some are worried about the consequences.",
			"People know how and feel safe to do so.",
			l("A6", "A10"), l("Accountability", "Participation")),
		st("CL2", ThemeComplaints, "Complaints and incidents are looked at for human rights issues.",
			"Reviews of complaints and incidents ask which rights were affected and what should change.",
			"Rights are never considered.",
			"Rights are considered sometimes, usually for serious cases.",
			"Rights are considered in every review and recorded.",
			l("A2", "A3", "A8"), l("Accountability", "Legality")),
		st("CL3", ThemeComplaints, "Learning leads to change that people can see.",
			"What was learnt is shared with staff and people who use the service, and changes are checked to see if they worked.",
			"Nothing changes after complaints or incidents.",
			"Changes are made but not shared or checked.",
			"Changes are made, shared and checked.",
			l(), l("Accountability")),
		st("LC1", ThemeLeadership, "Leaders talk about human rights and model them.",
			"Leaders use rights language in meetings and decisions and are visible on the floor.",
			"Rights are never mentioned by leaders.",
			"Rights are mentioned in policy but rarely in practice.",
			"Leaders routinely use a rights lens and staff notice it.",
			l(), l("Accountability", "Respect")),
		st("LC2", ThemeLeadership, "Staff feel safe to speak up when rights are at risk.",
			"There is a clear route to raise concerns, people who do are thanked and nobody suffers for it.",
			"Staff fear speaking up.",
			"Routes exist but staff are unsure they would be supported.",
			"Staff speak up and can give examples of it making a difference.",
			l("A10"), l("Accountability", "Empowerment")),
		st("LC3", ThemeLeadership, "Data about restrictions, complaints and equality is reviewed by the board.",
			"Regular reports show patterns by group (such as ethnicity, disability or age) and the board asks what is being done.",
			"No data is reviewed.",
			"Some data is reviewed, without looking at differences between groups.",
			"Data is reviewed regularly, by group, with actions followed up.",
			l("A14"), l("Accountability", "Non-discrimination")),
		st("LC4", ThemeLeadership, "Policies are checked for their effect on human rights and equality.",
			"New and revised policies are assessed for who they affect and how, with people who use the service involved.",
			"Policies are never assessed.",
			"Assessments happen but are a form filled in after the decision.",
			"Assessments shape decisions and involve the people affected.",
			l("A14"), l("Legality", "Non-discrimination")),
		st("CM1", ThemeCommission, "Contracts and specifications say what the service must do about human rights.",
			"Specifications name the rights most at stake and the outcomes expected, in plain terms.",
			"Human rights are not mentioned.",
			"They are mentioned in general terms only.",
			"Specific, measurable expectations are set.",
			l(), l("Accountability", "Legality")),
		st("CM2", ThemeCommission, "Commissioners hear directly from people who use the service.",
			"Monitoring includes conversations with people and families, not only numbers.",
			"Monitoring is numbers only.",
			"People are heard occasionally or through the provider only.",
			"People are heard directly and regularly, and it shapes decisions.",
			l("A10"), l("Participation", "Accountability")),
		st("CM3", ThemeCommission, "Reviews like this one are shared with commissioners and acted on together.",
			"The service shares its review openly and agrees improvements with its commissioner.",
			"Nothing is shared.",
			"Results are shared but not discussed.",
			"Results are shared, discussed and improvements agreed and tracked together.",
			l(), l("Accountability", "Participation")),
	}
}
