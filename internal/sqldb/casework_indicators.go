package sqldb

import (
	"context"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// CaseIndicators counts the organisation's cases matching f with GROUP BY
// queries, so the page stays quick with millions of cases.
func (s *CaseService) CaseIndicators(ctx context.Context, f lightbulb.CaseFilter) (*lightbulb.CaseIndicators, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	f.Right, f.After = "", ""
	where, args := caseWhere(org, f)
	ci := &lightbulb.CaseIndicators{}
	err = s.db.read.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE c.reviewed) FROM cases c WHERE `+where, args...).
		Scan(&ci.Total, &ci.Reviewed)
	if err != nil {
		return nil, fmt.Errorf("case totals: %w", err)
	}
	queries := []struct {
		dst *[]lightbulb.CaseCount
		q   string
	}{
		{&ci.ByServiceType, `SELECT s.name, t.type, t.n FROM (SELECT c.service_id, c.type, count(*) AS n FROM cases c WHERE ` + where +
			` GROUP BY c.service_id, c.type) t JOIN services s ON s.id = t.service_id ORDER BY s.name, t.type`},
		{&ci.ByHarm, `SELECT c.harm, '', count(*) FROM cases c WHERE ` + where + ` AND c.type = 'incident' GROUP BY c.harm`},
		{&ci.ByRightMonth, `SELECT r.code, substr(c.received, 1, 7), count(*) FROM case_rights r JOIN cases c ON c.id = r.case_id
			WHERE r.verdict = 'confirmed' AND ` + where + ` GROUP BY r.code, substr(c.received, 1, 7) ORDER BY 2, 1`},
		{&ci.TopRights, `SELECT r.code, '', count(*) FROM case_rights r JOIN cases c ON c.id = r.case_id
			WHERE r.verdict = 'confirmed' AND ` + where + ` GROUP BY r.code ORDER BY 3 DESC, 1 LIMIT 5`},
	}
	for _, x := range queries {
		if *x.dst, err = s.counts(ctx, x.q, args); err != nil {
			return nil, err
		}
	}
	ci.ByHarm = caseHarmOrder(ci.ByHarm)
	return ci, nil
}

func (s *CaseService) counts(ctx context.Context, q string, args []any) ([]lightbulb.CaseCount, error) {
	rows, err := s.db.read.QueryContext(ctx, q, args...)
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
