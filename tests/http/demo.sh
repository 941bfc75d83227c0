#!/usr/bin/env bash
# The README's demo with its past selection (issue 12 item 6,
# src/app/demo_past.c): `selter serve --demo` as the first command starts
# it, on a fixed day.  Selection 3 has run through every stage: each
# stage's published result is public with its recomputation sheet, the
# page's order is `selter rank`'s on that sheet, the ranking went to the
# PPK (confidential: the secretariat and the public are refused), the
# audit trail is intact and its times only go forward, and the candidates
# see their stages.
#
# usage: tests/http/demo.sh path/to/selter      Prints TAP, one line a check.
# Needs bash, curl, sqlite3 and python3.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export SELTER_DEMO_HISTORY=true
export SELTER_NOW=2026-11-23T03:00:00Z		# 10:00 WIB

if ! serve --demo; then
	echo "1..1"
	notok "selter serve --demo (with its history) starts" \
	    "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo starts with the past selection"
for u in sekretariat ketua ppk pengawas calon1; do login "$u"; done

# ---- the public pages ----

get publik /seleksi/3
check "selection 3 is at the PPK's choice of 1 of 3" all "status_is 200" \
    "body_has 'Pilihan PPK atas tiga calon'"
for s in makalah rekam-jejak asesmen wawancara kesehatan; do
	check "its $s result is linked from the selection's page" \
	    body_has "/seleksi/3/hasil/$s"
done

# rank_agrees SLUG: the page's registration numbers, in its order, are
# `selter rank`'s ids on the sheet beside it.
rank_agrees() {
	local s=$1
	get publik "/seleksi/3/hasil/$s"
	status_is 200 || return 1
	grep -o 'DEMAK-2026-3-000[0-9]' "$BODY" | awk '!seen[$0]++' \
	    >"$T/page.$s"
	[ "$(wc -l <"$T/page.$s")" = 5 ] ||
	    { diag "$(wc -l <"$T/page.$s") candidates on the page"; return 1; }
	get publik "/seleksi/3/hasil/$s/lembar.json"
	status_is 200 || return 1
	cp "$BODY" "$T/sheet.$s.json"
	"$selter" rank --profile demak-2022 --scores "$T/sheet.$s.json" \
	    >"$T/rank.$s" 2>"$T/rank.$s.err" ||
	    { diag "selter rank: $(cat "$T/rank.$s.err")"; return 1; }
	python3 -c 'import json,sys
for r in json.load(open(sys.argv[1]))["ranking"]: print(r["id"])' \
	    "$T/rank.$s" >"$T/cli.$s"
	cmp -s "$T/page.$s" "$T/cli.$s" ||
	    diag "page $(tr '\n' ' ' <"$T/page.$s"), selter rank $(tr '\n' ' ' <"$T/cli.$s")"
}
for s in makalah rekam-jejak asesmen wawancara; do
	check "the $s result's order is selter rank's on its sheet" \
	    rank_agrees "$s"
done
get publik /seleksi/3/hasil/kesehatan
check "the health result is public: every candidate memenuhi syarat" \
    all "status_is 200" "body_has 'DEMAK-2026-3-0005'"
# pubs_ok: the announcement, the administrative result and the five
# stage results, each stored with the SHA-256 of its body.
pubs_ok() {
	python3 - "$DB" <<'PY' >"$T/pubs" 2>&1 || { diag "$(cat "$T/pubs")"; return 1; }
import hashlib, sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute(
    "SELECT kind, body, sha256 FROM publication WHERE selection_id = 3"
    " ORDER BY id").fetchall()
kinds = [r[0] for r in rows]
assert kinds == ["announcement", "adm_result"] + ["stage_result"] * 5, kinds
for k, body, h in rows:
    assert hashlib.sha256(body.encode()).hexdigest() == h, k
PY
}
check "seven publications, each with the SHA-256 of its body" pubs_ok

# ---- the confidential ranking ----

get ppk /kelola/3/peringkat
check "the PPK reads the ranking with the best 3" all "status_is 200" \
    "body_has 'DEMAK-2026-3-0003'" "body_has 'DEMAK-2026-3-0001'" \
    "body_has 'DEMAK-2026-3-0002'"
get pengawas /kelola/3/peringkat
check "the oversight body reads it too" status_is 200
get sekretariat /kelola/3/peringkat
check "the secretariat may not read it (403)" status_is 403
get publik /kelola/3/peringkat
check "nor the public (sent to log in)" status_is 303
check "the ranking was sent to the PPK (Demak 17(4)-(5)), kept as sent" \
    all '[ "$(sq "SELECT to_role FROM ranking_sent WHERE selection_id = 3")" = ppk ]'

get ketua /kelola/3/tahap/wawancara
check "a closed stage's page links its scores' exports" all "status_is 200" \
    "body_has '/kelola/3/ekspor/nilai/wawancara?format=csv'"
get ketua /kelola/3/peringkat
check "the ranking page links its exports" \
    body_has '/kelola/3/ekspor/peringkat?format=xlsx'
get ketua '/kelola/3/ekspor/peringkat?format=csv'
check "the chair downloads the ranking as CSV: the five candidates" all \
    "status_is 200" "[ \$(grep -c 'DEMAK-2026-3-000' \"\$BODY\") = 5 ]"

# ---- the candidates and the trail ----

get calon1 /pelamar
check "a candidate's page lists their stages" all "status_is 200" \
    "body_has 'Wawancara'"
check "the audit chain is intact" audit_ok
check "the trail's times only go forward (the past acts on their days)" \
    all '[ "$(sq "SELECT count(*) FROM event a JOIN event b ON b.id = a.id + 1
	WHERE b.at < a.at")" = 0 ]'
check "every rater's score of the five stages is kept (5x5x4 + 5x1 + 5)" \
    all '[ "$(sq "SELECT count(*) FROM score WHERE selection_id = 3")" = 110 ]'
# ---- browser ----
# Selection 4 (demo_open.c), in the middle of its scoring: the interview
# open, three of five sheets sent, the chair's and anggota's to come.
get ketua /dasbor
check "the chair's dashboard links selection 4's interview sheet" \
    body_has '/kelola/4/tahap/wawancara/nilai'
get ketua /kelola/4/tahap/wawancara/nilai
check "selection 4's interview is open, sealed: 3 of 5 raters have sent" \
    all "status_is 200" "body_has 'Disegel: 3 dari 5 penilai telah mengirim.'" \
    "body_has 'Simpan nilai'"
get publik /seleksi/4
check "its paper, track record and assessment results are public, not the interview's" all "status_is 200" \
    "body_has '/seleksi/4/hasil/makalah'" \
    "body_has '/seleksi/4/hasil/asesmen'" \
    "body_lacks '/seleksi/4/hasil/wawancara'"
check "its scores: 3 stages by 5 raters, the assessor, 3 interview sheets (95)" \
    all '[ "$(sq "SELECT count(*) FROM score WHERE selection_id = 4")" = 95 ]'
get ppk /dasbor
check "the PPK's dashboard dates the ranking sent in WIB, not UTC" all \
    "status_is 200" "body_has '/kelola/3/peringkat'" \
    "body_has 'disampaikan 24 September 2026 pukul 10.00 WIB'" \
    "! grep -qE '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]+Z' \"\$BODY\""
# ---- end browser ----
check "no sanitizer report from the server" sanitizer_quiet
echo "1..$n"
