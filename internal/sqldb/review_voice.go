package sqldb

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

var _ lightbulb.VoiceService = (*ReviewService)(nil)

// voiceHash is the fingerprint of a link's token, the only form it is kept in.
func voiceHash(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

const voiceCols = `v.id, v.review_id, v.via, v.label, v.lang, v.created_at, v.expires_at,
	(SELECT count(*) FROM review_voice_ratings x WHERE x.voice_id = v.id)`

func scanVoice(r scanner) (*lightbulb.Voice, error) {
	var v lightbulb.Voice
	var exp sql.NullTime
	err := r.Scan(&v.ID, &v.ReviewID, &v.Via, &v.Label, &v.Lang, &v.CreatedAt, &exp, &v.Rated)
	v.ExpiresAt = exp.Time
	return &v, err
}

// InviteVoice stores a link for someone who uses the service to rate a
// draft review and queues the email that carries it, in one transaction.
// The address goes only into the outbox.
func (s *ReviewService) InviteVoice(ctx context.Context, reviewID int64, email, lang string) (*lightbulb.Voice, error) {
	email, err := lightbulb.ValidateVoiceInvite(email, lang)
	if err != nil {
		return nil, err
	}
	token := newToken()
	var v *lightbulb.Voice
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		r, err := s.draft(ctx, tx, reviewID)
		if err != nil {
			return err
		}
		exp := lightbulb.Now().AddDate(0, 0, lightbulb.VoiceLinkDays)
		if v, err = s.addVoice(ctx, tx, r, lightbulb.ViaLink, "", lang, voiceHash(token), exp); err != nil {
			return err
		}
		var org string
		if err := tx.QueryRowContext(ctx, `SELECT name FROM organisations WHERE id = $1`, r.OrgID).Scan(&org); err != nil {
			return err
		}
		return queueMail(ctx, tx, lightbulb.ReviewInviteVoiceMail(email, lang, org, r, exp, s.BaseURL+"/rate/"+token))
	})
	return v, err
}

// RecordVoice starts the views of a group, or of someone through an
// advocate, on a draft review; the lead then records their ratings.
func (s *ReviewService) RecordVoice(ctx context.Context, reviewID int64, via, label string) (*lightbulb.Voice, error) {
	label, err := lightbulb.ValidateVoice(via, label)
	if err != nil {
		return nil, err
	}
	var v *lightbulb.Voice
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		r, err := s.draft(ctx, tx, reviewID)
		if err != nil {
			return err
		}
		v, err = s.addVoice(ctx, tx, r, via, label, "", nil, nil)
		return err
	})
	return v, err
}

func (s *ReviewService) addVoice(ctx context.Context, tx *sql.Tx, r *lightbulb.Review, via, label, lang string, hash, exp any) (*lightbulb.Voice, error) {
	a := lightbulb.ActorFrom(ctx)
	if a == nil {
		return nil, lightbulb.Errorf(lightbulb.EUNAUTH, "Sign in to record views.")
	}
	v := &lightbulb.Voice{ReviewID: r.ID, Via: via, Label: label, Lang: lang, CreatedAt: lightbulb.Now()}
	if t, ok := exp.(time.Time); ok {
		v.ExpiresAt = t
	}
	err := tx.QueryRowContext(ctx, `INSERT INTO review_voices (org_id, review_id, via, label, lang, token_hash, expires_at, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, r.OrgID, r.ID, via, label, lang, hash, exp, a.UserID, v.CreatedAt).Scan(&v.ID)
	if err != nil {
		return nil, fmt.Errorf("add voice: %w", err)
	}
	return v, nil
}

// Voices lists the views without an account on a review of the
// organisation in ctx, oldest first.
func (s *ReviewService) Voices(ctx context.Context, reviewID int64) ([]*lightbulb.Voice, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.readRows(ctx, `SELECT `+voiceCols+` FROM review_voices v WHERE v.org_id = $1 AND v.review_id = $2 ORDER BY v.id`,
		org, reviewID)
	if err != nil {
		return nil, fmt.Errorf("voices: %w", err)
	}
	return collect(rows, scanVoice)
}

// FindVoice returns one voice of a review of the organisation in ctx.
func (s *ReviewService) FindVoice(ctx context.Context, reviewID, voiceID int64) (*lightbulb.Voice, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	v, err := scanVoice(s.db.readRow(ctx, `SELECT `+voiceCols+` FROM review_voices v
		WHERE v.org_id = $1 AND v.review_id = $2 AND v.id = $3`, org, reviewID, voiceID))
	return v, notFound(err, "There are no such views on this review.")
}

// VoiceRatings lists the ratings of one voice.
func (s *ReviewService) VoiceRatings(ctx context.Context, reviewID, voiceID int64) ([]lightbulb.Rated, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return voiceRatings(ctx, s.db.read, org, reviewID, voiceID)
}

func voiceRatings(ctx context.Context, q querier, org, reviewID, voiceID int64) ([]lightbulb.Rated, error) {
	rows, err := q.QueryContext(ctx, `SELECT code, rating, evidence, updated_at FROM review_voice_ratings
		WHERE org_id = $1 AND review_id = $2 AND voice_id = $3 ORDER BY code`, org, reviewID, voiceID)
	if err != nil {
		return nil, fmt.Errorf("voice ratings: %w", err)
	}
	return collect(rows, func(r scanner) (lightbulb.Rated, error) {
		var x lightbulb.Rated
		var rating string
		err := r.Scan(&x.Code, &rating, &x.Evidence, &x.UpdatedAt)
		x.Rating = lightbulb.Rating(rating)
		return x, err
	})
}

// SaveVoiceRatings stores the ratings a lead recorded for a group or an
// advocate on a draft review; a link's ratings are its person's alone.
func (s *ReviewService) SaveVoiceRatings(ctx context.Context, reviewID, voiceID int64, rs []lightbulb.Rated) error {
	return s.rateDraft(ctx, reviewID, rs, `review_voice_ratings`, `voice_id`, voiceID, func(tx *sql.Tx, r *lightbulb.Review) error {
		var via string
		err := tx.QueryRowContext(ctx, `SELECT via FROM review_voices WHERE org_id = $1 AND review_id = $2 AND id = $3`, r.OrgID, r.ID, voiceID).Scan(&via)
		if err != nil {
			return notFound(err, "There are no such views on this review.")
		}
		if via == lightbulb.ViaLink {
			return lightbulb.Errorf(lightbulb.EFORBIDDEN, "Only the person the link was sent to can rate through it.")
		}
		return nil
	})
}
