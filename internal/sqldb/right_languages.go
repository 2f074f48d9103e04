package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// languageSigned says whether lang is a signed language, and refuses a
// language the library does not have.
func languageSigned(ctx context.Context, q queryRower, lang string) (bool, error) {
	var signed bool
	err := q.QueryRowContext(ctx, `SELECT signed FROM content_languages WHERE code = $1`, lang).Scan(&signed)
	if err == sql.ErrNoRows {
		return false, lightbulb.FieldError("lang", "Choose a language the rights library has")
	}
	return signed, err
}

// ContentLanguages lists the library's languages: English, Welsh, then the
// others by English name. Each right's page asks, so they are kept with the
// library in memory (the 'rights' version moves with content_languages),
// and the caller is given its own copy.
func (s *RightService) ContentLanguages(ctx context.Context) ([]lightbulb.ContentLanguage, error) {
	ls, err := s.languages.get(ctx, struct{}{}, func(ctx context.Context) ([]lightbulb.ContentLanguage, error) {
		rows, err := s.db.readRows(ctx, `SELECT code, name, native_name, dir, signed FROM content_languages
			ORDER BY CASE code WHEN 'en' THEN 0 WHEN 'cy' THEN 1 ELSE 2 END, name`)
		if err != nil {
			return nil, fmt.Errorf("content languages: %w", err)
		}
		return collect(rows, func(row scanner) (lightbulb.ContentLanguage, error) {
			var l lightbulb.ContentLanguage
			err := row.Scan(&l.Code, &l.Name, &l.NativeName, &l.Dir, &l.Signed)
			return l, err
		})
	})
	return slices.Clone(ls), err
}

// AddLanguage adds a language the library can be written in. Its texts are
// added right by right, each from the English version then current.
func (s *RightService) AddLanguage(ctx context.Context, l lightbulb.ContentLanguage) error {
	if err := lightbulb.ValidateLanguage(&l); err != nil {
		return err
	}
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM content_languages WHERE lower(code) = lower($1)`, l.Code).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return lightbulb.FieldError("code", "The rights library already has that language")
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO content_languages (code, name, native_name, dir, signed, created_at)
			VALUES ($1, $2, $3, $4, $5, $6)`, l.Code, l.Name, l.NativeName, l.Dir, l.Signed, lightbulb.Now())
		if err != nil {
			return fmt.Errorf("add language: %w", err)
		}
		return nil
	})
}
