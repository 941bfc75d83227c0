#!/usr/bin/env bash
# Every statement of the store prepares on PostgreSQL (issue 15 item 1):
# the SQL text of each db_sq() and store_del_row() in src/store/*.c, taken
# from the preprocessed source (so the column macros are expanded), with
# ?N made $N as the driver does, is PREPAREd on a throw-away cluster
# (tools/pg-cluster.sh) holding the PostgreSQL migrations.  This reaches
# the queries that the suites run on PostgreSQL do not.  TAP.
# usage: tools/pg-prepare.sh [CC]
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
cc=${1:-cc}
tmp=$(mktemp -d /tmp/selter-pgprep.XXXXXX)
cl=$(mktemp -d /tmp/selter-pg.XXXXXX)	# the cluster's own: postgres enters it
trap 'tools/pg-cluster.sh stop "$cl" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
for f in src/store/*.c; do
	case $f in src/store/db_sqlite.c) continue ;; esac
	"$cc" -E -P -Isrc $(pkg-config --cflags libpq) \
	    -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE "$f" \
	    >"$tmp/$(basename "$f").i" 2>/dev/null ||
	    { echo "not ok 1 - $f does not preprocess"; echo "1..1"; exit 1; }
done
python3 - "$tmp" >"$tmp/prep.sql" <<'EOF' || { echo "1..0 # no python3"; exit 1; }
import glob, re, sys
lit = r'((?:"(?:[^"\\]|\\.)*"\s*)+)'
n = 0
for p in sorted(glob.glob(sys.argv[1] + '/*.i')):
    s = open(p).read()
    for m in re.finditer(r'(?:db_sq|store_del_row)\s*\(\s*[^,]+,\s*' + lit +
                         r'[,)]', s):
        sql = ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
        sql = sql.encode().decode('unicode_escape')
        sql = re.sub(r'\?(\d+)', r'$\1', sql)
        n += 1
        name = p.split('/')[-1][:-2]
        print('\\echo STMT %d %s' % (n, name))
        print('PREPARE p%d AS %s;' % (n, sql))
EOF
loc=$(tools/pg-cluster.sh start "$cl") ||
	{ echo "not ok 1 - the PostgreSQL cluster did not start"; echo "1..1"; exit 1; }
cat src/store/sql/postgresql/*.sql | psql "$loc" -q -v ON_ERROR_STOP=1 \
    >/dev/null 2>"$tmp/mig.err"
mig=$?
psql "$loc" -q -f "$tmp/prep.sql" >"$tmp/out" 2>&1
total=$(grep -c '^STMT ' "$tmp/out")
bad=$(awk '/^STMT /{s=$0; next} /ERROR/{print s": "$0}' "$tmp/out")
n=0
fail=0
n=$((n + 1))
if [ "$mig" = 0 ]; then echo "ok $n - the PostgreSQL migrations apply"
else echo "not ok $n - the PostgreSQL migrations apply"; sed 's/^/# /' "$tmp/mig.err"; fail=1; fi
n=$((n + 1))
if [ "$total" -gt 150 ] && [ -z "$bad" ]; then
	echo "ok $n - all $total statements of src/store prepare on PostgreSQL"
else
	echo "not ok $n - $total statements, these do not prepare:"
	printf '%s\n' "$bad" | sed 's/^/# /'
	fail=1
fi
echo "1..$n"
exit $fail
