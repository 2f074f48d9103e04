package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

const involvementColumns = `v.id, v.title, v.activity, v.level, v.starts_at, v.minutes, v.prep_minutes, v.follow_minutes, v.place,
	v.topics, v.access, v.supporter_id, su.name, v.lead_id, lu.name, v.created_at, v.needs_check,
	COALESCE(v.training_session_id, 0), COALESCE(v.review_id, 0), v.open_to_interest,
	COALESCE((SELECT c.title FROM training_sessions s JOIN training_courses c ON c.id = s.course_id WHERE s.id = v.training_session_id),
		(SELECT r.subject FROM reviews r WHERE r.id = v.review_id), '')`

const involvementFrom = ` FROM coprod_involvements v JOIN users su ON su.id = v.supporter_id JOIN users lu ON lu.id = v.lead_id`

func scanInvolvement(row scanner) (*lightbulb.Involvement, error) {
	v := &lightbulb.Involvement{}
	var topics string
	err := row.Scan(&v.ID, &v.Title, &v.Activity, &v.Level, &v.StartsAt, &v.Minutes, &v.PrepMinutes, &v.FollowMinutes, &v.Place,
		&topics, &v.Access, &v.SupporterID, &v.SupporterName, &v.LeadID, &v.LeadName, &v.CreatedAt, &v.NeedsCheck,
		&v.TrainingSessionID, &v.ReviewID, &v.Open, &v.LinkTitle)
	v.Topics = splitList(topics)
	return v, err
}

// Involvement returns one involvement of the organisation with its invitations.
func (s *CoprodService) Involvement(ctx context.Context, id int64) (*lightbulb.Involvement, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	v, err := scanInvolvement(s.db.readRow(ctx, `SELECT `+involvementColumns+involvementFrom+` WHERE v.org_id = $1 AND v.id = $2`, org, id))
	if err != nil {
		return nil, notFound(err, "There is no such involvement.")
	}
	if v.Invites, err = s.invites(ctx, `i.org_id = $1 AND i.involvement_id = $2`, org, id); err != nil {
		return nil, err
	}
	claims, err := s.claims(ctx, `c.org_id = $1 AND c.involvement_id = $2`, org, id)
	if err != nil {
		return nil, err
	}
	v.CheckStates = map[int64]string{}
	for _, in := range v.Invites {
		if v.NeedsCheck != "" {
			if v.CheckStates[in.ExpertID], err = checkStateOn(ctx, s.db.read, org, in.ExpertID, v.NeedsCheck, lightbulb.Today(v.StartsAt)); err != nil {
				return nil, err
			}
		}
		for _, c := range claims {
			if c.ExpertID == in.ExpertID {
				in.Claim = c
			}
		}
	}
	return v, err
}

// invites lists invitations matching where, each with its claim.
func (s *CoprodService) invites(ctx context.Context, where string, args ...any) ([]*lightbulb.Invite, error) {
	rows, err := s.db.readRows(ctx, `SELECT i.id, i.involvement_id, i.expert_id, COALESCE(p.preferred_name, u.name), i.state,
		i.offer_pence, i.responded_at, COALESCE(p.consent_credit, FALSE) FROM coprod_invites i JOIN users u ON u.id = i.expert_id
		LEFT JOIN coprod_profiles p ON p.org_id = i.org_id AND p.user_id = i.expert_id
		JOIN coprod_involvements v ON v.id = i.involvement_id WHERE `+where+` ORDER BY v.starts_at DESC, i.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("invitations: %w", err)
	}
	return collect(rows, func(row scanner) (*lightbulb.Invite, error) {
		in := &lightbulb.Invite{}
		var at sql.NullTime
		err := row.Scan(&in.ID, &in.InvolvementID, &in.ExpertID, &in.ExpertName, &in.State, &in.OfferPence, &at, &in.CreditByName)
		in.RespondedAt = at.Time
		return in, err
	})
}

// Home is a co-production lead's overview: involvements, claims still to
// approve or pay, and follow-ups not yet done.
func (s *CoprodService) Home(ctx context.Context) (*lightbulb.CoprodHome, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	h := &lightbulb.CoprodHome{}
	rows, err := s.db.readRows(ctx, `SELECT `+involvementColumns+involvementFrom+` WHERE v.org_id = $1 ORDER BY v.starts_at DESC, v.id DESC LIMIT 50`, org)
	if err != nil {
		return nil, fmt.Errorf("involvements: %w", err)
	}
	if h.Involvements, err = collect(rows, scanInvolvement); err != nil {
		return nil, err
	}
	if h.Claims, err = s.claims(ctx, `c.org_id = $1 AND c.state <> 'paid'`, org); err != nil {
		return nil, err
	}
	h.FollowUps, err = s.followUps(ctx, `f.org_id = $1 AND f.done_at IS NULL`, org)
	return h, err
}

// MyRecords is everything an expert sees about themselves.
func (s *CoprodService) MyRecords(ctx context.Context, userID int64) (*lightbulb.ExpertRecords, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	out := &lightbulb.ExpertRecords{}
	if out.Profile, err = profile(ctx, s.db.read, org, userID); err != nil {
		return nil, err
	}
	if out.Invites, err = s.invites(ctx, `i.org_id = $1 AND i.expert_id = $2`, org, userID); err != nil {
		return nil, err
	}
	if out.Opportunities, err = s.opportunities(ctx, org, out.Profile); err != nil {
		return nil, err
	}
	if out.Claims, err = s.claims(ctx, `c.org_id = $1 AND c.expert_id = $2`, org, userID); err != nil {
		return nil, err
	}
	byInvolvement := map[int64]*lightbulb.Claim{}
	for _, c := range out.Claims {
		byInvolvement[c.InvolvementID] = c
	}
	for _, in := range out.Invites {
		v, err := scanInvolvement(s.db.readRow(ctx, `SELECT `+involvementColumns+involvementFrom+` WHERE v.id = $1`, in.InvolvementID))
		if err != nil {
			return nil, err
		}
		in.Involvement, in.Claim = v, byInvolvement[in.InvolvementID]
	}
	if out.FollowUps, err = s.followUps(ctx, `f.org_id = $1 AND f.expert_id = $2`, org, userID); err != nil {
		return nil, err
	}
	out.Checks, err = myChecks(ctx, s.db.read, org, userID)
	return out, err
}
