#!/usr/bin/env bash
# Sign-in throughput at rising concurrency: successful sign-ins a second
# (real argon2id hashes, a session written each time) with 1, 4, 16 and 64
# attempts in flight at once, measured with wrk against `serve` on the demo,
# and the server's CPU time for each sign-in, which is steadier than the
# clock on a shared machine: if it does not grow with the attempts in
# flight, more of them at once cost no more.
# Each attempt comes from its own address (X-Forwarded-For), so the per-address
# throttle stays out of the way; answers other than 303 are counted apart
# (503 is "busy: try again", the bound on hashes at once).
#
#   bash scripts/signin-rate.sh              # 10 s at each level
#   DURATION=20 LEVELS="1 64" bash scripts/signin-rate.sh
#
# Loopback only; the server stops when the script ends.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=auto
DURATION=${DURATION:-10}
LEVELS=${LEVELS:-1 4 16 64}
if ! command -v wrk >/dev/null; then
	echo "signin-rate.sh: installing wrk (Debian package)" >&2
	if [ "$(id -u)" = 0 ]; then apt-get install -y -q wrk >/dev/null; else sudo apt-get install -y -q wrk >/dev/null; fi
fi
. scripts/demo-server.sh
cat >"$work/signin.lua" <<EOF
wrk.method = "POST"
wrk.body = "email=lead%40northbridge.test&password=lightbulb-demo"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = "http://127.0.0.1:$port"
local n = 0
request = function()
	n = n + 1
	wrk.headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.floor(n / 250) % 256, n % 250 + 1)
	return wrk.format()
end
EOF
# cpu: the server's CPU time so far, in ms (user + system, from /proc).
cpu() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat"; }
printf '%-10s %11s %10s %10s %15s %s\n' "in flight" "sign-ins/s" "p50" "p99" "CPU/sign-in" "answers other than 303"
for c in $LEVELS; do
	t=$(( c < 2 ? c : 2 ))
	c0=$(cpu)
	out=$(wrk -t"$t" -c"$c" -d"${DURATION}s" --timeout 30s --latency -s "$work/signin.lua" "http://127.0.0.1:$port/sign-in")
	c1=$(cpu)
	p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
	p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
	bad=$(awk '/Non-2xx or 3xx responses/ {print $NF}' <<<"$out")
	timeouts=$(awk '/Socket errors/ {for (i = 1; i < NF; i++) if ($i == "timeout") print $(i + 1)}' <<<"$out")
	# Only 303s are sign-ins: a "busy" 503 is answered fast and is not one.
	read -r total secs < <(awk '/requests in/ {sub(/s,$/, "", $4); print $1, $4}' <<<"$out")
	ok=$((total - ${bad:-0}))
	rps=$(awk -v n="$ok" -v s="$secs" 'BEGIN {printf "%.2f", n / s}')
	per=$(awk -v ms="$((c1 - c0))" -v n="$ok" 'BEGIN {printf "%.0f ms", n ? ms / n : 0}')
	printf '%-10s %11s %10s %10s %15s %s\n' "$c" "$rps" "$p50" "$p99" "$per" "${bad:-0}${timeouts:+ (timeouts $timeouts)}"
	sleep 2
done
echo "peak RSS: $(awk '/VmHWM/ {printf "%d MB", $2/1024}' "/proc/$pid/status")"
