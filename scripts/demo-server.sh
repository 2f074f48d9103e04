# Sourced by the sign-in scripts: builds bin/lightbulb into a temporary
# folder, loads the demo into a fresh SQLite database there and serves it on
# a free loopback port, trusting X-Forwarded-For so each attempt can come
# from its own address. Sets work (the folder), pid (the server) and port,
# waits until /healthz answers, and stops the server and removes the folder
# when the calling script ends.
work=$(mktemp -d)
pid=
cleanup() { [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }; rm -rf "$work"; }
trap cleanup EXIT
go build -o "$work/lightbulb" ./cmd/lightbulb
"$work/lightbulb" demo --db "sqlite:$work/lb.db" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$work/lightbulb" serve --db "sqlite:$work/lb.db" --addr "127.0.0.1:$port" --client-ip-header X-Forwarded-For \
	>/dev/null 2>"$work/serve.log" &
pid=$!
for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
