package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

const reviewCols = `r.id, r.org_id, r.subject, r.whole_org, r.period_start, r.period_end, r.framework_id, f.version,
	r.status, r.lead_id, u.name, r.created_at, r.submitted_at, COALESCE(r.unit_id, 0)`

const reviewFrom = ` FROM reviews r JOIN review_frameworks f ON f.id = r.framework_id JOIN users u ON u.id = r.lead_id`

func scanReview(row scanner) (*lightbulb.Review, error) {
	var r lightbulb.Review
	var status string
	var sub sql.NullTime
	err := row.Scan(&r.ID, &r.OrgID, &r.Subject, &r.WholeOrg, &r.PeriodStart, &r.PeriodEnd, &r.FrameworkID, &r.FrameworkVersion,
		&status, &r.LeadID, &r.LeadName, &r.CreatedAt, &sub, &r.UnitID)
	r.Status = lightbulb.ReviewStatus(status)
	if sub.Valid {
		r.SubmittedAt = sub.Time
	}
	return &r, err
}

// FindReviews lists the organisation's reviews, newest period first.
func (s *ReviewService) FindReviews(ctx context.Context, f lightbulb.ReviewFilter) ([]*lightbulb.Review, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	where, args := `r.org_id = $1`, []any{org}
	if f.ContributorID > 0 {
		where += ` AND r.id IN (SELECT review_id FROM review_contributors WHERE org_id = $1 AND user_id = $2)`
		args = append(args, f.ContributorID)
	}
	rows, err := s.db.readRows(ctx, `SELECT `+reviewCols+reviewFrom+` WHERE `+where+
		` ORDER BY r.period_end DESC, r.id DESC`, args...)
	if err != nil {
		return nil, fmt.Errorf("find reviews: %w", err)
	}
	return collect(rows, scanReview)
}

// FindReview returns one of the organisation's reviews.
func (s *ReviewService) FindReview(ctx context.Context, id int64) (*lightbulb.Review, error) {
	return s.findReview(ctx, s.db.read, id)
}

func (s *ReviewService) findReview(ctx context.Context, q querier, id int64) (*lightbulb.Review, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	r, err := scanReview(q.QueryRowContext(ctx, `SELECT `+reviewCols+reviewFrom+` WHERE r.org_id = $1 AND r.id = $2`, org, id))
	return r, notFound(err, "There is no such review.")
}

// CreateReview starts a draft review on the current framework, led by the
// actor. A whole-organisation review takes the organisation's name.
func (s *ReviewService) CreateReview(ctx context.Context, r *lightbulb.Review) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	a := lightbulb.ActorFrom(ctx)
	if a == nil {
		return lightbulb.Errorf(lightbulb.EUNAUTH, "Sign in to start a review.")
	}
	if r.WholeOrg {
		r.UnitID = 0
		if err := s.db.readRow(ctx, `SELECT name FROM organisations WHERE id = $1`, org).Scan(&r.Subject); err != nil {
			return fmt.Errorf("create review: %w", err)
		}
	}
	if err := r.Validate(); err != nil {
		return err
	}
	if !r.WholeOrg {
		if err := reviewUnit(ctx, s.db.read, org, r); err != nil {
			return err
		}
	}
	fw, err := s.CurrentFramework(ctx)
	if err != nil {
		return err
	}
	r.OrgID, r.FrameworkID, r.FrameworkVersion, r.Status = org, fw.ID, fw.Version, lightbulb.ReviewDraft
	r.LeadID, r.LeadName, r.CreatedAt = a.UserID, a.Name, lightbulb.Now()
	var unit any
	if r.UnitID > 0 {
		unit = r.UnitID
	}
	err = s.db.write.QueryRowContext(ctx, `INSERT INTO reviews (org_id, subject, whole_org, period_start, period_end, framework_id,
		status, lead_id, created_at, unit_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		org, r.Subject, r.WholeOrg, r.PeriodStart, r.PeriodEnd, r.FrameworkID, string(r.Status), r.LeadID, r.CreatedAt, unit).Scan(&r.ID)
	if err != nil {
		return fmt.Errorf("create review: %w", err)
	}
	return nil
}

// Contributors lists the people invited to a review, by name.
func (s *ReviewService) Contributors(ctx context.Context, reviewID int64) ([]lightbulb.Contributor, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT c.user_id, u.name, c.kind FROM review_contributors c JOIN users u ON u.id = c.user_id
		WHERE c.org_id = $1 AND c.review_id = $2 ORDER BY u.name`, org, reviewID)
	if err != nil {
		return nil, fmt.Errorf("contributors: %w", err)
	}
	defer rows.Close()
	var out []lightbulb.Contributor
	for rows.Next() {
		var c lightbulb.Contributor
		var kind string
		if err := rows.Scan(&c.UserID, &c.Name, &kind); err != nil {
			return nil, err
		}
		c.Kind = lightbulb.ContributorKind(kind)
		out = append(out, c)
	}
	return out, rows.Err()
}

