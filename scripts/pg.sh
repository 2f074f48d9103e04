#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for the store tests.
#
#   eval "$(bash scripts/pg.sh start)"   # exports LIGHTBULB_TEST_POSTGRES and LIGHTBULB_PG_DIR
#   bash scripts/pg.sh stop "$LIGHTBULB_PG_DIR"
#   bash scripts/pg.sh bindir             # prints the server bin dir, exit 1 if none
#
# The cluster lives entirely in a fresh temp folder (data dir + unix socket),
# never listens on TCP, and is tuned for speed, not durability. Only the
# export lines go to stdout; every message goes to stderr.
#
# PostgreSQL refuses to run as root, so as root the server runs as the
# `postgres` user (LIGHTBULB_PG_OS_USER overrides it). Set LIGHTBULB_PG_BIN to
# force a particular bin directory.
set -euo pipefail

DB_NAME=lightbulb_test
MARKER=.lightbulb-pg

log() { echo "pg.sh: $*" >&2; }
die() { echo "pg.sh: ERROR: $*" >&2; exit 1; }

# find_bindir prints the directory holding initdb, pg_ctl and postgres.
find_bindir() {
	local d
	if [[ -n "${LIGHTBULB_PG_BIN:-}" ]]; then
		[[ -x "$LIGHTBULB_PG_BIN/initdb" && -x "$LIGHTBULB_PG_BIN/pg_ctl" ]] || return 1
		echo "$LIGHTBULB_PG_BIN"
		return 0
	fi
	# Newest Debian-style install first (sort -V so 15 beats 9.6).
	while IFS= read -r d; do
		if [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]]; then
			echo "$d"
			return 0
		fi
	done < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV)
	# Otherwise whatever pg_ctl is on PATH (following symlinks).
	if command -v pg_ctl >/dev/null 2>&1; then
		d=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
		if [[ -x "$d/initdb" && -x "$d/postgres" ]]; then
			echo "$d"
			return 0
		fi
	fi
	return 1
}

# as_owner runs a command as the OS user that owns the cluster.
as_owner() {
	if [[ $(id -u) -eq 0 ]]; then
		# cd / so the server user is not stuck in a cwd it cannot read.
		(cd / && runuser -u "$OS_USER" -- "$@")
	else
		"$@"
	fi
}

set_os_user() {
	if [[ $(id -u) -eq 0 ]]; then
		OS_USER=${LIGHTBULB_PG_OS_USER:-postgres}
		id -u "$OS_USER" >/dev/null 2>&1 ||
			die "running as root but user '$OS_USER' does not exist (PostgreSQL will not run as root; install postgresql-15 or create the user)"
		command -v runuser >/dev/null 2>&1 || die "running as root but runuser is missing (util-linux)"
	else
		OS_USER=$(id -un)
	fi
}

cmd_start() {
	local t0 url
	# bindir and dir are global: the cleanup trap needs them.
	t0=$(date +%s.%N)
	bindir=$(find_bindir) ||
		die "no PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin and for pg_ctl on PATH); install postgresql-15 (apt-get install postgresql-15)"
	set_os_user

	# Keep the path short: unix socket paths are limited to ~107 bytes.
	# As root use /tmp so the postgres user can reach it whatever TMPDIR is.
	local base=/tmp
	if [[ $(id -u) -ne 0 && -n "${TMPDIR:-}" && ${#TMPDIR} -le 60 && -d "$TMPDIR" ]]; then
		base=${TMPDIR%/}
	fi
	dir=$(mktemp -d "$base/lightbulb-pg.XXXXXX")
	touch "$dir/$MARKER"
	# Clean up if anything below fails.
	trap 'rc=$?; if [[ $rc -ne 0 ]]; then
		[[ -f "$dir/server.log" ]] && { echo "pg.sh: --- server log ---" >&2; tail -n 30 "$dir/server.log" >&2; }
		as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
		rm -rf "$dir"; fi' EXIT
	chmod 700 "$dir"
	if [[ $(id -u) -eq 0 ]]; then
		chown "$OS_USER" "$dir" "$dir/$MARKER"
	fi

	log "initdb ($bindir) in $dir as $OS_USER"
	if ! as_owner "$bindir/initdb" -D "$dir/data" -U "$OS_USER" --auth=trust \
		--encoding=UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1; then
		cat "$dir/initdb.log" >&2
		die "initdb failed"
	fi

	cat >>"$dir/data/postgresql.conf" <<EOF

# --- lightbulb test cluster ---
listen_addresses = ''
unix_socket_directories = '$dir'
max_connections = 200
shared_buffers = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
checkpoint_timeout = 1h
max_wal_size = 1GB
log_min_messages = warning
logging_collector = off
EOF

	if ! as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -s start >&2; then
		die "pg_ctl start failed"
	fi

	if ! "$bindir/createdb" -h "$dir" -U "$OS_USER" "$DB_NAME" >&2; then
		die "createdb $DB_NAME failed"
	fi
	trap - EXIT

	url="postgres:///$DB_NAME?host=$dir&user=$OS_USER&sslmode=disable"
	log "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') ready in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')s (socket dir $dir)"
	printf "export LIGHTBULB_TEST_POSTGRES='%s'\n" "$url"
	printf "export LIGHTBULB_PG_DIR='%s'\n" "$dir"
}

cmd_stop() {
	local dir=${1:-${LIGHTBULB_PG_DIR:-}}
	[[ -n "$dir" ]] || die "usage: pg.sh stop DIR"
	if [[ -d "$dir" ]]; then dir=$(cd "$dir" && pwd -P); fi
	if [[ ! -d "$dir" ]]; then
		log "$dir does not exist; nothing to stop"
		return 0
	fi
	# Refuse to rm -rf something we did not create.
	[[ -f "$dir/$MARKER" ]] || die "$dir was not created by pg.sh start (no $MARKER); refusing to remove it"
	if [[ -f "$dir/data/postmaster.pid" ]]; then
		set_os_user
		local bindir
		bindir=$(find_bindir) || die "no PostgreSQL server binaries found; cannot stop $dir"
		if ! as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 -s stop >&2; then
			log "fast stop failed; trying immediate"
			as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 -s stop >&2 || true
		fi
	fi
	rm -rf "$dir"
	log "stopped and removed $dir"
}

case "${1:-}" in
start) cmd_start ;;
stop) shift; cmd_stop "$@" ;;
bindir) find_bindir || die "no PostgreSQL server binaries found (install postgresql-15)" ;;
*)
	echo "usage: $0 start | stop DIR | bindir" >&2
	exit 2
	;;
esac
