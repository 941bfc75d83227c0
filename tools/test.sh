#!/usr/bin/env bash
# The README's second command: install what is missing, build with ASan and
# UBSan, run every test suite (unit, cli acceptance), and end with the plain
# line "N passed, M failed".  Exit status 0 only when nothing failed.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
tools/deps.sh test || { echo "0 passed, 1 failed"; exit 1; }
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export CMOCKA_MESSAGE_OUTPUT=TAP
b=build-test
if [ ! -f $b/build.ninja ]; then
	meson setup $b --buildtype=debug -Db_sanitize=address,undefined \
		-Dtests=enabled >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
fi
if ! ninja -C $b; then
	echo "build failed"
	echo "0 passed, 1 failed"
	exit 1
fi
# The README's first command builds with -O3, whose flow analysis warns
# about things -O0 does not see: that build must pass too (-Werror).
rel_fail=0
if { [ -f build-release/build.ninja ] || meson setup build-release \
	--buildtype=release -Dtests=disabled >/dev/null; } &&
	ninja -C build-release >/dev/null; then
	echo "ok - release build (build-release/)"
else
	echo "not ok - release build (build-release/) failed"
	rel_fail=1
fi
meson test -C $b --print-errorlogs --num-processes "$(nproc)" "$@"
# Count every case: TAP lines of each test, or the test itself when it
# printed none (or crashed before saying "not ok").
# "# SKIP" lines are skipped cases, neither passed nor failed.
counts=$(jq -rs '
	[ .[] | (.stdout // "") as $o
	  | [$o | splits("\n")] as $l
	  | ([$l[] | select(test("^ok ") and (test("# (SKIP|skip)") | not))] | length) as $ok
	  | ([$l[] | select(test("^not ok ") and (test("# (SKIP|skip|TODO)") | not))] | length) as $nok
	  | ([$l[] | select(test("^(not )?ok .*# (SKIP|skip)"))] | length) as $skip
	  | if ($ok + $nok + $skip) == 0 then
	      (if .result == "OK" or .result == "EXPECTEDFAIL" then [1,0,0] else [0,1,0] end)
	    elif (.result != "OK" and .result != "SKIP" and $nok == 0) then [$ok, 1, $skip]
	    else [$ok, $nok, $skip] end ]
	| "\(map(.[0]) | add // 0) \(map(.[1]) | add // 0) \(map(.[2]) | add // 0)"' \
	$b/meson-logs/testlog.json)
read -r pass fail skip <<<"$counts"
if [ "$rel_fail" = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
if [ "${skip:-0}" -gt 0 ]; then
	echo "${pass:-0} passed, ${fail:-1} failed, ${skip} skipped"
else
	echo "${pass:-0} passed, ${fail:-1} failed"
fi
[ "${fail:-1}" = 0 ]