// draft returns the review, refusing one that has been submitted.
func (s *ReviewService) draft(ctx context.Context, tx *sql.Tx, id int64) (*lightbulb.Review, error) {
	r, err := s.findReview(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	if r.Locked() {
		return nil, lightbulb.Errorf(lightbulb.ECONFLICT, "This review has been submitted, so it can no longer be changed.")
	}
	return r, nil
}

// AddContributor invites a person of the organisation to rate a draft review.
func (s *ReviewService) AddContributor(ctx context.Context, reviewID int64, c lightbulb.Contributor) error {
	valid := false
	for _, k := range lightbulb.ContributorKinds {
		valid = valid || k == c.Kind
	}
	if !valid {
		return lightbulb.FieldError("kind", "Select how this person contributes")
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		r, err := s.draft(ctx, tx, reviewID)
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM memberships WHERE org_id = $1 AND user_id = $2`,
			r.OrgID, c.UserID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return lightbulb.FieldError("person", "Select a person in your organisation")
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO review_contributors (org_id, review_id, user_id, kind, created_at)
			VALUES ($1, $2, $3, $4, $5)`, r.OrgID, r.ID, c.UserID, string(c.Kind), lightbulb.Now())
		if isUnique(err) {
			return lightbulb.FieldError("person", "This person has already been invited")
		} else if err != nil {
			return err
		}
		return s.mailInvite(ctx, tx, r, c)
	})
}

// mailInvite queues, in the invitation's transaction, the email asking the
// person to rate, in their language.
func (s *ReviewService) mailInvite(ctx context.Context, tx *sql.Tx, r *lightbulb.Review, c lightbulb.Contributor) error {
	in := lightbulb.ReviewInvite{OrgID: r.OrgID, Review: r, Kind: c.Kind}
	if err := tx.QueryRowContext(ctx, `SELECT u.email, u.name, COALESCE(u.lang, ''), o.name FROM users u, organisations o
		WHERE u.id = $1 AND o.id = $2`, c.UserID, r.OrgID).Scan(&in.To, &in.Name, &in.Lang, &in.OrgName); err != nil {
		return fmt.Errorf("invitation email: %w", err)
	}
	return queueMail(ctx, tx, lightbulb.ReviewInviteMail(in, s.BaseURL))
}

// SaveContributions stores the actor's ratings on a draft review they were
// invited to. Empty ratings remove an earlier one; all or nothing is saved.
func (s *ReviewService) SaveContributions(ctx context.Context, reviewID int64, rs []lightbulb.Rated) error {
	a := lightbulb.ActorFrom(ctx)
	if a == nil {
		return lightbulb.Errorf(lightbulb.EUNAUTH, "Sign in to rate a review.")
	}
	return s.rateDraft(ctx, reviewID, rs, `review_contributions`, `user_id`, a.UserID, func(tx *sql.Tx, r *lightbulb.Review) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM review_contributors WHERE org_id = $1 AND review_id = $2 AND user_id = $3`,
			r.OrgID, r.ID, a.UserID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return lightbulb.Errorf(lightbulb.EFORBIDDEN, "You have not been invited to contribute to this review.")
		}
		return nil
	})
}

// SaveFinals stores the lead's agreed ratings on a draft review.
func (s *ReviewService) SaveFinals(ctx context.Context, reviewID int64, rs []lightbulb.Rated) error {
	a := lightbulb.ActorFrom(ctx)
	if a == nil {
		return lightbulb.Errorf(lightbulb.EUNAUTH, "Sign in to rate a review.")
	}
	return s.rateDraft(ctx, reviewID, rs, `review_finals`, `agreed_by`, a.UserID, nil)
}

// rateDraft checks rs and, in one transaction on the draft review, runs
// check (when given) and replaces the ratings in table whose who column is id.
func (s *ReviewService) rateDraft(ctx context.Context, reviewID int64, rs []lightbulb.Rated, table, who string, id int64,
	check func(*sql.Tx, *lightbulb.Review) error) error {
	if err := lightbulb.ValidateRatings(rs); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		r, err := s.draft(ctx, tx, reviewID)
		if err != nil {
			return err
		}
		if check != nil {
			if err := check(tx, r); err != nil {
				return err
			}
		}
		return saveRatings(ctx, tx, r, table, who, id, rs)
	})
}

// saveRatings replaces ratings in table: per person for contributions (who
// is the person column), per review for finals.
func saveRatings(ctx context.Context, tx *sql.Tx, r *lightbulb.Review, table, who string, userID int64, rs []lightbulb.Rated) error {
	fw, err := findFramework(ctx, tx, r.FrameworkID)
	if err != nil {
		return err
	}
	scope := ` AND ` + who + ` = $4`
	if table == "review_finals" {
		scope = ` AND $4 > 0`
	}
	now := lightbulb.Now()
	for _, x := range rs {
		if fw.Statement(x.Code) == nil {
			return lightbulb.Errorf(lightbulb.EINVALID, "There is no statement with that code.")
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE org_id = $1 AND review_id = $2 AND code = $3`+scope,
			r.OrgID, r.ID, x.Code, userID); err != nil {
			return fmt.Errorf("save ratings: %w", err)
		}
		if x.Rating == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+table+` (org_id, review_id, code, `+who+`, rating, evidence, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, r.OrgID, r.ID, x.Code, userID, string(x.Rating), x.Evidence, now); err != nil {
			return fmt.Errorf("save ratings: %w", err)
		}
	}
	return nil
}

// Contributions lists every contributor's ratings of a review, by statement
// and then name, marked with the capacity each person contributed in, and
// after them the views without an account, marked with how they came.
func (s *ReviewService) Contributions(ctx context.Context, reviewID int64) ([]lightbulb.Rated, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT code, rating, evidence, user_id, name, kind, updated_at, via FROM (
		SELECT x.code, x.rating, x.evidence, x.user_id, u.name, coalesce(c.kind, 'staff') AS kind, x.updated_at, '' AS via, 0 AS voice
		FROM review_contributions x JOIN users u ON u.id = x.user_id
		LEFT JOIN review_contributors c ON c.review_id = x.review_id AND c.user_id = x.user_id
		WHERE x.org_id = $1 AND x.review_id = $2
		UNION ALL
		SELECT x.code, x.rating, x.evidence, 0, v.label, 'service_user', x.updated_at, v.via, v.id
		FROM review_voice_ratings x JOIN review_voices v ON v.id = x.voice_id
		WHERE x.org_id = $1 AND x.review_id = $2) t ORDER BY code, voice, name`, org, reviewID)
	if err != nil {
		return nil, fmt.Errorf("contributions: %w", err)
	}
	defer rows.Close()
	var out []lightbulb.Rated
	for rows.Next() {
		var x lightbulb.Rated
		var rating, kind string
		if err := rows.Scan(&x.Code, &rating, &x.Evidence, &x.UserID, &x.UserName, &kind, &x.UpdatedAt, &x.Via); err != nil {
			return nil, err
		}
		x.Rating, x.Kind = lightbulb.Rating(rating), lightbulb.ContributorKind(kind)
		out = append(out, x)
	}
	return out, rows.Err()
}

