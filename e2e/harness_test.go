package e2e

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/chromedp/chromedp/remote"
	_ "modernc.org/sqlite" // to read a demo person's id
)

const (
	// demoPassword is the password of every demo account (cli.DemoPassword).
	demoPassword = "lightbulb-demo"
	// journeyTimeout bounds one whole journey, from opening its tab.
	journeyTimeout = 3 * time.Minute
	// waitTimeout bounds one wait for an element or a page.
	waitTimeout = 10 * time.Second
)

// Set up once by TestMain for the whole package.
var (
	baseURL    string          // the running server, e.g. http://127.0.0.1:43287
	browserCtx context.Context // the browser; tabs are made from it
	axeSource  string          // node_modules/axe-core/axe.min.js
	// nurseID is the user id of nurse@northbridge.test, who belongs only to
	// Northbridge, for the isolation journey.
	nurseID int64
	// dbFile is the journeys' SQLite database, for reading the outbox.
	dbFile string
)

func TestMain(m *testing.M) {
	if os.Getenv("LIGHTBULB_E2E") != "1" {
		if os.Getenv("LIGHTBULB_REQUIRE_E2E") == "1" {
			fmt.Fprintln(os.Stderr, "e2e: FAIL: LIGHTBULB_REQUIRE_E2E=1 but LIGHTBULB_E2E is not 1, so the browser tests did not run.\n"+
				"e2e: run them with `make test` (scripts/test.sh enables them when chromium and node_modules/axe-core exist),\n"+
				"e2e: or with LIGHTBULB_E2E=1 go test ./e2e/")
			os.Exit(1)
		}
		fmt.Println("e2e: SKIPPING browser tests (set LIGHTBULB_E2E=1 to run them; they need chromium and node_modules/axe-core, see e2e/doc.go)")
		os.Exit(0)
	}
	os.Exit(run(m))
}

// run sets up the server and the browser, runs the tests and tears down.
func run(m *testing.M) int {
	fail := func(format string, args ...any) int {
		fmt.Fprintf(os.Stderr, "e2e: setup failed: "+format+"\n", args...)
		return 1
	}
	root, err := filepath.Abs("..")
	if err != nil {
		return fail("%v", err)
	}
	tmp, err := os.MkdirTemp("", "lightbulb-e2e-")
	if err != nil {
		return fail("%v", err)
	}
	defer removeAllRetry(tmp)

	axe, err := os.ReadFile(filepath.Join(root, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		return fail("read axe-core (run `npm ci` in %s): %v", root, err)
	}
	axeSource = string(axe)
	chromium, err := findChromium()
	if err != nil {
		return fail("%v", err)
	}

	// The app: build, migrate, load the demo data.
	bin := filepath.Join(tmp, "lightbulb")
	build := exec.Command("go", "build", "-o", bin, "./cmd/lightbulb")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return fail("go build ./cmd/lightbulb: %v\n%s", err, out)
	}
	dbPath := filepath.Join(tmp, "e2e.db")
	dsn := "sqlite:" + dbPath
	dbFile = dbPath
	for _, args := range [][]string{
		{"migrate", "--db", dsn},
		{"demo", "--db", dsn, "--insecure-fast-passwords"},
	} {
		if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			return fail("lightbulb %s: %v\n%s", args[0], err, out)
		}
	}
	if nurseID, err = userID(dbPath, "nurse@northbridge.test"); err != nil {
		return fail("find the demo nurse: %v", err)
	}

	logPath := filepath.Join(tmp, "server.log")
	srv, err := startServer(bin, dsn, logPath)
	if err != nil {
		return fail("start the server: %v\n%s", err, tail(logPath, 40))
	}
	defer srv.stop()
	baseURL = srv.url
	if err := checkAssets(); err != nil {
		return fail("%v", err)
	}

	// The browser: one process for the package; each test gets an incognito
	// browser context of its own (newTab).
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-features", "Translate"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("lang", "en-GB"),
		chromedp.UserDataDir(filepath.Join(tmp, "chromium")),
		chromedp.WindowSize(1280, 900),
		remote.WebSocket,
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	// The first Do starts the browser and binds it to bctx, which has no
	// deadline; each test bounds its own tab (newTab).
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(bctx) }()
	select {
	case err := <-started:
		if err != nil {
			return fail("start %s: %v", chromium, err)
		}
	case <-time.After(60 * time.Second):
		return fail("start %s: no answer after 60s", chromium)
	}
	browserCtx = bctx

	code := m.Run()
	if code != 0 {
		fmt.Fprintf(os.Stderr, "e2e: last lines of the server log:\n%s\n", tail(logPath, 40))
	}
	return code
}

