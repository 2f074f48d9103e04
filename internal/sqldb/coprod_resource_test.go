package sqldb_test

import (
	"context"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

func pdfFile(name string) *lightbulb.FileUpload {
	return &lightbulb.FileUpload{Name: name, Type: "application/pdf", Data: []byte("%PDF-1.4\n" + name)}
}

// A guide, its Easy Read version and Welsh translation: versions, a lag
// notice once the guide moves on, credits only with consent, files kept.
func TestCoprodResourcesVersionsLagAndCredits(t *testing.T) {
	sqldbtest.Engines(t, func(t *testing.T, db *sqldb.DB) {
		f := newCoprod(t, db)
		guide := &lightbulb.Resource{Title: "Restraint: what to expect", Kind: "guide", Lang: "en"}
		must(t, f.svc.CreateResource(f.ctx, guide, &lightbulb.ResourceVersion{Note: "First draft", File: pdfFile("guide-v1.pdf")}))
		easy := &lightbulb.Resource{Title: "Restraint: Easy Read", Kind: "easy_read", Lang: "en", SourceID: guide.ID}
		must(t, f.svc.CreateResource(f.ctx, easy, &lightbulb.ResourceVersion{File: pdfFile("easy-v1.pdf")}))
		bad := &lightbulb.Resource{Title: "Same language", Kind: "translation", Lang: "en", SourceID: guide.ID}
		if err := f.svc.CreateResource(f.ctx, bad, &lightbulb.ResourceVersion{File: pdfFile("x.pdf")}); fieldsOf(err) != "lang" {
			t.Fatalf("a translation in the original's language: %v", err)
		}
		noFile := &lightbulb.Resource{Title: "No file", Kind: "guide", Lang: "en"}
		if err := f.svc.CreateResource(f.ctx, noFile, &lightbulb.ResourceVersion{File: &lightbulb.FileUpload{Name: "a.exe", Type: "application/octet-stream", Data: []byte("MZ")}}); fieldsOf(err) != "file" {
			t.Fatalf("a program as a resource: %v", err)
		}
		if all, _ := f.svc.Resources(f.ctx); len(all) != 2 {
			t.Fatalf("refused resources were saved: %d", len(all))
		}
		// The guide moves on: the Easy Read version lags until it follows.
		must(t, f.svc.AddVersion(f.ctx, &lightbulb.ResourceVersion{ResourceID: guide.ID, Note: "After the panel", File: pdfFile("guide-v2.pdf")}))
		got, err := f.svc.Resource(f.ctx, easy.ID)
		must(t, err)
		if !got.Lags() || got.Follows != 1 || got.SourceLatest != 2 {
			t.Fatalf("the Easy Read version should lag: %+v", got)
		}
		if err := f.svc.AddVersion(f.ctx, &lightbulb.ResourceVersion{ResourceID: easy.ID, Follows: 3, File: pdfFile("easy-v2.pdf")}); fieldsOf(err) != "follows" {
			t.Fatalf("following a version that does not exist: %v", err)
		}
		must(t, f.svc.AddVersion(f.ctx, &lightbulb.ResourceVersion{ResourceID: easy.ID, Follows: 2, File: pdfFile("easy-v2.pdf")}))
		if got, _ := f.svc.Resource(f.ctx, easy.ID); got.Lags() || got.Latest != 2 || len(got.Versions) != 2 {
			t.Fatalf("the Easy Read version caught up: %+v", got)
		}
		file, err := f.svc.ResourceFile(f.ctx, guide.ID, 1)
		must(t, err)
		if file.Name != "guide-v1.pdf" || string(file.Data) != "%PDF-1.4\nguide-v1.pdf" {
			t.Fatalf("the first version's file: %+v", file)
		}
		// Credits: Owen has not agreed; Esther agrees, then withdraws.
		if err := f.svc.Credit(f.ctx, guide.ID, f.o.ID); fieldsOf(err) != "expert" {
			t.Fatalf("crediting without consent: %v", err)
		}
		esther := &lightbulb.ExpertProfile{UserID: f.esther.ID, PreferredName: "Esther", ContactBy: "email", PayPref: "paid", CreditByName: true}
		must(t, f.svc.SaveProfile(f.ctx, esther))
		must(t, f.svc.Credit(f.ctx, guide.ID, f.esther.ID))
		must(t, f.svc.Credit(f.ctx, guide.ID, f.esther.ID))
		if got, _ := f.svc.Resource(f.ctx, guide.ID); len(got.Credits) != 1 || got.Credits[0].ExpertName != "Esther" || len(got.Derived) != 1 {
			t.Fatalf("credits and derived: %+v %+v", got.Credits, got.Derived)
		}
		esther.CreditByName = false
		must(t, f.svc.SaveProfile(f.ctx, esther))
		if got, _ := f.svc.Resource(f.ctx, guide.ID); len(got.Credits) != 0 {
			t.Fatal("a withdrawn consent still shows the name")
		}
		if mine, _ := f.svc.MyCredits(f.ctx, f.esther.ID); len(mine) != 1 || mine[0].ID != guide.ID {
			t.Fatalf("Esther's own credits: %+v", mine)
		}
		// Another organisation reaches none of it.
		org := sqldbtest.MustOrg(t, db, "council", lightbulb.KindCouncil)
		other := &coprodFixture{svc: f.svc, ctx: lightbulb.WithOrg(context.Background(), org.ID)}
		if _, err := other.svc.Resource(other.ctx, guide.ID); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation read the guide: %v", err)
		}
		if _, err := other.svc.ResourceFile(other.ctx, guide.ID, 1); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation read the file: %v", err)
		}
		if err := other.svc.AddVersion(other.ctx, &lightbulb.ResourceVersion{ResourceID: guide.ID, File: pdfFile("x.pdf")}); lightbulb.ErrorCode(err) != lightbulb.ENOTFOUND {
			t.Fatalf("another organisation added a version: %v", err)
		}
	})
}
