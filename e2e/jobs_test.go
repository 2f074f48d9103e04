package e2e

import (
	"database/sql"
	"fmt"
	"testing"
	"time"
)

// failedJob puts a failed housekeeping job in the demo database, as a job
// that ran out of tries would leave, and returns its id.
func failedJob(t *testing.T) int64 {
	t.Helper()
	db, err := sql.Open("sqlite", dbFile+"?_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var id int64
	now := time.Now().UTC()
	err = db.QueryRow(`INSERT INTO jobs (kind, payload, state, run_at, attempts, last_error, created_at)
		VALUES ('jobs.purge', '2026-01-05', 'failed', ?, 5, 'disk I/O error while deleting', ?) RETURNING id`, now, now).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// A platform admin finds a failed background job with its error, tries it
// again, and reads the outbox, which says why email is waiting; in English
// and Welsh.
func TestAdminRetriesAFailedJob(t *testing.T) {
	id := failedJob(t)
	tb := newTab(t)
	signIn(t, tb, "admin@lightbulb.test")

	visit(t, tb, "/admin")
	click(t, tb, "jobs", `main a[href="/admin/jobs"]`)
	mustContain(t, tb, "main", "Background jobs", "mail.deliver")
	click(t, tb, "failed-jobs", `main a[href="/admin/jobs?state=failed"]`)
	mustContain(t, tb, "main", "jobs.purge", "disk I/O error while deleting")
	click(t, tb, "retried", fmt.Sprintf(`main form[action="/admin/jobs/%d/retry"] button`, id))
	mustContain(t, tb, "main", fmt.Sprintf("Job %d will run again now.", id))

	visit(t, tb, "/admin/outbox")
	mustContain(t, tb, "main", "No mail server is configured", "waiting for a mail server")

	visit(t, tb, "/language/cy?next=/admin/jobs")
	mustContain(t, tb, "main", "Tasgau cefndir", "Wedi gorffen")
	visit(t, tb, "/admin/outbox")
	mustContain(t, tb, "main", "Blwch allan", "yn aros am weinydd e-bost")
	visit(t, tb, "/language/en?next=/admin")
}
