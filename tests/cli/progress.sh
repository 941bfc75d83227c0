#!/usr/bin/env bash
# A long batch shows a progress line on standard error when it is a
# terminal (run under script(1) for a pseudo-terminal), and nothing when it
# is not.  Prints TAP.
set -u
selter=$(realpath "$1")
fix=$(cd "$(dirname "$0")/../fixtures/cli" && pwd)
export SELTER_DATA="$fix/../../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
good=$(tr -d '\n' < "$fix/budi.json")
for _ in $(seq 3000); do echo "$good"; done > "$tmp/in.jsonl"
cmd="\"$selter\" eligibility --profile demak-2022 --post \"$fix/post.json\" --candidates \"$tmp/in.jsonl\" --as-of 2023-03-15 --jobs 2"
echo "1..2"
if command -v script >/dev/null; then
	script -qec "$cmd > /dev/null" "$tmp/tty" >/dev/null 2>&1
	if tr '\r' '\n' < "$tmp/tty" | grep -q 'selter: 3000 baris diperiksa (100%)'; then
		echo "ok 1 - progress line on a terminal"
	else
		echo "not ok 1 - progress line on a terminal"; tr '\r' '\n' < "$tmp/tty" | tail -3 | sed 's/^/# /'
	fi
else
	echo "ok 1 - progress line on a terminal # SKIP script(1) not installed"
fi
eval "$cmd" > /dev/null 2> "$tmp/err"
if [ ! -s "$tmp/err" ]; then echo "ok 2 - no progress when standard error is not a terminal"
else echo "not ok 2 - standard error not empty"; sed 's/^/# /' "$tmp/err"; fi