// Finals returns the agreed ratings of a review by statement code.
func (s *ReviewService) Finals(ctx context.Context, reviewID int64) (map[string]lightbulb.Rated, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return finals(ctx, s.db.read, org, reviewID)
}

func finals(ctx context.Context, q querier, org, reviewID int64) (map[string]lightbulb.Rated, error) {
	rows, err := q.QueryContext(ctx, `SELECT x.code, x.rating, x.evidence, x.agreed_by, u.name, x.updated_at
		FROM review_finals x JOIN users u ON u.id = x.agreed_by WHERE x.org_id = $1 AND x.review_id = $2`, org, reviewID)
	if err != nil {
		return nil, fmt.Errorf("final ratings: %w", err)
	}
	defer rows.Close()
	out := map[string]lightbulb.Rated{}
	for rows.Next() {
		var x lightbulb.Rated
		var rating string
		if err := rows.Scan(&x.Code, &rating, &x.Evidence, &x.UserID, &x.UserName, &x.UpdatedAt); err != nil {
			return nil, err
		}
		x.Rating = lightbulb.Rating(rating)
		out[x.Code] = x
	}
	return out, rows.Err()
}

// SubmitReview locks a draft once every statement has an agreed rating.
func (s *ReviewService) SubmitReview(ctx context.Context, reviewID int64) error {
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		r, err := s.draft(ctx, tx, reviewID)
		if err != nil {
			return err
		}
		fw, err := findFramework(ctx, tx, r.FrameworkID)
		if err != nil {
			return err
		}
		got, err := finals(ctx, tx, r.OrgID, r.ID)
		if err != nil {
			return err
		}
		for _, st := range fw.Statements {
			if _, ok := got[st.Code]; !ok {
				return lightbulb.Errorf(lightbulb.ECONFLICT, "Agree a rating for every statement before you submit the review.")
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE reviews SET status = $1, submitted_at = $2 WHERE org_id = $3 AND id = $4`,
			string(lightbulb.ReviewSubmitted), lightbulb.Now(), r.OrgID, r.ID)
		return err
	})
}

// PreviousReview returns the last submitted review of the same subject whose
// period ended before r's (or on the same day, when it was started first).
func (s *ReviewService) PreviousReview(ctx context.Context, r *lightbulb.Review) (*lightbulb.Review, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	same, key := `r.unit_id IS NULL AND r.subject = $2`, any(r.Subject)
	if r.UnitID > 0 {
		same, key = `r.unit_id = $2`, r.UnitID
	}
	p, err := scanReview(s.db.readRow(ctx, `SELECT `+reviewCols+reviewFrom+` WHERE r.org_id = $1 AND `+same+`
		AND r.status = 'submitted' AND (r.period_end < $4 OR (r.period_end = $4 AND r.id < $3))
		ORDER BY r.period_end DESC, r.id DESC LIMIT 1`,
		org, key, r.ID, r.PeriodEnd))
	return p, notFound(err, "This service has not been reviewed before.")
}
