package web_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/jobs"
)

// A platform admin sees a failed job with its error, tries it again, and the
// outbox says why queued email is not going out.
func TestAdminJobsAndOutbox(t *testing.T) {
	e := newEnv(t)
	q := e.svc.Jobs.(*jobs.Queue)
	q.Register("test.broken", func(context.Context, *sql.Tx, *jobs.Job) error {
		return errors.New("the provider's server said 550")
	}, jobs.MaxAttempts(1))
	ctx := context.Background()
	id, err := jobs.Enqueue(ctx, e.db.Writer(), jobs.New{Kind: "test.broken", Payload: "42"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := q.RunDue(ctx, 10); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.Mail.SendMail(ctx, &lightbulb.Mail{To: "someone@example.org", Subject: "Hello there", Body: "Hi"}); err != nil {
		t.Fatal(err)
	}

	admin := e.client().signIn("platform")
	r := admin.get("/admin/jobs?state=failed")
	mustContain(t, r, "test.broken", "the provider&#39;s server said 550", fmt.Sprintf("Try job %d again", id), "Failed (1)")
	if strings.Contains(r.body, "mail.deliver") {
		t.Error("the failed filter lists a queued email")
	}
	mustContain(t, admin.get("/admin/jobs"), "mail.deliver", "Queued (1)")
	if r := admin.post(fmt.Sprintf("/admin/jobs/%d/retry", id), nil); r.status != http.StatusSeeOther {
		t.Fatalf("retry: %d %s", r.status, text(r.body))
	}
	js, _ := q.FindJobs(ctx, lightbulb.JobFilter{Kind: "test.broken"})
	if len(js) != 1 || js[0].State != jobs.Queued || js[0].Attempts != 0 {
		t.Fatalf("after retry: %+v", js)
	}
	mustContain(t, admin.get("/admin/audit?all=1"), "jobs.retry")
	// Retrying a job that is not failed says so and changes nothing.
	if r := admin.post(fmt.Sprintf("/admin/jobs/%d/retry", id), nil); r.status != http.StatusSeeOther {
		t.Fatalf("second retry: %d", r.status)
	}
	mustContain(t, admin.get("/admin/jobs"), fmt.Sprintf("Job %d is not failed", id))

	r = admin.get("/admin/outbox")
	mustContain(t, r, "Hello there", "No mail server is configured", "waiting for a mail server")
}
