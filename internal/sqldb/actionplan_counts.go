package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// counted is the condition a signature must meet to count.
const counted = `g.status = 'confirmed' AND NOT g.suspect`

// refreshCounts recounts the public counts inside tx.
func refreshCounts(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM actionplan_counts`); err != nil {
		return fmt.Errorf("clear counts: %w", err)
	}
	for _, q := range []string{
		`SELECT 'total', '', count(*) FROM actionplan_signatures g WHERE ` + counted,
		`SELECT 'role', g.role, count(*) FROM actionplan_signatures g WHERE ` + counted + ` GROUP BY g.role`,
		`SELECT 'nation', g.nation, count(*) FROM actionplan_signatures g WHERE ` + counted + ` AND g.nation <> '' GROUP BY g.nation`,
		`SELECT 'chosen', ` + castText("sa.action_id") + `, count(*) FROM actionplan_signature_actions sa
			JOIN actionplan_signatures g ON g.id = sa.signature_id WHERE ` + counted + ` GROUP BY sa.action_id`,
		`SELECT 'taken', ` + castText("sa.action_id") + `, count(*) FROM actionplan_signature_actions sa
			JOIN actionplan_signatures g ON g.id = sa.signature_id WHERE ` + counted + ` AND sa.taken_at IS NOT NULL GROUP BY sa.action_id`,
		`SELECT 'updated', $1, 0`,
	} {
		args := []any{}
		if strings.Contains(q, "$1") {
			args = append(args, lightbulb.Now().Format(time.RFC3339))
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO actionplan_counts (kind, code, n) `+q, args...); err != nil {
			return fmt.Errorf("count: %w", err)
		}
	}
	return nil
}

// castText turns an integer column into text the same way on both engines.
func castText(col string) string { return "CAST(" + col + " AS TEXT)" }

// RefreshCounts recounts now.
func (s *ActionPlanService) RefreshCounts(ctx context.Context) error {
	return s.db.tx(ctx, func(tx *sql.Tx) error { return refreshCounts(ctx, tx) })
}

// PlanCounts reads the counts the job keeps: a few rows, whatever the
// number of signatures.
func (s *ActionPlanService) PlanCounts(ctx context.Context) (*lightbulb.PlanCounts, error) {
	rows, err := s.db.readRows(ctx, `SELECT kind, code, n FROM actionplan_counts`)
	if err != nil {
		return nil, fmt.Errorf("plan counts: %w", err)
	}
	defer rows.Close()
	c := &lightbulb.PlanCounts{ByRole: map[string]int{}, ByNation: map[string]int{}, Chosen: map[int64]int{}, Taken: map[int64]int{}}
	for rows.Next() {
		var kind, code string
		var n int
		if err := rows.Scan(&kind, &code, &n); err != nil {
			return nil, err
		}
		id, _ := strconv.ParseInt(code, 10, 64)
		switch kind {
		case "total":
			c.Total = n
		case "role":
			c.ByRole[code] = n
		case "nation":
			c.ByNation[code] = n
		case "chosen":
			c.Chosen[id] = n
		case "taken":
			c.Taken[id] = n
		case "updated":
			c.UpdatedAt, _ = time.Parse(time.RFC3339, code)
		}
	}
	return c, rows.Err()
}

// moderatedQuery lists own actions and stories in one shape.
const moderatedQuery = `SELECT * FROM (
	SELECT 'action' AS kind, g.id AS id, g.role AS role, g.own_action AS body, g.own_state AS state, g.created_at AS created
		FROM actionplan_signatures g WHERE g.own_state <> '' AND ` + counted + `
	UNION ALL
	SELECT 'story', c.id, g.role, c.story, c.story_state, c.answered_at
		FROM actionplan_checkins c JOIN actionplan_signatures g ON g.id = c.signature_id
		WHERE c.story_state <> '' AND c.quote_ok AND ` + counted + `
) m WHERE m.state = $1 ORDER BY m.created DESC, m.id DESC LIMIT $2`

func (s *ActionPlanService) findModerated(ctx context.Context, state string, limit int) ([]*lightbulb.Moderated, error) {
	rows, err := s.db.readRows(ctx, moderatedQuery, state, limit)
	if err != nil {
		return nil, fmt.Errorf("find moderated: %w", err)
	}
	return collect(rows, func(r scanner) (*lightbulb.Moderated, error) {
		var m lightbulb.Moderated
		err := r.Scan(&m.Kind, &m.ID, &m.Role, &m.Text, &m.State, &m.Created)
		return &m, err
	})
}

// FindPublished lists approved own actions and quotable stories, newest first.
func (s *ActionPlanService) FindPublished(ctx context.Context, limit int) ([]*lightbulb.Moderated, error) {
	return s.findModerated(ctx, lightbulb.ModApproved, limit)
}

// FindModeration lists what waits for moderation, newest first.
func (s *ActionPlanService) FindModeration(ctx context.Context) ([]*lightbulb.Moderated, error) {
	return s.findModerated(ctx, lightbulb.ModPending, 200)
}

// Moderate approves or rejects an own action or a story.
func (s *ActionPlanService) Moderate(ctx context.Context, kind string, id int64, approve bool) error {
	state := lightbulb.ModRejected
	if approve {
		state = lightbulb.ModApproved
	}
	q := `UPDATE actionplan_signatures SET own_state = $1 WHERE id = $2 AND own_state <> ''`
	if kind == "story" {
		q = `UPDATE actionplan_checkins SET story_state = $1 WHERE id = $2 AND story_state <> ''`
	} else if kind != "action" {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is nothing to moderate there.")
	}
	res, err := s.db.write.ExecContext(ctx, q, state, id)
	if err != nil {
		return fmt.Errorf("moderate: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is nothing to moderate there.")
	}
	return nil
}

// FindSignatures lists the newest signatures, for the charity's export.
func (s *ActionPlanService) FindSignatures(ctx context.Context, limit int) ([]*lightbulb.Signature, error) {
	rows, err := s.db.readRows(ctx, `SELECT `+signatureCols+` FROM actionplan_signatures ORDER BY id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("find signatures: %w", err)
	}
	return collect(rows, scanSignature)
}
