package lightbulb

// Training and learning's indicators of reach and change: how much of the
// organisation has been trained (all, by role and on mandatory courses,
// counted nightly as how things stand) and how staff views moved between
// a baseline survey and its follow-up.
func init() {
	coverage := func(key, name, definition string) IndicatorDef {
		return IndicatorDef{Key: key, Name: name, Definition: definition,
			Numerator:   "People who have attended a session",
			Denominator: "People counted",
			Source:      "Training registers", SourceURL: "/training/coverage",
			Better: BetterHigher, Unit: UnitPercent, State: true}
	}
	DefineIndicator(coverage("training.coverage", "Staff trained, all roles",
		"Of everyone with a role in the organisation at the end of the month, the share who have attended at least one human rights training session booked as its members."))
	DefineIndicator(coverage("training.coverage_staff", "Staff trained, staff role",
		"Of the organisation's people with the staff role at the end of the month, the share who have attended at least one human rights training session booked as its members."))
	DefineIndicator(coverage("training.coverage_lead", "Staff trained, lead role",
		"Of the organisation's people with the lead role at the end of the month, the share who have attended at least one human rights training session booked as its members."))
	DefineIndicator(IndicatorDef{Key: "training.mandatory", Name: "Mandatory training done",
		Definition:  "Of the mandatory courses each person must take for their role, counted at the end of the month, the share they have attended.",
		Numerator:   "Mandatory courses attended",
		Denominator: "Mandatory courses people must take",
		Source:      "Training coverage", SourceURL: "/training/coverage",
		Better: BetterHigher, Unit: UnitPercent, State: true})
	DefineIndicator(IndicatorDef{Key: "learning.survey", Name: "Staff survey: follow-up against baseline",
		Definition:  "For each follow-up staff survey that closed in the month, the change in the share of answers agreeing or strongly agreeing, against its baseline survey, in percentage points; averaged when several closed. A survey with fewer than 5 responses is left out, so nobody can be picked out.",
		Numerator:   "Sum of each follow-up's change in the share agreeing, in percentage points",
		Denominator: "Follow-up surveys compared with their baseline",
		Source:      "Staff surveys", SourceURL: "/surveys",
		Better: BetterHigher, Unit: UnitPoints})
}
