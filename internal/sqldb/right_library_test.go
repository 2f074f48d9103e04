package sqldb_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// pngBytes is the start of a real PNG file: enough for its kind to be read.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")

func TestEasyReadPictures(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := lightbulb.WithActor(context.Background(), &lightbulb.Actor{UserID: 1, Name: "Ada Admin"})
		sqldbtest.MustRight(t, db, "A8", lightbulb.Qualified)
		rights := sqldb.NewRightService(db)

		// Uploads: the kind and size are checked; a good one is kept.
		if _, err := rights.AddPicture(ctx, "text/html", []byte("<svg onload=alert(1)>")); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("an HTML upload: %v", err)
		}
		if _, err := rights.AddPicture(ctx, "image/png", make([]byte, lightbulb.MaxPictureBytes+1)); lightbulb.ErrorCode(err) != lightbulb.EINVALID {
			t.Fatalf("an upload over the limit: %v", err)
		}
		id, err := rights.AddPicture(ctx, "image/png", pngBytes)
		if err != nil {
			t.Fatal(err)
		}
		if p, err := rights.FindPicture(ctx, id); err != nil || p.Type != "image/png" || string(p.Data) != string(pngBytes) {
			t.Fatalf("FindPicture = %+v, %v", p, err)
		}
		if _, err := rights.FindPicture(ctx, id+100); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("a missing picture: %v", err)
		}

		// A version with a heading, an icon and the upload.
		r, _ := rights.FindRight(ctx, "A8", "cy")
		edit := r.Text
		edit.EasyTitle = "Eich hawl i fywyd preifat"
		edit.EasyRead = []string{"Mae gennych chi hawl i fywyd preifat.", "Dylai staff guro cyn dod i mewn."}
		edit.EasyPictures = []string{"home", lightbulb.UploadRef(id)}
		if err := rights.UpdateRight(ctx, "A8", lightbulb.Qualified, edit); err != nil {
			t.Fatal(err)
		}
		got, _ := rights.FindRight(ctx, "A8", "cy")
		if got.Text.EasyTitle != edit.EasyTitle || strings.Join(got.Text.EasyPictures, ",") != "home,upload:"+strconv.FormatInt(id, 10) {
			t.Fatalf("after the edit: %q %q", got.Text.EasyTitle, got.Text.EasyPictures)
		}

		// Too many words, a picture not in the set and a missing upload are
		// refused by the sentence they belong to, and nothing is saved.
		bad := got.Text
		bad.EasyRead = []string{strings.Repeat("gair ", 16), "Byr."}
		bad.EasyPictures = []string{"bacteria-nope", "upload:99999"}
		err = rights.UpdateRight(ctx, "A8", lightbulb.Qualified, bad)
		msg := errorText(err)
		for _, want := range []string{"Easy Read sentence 1 has 16 words: use 15 or fewer", "Picture for sentence 1: choose a picture from the list"} {
			if !strings.Contains(msg, want) {
				t.Errorf("the bad edit's errors %q lack %q", msg, want)
			}
		}
		bad.EasyRead[0], bad.EasyPictures[0] = "Byr.", "home"
		if err := rights.UpdateRight(ctx, "A8", lightbulb.Qualified, bad); !strings.Contains(errorText(err), "Picture for sentence 2: that uploaded picture no longer exists") {
			t.Errorf("a missing upload: %v", err)
		}
		if h, _ := rights.RightHistory(ctx, "A8", "cy"); len(h) != 2 {
			t.Fatalf("refused edits added versions: %d", len(h))
		}
	})
}

