package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// MailAllowance implements lightbulb.MailAllowance.
type MailAllowance struct{ db *DB }

// NewMailAllowance returns a MailAllowance on db.
func NewMailAllowance(db *DB) *MailAllowance { return &MailAllowance{db: db} }

// TakeMail counts one more email to email today, within perDay. Counts from
// before yesterday are dropped as it goes.
func (s *MailAllowance) TakeMail(ctx context.Context, email string, perDay int) (bool, error) {
	now := lightbulb.Now().In(lightbulb.London)
	today, old := now.Format("2006-01-02"), now.AddDate(0, 0, -2).Format("2006-01-02")
	email = NormaliseEmail(email)
	ok := false
	err := s.db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM mail_allowance WHERE day < $1`, old); err != nil {
			return err
		}
		var sent int
		err := tx.QueryRowContext(ctx, `INSERT INTO mail_allowance (email, day, sent) VALUES ($1, $2, 1)
			ON CONFLICT (email, day) DO UPDATE SET sent = mail_allowance.sent + 1 WHERE mail_allowance.sent < $3
			RETURNING sent`, email, today, perDay).Scan(&sent)
		if err == sql.ErrNoRows {
			return nil // at the cap: the update's WHERE left the row alone
		}
		ok = err == nil && sent <= perDay
		return err
	})
	if err != nil {
		return false, fmt.Errorf("mail allowance: %w", err)
	}
	return ok, nil
}
