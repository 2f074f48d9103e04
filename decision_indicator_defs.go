package lightbulb

// Everyday decisions' indicators of how things stand: counted each day
// (records keep only their present state), read month by month from the
// count of the month's last day.
func init() {
	DefineIndicator(IndicatorDef{Key: "decisions.inforce_complete", Name: "Decisions in force with complete reasoning",
		Definition:  "Of the everyday decisions in force at the end of the month, the share whose reasoning is complete: every restricted right tested as its right requires.",
		Numerator:   "Decisions in force with complete reasoning",
		Denominator: "Decisions in force",
		Source:      "Everyday decisions", SourceURL: "/decisions/indicators",
		Better: BetterHigher, Unit: UnitPercent, Target: 90, HasTarget: true, ByService: true, State: true})
	DefineIndicator(IndicatorDef{Key: "decisions.blanket_inforce", Name: "Blanket restrictions in force",
		Definition: "Everyday decisions in force at the end of the month that apply a blanket rule to everyone in a service rather than to one person.",
		Numerator:  "Decisions in force that apply a blanket rule",
		Source:     "Everyday decisions", SourceURL: "/decisions/indicators",
		Better: BetterLower, Unit: UnitCount, ByService: true, State: true})
	DefineIndicator(IndicatorDef{Key: "decisions.overdue", Name: "Decision reviews overdue",
		Definition: "Everyday decisions in force at the end of the month whose review date had passed.",
		Numerator:  "Decisions in force past their review date",
		Source:     "Everyday decisions", SourceURL: "/decisions/indicators",
		Better: BetterLower, Unit: UnitCount, ByService: true, State: true})
}
