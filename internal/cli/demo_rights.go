package cli

import (
	"context"
	"fmt"
	"io"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// loadDemoRightVersions gives the demo's Welsh Article 10 an earlier wording
// to compare: the platform admin tried a shorter summary, then restored the
// shipped one, so its history (/admin/rights/A10/history?lang=cy) shows an
// edit and a restore. It is the Welsh, not the English, so the Welsh does
// not then say it is older than an English whose words never changed. It
// runs once: a right whose Welsh someone has already edited is left alone.
func loadDemoRightVersions(ctx context.Context, db *sqldb.DB, out io.Writer) error {
	rights := sqldb.NewRightService(db)
	hist, err := rights.RightHistory(ctx, "A10", lightbulb.LangCY)
	if err != nil {
		return err
	}
	for _, t := range hist {
		if t.EditedBy != "Lightbulb" {
			return nil
		}
	}
	ctx = lightbulb.WithActor(ctx, &lightbulb.Actor{Name: "Ada Adeyemi"})
	r, err := rights.FindRight(ctx, "A10", lightbulb.LangCY)
	if err != nil {
		return err
	}
	shipped := r.Text.Version
	edit := r.Text
	edit.Summary = "Gallwch chi ddweud beth rydych chi'n ei feddwl a chwyno am eich gofal."
	if err := rights.UpdateRight(ctx, "A10", r.Category, edit); err != nil {
		return fmt.Errorf("demo right edit: %w", err)
	}
	if _, err := rights.RestoreRight(ctx, "A10", lightbulb.LangCY, shipped); err != nil {
		return fmt.Errorf("demo right restore: %w", err)
	}
	fmt.Fprintln(out, "Rights library: the Welsh Article 10 has an edit and a restore to compare.")
	return nil
}
