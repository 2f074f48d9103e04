package sqldb

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// linkKey names the secret that signs the links in emails that act without
// a sign-in (one-click unsubscribe, stopping check-ins).
const linkKey = "link-signing"

// rowQueryer is what reads a secret: the transaction in hand, or a pool.
type rowQueryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// secretIn returns the secret name, made and stored on first use inside tx
// so every process shares it.
func secretIn(ctx context.Context, tx *sql.Tx, name string) ([]byte, error) {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	if _, err := tx.ExecContext(ctx, `INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
		name, hex.EncodeToString(b)); err != nil {
		return nil, fmt.Errorf("make secret: %w", err)
	}
	return readSecret(ctx, tx, name)
}

func readSecret(ctx context.Context, q rowQueryer, name string) ([]byte, error) {
	var v string
	if err := q.QueryRowContext(ctx, `SELECT value FROM app_secrets WHERE name = $1`, name).Scan(&v); err != nil {
		return nil, err
	}
	return hex.DecodeString(v)
}

func mac(key []byte, purpose string, id, extra int64) string {
	h := hmac.New(sha256.New, key)
	fmt.Fprintf(h, "%s.%d.%d", purpose, id, extra)
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil)[:18])
}

// signLink makes a token "id.extra.mac" for purpose, signed with the link key.
func signLink(ctx context.Context, tx *sql.Tx, purpose string, id, extra int64) (string, error) {
	key, err := secretIn(ctx, tx, linkKey)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d.%d.%s", id, extra, mac(key, purpose, id, extra)), nil
}

// errBadLink is what a token that was not signed by us gets.
var errBadLink = errors.New("bad link")

// checkLink returns the id and extra a token signed for purpose carries.
func checkLink(ctx context.Context, q rowQueryer, purpose, token string) (id, extra int64, err error) {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return 0, 0, errBadLink
	}
	id, err1 := strconv.ParseInt(parts[0], 10, 64)
	extra, err2 := strconv.ParseInt(parts[1], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, errBadLink
	}
	key, err := readSecret(ctx, q, linkKey)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, errBadLink
	} else if err != nil {
		return 0, 0, err
	}
	if !hmac.Equal([]byte(mac(key, purpose, id, extra)), []byte(parts[2])) {
		return 0, 0, errBadLink
	}
	return id, extra, nil
}
