package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

var _ lightbulb.LinkService = (*CoprodService)(nil)

// LinkDraft starts an involvement for one of the organisation's training
// sessions (its facilitators) or Traffic Light reviews (its contributors).
func (s *CoprodService) LinkDraft(ctx context.Context, kind string, id int64) (*lightbulb.Involvement, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	inv := &lightbulb.Involvement{Level: "standard"}
	var ends sql.NullTime
	switch kind {
	case lightbulb.LinkSession:
		inv.TrainingSessionID, inv.Activity = id, "training"
		err = s.db.readRow(ctx, `SELECT c.title, s.starts_at, s.ends_at FROM training_sessions s
			JOIN training_courses c ON c.id = s.course_id WHERE s.id = $1 AND s.org_id = $2`, id, org).Scan(&inv.LinkTitle, &inv.StartsAt, &ends)
	case lightbulb.LinkReview:
		inv.ReviewID, inv.Activity = id, "review"
		err = s.db.readRow(ctx, `SELECT subject, period_end FROM reviews WHERE id = $1 AND org_id = $2`, id, org).Scan(&inv.LinkTitle, &inv.StartsAt)
	default:
		return nil, lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such session or review.")
	}
	if err != nil {
		return nil, notFound(err, "There is no such session or review.")
	}
	inv.Title = inv.LinkTitle
	if ends.Valid {
		inv.Minutes = int(ends.Time.Sub(inv.StartsAt).Minutes())
	}
	return inv, nil
}

// checkInvolvementLink makes sure an involvement's session or review is the
// organisation's own.
func checkInvolvementLink(ctx context.Context, q querier, org int64, inv *lightbulb.Involvement) error {
	table, id := "training_sessions", inv.TrainingSessionID
	if id == 0 {
		table, id = "reviews", inv.ReviewID
	}
	if id == 0 {
		return nil
	}
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` WHERE id = $1 AND org_id = $2`, id, org).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return lightbulb.FieldError("title", "The training session or review this is for is not one of your organisation's")
	}
	return nil
}

// Linked lists the organisation's involvements linked to a training session
// or review, each with its invitations.
func (s *CoprodService) Linked(ctx context.Context, kind string, id int64) ([]*lightbulb.Involvement, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	column := "v.training_session_id"
	if kind == lightbulb.LinkReview {
		column = "v.review_id"
	}
	rows, err := s.db.readRows(ctx, `SELECT `+involvementColumns+involvementFrom+` WHERE v.org_id = $1 AND `+column+` = $2
		ORDER BY v.starts_at, v.id`, org, id)
	if err != nil {
		return nil, fmt.Errorf("linked involvements: %w", err)
	}
	out, err := collect(rows, scanInvolvement)
	if err != nil {
		return nil, err
	}
	for _, v := range out {
		if v.Invites, err = s.invites(ctx, `i.org_id = $1 AND i.involvement_id = $2`, org, v.ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}
