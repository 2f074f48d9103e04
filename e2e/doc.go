// Package e2e holds Lightbulb's real-browser journey tests.
//
// The tests build the lightbulb binary, load the demo data into a throwaway
// SQLite database, start one server and one headless Chromium, and walk
// through the site as visitors, staff and administrators would. Every page
// they reach is checked with axe-core (WCAG 2.2 AA rules) and saved as a
// full-page screenshot under e2e/screenshots/<TestName>/ (git-ignored).
//
// They run only when LIGHTBULB_E2E=1, which scripts/test.sh sets when
// Chromium and node_modules/axe-core are present:
//
//	npm ci && npm run build
//	LIGHTBULB_E2E=1 go test ./e2e/ -count=1 -v
//
// LIGHTBULB_CHROMIUM chooses the browser (default /usr/bin/chromium), and
// LIGHTBULB_REQUIRE_E2E=1 turns a skip into a failure.
package e2e
