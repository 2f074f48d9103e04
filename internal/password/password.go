// Package password hashes and checks passwords with argon2id, storing the
// parameters with each hash so that they can be raised later.
package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id's cost settings.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
}

// Default is the production cost: 64 MiB, 1 pass, 2 lanes (RFC 9106's second
// recommended option, scaled to a 2-core server).
var Default = Params{Memory: 64 * 1024, Time: 1, Threads: 2}

// Minimum is the cheapest cost; for tests only.
var Minimum = Params{Memory: 8, Time: 1, Threads: 1}

// MinLength is the shortest password accepted.
const MinLength = 10

// Hash returns an encoded argon2id hash of pw with a random salt.
func Hash(pw string, p Params) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password salt: %w", err)
	}
	return encode(p, salt, argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, 32)), nil
}

// encode writes a hash in the PHC string format, parameters included.
func encode(p Params, salt, key []byte) string {
	b64 := base64.RawStdEncoding.EncodeToString
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads, b64(salt), b64(key))
}

// Check reports whether pw matches the encoded hash. An empty or malformed
// hash never matches.
func Check(pw, encoded string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var p Params
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return false
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// Validate checks a new password against the rules and returns a message to
// show, or "" when it is acceptable. The rules follow the NCSC's guidance:
// a minimum length, no common password and nothing made of the person's own
// name or email address (pass them as about); no rules about which kinds of
// character it must hold.
func Validate(pw string, about ...string) string {
	switch {
	case len([]rune(pw)) < MinLength:
		return fmt.Sprintf("Password must be %d characters or more", MinLength)
	case len(pw) > 256:
		return "Password must be 256 characters or fewer"
	case Common(pw):
		return "This is one of the most common passwords, so it is easy to guess. Choose another: three random words are easy to remember and hard to guess"
	case madeOf(pw, about):
		return "Your password must not be made of your name or email address. Choose another: three random words are easy to remember and hard to guess"
	}
	return ""
}
