package lightbulb

import (
	"context"
	"time"
)

// Champion is a dignity champion: a person a lead has named as the
// champion of a ward, team or home, whom staff there can go to.
type Champion struct {
	UnitID     int64
	UnitName   string
	UserID     int64
	Name       string
	Email      string
	AssignedAt time.Time
}

// CoverageUnit is training coverage in one ward, team or home: the people
// who belong to it, how many have attended training, and its dignity
// champions.
type CoverageUnit struct {
	UnitID    int64
	Name      string
	People    int
	Trained   int
	Champions int
}

// Percent is the share trained, as a whole percentage.
func (c *CoverageUnit) Percent() int {
	r := CoverageRole{People: c.People, Trained: c.Trained}
	return r.Percent()
}

// ChampionService keeps the organisation's dignity champions. Every method
// is scoped to the organisation in ctx.
type ChampionService interface {
	// Champions lists every unit's champions, by unit name then name.
	Champions(ctx context.Context) ([]*Champion, error)
	// AssignChampion names a member of the organisation as a champion of
	// one of its units; naming someone twice is refused.
	AssignChampion(ctx context.Context, unitID, userID int64) error
	// RemoveChampion stops a person being a unit's champion.
	RemoveChampion(ctx context.Context, unitID, userID int64) error
}
