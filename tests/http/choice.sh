#!/usr/bin/env bash
# The PPK's choice over HTTP (issue 14 item 1, APPT-CHOOSE,
# SCORE-PPK-INTERVIEW), on the demo's past selection 3 (Demak), whose
# ranking went to the PPK: the page /kelola/3/pilihan for those who may
# read the ranking and no one else; the PPK's refused forms (a candidate
# outside the best 3, a day after today, no statement, the interview
# Demak does not provide) come back with what was typed and the error
# beside its field, the store unchanged; the choice is kept once, with its
# audit event, and the workflow moves on past the special consultations
# (a head of an agency needs none) to the report: the pack (JSON, for
# those who read the ranking), sent by the secretariat and kept with its
# SHA-256, and the oversight body's recommendation, which opens the
# appointment.
#
# usage: tests/http/choice.sh path/to/selter     Prints TAP.
# Needs bash, curl and sqlite3.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export SELTER_DEMO_HISTORY=true
export SELTER_NOW=2026-11-23T03:00:00Z		# 10:00 WIB
URL=/kelola/3/pilihan

if ! serve --demo; then
	echo "1..1"
	notok "selter serve --demo (with its history) starts" \
	    "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo starts with the past selection"
for u in ppk pyb ketua sekretariat admin pengawas calon1; do login "$u"; done

VAC=$(sq "SELECT min(id) FROM vacancy WHERE selection_id = 3")
app_of() { sq "SELECT id FROM application WHERE reg_no = '$1'"; }

# ---- who reads the page ----

get - "$URL"
check "a visitor is sent to the login page" status_is 303 /masuk
for u in sekretariat admin calon1; do
	get "$u" "$URL"
	check "$u may not read the PPK's choice: 403" status_is 403
done
for u in pyb ketua pengawas; do
	get "$u" "$URL"
	check "$u reads the best 3 without the forms" all "status_is 200" \
	    "body_has 'Calon yang disampaikan panitia'" \
	    "body_lacks 'Catat pilihan'"
done
get ppk "$URL"
check "the PPK reads the best 3 with their final scores and the form" \
    all "status_is 200" "body_has 'DEMAK-2026-3-0003'" "body_has '84,90'" \
    "body_has 'Catat pilihan'" "body_has 'Pasal 19 ayat (2)'"
check "the PPK is told Demak has no interview by the PPK" \
    body_has 'tidak mengatur wawancara oleh PPK'
check "the fourth of the ranking is not offered" \
    body_lacks 'DEMAK-2026-3-0004'
get ppk /dasbor
check "the PPK's dashboard links the choice" body_has "$URL"

get sekretariat /kelola/3/konsultasi
check "the secretariat reads the consultations page: none for an agency head" \
    all "status_is 200" "body_has 'tidak memerlukan konsultasi khusus'" \
    "body_lacks '84,90'"
get calon1 /kelola/3/konsultasi
check "a candidate may not read the consultations page: 403" status_is 403

# ---- refusals: the store unchanged, the form refilled ----

FIRST=$(app_of DEMAK-2026-3-0003)
FOURTH=$(app_of DEMAK-2026-3-0004)
REASON='Nilai akhir tertinggi; rekam jejak sesuai kebutuhan dinas.'
refused "outside the best 3: 400, APPT-CHOOSE with its article" 400 \
    'APPT-CHOOSE, Perbup Demak 47/2022 Pasal 19 ayat (2)' \
    post ppk "$URL/pilih" "vacancy=$VAC" "application=$FOURTH" \
    chosen_on=2026-11-23 "reason=$REASON" confirm=1
check "the refused form keeps the reason typed, the error beside its field" \
    all "body_has 'Nilai akhir tertinggi; rekam jejak sesuai kebutuhan dinas.'" \
    "body_has 'aria-describedby=\"pilih-$VAC-application-err\"'" \
    "body_has 'id=\"pilih-$VAC-application-err\"'"
refused "a decision dated tomorrow: 400" 400 'tidak boleh setelah hari ini' \
    post ppk "$URL/pilih" "vacancy=$VAC" "application=$FIRST" \
    chosen_on=2026-11-24 "reason=$REASON" confirm=1
check "the refused date is kept and marked" all \
    "body_has 'value=\"2026-11-24\"'" \
    "body_has 'aria-describedby=\"pilih-$VAC-chosen_on-err\"'"
