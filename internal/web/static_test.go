package web_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"regexp"
	"strings"
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
		if r.status != http.StatusOK || r.header.Get("Cache-Control") != "public, no-cache" || r.header.Get("ETag") == "" {
			t.Errorf("%s: %d %q", path, r.status, r.header.Get("Cache-Control"))
		}
	}
	for _, path := range []string{"/static/", "/static/images/", "/static/images", "/static/README.txt", "/static/.gitignore",
		"/static/images/.hidden/x.js", "/static/missing.css", "/static/app.00000000.css", "/static/app.css.gz"} {
		r := c.get(path)
		if r.status != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, r.status)
			continue
		}
		mustContain(t, r, "Page not found", `class="govuk-header`)
	}
}

// Pages link each asset by a name with its content hash, served compressed
// and immutable, with no Vary: Cookie; the plain name is revalidated by
// ETag. Brotli made ahead by the build is preferred; gzip is made at start-up
// when the build made none.
func TestStaticAssetsAreHashedCompressedAndImmutable(t *testing.T) {
	e := newEnv(t)
	css := strings.Repeat("body{margin:0}", 200)
	e.restart(func(o *web.Options) {
		o.Static = fstest.MapFS{
			"app.css":    {Data: []byte(css)},
			"app.css.br": {Data: []byte("brotli bytes")},
			"app.js":     {Data: []byte(strings.Repeat("htmx;", 300))},
		}
	})
	c := e.client()
	page := c.get("/rights")
	m := regexp.MustCompile(`href="(/static/app\.[0-9a-f]{8}\.css)"`).FindStringSubmatch(page.body)
	js := regexp.MustCompile(`src="(/static/app\.[0-9a-f]{8}\.js)"`).FindStringSubmatch(page.body)
	if m == nil || js == nil {
		t.Fatalf("the page does not link hashed assets:\n%.2000s", page.body)
	}
	r := c.get(m[1], "Accept-Encoding", "gzip, deflate, br")
	if r.status != http.StatusOK || r.header.Get("Content-Encoding") != "br" || r.body != "brotli bytes" {
		t.Errorf("brotli: %d %q %q", r.status, r.header.Get("Content-Encoding"), r.body)
	}
	if cc := r.header.Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
		t.Errorf("hashed asset Cache-Control %q", cc)
	}
	if v := r.header.Values("Vary"); len(v) != 1 || v[0] != "Accept-Encoding" {
		t.Errorf("hashed asset Vary %q", v)
	}
	r = c.get(js[1], "Accept-Encoding", "gzip")
	if r.header.Get("Content-Encoding") != "gzip" || r.header.Get("Content-Type") != "text/javascript; charset=utf-8" {
		t.Fatalf("gzip: %q %q", r.header.Get("Content-Encoding"), r.header.Get("Content-Type"))
	}
	zr, err := gzip.NewReader(strings.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := io.ReadAll(zr); string(b) != strings.Repeat("htmx;", 300) || len(r.body) >= 1500 {
		t.Errorf("gzip body: %d bytes compressed, unpacks to %q...", len(r.body), b[:min(len(b), 20)])
	}
	if r := c.get("/static/app.css", "Accept-Encoding", "identity"); r.body != css || r.header.Get("Content-Encoding") != "" {
		t.Errorf("without compression: %q, %d bytes", r.header.Get("Content-Encoding"), len(r.body))
	}
	etag := c.get("/static/app.css").header.Get("ETag")
	if r := c.get("/static/app.css", "If-None-Match", etag); r.status != http.StatusNotModified {
		t.Errorf("revalidating with the ETag: %d", r.status)
	}
}
