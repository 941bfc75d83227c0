#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests (docs/postgresql.md):
# initdb in a temporary directory, listening only on a Unix socket there,
# run by an unprivileged user (postgres when this runs as root), with the
# C collation the store requires.  fsync is off: the cluster holds test
# data only and dies with the run.
#
# usage: tools/pg-cluster.sh start DIR   prints the store location
#        tools/pg-cluster.sh stop DIR    stops it and removes DIR
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
	echo "pg-cluster: no PostgreSQL server (apt-get install postgresql)" >&2
	exit 1
fi
as=()
if [ "$(id -u)" -eq 0 ]; then
	as=(runuser -u postgres --)
fi
cmd=${1:-}
dir=${2:-}
[ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

case "$cmd" in
start)
	mkdir -p "$dir"
	[ ${#as[@]} -eq 0 ] || chown postgres: "$dir"
	"${as[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust \
	    --locale=C -E UTF8 >"$dir/initdb.log" 2>&1 ||
	    { cat "$dir/initdb.log" >&2; exit 1; }
	"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
	    -o "-k $dir -c listen_addresses='' -c fsync=off \
	    -c full_page_writes=off -c max_connections=200" \
	    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
	"${as[@]}" "$bin/createdb" -h "$dir" -U postgres selter_test
	echo "postgresql:///selter_test?host=$dir&user=postgres"
	;;
stop)
	if [ -f "$dir/data/postmaster.pid" ]; then
		"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w \
		    stop >/dev/null || true
	fi
	rm -rf "$dir"
	;;
*)
	echo "usage: $0 start|stop DIR" >&2
	exit 2
	;;
esac
