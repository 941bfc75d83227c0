#!/usr/bin/env bash
# The results of the merit half (issue 12 item 3) against `selter serve
# --demo` on a store of its own: every stage of the demo plan closed,
# signed by the chair and published; each published result compared with
# `selter rank` run on its own recomputation sheet (ranks and scores), the
# confidential final ranking likewise (ranks, finals, the shortlist and
# the tie at the cut-off), who may read the ranking, the committee's tie
# decision, the sending, and every published result unchanged, byte for
# byte and by its SHA-256, after each later act.
#
# The demo's selection 1 is taken there through the forms only
# (journey_lib.sh): five applicants apply, registration closes, the
# administrative result is published; then each stage is run (an
# absence, the raters' scores and recusals, the chair's closing) with
# the scores the checks need.  sqlite3 only reads the store (the two
# attempted UPDATEs below are refused by the store's triggers).
#
# usage: tests/http/result.sh path/to/selter     Prints TAP.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/journey_lib.sh"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROFILES=$HERE/../../profiles
PID=demak-2022
eval "$(profile_vars "$PID")"
ROLES=(sekretariat ketua anggota asesor narasumber pyb ppk pengawas admin)
STAGES=(paper:makalah track_record:rekam-jejak assessment:asesmen
    interview:wawancara health:kesehatan)
T0=2026-08-03

# to_closed: the PPK's and PyB's offices with an address (accounts ppk2,
# pyb2, granted in selection 1), a third member joining (penilai3), the
# five applicants calon1-5 passed by a published administrative result.
to_closed() {
	local g w vac close
	for g in ppk pyb; do
		step admin /admin/akun "login=${g}2" "name=Kantor ${g^^} (uji)" \
		    "email=${g}2@example.org" "password=$MPW" || return 1
		step admin /admin/peran "login=${g}2" region=demak selection=1 "role=$g" || return 1
		LOGIN_PW[${g}2]=$MPW
	done
	join hadi.purnomo@example.org penilai3 "(Tahap I)" || return 1
	vac=$(sq "SELECT min(id) FROM vacancy WHERE selection_id = 1")
	for w in 1 2 3 4 5; do
		person "calon$w" "$w" "Calon Nomor $w"
		applicant "calon$w" "$vac" || return 1
	done
	close=$(sq "SELECT ann_close FROM selection WHERE id = 1")
	restart "${close}T17:00:00Z" || return 1
	step sekretariat /kelola/1/alur/tutup confirm=1 || return 1
	for w in 1 2 3 4 5; do
		step sekretariat "/kelola/1/lamaran/${APP[calon$w]}/periksa" complete=1 \
		    "note=Berkas lengkap." || return 1
		step anggota "/kelola/1/lamaran/${APP[calon$w]}/putuskan" passed=1 \
		    "reason=Memenuhi." || return 1
	done
	step ketua /kelola/1/administrasi/terbitkan confirm=1 || return 1
	for w in 1 2 3 4 5; do SEL[$w]=$(reg_of "calon$w"); done
}
declare -A SEL RECUSED

