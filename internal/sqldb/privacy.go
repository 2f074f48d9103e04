package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// register is the personal-data register. Each area of the store declares
// its tables in its own *_personal.go file with declare, so a new capability
// adds its entries next to its code; TestRegisterCoversSchema fails for any
// column that looks personal and is not declared.
var register []lightbulb.PersonalTable

// declare adds tables to the register; call it from a package-level var.
func declare(ts ...lightbulb.PersonalTable) bool {
	register = append(register, ts...)
	return true
}

// PersonalData returns a copy of the register.
func PersonalData() []lightbulb.PersonalTable {
	return append([]lightbulb.PersonalTable(nil), register...)
}

func registered(table string) *lightbulb.PersonalTable {
	for i := range register {
		if register[i].Table == table {
			return &register[i]
		}
	}
	return nil
}

// PrivacyService implements lightbulb.PrivacyService from the register.
type PrivacyService struct{ db *DB }

// NewPrivacyService returns a PrivacyService on db.
func NewPrivacyService(db *DB) *PrivacyService { return &PrivacyService{db: db} }

// Register lists every declared table.
func (s *PrivacyService) Register() []lightbulb.PersonalTable { return PersonalData() }

// person is a Subject resolved to what finds their rows.
type person struct {
	userID int64
	emails []string // lower case
	names  []string
	// only narrows the rows found to one (retention anonymises a single
	// expired booking, not the person's newer ones).
	only string
}

// needles are the strings erasure scrubs from free text.
func (p *person) needles() []string {
	var out []string
	for _, s := range append(append([]string{}, p.emails...), p.names...) {
		// A name of one or two letters would scrub innocent words.
		if len([]rune(strings.TrimSpace(s))) >= 3 {
			out = append(out, strings.TrimSpace(s))
		}
	}
	return out
}

// addUnique adds a name or address once. Erasure's own stand-ins are not
// anyone's, so erasing a person twice does not scrub every erased record.
func addUnique(list []string, s string) []string {
	s = strings.TrimSpace(s)
	if s == "" || s == erasedName || lightbulb.IsErased(s) {
		return list
	}
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return list
		}
	}
	return append(list, s)
}

// resolve finds the account and every email address and name the subject
// is known by: an email that has an account is that account, and names come
// from the rows their email address finds (a booking's name, a request's
// contact).
func (s *PrivacyService) resolve(ctx context.Context, sub lightbulb.Subject) (*person, error) {
	p := &person{userID: sub.UserID}
	if sub.UserID == 0 {
		email := NormaliseEmail(sub.Email)
		if email == "" {
			return nil, lightbulb.FieldError("email", "Enter the person’s email address")
		}
		p.emails = []string{email}
		err := s.db.readRow(ctx, `SELECT id FROM users WHERE email = $1`, email).Scan(&p.userID)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, fmt.Errorf("resolve person: %w", err)
		}
	}
	if p.userID > 0 {
		var email, name string
		err := s.db.readRow(ctx, `SELECT email, name FROM users WHERE id = $1`, p.userID).Scan(&email, &name)
		if err != nil {
			return nil, notFound(err, "There is no such person.")
		}
		p.emails, p.names = addUnique(p.emails, email), addUnique(p.names, name)
	}
	for i := range register {
		t := &register[i]
		email, name := column(t, lightbulb.HoldsEmail, true), column(t, lightbulb.HoldsName, false)
		if email == "" || name == "" || !t.OnePerson {
			continue
		}
		where, args := inList("lower("+email+")", p.emails, 0)
		rows, err := s.db.readRows(ctx, `SELECT DISTINCT `+name+` FROM `+t.Table+` WHERE `+where, args...)
		if err != nil {
			return nil, fmt.Errorf("resolve person in %s: %w", t.Table, err)
		}
		names, err := collect(rows, func(r scanner) (n string, err error) { return n, r.Scan(&n) })
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			p.names = addUnique(p.names, n)
		}
	}
	return p, nil
}

// column returns the first column holding h (and, when find is set, one
// that finds rows), or "".
func column(t *lightbulb.PersonalTable, h lightbulb.Holds, find bool) string {
	for _, c := range t.Columns {
		if c.Holds == h && (!find || c.Find) {
			return c.Column
		}
	}
	return ""
}

// inList is "expr IN ($n+1, ...)" for values, or a false condition when
// there are none.
func inList(expr string, values []string, n int) (string, []any) {
	if len(values) == 0 {
		return "1 = 0", nil
	}
	ph, args := make([]string, len(values)), make([]any, len(values))
	for i, v := range values {
		ph[i], args[i] = fmt.Sprintf("$%d", n+i+1), strings.ToLower(v)
	}
	return expr + " IN (" + strings.Join(ph, ", ") + ")", args
}

// where is the condition that finds p's rows in t: any Find column that
// matches, or the parent's condition through a link. Its placeholders start
// after the n arguments already bound.
func (p *person) where(t *lightbulb.PersonalTable, n int) (string, []any) {
	if t.Link != nil {
		parent := registered(t.Link.Parent)
		if parent == nil {
			return "1 = 0", nil
		}
		w, args := p.where(parent, n)
		return t.Link.Column + " IN (SELECT id FROM " + parent.Table + " WHERE " + w + ")", args
	}
	var conds []string
	var args []any
	for _, c := range t.Columns {
		if !c.Find {
			continue
		}
		if w, a := p.cond(c, n+len(args)); w != "" {
			conds, args = append(conds, w), append(args, a...)
		}
	}
	if len(conds) == 0 {
		return "1 = 0", nil
	}
	w := "(" + strings.Join(conds, " OR ") + ")"
	if p.only != "" {
		w += " AND " + p.only
	}
	return w, args
}

// cond is the condition that column c holds p, or "" when p has nothing
// that c could hold.
func (p *person) cond(c lightbulb.PersonalColumn, n int) (string, []any) {
	switch c.Holds {
	case lightbulb.HoldsUserID:
		if p.userID > 0 {
			return fmt.Sprintf("%s = $%d", c.Column, n+1), []any{p.userID}
		}
	case lightbulb.HoldsEmail, lightbulb.HoldsName:
		values := p.emails
		if c.Holds == lightbulb.HoldsName {
			values = p.names
		}
		if len(values) > 0 {
			return inList("lower("+c.Column+")", values, n)
		}
	}
	return "", nil
}
