#!/usr/bin/env bash
# Body of `make test`: go vet, gofmt check, then go test on everything.
#
# Extra arguments are passed to `go test` (e.g. `bash scripts/test.sh -run TestStore -v`).
# LIGHTBULB_TEST_PKGS overrides the package list (default ./...).
#
# PostgreSQL store tests: uses LIGHTBULB_TEST_POSTGRES if set, otherwise starts a
# throwaway cluster with scripts/pg.sh when server binaries exist, otherwise skips
# them (or fails when LIGHTBULB_REQUIRE_POSTGRES=1).
# Browser tests: enabled when chromium and node_modules/axe-core exist, otherwise
# skipped (or fails when LIGHTBULB_REQUIRE_E2E=1).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Build with the toolchain pinned in go.mod, fetched through the module proxy.
export GOTOOLCHAIN="${GOTOOLCHAIN:-auto}"
[[ "$GOTOOLCHAIN" == local ]] && export GOTOOLCHAIN=auto

T0=$SECONDS
say() { echo "==> $*" >&2; }
fail() { echo "==> FAIL: $*" >&2; exit 1; }

# --- Chromium (browser tests) -------------------------------------------------
chromium=
if [[ -x /usr/bin/chromium ]]; then
	chromium=/usr/bin/chromium
elif command -v chromium >/dev/null 2>&1; then
	chromium=$(command -v chromium)
fi
e2e_missing=
[[ -n "$chromium" ]] || e2e_missing="chromium not found (apt-get install chromium)"
if [[ ! -f node_modules/axe-core/axe.min.js ]]; then
	e2e_missing="${e2e_missing:+$e2e_missing; }node_modules/axe-core/axe.min.js missing (run npm ci)"
fi
if [[ -z "$e2e_missing" ]]; then
	export LIGHTBULB_E2E=1 LIGHTBULB_CHROMIUM="$chromium"
	e2e_status="browser tests: enabled ($chromium)"
	say "$e2e_status"
else
	if [[ "${LIGHTBULB_REQUIRE_E2E:-}" == 1 ]]; then
		fail "LIGHTBULB_REQUIRE_E2E=1 but browser tests cannot run: $e2e_missing"
	fi
	e2e_status="browser tests: SKIPPED ($e2e_missing)"
	echo "" >&2
	echo "!!! SKIPPING browser tests: $e2e_missing" >&2
	echo "" >&2
fi

# --- PostgreSQL ---------------------------------------------------------------
pg_status=
if [[ -n "${LIGHTBULB_TEST_POSTGRES:-}" ]]; then
	pg_status="PostgreSQL: using LIGHTBULB_TEST_POSTGRES from the environment"
	say "$pg_status"
elif bash scripts/pg.sh bindir >/dev/null 2>&1; then
	say "starting throwaway PostgreSQL cluster"
	pg_env=$(bash scripts/pg.sh start) || fail "could not start a PostgreSQL test cluster (see messages above)"
	eval "$pg_env"
	export LIGHTBULB_TEST_POSTGRES LIGHTBULB_PG_DIR
	trap 'bash scripts/pg.sh stop "$LIGHTBULB_PG_DIR" || true' EXIT
	# Make Ctrl-C / kill still run the EXIT trap.
	trap 'exit 130' INT
	trap 'exit 143' TERM
	pg_status="PostgreSQL: throwaway cluster in $LIGHTBULB_PG_DIR"
else
	if [[ "${LIGHTBULB_REQUIRE_POSTGRES:-}" == 1 ]]; then
		fail "LIGHTBULB_REQUIRE_POSTGRES=1 but no PostgreSQL server binaries found (install postgresql-15) and LIGHTBULB_TEST_POSTGRES is not set"
	fi
	pg_status="PostgreSQL: SKIPPED (no server binaries)"
	echo "" >&2
	echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
	echo "!!! SKIPPING PostgreSQL store tests: no PostgreSQL server binaries found (install postgresql-15)" >&2
	echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
	echo "" >&2
fi

# --- go vet -------------------------------------------------------------------
t=$SECONDS
say "go vet ./..."
go vet ./... || fail "go vet reported problems"
say "go vet ok ($((SECONDS - t))s)"

# --- gofmt --------------------------------------------------------------------
say "gofmt check"
list_go_files() {
	# Tracked + untracked (not ignored) files; fall back to find outside git.
	if git ls-files >/dev/null 2>&1; then
		git ls-files -z --cached --others --exclude-standard -- '*.go'
	else
		find . -name node_modules -prune -o -name .git -prune -o -type f -name '*.go' -print0
	fi
}
if ! unformatted=$(
	list_go_files |
		while IFS= read -r -d '' f; do
			case "$f" in node_modules/* | */node_modules/*) continue ;; esac
			if [[ -f "$f" ]]; then printf '%s\0' "$f"; fi
		done |
		xargs -0 -r gofmt -l
); then
	fail "gofmt failed (syntax errors? see above)"
fi
if [[ -n "$unformatted" ]]; then
	echo "$unformatted" | sed 's/^/    /' >&2
	fail "files above are not gofmt-formatted (run: gofmt -w <file>)"
fi
say "gofmt ok"

# --- go test ------------------------------------------------------------------
t=$SECONDS
# shellcheck disable=SC2206 # word splitting of the package list is intended
pkgs=(${LIGHTBULB_TEST_PKGS:-./...})
say "go test -count=1 -p 2 -timeout 25m $* ${pkgs[*]}"
test_rc=0
go test -count=1 -p 2 -timeout 25m "$@" "${pkgs[@]}" || test_rc=$?

echo "" >&2
echo "==> $pg_status" >&2
echo "==> $e2e_status" >&2
if [[ $test_rc -ne 0 ]]; then
	echo "==> TESTS FAILED (go test exit $test_rc; go test $((SECONDS - t))s, total $((SECONDS - T0))s)" >&2
	exit "$test_rc"
fi
echo "==> ALL OK: vet, gofmt and tests passed (go test $((SECONDS - t))s, total $((SECONDS - T0))s)" >&2
