package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"net/mail"
	"sort"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// UserService implements lightbulb.UserService.
type UserService struct {
	db     *DB
	signIn *contentCache[int64, signedIn] // see FindSignedIn
}

// NewUserService returns a UserService on db.
func NewUserService(db *DB) *UserService {
	c := newContentCache[int64, signedIn](db, "people")
	c.limit = 10000
	return &UserService{db: db, signIn: c}
}

const userCols = `id, email, name, password_hash, disabled, lang, created_at`

func scanUser(row scanner) (*lightbulb.User, error) {
	var u lightbulb.User
	err := row.Scan(&u.ID, &u.Email, &u.Name, &u.PasswordHash, &u.Disabled, &u.Lang, &u.CreatedAt)
	return &u, err
}

// NormaliseEmail trims and lower-cases an address so that lookups match.
func NormaliseEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// FindUserByID returns one account.
func (s *UserService) FindUserByID(ctx context.Context, id int64) (*lightbulb.User, error) {
	u, err := scanUser(s.db.readRow(ctx, `SELECT `+userCols+` FROM users WHERE id = $1`, id))
	return u, notFound(err, "There is no such person.")
}

// FindUserByEmail returns the account with this email address.
func (s *UserService) FindUserByEmail(ctx context.Context, email string) (*lightbulb.User, error) {
	u, err := scanUser(s.db.readRow(ctx, `SELECT `+userCols+` FROM users WHERE email = $1`, NormaliseEmail(email)))
	return u, notFound(err, "There is no such person.")
}

// FindUsers lists every account by email; for the platform admin and the CLI.
func (s *UserService) FindUsers(ctx context.Context) ([]*lightbulb.User, error) {
	rows, err := s.db.readRows(ctx, `SELECT `+userCols+` FROM users ORDER BY email`)
	if err != nil {
		return nil, fmt.Errorf("find users: %w", err)
	}
	return collect(rows, scanUser)
}

