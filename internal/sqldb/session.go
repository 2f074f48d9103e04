package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// SessionStore keeps web sessions in the database so that several server
// processes can share them. It implements scs.CtxStore.
type SessionStore struct{ db *DB }

// NewSessionStore returns a SessionStore on db.
func NewSessionStore(db *DB) *SessionStore { return &SessionStore{db: db} }

// FindCtx returns a session's data, or found=false when it is missing or expired.
func (s *SessionStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var b []byte
	var expiry time.Time
	err := s.db.readRow(ctx, `SELECT data, expiry FROM sessions WHERE token = $1`, token).Scan(&b, &expiry)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	} else if err != nil {
		return nil, false, err
	}
	if time.Now().After(expiry) {
		return nil, false, nil
	}
	return b, true, nil
}

// CommitCtx saves a session's data.
func (s *SessionStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	_, err := s.db.write.ExecContext(ctx, `INSERT INTO sessions (token, data, expiry) VALUES ($1, $2, $3)
		ON CONFLICT (token) DO UPDATE SET data = excluded.data, expiry = excluded.expiry`, token, b, expiry.UTC())
	return err
}

// DeleteCtx removes a session.
func (s *SessionStore) DeleteCtx(ctx context.Context, token string) error {
	_, err := s.db.write.ExecContext(ctx, `DELETE FROM sessions WHERE token = $1`, token)
	return err
}

// Find is the context-free form of FindCtx.
func (s *SessionStore) Find(token string) ([]byte, bool, error) {
	return s.FindCtx(context.Background(), token)
}

// Commit is the context-free form of CommitCtx.
func (s *SessionStore) Commit(token string, b []byte, expiry time.Time) error {
	return s.CommitCtx(context.Background(), token, b, expiry)
}

// Delete is the context-free form of DeleteCtx.
func (s *SessionStore) Delete(token string) error { return s.DeleteCtx(context.Background(), token) }

// DeleteExpired removes sessions past their expiry and returns how many.
func (s *SessionStore) DeleteExpired(ctx context.Context) (int64, error) {
	res, err := s.db.write.ExecContext(ctx, `DELETE FROM sessions WHERE expiry < $1`, time.Now().UTC())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
