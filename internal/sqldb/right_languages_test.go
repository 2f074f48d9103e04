package sqldb_test

import (
	"context"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// Only English and Welsh ship; an admin adds Urdu (written right to left)
// and British Sign Language (a video link a right); each translation shows
// the same "older than the English" notice once the English moves on.
func TestContentLanguages(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		ctx := lightbulb.WithActor(context.Background(), &lightbulb.Actor{UserID: 1, Name: "Ada Admin"})
		sqldbtest.MustRight(t, db, "A9", lightbulb.Qualified)
		rights := sqldb.NewRightService(db)
		ls, err := rights.ContentLanguages(ctx)
		if err != nil || len(ls) != 2 || ls[0].Code != "en" || ls[1].Code != "cy" || ls[1].NativeName != "Cymraeg" {
			t.Fatalf("shipped languages = %+v, %v", ls, err)
		}
		err = rights.AddLanguage(ctx, lightbulb.ContentLanguage{Code: "urdu!", Name: " ", NativeName: "اردو", Dir: "down"})
		for _, want := range []string{"Enter the language's code", "Enter the language's name in English", "Choose which way the language is written"} {
			if !strings.Contains(errorText(err), want) {
				t.Errorf("a bad language: %v lacks %q", err, want)
			}
		}
		if err := rights.AddLanguage(ctx, lightbulb.ContentLanguage{Code: "CY", Name: "Welsh", NativeName: "Cymraeg", Dir: "ltr"}); !strings.Contains(errorText(err), "already has that language") {
			t.Errorf("Welsh again: %v", err)
		}
		for _, l := range []lightbulb.ContentLanguage{
			{Code: "ur", Name: "Urdu", NativeName: "اردو", Dir: "rtl"},
			{Code: "bfi", Name: "British Sign Language", NativeName: "British Sign Language", Dir: "ltr", Signed: true},
		} {
			if err := rights.AddLanguage(ctx, l); err != nil {
				t.Fatal(err)
			}
		}
		ls, _ = rights.ContentLanguages(ctx)
		if len(ls) != 4 || ls[2].Code != "bfi" || !ls[2].Signed || ls[3].Code != "ur" || ls[3].Dir != "rtl" {
			t.Fatalf("languages after adding = %+v", ls)
		}

		// An Urdu text, then an English edit: the Urdu is older than the English.
		en, _ := rights.FindRight(ctx, "A9", "en")
		ur := en.Text
		ur.Lang, ur.Title, ur.Summary = "ur", "سوچ، ضمیر اور مذہب کی آزادی", "آپ جو چاہیں مان سکتے ہیں۔"
		if err := rights.UpdateRight(ctx, "A9", lightbulb.Qualified, ur); err != nil {
			t.Fatal(err)
		}
		got, _ := rights.FindRight(ctx, "A9", "ur")
		if got.Text.Lang != "ur" || got.Text.Title != ur.Title || got.Stale || got.Text.BasedOn != 1 {
			t.Fatalf("Urdu A9 = %+v stale=%v", got.Text, got.Stale)
		}
		edit := en.Text
		edit.Summary = "A new English summary"
		if err := rights.UpdateRight(ctx, "A9", lightbulb.Qualified, edit); err != nil {
			t.Fatal(err)
		}
		if got, _ := rights.FindRight(ctx, "A9", "ur"); !got.Stale {
			t.Fatal("the Urdu is not marked older than the English after an English edit")
		}

		// A signed language needs its video, over https, and no written summary.
		bsl := lightbulb.RightText{Lang: "bfi", Title: "Freedom of thought (BSL)", VideoURL: "http://example.org/a9"}
		if err := rights.UpdateRight(ctx, "A9", lightbulb.Qualified, bsl); !strings.Contains(errorText(err), "starting https://") {
			t.Fatalf("a BSL video over http: %v", err)
		}
		bsl.VideoURL = ""
		if err := rights.UpdateRight(ctx, "A9", lightbulb.Qualified, bsl); !strings.Contains(errorText(err), "Enter the address of the video") || strings.Contains(errorText(err), "summary") {
			t.Fatalf("a BSL text without its video: %v", err)
		}
		bsl.VideoURL = "https://video.example.org/bsl/a9"
		if err := rights.UpdateRight(ctx, "A9", lightbulb.Qualified, bsl); err != nil {
			t.Fatal(err)
		}
		if got, _ := rights.FindRight(ctx, "A9", "bfi"); got.Text.VideoURL != bsl.VideoURL || got.Stale {
			t.Fatalf("BSL A9 = %+v", got.Text)
		}
		// A language the library does not have is refused.
		pl := en.Text
		pl.Lang = "pl"
		if err := rights.UpdateRight(ctx, "A9", lightbulb.Qualified, pl); !strings.Contains(errorText(err), "Choose a language the rights library has") {
			t.Fatalf("Polish before it is added: %v", err)
		}
	})
}
