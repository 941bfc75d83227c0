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
meson test -C $b --print-errorlogs --num-processes "$(nproc)" "$@"
# Count every case: TAP lines of each test, or the test itself when it
# printed none (or crashed before saying "not ok").
counts=$(jq -rs '
	[ .[] | (.stdout // "") as $o
	  | ([$o | splits("\n") | select(test("^ok "))] | length) as $ok
	  | ([$o | splits("\n") | select(test("^not ok "))] | length) as $nok
	  | if ($ok + $nok) == 0 then
	      (if .result == "OK" or .result == "EXPECTEDFAIL" then [1,0] else [0,1] end)
	    elif (.result != "OK" and $nok == 0) then [$ok, 1]
	    else [$ok, $nok] end ]
	| "\(map(.[0]) | add // 0) \(map(.[1]) | add // 0)"' \
	$b/meson-logs/testlog.json)
read -r pass fail <<<"$counts"
echo "${pass:-0} passed, ${fail:-1} failed"
[ "${fail:-1}" = 0 ]
