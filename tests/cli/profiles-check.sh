#!/usr/bin/env bash
# Profiles as data: every shipped profile loads; the sixth, hypothetical
# region of docs/profiles.md loads and screens a candidate, and the doc's
# copy is the very file; every malformed profile in
# tests/fixtures/profiles/bad is rejected with exit 2, nothing on standard
# output, and an error naming its file and the line in bad/EXPECTED.
# A holiday file whose name and year disagree is refused too.  Prints TAP.
set -u
selter=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
fix="$root/tests/fixtures"
export SELTER_DATA="$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); echo "not ok $n - $1"; }

for id in pekalongan-2022 pekalongan-2022-covid demak-2022 demak-2022-covid pontianak-2015; do
	if "$selter" profiles | grep -q "\"id\":\"$id\""; then ok "profile $id is listed"; else nok "profile $id is listed"; fi
done

ex="$fix/profiles/contoh-2024.json"
sed -n '/<!-- begin tests\/fixtures\/profiles\/contoh-2024.json -->/,/<!-- end tests\/fixtures\/profiles\/contoh-2024.json -->/p' \
	"$root/docs/profiles.md" | sed '1,2d;$d' | sed '$d' > "$tmp/doc.json"
if cmp -s "$tmp/doc.json" "$ex"; then ok "docs/profiles.md example equals $ex"; else
	nok "docs/profiles.md example equals $ex"; diff "$ex" "$tmp/doc.json" | head -5 | sed 's/^/# /'; fi
cat > "$tmp/post.json" <<'JSON'
{"title": "Kepala Dinas Pendidikan", "level": "jpt_pratama", "echelon": "II.b", "kind": "agency_head",
 "fields": ["pendidikan"], "agency": {"name": "Pemerintah Kabupaten Contoh", "kind": "regency", "province": "Nusa Contoh"}}
JSON
sed 's/Pemerintah Kabupaten Demak/Pemerintah Kabupaten Contoh/; s/Jawa Tengah/Nusa Contoh/; s/"kesehatan"/"pendidikan"/g' \
	"$fix/cli/budi.json" > "$tmp/cand.json"
if "$selter" eligibility --profile "$ex" --post "$tmp/post.json" --candidate "$tmp/cand.json" \
	--as-of 2024-05-02 >"$tmp/out" 2>"$tmp/err" && grep -q '"verdict"' "$tmp/out" &&
	grep -q '"citation":"Perbup Contoh 12/2024 ' "$tmp/out"; then
	ok "the sixth region's profile screens a candidate with its own citations"
else
	nok "the sixth region's profile screens a candidate"; sed 's/^/# /' "$tmp/err"
fi

while read -r f line; do
	"$selter" eligibility --profile "$fix/profiles/bad/$f" --post "$fix/cli/post.json" \
		--candidate "$fix/cli/budi.json" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc = 2 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l < "$tmp/err")" = 1 ] &&
		grep -q "bad/$f:$line: " "$tmp/err"; then
		ok "bad profile $f rejected at line $line"
	else
		nok "bad profile $f rejected at line $line (exit $rc)"; sed 's/^/# /' "$tmp/err"
	fi
done < "$fix/profiles/bad/EXPECTED"
# Holiday data: a file whose name and "year:" disagree is refused, naming
# the file (a renamed copy would otherwise count as the wrong year).
mkdir -p "$tmp/data/data/holidays" "$tmp/data/profiles"
cp "$root"/profiles/*.json "$tmp/data/profiles/"
sed 's/^year: 2023/year: 2024/; s/^2023-/2024-/' "$root/data/holidays/2023.txt" \
	> "$tmp/data/data/holidays/2023.txt"
SELTER_DATA="$tmp/data" "$selter" window --profile pontianak-2015 --published 2023-03-01 \
	--closing 2023-03-31 >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc = 2 ] && [ ! -s "$tmp/out" ] &&
	grep -q 'holidays/2023.txt: its "year:" is not 2023, the year in its name' "$tmp/err"; then
	ok "a holiday file named 2023.txt holding 2024 is refused"
else
	nok "a holiday file named 2023.txt holding 2024 is refused (exit $rc)"; sed 's/^/# /' "$tmp/err"
fi
echo "1..$n"
