package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// assets are the built files served under /static/, each known by a name
// that carries a hash of its content (app.3f2a9c1b.css): the layout links
// those names, so a browser may keep them for a year (immutable), and a new
// build is a new name. Text files are sent compressed: brotli or gzip made
// ahead by the npm build (name.br, name.gz) when there, else gzip made here
// once at start-up.
type assets struct {
	fsys   fs.FS
	hashed map[string]string // logical name -> hashed name
	files  map[string]*asset // logical name -> file
}

type asset struct {
	name string // logical name
	etag string
	gz   []byte // gzip of the file, or nil
	br   []byte // brotli of the file, or nil
}

// compressible are the kinds of file worth compressing.
var compressible = map[string]bool{".css": true, ".js": true, ".svg": true, ".txt": true}

func loadAssets(fsys fs.FS) (*assets, error) {
	a := &assets{fsys: fsys, hashed: map[string]string{}, files: map[string]*asset{}}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !servable(name) || strings.HasSuffix(name, ".gz") || strings.HasSuffix(name, ".br") {
			return err
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		h := hex.EncodeToString(sum[:4])
		ext := path.Ext(name)
		a.hashed[name] = strings.TrimSuffix(name, ext) + "." + h + ext
		f := &asset{name: name, etag: `"` + h + `"`}
		if compressible[ext] {
			f.br, _ = fs.ReadFile(fsys, name+".br")
			if f.gz, _ = fs.ReadFile(fsys, name+".gz"); f.gz == nil {
				f.gz = gzipBytes(b)
			}
			f.br, f.gz = smaller(f.br, b), smaller(f.gz, b)
		}
		a.files[name] = f
		return nil
	})
	return a, err
}

// smaller is compressed when it is smaller than the original, else nil.
func smaller(compressed, original []byte) []byte {
	if len(compressed) >= len(original) {
		return nil
	}
	return compressed
}

func gzipBytes(b []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = zw.Write(b)
	_ = zw.Close()
	return buf.Bytes()
}

// servable is whether name may be served: never the folder's own notes.
func servable(name string) bool {
	return fs.ValidPath(name) && path.Base(name) != "README.txt" && !strings.HasPrefix(name, ".") && !strings.Contains(name, "/.")
}

// url is the address of the asset name, with its content hash when known.
func (a *assets) url(name string) string {
	if h, ok := a.hashed[name]; ok {
		return "/static/" + h
	}
	return "/static/" + name
}

// lookup finds the file a request names, and whether it was named by its
// content hash (so that it may be cached for good).
func (a *assets) lookup(name string) (*asset, bool) {
	if f, ok := a.files[name]; ok {
		return f, false
	}
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	if i := strings.LastIndexByte(stem, '.'); i > 0 {
		logical := stem[:i] + ext
		if f, ok := a.files[logical]; ok && a.hashed[logical] == name {
			return f, true
		}
	}
	return nil, false
}

// serveStatic serves the built assets under /static/: files only, never a
// folder listing nor the folder's own notes (README.txt, .gitignore), and
// anything else missing gets the site's own 404 page. Files named by their
// hash are immutable (the built app.js imports GOV.UK Frontend by its
// hashed name too); by their plain name they must be revalidated, by ETag.
func (s *Server) serveStatic(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	f, immutable := s.assets.lookup(name)
	if name == "" || !servable(name) || f == nil {
		s.notFound(w, r)
		return
	}
	h := w.Header()
	if immutable {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "public, no-cache")
	}
	h.Set("ETag", f.etag)
	body, enc := f.encoding(r.Header.Get("Accept-Encoding"))
	if f.gz != nil || f.br != nil {
		h.Set("Vary", "Accept-Encoding")
	}
	if enc == "" {
		http.ServeFileFS(w, r, s.assets.fsys, f.name)
		return
	}
	if ct := mimeType(f.name); ct != "" {
		h.Set("Content-Type", ct)
	}
	h.Set("Content-Encoding", enc)
	http.ServeContent(w, r, f.name, time.Time{}, bytes.NewReader(body))
}

// encoding picks the compressed form the client accepts, brotli first.
func (f *asset) encoding(accept string) ([]byte, string) {
	for _, c := range []struct {
		enc  string
		body []byte
	}{{"br", f.br}, {"gzip", f.gz}} {
		if c.body != nil && acceptsEncoding(accept, c.enc) {
			return c.body, c.enc
		}
	}
	return nil, ""
}

// acceptsEncoding reads an Accept-Encoding header for enc (q=0 refuses it).
func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		token, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(token), enc) {
			return strings.ReplaceAll(params, " ", "") != "q=0"
		}
	}
	return false
}

func mimeType(name string) string {
	switch path.Ext(name) {
	case ".css":
		return "text/css; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".ico":
		return "image/x-icon"
	case ".txt":
		return "text/plain; charset=utf-8"
	}
	return ""
}
