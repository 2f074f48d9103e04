package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// ReviewService implements lightbulb.ReviewService. Frameworks are shared
// content like the rights library; reviews, actions and shares are tenant
// data scoped to the organisation in the context.
type ReviewService struct {
	db         *DB
	frameworks *contentCache[int64, *lightbulb.Framework] // by id; 0 is the current one
	grids      *contentCache[int64, []lightbulb.GridRow]  // roll-ups by organisation (review_rollup.go)
	// BaseURL starts the links in the emails reviews send.
	BaseURL string
}

// NewReviewService returns a ReviewService on db.
func NewReviewService(db *DB) *ReviewService {
	return &ReviewService{db: db, frameworks: newContentCache[int64, *lightbulb.Framework](db, "frameworks"),
		grids: newContentCache[int64, []lightbulb.GridRow](db, "reviews")}
}

// DefaultFramework is the slug of the framework Lightbulb ships.
const DefaultFramework = "lightbulb-traffic-light"

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

// CurrentFramework returns the newest version of the default framework.
func (s *ReviewService) CurrentFramework(ctx context.Context) (*lightbulb.Framework, error) {
	return s.cachedFramework(ctx, 0, func(ctx context.Context) (*lightbulb.Framework, error) {
		var id int64
		err := s.db.readRow(ctx, `SELECT id FROM review_frameworks WHERE slug = $1 ORDER BY version DESC LIMIT 1`,
			DefaultFramework).Scan(&id)
		if err != nil {
			return nil, notFound(err, "There is no review framework yet.")
		}
		return findFramework(ctx, s.db.read, id)
	})
}

// FindFramework returns one version with its statements in order.
func (s *ReviewService) FindFramework(ctx context.Context, id int64) (*lightbulb.Framework, error) {
	return s.cachedFramework(ctx, id, func(ctx context.Context) (*lightbulb.Framework, error) {
		return findFramework(ctx, s.db.read, id)
	})
}

// cachedFramework is a copy of the cached framework under key, so a caller
// may change what it is given (its statements are shared).
func (s *ReviewService) cachedFramework(ctx context.Context, key int64, load func(context.Context) (*lightbulb.Framework, error)) (*lightbulb.Framework, error) {
	f, err := s.frameworks.get(ctx, key, load)
	if err != nil {
		return nil, err
	}
	c := *f
	c.Statements = append([]*lightbulb.Statement(nil), f.Statements...)
	return &c, nil
}

func findFramework(ctx context.Context, q querier, id int64) (*lightbulb.Framework, error) {
	var f lightbulb.Framework
	err := q.QueryRowContext(ctx, `SELECT id, slug, name, version, edited_by, created_at FROM review_frameworks WHERE id = $1`, id).
		Scan(&f.ID, &f.Slug, &f.Name, &f.Version, &f.EditedBy, &f.CreatedAt)
	if err != nil {
		return nil, notFound(err, "There is no such framework.")
	}
	rows, err := q.QueryContext(ctx, `SELECT id, code, theme, sort, text, good, red_means, amber_means, green_means, rights, principles,
		theme_cy, text_cy, good_cy, red_means_cy, amber_means_cy, green_means_cy, en_version, cy_based_on
		FROM review_statements WHERE framework_id = $1 ORDER BY sort`, id)
	if err != nil {
		return nil, fmt.Errorf("find statements: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var st lightbulb.Statement
		var rights, principles string
		cy := &st.Cy
		if err := rows.Scan(&st.ID, &st.Code, &st.Theme, &st.Sort, &st.Text, &st.Good, &st.RedMeans, &st.AmberMeans,
			&st.GreenMeans, &rights, &principles, &cy.Theme, &cy.Text, &cy.Good, &cy.RedMeans, &cy.AmberMeans, &cy.GreenMeans,
			&st.EnVersion, &st.CyBasedOn); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(rights), &st.Rights); err != nil {
			return nil, fmt.Errorf("decode statement rights: %w", err)
		}
		if err := json.Unmarshal([]byte(principles), &st.Principles); err != nil {
			return nil, fmt.Errorf("decode statement principles: %w", err)
		}
		f.Statements = append(f.Statements, &st)
	}
	return &f, rows.Err()
}

// FrameworkVersions lists every version of the default framework, newest first.
func (s *ReviewService) FrameworkVersions(ctx context.Context) ([]*lightbulb.Framework, error) {
	rows, err := s.db.readRows(ctx, `SELECT id, slug, name, version, edited_by, created_at FROM review_frameworks
		WHERE slug = $1 ORDER BY version DESC`, DefaultFramework)
	if err != nil {
		return nil, fmt.Errorf("framework versions: %w", err)
	}
	defer rows.Close()
	var out []*lightbulb.Framework
	for rows.Next() {
		var f lightbulb.Framework
		if err := rows.Scan(&f.ID, &f.Slug, &f.Name, &f.Version, &f.EditedBy, &f.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, &f)
	}
	return out, rows.Err()
}

