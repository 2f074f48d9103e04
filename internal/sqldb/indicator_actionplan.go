package sqldb

// The Action Plan's indicators, computed for the operator organisation only
// (the catalogue marks them Operator): signatures are nobody's tenant data.
func init() {
	registerIndicator("actionplan.signatories", `SELECT 0, count(*), 0 FROM actionplan_signatures
		WHERE confirmed_at >= $2 AND confirmed_at < $3 AND $1 > 0`)
	registerIndicator("actionplan.actions", `SELECT 0, count(*), 0 FROM actionplan_signature_actions
		WHERE taken_at >= $2 AND taken_at < $3 AND $1 > 0`)
}
