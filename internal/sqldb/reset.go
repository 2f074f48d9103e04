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

// FindReset returns the user of a token that can still be used, without
// using it.
func (s *ResetService) FindReset(ctx context.Context, tokenHash string) (int64, error) {
	var userID int64
	err := s.db.tx(ctx, func(tx *sql.Tx) error {
		var err error
		userID, err = usableReset(ctx, tx, tokenHash)
		return err
	})
	return userID, err
}

// UseReset marks a token used, once, and returns its user.
func (s *ResetService) UseReset(ctx context.Context, tokenHash string) (int64, error) {
	var userID int64
	err := s.db.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if userID, err = usableReset(ctx, tx, tokenHash); err != nil {
			return err
		}
		// Using one link ends every other link the person was sent.
		_, err = tx.ExecContext(ctx, `UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL`, lightbulb.Now(), userID)
		return err
	})
	return userID, err
}

// usableReset returns the user of a token that is known, unused and not
// expired, or an EINVALID error that says which it is not.
func usableReset(ctx context.Context, tx *sql.Tx, tokenHash string) (int64, error) {
	var userID int64
	var expires time.Time
	var used sql.NullTime
	err := tx.QueryRowContext(ctx, `SELECT user_id, expires_at, used_at FROM password_resets WHERE token_hash = $1`, tokenHash).
		Scan(&userID, &expires, &used)
	switch {
	case err == sql.ErrNoRows:
		return 0, lightbulb.Errorf(lightbulb.EINVALID, "This password reset link is not valid. Ask for a new one.")
	case err != nil:
		return 0, fmt.Errorf("use reset: %w", err)
	case used.Valid:
		return 0, lightbulb.Errorf(lightbulb.EINVALID, "This password reset link has already been used. Ask for a new one.")
	case lightbulb.Now().After(expires):
		return 0, lightbulb.Errorf(lightbulb.EINVALID, "This password reset link has expired. Ask for a new one.")
	}
	return userID, nil
}
