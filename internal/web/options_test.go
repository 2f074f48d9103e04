package web_test

import (
	"io"
	"log/slog"
	"net/http/httptest"

	"github.com/lightbulb-hr/lightbulb/internal/password"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/web"
)

// restart serves the env's data from a new server whose options change
// from the usual ones by set.
func (e *env) restart(set func(o *web.Options)) {
	e.t.Helper()
	o := web.Options{BaseURL: "http://lightbulb.test", Sessions: sqldb.NewSessionStore(e.db), Ready: e.db.Ping,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Password: password.Minimum}
	set(&o)
	s, err := web.New(e.svc, o)
	if err != nil {
		e.t.Fatal(err)
	}
	e.handler = s.Handler()
	e.srv = httptest.NewServer(e.handler)
	e.t.Cleanup(e.srv.Close)
}
