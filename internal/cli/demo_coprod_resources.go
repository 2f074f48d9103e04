package cli

import (
	"context"
	"fmt"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/report"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
)

// loadResourceDemo gives the charity a guide the committee co-produced, in
// two versions, an Easy Read version that still follows the first (so it
// shows as behind) and a Welsh translation of the second, crediting Esther
// and Lowri, who agree to be credited by name.
func loadResourceDemo(ctx context.Context, svc *sqldb.CoprodService, credit []int64) error {
	file := func(title, lang string, paras ...string) (*lightbulb.FileUpload, error) {
		pdf, err := report.SimpleDocument(title, lang, paras, demoAt(-60, 12))
		return &lightbulb.FileUpload{Name: title + ".pdf", Type: lightbulb.SniffFile(pdf), Data: pdf}, err
	}
	steps := []struct {
		res   *lightbulb.Resource
		note  string
		paras []string
	}{
		{&lightbulb.Resource{Title: "Restraint: what to expect and your rights", Kind: lightbulb.ResourceGuide, Lang: "en"},
			"First version, written with the RITES committee", []string{"Restraint should be a last resort, for the shortest time, and never a punishment.",
				"You have the right to be treated with dignity (Article 3) and to a private and family life (Article 8)."}},
		{&lightbulb.Resource{Title: "Restraint: Easy Read", Kind: lightbulb.ResourceEasyRead, Lang: "en"},
			"Easy Read, tested with two committee members", []string{"Staff should only hold you to keep you or others safe.", "It should be for as short a time as possible."}},
	}
	var guide *lightbulb.Resource
	for i, s := range steps {
		if i > 0 {
			s.res.SourceID = guide.ID
		}
		f, err := file(s.res.Title, s.res.Lang, s.paras...)
		if err != nil {
			return err
		}
		if err := svc.CreateResource(ctx, s.res, &lightbulb.ResourceVersion{Note: s.note, File: f}); err != nil {
			return fmt.Errorf("demo resource: %w", err)
		}
		if i == 0 {
			guide = s.res
		}
	}
	f, err := file(guide.Title, "en", "Restraint should be a last resort.", "Version 2 adds what to do if you want to complain, after the committee's review.")
	if err != nil {
		return err
	}
	if err := svc.AddVersion(ctx, &lightbulb.ResourceVersion{ResourceID: guide.ID, Note: "Adds how to complain, after the committee's review", File: f}); err != nil {
		return fmt.Errorf("demo version: %w", err)
	}
	cy := &lightbulb.Resource{Title: "Ataliaeth: beth i'w ddisgwyl a'ch hawliau", Kind: lightbulb.ResourceTranslation, Lang: "cy", SourceID: guide.ID}
	if f, err = file(cy.Title, "cy", "Dylai ataliaeth fod yn ddewis olaf, am yr amser byrraf, a byth yn gosb."); err != nil {
		return err
	}
	if err := svc.CreateResource(ctx, cy, &lightbulb.ResourceVersion{Note: "Cyfieithiad o fersiwn 2", File: f}); err != nil {
		return fmt.Errorf("demo translation: %w", err)
	}
	for _, id := range credit {
		if err := svc.Credit(ctx, guide.ID, id); err != nil {
			return fmt.Errorf("demo credit: %w", err)
		}
	}
	return nil
}
