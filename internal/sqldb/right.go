package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// RightService implements lightbulb.RightService. The rights are shared
// content, not tenant data: every organisation reads the same library. It
// keeps each language's library in memory (see contentCache): rebuilding it
// was two thirds of the time /rights took.
type RightService struct {
	db        *DB
	cache     *contentCache[string, []*lightbulb.Right]
	languages *contentCache[struct{}, []lightbulb.ContentLanguage] // the same version: content_languages moves it
}

// NewRightService returns a RightService on db.
func NewRightService(db *DB) *RightService {
	return &RightService{db: db, cache: newContentCache[string, []*lightbulb.Right](db, "rights"),
		languages: newContentCache[struct{}, []lightbulb.ContentLanguage](db, "rights")}
}

// latest selects each right with its newest text in one language ($1) and the
// newest English version's number and the version it restored, to tell
// whether a translation is stale.
var latestRights = `
WITH cur AS (
	SELECT t.*, row_number() OVER (PARTITION BY t.code ORDER BY t.version DESC) AS rn
	FROM right_texts t WHERE t.lang = $1
), en AS (
	SELECT code, version AS v, restored_from AS rf FROM (
		SELECT code, version, restored_from, row_number() OVER (PARTITION BY code ORDER BY version DESC) AS rn
		FROM right_texts WHERE lang = 'en'
	) x WHERE rn = 1
)
SELECT r.code, r.article, r.category, r.sort, ` + textCols("c") + `, en.v, en.rf
FROM rights r
JOIN cur c ON c.code = r.code AND c.rn = 1
JOIN en ON en.code = r.code`

// textCols lists a right_texts row's columns in the order scanText reads
// them, each prefixed with the table alias p.
func textCols(p string) string {
	cols := []string{"version", "lang", "title", "summary", "protects", "health_care", "restrictions", "examples",
		"easy_title", "easy_read", "easy_pictures", "keywords", "video_url", "based_on", "restored_from", "category",
		"edited_by", "created_at"}
	for i, c := range cols {
		cols[i] = p + "." + c
	}
	return strings.Join(cols, ", ")
}

// scanText reads the columns of textCols into t, then any more into rest.
func scanText(row scanner, t *lightbulb.RightText, before []any, rest ...any) error {
	var ex, er, ep, kw, cat string
	dst := append(before, &t.Version, &t.Lang, &t.Title, &t.Summary, &t.Protects, &t.HealthCare, &t.Restrictions, &ex,
		&t.EasyTitle, &er, &ep, &kw, &t.VideoURL, &t.BasedOn, &t.RestoredFrom, &cat, &t.EditedBy, &t.CreatedAt)
	if err := row.Scan(append(dst, rest...)...); err != nil {
		return err
	}
	t.Category = lightbulb.Category(cat)
	return unmarshalLists(t, ex, er, ep, kw)
}

func scanRight(row scanner) (*lightbulb.Right, error) {
	var r lightbulb.Right
	var cat string
	var enVersion, enRestored int
	if err := scanText(row, &r.Text, []any{&r.Code, &r.Article, &cat, &r.Sort}, &enVersion, &enRestored); err != nil {
		return nil, err
	}
	r.Category = lightbulb.Category(cat)
	// A translation is stale when the English has moved on from the version
	// it was made from, unless the English now is a restore of that version
	// (the same words again).
	r.Stale = r.Text.Lang != lightbulb.LangEN && r.Text.BasedOn < enVersion && r.Text.BasedOn != enRestored
	return &r, nil
}

func unmarshalLists(t *lightbulb.RightText, ex, er, ep, kw string) error {
	for _, p := range []struct {
		s   string
		dst *[]string
	}{{ex, &t.Examples}, {er, &t.EasyRead}, {ep, &t.EasyPictures}, {kw, &t.Keywords}} {
		if err := json.Unmarshal([]byte(p.s), p.dst); err != nil {
			return fmt.Errorf("decode right text: %w", err)
		}
	}
	return nil
}

