package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

const actionCols = `a.id, a.review_id, r.subject, a.code, a.description, a.owner_id, u.name, a.due, a.status, a.created_at`

const actionFrom = ` FROM review_actions a JOIN reviews r ON r.id = a.review_id JOIN users u ON u.id = a.owner_id`

func scanAction(row scanner) (*lightbulb.Action, error) {
	var a lightbulb.Action
	var status string
	err := row.Scan(&a.ID, &a.ReviewID, &a.Subject, &a.StatementCode, &a.Description, &a.OwnerID, &a.OwnerName, &a.Due, &status, &a.CreatedAt)
	a.Status = lightbulb.ActionStatus(status)
	return &a, err
}

// CreateAction adds an action to a submitted review's red or amber
// statement, owned by a person of the organisation.
func (s *ReviewService) CreateAction(ctx context.Context, a *lightbulb.Action) error {
	if err := lightbulb.ValidateAction(a); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		r, err := s.findReview(ctx, tx, a.ReviewID)
		if err != nil {
			return err
		}
		got, err := finals(ctx, tx, r.OrgID, r.ID)
		if err != nil {
			return err
		}
		if rt := got[a.StatementCode].Rating; rt != lightbulb.Red && rt != lightbulb.Amber {
			return lightbulb.FieldError("statement", "Actions can only be made from a statement rated red or amber")
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM memberships WHERE org_id = $1 AND user_id = $2`,
			r.OrgID, a.OwnerID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return lightbulb.FieldError("owner", "Select who owns this action")
		}
		a.CreatedAt, a.Subject = lightbulb.Now(), r.Subject
		err = tx.QueryRowContext(ctx, `INSERT INTO review_actions (org_id, review_id, code, description, owner_id, due, status, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, r.OrgID, r.ID, a.StatementCode, a.Description, a.OwnerID,
			a.Due, string(a.Status), a.CreatedAt).Scan(&a.ID)
		if err != nil {
			return fmt.Errorf("create action: %w", err)
		}
		return nil
	})
}

// FindActions lists a review's actions by due date; reviewID 0 lists every
// action of the organisation.
func (s *ReviewService) FindActions(ctx context.Context, reviewID int64) ([]*lightbulb.Action, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+actionCols+actionFrom+` WHERE a.org_id = $1 AND ($2 = 0 OR a.review_id = $2)
		ORDER BY a.due, a.id`, org, reviewID)
	if err != nil {
		return nil, fmt.Errorf("find actions: %w", err)
	}
	return collect(rows, scanAction)
}

// SetActionStatus moves an action on; it works after the review is locked,
// because acting on a review is what follows submitting it.
func (s *ReviewService) SetActionStatus(ctx context.Context, id int64, st lightbulb.ActionStatus) (*lightbulb.Action, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	valid := false
	for _, x := range lightbulb.ActionStatuses {
		valid = valid || x == st
	}
	if !valid {
		return nil, lightbulb.FieldError("status", "Select the action’s status")
	}
	res, err := s.db.write.ExecContext(ctx, `UPDATE review_actions SET status = $1 WHERE org_id = $2 AND id = $3`, string(st), org, id)
	if err != nil {
		return nil, fmt.Errorf("set action status: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such action.")
	}
	a, err := scanAction(s.db.write.QueryRowContext(ctx, `SELECT `+actionCols+actionFrom+` WHERE a.org_id = $1 AND a.id = $2`, org, id))
	return a, notFound(err, "There is no such action.")
}
