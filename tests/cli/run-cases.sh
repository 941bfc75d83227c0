#!/usr/bin/env bash
# Acceptance tests: runs the built selter on fixture files and compares the
# whole outputs.  Each case is tests/cli/cases/NAME.cmd (the arguments, as
# shell words, run from tests/fixtures/cli), with NAME.out (standard
# output; absent = must be empty), NAME.err (standard error; absent = must
# be empty) and NAME.rc (exit status; absent = 0).  Prints TAP.
# SELTER_GOLDEN_UPDATE=1 rewrites the expected files (review the diff!).
set -u
selter=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
cases="$here/cases"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$here/../fixtures/cli" || exit 1
export SELTER_DATA="$here/../.."

names=$(cd "$cases" && ls ./*.cmd | sed 's|^\./||; s|\.cmd$||' | sort)
n=$(echo "$names" | wc -l)
echo "1..$n"
i=0
for c in $names; do
	i=$((i + 1))
	args=$(cat "$cases/$c.cmd")
	eval "\"\$selter\" $args" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "${SELTER_GOLDEN_UPDATE:-0}" = 1 ]; then
		if [ -s "$tmp/out" ]; then cp "$tmp/out" "$cases/$c.out"; else rm -f "$cases/$c.out"; fi
		if [ -s "$tmp/err" ]; then cp "$tmp/err" "$cases/$c.err"; else rm -f "$cases/$c.err"; fi
		if [ "$rc" != 0 ]; then echo "$rc" >"$cases/$c.rc"; else rm -f "$cases/$c.rc"; fi
	fi
	want_rc=0
	[ -f "$cases/$c.rc" ] && want_rc=$(cat "$cases/$c.rc")
	ok=1
	msg=""
	if [ "$rc" != "$want_rc" ]; then ok=0; msg="exit status $rc, expected $want_rc"; fi
	for s in out err; do
		if [ -f "$cases/$c.$s" ]; then
			if ! cmp -s "$cases/$c.$s" "$tmp/$s"; then
				ok=0
				diff -u "$cases/$c.$s" "$tmp/$s" | head -40 | sed 's/^/# /'
			fi
		elif [ -s "$tmp/$s" ]; then
			ok=0
			echo "# unexpected std$s:"; head -c 2000 "$tmp/$s" | sed 's/^/# /'
		fi
	done
	if [ $ok = 1 ]; then echo "ok $i - cli $c"; else echo "not ok $i - cli $c $msg"; fi
done