// FindRights returns the 16 rights in order. A language with no text falls
// back to English.
func (s *RightService) FindRights(ctx context.Context, lang string) ([]*lightbulb.Right, error) {
	out, err := s.findRights(ctx, lang)
	if err == nil && len(out) == 0 && lang != lightbulb.LangEN {
		return s.findRights(ctx, lightbulb.LangEN)
	}
	return out, err
}

// findRights is the rights that have a text in lang, in order: copies of the
// cached ones, so a caller may change what it is given.
func (s *RightService) findRights(ctx context.Context, lang string) ([]*lightbulb.Right, error) {
	all, err := s.cache.get(ctx, lang, func(ctx context.Context) ([]*lightbulb.Right, error) {
		rows, err := s.db.readRows(ctx, latestRights+` ORDER BY r.sort`, lang)
		if err != nil {
			return nil, fmt.Errorf("find rights: %w", err)
		}
		return collect(rows, scanRight)
	})
	if err != nil {
		return nil, err
	}
	out := make([]*lightbulb.Right, len(all))
	for i, r := range all {
		c := *r
		out[i] = &c
	}
	return out, nil
}

// FindRight returns one right, falling back to English when lang has no text.
func (s *RightService) FindRight(ctx context.Context, code, lang string) (*lightbulb.Right, error) {
	code = strings.ToUpper(code)
	for _, l := range []string{lang, lightbulb.LangEN} {
		rs, err := s.findRights(ctx, l)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			if r.Code == code {
				return r, nil
			}
		}
	}
	return nil, lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no right with that code.")
}

// SearchRights finds rights whose words match the query.
func (s *RightService) SearchRights(ctx context.Context, query, lang string) ([]*lightbulb.Right, error) {
	all, err := s.FindRights(ctx, lang)
	if err != nil {
		return nil, err
	}
	return lightbulb.MatchRights(all, query), nil
}

