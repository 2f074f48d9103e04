package cli_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	lightbulb "github.com/lightbulb-hr/lightbulb"
	"github.com/lightbulb-hr/lightbulb/internal/mail/mailtest"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb"
	"github.com/lightbulb-hr/lightbulb/internal/sqldb/sqldbtest"
)

// These tests run the real binary and kill it with SIGKILL: what a power cut
// or an OOM kill does to `lightbulb serve` mid-work.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds cmd/lightbulb once for the package's tests.
func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and kills the real server; skipped with -short")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "lightbulb-crash-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "lightbulb")
		out, err := exec.Command("go", "build", "-o", binPath, "../../cmd/lightbulb").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// proc is one running `lightbulb serve`.
type proc struct {
	cmd  *exec.Cmd
	done chan error
}

func startBinary(t *testing.T, dsn string, smtpPort int, extra ...string) *proc {
	t.Helper()
	args := append([]string{"serve", "--db", dsn, "--addr", "127.0.0.1:0", "--log-format", "text", "--workers", "2",
		"--job-lease", "3s", "--smtp-host", "127.0.0.1", "--smtp-port", fmt.Sprint(smtpPort), "--smtp-tls", "off"}, extra...)
	cmd := exec.Command(binary(t), args...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = nil
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, done: make(chan error, 1)}
	listening := make(chan struct{})
	go func() {
		sc := bufio.NewScanner(out)
		once := sync.Once{}
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "Lightbulb is listening on ") {
				once.Do(func() { close(listening) })
			}
		}
		p.done <- cmd.Wait()
	}()
	t.Cleanup(func() { p.kill() })
	select {
	case <-listening:
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not start within a minute")
	}
	return p
}

// kill ends the process at once, as SIGKILL does, and waits for it.
func (p *proc) kill() {
	if p.cmd.ProcessState == nil {
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

// until polls cond until it holds or the time runs out.
func until(t *testing.T, what string, limit time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s did not happen within %s", what, limit)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

var messageIDRE = regexp.MustCompile(`(?m)^Message-ID: (<[^>]+>)`)

// received counts the messages the receiver got, by Message-ID.
func received(r *mailtest.Receiver) map[string]int {
	out := map[string]int{}
	for _, m := range r.Messages() {
		if id := messageIDRE.FindStringSubmatch(m); id != nil {
			out[id[1]]++
		}
	}
	return out
}

// crashFixture is a database with an organisation, a ward and a lead, shared
// by the server processes a test starts and kills.
type crashFixture struct {
	dsn string
	db  *sqldb.DB
	ctx context.Context // the organisation's
}

// bothEngines runs fn on a fresh SQLite file and, when the test cluster is
// configured, a fresh PostgreSQL schema.
func bothEngines(t *testing.T, fn func(t *testing.T, f *crashFixture)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, newCrashFixture(t, "sqlite:"+filepath.Join(t.TempDir(), "crash.db"))) })
	if sqldbtest.PostgresURL(t) != "" {
		t.Run("postgres", func(t *testing.T) { fn(t, newCrashFixture(t, sqldbtest.MustOpenPostgresURL(t))) })
	}
}

func newCrashFixture(t *testing.T, dsn string) *crashFixture {
	t.Helper()
	db := sqldbtest.MustOpenDSN(t, dsn)
	org := sqldbtest.MustOrg(t, db, "trust", lightbulb.KindNHSTrust)
	lead := sqldbtest.MustUser(t, db, "lead@trust.test", org, lightbulb.RoleLead)
	ctx := lightbulb.WithOrg(context.Background(), org.ID)
	ctx = lightbulb.WithActor(ctx, &lightbulb.Actor{UserID: lead.ID, Name: lead.Name})
	if err := sqldb.NewUnitService(db).CreateUnit(ctx, &lightbulb.Unit{Name: "Willow Ward"}); err != nil {
		t.Fatal(err)
	}
	return &crashFixture{dsn: dsn, db: db, ctx: ctx}
}

// queueMail puts n emails in the outbox.
func (f *crashFixture) queueMail(t *testing.T, n int, tag string) {
	t.Helper()
	m := sqldb.NewMailService(f.db)
	for i := range n {
		if err := m.SendMail(context.Background(), &lightbulb.Mail{To: fmt.Sprintf("p%d@example.org", i),
			Subject: fmt.Sprintf("%s %d", tag, i), Body: "Hello."}); err != nil {
			t.Fatal(err)
		}
	}
}

// unsent counts outbox rows without a sent time.
func (f *crashFixture) unsent(t *testing.T) int {
	t.Helper()
	ms, err := sqldb.NewMailService(f.db).FindMail(context.Background(), 100000)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range ms {
		if m.SentAt == nil {
			n++
		}
	}
	return n
}

