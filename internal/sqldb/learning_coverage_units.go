package sqldb

import (
	"context"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// coverUnits adds coverage by ward, team or home to cov: each unit's
// members who belong to the organisation, how many attended training, and
// its dignity champions. people holds the organisation's members, trained
// says who attended.
func (s *CoverageService) coverUnits(ctx context.Context, org int64, people map[int64][]lightbulb.Role, trained func(int64) bool, cov *lightbulb.Coverage) error {
	units, err := unitNames(ctx, s.db.read, org)
	if err != nil {
		return err
	}
	by := map[int64]*lightbulb.CoverageUnit{}
	for _, u := range units {
		c := &lightbulb.CoverageUnit{UnitID: u.ID, Name: u.Name}
		by[u.ID] = c
		cov.Units = append(cov.Units, c)
	}
	rows, err := s.db.readRows(ctx, `SELECT unit_id, user_id FROM unit_members WHERE org_id = $1`, org)
	if err != nil {
		return fmt.Errorf("coverage units: %w", err)
	}
	inUnit := map[int64]bool{}
	for rows.Next() {
		var unit, user int64
		if err := rows.Scan(&unit, &user); err != nil {
			rows.Close()
			return err
		}
		c := by[unit]
		if c == nil || people[user] == nil {
			continue // someone who has left the organisation
		}
		inUnit[user] = true
		c.People++
		if trained(user) {
			c.Trained++
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for user := range people {
		if !inUnit[user] {
			cov.NoUnit.People++
			if trained(user) {
				cov.NoUnit.Trained++
			}
		}
	}
	return s.countChampions(ctx, org, by, cov)
}

// countChampions counts each unit's champions and the organisation's.
func (s *CoverageService) countChampions(ctx context.Context, org int64, by map[int64]*lightbulb.CoverageUnit, cov *lightbulb.Coverage) error {
	rows, err := s.db.readRows(ctx, `SELECT unit_id, user_id FROM learning_champions WHERE org_id = $1`, org)
	if err != nil {
		return fmt.Errorf("coverage champions: %w", err)
	}
	defer rows.Close()
	seen := map[int64]bool{}
	for rows.Next() {
		var unit, user int64
		if err := rows.Scan(&unit, &user); err != nil {
			return err
		}
		if c := by[unit]; c != nil {
			c.Champions++
		}
		if !seen[user] {
			seen[user] = true
			cov.Champions++
		}
	}
	return rows.Err()
}