# run_closed STAGE "I:S1,S2,S3[,S4]" ...: the stage run over HTTP to its
# closing (the demo's plan has no place to invite to): an absence, the
# secretariat opens it, raters ketua, anggota,
# penilai3 (and asesor in the assessment) give calon I the scores S (in
# hundredths), "r" a recusal, "a" for all: calon I is recorded absent;
# each sheet sent, the chair closes it with the committee's decision.
run_closed() {
	local stage=$1 slug=${SLUG[$1]} spec i rest k key v raters=(ketua anggota penilai3)
	local U=/kelola/1/tahap/$slug
	shift
	[ "$stage" = assessment ] && raters+=(asesor)
	for spec in "$@"; do
		[ "${spec#*:}" = a ] && { step ketua "$U/absen" \
		    "application=${APP[calon${spec%%:*}]}" "note=Tidak hadir." || return 1; }
	done
	step sekretariat "$U/nilai" aksi=buka || return 1
	if [ "$stage" = health ]; then
		for spec in "$@"; do
			[ "${spec#*:}" = a ] && continue
			step sekretariat "$U/nilai" aksi=nilai "calon=${APP[calon${spec%%:*}]}" \
			    value=100 || return 1
		done
		step sekretariat "$U/nilai" aksi=kirim || return 1
	else
		for k in "${!raters[@]}"; do
			for spec in "$@"; do
				i=${spec%%:*}; rest=${spec#*:}
				[ "$rest" = a ] && continue
				IFS=, read -r -a v <<<"$rest"
				# The paper is blind: its code (read from the store).
				key=${APP[calon$i]}
				[ "$stage" = paper ] && key=$(sq "SELECT code FROM blind_code
				    WHERE application_id = $key AND stage = 'paper'")
				if [ "${v[$k]}" = r ]; then
					# Declared once, it holds in every later stage.
					[ -n "${RECUSED[${raters[$k]}:$i]:-}" ] && continue
					step "${raters[$k]}" "$U/nilai" aksi=benturan "calon=$key" \
					    "reason=Kerabat dekat calon." || return 1
					RECUSED[${raters[$k]}:$i]=1
				elif [ -n "${v[$k]:-}" ]; then
					step "${raters[$k]}" "$U/nilai" aksi=nilai "calon=$key" \
					    "value=$((v[k] / 100)),$(printf %02d $((v[k] % 100)))" || return 1
				fi
			done
			step "${raters[$k]}" "$U/nilai" aksi=kirim || return 1
		done
	fi
	step ketua "$U/nilai" aksi=tutup \
	    "decision=Rapat panitia menetapkan hasil tahap $stage." || return 1
}

# same_as_rank SHEET PAGE KIND: the page's rows against `selter rank` on
# the sheet (KIND stage: data-rank, data-score; final: data-rank,
# data-final, data-short, data-cut).
same_as_rank() {
	local out
	if ! "$selter" rank --profiles "$PROFILES" --profile demak-2022 \
	    --scores "$1" >"$T/rank.json" 2>"$T/rank.err"; then
		diag "selter rank: $(cat "$T/rank.err")"
		return 1
	fi
	out=$(python3 - "$T/rank.json" "$2" "$3" <<'EOF'
import json, re, sys
r = json.load(open(sys.argv[1]))
page = open(sys.argv[2]).read()
kind = sys.argv[3]
rows = {}
for m in re.finditer(r'<tr data-id="([^"]+)"([^>]*)>', page):
    a = dict(re.findall(r'(data-[a-z]+)="([^"]*)"', m.group(2)))
    if 'data-rank' in a:
        rows[m.group(1)] = a
cli = {c['id']: c for c in r['ranking']}
bad = []
if set(rows) != set(cli):
    bad.append('ids: page %s, rank %s' % (sorted(rows), sorted(cli)))
for i, c in cli.items():
    p = rows.get(i)
    if p is None:
        continue
    if int(p['data-rank']) != c['rank']:
        bad.append('%s rank %s != %s' % (i, p['data-rank'], c['rank']))
    key = 'data-score' if kind == 'stage' else 'data-final'
    if '%.2f' % c['final'] != p.get(key):
        bad.append('%s score %s != %.2f' % (i, p.get(key), c['final']))
if kind == 'final':
    short = sorted(i for i, p in rows.items() if p.get('data-short'))
    cut = sorted(i for i, p in rows.items() if p.get('data-cut'))
    want = sorted(r['shortlist'])
    if short != want:
        bad.append('shortlist %s != %s' % (short, want))
    if cut != sorted(r.get('tied_at_cutoff', [])):
        bad.append('tied at cut %s != %s' % (cut, r.get('tied_at_cutoff')))
print('\n'.join(bad))
EOF
)
	[ -z "$out" ] || diag "$out"
}

# pubs DIR: each published stage result, as its public page shows it.
pubs() {
	local dir=$1 s slug
	rm -rf "$dir"; mkdir -p "$dir"
	for s in "${STAGES[@]}"; do
		slug=${s#*:}
		get - "/seleksi/1/hasil/$slug"
		[ "$code" = 200 ] || continue
		perl -0777 -ne 'if (/<article class="pub" id="pub-(\d+)">(.*?)<\/article>/s) {
			print $2 }' "$BODY" >"$dir/$slug"
		get - "/seleksi/1/hasil/$slug/lembar.json"
		cp "$BODY" "$dir/$slug.json"
	done
	sq "SELECT stage, sha256 FROM publication WHERE kind = 'stage_result'
	    ORDER BY id" >"$dir/sha"
}
same_pubs() {
	local f line bad=0
	for f in "$1"/*; do
		[ "$(basename "$f")" = sha ] && continue
		cmp -s "$f" "$2/$(basename "$f")" ||
		    { diag "$(basename "$f") changed"; bad=1; }
	done
	while IFS= read -r line; do
		grep -qxF "$line" "$2/sha" || { diag "hash $line changed"; bad=1; }
	done <"$1/sha"
	return $bad
}
# hashes_hold: each stage result's stored SHA-256 is its body's.
hashes_hold() {
	local id want got bad=0
	for id in $(sq "SELECT id FROM publication WHERE kind = 'stage_result'"); do
		want=$(sq "SELECT sha256 FROM publication WHERE id = $id")
		got=$(sqlite3 "$DB" "SELECT body FROM publication WHERE id = $id" |
		    head -c -1 | sha256sum | cut -d' ' -f1)
		[ "$want" = "$got" ] || { diag "publication $id: $want != $got"; bad=1; }
	done
	return $bad
}

if ! serve --demo --now "${T0}T03:00:00Z"; then
	notok "selter serve --demo starts" "$(cat "$T/server.err")"
	echo "1..$n"
	exit 1
fi
ok "selter serve --demo starts on a store of its own"
for u in "${ROLES[@]}"; do relogin "$u"; done
check "selection 1 reaches its paper through the forms: five candidates passed" to_closed
for u in "${ROLES[@]}"; do ensure "$u"; done

# ---- a stage is published only once it is closed, by the chair ----

refused "an unclosed stage is not published (409, nothing changes)" 409 \
    "belum ditutup" post ketua /kelola/1/hasil/makalah confirm=1 scores=1
get ketua /kelola/1/alur
check "the workflow page: the paper stage is current, its result waits" all \
    'status_is 200' 'body_has "Sedang berjalan"' 'body_has "Tahap Penulisan makalah belum ditutup"'

# Stage scores: calon5 absent from the paper; penilai3 recuses from
# calon1 and calon2 (the asesor from calon2 in the assessment).
SPEC=("1:8000,8100,r,8050" "2:7850,7851,r,r" "3:7500,7500,7500,7500"
    "4:7500,7400,7600,7500")
check "paper: closed over HTTP, calon5 absent, recusals" run_closed paper "${SPEC[@]}" 5:a
refused "a member does not sign a stage's result (403)" 403 "" \
    post anggota /kelola/1/hasil/makalah confirm=1 scores=1
refused "the secretariat does not sign it (403)" 403 "" \
    post sekretariat /kelola/1/hasil/makalah confirm=1 scores=1
refused "Demak: the scores by rank are published (SCORE-PUBLISH, 400)" 400 \
    "SCORE-PUBLISH" post ketua /kelola/1/hasil/makalah confirm=1
get ketua /kelola/1/hasil
check "the chair's page shows the draft and the signing form" all \
    'status_is 200' 'body_has "Rancangan hasil tahap ini"' 'body_has "78,51"'

declare -A SHA
for s in "${STAGES[@]}"; do
	stage=${s%%:*}; slug=${s#*:}
	if [ "$stage" != paper ]; then
		check "$stage: closed over HTTP, every rater's sheet sent" \
		    run_closed "$stage" "${SPEC[@]}"
	fi
	post ketua "/kelola/1/hasil/$slug" confirm=1 scores=1
	check "$stage: the chair signs its result (303)" status_is 303 /kelola/1/hasil?ok=1
	get - "/seleksi/1/hasil/$slug"
	cp "$BODY" "$T/page.$slug"
	check "$stage: the public result page" all 'status_is 200' \
	    'body_has "${SEL[2]}"' 'body_has "Calon Nomor 2"' 'body_has "Keputusan panitia seleksi"' \
	    'body_has "SCORE-PUBLISH"'
	get - "/seleksi/1/hasil/$slug/lembar.json"
	cp "$BODY" "$T/sheet.$slug.json"
	check "$stage: its sheet is JSON at a stable link" all 'status_is 200' \
	    '[ "$(hdr "$H" Content-Type)" = "application/json; charset=utf-8" ]' \
	    'python3 -m json.tool "$BODY" >/dev/null'
	if [ "$stage" != health ]; then
		check "$stage: the page equals selter rank on its sheet" \
		    same_as_rank "$T/sheet.$slug.json" "$T/page.$slug" stage
	else
		check "health: not ranked (pass or fail); its sheet holds its scores and loads in selter rank" all \
		    'grep -q "\"health\":" "$T/sheet.$slug.json"' \
		    '"$selter" rank --profiles "$PROFILES" --profile demak-2022 --scores "$T/sheet.$slug.json" >/dev/null'
	fi
	pubs "$T/pub.$stage"
	[ "$stage" = paper ] && cp -r "$T/pub.paper" "$T/pub.first"
done
check "the paper's result: 78,505 rounds half up to 78,51, recused rater left out" \
    grep -q "data-id=\"${SEL[2]}\" data-rank=\"[0-9]*\" data-score=\"78.51\"" "$T/page.makalah"
check "the paper's result: the absent candidate is listed, unranked" all \
    'grep -q "tidak hadir" "$T/page.makalah"' \
    '! grep -q "\"${SEL[5]}\"" "$T/sheet.makalah.json"'
check "the sheet names raters by pseudonym, recusals marked" all \
    'grep -q "\"member\":\"anggota 1\"" "$T/sheet.makalah.json"' \
    'grep -q "\"recused\":true" "$T/sheet.makalah.json"' \
    '! grep -q "Siti Aminah" "$T/sheet.makalah.json"'
check "each stage's sheet holds every closed stage so far" \
    grep -q '"paper":\[.*"interview":\[' "$T/sheet.wawancara.json"
get - /seleksi/1
check "the selection's public page links every stage result" all \
    'status_is 200' 'body_has "/seleksi/1/hasil/makalah"' 'body_has "/seleksi/1/hasil/kesehatan"' \
    'body_has "Pemeringkatan"'

# ---- the confidential ranking ----

for who in ketua anggota pyb ppk pengawas; do
	get "$who" /kelola/1/peringkat
	check "ranking: $who reads it (200)" all 'status_is 200' 'body_has "RAHASIA"'
done
for who in sekretariat asesor narasumber admin; do
	get "$who" /kelola/1/peringkat
	check "ranking: $who is refused (403)" status_is 403
	get "$who" /kelola/1/peringkat/lembar/1.json
	check "ranking sheet: $who is refused (403)" status_is 403
done
get - /kelola/1/peringkat
check "ranking: the public is sent to log in" status_is 303 /masuk
VAC=$(sq "SELECT min(id) FROM vacancy WHERE selection_id = 1")
get ketua /kelola/1/peringkat
cp "$BODY" "$T/ranking.html"
get ketua "/kelola/1/peringkat/lembar/$VAC.json"
cp "$BODY" "$T/ranking.json"
check "the ranking equals selter rank on its sheet (ranks, finals, shortlist, tie at the cut-off)" \
    same_as_rank "$T/ranking.json" "$T/ranking.html" final
check "75,00 and 75,00 tie across the third place: left to the committee" all \
    'grep -q "data-cut=\"1\"" "$T/ranking.html"' 'grep -q "SCORE-TIES" "$T/ranking.html"'
refused "sending waits for the tie decision (409)" 409 "SCORE-TOP3" \
    post ketua /kelola/1/peringkat/kirim confirm=1
A3=$(sq "SELECT id FROM application WHERE reg_no = '${SEL[3]}'")
A4=$(sq "SELECT id FROM application WHERE reg_no = '${SEL[4]}'")
refused "a tie decision needs a reason (400)" 400 "Alasan" \
    post ketua /kelola/1/peringkat/seri "vacancy=$VAC" "pos_$A3=2" "pos_$A4=1" reason=
refused "a member does not record it (403)" 403 "" \
    post anggota /kelola/1/peringkat/seri "vacancy=$VAC" "pos_$A3=2" "pos_$A4=1" \
    "reason=Nilai wawancara lebih tinggi."
post ketua /kelola/1/peringkat/seri "vacancy=$VAC" "pos_$A3=2" "pos_$A4=1" \
    "reason=Nilai wawancara ${SEL[4]} lebih tinggi."
check "the chair records the committee's tie decision (303)" status_is 303 /kelola/1/peringkat?ok=1
get ketua /kelola/1/peringkat
check "the shortlist now holds the decided one" all 'status_is 200' \
    'grep -q "data-id=\"${SEL[4]}\"[^>]*data-short=\"1\"" "$BODY"' \
    '! grep -q "data-id=\"${SEL[3]}\"[^>]*data-short=\"1\"" "$BODY"'
post ketua /kelola/1/peringkat/kirim confirm=1
check "the chair sends the ranking (303)" status_is 303 /kelola/1/peringkat?ok=1
check "  ... kept as sent, to the PPK (Demak Pasal 17(4)), with its SHA-256" \
    test "$(sq "SELECT to_role || length(sha256) FROM ranking_sent")" = ppk64
check "  ... a mail to the PPK and a copy to the PyB in the outbox" all \
    '[ "$(sq "SELECT count(*) FROM outbox WHERE to_addr = '\''ppk2@example.org'\''")" = 1 ]' \
    '[ "$(sq "SELECT count(*) FROM outbox WHERE to_addr = '\''pyb2@example.org'\''")" = 1 ]'
check "  ... in the audit trail" \
    test "$(sq "SELECT count(*) FROM event WHERE action = 'ranking_send'")" = 1
get ppk /dasbor
check "the PPK's dashboard shows it" body_has "/kelola/1/peringkat"
get ketua /kelola/1/alur
check "the workflow moves on to the PPK's choice" body_has "Pilihan PPK atas tiga calon"
refused "sent once (409)" 409 "" post ketua /kelola/1/peringkat/kirim confirm=1
check "the ranking sent is never changed" \
    bash -c "! sqlite3 '$DB' \"UPDATE ranking_sent SET body = 'x'\" 2>/dev/null"

# ---- nothing published changed ----

pubs "$T/pub.end"
check "the paper's result is as first published, page and sheet, after every later act" \
    same_pubs "$T/pub.first" "$T/pub.end"
check "every stage result is as published after the ranking was sent" \
    same_pubs "$T/pub.health" "$T/pub.end"
check "each stored SHA-256 is its body's" hashes_hold
check "no sanitizer report from the server" sanitizer_quiet
check "the audit trail is intact" audit_ok
unserve
check "SIGTERM: the server exits 0" test "$rc" = 0
echo "1..$n"
