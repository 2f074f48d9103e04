package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// ResetService implements lightbulb.ResetService.
type ResetService struct{ db *DB }

// NewResetService returns a ResetService on db.
func NewResetService(db *DB) *ResetService { return &ResetService{db: db} }

// CreateReset stores the hash of a new reset token.
func (s *ResetService) CreateReset(ctx context.Context, userID int64, tokenHash string, expires time.Time) error {
	_, err := s.db.write.ExecContext(ctx, `INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`,
		tokenHash, userID, expires.UTC())
	if err != nil {
		return fmt.Errorf("create reset: %w", err)
	}
	return nil
}

// UseReset marks a token used, once, and returns its user.
func (s *ResetService) UseReset(ctx context.Context, tokenHash string) (int64, error) {
	var userID int64
	err := s.db.tx(ctx, func(tx *sql.Tx) error {
		var expires time.Time
		var used sql.NullTime
		err := tx.QueryRowContext(ctx, `SELECT user_id, expires_at, used_at FROM password_resets WHERE token_hash = $1`, tokenHash).
			Scan(&userID, &expires, &used)
		now := lightbulb.Now()
		switch {
		case err == sql.ErrNoRows:
			return lightbulb.Errorf(lightbulb.EINVALID, "This password reset link is not valid. Ask for a new one.")
		case err != nil:
			return fmt.Errorf("use reset: %w", err)
		case used.Valid:
			return lightbulb.Errorf(lightbulb.EINVALID, "This password reset link has already been used. Ask for a new one.")
		case now.After(expires):
			return lightbulb.Errorf(lightbulb.EINVALID, "This password reset link has expired. Ask for a new one.")
		}
		// Using one link ends every other link the person was sent.
		_, err = tx.ExecContext(ctx, `UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL`, now, userID)
		return err
	})
	return userID, err
}
