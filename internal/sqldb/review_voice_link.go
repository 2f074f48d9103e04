package sqldb

import (
	"context"
	"database/sql"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// The emailed link: its token is the key, and a wrong, expired or closed
// one finds nothing to rate.

// VoiceByToken finds the voice a link belongs to and its review.
func (s *ReviewService) VoiceByToken(ctx context.Context, token string) (*lightbulb.Voice, *lightbulb.Review, error) {
	return s.voiceByToken(ctx, s.db.read, token)
}

func (s *ReviewService) voiceByToken(ctx context.Context, q querier, token string) (*lightbulb.Voice, *lightbulb.Review, error) {
	var org int64
	v, err := scanVoice(q.QueryRowContext(ctx, `SELECT `+voiceCols+` FROM review_voices v WHERE v.token_hash = $1`, voiceHash(token)))
	if err != nil {
		return nil, nil, notFound(err, "This link does not work. Check you copied all of it from the email.")
	}
	if err := q.QueryRowContext(ctx, `SELECT org_id FROM review_voices WHERE id = $1`, v.ID).Scan(&org); err != nil {
		return nil, nil, err
	}
	r, err := s.findReview(lightbulb.WithOrg(ctx, org), q, v.ReviewID)
	if err != nil {
		return nil, nil, err
	}
	if r.Locked() {
		return nil, nil, lightbulb.Errorf(lightbulb.ECONFLICT, "This review has closed, so it can no longer be rated. Thank you for your interest.")
	}
	if v.Expired(lightbulb.Now()) {
		return nil, nil, lightbulb.Errorf(lightbulb.ECONFLICT, "This link has expired. Ask the person who sent it for a new one.")
	}
	return v, r, nil
}

// RateByToken stores the ratings given through a link, all or nothing.
func (s *ReviewService) RateByToken(ctx context.Context, token string, rs []lightbulb.Rated) error {
	if err := lightbulb.ValidateRatings(rs); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		v, r, err := s.voiceByToken(ctx, tx, token)
		if err != nil {
			return err
		}
		return saveRatings(ctx, tx, r, `review_voice_ratings`, `voice_id`, v.ID, rs)
	})
}
