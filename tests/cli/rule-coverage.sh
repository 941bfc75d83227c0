#!/usr/bin/env bash
# Every rule id the code decides (every class but RC_WORKFLOW in
# src/core/rule.c) has at least one unit test whose name starts with it
# (RULE_TEST("ID", ...) in tests/unit).  Prints TAP.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
ids=$(grep -oE '\{ "[A-Z0-9-]+", RC_[A-Z]+ \}' "$root/src/core/rule.c" |
	grep -vE "RC_WORKFLOW|RC_ADM" | sed -E 's/\{ "([A-Z0-9-]+)".*/\1/')
n=0
for id in $ids; do
	n=$((n + 1))
	c=$(grep -hoE "RULE_TEST\(\"$id\"" "$root"/tests/unit/*.c | wc -l)
	if [ "$c" -gt 0 ]; then
		echo "ok $n - $id has $c unit tests"
	else
		echo "not ok $n - $id has no unit test named after it"
	fi
done
echo "1..$n"
