package lightbulb

// The Action Plan's indicators: it belongs to the operator organisation.
func init() {
	DefineIndicator(IndicatorDef{Key: "actionplan.signatories", Name: "Action Plan signatories",
		Definition: "People who confirmed their signature of the Human Rights Action Plan in the month.",
		Numerator:  "Signatures confirmed in the month",
		Source:     "Human Rights Action Plan", SourceURL: "/action-plan",
		Better: BetterHigher, Unit: UnitCount, Operator: true})
	DefineIndicator(IndicatorDef{Key: "actionplan.actions", Name: "Action Plan actions taken",
		Definition: "Actions that signatories said, in a check-in, they had taken in the month.",
		Numerator:  "Actions marked as taken in the month",
		Source:     "Human Rights Action Plan", SourceURL: "/action-plan",
		Better: BetterHigher, Unit: UnitCount, Operator: true})
}
