package sqldb

// Commissioning's indicators, for the commissioner that owns the contracts,
// and the Action Plan's signatures an organisation has chosen to count.
func init() {
	registerIndicator("commissioning.green", `SELECT 0, COALESCE(SUM(CASE WHEN a.rating = 'green' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN a.rating IN ('red', 'amber', 'green') THEN 1 ELSE 0 END), 0)
		FROM comm_answers a JOIN comm_returns r ON r.id = a.return_id
		WHERE r.org_id = $1 AND r.submitted_at >= $2 AND r.submitted_at < $3`)
	registerIndicatorQuery("commissioning.ontime", indicatorQuery{monthText: true, sql: `SELECT 0,
		COALESCE(SUM(CASE WHEN return_id IS NOT NULL AND returned_on <= due_on THEN 1 ELSE 0 END), 0), count(*)
		FROM comm_return_periods WHERE org_id = $1 AND substr(due_on, 1, 7) = $2`})
	registerIndicator("actionplan.staff", `SELECT 0, count(*), 0 FROM actionplan_signatures
		WHERE org_id = $1 AND confirmed_at >= $2 AND confirmed_at < $3`)
}
