#!/usr/bin/env bash
# TAP: the commands around the store: `selter admin create`, `selter audit
# verify`, and `selter serve`'s refusal of a bad configuration.
# usage: store-commands.sh SELTER
set -u
selter=$1
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export SELTER_ARGON_MEM_KIB=8192
n=0 failed=0
check() {	# NAME, then the command; passes when it exits 0
	local name=$1; shift
	n=$((n + 1))
	if "$@" >"$t/out" 2>"$t/err"; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name"
		sed 's/^/# /' "$t/out" "$t/err"
		failed=$((failed + 1))
	fi
}
expect() {	# RC PATTERN CMD...: exit status RC, PATTERN in stdout+stderr
	local rc=$1 pat=$2; shift 2
	"$@" >"$t/o" 2>&1
	local got=$?
	[ "$got" = "$rc" ] || { echo "exit $got, want $rc"; cat "$t/o"; return 1; }
	grep -q -- "$pat" "$t/o" || { echo "no \"$pat\" in:"; cat "$t/o"; return 1; }
}
db=$t/s.db
echo "1..10"
check "admin create: first administrator" \
	expect 0 'administrator "root" created' \
	sh -c "printf 'rahasia-sekali\n' | '$selter' admin create --db '$db' --login root --name Admin"
check "admin create: password too short, in Indonesian, exit 2" \
	expect 2 'Kata sandi harus 10 sampai 128 karakter' \
	sh -c "printf 'pendek\n' | '$selter' admin create --db '$db' --login root2 --name Admin"
check "admin create: login taken" \
	expect 2 'Nama pengguna sudah dipakai' \
	sh -c "printf 'rahasia-sekali\n' | '$selter' admin create --db '$db' --login root --name Admin"
check "admin create: no password on standard input" \
	expect 2 'no password on standard input' \
	sh -c "'$selter' admin create --db '$db' --login x --name X </dev/null"
check "audit verify: intact chain" \
	expect 0 'ok: 1 events, chain intact' "$selter" audit verify --db "$db"
check "audit verify: --db is required" \
	expect 2 'db' "$selter" audit verify
check "audit verify: unknown subcommand" \
	expect 2 'usage: selter audit verify' "$selter" audit check --db "$db"
printf 'port = 8080\nbogus = 1\n' >"$t/bad.conf"
check "serve: unknown setting names file and line" \
	expect 2 'bad.conf:2: unknown setting "bogus"' \
	"$selter" serve --config "$t/bad.conf" --db "$t/x.db"
printf 'port = 99999\n' >"$t/bad2.conf"
check "serve: a port out of range is refused" \
	expect 2 'bad2.conf:1: port: "99999" is not a number from 0 to 65535' \
	"$selter" serve --config "$t/bad2.conf" --db "$t/x.db"
check "serve: a bad environment value is refused" \
	expect 2 'SELTER_THREADS: threads' \
	env SELTER_THREADS=0 "$selter" serve --db "$t/x.db"
[ "$failed" = 0 ]
