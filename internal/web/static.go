package web

import (
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// serveStatic serves the built assets under /static/: files only, never a
// folder listing nor the folder's own notes (README.txt, .gitignore), and
// anything else missing gets the site's own 404 page.
func (s *Server) serveStatic(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	if name == "" || !fs.ValidPath(name) || path.Base(name) == "README.txt" || strings.HasPrefix(name, ".") || strings.Contains(name, "/.") {
		s.notFound(w, r)
		return
	}
	info, err := fs.Stat(s.static, name)
	if err != nil || !info.Mode().IsRegular() {
		s.notFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.ServeFileFS(w, r, s.static, name)
}