func findChromium() (string, error) {
	if p := os.Getenv("LIGHTBULB_CHROMIUM"); p != "" {
		return p, nil
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium", nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("no chromium found: install it or set LIGHTBULB_CHROMIUM")
}

// userID reads a person's id straight from the database, before the server
// opens it.
func userID(dbPath, email string) (int64, error) {
	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var id int64
	err = db.QueryRow(`SELECT id FROM users WHERE email = ?`, email).Scan(&id)
	return id, err
}

// checkAssets makes sure the stylesheet was built, or every screenshot would
// show an unstyled page and the colour-contrast checks would mean little.
func checkAssets() error {
	resp, err := http.Get(baseURL + "/static/app.css")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || len(b) < 1000 {
		return fmt.Errorf("GET /static/app.css: %s, %d bytes: build the assets first (npm ci && npm run build)", resp.Status, len(b))
	}
	return nil
}

// server is a running `lightbulb serve`.
type server struct {
	url  string
	cmd  *exec.Cmd
	done chan error
}

func startServer(bin, dsn, logPath string) (*server, error) {
	logf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	defer logf.Close() // the child has its own copy
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, "serve", "--db", dsn, "--addr", "127.0.0.1:0", "--insecure-fast-passwords", "--log-format", "text")
	cmd.Stdout, cmd.Stderr = pw, logf
	if err := cmd.Start(); err != nil {
		pr.Close()
		pw.Close()
		return nil, err
	}
	pw.Close()
	urlc := make(chan string, 1)
	go func() {
		defer pr.Close()
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "Lightbulb is listening on "); ok {
				select {
				case urlc <- strings.TrimSpace(u):
				default:
				}
			}
		}
	}()
	s := &server{cmd: cmd, done: make(chan error, 1)}
	go func() { s.done <- cmd.Wait() }()
	select {
	case s.url = <-urlc:
		return s, nil
	case err := <-s.done:
		return nil, fmt.Errorf("the server stopped before listening: %v", err)
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		<-s.done
		return nil, errors.New("the server did not say where it listens within 30s")
	}
}

func (s *server) stop() {
	_ = s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.done:
	case <-time.After(15 * time.Second):
		fmt.Fprintln(os.Stderr, "e2e: the server did not stop within 15s of SIGINT; killing it")
		_ = s.cmd.Process.Kill()
		<-s.done
	}
}