refused "without the statement: 400" 400 'Centang pernyataan' \
    post ppk "$URL/pilih" "vacancy=$VAC" "application=$FIRST" \
    chosen_on=2026-11-23 "reason=$REASON"
refused "the interview Demak does not provide: 409" 409 \
    'SCORE-PPK-INTERVIEW' post ppk "$URL/wawancara" "vacancy=$VAC" \
    held_on=2026-11-23 'notes=Wawancara dengan ketiga calon.'
refused "the chair may not choose: 403" 403 '' \
    post ketua "$URL/pilih" "vacancy=$VAC" "application=$FIRST" \
    chosen_on=2026-11-23 "reason=$REASON" confirm=1
refused "a stale form token: 403" 403 '' \
    post_tok ppk "x${TOK[ppk]}" "$URL/pilih" "vacancy=$VAC" \
    "application=$FIRST" chosen_on=2026-11-23 "reason=$REASON" confirm=1

# ---- the choice ----

post ppk "$URL/pilih" "vacancy=$VAC" "application=$FIRST" \
    chosen_on=2026-11-23 "reason=$REASON" confirm=1
check "the PPK chooses the first of the three: 303 back to the page" \
    status_is 303 "$URL?ok=1"
check "the choice is kept with its day and reason" \
    all '[ "$(sq "SELECT application_id || chosen_on FROM ppk_choice WHERE vacancy_id = $VAC")" = "${FIRST}2026-11-23" ]'
check "its audit event cites APPT-CHOOSE" \
    all '[ "$(sq "SELECT count(*) FROM event WHERE action = '"'"'choose'"'"' AND rules LIKE '"'"'%APPT-CHOOSE%'"'"'")" = 1 ]'
get ketua "$URL"
check "the committee reads who was chosen" all "status_is 200" \
    "body_has 'Dipilih PPK'" "body_has '(dipilih PPK)'"
get ppk /kelola/3/alur
check "the workflow is at the report (an agency head needs no consultation)" \
    all "status_is 200" "body_has 'Laporan hasil seleksi dan rekomendasi'"
refused "a second choice: 409" 409 'sudah selesai' \
    post ppk "$URL/pilih" "vacancy=$VAC" "application=$FIRST" \
    chosen_on=2026-11-23 "reason=$REASON" confirm=1
# ---- the report to the oversight body (issue 14 item 3) ----

get sekretariat /kelola/3/laporan
check "the secretariat reads the report page, without the pack's link" \
    all "status_is 200" "body_has 'Kirim laporan'" \
    "body_lacks 'laporan.json'" "body_has 'Pasal 26 ayat (2)'"
get sekretariat /kelola/3/laporan.json
check "the pack (final scores) is refused to the secretariat: 403" \
    status_is 403
get ketua /kelola/3/laporan.json
cp "$BODY" "$T/pack.json"
check "the chair downloads the pack: JSON with every stage and the choice" \
    all "status_is 200" "python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))
