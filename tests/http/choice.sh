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
# appointment.  With the letters (issue 14 items 2-4): the report sent
# makes its PDF documents (each stage's minutes, result and sheet, the
# PPK's choice, the covering letter), kept under their SHA-256, signed,
# listed in the JSON and the event, downloadable by the oversight body
# and the secretariat only; the copies Demak names dispatched by the
# secretariat; the recommendation and the decree uploaded as PDF (a file
# that is not a PDF, one too big, none: refused, the store unchanged); a
# binding recommendation blocks the appointment until its follow-up is
# recorded with its letter.
#
# usage: tests/http/choice.sh path/to/selter     Prints TAP.
# Needs bash, curl and sqlite3.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export SELTER_DEMO_HISTORY=true
export SELTER_NOW=2026-11-23T03:00:00Z		# 10:00 WIB
URL=/kelola/3/pilihan
FILES=$DB.files

if ! serve --demo; then
	echo "1..1"
	notok "selter serve --demo (with its history) starts" \
	    "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo starts with the past selection"
for u in ppk pyb ketua sekretariat admin pengawas calon1; do login "$u"; done

VAC=$(sq "SELECT min(id) FROM vacancy WHERE selection_id = 3")
# postf WHO URL FILE [name=value...]: a multipart form with WHO's token,
# FILE as its letter ("-": none), every value as typed.
sha() { sha256sum "$1" | cut -d' ' -f1; }
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%%%EOF\n' \
    >"$T/surat.pdf"
printf '<?php system($_GET["c"]); ?>\n' >"$T/surat-palsu.pdf"
{ printf '%%PDF-1.4\n'; head -c 2097152 /dev/zero; } >"$T/besar.pdf"
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
cp "$BODY" "$T/sent.json"
# ---- the pack's PDF documents (issue 14 item 3) ----
NDOC=$(sq "SELECT count(*) FROM report_doc")
check "the pack's PDFs: 3 per closed stage, the choice, the covering letter" \
    all '[ "$NDOC" = 17 ]'
check "each signed with the region's key, listed in the JSON and the event" \
    all '[ "$(sq "SELECT count(*) FROM report_doc WHERE signature LIKE '"'"'%report document%'"'"'")" = 17 ]' \
    "python3 -c '
