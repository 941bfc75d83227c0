#!/usr/bin/env bash
# The README's first command: install what is missing, build, and run the
# demo screening (a vacancy in Demak, eleven demo candidates covering every
# verdict and a malformed record) as a readable table.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh run
[ -f build-release/build.ninja ] ||
	meson setup build-release --buildtype=release -Dtests=disabled >/dev/null
ninja -C build-release >/dev/null
selter=build-release/src/cli/selter
echo "== selter demo: screening applicants for Kepala Dinas Kesehatan, Kabupaten Demak"
echo "== closing date 2023-03-15, planned appointment 2023-06-01"
echo
"$selter" eligibility --profile demak-2022 --post demo/post.json \
	--candidates demo/candidates.jsonl --as-of 2023-03-15 \
	--appointment 2023-06-01 --format table 2>&1
echo
echo "== One candidate in full, with every rule's detail and citation:"
echo
"$selter" eligibility --profile demak-2022 --post demo/post.json \
	--candidate <(sed -n 7p demo/candidates.jsonl) --as-of 2023-03-15 \
	--appointment 2023-06-01 --format table
cat <<MSG

Next: $selter --help; every command has --help with examples.
The web application comes with a later issue; this build has no logins yet.
MSG