assert p[\"selter_report\"] == 1
assert len(p[\"stages\"]) == 5, len(p[\"stages\"])
assert all(len(s[\"outcomes\"]) == 5 for s in p[\"stages\"])
v = p[\"vacancies\"][0]
assert [c[\"reg_no\"] for c in v[\"shortlist\"]] == [\"DEMAK-2026-3-0003\", \"DEMAK-2026-3-0001\", \"DEMAK-2026-3-0002\"]
assert v[\"choice\"][\"reg_no\"] == \"DEMAK-2026-3-0003\"
' $T/pack.json"
get pengawas /kelola/3/laporan
check "the oversight body waits for the report: no form yet" \
    all "status_is 200" "body_lacks 'Catat rekomendasi'"
refused "a recommendation before the report is sent: 409" 409 \
    'setelah laporan dikirim' post pengawas /kelola/3/laporan/rekomendasi \
    verdict=recommended letter_no=B-1/2026 letter_on=2026-11-23 \
    'text=Proses seleksi sesuai sistem merit.'
refused "the report without its statement: 400" 400 'Centang pernyataan' \
    post sekretariat /kelola/3/laporan/kirim letter_no=800/7/2026 \
    letter_on=2026-11-23
check "the refused form keeps the letter number" \
    body_has 'value="800/7/2026"'
post sekretariat /kelola/3/laporan/kirim letter_no=800/7/2026 \
    letter_on=2026-11-23 confirm=1
check "the secretariat sends the report: 303" status_is 303 \
    /kelola/3/laporan?ok=1
check "the pack is kept with its SHA-256, audited" all \
    '[ "$(sq "SELECT count(*) FROM report_sent WHERE length(sha256) = 64")" = 1 ]' \
    '[ "$(sq "SELECT count(*) FROM event WHERE action = '"'"'report_send'"'"'")" = 1 ]'
get ketua /kelola/3/laporan.json
check "the pack served after sending is the one kept" \
    all '[ "$(sha256sum <"$BODY" | cut -c1-64)" != "" ]' \
    '[ "$(head -c -1 "$BODY" | sha256sum | cut -c1-64)" = "$(sq "SELECT sha256 FROM report_sent")" ]'
refused "a recommendation without its verdict: 400" 400 \
    'Pilih isi rekomendasi' post pengawas /kelola/3/laporan/rekomendasi \
    letter_no=B-1/2026 letter_on=2026-11-23 \
    'text=Proses seleksi sesuai sistem merit.'
post pengawas /kelola/3/laporan/rekomendasi verdict=with_notes \
    letter_no=B-1/2026 letter_on=2026-11-23 \
    'text=Proses seleksi sesuai sistem merit; lengkapi berita acara.'
check "the oversight body records its recommendation: 303" status_is 303
get sekretariat /kelola/3/laporan
check "the page names the recommendation and who recorded it" all \
    "body_has 'Direkomendasikan dengan catatan'" \
    "body_has '(instansi pengawas)'"
get ketua /kelola/3/alur
check "the workflow is at the appointment" \
    body_has 'Pengangkatan dan pelantikan'

# ---- appointment and inauguration (issue 14 item 4) ----

get ppk /kelola/3/pengangkatan
check "the PPK reads the appointment page with its form" all \
    "status_is 200" "body_has 'Catat pengangkatan'" \
    "body_has 'DEMAK-2026-3-0003'"
# appt [NAME=VALUE...]: the appointment's form, with these fields changed.
appt() {
	local kv out=() f
	for kv in "vacancy=$VAC" 'decree_no=821.2/15/2026' decree_on=2026-11-23 \
	    tmt=2026-11-23 inaugurated_on=2026-11-23 mode=in_person \
	    'place=Pendopo Kabupaten Demak' confirm=1; do
		for f in "$@"; do [ "${f%%=*}" = "${kv%%=*}" ] && kv=$f; done
		out+=("$kv")
	done
	APPT=("${out[@]}")
}
appt
refused "the chair may not appoint: 403" 403 '' \
    post ketua /kelola/3/pengangkatan/catat "${APPT[@]}"
appt decree_on=2026-11-24
refused "a decree dated tomorrow: 400" 400 'tidak boleh setelah hari ini' \
    post ppk /kelola/3/pengangkatan/catat "${APPT[@]}"
check "the refused form keeps the decree number, the error beside the date" \
    all "body_has 'value=\"821.2/15/2026\"'" \
    "body_has 'aria-describedby=\"angkat-$VAC-decree_on-err\"'"
appt mode=surat
refused "an inauguration in another way: 400" 400 'Pilih cara pelantikan' \
    post ppk /kelola/3/pengangkatan/catat "${APPT[@]}"
appt
post ppk /kelola/3/pengangkatan/catat "${APPT[@]}"
check "the PPK records the appointment: 303" status_is 303 \
    /kelola/3/pengangkatan?ok=1
check "kept with its audit event citing APPT-AGE" all \
    '[ "$(sq "SELECT decree_no FROM appointment")" = 821.2/15/2026 ]' \
    '[ "$(sq "SELECT count(*) FROM event WHERE action = '"'"'appoint'"'"' AND rules LIKE '"'"'%APPT-AGE%Pasal 4%'"'"'")" = 1 ]'
get pengawas /kelola/3/alur
check "the workflow is at the tenure" body_has 'Masa jabatan'
get pengawas /kelola/3/pengangkatan
check "the term's dates are listed under their rules (TMT 23 November 2026)" \
    all "status_is 200" "body_has '22 November 2031'" "body_has 'TEN-5Y'" \
    "body_has '22 Agustus 2031'" "body_has 'TEN-EVAL'"
refused "a second appointment: 409" 409 '' \
    post ppk /kelola/3/pengangkatan/catat "${APPT[@]}"
check "the audit chain is intact" audit_ok
check "no sanitizer report from the server" sanitizer_quiet
echo "1..$n"
