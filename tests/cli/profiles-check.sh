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
ex6="$fix/profiles/teladan-2025.json"
sed -n '/<!-- begin tests\/fixtures\/profiles\/teladan-2025.json -->/,/<!-- end tests\/fixtures\/profiles\/teladan-2025.json -->/p' \
	"$root/docs/profiles.md" | sed '1,2d;$d' | sed '$d' > "$tmp/doc6.json"
if cmp -s "$tmp/doc6.json" "$ex6"; then ok "docs/profiles.md second example equals $ex6"; else
	nok "docs/profiles.md second example equals $ex6"; diff "$ex6" "$tmp/doc6.json" | head -5 | sed 's/^/# /'; fi
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

# --profiles DIR: a region's file in a directory of its own, outside the
# tree; the holidays are still the data directory's.
mkdir -p "$tmp/region" "$tmp/empty"
cp "$fix/profiles/teladan-2025.json" "$tmp/region/"
if "$selter" profiles --profiles "$tmp/region" >"$tmp/out" 2>"$tmp/err" &&
	[ "$(cat "$tmp/out")" = '[{"id":"teladan-2025","title":"Kabupaten Teladan: seleksi terbuka JPT Pratama (contoh rekaan kedua)","regulation":"Peraturan Bupati Teladan Nomor 8 Tahun 2025"}]' ] &&
	[ ! -s "$tmp/err" ]; then
	ok "profiles --profiles lists only the directory's profile"
else
	nok "profiles --profiles lists only the directory's profile"; sed 's/^/# /' "$tmp/out" "$tmp/err"
fi
if "$selter" window --profiles "$tmp/region" --profile teladan-2025 --published 2025-03-24 \
	--closing 2025-04-15 >"$tmp/out" 2>"$tmp/err" && grep -q '"working_days":10' "$tmp/out"; then
	ok "window --profiles finds the holidays of the data directory"
else
	nok "window --profiles finds the holidays of the data directory"; sed 's/^/# /' "$tmp/out" "$tmp/err"
fi
if SELTER_PROFILES="$tmp/region" "$selter" eligibility --profile teladan-2025 \
	--post "$fix/cli/post-teladan-sekda.json" --candidate "$fix/cli/sari-no-mpp.json" \
	--as-of 2025-05-02 --appointment 2025-07-01 >"$tmp/out" 2>"$tmp/err" &&
	grep -q '"verdict":"eligible"' "$tmp/out"; then
	ok "SELTER_PROFILES names the profile directory"
else
	nok "SELTER_PROFILES names the profile directory"; sed 's/^/# /' "$tmp/out" "$tmp/err"
fi
if "$selter" profiles --profiles "$tmp/empty" >"$tmp/out" 2>"$tmp/err" && [ "$(cat "$tmp/out")" = "[]" ]; then
	ok "an empty profile directory lists nothing"
else
	nok "an empty profile directory lists nothing"; sed 's/^/# /' "$tmp/out" "$tmp/err"
fi
cp "$fix/profiles/bad/unknown-key.json" "$tmp/region/"
"$selter" eligibility --profiles "$tmp/region" --profile teladan-2025 --post "$fix/cli/post.json" \
	--candidate "$fix/cli/budi.json" >"$tmp/out" 2>"$tmp/err"
rc=$?
"$selter" profiles --profiles "$tmp/region" >"$tmp/out2" 2>"$tmp/err2"
rc2=$?
if [ $rc = 0 ] && [ $rc2 = 2 ] && [ ! -s "$tmp/out2" ] && grep -q "region/unknown-key.json:13: " "$tmp/err2"; then
	ok "a bad file in the directory: listing fails naming it, another id still loads"
else
	nok "a bad file in the directory (exit $rc, $rc2)"; sed 's/^/# /' "$tmp/err" "$tmp/err2"
fi
# The server's "profiles" setting: flag, environment and config file each
# reach the loader (a missing directory stops the start, naming it).
echo "profiles = $tmp/nowhere-conf" > "$tmp/serve.conf"
for how in flag env conf; do
	case $how in
	flag) "$selter" serve --db "$tmp/s.db" --port 0 --profiles "$tmp/nowhere-flag" >"$tmp/out" 2>"$tmp/err" ;;
	env) SELTER_PROFILES="$tmp/nowhere-env" "$selter" serve --db "$tmp/s.db" --port 0 >"$tmp/out" 2>"$tmp/err" ;;
	conf) "$selter" serve --config "$tmp/serve.conf" --db "$tmp/s.db" --port 0 >"$tmp/out" 2>"$tmp/err" ;;
	esac
	rc=$?
	if [ $rc = 2 ] && grep -q "profiles: $tmp/nowhere-$how: No such file or directory" "$tmp/err"; then
		ok "serve: the profiles setting by $how"
	else
		nok "serve: the profiles setting by $how (exit $rc)"; sed 's/^/# /' "$tmp/err"
	fi
done
# ... and with a directory that holds the region's file (and the demo's
# region), the server starts on it: its port file appears, SIGTERM stops it.
mkdir -p "$tmp/served"
cp "$fix/profiles/teladan-2025.json" "$root/profiles/demak-2022.json" "$fix/profiles/warn/dead-2025.json" \
	"$tmp/served/"
SELTER_ARGON_OPS=1 SELTER_ARGON_MEM_KIB=8 "$selter" serve --db "$tmp/served.db" --port 0 \
	--port-file "$tmp/port" --demo --profiles "$tmp/served" >/dev/null 2>"$tmp/serve.err" &
spid=$!
for _ in $(seq 1 100); do [ -s "$tmp/port" ] && break; sleep 0.1; done
if [ -s "$tmp/port" ] && kill -0 "$spid" 2>/dev/null &&
	grep -q '"level":"warning","in":"profiles","msg":"[^"]*/served/dead-2025.json:12: rules\[1\]: never applies' "$tmp/serve.err"; then
	ok "serve starts with --profiles holding the region's file, logging the warnings"
else
	nok "serve starts with --profiles holding the region's file"; sed 's/^/# /' "$tmp/serve.err"
fi
kill -TERM "$spid" 2>/dev/null
wait "$spid" 2>/dev/null
echo "1..$n"
