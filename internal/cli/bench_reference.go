package cli

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // the same SQLite driver Lightbulb uses
)

const referenceUsage = `Usage: lightbulb bench reference [--addr 127.0.0.1:8099] [--dir DIR]
Serves the reference page the load script (scripts/load.sh) compares
Lightbulb's pages with: the least a Go web page can do with a database. GET /
runs one indexed SQLite query (20 of 10,000 rows, newest first, for one of 50
organisations) and renders them as an HTML table with html/template. The
database is made in DIR (a new temporary folder by default) on start.`

// referencePage is the reference's whole template: a table of 20 rows.
var referencePage = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Reference</title></head>
<body><main><h1>Cases for organisation {{.Org}}</h1>
<table><thead><tr><th>Reference</th><th>Received</th><th>Summary</th><th>Status</th></tr></thead>
<tbody>{{range .Rows}}<tr><td>{{.Ref}}</td><td>{{.Received}}</td><td>{{.Summary}}</td><td>{{.Status}}</td></tr>
{{end}}</tbody></table></main></body></html>`))

type referenceRow struct{ Ref, Received, Summary, Status string }

func runBenchReference(ctx context.Context, args []string, out, errw io.Writer) error {
	fs := flag.NewFlagSet("lightbulb bench reference", flag.ContinueOnError)
	fs.SetOutput(errw)
	addr := fs.String("addr", "127.0.0.1:8099", "listen address (loopback)")
	dir := fs.String("dir", "", "folder for the database (default: a new temporary one)")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintln(errw, referenceUsage)
		return err
	}
	if *dir == "" {
		d, err := os.MkdirTemp("", "lightbulb-reference-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		*dir = d
	}
	db, err := referenceDB(ctx, *dir)
	if err != nil {
		return err
	}
	defer db.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	hs := &http.Server{Handler: referenceHandler(db), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(out, "reference listening on http://%s\n", ln.Addr())
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = hs.Shutdown(sctx)
	}()
	if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// referenceHandler answers every GET with one query and 20 rendered rows.
func referenceHandler(db *sql.DB) http.Handler {
	var n atomic.Int64
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		org := n.Add(1)%50 + 1
		rows, err := db.QueryContext(r.Context(), `SELECT ref, received, summary, status FROM items
			WHERE org_id = ? ORDER BY received DESC LIMIT 20`, org)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		defer rows.Close()
		data := struct {
			Org  int64
			Rows []referenceRow
		}{Org: org}
		for rows.Next() {
			var x referenceRow
			if err := rows.Scan(&x.Ref, &x.Received, &x.Summary, &x.Status); err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			data.Rows = append(data.Rows, x)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_ = referencePage.Execute(w, data)
	})
}

// referenceDB makes the reference's database: 10,000 rows over 50
// organisations, indexed for the one query.
func referenceDB(ctx context.Context, dir string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "reference.db")+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, err
	}
	stmts := []string{`DROP TABLE IF EXISTS items`,
		`CREATE TABLE items (id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL, ref TEXT NOT NULL, received TEXT NOT NULL,
			summary TEXT NOT NULL, status TEXT NOT NULL)`,
		`CREATE INDEX items_org_received ON items (org_id, received)`}
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return nil, err
		}
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 10000; i++ {
		if _, err := tx.ExecContext(ctx, `INSERT INTO items (org_id, ref, received, summary, status) VALUES (?, ?, ?, ?, ?)`,
			i%50+1, fmt.Sprintf("C-%05d", i), day.Add(time.Duration(i)*time.Hour).Format(time.DateOnly),
			benchSummaries[i%len(benchSummaries)], []string{"open", "reviewed", "closed"}[i%3]); err != nil {
			_ = tx.Rollback()
			return nil, err
		}
	}
	return db, tx.Commit()
}
