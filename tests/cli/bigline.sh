#!/usr/bin/env bash
# Bad input that cannot live in the repository: a 100 MB line between two
# good candidates in a batch.  The long line is reported on standard error
# with its line number and yields an error object; the others are screened;
# the output keeps input order.  Prints TAP.
set -u
selter=$(realpath "$1")
fix=$(cd "$(dirname "$0")/../fixtures/cli" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SELTER_DATA="$fix/../../.."
good=$(tr -d '\n' < "$fix/budi.json")
{
	echo "$good"
	printf '{"nip": "'
	head -c 104857600 /dev/zero | tr '\0' '7'
	printf '"}\n'
	echo "$good"
} > "$tmp/in.jsonl"
"$selter" eligibility --profile demak-2022 --post "$fix/post.json" \
	--candidates "$tmp/in.jsonl" --as-of 2023-03-15 \
	--appointment 2023-06-01 >"$tmp/out" 2>"$tmp/err"
rc=$?
echo "1..6"
[ $rc = 0 ] && echo "ok 1 - bigline exit status 0" || echo "not ok 1 - bigline exit status $rc"
[ "$(wc -l < "$tmp/out")" = 3 ] && echo "ok 2 - bigline three output lines" ||
	echo "not ok 2 - bigline $(wc -l < "$tmp/out") output lines"
if [ "$(sed -n 2p "$tmp/out")" = '{"nip":null,"error":"line longer than 1048576 bytes"}' ] &&
	[ "$(sed -n 1p "$tmp/out" | cut -c1-21)" = '{"nip":"1975051220000' ] &&
	[ "$(sed -n 3p "$tmp/out")" = "$(sed -n 1p "$tmp/out")" ]; then
	echo "ok 3 - bigline error object in place, neighbours screened"
else
	echo "not ok 3 - bigline output"; head -c 500 "$tmp/out" | sed 's/^/# /'
fi
grep -qx 'selter: .*in.jsonl:2: line longer than 1048576 bytes' "$tmp/err" &&
	echo "ok 4 - bigline stderr names line 2" ||
	{ echo "not ok 4 - bigline stderr"; sed 's/^/# /' "$tmp/err"; }

# The limit itself: a line of exactly 1048576 bytes is read (and judged on
# its content), one byte more is "longer than".  Neither is dropped.
for n in 1048576 1048577; do
	{
		echo "$good"
		printf '{"nip": "'
		head -c $((n - 11)) /dev/zero | tr '\0' '7'
		printf '"}\n'
		echo "$good"
	} > "$tmp/edge.jsonl"
	"$selter" eligibility --profile demak-2022 --post "$fix/post.json" \
		--candidates "$tmp/edge.jsonl" --as-of 2023-03-15 >"$tmp/out" 2>/dev/null
	line2=$(sed -n 2p "$tmp/out")
	lines=$(wc -l < "$tmp/out")
	if [ "$n" = 1048576 ]; then
		case "$line2" in
		*"longer than"*) echo "not ok 5 - bigline $n bytes refused as too long" ;;
		*'"error"'*) [ "$lines" = 3 ] && echo "ok 5 - bigline $n bytes is read and judged" ||
			echo "not ok 5 - bigline $n: $lines lines" ;;
		*) echo "not ok 5 - bigline $n: ${line2:0:80}" ;;
		esac
	else
		[ "$lines" = 3 ] && [ "$line2" = '{"nip":null,"error":"line longer than 1048576 bytes"}' ] &&
			echo "ok 6 - bigline $n bytes is longer than the limit" ||
			echo "not ok 6 - bigline $n: $lines lines, ${line2:0:80}"
	fi
done
