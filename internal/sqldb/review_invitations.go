package sqldb

import (
	"context"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// MyInvitations lists the actor's own invitations to draft reviews across
// the organisations they are a member of: a read across organisations of
// the actor's own records only.
func (s *ReviewService) MyInvitations(ctx context.Context) ([]lightbulb.ReviewInvitation, error) {
	a := lightbulb.ActorFrom(ctx)
	if a == nil {
		return nil, lightbulb.Errorf(lightbulb.EUNAUTH, "Sign in to see your invitations.")
	}
	rows, err := s.db.readRows(ctx, `SELECT r.id, r.org_id, o.name, r.subject, r.period_start, r.period_end, c.kind,
		(SELECT count(*) FROM review_contributions x WHERE x.review_id = r.id AND x.user_id = c.user_id)
		FROM review_contributors c JOIN reviews r ON r.id = c.review_id AND r.org_id = c.org_id JOIN organisations o ON o.id = r.org_id
		WHERE c.user_id = $1 AND r.status = 'draft'
		AND EXISTS (SELECT 1 FROM memberships m WHERE m.org_id = r.org_id AND m.user_id = c.user_id)
		ORDER BY r.period_end DESC, r.id DESC`, a.UserID)
	if err != nil {
		return nil, fmt.Errorf("my invitations: %w", err)
	}
	return collect(rows, func(r scanner) (lightbulb.ReviewInvitation, error) {
		var x lightbulb.ReviewInvitation
		var kind string
		err := r.Scan(&x.ReviewID, &x.OrgID, &x.OrgName, &x.Subject, &x.PeriodStart, &x.PeriodEnd, &kind, &x.Rated)
		x.Kind = lightbulb.ContributorKind(kind)
		return x, err
	})
}
