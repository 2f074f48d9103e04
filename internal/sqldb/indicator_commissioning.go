package sqldb

// Commissioning's indicator, for the commissioner that owns the contracts,
// and the Action Plan's signatures an organisation has chosen to count.
func init() {
	registerIndicator("commissioning.green", `SELECT 0, COALESCE(SUM(CASE WHEN a.rating = 'green' THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN a.rating IN ('red', 'amber', 'green') THEN 1 ELSE 0 END), 0)
		FROM comm_answers a JOIN comm_returns r ON r.id = a.return_id
		WHERE r.org_id = $1 AND r.submitted_at >= $2 AND r.submitted_at < $3`)
	registerIndicator("actionplan.staff", `SELECT 0, count(*), 0 FROM actionplan_signatures
		WHERE org_id = $1 AND confirmed_at >= $2 AND confirmed_at < $3`)
}
