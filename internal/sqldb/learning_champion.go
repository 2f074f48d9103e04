package sqldb

import (
	"context"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// ChampionService keeps dignity champions; see lightbulb.ChampionService.
type ChampionService struct{ db *DB }

// NewChampionService returns a ChampionService over db.
func NewChampionService(db *DB) *ChampionService { return &ChampionService{db: db} }

var _ lightbulb.ChampionService = (*ChampionService)(nil)

// Champions lists the organisation's champions by unit name, then name.
func (s *ChampionService) Champions(ctx context.Context) ([]*lightbulb.Champion, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT c.unit_id, v.name, c.user_id, u.name, u.email, c.assigned_at
		FROM learning_champions c JOIN services v ON v.id = c.unit_id AND v.org_id = c.org_id JOIN users u ON u.id = c.user_id
		WHERE c.org_id = $1 ORDER BY v.name, u.name`, org)
	if err != nil {
		return nil, fmt.Errorf("champions: %w", err)
	}
	return collect(rows, func(r scanner) (*lightbulb.Champion, error) {
		var c lightbulb.Champion
		return &c, r.Scan(&c.UnitID, &c.UnitName, &c.UserID, &c.Name, &c.Email, &c.AssignedAt)
	})
}

// AssignChampion names a member of the organisation as a unit's champion.
func (s *ChampionService) AssignChampion(ctx context.Context, unitID, userID int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	if err := checkUnit(ctx, s.db.read, org, unitID); err != nil {
		return err
	}
	var n int
	if err := s.db.readRow(ctx, `SELECT count(*) FROM memberships WHERE org_id = $1 AND user_id = $2`, org, userID).Scan(&n); err != nil {
		return fmt.Errorf("champion member: %w", err)
	}
	if n == 0 {
		return lightbulb.FieldError("person", "Choose a person from your organisation")
	}
	var by any // the lead who names them; none from the command line or the demo
	if a := lightbulb.ActorFrom(ctx); a != nil {
		by = nullID(a.UserID)
	}
	_, err = s.db.write.ExecContext(ctx, `INSERT INTO learning_champions (org_id, unit_id, user_id, assigned_by, assigned_at) VALUES ($1, $2, $3, $4, $5)`,
		org, unitID, userID, by, lightbulb.Now())
	if isUnique(err) {
		return lightbulb.FieldError("person", "This person is already a champion of that ward, team or home")
	} else if err != nil {
		return fmt.Errorf("assign champion: %w", err)
	}
	return nil
}

// RemoveChampion stops a person being a unit's champion.
func (s *ChampionService) RemoveChampion(ctx context.Context, unitID, userID int64) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	res, err := s.db.write.ExecContext(ctx, `DELETE FROM learning_champions WHERE org_id = $1 AND unit_id = $2 AND user_id = $3`, org, unitID, userID)
	if err != nil {
		return fmt.Errorf("remove champion: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "That person is not a champion of that ward, team or home.")
	}
	return nil
}
