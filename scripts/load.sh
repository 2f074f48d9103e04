#!/usr/bin/env bash
# Load test: each page's requests a second as a share of the reference page's
# (`lightbulb bench reference`: one indexed SQLite query, 20 rows rendered),
# measured with wrk on loopback, each page right after its own reference run so
# both see the same machine. Prints a table: page, requests/s, reference
# requests/s, ratio, p99.
#
#   bash scripts/load.sh                       # every page, 5 s each, 64 connections
#   DURATION=10 CONNS=64 bash scripts/load.sh /rights /cases
#   LB_DB=sqlite:/path/big.db bash scripts/load.sh /cases   # an existing database (not changed but for sessions)
#   LB_CASES=2500000 bash scripts/load.sh /cases /cases/indicators   # the demo plus 2.5 million cases
#
# LB_CASES=N adds N synthetic cases to the demo's Northbridge with
# `lightbulb bench cases --org northbridge-nhs` (the same cases every time;
# about a minute for 2.5 million). To seed once and measure many times:
#   lightbulb demo --db sqlite:/tmp/big.db
#   lightbulb bench cases --rows 2500000 --org northbridge-nhs --db sqlite:/tmp/big.db
#   LB_DB=sqlite:/tmp/big.db bash scripts/load.sh /cases /cases/indicators
#
# Everything listens on 127.0.0.1 only and stops when the script ends. It
# builds bin/lightbulb (run `make assets` first for the real assets), loads
# the demo into a temporary database unless LB_DB is given, and signs in as
# LB_EMAIL (default lead@northbridge.test, demo password) for every page.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=auto

DURATION=${DURATION:-5}
CONNS=${CONNS:-64}
THREADS=${THREADS:-2}
LB_EMAIL=${LB_EMAIL:-lead@northbridge.test}
LB_PASSWORD=${LB_PASSWORD:-lightbulb-demo}
PAGES=("$@")
[ ${#PAGES[@]} -gt 0 ] || PAGES=(/rights /rights/A8 /training /dashboard /decisions /cases /reviews/grid)
(( DURATION >= 1 && DURATION <= 60 )) || { echo "load.sh: DURATION must be 1 to 60 seconds" >&2; exit 2; }

if ! command -v wrk >/dev/null; then
	echo "load.sh: installing wrk (Debian package)" >&2
	if [ "$(id -u)" = 0 ]; then apt-get install -y -q wrk >/dev/null; else sudo apt-get install -y -q wrk >/dev/null; fi
fi

work=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/lightbulb" ./cmd/lightbulb
db=${LB_DB:-sqlite:$work/lightbulb.db}
if [ -z "${LB_DB:-}" ]; then
	"$work/lightbulb" demo --db "$db" >/dev/null
	if [ -n "${LB_CASES:-}" ]; then
		echo "load.sh: adding $LB_CASES synthetic cases to the demo's Northbridge" >&2
		"$work/lightbulb" bench cases --rows "$LB_CASES" --org northbridge-nhs --db "$db" >"$work/seed.log"
	fi
fi

# wait_for URL: until it answers, at most 20 seconds.
wait_for() {
	for _ in $(seq 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done
	echo "load.sh: $1 did not answer" >&2; exit 1
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

lport=$(free_port)
"$work/lightbulb" serve --db "$db" --addr "127.0.0.1:$lport" --log-format text 2>"$work/serve.log" >/dev/null &
pids+=($!)
rport=$(free_port)
"$work/lightbulb" bench reference --addr "127.0.0.1:$rport" --dir "$work" >/dev/null 2>&1 &
pids+=($!)
lb=http://127.0.0.1:$lport ref=http://127.0.0.1:$rport
wait_for "$lb/healthz"
wait_for "$ref/"

curl -s -o /dev/null -c "$work/jar" -H "Origin: $lb" --data-urlencode "email=$LB_EMAIL" \
	--data-urlencode "password=$LB_PASSWORD" "$lb/sign-in"
cookie=$(awk '$6 == "lightbulb_session" {print $7}' "$work/jar")
[ -n "$cookie" ] || { echo "load.sh: could not sign in as $LB_EMAIL" >&2; exit 1; }

# run URL [Cookie]: wrk's requests/s, p99 in ms, and non-2xx count.
run() {
	local out
	out=$(wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --latency ${2:+-H "Cookie: lightbulb_session=$2"} "$1")
	awk '
		/Requests\/sec/ {rps=$2}
		$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; p99=v}
		/Non-2xx/ {bad=$NF}
		END {printf "%s %.1f %s\n", rps, p99, bad+0}' <<<"$out"
}

printf '%-16s %10s %10s %7s %9s %8s\n' page "req/s" "ref req/s" ratio "p99 ms" "non-2xx"
for page in "${PAGES[@]}"; do
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: lightbulb_session=$cookie" "$lb$page")
	[ "$code" = 200 ] || { echo "load.sh: $page answers $code, not 200" >&2; continue; }
	read -r rref _ _ < <(run "$ref/")
	read -r rlb p99 bad < <(run "$lb$page" "$cookie")
	ratio=$(awk -v a="$rlb" -v b="$rref" 'BEGIN {printf "%.2f", a/b}')
	printf '%-16s %10.0f %10.0f %7s %9s %8s\n' "$page" "$rlb" "$rref" "$ratio" "$p99" "$bad"
done
echo "($CONNS connections, $THREADS threads, ${DURATION}s a run; load average: $(cut -d' ' -f1-3 /proc/loadavg))"
