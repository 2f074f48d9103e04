package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// findVersion reads one version of a right's text in lang.
func findVersion(ctx context.Context, q queryRower, code, lang string, version int) (*lightbulb.RightText, error) {
	var t lightbulb.RightText
	err := scanText(q.QueryRowContext(ctx, `SELECT `+textCols("t")+` FROM right_texts t
		WHERE t.code = $1 AND t.lang = $2 AND t.version = $3`, code, lang, version), &t, nil)
	if err == sql.ErrNoRows {
		return nil, lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no such version of this right.")
	}
	return &t, err
}

// RestoreRight copies an earlier version of a right's text in lang as its
// newest version, recording which version it restored. Nothing is
// overwritten. Restoring English also puts back that version's category;
// a restored translation keeps the English version it was made from, so it
// shows as older than the English when the English has moved on since.
func (s *RightService) RestoreRight(ctx context.Context, code, lang string, version int) (int, error) {
	code = strings.ToUpper(code)
	var next int
	err := s.db.tx(ctx, func(tx *sql.Tx) error {
		old, err := findVersion(ctx, tx, code, lang, version)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT max(version) + 1 FROM right_texts WHERE code = $1 AND lang = $2`,
			code, lang).Scan(&next); err != nil {
			return err
		}
		if next == version+1 {
			return lightbulb.Errorf(lightbulb.ECONFLICT, "Version %d is already the current version.", version)
		}
		t := *old
		t.Version, t.RestoredFrom, t.EditedBy = next, version, ""
		if a := lightbulb.ActorFrom(ctx); a != nil {
			t.EditedBy = a.Name
		}
		if lang == lightbulb.LangEN {
			t.BasedOn = next
			if _, err := tx.ExecContext(ctx, `UPDATE rights SET category = $1 WHERE code = $2`, string(t.Category), code); err != nil {
				return fmt.Errorf("restore category: %w", err)
			}
		} else if err := tx.QueryRowContext(ctx, `SELECT category FROM rights WHERE code = $1`, code).Scan(&t.Category); err != nil {
			return err
		}
		if err := checkUploads(ctx, tx, &t); err != nil {
			t.EasyPictures = nil // a picture since removed: restore the words
		}
		return insertRightText(ctx, tx, code, &t)
	})
	return next, err
}

// FindRightVersion returns one version of a right's text in lang.
func (s *RightService) FindRightVersion(ctx context.Context, code, lang string, version int) (*lightbulb.RightText, error) {
	return findVersion(ctx, s.db.read, strings.ToUpper(code), lang, version)
}

// shippedBy is the editor named on the texts Lightbulb ships.
const shippedBy = "Lightbulb"

// refreshEasyRead gives a database seeded before Easy Read had headings and
// pictures the shipped ones, as a new version by Lightbulb, in each language
// whose newest text is still as shipped (edited by Lightbulb, no Easy Read
// heading). Texts an admin has edited are left alone. A translation that was
// up to date stays up to date.
func refreshEasyRead(ctx context.Context, tx *sql.Tx, r SeedRight) error {
	enBefore, enAfter := 0, 0
	for _, seed := range r.Texts {
		var latest int
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM right_texts WHERE code = $1 AND lang = $2`,
			r.Code, seed.Lang).Scan(&latest); err != nil {
			return err
		}
		if latest == 0 {
			continue
		}
		cur, err := findVersion(ctx, tx, r.Code, seed.Lang, latest)
		if err != nil {
			return err
		}
		if seed.Lang == lightbulb.LangEN {
			enBefore, enAfter = latest, latest
		}
		if cur.EditedBy != shippedBy || cur.EasyTitle != "" || seed.EasyTitle == "" {
			continue
		}
		t := *cur
		t.Version, t.RestoredFrom = latest+1, 0
		t.EasyTitle, t.EasyRead, t.EasyPictures = seed.EasyTitle, seed.EasyRead, seed.EasyPictures
		switch {
		case seed.Lang == lightbulb.LangEN:
			t.BasedOn, enAfter = t.Version, t.Version
		case cur.BasedOn == enBefore:
			t.BasedOn = enAfter
		}
		if err := insertRightText(ctx, tx, r.Code, &t); err != nil {
			return err
		}
	}
	return nil
}
