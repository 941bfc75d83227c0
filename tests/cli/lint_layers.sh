#!/usr/bin/env bash
# tools/lint refuses an include that points the wrong way: on a copy of the
# tree, a web file that includes the store and a core file that includes
# the application are each named; the tree as it is passes.  Prints TAP.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
cp -r "$root/src" "$root/bench" "$t/"
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); echo "not ok $n - $1"; printf '%s\n' "$2" | sed 's/^/# /'; }
layer_lines() { bash "$root/tools/lint" "$t" | grep 'layer\|layers below'; }
out=$(layer_lines)
if ! grep -q '^not ok' <<<"$out" && grep -c '^ok' <<<"$out" | grep -qv '^0$'; then
	ok "the tree as it is: every include points down"
else
	nok "the tree as it is: every include points down" "$(grep '^not ok' <<<"$out")"
fi
sed -i 's|^#include "base/banned.h"|#include "store/store.h"\n#include "base/banned.h"|' "$t/src/web/html.c"
sed -i 's|^#include "base/banned.h"|#include "app/app.h"\n#include "base/banned.h"|' "$t/src/core/date.c"
out=$(layer_lines)
if grep -q '^not ok.*src/web/html.c includes what its layer (web) may not: store/store.h' <<<"$out"; then
	ok "web including the store is named"
else
	nok "web including the store is named" "$out"
fi
if grep -q '^not ok.*src/core/date.c includes what its layer (core) may not: app/app.h' <<<"$out"; then
	ok "core including the application is named"
else
	nok "core including the application is named" "$out"
fi
if [ "$(grep -c '^not ok' <<<"$out")" = 2 ]; then
	ok "nothing else is named"
else
	nok "nothing else is named" "$(grep '^not ok' <<<"$out")"
fi
echo "1..$n"
