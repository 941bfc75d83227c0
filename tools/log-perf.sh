#!/usr/bin/env bash
# log-perf.sh [N]: builds tools/log-perf.c with -O2 against the log's core
# (merkle.c, note.c, logcheck.c) and prints its figures for N events
# (default 1000000).  On demand only: not part of tools/test.sh.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cc -std=c17 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -I"$root/src" \
	"$root/tools/log-perf.c" "$root/src/core/merkle.c" "$root/src/core/note.c" \
	"$root/src/core/logcheck.c" "$root/src/base/str.c" "$root/src/base/buf.c" \
	"$root/src/base/arena.c" "$root/src/base/err.c" \
	-lcrypto -lsodium -o "$out/log-perf"
"$out/log-perf" "${1:-1000000}"