func tail(path string, n int) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// removeAllRetry removes dir; Chromium's helpers can still write into its
// profile for a moment after it exits.
func removeAllRetry(dir string) {
	for range 50 {
		if err := os.RemoveAll(dir); err == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// ---------------------------------------------------------------------------
// Tabs

// tab is one browser tab in an incognito browser context of its own, so that
// cookies never leak from one test to another.
type tab struct {
	t     *testing.T
	ctx   context.Context
	jsOff bool

	mu      sync.Mutex
	console []chromedp.ConsoleMessage
}

// newTab opens a tab with JavaScript on. The whole journey must finish within
// journeyTimeout of this call.
func newTab(t *testing.T) *tab {
	t.Helper()
	if browserCtx == nil {
		t.Fatal("no browser: TestMain did not run the setup")
	}
	ctx, cancel := context.WithTimeout(browserCtx, journeyTimeout)
	tctx, tcancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	t.Cleanup(func() { tcancel(); cancel() })
	if err := chromedp.Do(tctx); err != nil {
		t.Fatalf("open a browser tab: %v", err)
	}
	tb := &tab{t: t, ctx: tctx}
	// Collect what the pages say on the console: an exception or an error
	// (such as a script blocked by the Content-Security-Policy) fails the
	// test when it ends.
	msgs := chromedp.Console(tctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			tb.mu.Lock()
			tb.console = append(tb.console, m)
			tb.mu.Unlock()
		}
	}()
	// Cleanups run last-in first-out, so these run before the tab closes.
	t.Cleanup(tb.checkConsole)
	t.Cleanup(func() {
		if t.Failed() { // best effort: the journey's time may be up
			if png, err := chromedp.Run(tctx, chromedp.FullScreenshot(100)); err == nil {
				t.Logf("screenshot at the failure: %s", saveArtifact(t, "at-failure", "png", png))
			}
		}
	})
	return tb
}

// newTabNoJS opens a tab in which pages run no JavaScript at all, like a
// locked-down or old browser, or a page whose scripts failed to load.
func newTabNoJS(t *testing.T) *tab {
	t.Helper()
	tb := newTab(t)
	if err := setScripts(tb.ctx, false); err != nil {
		t.Fatalf("turn JavaScript off: %v", err)
	}
	tb.jsOff = true
	return tb
}

// networkStatus matches Chromium's log line for a page that answered with an
// error status: the journeys open 403, 404 and 422 pages on purpose.
var networkStatus = regexp.MustCompile(`the server responded with a status of (403|404|422)\b`)

// sawConsole waits briefly for a console message containing text, and with
// forget removes it so that it does not fail the test.
func (tb *tab) sawConsole(text string, forget bool) bool {
	deadline := time.Now().Add(3 * time.Second)
	for {
		tb.mu.Lock()
		i := slices.IndexFunc(tb.console, func(m chromedp.ConsoleMessage) bool { return strings.Contains(m.Text, text) })
		if i >= 0 && forget {
			tb.console = slices.Delete(tb.console, i, i+1)
		}
		tb.mu.Unlock()
		if i >= 0 {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (tb *tab) checkConsole() {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, m := range tb.console {
		if m.Type != chromedp.ConsoleError && m.Type != chromedp.ConsoleException {
			continue
		}
		if m.Source == "network" && networkStatus.MatchString(m.Text) && !strings.Contains(m.URL, "/static/") {
			continue
		}
		tb.t.Errorf("browser console %s: %s (%s)", m.Type, m.Text, m.URL)
	}
}

// within gives one wait its own, shorter deadline, so that a missing element
// fails fast with a clear message and not at the end of the journey.
func within(tb *tab) (context.Context, context.CancelFunc) {
	return context.WithTimeout(tb.ctx, waitTimeout)
}

// ---------------------------------------------------------------------------
// Pages

// visit opens path, requires a 200, then screenshots and checks the page.
func visit(t *testing.T, tb *tab, path string) {
	t.Helper()
	visitStatus(t, tb, path, http.StatusOK)
}

// visitStatus opens path and requires the given HTTP status (after
// redirects), then screenshots and checks the page.
func visitStatus(t *testing.T, tb *tab, path string, want int64) {
	t.Helper()
	ctx, cancel := within(tb)
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(baseURL+path))
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	if resp.Status != want {
		t.Errorf("open %s: HTTP %d %s, want %d", path, resp.Status, resp.StatusText, want)
	}
	seen(t, tb, slug(path))
}

// follow does something that loads a new page (clicks a link, submits a
// form, presses Enter) and waits for the page; then screenshots and checks
// it. It returns the HTTP status of the new page.
func follow(t *testing.T, tb *tab, name string, action chromedp.Action[chromedp.Void]) int64 {
	t.Helper()
	ctx, cancel := within(tb)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, action)
	if err != nil {
		t.Fatalf("%s: waiting for the next page: %v", name, err)
	}
	seen(t, tb, name)
	if resp == nil {
		return 0
	}
	return resp.Status
}

// click follows the first element matching the CSS selector.
func click(t *testing.T, tb *tab, name, sel string) int64 {
	t.Helper()
	return follow(t, tb, name, chromedp.Click(chromedp.CSS(sel)))
}

// seen records a page every journey reaches: a screenshot, the axe check
// and the check that it fits a 320 px wide window.
func seen(t *testing.T, tb *tab, name string) {
	t.Helper()
	shot(t, tb, name)
	checkA11y(t, tb)
	checkReflow(t, tb, name)
}

var slugChars = regexp.MustCompile(`[^a-zA-Z0-9]+`)

func slug(path string) string {
	s := strings.Trim(slugChars.ReplaceAllString(path, "-"), "-")
	if s == "" {
		return "home"
	}
	return s
}

// ---------------------------------------------------------------------------
// Screenshots

var (
	shotMu    sync.Mutex
	shotCount = map[string]int{}
)

// shot saves a full-page PNG as screenshots/<TestName>/<NN>-<name>.png. The
// first shot of a test empties that test's folder.
func shot(t *testing.T, tb *tab, name string) {
	t.Helper()
	ctx, cancel := within(tb)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	saveArtifact(t, name, "png", png)
}

// saveArtifact writes the next numbered file of the test's screenshot folder.
func saveArtifact(t *testing.T, name, ext string, data []byte) string {
	t.Helper()
	dir := filepath.Join("screenshots", slugChars.ReplaceAllString(t.Name(), "_"))
	shotMu.Lock()
	n := shotCount[t.Name()] + 1
	shotCount[t.Name()] = n
	shotMu.Unlock()
	if n == 1 {
		_ = os.RemoveAll(dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("screenshot folder: %v", err)
	}
	path := filepath.Join(dir, fmt.Sprintf("%02d-%s.%s", n, slug(name), ext))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatalf("save %s: %v", path, err)
	}
	return path
}

// ---------------------------------------------------------------------------
// Accessibility

type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	HelpURL string   `json:"helpUrl"`
	Count   int      `json:"count"`
	Targets []string `json:"targets"`
	HTML    string   `json:"html"`
	Summary string   `json:"summary"`
}

// axeRun runs axe-core and reports its violations but one: GOV.UK Frontend
// sets aria-expanded on a radio or checkbox that reveals a follow-up
// question. ARIA does not list the attribute for those roles, but GOV.UK
// keeps it on purpose, as screen readers announce it (a known issue:
// https://github.com/alphagov/govuk-frontend/issues/979), so it is allowed
// on exactly those inputs and nowhere else.
const axeRun = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
  .then(r => r.violations.map(v => v.id !== 'aria-allowed-attr' ? v : {...v, nodes: v.nodes.filter(n =>
      !(/^<input class="govuk-(radios|checkboxes)__input"[^>]* aria-controls="conditional-/.test(n.html)
        && !/not allowed: (?!aria-expanded=)/.test(n.failureSummary || '')))})
    .filter(v => v.nodes.length).map(v => ({
    id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl, count: v.nodes.length,
    targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
    html: v.nodes.length ? v.nodes[0].html.slice(0, 300) : '',
    summary: v.nodes.length ? (v.nodes[0].failureSummary || '').slice(0, 400) : '',
  })))`

// checkA11y runs axe-core on the page and fails the test for each WCAG 2.0,
// 2.1 and 2.2 A/AA violation it finds.
func checkA11y(t *testing.T, tb *tab) {
	t.Helper()
	vs := axeViolations(t, tb)
	if len(vs) == 0 {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "axe: %d accessibility violation(s) on %s:", len(vs), here(t, tb))
	for _, v := range vs {
		fmt.Fprintf(&b, "\n  - %s (%s): %s [%d element(s)] %s\n      at %s\n      html: %s\n      %s",
			v.ID, v.Impact, v.Help, v.Count, v.HelpURL, strings.Join(v.Targets, " | "), v.HTML,
			strings.ReplaceAll(v.Summary, "\n", "\n      "))
	}
	t.Error(b.String())
}

// axeViolations injects axe-core into the page once and runs it.
func axeViolations(t *testing.T, tb *tab) []axeViolation {
	t.Helper()
	ctx, cancel := within(tb)
	defer cancel()
	if tb.jsOff {
		// axe.run waits on timers, which never fire while scripts are off.
		// Turn them on just for the check: the page's own scripts were
		// skipped when it loaded and do not run now (the no-JS journey
		// checks that), so the page stays as a no-JS visitor sees it.
		if err := setScripts(ctx, true); err != nil {
			t.Fatalf("axe: %v", err)
		}
		defer func() {
			if err := setScripts(ctx, false); err != nil {
				t.Fatalf("axe: %v", err)
			}
		}()
	}
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.axe === "object"`))
	if err != nil {
		t.Fatalf("axe: %v", err)
	}
	if !loaded {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](axeSource+"\n;true")); err != nil {
			t.Fatalf("load axe-core: %v", err)
		}
	}
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("run axe-core: %v", err)
	}
	return vs
}