// Kill -9 during email delivery: after a restart every email is delivered,
// each under its one Message-ID. The only copy that can go twice is one the
// mail server had accepted when the process died, before it could note
// that: never more than the workers in flight.
func TestKillDuringDelivery(t *testing.T) { bothEngines(t, killDuringDelivery) }

func killDuringDelivery(t *testing.T, f *crashFixture) {
	rec := mailtest.StartMode(t, mailtest.Plain)
	const n = 400
	f.queueMail(t, n, "Crash")
	p := startBinary(t, f.dsn, rec.Port)
	until(t, "the first 60 deliveries", 60*time.Second, func() bool { return len(rec.Messages()) >= 60 })
	p.kill()
	if got := len(rec.Messages()); got >= n {
		t.Fatalf("all %d emails went before the kill; the test proves nothing", got)
	}
	startBinary(t, f.dsn, rec.Port)
	until(t, "delivery of every email after the restart", 120*time.Second, func() bool { return f.unsent(t) == 0 })
	ids := received(rec)
	twice := 0
	for id, c := range ids {
		if c > 1 {
			twice++
			t.Logf("%s was delivered %d times (in flight at the kill)", id, c)
		}
	}
	if len(ids) != n || twice > 2 {
		t.Fatalf("%d distinct emails received (want %d), %d more than once (at most the 2 in flight)", len(ids), n, twice)
	}
}

// Two serve processes on one database share the queue: every email is
// delivered exactly once.
func TestTwoServersDeliverEachEmailOnce(t *testing.T) { bothEngines(t, twoServers) }

func twoServers(t *testing.T, f *crashFixture) {
	rec := mailtest.StartMode(t, mailtest.Plain)
	const n = 300
	f.queueMail(t, n, "Shared")
	startBinary(t, f.dsn, rec.Port)
	startBinary(t, f.dsn, rec.Port)
	until(t, "delivery of every email", 120*time.Second, func() bool { return f.unsent(t) == 0 })
	ids := received(rec)
	for id, c := range ids {
		if c != 1 {
			t.Errorf("%s delivered %d times", id, c)
		}
	}
	if len(ids) != n {
		t.Fatalf("%d distinct emails received, want %d", len(ids), n)
	}
}

// Kill -9 during a browser import: after a restart the import finishes with
// exactly the rows of the file, none doubled.
func TestKillDuringImport(t *testing.T) { bothEngines(t, killDuringImport) }

func killDuringImport(t *testing.T, f *crashFixture) {
	rec := mailtest.StartMode(t, mailtest.Plain)
	const rows = 40000
	var csv strings.Builder
	csv.WriteString("Ref,Type,Received,Ward,Summary\n")
	for i := range rows {
		fmt.Fprintf(&csv, "R-%06d,Complaint,2026-03-%02d,Willow Ward,Visiting was stopped without a reason given (%d)\n", i, 1+i%28, i)
	}
	cases := sqldb.NewCaseService(f.db, nil)
	token, err := cases.PutCaseUpload(f.ctx, "big.csv", []byte(csv.String()))
	if err != nil {
		t.Fatal(err)
	}
	opts := lightbulb.CaseImportOptions{Mapping: map[string]string{"source_ref": "Ref", "type": "Type", "received": "Received",
		"service": "Ward", "summary": "Summary"}}
	if err := cases.StartCaseImport(f.ctx, token, rows, opts); err != nil {
		t.Fatal(err)
	}
	other, err := cases.PutCaseUpload(f.ctx, "second.csv", []byte("Ref\nX\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := cases.StartCaseImport(f.ctx, other, 1, opts); lightbulb.ErrorCode(err) != lightbulb.ECONFLICT ||
		!strings.Contains(lightbulb.ErrorMessage(err), "Another import for this organisation is still running") {
		t.Fatalf("a second import while one is queued: %v", err)
	}
	state := func() lightbulb.CaseUploadState {
		st, err := cases.CaseImportState(f.ctx, token)
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	p := startBinary(t, f.dsn, rec.Port)
	until(t, "the import storing its first batch", 120*time.Second, func() bool { return state().Done > 0 })
	p.kill()
	if st := state(); st.State != "running" || st.Done >= rows {
		t.Fatalf("after the kill: %+v; the import should be part way", st)
	}
	startBinary(t, f.dsn, rec.Port)
	until(t, "the import finishing after the restart", 180*time.Second, func() bool { return state().State == "done" })
	st := state()
	var total, distinct int
	if err := f.db.Reader().QueryRow(`SELECT count(*), count(DISTINCT source_ref) FROM cases`).Scan(&total, &distinct); err != nil {
		t.Fatal(err)
	}
	if total != rows || distinct != rows || st.Created+st.Updated != rows {
		t.Fatalf("%d cases (%d distinct) after the import; state %+v; want %d", total, distinct, st, rows)
	}
}