// CreateUser adds an account and sets u.ID.
func (s *UserService) CreateUser(ctx context.Context, u *lightbulb.User) error {
	var v lightbulb.ValidationErrors
	u.Email = NormaliseEmail(u.Email)
	u.Name = strings.TrimSpace(u.Name)
	if a, err := mail.ParseAddress(u.Email); err != nil || a.Address != u.Email {
		v.Add("email", "Enter an email address in the correct format, like name@example.org")
	}
	if u.Name == "" {
		v.Add("name", "Enter the person’s name")
	}
	if u.Lang != "" && !lightbulb.ValidLang(u.Lang) {
		v.Add("lang", "Choose English or Cymraeg")
	}
	if err := v.Err(); err != nil {
		return err
	}
	u.CreatedAt = lightbulb.Now()
	err := s.db.write.QueryRowContext(ctx, `INSERT INTO users (email, name, password_hash, disabled, lang, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, u.Email, u.Name, u.PasswordHash, u.Disabled, u.Lang, u.CreatedAt).Scan(&u.ID)
	if isUnique(err) {
		return lightbulb.FieldError("email", "A person with this email address already has an account")
	}
	if err != nil {
		return fmt.Errorf("create user: %w", err)
	}
	return nil
}

// SetPassword stores a new password hash.
func (s *UserService) SetPassword(ctx context.Context, userID int64, hash string) error {
	return s.updateUser(ctx, "set password", `UPDATE users SET password_hash = $1 WHERE id = $2`, hash, userID)
}

// updateUser runs an UPDATE of one user row, saying so when there is none.
func (s *UserService) updateUser(ctx context.Context, what, query string, args ...any) error {
	res, err := s.db.write.ExecContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such person.")
	}
	return nil
}

// SetLang records the language a person chose to read Lightbulb and its
// email in.
func (s *UserService) SetLang(ctx context.Context, userID int64, lang string) error {
	if !lightbulb.ValidLang(lang) {
		return lightbulb.FieldError("lang", "Choose English or Cymraeg")
	}
	return s.updateUser(ctx, "set language", `UPDATE users SET lang = $1 WHERE id = $2`, lang, userID)
}

// NoteLang records lang as a person's language when they have none yet: the
// language they were using when they first signed in.
func (s *UserService) NoteLang(ctx context.Context, userID int64, lang string) error {
	if !lightbulb.ValidLang(lang) {
		return nil
	}
	if _, err := s.db.write.ExecContext(ctx, `UPDATE users SET lang = $1 WHERE id = $2 AND lang = ''`, lang, userID); err != nil {
		return fmt.Errorf("note language: %w", err)
	}
	return nil
}

// Memberships lists the organisations a person belongs to and their roles in
// each, by organisation name.
func (s *UserService) Memberships(ctx context.Context, userID int64) ([]lightbulb.Membership, error) {
	rows, err := s.db.readRows(ctx, `SELECT o.id, o.slug, o.name, o.kind, o.operator, o.created_at, m.role
		FROM memberships m JOIN organisations o ON o.id = m.org_id
		WHERE m.user_id = $1 ORDER BY o.name, o.id`, userID)
	if err != nil {
		return nil, fmt.Errorf("memberships: %w", err)
	}
	defer rows.Close()
	var out []lightbulb.Membership
	for rows.Next() {
		var o lightbulb.Organisation
		var kind, role string
		if err := rows.Scan(&o.ID, &o.Slug, &o.Name, &kind, &o.Operator, &o.CreatedAt, &role); err != nil {
			return nil, err
		}
		o.Kind = lightbulb.OrgKind(kind)
		if n := len(out); n == 0 || out[n-1].Org.ID != o.ID {
			out = append(out, lightbulb.Membership{Org: o})
		}
		out[len(out)-1].Roles = append(out[len(out)-1].Roles, lightbulb.Role(role))
	}
	for i := range out {
		sortRoles(out[i].Roles)
	}
	return out, rows.Err()
}

func sortRoles(rs []lightbulb.Role) {
	rank := func(r lightbulb.Role) int {
		for i, x := range lightbulb.Roles {
			if x == r {
				return i
			}
		}
		return len(lightbulb.Roles)
	}
	sort.Slice(rs, func(i, j int) bool { return rank(rs[i]) < rank(rs[j]) })
}

// FindMembers lists the people of the organisation in ctx, by name.
func (s *UserService) FindMembers(ctx context.Context) ([]*lightbulb.Member, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	return s.members(ctx, `m.org_id = $1`, org)
}

// FindMember returns one person of the organisation in ctx, or ENOTFOUND when
// they do not belong to it.
func (s *UserService) FindMember(ctx context.Context, userID int64) (*lightbulb.Member, error) {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return nil, err
	}
	ms, err := s.members(ctx, `m.org_id = $1 AND u.id = $2`, org, userID)
	if err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such person in this organisation.")
	}
	return ms[0], nil
}

func (s *UserService) members(ctx context.Context, where string, args ...any) ([]*lightbulb.Member, error) {
	rows, err := s.db.readRows(ctx, `SELECT u.id, u.email, u.name, u.password_hash, u.disabled, u.created_at, m.role
		FROM memberships m JOIN users u ON u.id = m.user_id
		WHERE `+where+` ORDER BY u.name, u.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("find members: %w", err)
	}
	defer rows.Close()
	var out []*lightbulb.Member
	for rows.Next() {
		var m lightbulb.Member
		var role string
		u := &m.User
		if err := rows.Scan(&u.ID, &u.Email, &u.Name, &u.PasswordHash, &u.Disabled, &u.CreatedAt, &role); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].User.ID != u.ID {
			out = append(out, &m)
		}
		last := out[len(out)-1]
		last.Roles = append(last.Roles, lightbulb.Role(role))
	}
	for _, m := range out {
		sortRoles(m.Roles)
	}
	return out, rows.Err()
}

// SetRoles replaces a person's roles in the organisation in ctx.
func (s *UserService) SetRoles(ctx context.Context, userID int64, roles []lightbulb.Role) error {
	org, err := lightbulb.OrgFrom(ctx)
	if err != nil {
		return err
	}
	for _, r := range roles {
		if !lightbulb.ValidRole(r) {
			return lightbulb.FieldError("roles", fmt.Sprintf("%q is not a role", r))
		}
	}
	if _, err := s.FindUserByID(ctx, userID); err != nil {
		return err
	}
	now := lightbulb.Now()
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM memberships WHERE org_id = $1 AND user_id = $2`, org, userID); err != nil {
			return fmt.Errorf("set roles: %w", err)
		}
		seen := map[lightbulb.Role]bool{}
		for _, r := range roles {
			if seen[r] {
				continue
			}
			seen[r] = true
			if _, err := tx.ExecContext(ctx, `INSERT INTO memberships (org_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)`,
				org, userID, string(r), now); err != nil {
				return fmt.Errorf("set roles: %w", err)
			}
		}
		return nil
	})
}

// EraseUser removes or anonymises everything the personal-data register
// finds for the account, in one transaction; see PrivacyService.ErasePerson.
func (s *UserService) EraseUser(ctx context.Context, id int64) error {
	_, err := NewPrivacyService(s.db).ErasePerson(ctx, lightbulb.Subject{UserID: id})
	return err
}