// setScripts turns the page's JavaScript on or off.
func setScripts(ctx context.Context, on bool) error {
	_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
	return err
}

// ---------------------------------------------------------------------------
// Reading and typing

// text returns the visible text of the first element matching sel, waiting
// for it to appear.
func text(t *testing.T, tb *tab, sel string) string {
	t.Helper()
	ctx, cancel := within(tb)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("read %q: %v", sel, err)
	}
	return strings.Join(strings.Fields(s), " ")
}

// value returns the value of a form field.
func value(t *testing.T, tb *tab, sel string) string {
	t.Helper()
	ctx, cancel := within(tb)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("read the value of %q: %v", sel, err)
	}
	return s
}

// eval evaluates a JavaScript expression in the page. The DevTools protocol
// may do so in a no-JS tab too, while the page's own scripts stay off.
func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	ctx, cancel := within(tb)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// do runs actions that return nothing, such as typing, with the short wait.
func do(t *testing.T, tb *tab, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := within(tb)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// here returns the current address without the server part.
func here(t *testing.T, tb *tab) string {
	t.Helper()
	ctx, cancel := within(tb)
	defer cancel()
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatalf("read the address: %v", err)
	}
	return strings.TrimPrefix(loc, baseURL)
}

// mustContain fails unless the page's main text contains every want.
func mustContain(t *testing.T, tb *tab, sel string, wants ...string) {
	t.Helper()
	got := text(t, tb, sel)
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s on %s does not say %q; it says:\n%s", sel, here(t, tb), w, clip(got, 600))
		}
	}
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// tabTo presses Tab until the focused element matches the CSS selector, as a
// keyboard user would, and fails after 40 presses.
func tabTo(t *testing.T, tb *tab, sel string) int {
	t.Helper()
	for n := 1; n <= 40; n++ {
		do(t, tb, "press Tab", chromedp.KeyEvent(kb.Tab))
		if eval[bool](t, tb, fmt.Sprintf(`document.activeElement !== null && document.activeElement.matches(%q)`, sel)) {
			return n
		}
	}
	t.Fatalf("pressing Tab 40 times never reached %s", sel)
	return 0
}

// focused describes the element that has the keyboard focus.
func focused(t *testing.T, tb *tab) string {
	t.Helper()
	return eval[string](t, tb, `(e => e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : '') : '')(document.activeElement)`)
}

// signIn signs in with the form, by mouse, and expects the dashboard.
//
// The app allows 5 failed sign-ins a minute per email and 120 attempts a
// minute from one address (web.Options), and every test signs in from
// 127.0.0.1: keep the package well under 120 sign-ins.
func signIn(t *testing.T, tb *tab, email string) {
	t.Helper()
	visit(t, tb, "/sign-in")
	do(t, tb, "fill in the sign-in form",
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), demoPassword))
	click(t, tb, "signed-in", `main form button[type=submit]`)
	if p := here(t, tb); p != "/dashboard" {
		if strings.Contains(text(t, tb, "main"), "Too many sign-in attempts") {
			t.Fatalf("sign in as %s: the app's sign-in limit was hit; the journeys must stay under it", email)
		}
		t.Fatalf("sign in as %s: landed on %s, want /dashboard; the page says:\n%s", email, p, clip(text(t, tb, "main"), 600))
	}
}
