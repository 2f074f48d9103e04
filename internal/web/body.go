package web

import (
	"bytes"
	"errors"
	lightbulb "github.com/lightbulb-hr/lightbulb"
	"io"
	"mime"
	"net/http"
)

// limitBody refuses bodies over maxBody with a clear page before any
// handler runs. A body with no declared length (chunked) is read whole here,
// so no handler ever sees a cut-off body as an empty form.
func (s *Server) limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		limit := bodyLimit(r)
		if r.ContentLength > limit {
			s.errorPage(w, r, http.StatusRequestEntityTooLarge)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		if err := readBody(r); err != nil {
			s.formReadError(w, r, err)
			return
		}
		defer func() {
			if r.MultipartForm != nil {
				_ = r.MultipartForm.RemoveAll()
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// bodyLimit is how many bytes r may send: maxBody, or more for the forms
// that upload files, and only when they come as files do (multipart), so a
// typed field can never be larger than on any other form.
func bodyLimit(r *http.Request) int64 {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if r.Method != http.MethodPost || ct != "multipart/form-data" {
		return maxBody
	}
	switch p := r.URL.Path; {
	case p == caseUploadPath:
		return caseMaxUpload + 1<<20 // the file and the form around it
	case isReceiptUpload(p):
		return lightbulb.MaxReceiptBytes + 1<<20
	case isRightEdit(p):
		return maxEasyRows*lightbulb.MaxPictureBytes + 1<<20 // a picture a row and the text
	case isResourceUpload(p):
		return lightbulb.MaxResourceBytes + 1<<20
	}
	return maxBody
}

// errNotForm is a posted body that is not a form: every page posts forms, so
// such a body is refused rather than read as an empty form.
var errNotForm = errors.New("the body is not a form")

// readBody reads a request's body before any handler: a form is parsed, and
// any other body is read into memory.
func readBody(r *http.Request) error {
	if r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case ct == "application/x-www-form-urlencoded" && r.Method != http.MethodGet:
		return r.ParseForm()
	case ct == "multipart/form-data" && r.Method != http.MethodGet:
		return r.ParseMultipartForm(32 << 20)
	}
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	if len(b) > 0 && r.Method == http.MethodPost {
		return errNotForm
	}
	r.Body = io.NopCloser(bytes.NewReader(b))
	return nil
}

// readForm parses a posted form. A form that cannot be read gets an error
// page and false: a handler never goes on with an empty form in its place.
func (s *Server) readForm(w http.ResponseWriter, r *http.Request) bool {
	if err := r.ParseForm(); err != nil {
		s.formReadError(w, r, err)
		return false
	}
	return true
}

// formReadError answers a body that could not be read: 413 when it was too
// large, 400 otherwise.
func (s *Server) formReadError(w http.ResponseWriter, r *http.Request, err error) {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		s.errorPage(w, r, http.StatusRequestEntityTooLarge)
		return
	}
	s.errorPage(w, r, http.StatusBadRequest)
}
