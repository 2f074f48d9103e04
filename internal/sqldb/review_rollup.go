package sqldb

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// submitted is one submitted review read for the roll-up.
type submitted struct {
	id, unit, fw int64
	subject      string
	end, at      time.Time
}

// key groups a subject's reviews: by unit, or by name for an old review
// not matched to the list.
func (x submitted) key() string {
	if x.unit > 0 {
		return strconv.FormatInt(x.unit, 10)
	}
	return "s:" + x.subject
}

// rollup returns org's grid from the process's memory while the 'reviews'
// version (migration 0048) has not moved, and builds it otherwise. Every
// caller gets the same rows, so none may change them.
// Callers have already checked that the person asking may see org's roll-up.
func (s *ReviewService) rollup(ctx context.Context, org int64) ([]lightbulb.GridRow, error) {
	return s.grids.get(ctx, org, func(ctx context.Context) ([]lightbulb.GridRow, error) {
		return s.buildRollup(ctx, org)
	})
}

// buildRollup builds the grid for org: each subject's latest submitted review
// and up to GridRounds before it, counted by theme, in two queries.
func (s *ReviewService) buildRollup(ctx context.Context, org int64) ([]lightbulb.GridRow, error) {
	rows, err := s.db.readRows(ctx, `SELECT id, COALESCE(unit_id, 0), framework_id, subject, period_end, submitted_at
		FROM reviews WHERE org_id = $1 AND status = 'submitted' ORDER BY period_end, id`, org)
	if err != nil {
		return nil, fmt.Errorf("roll-up: %w", err)
	}
	all, err := collect(rows, func(r scanner) (submitted, error) {
		var x submitted
		return x, r.Scan(&x.id, &x.unit, &x.fw, &x.subject, &x.end, &x.at)
	})
	if err != nil {
		return nil, err
	}
	ratings, err := s.submittedRatings(ctx, org)
	if err != nil {
		return nil, err
	}
	groups, order := map[string][]submitted{}, []string{}
	for _, x := range all {
		if _, ok := groups[x.key()]; !ok {
			order = append(order, x.key())
		}
		groups[x.key()] = append(groups[x.key()], x)
	}
	fws := map[int64]*lightbulb.Framework{}
	count := func(x submitted) ([]lightbulb.ThemeCount, error) {
		fw, ok := fws[x.fw]
		if !ok {
			if fw, err = s.FindFramework(ctx, x.fw); err != nil {
				return nil, err
			}
			fws[x.fw] = fw
		}
		return lightbulb.Summarise(fw, ratings[x.id]), nil
	}
	out := make([]lightbulb.GridRow, 0, len(order))
	for _, k := range order {
		g := groups[k]
		last := g[len(g)-1]
		row := lightbulb.GridRow{ReviewID: last.id, Subject: last.subject, PeriodEnd: last.end, SubmittedAt: last.at}
		if row.Themes, err = count(last); err != nil {
			return nil, err
		}
		for _, x := range g[max(0, len(g)-1-lightbulb.GridRounds) : len(g)-1] {
			th, err := count(x)
			if err != nil {
				return nil, err
			}
			row.Earlier = append(row.Earlier, lightbulb.GridRound{ReviewID: x.id, PeriodEnd: x.end, Themes: th})
		}
		out = append(out, row)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Subject < out[j].Subject })
	return out, nil
}

// submittedRatings reads the final ratings of every submitted review of org.
func (s *ReviewService) submittedRatings(ctx context.Context, org int64) (map[int64]map[string]lightbulb.Rated, error) {
	rows, err := s.db.readRows(ctx, `SELECT f.review_id, f.code, f.rating FROM review_finals f
		JOIN reviews r ON r.id = f.review_id AND r.org_id = f.org_id WHERE f.org_id = $1 AND r.status = 'submitted'`, org)
	if err != nil {
		return nil, fmt.Errorf("roll-up ratings: %w", err)
	}
	defer rows.Close()
	out := map[int64]map[string]lightbulb.Rated{}
	for rows.Next() {
		var id int64
		var x lightbulb.Rated
		var rating string
		if err := rows.Scan(&id, &x.Code, &rating); err != nil {
			return nil, err
		}
		x.Rating = lightbulb.Rating(rating)
		if out[id] == nil {
			out[id] = map[string]lightbulb.Rated{}
		}
		out[id][x.Code] = x
	}
	return out, rows.Err()
}
