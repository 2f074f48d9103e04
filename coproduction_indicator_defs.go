package lightbulb

// Co-production's indicators for the board: time given by lived
// experience experts, paid on time and followed up.
func init() {
	DefineIndicator(IndicatorDef{Key: "coprod.hours", Name: "Co-production hours",
		Definition: "Hours of lived experience experts' time claimed for involvements in the month.",
		Numerator:  "Hours claimed in the month",
		Source:     "Co-production", SourceURL: "/coproduction",
		Better: BetterHigher, Unit: UnitCount})
	DefineIndicator(IndicatorDef{Key: "coprod.paid", Name: "Experts paid within target",
		Definition:  "Of the claims paid in the month, the share paid within the organisation's target (20 working days of the claim unless it sets its own).",
		Numerator:   "Claims paid within the target",
		Denominator: "Claims paid in the month",
		Source:      "Co-production", SourceURL: "/coproduction",
		Better: BetterHigher, Unit: UnitPercent, Target: 95, HasTarget: true})
	DefineIndicator(IndicatorDef{Key: "coprod.followups", Name: "Wellbeing follow-ups within 48 hours",
		Definition:  "Of the wellbeing check-ins due in the month, the share done by the time they were due, within 48 hours of the involvement.",
		Numerator:   "Check-ins done by their due time",
		Denominator: "Check-ins due in the month",
		Source:      "Co-production", SourceURL: "/coproduction",
		Better: BetterHigher, Unit: UnitPercent, Target: 90, HasTarget: true})
}
