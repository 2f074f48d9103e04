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

// CaseIndicators counts the organisation's cases matching f, from stored
// counts only: case_counts (by month, service, type, harm and review) and
// case_right_counts (confirmed rights by month, service and type), a few
// thousand rows however many cases there are. Periods count whole months.
// What it works out is kept in this process until the organisation's
// counts change (case_count_versions moves with them, in the same
// transaction), so most requests read one number: summing even those few
// thousand rows took 11 ms at 2.5 million cases.
func (s *CaseService) CaseIndicators(ctx context.Context, f lightbulb.CaseFilter) (*lightbulb.CaseIndicators, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	f = lightbulb.CaseFilter{Type: f.Type, ServiceID: f.ServiceID, From: f.From, To: f.To}
	if len(f.From) >= 7 {
		f.From = f.From[:7]
	}
	if len(f.To) >= 7 {
		f.To = f.To[:7]
	}
	return s.indicators.get(ctx, s.db, org, f, func() (*lightbulb.CaseIndicators, error) { return s.countIndicators(ctx, org, f) })
}

// countIndicators reads the indicators from the stored counts; f's From and
// To are months.
func (s *CaseService) countIndicators(ctx context.Context, org int64, f lightbulb.CaseFilter) (*lightbulb.CaseIndicators, error) {
	cw, cargs := countWhere(org, f)
	ci := &lightbulb.CaseIndicators{}
	err := s.db.readRow(ctx, `SELECT COALESCE(SUM(n), 0), COALESCE(SUM(n) FILTER (WHERE reviewed), 0) FROM case_counts WHERE `+cw, cargs...).
		Scan(&ci.Total, &ci.Reviewed)
	if err != nil {
		return nil, fmt.Errorf("case totals: %w", err)
	}
	queries := []struct {
		dst *[]lightbulb.CaseCount
		q   string
	}{
		{&ci.ByServiceType, `SELECT s.name, t.type, t.n FROM (SELECT service_id, type, SUM(n) AS n FROM case_counts WHERE ` + cw +
			` GROUP BY service_id, type HAVING SUM(n) > 0) t JOIN services s ON s.id = t.service_id ORDER BY s.name, t.type`},
		{&ci.ByHarm, `SELECT harm, '', SUM(n) FROM case_counts WHERE ` + cw + ` AND type = 'incident' GROUP BY harm`},
		{&ci.ByRightMonth, `SELECT code, month, SUM(n) FROM case_right_counts WHERE ` + cw + ` GROUP BY code, month HAVING SUM(n) > 0 ORDER BY 2, 1`},
		{&ci.TopRights, `SELECT code, '', SUM(n) FROM case_right_counts WHERE ` + cw + ` GROUP BY code HAVING SUM(n) > 0 ORDER BY 3 DESC, 1 LIMIT 5`},
	}
	for _, x := range queries {
		if *x.dst, err = s.counts(ctx, x.q, cargs); err != nil {
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
