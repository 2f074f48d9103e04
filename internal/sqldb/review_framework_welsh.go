package sqldb

import (
	"context"
	"database/sql"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// UpdateStatementWelsh stores a new version of the default framework in which
// the statement with code has cy as its Welsh, translated from the English it
// has now. The theme's Welsh name is given to every statement of the theme,
// so the theme reads the same wherever it is shown.
func (s *ReviewService) UpdateStatementWelsh(ctx context.Context, code string, cy lightbulb.StatementWelsh) (*lightbulb.Framework, error) {
	if err := lightbulb.ValidateStatementWelsh(&cy); err != nil {
		return nil, err
	}
	return s.newVersion(ctx, code, func(f *lightbulb.Framework, st *lightbulb.Statement) {
		st.Cy, st.CyBasedOn = cy, st.EnVersion
		for _, o := range f.Statements {
			if o.Theme == st.Theme {
				o.Cy.Theme = cy.Theme
			}
		}
	})
}

// fillShippedWelsh gives the Welsh of f's statements to every version's
// statement that has no Welsh yet and whose English is word for word what f
// ships: so a database seeded before the framework was translated gets the
// translation, and nothing anyone has written is replaced. The triggers on
// review_statements tell the cache.
func fillShippedWelsh(ctx context.Context, tx *sql.Tx, f *lightbulb.Framework) error {
	for _, st := range f.Statements {
		cy := st.Cy
		if cy.Text == "" {
			continue
		}
		_, err := tx.ExecContext(ctx, `UPDATE review_statements SET theme_cy = CASE WHEN theme_cy = '' THEN $1 ELSE theme_cy END, text_cy = $2, good_cy = $3,
			red_means_cy = $4, amber_means_cy = $5, green_means_cy = $6, cy_based_on = en_version
			WHERE text_cy = '' AND code = $7 AND theme = $8 AND text = $9 AND good = $10 AND red_means = $11
			AND amber_means = $12 AND green_means = $13
			AND framework_id IN (SELECT id FROM review_frameworks WHERE slug = $14)`,
			cy.Theme, cy.Text, cy.Good, cy.RedMeans, cy.AmberMeans, cy.GreenMeans,
			st.Code, st.Theme, st.Text, st.Good, st.RedMeans, st.AmberMeans, st.GreenMeans, f.Slug)
		if err != nil {
			return fmt.Errorf("fill the Welsh of %s: %w", st.Code, err)
		}
	}
	return nil
}
