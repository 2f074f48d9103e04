package lightbulb

// Commissioning's indicators: how providers rate the human rights
// requirements of the commissioner's contracts in their returns, and
// whether they send their scheduled returns on time.
func init() {
	DefineIndicator(IndicatorDef{Key: "commissioning.green", Name: "Contract requirements rated green",
		Definition:  "Of the human rights requirements providers rated in the returns they sent in the month, the share rated green. Requirements marked not applicable are left out.",
		Numerator:   "Requirements rated green in returns",
		Denominator: "Requirements rated red, amber or green in returns sent in the month",
		Source:      "Contracts and provider returns", SourceURL: "/commissioning",
		Better: BetterHigher, Unit: UnitPercent})
	DefineIndicator(IndicatorDef{Key: "commissioning.ontime", Name: "Returns on time",
		Definition:  "Of the scheduled returns providers owed the commissioner in the month, the share sent by the day each was due.",
		Numerator:   "Scheduled returns due in the month and sent by their day",
		Denominator: "Scheduled returns due in the month",
		Source:      "Contracts and provider returns", SourceURL: "/commissioning",
		Better: BetterHigher, Unit: UnitPercent, Target: 90, HasTarget: true})
	DefineIndicator(IndicatorDef{Key: "actionplan.staff", Name: "Staff who signed the Action Plan",
		Definition: "People who confirmed their signature of the Human Rights Action Plan in the month as public body workers of this organisation (when it has chosen to count them).",
		Numerator:  "Signatures confirmed in the month naming this organisation",
		Source:     "Human Rights Action Plan", SourceURL: "/action-plan",
		Better: BetterHigher, Unit: UnitCount})
}