import json, sqlite3, sys
p = json.load(open(sys.argv[1]))
db = sqlite3.connect(sys.argv[2])
rows = db.execute(\"SELECT name, sha256 FROM report_doc ORDER BY seq\").fetchall()
assert [(d[\"name\"], d[\"sha256\"]) for d in p[\"documents\"]] == rows, p[\"documents\"]
assert [c[\"to\"] for c in p[\"copies\"]][1] == \"Menteri Dalam Negeri\", p[\"copies\"]
assert p[\"copies\"][3][\"citation\"].endswith(\"Pasal 26 ayat (2) huruf d\")
ev = db.execute(\"SELECT after FROM event WHERE action = \x27report_send\x27\").fetchone()[0]
assert all(h in ev for _, h in rows), [n for n, h in rows if h not in ev]
' $T/sent.json $DB 2>$T/py.err || diag \"\$(cat $T/py.err)\""
check "each signature verifies with the region's public key over its name and hash" \
    all "python3 -c '
import base64, sqlite3, sys
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
name, kid, key = open(sys.argv[2]).read().strip().split(\"+\", 2)
raw = base64.b64decode(key)
assert raw[0] == 1
pub = Ed25519PublicKey.from_public_bytes(raw[1:])
db = sqlite3.connect(sys.argv[1])
for seq, doc, sha, sig in db.execute(\"SELECT seq, name, sha256, signature FROM report_doc\"):
    text, sigs = sig.split(\"\\n\\n\", 1)
    text += \"\\n\"
    assert text == \"%s\\nreport document\\nselection 3\\nname %s\\nsha256 %s\\n\" % (name, doc, sha), text
    who, b64 = sigs.strip().split(\" \")[1:]
    assert who == name
    blob = base64.b64decode(b64)
    assert blob[:4].hex() == kid
    pub.verify(blob[4:], text.encode())
' $DB $DB.key.pub 2>$T/py.err || diag \"\$(cat $T/py.err)\""
get sekretariat /kelola/3/laporan
check "the report page lists the documents and the copies" all \
    "status_is 200" "body_has '/kelola/3/laporan/dokumen/1.pdf'" \
    "body_has 'Berita acara, keputusan panitia dan nilai tahap'" \
    "body_has 'Hasil asesmen tahap'" "body_has 'Tembusan'" \
    "body_has 'Kepala Badan Kepegawaian Negara'" "body_has 'laporan.json'"
bad=0
for i in $(seq "$NDOC"); do
	get pengawas "/kelola/3/laporan/dokumen/$i.pdf"
	want=$(sq "SELECT sha256 FROM report_doc WHERE seq = $i")
	if [ "$code" != 200 ] || [ "$(sha "$BODY")" != "$want" ] ||
	    [ "$(head -c 5 "$BODY")" != "%PDF-" ] ||
	    [ ! -f "$FILES/${want:0:2}/${want:2}" ]; then bad=$i; fi
done
check "the oversight body downloads every document: a PDF of its hash, kept" \
    all '[ "$bad" = 0 ]'
get sekretariat "/kelola/3/laporan/dokumen/$NDOC.pdf"
check "the secretariat downloads the covering letter, as an attachment" \
    all "status_is 200" \
    '[ "$(hdr "$H" Content-Disposition)" = "attachment; filename=\"surat-pengantar.pdf\"" ]' \
    "pdftotext '$BODY' - | grep -q 'Menteri Dalam Negeri'"
get calon1 /kelola/3/laporan/dokumen/1.pdf
check "a candidate may not download a document: 403" status_is 403
get - /kelola/3/laporan/dokumen/1.pdf
check "a visitor is sent to the login" status_is 303 /masuk
get pengawas /kelola/3/laporan/dokumen/99.pdf
check "a document that is not there: 404" status_is 404

# ---- the copies (tembusan) and their dispatch ----
refused "the oversight body does not record a dispatch: 403" 403 '' \
    post pengawas /kelola/3/laporan/tembusan 'to=Menteri Dalam Negeri' \
    dispatched_on=2026-11-23 'means=surat tercatat' number=800/8/2026
refused "a copy the profile does not name: 400" 400 'Pilih penerima' \
    post sekretariat /kelola/3/laporan/tembusan 'to=Presiden' \
    dispatched_on=2026-11-23 'means=surat tercatat' number=800/8/2026
post sekretariat /kelola/3/laporan/tembusan 'to=Menteri Dalam Negeri' \
    dispatched_on=2026-11-23 'means=surat tercatat' number=800/8/2026
check "the secretariat records the copy to the Minister: 303, audited" all \
    "status_is 303" \
    '[ "$(sq "SELECT means FROM report_copy WHERE recipient = '"'"'Menteri Dalam Negeri'"'"'")" = "surat tercatat" ]' \
    '[ "$(sq "SELECT count(*) FROM event WHERE action = '"'"'report_copy'"'"' AND rules LIKE '"'"'%APPT-REPORT%huruf b%'"'"'")" = 1 ]'
refused "the same copy twice: 409" 409 'sudah dicatat' \
    post sekretariat /kelola/3/laporan/tembusan 'to=Menteri Dalam Negeri' \
    dispatched_on=2026-11-23 'means=surat tercatat' number=800/8/2026
get pengawas /kelola/3/laporan
check "the page marks it dispatched" all "body_has 'melalui surat tercatat'" \
    "body_has 'Belum dikirim'"
refused "a recommendation without its verdict: 400" 400 \
    'Pilih isi rekomendasi' postf pengawas /kelola/3/laporan/rekomendasi \
    "$T/surat.pdf" letter_no=B-1/2026 letter_on=2026-11-23 \
    'text=Proses seleksi sesuai sistem merit.'
REC=(verdict=with_notes letter_no=B-1/2026 letter_on=2026-11-23
    'text=Proses seleksi sesuai sistem merit; lengkapi berita acara.'
    binding=1)
refused "a recommendation without its letter: 400" 400 \
    'Unggah berkas surat' postf pengawas /kelola/3/laporan/rekomendasi - \
    "${REC[@]}"
check "  ... the error beside the file field" \
    body_has 'id="rekomendasi-0-letter-err"'
refused "a letter that is not a PDF (named .pdf): 400" 400 'harus PDF' \
    postf pengawas /kelola/3/laporan/rekomendasi "$T/surat-palsu.pdf" \
    "${REC[@]}"
refused "a letter over 2 MB: 400" 400 'terlalu besar' \
    postf pengawas /kelola/3/laporan/rekomendasi "$T/besar.pdf" "${REC[@]}"
refused "the chair does not record it: 403" 403 '' \
    postf ketua /kelola/3/laporan/rekomendasi "$T/surat.pdf" "${REC[@]}"
refused "a letter with a stale form token: 403, the file not held" 403 '' \
    get pengawas /kelola/3/laporan/rekomendasi \
    --form-string "csrf=x${TOK[pengawas]}" --form-string verdict=recommended \
    -F "letter=@$T/surat.pdf;type=application/pdf"
postf pengawas /kelola/3/laporan/rekomendasi "$T/surat.pdf" "${REC[@]}"
check "the oversight body records its binding recommendation: 303" \
    status_is 303
LSHA=$(sha "$T/surat.pdf")
check "its letter is kept under its SHA-256, named in the event" all \
    '[ "$(sq "SELECT sha256 FROM letter_file WHERE ref = '"'"'recommendation'"'"'")" = "$LSHA" ]' \
    '[ -f "$FILES/${LSHA:0:2}/${LSHA:2}" ]' \
    '[ "$(sq "SELECT count(*) FROM event WHERE action = '"'"'recommend'"'"' AND after LIKE '"'"'%'"$LSHA"'%'"'"'")" = 1 ]'
get sekretariat /kelola/3/laporan
check "the page names the recommendation, who recorded it, its letter" all \
    "body_has 'Direkomendasikan dengan catatan'" \
    "body_has '(instansi pengawas)'" "body_has 'Surat rekomendasi (PDF'" \
    "body_has 'menunggu tindak lanjutnya'"
LID=$(sq "SELECT id FROM letter_file WHERE ref = 'recommendation'")
get sekretariat "/kelola/3/surat/$LID.pdf"
check "the secretariat downloads the letter: the same bytes, an attachment" \
    all "status_is 200" '[ "$(sha "$BODY")" = "$LSHA" ]' \
    '[ "$(hdr "$H" Content-Disposition)" = "attachment; filename=\"surat-rekomendasi.pdf\"" ]'
get calon1 "/kelola/3/surat/$LID.pdf"
check "a candidate may not: 403" status_is 403
get ppk /kelola/3/pengangkatan
check "a binding recommendation: the appointment waits (409)" \
    all "status_is 409" "body_has 'rekomendasi instansi pengawas'"
FU=('action=Berita acara dilengkapi dan dikirim kembali.'
    done_on=2026-11-23 letter_no=800/9/2026)
refused "the follow-up without its letter: 400" 400 'Unggah berkas surat' \
    postf ppk /kelola/3/laporan/tindaklanjut - "${FU[@]}"
refused "the chair does not record the follow-up: 403" 403 '' \
    postf ketua /kelola/3/laporan/tindaklanjut "$T/surat.pdf" "${FU[@]}"
postf ppk /kelola/3/laporan/tindaklanjut "$T/surat.pdf" "${FU[@]}"
check "the PPK records the follow-up with its letter: 303, audited" all \
    "status_is 303" \
    '[ "$(sq "SELECT count(*) FROM event WHERE action = '"'"'recommend_followup'"'"'")" = 1 ]'
get pengawas /kelola/3/laporan
check "the page shows the follow-up" \
    body_has 'Berita acara dilengkapi dan dikirim kembali.'
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
    postf ppk /kelola/3/pengangkatan/catat "$T/surat.pdf" "${APPT[@]}"
check "the refused form keeps the decree number, the error beside the date" \
    all "body_has 'value=\"821.2/15/2026\"'" \
    "body_has 'aria-describedby=\"angkat-$VAC-decree_on-err\"'"
appt mode=surat
refused "an inauguration in another way: 400" 400 'Pilih cara pelantikan' \
    postf ppk /kelola/3/pengangkatan/catat "$T/surat.pdf" "${APPT[@]}"
appt
refused "the appointment without the decree's PDF: 400" 400 \
    'Unggah berkas surat' postf ppk /kelola/3/pengangkatan/catat - \
    "${APPT[@]}"
refused "a decree that is not a PDF: 400" 400 'harus PDF' \
    postf ppk /kelola/3/pengangkatan/catat "$T/surat-palsu.pdf" "${APPT[@]}"
postf ppk /kelola/3/pengangkatan/catat "$T/surat.pdf" "${APPT[@]}"
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
    "body_has 'Keputusan pengangkatan (SK) (PDF'" \
    "body_has '22 Agustus 2031'" "body_has 'TEN-EVAL'"
refused "a second appointment: 409" 409 '' \
    post ppk /kelola/3/pengangkatan/catat "${APPT[@]}"
check "the audit chain is intact" audit_ok
check "no sanitizer report from the server" sanitizer_quiet
echo "1..$n"
