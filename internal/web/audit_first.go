package web

import (
	"net/http"
)

// auditFirst starts recording an audit entry and returns a writer that
// holds the response back until the entry is committed. The record is
// written while the page is made (the case list's view record waited on
// SQLite's one writer before anything else under load), yet no byte of a
// page goes out before the record of its being seen is stored. A record
// that cannot be stored is logged (it used to be dropped silently), and the
// page is still shown, as it was.
func (s *Server) auditFirst(w http.ResponseWriter, r *http.Request, action, target, detail string) http.ResponseWriter {
	done := make(chan error, 1)
	ctx := r.Context()
	go func() { done <- s.Audit.Record(ctx, action, target, detail) }()
	return &afterAudit{ResponseWriter: w, done: done, log: func(err error) {
		s.log.ErrorContext(ctx, "audit record not stored", "action", action, "err", err)
	}}
}

// afterAudit is a ResponseWriter that waits for done before it writes.
type afterAudit struct {
	http.ResponseWriter
	done   <-chan error
	log    func(error)
	waited bool
}

func (w *afterAudit) wait() {
	if w.waited {
		return
	}
	w.waited = true
	if err := <-w.done; err != nil {
		w.log(err)
	}
}

func (w *afterAudit) WriteHeader(code int) {
	w.wait()
	w.ResponseWriter.WriteHeader(code)
}

func (w *afterAudit) Write(b []byte) (int, error) {
	w.wait()
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the writer underneath.
func (w *afterAudit) Unwrap() http.ResponseWriter { return w.ResponseWriter }
