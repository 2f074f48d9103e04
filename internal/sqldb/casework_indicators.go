package sqldb

import (
	"context"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// countWhere filters case_counts like caseWhere filters cases, by whole
// months of the period.
func countWhere(org int64, f lightbulb.CaseFilter) (string, []any) {
	args := []any{org}
	where := "org_id = $1"
	arg := func(cond string, v any) {
		args = append(args, v)
		where += fmt.Sprintf(" AND "+cond, len(args))
	}
	if f.Type != "" {
		arg("type = $%d", string(f.Type))
	}
	if f.ServiceID > 0 {
		arg("service_id = $%d", f.ServiceID)
	}
	if len(f.From) >= 7 {
		arg("month >= $%d", f.From[:7])
	}
	if len(f.To) >= 7 {
		arg("month <= $%d", f.To[:7])
	}
	return where, args
}

// CaseIndicators counts the organisation's cases matching f. Counts by
// service, type and harm come from case_counts (a few rows per month and
// service), rights from the reviewed cases' confirmed rights; so the page
// stays quick with millions of cases. Periods count whole months. CROSS JOIN
// keeps SQLite reading the few confirmed rights first rather than a year of
// cases by date (150 ms at 2.5 million cases); PostgreSQL plans it as usual.
func (s *CaseService) CaseIndicators(ctx context.Context, f lightbulb.CaseFilter) (*lightbulb.CaseIndicators, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	f.Right, f.After, f.Status, f.Reviewed = "", "", "", ""
	if len(f.From) >= 7 {
		f.From = f.From[:7] + "-01"
	}
	if len(f.To) >= 7 {
		f.To = f.To[:7] + "-31"
	}
	cw, cargs := countWhere(org, f)
	where, args := caseWhere(org, f)
	ci := &lightbulb.CaseIndicators{}
	err = s.db.readRow(ctx, `SELECT COALESCE(SUM(n), 0), COALESCE(SUM(n) FILTER (WHERE reviewed), 0) FROM case_counts WHERE `+cw, cargs...).
		Scan(&ci.Total, &ci.Reviewed)
	if err != nil {
		return nil, fmt.Errorf("case totals: %w", err)
	}
	queries := []struct {
		dst  *[]lightbulb.CaseCount
		q    string
		args []any
	}{
		{&ci.ByServiceType, `SELECT s.name, t.type, t.n FROM (SELECT service_id, type, SUM(n) AS n FROM case_counts WHERE ` + cw +
			` GROUP BY service_id, type HAVING SUM(n) > 0) t JOIN services s ON s.id = t.service_id ORDER BY s.name, t.type`, cargs},
		{&ci.ByHarm, `SELECT harm, '', SUM(n) FROM case_counts WHERE ` + cw + ` AND type = 'incident' GROUP BY harm`, cargs},
		{&ci.ByRightMonth, `SELECT r.code, substr(c.received, 1, 7), count(*) FROM case_rights r CROSS JOIN cases c
			WHERE c.id = r.case_id AND r.org_id = $1 AND r.verdict = 'confirmed' AND ` + where + ` GROUP BY r.code, substr(c.received, 1, 7) ORDER BY 2, 1`, args},
		{&ci.TopRights, `SELECT r.code, '', count(*) FROM case_rights r CROSS JOIN cases c
			WHERE c.id = r.case_id AND r.org_id = $1 AND r.verdict = 'confirmed' AND ` + where + ` GROUP BY r.code ORDER BY 3 DESC, 1 LIMIT 5`, args},
	}
	for _, x := range queries {
		if *x.dst, err = s.counts(ctx, x.q, x.args); err != nil {
			return nil, err
		}
	}
	ci.ByHarm = caseHarmOrder(ci.ByHarm)
	return ci, nil
}

func (s *CaseService) counts(ctx context.Context, q string, args []any) ([]lightbulb.CaseCount, error) {
	rows, err := s.db.readRows(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("case indicators: %w", err)
	}
	defer rows.Close()
	var out []lightbulb.CaseCount
	for rows.Next() {
		var c lightbulb.CaseCount
		if err := rows.Scan(&c.Key, &c.Month, &c.N); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// caseHarmOrder puts harm levels in order, least first, with zeros.
func caseHarmOrder(in []lightbulb.CaseCount) []lightbulb.CaseCount {
	n := map[string]int{}
	for _, c := range in {
		n[c.Key] = c.N
	}
	out := make([]lightbulb.CaseCount, 0, len(lightbulb.CaseHarms))
	for _, h := range lightbulb.CaseHarms {
		out = append(out, lightbulb.CaseCount{Key: h, N: n[h]})
	}
	return out
}