// RightHistory lists every version of a right's text in lang, newest first.
func (s *RightService) RightHistory(ctx context.Context, code, lang string) ([]*lightbulb.RightText, error) {
	rows, err := s.db.readRows(ctx, `SELECT `+textCols("t")+` FROM right_texts t
		WHERE t.code = $1 AND t.lang = $2 ORDER BY t.version DESC`, strings.ToUpper(code), lang)
	if err != nil {
		return nil, fmt.Errorf("right history: %w", err)
	}
	defer rows.Close()
	var out []*lightbulb.RightText
	for rows.Next() {
		var t lightbulb.RightText
		if err := scanText(rows, &t, nil); err != nil {
			return nil, err
		}
		out = append(out, &t)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		if _, err := s.FindRight(ctx, code, lightbulb.LangEN); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ValidateRightText checks an edit before it is stored. A text in a signed
// language needs its video link, and no written summary.
func ValidateRightText(cat lightbulb.Category, t *lightbulb.RightText, signed bool) error {
	var v lightbulb.ValidationErrors
	t.Title = strings.TrimSpace(t.Title)
	t.Summary = strings.TrimSpace(t.Summary)
	t.VideoURL = strings.TrimSpace(t.VideoURL)
	if t.Title == "" {
		v.Add("title", "Enter a title")
	} else if len(t.Title) > 200 {
		v.Add("title", "Title must be 200 characters or fewer")
	}
	if t.Summary == "" && !signed {
		v.Add("summary", "Enter a summary")
	}
	if strings.TrimSpace(t.Protects) == "" && !signed {
		v.Add("protects", "Enter what the right protects")
	}
	if u, err := url.Parse(t.VideoURL); t.VideoURL != "" && (err != nil || u.Scheme != "https" || u.Host == "") {
		v.Add("video_url", "Enter the video's address, starting https://")
	} else if t.VideoURL == "" && signed {
		v.Add("video_url", "Enter the address of the video of this right")
	}
	if !lightbulb.ValidCategory(cat) {
		v.Add("category", "Select whether and how the right may be restricted")
	}
	validateEasyRead(&v, t)
	return v.Err()
}

// UpdateRight stores a new version of a right's text in t.Lang and sets the
// right's category. An English edit leaves translations based on the older
// version, so they show as stale until translated again.
func (s *RightService) UpdateRight(ctx context.Context, code string, cat lightbulb.Category, t lightbulb.RightText) error {
	code = strings.ToUpper(code)
	if a := lightbulb.ActorFrom(ctx); a != nil {
		t.EditedBy = a.Name
	}
	t.Category, t.RestoredFrom = cat, 0 // an edit, never a restore
	return s.db.tx(ctx, func(tx *sql.Tx) error {
		signed, err := languageSigned(ctx, tx, t.Lang)
		if err != nil {
			return err
		}
		if err := ValidateRightText(cat, &t, signed); err != nil {
			return err
		}
		if err := checkUploads(ctx, tx, &t); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE rights SET category = $1 WHERE code = $2`, string(cat), code)
		if err != nil {
			return fmt.Errorf("update right: %w", err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no right with that code.")
		}
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) + 1 FROM right_texts WHERE code = $1 AND lang = $2`,
			code, t.Lang).Scan(&t.Version); err != nil {
			return err
		}
		if t.Lang == lightbulb.LangEN {
			t.BasedOn = t.Version
		} else if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM right_texts WHERE code = $1 AND lang = 'en'`,
			code).Scan(&t.BasedOn); err != nil {
			return err
		}
		return insertRightText(ctx, tx, code, &t)
	})
}

func insertRightText(ctx context.Context, tx *sql.Tx, code string, t *lightbulb.RightText) error {
	lists := make([]string, 4)
	for i, l := range [][]string{t.Examples, t.EasyRead, t.EasyPictures, t.Keywords} {
		if l == nil {
			l = []string{}
		}
		b, _ := json.Marshal(l)
		lists[i] = string(b)
	}
	t.CreatedAt = lightbulb.Now()
	_, err := tx.ExecContext(ctx, `INSERT INTO right_texts (code, lang, version, title, summary, protects, health_care,
		restrictions, examples, easy_title, easy_read, easy_pictures, keywords, video_url, based_on, restored_from,
		category, edited_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
		code, t.Lang, t.Version, t.Title, t.Summary, t.Protects, t.HealthCare, t.Restrictions,
		lists[0], t.EasyTitle, lists[1], lists[2], lists[3], t.VideoURL, t.BasedOn, t.RestoredFrom,
		string(t.Category), t.EditedBy, t.CreatedAt)
	if err != nil {
		return fmt.Errorf("insert right text: %w", err)
	}
	return nil
}

// SeedRight is one right's starting content, as shipped with Lightbulb.
type SeedRight struct {
	Code, Article string
	Category      lightbulb.Category
	Texts         []lightbulb.RightText
}

// SeedRights loads the shipped content for any right not yet in the database.
// Rights already there keep their edits; only shipped text that predates
// the Easy Read heading and pictures gets them (refreshEasyRead). It is
// idempotent.
func (s *RightService) SeedRights(ctx context.Context, seeds []SeedRight) (int, error) {
	added := 0
	err := s.db.tx(ctx, func(tx *sql.Tx) error {
		for _, r := range seeds {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM rights WHERE code = $1`, r.Code).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				if err := refreshEasyRead(ctx, tx, r); err != nil {
					return err
				}
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO rights (code, article, category, sort)
				VALUES ($1, $2, $3, (SELECT coalesce(max(sort), 0) + 1 FROM rights))`,
				r.Code, r.Article, string(r.Category)); err != nil {
				return fmt.Errorf("seed right %s: %w", r.Code, err)
			}
			for _, t := range r.Texts {
				t.Version, t.BasedOn, t.Category, t.EditedBy = 1, 1, r.Category, shippedBy
				if err := insertRightText(ctx, tx, r.Code, &t); err != nil {
					return err
				}
			}
			added++
		}
		return nil
	})
	return added, err
}
