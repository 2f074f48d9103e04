package web_test

import (
	"net/http"
	"testing"
	"testing/fstest"

	"github.com/lightbulb-hr/lightbulb/internal/web"
)

// /static/ serves asset files and nothing else: no listings, not the
// folder's README, and the site's own 404 page for the rest.
func TestStaticServesOnlyAssets(t *testing.T) {
	e := newEnv(t)
	assets := fstest.MapFS{
		"app.css":             {Data: []byte("body{}")},
		"README.txt":          {Data: []byte("This folder is produced by make assets")},
		".gitignore":          {Data: []byte("*")},
		"images/favicon.svg":  {Data: []byte("<svg/>")},
		"images/.hidden/x.js": {Data: []byte("x")},
	}
	e.restart(func(o *web.Options) { o.Static = assets })
	c := e.client()
	for _, path := range []string{"/static/app.css", "/static/images/favicon.svg"} {
		r := c.get(path)
		if r.status != http.StatusOK || r.header.Get("Cache-Control") != "public, max-age=3600" {
			t.Errorf("%s: %d %q", path, r.status, r.header.Get("Cache-Control"))
		}
	}
	for _, path := range []string{"/static/", "/static/images/", "/static/images", "/static/README.txt", "/static/.gitignore",
		"/static/images/.hidden/x.js", "/static/missing.css"} {
		r := c.get(path)
		if r.status != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, r.status)
			continue
		}
		mustContain(t, r, "Page not found", `class="govuk-header`)
	}
}