// insertFramework stores f as a new version with its statements, setting f.ID.
func insertFramework(ctx context.Context, tx *sql.Tx, f *lightbulb.Framework) error {
	f.CreatedAt = lightbulb.Now()
	err := tx.QueryRowContext(ctx, `INSERT INTO review_frameworks (slug, name, version, edited_by, created_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, f.Slug, f.Name, f.Version, f.EditedBy, f.CreatedAt).Scan(&f.ID)
	if err != nil {
		return fmt.Errorf("insert framework: %w", err)
	}
	for i, st := range f.Statements {
		st.Sort = i + 1
		rights, _ := json.Marshal(nonNil(st.Rights))
		principles, _ := json.Marshal(nonNil(st.Principles))
		cy := st.Cy
		err := tx.QueryRowContext(ctx, `INSERT INTO review_statements (framework_id, code, theme, sort, text, good,
			red_means, amber_means, green_means, rights, principles, theme_cy, text_cy, good_cy, red_means_cy, amber_means_cy,
			green_means_cy, en_version, cy_based_on)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
			f.ID, st.Code, st.Theme, st.Sort, st.Text, st.Good, st.RedMeans, st.AmberMeans, st.GreenMeans,
			string(rights), string(principles), cy.Theme, cy.Text, cy.Good, cy.RedMeans, cy.AmberMeans, cy.GreenMeans,
			st.EnVersion, st.CyBasedOn).Scan(&st.ID)
		if err != nil {
			return fmt.Errorf("insert statement %s: %w", st.Code, err)
		}
	}
	return nil
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

// UpdateStatement stores a new version of the default framework in which the
// statement with code reads as st. Earlier versions, and the reviews that
// used them, are unchanged. The statement's Welsh is kept; when the English
// wording changed, the Welsh shows as older than the English until it is
// translated again.
func (s *ReviewService) UpdateStatement(ctx context.Context, code string, st lightbulb.Statement) (*lightbulb.Framework, error) {
	if err := lightbulb.ValidateStatement(&st); err != nil {
		return nil, err
	}
	return s.newVersion(ctx, code, func(f *lightbulb.Framework, old *lightbulb.Statement) {
		st.Code, st.Theme, st.Cy, st.CyBasedOn, st.EnVersion = old.Code, old.Theme, old.Cy, old.CyBasedOn, old.EnVersion
		if st.Text != old.Text || st.Good != old.Good || st.RedMeans != old.RedMeans ||
			st.AmberMeans != old.AmberMeans || st.GreenMeans != old.GreenMeans {
			st.EnVersion = f.Version
		}
		*old = st
	})
}

// newVersion stores a new version of the default framework, changed by edit,
// which is given the new version (its number already moved on) and the
// statement with code in it.
func (s *ReviewService) newVersion(ctx context.Context, code string, edit func(f *lightbulb.Framework, st *lightbulb.Statement)) (*lightbulb.Framework, error) {
	var out *lightbulb.Framework
	err := s.db.tx(ctx, func(tx *sql.Tx) error {
		var id int64
		if err := tx.QueryRowContext(ctx, `SELECT id FROM review_frameworks WHERE slug = $1 ORDER BY version DESC LIMIT 1`,
			DefaultFramework).Scan(&id); err != nil {
			return notFound(err, "There is no review framework yet.")
		}
		f, err := findFramework(ctx, tx, id)
		if err != nil {
			return err
		}
		old := f.Statement(code)
		if old == nil {
			return lightbulb.Errorf(lightbulb.ENOTFOUND, "There is no statement with that code.")
		}
		f.Version++
		edit(f, old)
		f.EditedBy = ""
		if a := lightbulb.ActorFrom(ctx); a != nil {
			f.EditedBy = a.Name
		}
		out = f
		return insertFramework(ctx, tx, f)
	})
	return out, err
}

// SeedFramework stores f as version 1 of its framework unless that framework
// exists already, so that edits survive; it reports whether it added it.
// When the framework is there already, the shipped Welsh is given to any
// statement that has no Welsh yet and whose English is still as shipped.
func (s *ReviewService) SeedFramework(ctx context.Context, f *lightbulb.Framework) (bool, error) {
	added := false
	err := s.db.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM review_frameworks WHERE slug = $1`, f.Slug).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fillShippedWelsh(ctx, tx, f)
		}
		f.Version, f.EditedBy, added = 1, "Lightbulb", true
		for _, st := range f.Statements {
			st.EnVersion, st.CyBasedOn = 1, 0
			if st.Cy.Text != "" {
				st.CyBasedOn = 1
			}
		}
		return insertFramework(ctx, tx, f)
	})
	return added, err
}
