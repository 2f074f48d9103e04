package sqldb

// Casework's indicator of the rights cases engage: cases received in the
// month with a right a reviewer confirmed, by service, and for each right.
// The queries start from the confirmed rights (indexed by organisation and
// verdict), so their cost follows the reviewed cases, not every case.
func init() {
	registerIndicatorQuery("cases.by_right", indicatorQuery{monthText: true,
		sql: `SELECT c.service_id, count(DISTINCT c.id), 0 FROM case_rights r JOIN cases c ON c.id = r.case_id
			WHERE r.org_id = $1 AND r.verdict = 'confirmed' AND substr(c.received, 1, 7) = $2 GROUP BY c.service_id`,
		parts: `SELECT r.code, count(*), 0 FROM case_rights r JOIN cases c ON c.id = r.case_id
			WHERE r.org_id = $1 AND r.verdict = 'confirmed' AND substr(c.received, 1, 7) = $2 GROUP BY r.code`})
}
