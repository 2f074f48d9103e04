package sqldb

import (
	"context"
	"database/sql"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// AcceptAgreed makes the contributors' rating and evidence the final one for
// each statement everyone who rated it agrees on, where the lead has not
// agreed a rating yet, in one transaction.
func (s *ReviewService) AcceptAgreed(ctx context.Context, reviewID int64) (int, error) {
	a := lightbulb.ActorFrom(ctx)
	if a == nil {
		return 0, lightbulb.Errorf(lightbulb.EUNAUTH, "Sign in to rate a review.")
	}
	cs, err := s.Contributions(ctx, reviewID)
	if err != nil {
		return 0, err
	}
	n := 0
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		r, err := s.draft(ctx, tx, reviewID)
		if err != nil {
			return err
		}
		have, err := finals(ctx, tx, r.OrgID, r.ID)
		if err != nil {
			return err
		}
		var rs []lightbulb.Rated
		for code, ag := range lightbulb.Agreements(cs) {
			if _, done := have[code]; !done && ag.State == lightbulb.AgreeAll {
				rs = append(rs, lightbulb.Rated{Code: code, Rating: ag.Rating, Evidence: ag.Evidence})
			}
		}
		n = len(rs)
		return saveRatings(ctx, tx, r, `review_finals`, `agreed_by`, a.UserID, rs)
	})
	return n, err
}