func TestRestoreRightVersion(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := lightbulb.WithActor(context.Background(), &lightbulb.Actor{UserID: 1, Name: "Ada Admin"})
		sqldbtest.MustRight(t, db, "A8", lightbulb.Qualified)
		rights := sqldb.NewRightService(db)
		r, _ := rights.FindRight(ctx, "A8", "en")
		edit := r.Text
		edit.Title, edit.Summary = "A worse title", "A worse summary"
		if err := rights.UpdateRight(ctx, "A8", lightbulb.Limited, edit); err != nil {
			t.Fatal(err)
		}
		if _, err := rights.RestoreRight(ctx, "A8", "en", 2); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT {
			t.Fatalf("restoring the current version: %v", err)
		}
		if _, err := rights.RestoreRight(ctx, "A8", "en", 9); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("restoring a version that never was: %v", err)
		}
		v, err := rights.RestoreRight(ctx, "A8", "en", 1)
		if err != nil || v != 3 {
			t.Fatalf("restore = %d, %v", v, err)
		}
		got, _ := rights.FindRight(ctx, "A8", "en")
		if got.Text.Version != 3 || got.Text.Title != "Right A8" || got.Text.RestoredFrom != 1 || got.Text.EditedBy != "Ada Admin" ||
			got.Category != lightbulb.Qualified {
			t.Fatalf("after restoring version 1: %+v %s", got.Text, got.Category)
		}
		if h, _ := rights.RightHistory(ctx, "A8", "en"); len(h) != 3 || h[1].Title != "A worse title" {
			t.Fatalf("the restore overwrote the history: %+v", h)
		}
		old, err := rights.FindRightVersion(ctx, "a8", "en", 2)
		if err != nil || old.Summary != "A worse summary" {
			t.Fatalf("FindRightVersion = %+v, %v", old, err)
		}
		// The English now restores version 1, so a Welsh text made from
		// version 1 is up to date again; a restored Welsh text keeps the
		// English version it was made from.
		if cy, _ := rights.FindRight(ctx, "A8", "cy"); cy.Stale {
			t.Fatal("the Welsh made from English version 1 says it is older than English version 3, a restore of version 1")
		}
		cy, _ := rights.FindRight(ctx, "A8", "cy")
		cyEdit := cy.Text
		cyEdit.Title = "Teitl newydd"
		if err := rights.UpdateRight(ctx, "A8", lightbulb.Qualified, cyEdit); err != nil {
			t.Fatal(err)
		}
		if _, err := rights.RestoreRight(ctx, "A8", "cy", 1); err != nil {
			t.Fatal(err)
		}
		cy, _ = rights.FindRight(ctx, "A8", "cy")
		if cy.Text.Title != "Hawl A8" || cy.Text.BasedOn != 1 || cy.Stale || cy.Category != lightbulb.Qualified {
			t.Fatalf("restored Welsh: %+v stale=%v", cy.Text, cy.Stale)
		}
		// An English edit after that: the restored Welsh is older again.
		en, _ := rights.FindRight(ctx, "A8", "en")
		again := en.Text
		again.Summary = "Newer English"
		if err := rights.UpdateRight(ctx, "A8", lightbulb.Qualified, again); err != nil {
			t.Fatal(err)
		}
		if cy, _ := rights.FindRight(ctx, "A8", "cy"); !cy.Stale {
			t.Fatal("the Welsh is not older than a new English edit")
		}
	})
}

// A database seeded before Easy Read had headings and pictures gets the
// shipped ones where its text is still as shipped, once; edited text is
// left alone, and an up-to-date translation stays up to date.
func TestSeedGivesOldShippedTextEasyReadPictures(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := lightbulb.WithActor(context.Background(), &lightbulb.Actor{UserID: 1, Name: "Ada Admin"})
		sqldbtest.MustRight(t, db, "A8", lightbulb.Qualified)
		sqldbtest.MustRight(t, db, "A3", lightbulb.Absolute)
		rights := sqldb.NewRightService(db)
		a3, _ := rights.FindRight(ctx, "A3", "en")
		edited := a3.Text
		edited.Summary = "An admin's own summary"
		if err := rights.UpdateRight(ctx, "A3", lightbulb.Absolute, edited); err != nil {
			t.Fatal(err)
		}
		text := func(lang, title string) lightbulb.RightText {
			return lightbulb.RightText{Lang: lang, EasyTitle: title, EasyRead: []string{"Un.", "Dau."}, EasyPictures: []string{"home", "heart"}}
		}
		seeds := []sqldb.SeedRight{
			{Code: "A8", Texts: []lightbulb.RightText{text("en", "Your right to a private life"), text("cy", "Eich hawl i fywyd preifat")}},
			{Code: "A3", Texts: []lightbulb.RightText{text("en", "Your right not to be treated cruelly"), text("cy", "Eich hawl")}},
		}
		for range 2 {
			if _, err := rights.SeedRights(ctx, seeds); err != nil {
				t.Fatal(err)
			}
		}
		en, _ := rights.FindRight(ctx, "A8", "en")
		cy, _ := rights.FindRight(ctx, "A8", "cy")
		if en.Text.Version != 2 || en.Text.EasyTitle != "Your right to a private life" || en.Text.Title != "Right A8" ||
			strings.Join(en.Text.EasyPictures, ",") != "home,heart" || en.Text.EditedBy != "Lightbulb" {
			t.Fatalf("English A8 after seeding: %+v", en.Text)
		}
		if cy.Text.Version != 2 || cy.Text.EasyTitle != "Eich hawl i fywyd preifat" || cy.Stale {
			t.Fatalf("Welsh A8 after seeding: %+v stale=%v", cy.Text, cy.Stale)
		}
		a3, _ = rights.FindRight(ctx, "A3", "en")
		if a3.Text.Version != 2 || a3.Text.EasyTitle != "" || a3.Text.Summary != "An admin's own summary" {
			t.Fatalf("the edited English A3 changed: %+v", a3.Text)
		}
		if cy3, _ := rights.FindRight(ctx, "A3", "cy"); cy3.Text.EasyTitle != "Eich hawl" || !cy3.Stale {
			t.Fatalf("the shipped Welsh A3 (older than its edited English): %+v stale=%v", cy3.Text, cy3.Stale)
		}
	})
}

func errorText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
