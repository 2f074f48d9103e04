package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
)

// A platform admin reads an earlier version, sees what changed since word
// by word (struck through and underlined, and said in words), and restores
// it as a new version, audited; the history keeps every version.
func TestAdminComparesAndRestoresAVersion(t *testing.T) {
	e := newEnv(t)
	c := e.client().signIn("platform")
	ctx := context.Background()
	f := rightForm("Right A8")
	f.Set("summary", "Summary of the private and family life right")
	f.Set("easy-1", "Short.")
	f.Set("picture-1", "heart")
	if r := c.post("/admin/rights/A8", f); r.status != http.StatusSeeOther {
		t.Fatalf("edit: %d", r.status)
	}
	hist := c.get("/admin/rights/A8/history?lang=en")
	mustContain(t, hist, `href="/admin/rights/A8/versions/1?lang=en">Read and compare`)

	v := c.get("/admin/rights/A8/versions/1?lang=en")
	mustContain(t, v, "Version 1", "Compared with the current version (version 2)",
		`<del><span class="govuk-visually-hidden">[removed: </span>Right A8<span class="govuk-visually-hidden">]</span></del>`,
		`<ins><span class="govuk-visually-hidden">[added: </span>the private and family life right<span class="govuk-visually-hidden">]</span></ins>`,
		"Restore version 1", "Version 1 in full", "Summary of Right A8",
		`<ins><span class="govuk-visually-hidden">[added: </span>Heart<span class="govuk-visually-hidden">]</span></ins>`)
	if cur := c.get("/admin/rights/A8/versions/2?lang=en"); !strings.Contains(cur.body, "This is the current version.") || strings.Contains(cur.body, "Restore version") {
		t.Errorf("the current version offers a restore: %.300s", text(cur.body))
	}
	if r := c.get("/admin/rights/A8/versions/7?lang=en"); r.status != http.StatusNotFound {
		t.Errorf("a version that never was: %d", r.status)
	}

	r := c.post("/admin/rights/A8/versions/1/restore", url.Values{"lang": {"en"}})
	if r.status != http.StatusSeeOther || r.location != "/admin/rights/A8/history?lang=en" {
		t.Fatalf("restore: %d %s", r.status, r.location)
	}
	mustContain(t, c.get(r.location), "Version 1 of A8 has been restored as version 3.", "Restored version 1")
	got, _ := e.svc.Rights.FindRight(ctx, "A8", "en")
	if got.Text.Version != 3 || got.Text.Summary != "Summary of Right A8" || got.Text.RestoredFrom != 1 {
		t.Fatalf("after restoring: %+v", got.Text)
	}
	es, _, _ := e.svc.Audit.FindAudit(ctx, lightbulb.AuditFilter{AllOrgs: true, Action: "right.restore"})
	if len(es) != 1 || es[0].Detail != "text (en): version 1 restored as version 3" {
		t.Fatalf("audit: %+v", es)
	}
	// The Welsh was made from version 1, whose words the English has again:
	// it says nothing about being older, as it did while version 2 stood.
	cy := e.client()
	cy.get("/language/cy?next=/")
	if strings.Contains(cy.get("/rights/A8").body, "cyfieithiad Cymraeg hwn yn hŷn") {
		t.Error("the Welsh says it is older than an English that restored the words it was made from")
	}
}
