#!/usr/bin/env bash
# Sign-in memory: the idle RSS of `serve` on the demo, then its peak RSS
# (VmHWM) while N sign-in attempts arrive at once (a third right, a third
# with a wrong password, a third for unknown addresses), and the answers.
#
#   bash scripts/signin-burst.sh          # N=64
#   N=16 bash scripts/signin-burst.sh
#
# Loopback only; the server stops when the script ends.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=auto
N=${N:-64}
(( N >= 1 && N <= 254 )) || { echo "signin-burst.sh: N must be 1 to 254" >&2; exit 2; }
. scripts/demo-server.sh
sleep 3
mem() { awk '/VmRSS|VmHWM/ {printf "%s %d MB  ", $1, $2/1024}' "/proc/$pid/status"; }
echo "idle: $(mem)"
start=$(date +%s.%N)
for i in $(seq "$N"); do
	case $((i % 3)) in
		0) e=nurse@northbridge.test p=lightbulb-demo ;;
		1) e=nurse@northbridge.test p=wrong-password-$i ;;
		2) e=nobody$i@example.org p=whatever-$i ;;
	esac
	# Each attempt from its own address, so the sign-in throttles stay out of the way.
	curl -s -o /dev/null -w '%{http_code}\n' -H "Origin: http://127.0.0.1:$port" -H "X-Forwarded-For: 192.0.2.$i" \
		--data-urlencode "email=$e" --data-urlencode "password=$p" "http://127.0.0.1:$port/sign-in" >>"$work/codes" &
done
wait $(jobs -p | grep -vx "$pid")
echo "after $N sign-ins at once: $(mem) in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b-a}') s"
echo "answers (303 signed in, 422 wrong, 503 busy: try again): $(sort "$work/codes" | uniq -c | awk '{printf "%s×%s ", $1, $2}')"
