#!/usr/bin/env bash
# The migrations for PostgreSQL match SQLite's (issue 15 item 1): the same
# file names under src/store/sql/sqlite/ and src/store/sql/postgresql/,
# and src/store/meson.build lists the same numbers for both, in the same
# order (a migration's number is the version it makes).  TAP.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
d=src/store/sql
n=0
fail=0
check() {	# check NAME STATUS [DETAIL]
	n=$((n + 1))
	if [ "$2" = 0 ]; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1"
		[ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/# /'
		fail=1
	fi
}
diffs=$(diff <(ls $d/sqlite/ | grep '\.sql$') \
    <(ls $d/postgresql/ | grep '\.sql$'))
check "one postgresql/ file per sqlite/ file, the same names" \
    "$([ -z "$diffs" ] && echo 0 || echo 1)" "$diffs"
lite=$(grep -o "sql/sqlite/[0-9A-Za-z_]*\.sql" src/store/meson.build |
    sed 's|sql/sqlite/||')
pg=$(grep -o "sql/postgresql/[0-9A-Za-z_]*\.sql" src/store/meson.build |
    sed 's|sql/postgresql/||')
diffs=$(diff <(printf '%s\n' "$lite") <(printf '%s\n' "$pg"))
check "src/store/meson.build lists both in the same order" \
    "$([ -z "$diffs" ] && echo 0 || echo 1)" "$diffs"
# No SQLite-only construct in a PostgreSQL migration.
bad=$(grep -nE 'RAISE\(ABORT|\bBLOB\b|INTEGER PRIMARY KEY|AUTOINCREMENT|PRAGMA' \
    $d/postgresql/*.sql | grep -vE '^[^:]*:[0-9]+:[[:space:]]*--')
check "no SQLite-only syntax in postgresql/" \
    "$([ -z "$bad" ] && echo 0 || echo 1)" "$bad"
echo "1..$n"
exit $fail
