package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// ActionPlanService implements lightbulb.ActionPlanService.
type ActionPlanService struct {
	db      *DB
	baseURL string
	// CheckinMonths are the months after confirming when a check-in is
	// emailed (default 3, 6 and 12).
	CheckinMonths []int
}

// NewActionPlanService returns the Action Plan on db; emails link to baseURL.
func NewActionPlanService(db *DB, baseURL string) *ActionPlanService {
	return &ActionPlanService{db: db, baseURL: baseURL, CheckinMonths: []int{3, 6, 12}}
}

const actionItemCols = `id, role, position, version, text_en, text_cy, easy_en, easy_cy, retired, updated_at`

func scanActionItem(r scanner) (*lightbulb.ActionItem, error) {
	var a lightbulb.ActionItem
	err := r.Scan(&a.ID, &a.Role, &a.Position, &a.Version, &a.Text, &a.TextCy, &a.Easy, &a.EasyCy, &a.Retired, &a.UpdatedAt)
	return &a, err
}

// FindActionItems lists role's actions ("" for all) in order.
func (s *ActionPlanService) FindActionItems(ctx context.Context, role string, withRetired bool) ([]*lightbulb.ActionItem, error) {
	rows, err := s.db.readRows(ctx, `SELECT `+actionItemCols+` FROM actionplan_actions
		WHERE ($1 = '' OR role = $1) AND ($2 OR NOT retired) ORDER BY role, position, id`, role, withRetired)
	if err != nil {
		return nil, fmt.Errorf("find plan actions: %w", err)
	}
	out, err := collect(rows, scanActionItem)
	if err != nil || role != "" {
		return out, err
	}
	return sortByRole(out), nil
}

// sortByRole puts actions in the order of lightbulb.PlanRoles.
func sortByRole(as []*lightbulb.ActionItem) []*lightbulb.ActionItem {
	out := make([]*lightbulb.ActionItem, 0, len(as))
	for _, r := range lightbulb.PlanRoles {
		for _, a := range as {
			if a.Role == r {
				out = append(out, a)
			}
		}
	}
	return out
}

// FindActionItem returns one action.
func (s *ActionPlanService) FindActionItem(ctx context.Context, id int64) (*lightbulb.ActionItem, error) {
	a, err := scanActionItem(s.db.readRow(ctx, `SELECT `+actionItemCols+` FROM actionplan_actions WHERE id = $1`, id))
	return a, notFound(err, "There is no such action.")
}

// SaveActionItem adds an action at the end of its role's list, or saves a
// new version of one, keeping every earlier version.
func (s *ActionPlanService) SaveActionItem(ctx context.Context, a *lightbulb.ActionItem) error {
	if err := a.Validate(); err != nil {
		return err
	}
	var by any
	if act := lightbulb.ActorFrom(ctx); act != nil {
		by = act.UserID
	}
	now := lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if a.ID == 0 {
			a.Version = 1
			err := tx.QueryRowContext(ctx, `INSERT INTO actionplan_actions (role, position, version, text_en, text_cy, easy_en, easy_cy, retired, updated_at)
				VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM actionplan_actions WHERE role = $1), 1, $2, $3, $4, $5, $6, $7)
				RETURNING id, position`, a.Role, a.Text, a.TextCy, a.Easy, a.EasyCy, a.Retired, now).Scan(&a.ID, &a.Position)
			if err != nil {
				return fmt.Errorf("add plan action: %w", err)
			}
		} else {
			err := tx.QueryRowContext(ctx, `UPDATE actionplan_actions SET version = version + 1, text_en = $1, text_cy = $2,
				easy_en = $3, easy_cy = $4, retired = $5, updated_at = $6 WHERE id = $7 RETURNING version, role, position`,
				a.Text, a.TextCy, a.Easy, a.EasyCy, a.Retired, now, a.ID).Scan(&a.Version, &a.Role, &a.Position)
			if err != nil {
				return notFound(err, "There is no such action.")
			}
		}
		a.UpdatedAt = now
		_, err := tx.ExecContext(ctx, `INSERT INTO actionplan_action_versions (action_id, version, text_en, text_cy, easy_en, easy_cy, retired, edited_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, a.ID, a.Version, a.Text, a.TextCy, a.Easy, a.EasyCy, a.Retired, by, now)
		if err != nil {
			return fmt.Errorf("keep plan action version: %w", err)
		}
		return nil
	})
}

// ActionItemHistory lists an action's versions, newest first.
func (s *ActionPlanService) ActionItemHistory(ctx context.Context, id int64) ([]*lightbulb.ActionItemVersion, error) {
	rows, err := s.db.readRows(ctx, `SELECT v.version, v.text_en, v.text_cy, v.easy_en, v.easy_cy, v.retired,
			coalesce(u.name, ''), v.created_at
		FROM actionplan_action_versions v LEFT JOIN users u ON u.id = v.edited_by
		WHERE v.action_id = $1 ORDER BY v.version DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("plan action history: %w", err)
	}
	return collect(rows, func(r scanner) (*lightbulb.ActionItemVersion, error) {
		var v lightbulb.ActionItemVersion
		err := r.Scan(&v.Version, &v.Text, &v.TextCy, &v.Easy, &v.EasyCy, &v.Retired, &v.EditedBy, &v.CreatedAt)
		return &v, err
	})
}

// actionsOf reads the actions a signature chose, in plan order.
func actionsOf(ctx context.Context, q queryer, sigID int64) ([]*lightbulb.ActionItem, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.role, a.position, a.version, a.text_en, a.text_cy, a.easy_en, a.easy_cy, a.retired, a.updated_at
		FROM actionplan_signature_actions sa JOIN actionplan_actions a ON a.id = sa.action_id
		WHERE sa.signature_id = $1 ORDER BY a.position, a.id`, sigID)
	if err != nil {
		return nil, fmt.Errorf("signature actions: %w", err)
	}
	return collect(rows, scanActionItem)
}

// monthsAgo is the instant m months before now.
func monthsAgo(now time.Time, m int) time.Time { return now.AddDate(0, -m, 0) }
