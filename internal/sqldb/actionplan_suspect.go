package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// suspectWhere turns a filter into a condition on actionplan_signatures.
func suspectWhere(f lightbulb.SuspectFilter) (string, []any, error) {
	if f.Empty() {
		return "", nil, lightbulb.FieldError("domain", "Enter a domain, an address pattern or a time range")
	}
	conds, args := []string{"status <> 'invalid'", "anonymised_at IS NULL"}, []any{}
	add := func(c string, v any) {
		args = append(args, v)
		conds = append(conds, fmt.Sprintf(c, len(args)))
	}
	if d := strings.TrimPrefix(lightbulb.CleanEmail(f.Domain), "@"); d != "" {
		add("email LIKE $%d ESCAPE '\\'", "%@"+escapeLike(d))
	}
	if p := lightbulb.CleanEmail(f.Pattern); p != "" {
		add("email LIKE $%d ESCAPE '\\'", strings.ReplaceAll(escapeLike(p), "*", "%"))
	}
	if !f.From.IsZero() {
		add("created_at >= $%d", f.From)
	}
	if !f.To.IsZero() {
		add("created_at < $%d", f.To)
	}
	if f.SuspectOnly {
		conds = append(conds, "suspect")
	}
	return strings.Join(conds, " AND "), args, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// CountSuspect counts the sign-ups a filter picks, before invalidating them.
func (s *ActionPlanService) CountSuspect(ctx context.Context, f lightbulb.SuspectFilter) (int, error) {
	w, args, err := suspectWhere(f)
	if err != nil {
		return 0, err
	}
	var n int
	err = s.db.readRow(ctx, `SELECT count(*) FROM actionplan_signatures WHERE `+w, args...).Scan(&n)
	return n, err
}

// InvalidateSuspect marks the sign-ups a filter picks invalid, so the
// counts leave them out, and recounts.
func (s *ActionPlanService) InvalidateSuspect(ctx context.Context, f lightbulb.SuspectFilter) (int, error) {
	w, args, err := suspectWhere(f)
	if err != nil {
		return 0, err
	}
	var n int64
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE actionplan_signatures SET status = 'invalid' WHERE `+w, args...)
		if err != nil {
			return fmt.Errorf("invalidate: %w", err)
		}
		n, _ = res.RowsAffected()
		return refreshCounts(ctx, tx)
	})
	return int(n), err
}

// BlockDomain stops sign-ups from a domain counting: they are kept as
// suspect and never emailed.
func (s *ActionPlanService) BlockDomain(ctx context.Context, domain string) error {
	d := strings.TrimPrefix(lightbulb.CleanEmail(domain), "@")
	if d == "" || strings.ContainsAny(d, "@ *") || !strings.Contains(d, ".") {
		return lightbulb.FieldError("block", "Enter a domain like example.com")
	}
	_, err := s.db.write.ExecContext(ctx, `INSERT INTO actionplan_blocked_domains (domain, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
		d, lightbulb.Now())
	return err
}

// BlockedDomains lists the blocked domains.
func (s *ActionPlanService) BlockedDomains(ctx context.Context) ([]string, error) {
	rows, err := s.db.readRows(ctx, `SELECT domain FROM actionplan_blocked_domains ORDER BY domain`)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r scanner) (d string, err error) { return d, r.Scan(&d) })
}
