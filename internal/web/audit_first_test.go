package web

import (
	"errors"
	"net/http/httptest"
	"testing"
	"time"
)

// Nothing of the page is written until its audit record is stored, and a
// record that could not be stored is logged, the page still shown.
func TestAfterAuditHoldsThePageBack(t *testing.T) {
	for _, stored := range []error{nil, errors.New("disk full")} {
		rec := httptest.NewRecorder()
		done := make(chan error, 1)
		var logged error
		w := &afterAudit{ResponseWriter: rec, done: done, log: func(err error) { logged = err }}
		wrote := make(chan struct{})
		go func() {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(200)
			_, _ = w.Write([]byte("<p>page</p>"))
			close(wrote)
		}()
		select {
		case <-wrote:
			t.Fatal("the page was written before its record was stored")
		case <-time.After(20 * time.Millisecond):
		}
		if rec.Body.Len() != 0 {
			t.Fatalf("written before the record: %q", rec.Body.String())
		}
		done <- stored
		<-wrote
		if rec.Body.String() != "<p>page</p>" || rec.Code != 200 || logged != stored {
			t.Errorf("after the record (%v): %d %q, logged %v", stored, rec.Code, rec.Body.String(), logged)
		}
	}
}
