#!/usr/bin/env bash
# The built program's hardening (issue 11 item 6), read with readelf and
# strings: PIE, full RELRO with immediate binding, the stack protector,
# _FORTIFY_SOURCE's checked calls (optimised builds only: it needs the
# optimiser), no absolute path of the source tree inside; banned.h
# refuses strtok_r, ctime, asctime and mktemp; `selter version` names
# the linked libraries.  Prints TAP.
#
# usage: tests/cli/hardening.sh path/to/selter OPTIMIZATION CC
#   OPTIMIZATION: meson's (0, g, 1, 2, 3, s, plain); CC: the C compiler.
set -u
selter=$(realpath "$1")
opt=${2:-0}
cc=${3:-cc}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	[ -n "${2:-}" ] && printf '%s\n' "$2" | head -n 20 | sed 's/^/# /'
	return 0
}
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
check() {
	local name=$1 why
	shift
	if why=$("$@" 2>&1); then ok "$name"; else notok "$name" "$why"; fi
}

if ! command -v readelf >/dev/null; then
	skip "hardening read with readelf" "readelf not installed"
	echo "1..$n"
	exit 0
fi
readelf -hW "$selter" >"$tmp/h" && readelf -lW "$selter" >"$tmp/l" &&
    readelf -dW "$selter" >"$tmp/d" && readelf -sW --dyn-syms "$selter" >"$tmp/s"

pie() { grep -q 'Type: *DYN' "$tmp/h" && grep -q '(FLAGS_1).*PIE' "$tmp/d" ||
	{ grep 'Type:' "$tmp/h"; grep FLAGS "$tmp/d"; false; }; }
relro() { grep -q 'GNU_RELRO' "$tmp/l" || { echo "no GNU_RELRO segment"; false; }; }
now() { grep -q '(BIND_NOW)\|(FLAGS).*BIND_NOW\|(FLAGS_1).*NOW' "$tmp/d" ||
	{ grep FLAGS "$tmp/d"; echo "no BIND_NOW"; false; }; }
ssp() { grep -q '__stack_chk_fail' "$tmp/s" || { echo "no __stack_chk_fail"; false; }; }
fortify() {
	local k
	k=$(grep -oE '__[a-z_]+_chk(@[A-Z_.0-9]+)?' "$tmp/s" | sort -u | tr '\n' ' ')
	[ -n "$k" ] && echo "$k" || { echo "no __*_chk symbol"; false; }
}
check "PIE (Type: DYN, FLAGS_1 PIE)" pie
check "full RELRO: a GNU_RELRO segment" relro
check "full RELRO: immediate binding (BIND_NOW)" now
check "stack protector: __stack_chk_fail is linked" ssp
case $opt in
0 | plain) skip "_FORTIFY_SOURCE: __*_chk calls" "a -O$opt build: no optimiser, no fortify" ;;
*) check "_FORTIFY_SOURCE: __*_chk calls" fortify ;;
esac
abs() {
	strings -a "$selter" | grep -F "$src" | head -n 5 | grep . && return 1
	return 0
}
check "no absolute path of the source tree in the program" abs

# A program run from a copy outside the tree still finds its data through
# SELTER_DATA, and the one in the tree finds it alone.
finds_data() {
	(cd "$tmp" && env -u SELTER_DATA "$selter" profiles >"$tmp/p" 2>&1) &&
	    grep -q 'demak-2022' "$tmp/p" || { cat "$tmp/p"; false; }
}
check "the built program finds profiles/ above itself, from any directory" finds_data
elsewhere() {
	cp "$selter" "$tmp/selter-copy" &&
	    (cd "$tmp" && SELTER_DATA=$src "$tmp/selter-copy" profiles >"$tmp/p2" 2>&1) &&
	    grep -q 'demak-2022' "$tmp/p2" || { cat "$tmp/p2"; false; }
}
check "a copy outside the tree reads SELTER_DATA" elsewhere

# banned.h: each of these names is a compile error after it.
for f in strtok_r ctime asctime mktemp; do
	printf '#include <stdlib.h>\n#include <string.h>\n#include <time.h>\n#include "base/banned.h"\nvoid *f(void);\nvoid *f(void) { return (void *)%s; }\n' \
	    "$f" >"$tmp/b.c"
	if ! command -v "$cc" >/dev/null; then
		skip "banned.h refuses $f" "no C compiler"
	elif "$cc" -std=c17 -D_DEFAULT_SOURCE -I"$src/src" -c "$tmp/b.c" \
	    -o "$tmp/b.o" 2>"$tmp/b.err"; then
		notok "banned.h refuses $f" "it compiled"
	elif grep -q "sorry_${f}_is_a_banned_function" "$tmp/b.err"; then
		ok "banned.h refuses $f"
	else
		notok "banned.h refuses $f" "$(cat "$tmp/b.err")"
	fi
done

# selter version: its own, then one line a library, each with a version.
"$selter" version >"$tmp/v" 2>&1
rc=$?
shape() {
	local want="selter sqlite openssl libsodium libcurl libmicrohttpd yajl libxlsxwriter" got
	got=$(cut -d' ' -f1 "$tmp/v" | tr '\n' ' ')
	[ "$got" = "$want " ] || { echo "names: $got (want $want)"; false; } || return 1
	grep -qx "selter $("$selter" --version | cut -d' ' -f2)" "$tmp/v" ||
	    { echo "selter's line differs from --version"; false; } || return 1
	grep -vqE '^[a-z0-9]+ .*[0-9]+\.[0-9]+' "$tmp/v" &&
	    { grep -vE '^[a-z0-9]+ .*[0-9]+\.[0-9]+' "$tmp/v"; return 1; }
	grep -qE '^sqlite 3\.[0-9]+\.[0-9]+$' "$tmp/v" || { echo "sqlite's line"; false; }
}
check "selter version: exit 0" test "$rc" = 0
check "selter version: selter, then sqlite, openssl, libsodium, libcurl, libmicrohttpd, yajl, libxlsxwriter, each with a version" shape
"$selter" version extra >/dev/null 2>"$tmp/ve"
check "selter version ARG: exit 2" test "$?" = 2
echo "1..$n"
