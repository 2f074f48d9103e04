package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// erased replaces a person's name or email address inside free text, and
// erasedName their name where a column holds only a name.
const (
	erased     = "[erased]"
	erasedName = "Erased person"
)

// ErasePerson removes or anonymises every record the register finds for the
// subject, in one transaction. SQLite runs with secure_delete on, so freed
// space is overwritten with zeros, and the write-ahead log is checkpointed
// and truncated afterwards, so no old copy of a page is left in it.
func (s *PrivacyService) ErasePerson(ctx context.Context, sub lightbulb.Subject) (*lightbulb.ErasureReport, error) {
	p, err := s.resolve(ctx, sub)
	if err != nil {
		return nil, err
	}
	rep := &lightbulb.ErasureReport{Rows: map[string]int{}}
	err = s.db.tx(ctx, func(tx *sql.Tx) error {
		// Rows deleted with their parent go first, while the parent still finds them.
		for i := range register {
			if t := &register[i]; t.Link != nil && t.Link.Delete {
				w, args := p.where(t, 0)
				if err := execCount(ctx, tx, rep, t.Table, `DELETE FROM `+t.Table+` WHERE `+w, args...); err != nil {
					return err
				}
			}
		}
		for i := range register {
			if err := eraseTable(ctx, tx, &register[i], p, rep); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rep.Checkpointed, err = s.db.checkpoint(ctx)
	return rep, err
}

// eraseTable deletes or anonymises p's rows of t and scrubs p's name and
// email address from t's free text.
func eraseTable(ctx context.Context, tx *sql.Tx, t *lightbulb.PersonalTable, p *person, rep *lightbulb.ErasureReport) error {
	if t.Link == nil {
		if err := eraseRows(ctx, tx, t, p, rep); err != nil {
			return err
		}
	}
	needles := p.needles()
	for _, c := range t.Columns {
		if c.Erase == lightbulb.EraseScrub && len(needles) > 0 {
			if err := scrub(ctx, tx, rep, t.Table, c.Column, needles); err != nil {
				return err
			}
		}
	}
	return nil
}

// eraseRows deletes p's rows of t, or anonymises their columns. A column
// that finds rows is anonymised only where it holds p: a review share
// started by one person and stopped by another keeps the other's name.
func eraseRows(ctx context.Context, tx *sql.Tx, t *lightbulb.PersonalTable, p *person, rep *lightbulb.ErasureReport) error {
	var sets []string
	var args []any
	for _, c := range t.Columns {
		if c.Erase == lightbulb.EraseDelete {
			w, args := p.where(t, 0)
			return execCount(ctx, tx, rep, t.Table, `DELETE FROM `+t.Table+` WHERE `+w, args...)
		}
		value := stand(c)
		if c.Erase == lightbulb.EraseNull {
			value = "NULL"
		} else if c.Erase != lightbulb.EraseAnonymise {
			continue
		}
		if c.Find {
			w, a := p.cond(c, len(args))
			if w == "" {
				continue
			}
			value, args = "CASE WHEN "+w+" THEN "+value+" ELSE "+c.Column+" END", append(args, a...)
		}
		sets = append(sets, c.Column+" = "+value)
	}
	if len(sets) == 0 {
		return nil
	}
	w, a := p.where(t, len(args))
	return execCount(ctx, tx, rep, t.Table, `UPDATE `+t.Table+` SET `+strings.Join(sets, ", ")+` WHERE `+w, append(args, a...)...)
}

// stand is the SQL an anonymised column is set to.
func stand(c lightbulb.PersonalColumn) string {
	if c.Stand != "" {
		return c.Stand
	}
	switch c.Holds {
	case lightbulb.HoldsName:
		return "'" + erasedName + "'"
	case lightbulb.HoldsEmail:
		return "'erased@" + lightbulb.ErasedDomain + "'"
	case lightbulb.HoldsUserID:
		return "NULL"
	}
	return "''"
}

// scrub replaces each needle in one text column of every row, as written
// and in lower and upper case (the engines share no case-insensitive
// replace), reading the table once whatever the number of needles.
func scrub(ctx context.Context, tx *sql.Tx, rep *lightbulb.ErasureReport, table, col string, needles []string) error {
	var args []any
	var likes []string
	for _, n := range needles {
		args = append(args, likeContains(n))
		likes = append(likes, fmt.Sprintf("lower(%s) LIKE $%d ESCAPE '\\'", col, len(args)))
	}
	expr, seen := col, map[string]bool{}
	for _, n := range needles {
		for _, v := range []string{n, strings.ToLower(n), strings.ToUpper(n)} {
			if !seen[v] {
				seen[v] = true
				args = append(args, v)
				expr = fmt.Sprintf("replace(%s, $%d, '%s')", expr, len(args), erased)
			}
		}
	}
	q := fmt.Sprintf(`UPDATE %s SET %s = %s WHERE %s`, table, col, expr, strings.Join(likes, " OR "))
	return execCount(ctx, tx, rep, table, q, args...)
}

// likeContains is a LIKE pattern for text containing s in lower case.
func likeContains(s string) string {
	return "%" + escapeLike(strings.ToLower(s)) + "%"
}

func execCount(ctx context.Context, tx *sql.Tx, rep *lightbulb.ErasureReport, table, q string, args ...any) error {
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("erase from %s: %w", table, err)
	}
	if n, err := res.RowsAffected(); err == nil && n > 0 {
		rep.Rows[table] += int(n)
	}
	return nil
}

// checkpoint copies SQLite's write-ahead log into the database file and
// truncates it, and reports whether that finished (a long reader can hold it
// back). PostgreSQL has no such step: see docs/privacy.md.
func (db *DB) checkpoint(ctx context.Context) (bool, error) {
	if db.Dialect != SQLite {
		return false, nil
	}
	var busy, frames, done int
	if err := db.write.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &frames, &done); err != nil {
		return false, fmt.Errorf("checkpoint: %w", err)
	}
	return busy == 0, nil
}
