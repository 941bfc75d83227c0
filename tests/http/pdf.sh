#!/usr/bin/env bash
# The documents as PDF letters (issue 13 items 1, 4 and 6), on the demo
# with its past selection (3: every stage published, the ranking sent to
# the PPK):
#  - each document type is served beside its page ("Unduh PDF") and
#    pdftotext finds what it must hold: every ANN-CONTENT item of the
#    announcement, every word of each published document as stored, the
#    letterhead, number, place and date and signature block;
#  - determinism: each published document's PDF, rendered on demand, has
#    the SHA-256 its publishing act recorded in the trail (pdf_sha256);
#    after a restart the bytes are the same; two renders of the ranking too;
#  - a name typed as markup prints as typed;
#  - the ranking: RAHASIA with the reader's own name across the page, for
#    those who may read it, refused to others;
#  - the QR code, read by zbarimg from a 300-dpi render, leads to the verify
#    page, which names the document and matches its hash;
#  - the minutes (berita acara) of a stage's closing, for the committee and
#    the oversight body only;
#  - a snapshot of each type's first page (pdftoppm -r 50, compared with a
#    tolerance to tests/http/pdf_ref/*.pgm.gz: tests/http/pdf_check.py says
#    why; PDF_REF_UPDATE=1 writes new references);
#  - an extension's addendum gets its own PDF, recorded the same way.
#
# usage: tests/http/pdf.sh path/to/selter    Prints TAP, one line a check.
# Needs curl, sqlite3, python3, pdftotext, pdftoppm, pdfinfo and zbarimg.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REF=$HERE/pdf_ref
export SELTER_DEMO_HISTORY=true
export SELTER_NOW=2026-11-23T03:00:00Z		# 10:00 WIB

for t in pdftotext pdftoppm pdfinfo zbarimg; do
	if ! command -v "$t" >/dev/null; then
		echo "1..0 # SKIP $t is not installed (tools/deps.sh test)"
		exit 0
	fi
done
if ! serve --demo; then
	echo "1..1"
	notok "selter serve --demo starts" "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo starts with the past selection"
for u in ketua ppk pengawas sekretariat calon1 calon2; do login "$u"; done

# pdf WHO URL NAME: the document at URL as WHO, kept as T/NAME.pdf with
# its text in T/NAME.txt.
pdf() {
	get "$1" "$2"
	status_is 200 || return 1
	case $(hdr "$H" Content-Type) in
	application/pdf*) ;;
	*) diag "Content-Type $(hdr "$H" Content-Type)"; return 1 ;;
	esac
	[ "$(head -c 5 "$BODY")" = "%PDF-" ] || { diag "not a PDF"; return 1; }
	cp "$BODY" "$T/$3.pdf"
	pdftotext "$T/$3.pdf" "$T/$3.txt" 2>"$T/$3.err" ||
	    { diag "pdftotext: $(cat "$T/$3.err")"; return 1; }
	tr -s '\n ' '  ' <"$T/$3.txt" >"$T/$3.flat"
}
# has NAME TEXT...: the PDF's text (its lines joined) holds each TEXT.
has() {
	local f=$T/$1.flat r=0
	shift
	for s in "$@"; do
		grep -qF -- "$s" "$f" || { diag "the PDF lacks: $s"; r=1; }
	done
	return $r
}
lacks() {
	local f=$T/$1.flat r=0
	shift
	for s in "$@"; do
		! grep -qF -- "$s" "$f" || { diag "the PDF holds: $s"; r=1; }
	done
	return $r
}
sha() { sha256sum "$T/$1.pdf" | cut -c1-64; }
# recorded PUB: the pdf_sha256 of the event that published publication PUB
# (the event after the head the publication found).
recorded() {
	sq "SELECT after FROM event WHERE id = (SELECT head_id + 1 FROM
	    publication WHERE id = $1)" | grep -o '"pdf_sha256":"[0-9a-f]*"' |
	    cut -d'"' -f4
}
# words PUB NAME: every word of publication PUB as stored is in the PDF.
words() {
	sq "SELECT body FROM publication WHERE id = $1" >"$T/pub$1.html"
	python3 "$HERE/pdf_check.py" words "$T/pub$1.html" "$T/$2.txt" \
	    >"$T/words.out" || diag "$(cat "$T/words.out")"
}
# same_as_recorded PUB NAME: the PDF's SHA-256 is the one in the trail.
same_as_recorded() {
	local want
	want=$(recorded "$1")
	[ -n "$want" ] || { diag "no pdf_sha256 in the publishing event"; return 1; }
	[ "$(sha "$2")" = "$want" ] || diag "PDF $(sha "$2"), recorded $want"
}

# ---- the announcement ----

get - /seleksi/3
check "the announcement's page links its PDF" all "status_is 200" \
    "body_has 'href=\"/seleksi/3/pengumuman.pdf\">Unduh PDF'"
check "the announcement's PDF is served (application/pdf)" \
    pdf - /seleksi/3/pengumuman.pdf ann
ANN=$(sq "SELECT id FROM publication WHERE selection_id = 3 AND kind = 'announcement'")
check "its letterhead, number, subject, place and date, signature block" \
    has ann "PEMERINTAH KABUPATEN DEMAK" "PROVINSI JAWA TENGAH" \
    "PANITIA SELEKSI TERBUKA JABATAN PIMPINAN TINGGI" "PENGUMUMAN" \
    "NOMOR 800/1299/PANSEL/2026" "TENTANG" "SELEKSI TERBUKA JPT PRATAMA" \
    "Ditetapkan di Demak" "pada tanggal 15 Agustus 2026" \
    "KETUA PANITIA SELEKSI," "Dr. Siti Aminah, M.Si."
# ANN-CONTENT (Perbup Demak 47/2022 Pasal 9 ayat (6) a-k), as the
# announcement words each item.
check "ANN-CONTENT: the PDF holds every item of Pasal 9 ayat (6) a-k" \
    has ann "Kepala Dinas Kesehatan" "Persyaratan administrasi dan dokumen" \
    "Tugas jabatan dan standar kompetensi" "Pakta Integritas" \
    "batas akhir pendaftaran 3 September 2026" \
    "Tahapan, jadwal dan sistem seleksi" "Sekretariat panitia seleksi" \
    "telepon (0291) 000000" "Ketentuan lain" \
    "Persyaratan jabatan yang diperiksa" \
    "Lamaran ditujukan kepada panitia seleksi" "KETUA PANITIA SELEKSI,"
check "every word of the announcement as published is in its PDF" \
    words "$ANN" ann
check "its SHA-256 is the one recorded when it was published" \
    same_as_recorded "$ANN" ann

# ---- the administrative result and every stage result ----

ADM=$(sq "SELECT id FROM publication WHERE selection_id = 3 AND kind = 'adm_result'")
get - /seleksi/3/hasil-administrasi
check "the administrative result's page links its PDF" all "status_is 200" \
    "body_has 'href=\"/seleksi/3/dokumen/$ADM.pdf\">Unduh PDF'"
check "the administrative result's PDF: every word, its trail's hash" all \
    "pdf - /seleksi/3/dokumen/$ADM.pdf adm" "words $ADM adm" \
    "same_as_recorded $ADM adm" "has adm 'HASIL SELEKSI ADMINISTRASI'"
check "... and at its stable name, the same bytes" all \
    "pdf - /seleksi/3/hasil-administrasi.pdf adm2" "cmp -s $T/adm.pdf $T/adm2.pdf"
for sd in makalah:paper rekam-jejak:track_record asesmen:assessment \
    wawancara:interview kesehatan:health; do
	s=${sd%%:*}
	id=$(sq "SELECT id FROM publication WHERE selection_id = 3 AND
	    kind = 'stage_result' AND stage = '${sd#*:}'")
	get - "/seleksi/3/hasil/$s"
	check "the $s result's page links its PDF" all "status_is 200" \
	    "body_has 'href=\"/seleksi/3/hasil/$s.pdf\">Unduh PDF'"
	check "the $s result's PDF: every word, its trail's hash" all \
	    "pdf - /seleksi/3/hasil/$s.pdf st-$s" "words $id st-$s" \
	    "same_as_recorded $id st-$s" "has st-$s DEMAK-2026-3-0001"
done
get - /seleksi/3/hasil/bukan-tahap.pdf
check "an unknown stage's PDF is 404" status_is 404
get - /seleksi/3/dokumen/999.pdf
check "an unknown publication's PDF is 404" status_is 404

# ---- the confidential ranking ----

get ppk /kelola/3/peringkat
check "the ranking's page links its PDF for the PPK" all "status_is 200" \
    "body_has 'href=\"/kelola/3/peringkat/rahasia.pdf\">Unduh PDF'"
check "the PPK's ranking PDF: RAHASIA with the PPK's own name" all \
    "pdf ppk /kelola/3/peringkat/rahasia.pdf rank-ppk" \
    "has rank-ppk RAHASIA 'Salinan untuk Bupati Demak (demo) (ppk)' DEMAK-2026-3-0003 \
    DEMAK-2026-3-0001 DEMAK-2026-3-0002 'Ditetapkan di Demak'" \
    "[ \"\$(hdr \"\$H\" Cache-Control)\" = 'private, no-store' ]"
check "the oversight body's copy carries its own name, not the PPK's" all \
    "pdf pengawas /kelola/3/peringkat/rahasia.pdf rank-bkn" \
    "has rank-bkn RAHASIA 'Salinan untuk Petugas BKN (demo) (pengawas)'" \
    "lacks rank-bkn 'Bupati Demak (demo)'"
check "the chair reads it too" pdf ketua /kelola/3/peringkat/rahasia.pdf rank-ketua
get sekretariat /kelola/3/peringkat/rahasia.pdf
check "the secretariat may not fetch the ranking PDF (403)" all \
    "status_is 403" "! head -c 5 \$BODY | grep -q %PDF"
get calon1 /kelola/3/peringkat/rahasia.pdf
check "nor a candidate (403)" status_is 403
get - /kelola/3/peringkat/rahasia.pdf
check "nor the public (sent to log in)" status_is 303 /masuk
get ketua /kelola/1/peringkat/rahasia.pdf
check "a ranking not sent yet has no PDF (404)" status_is 404
check "two renders of the ranking for the PPK: the same bytes" all \
    "pdf ppk /kelola/3/peringkat/rahasia.pdf rank-ppk2" \
    "cmp -s $T/rank-ppk.pdf $T/rank-ppk2.pdf"

# ---- the minutes of a stage's closing ----

get ketua /kelola/3/tahap/wawancara
check "a closed stage's page links its minutes (berita acara)" all \
    "status_is 200" "body_has '/kelola/3/tahap/wawancara/berita-acara.pdf'"
check "the minutes: the decision, every score, the committee, the chair" all \
    "pdf ketua /kelola/3/tahap/wawancara/berita-acara.pdf minutes" \
    "has minutes 'BERITA ACARA' 'PENETAPAN HASIL TAHAP WAWANCARA AKHIR' \
    'Keputusan panitia seleksi' 'Nilai peserta' DEMAK-2026-3-0003 \
    'Susunan panitia seleksi' 'Demikian berita acara' \
    'KETUA PANITIA SELEKSI,' 'Dr. Siti Aminah, M.Si.'"
check "the oversight body reads them too" \
    pdf pengawas /kelola/3/tahap/wawancara/berita-acara.pdf minutes-bkn
get sekretariat /kelola/3/tahap/wawancara/berita-acara.pdf
check "the secretariat may not (403)" status_is 403
get calon1 /kelola/3/tahap/wawancara/berita-acara.pdf
check "nor a candidate (403)" status_is 403
get - /kelola/3/tahap/wawancara/berita-acara.pdf
check "nor the public (sent to log in)" status_is 303 /masuk

# ---- the receipt, and a name typed as markup ----

APP=$(sq "SELECT x.id FROM application x JOIN account a ON a.id = x.account_id
    WHERE a.login = 'calon1' AND x.selection_id = 3")
get calon1 "/pelamar/lamaran/$APP"
check "the receipt's page links its PDF" all "status_is 200" \
    "body_has 'href=\"/pelamar/lamaran/$APP/tanda-terima.pdf\">Unduh PDF'"
check "the applicant's receipt PDF: number, name, post, time" all \
    "pdf calon1 /pelamar/lamaran/$APP/tanda-terima.pdf receipt" \
    "has receipt 'TANDA TERIMA PENDAFTARAN' 'NOMOR DEMAK-2026-3-0001' \
    'dr. Ahmad Fauzi, M.Kes.' 'Kepala Dinas Kesehatan' 'pukul'"
get calon2 "/pelamar/lamaran/$APP/tanda-terima.pdf"
check "another applicant may not fetch it (404)" status_is 404
get - "/pelamar/lamaran/$APP/tanda-terima.pdf"
check "nor the public (sent to log in)" status_is 303 /masuk
sq "UPDATE account SET name = '<b>x</b> &amp; Co' WHERE login = 'calon1'"
check "a name typed as markup prints as typed, never as markup" all \
    "pdf calon1 /pelamar/lamaran/$APP/tanda-terima.pdf inject" \
    "has inject '<b>x</b> &amp; Co'" "lacks inject 'dr. Ahmad Fauzi'"
sq "UPDATE account SET name = 'dr. Ahmad Fauzi, M.Kes.' WHERE login = 'calon1'"

# ---- the QR code and the verify page ----

# qr NAME: the URL in the QR code of the PDF's last page at 300 dpi.
qr() {
	local pages
	pages=$(pdfinfo "$T/$1.pdf" | awk '/^Pages:/ { print $2 }')
	pdftoppm -r 300 -gray -png -f "$pages" -l "$pages" "$T/$1.pdf" \
	    "$T/qr-$1" || { diag "pdftoppm failed"; return 1; }
	QR=$(zbarimg -q --raw "$T"/qr-"$1"*.png 2>/dev/null | head -n 1)
	rm -f "$T"/qr-"$1"*.png
	[ -n "$QR" ] || { diag "no QR code read"; return 1; }
	CODE=${QR##*/verifikasi/}
	[ "$CODE" != "$QR" ] || { diag "QR $QR is not a verify link"; return 1; }
}
# verify NAME TEXT...: the QR's page, on this server, holds each TEXT and
# the code printed on the PDF.
verify() {
	local n=$1 up
	shift
	qr "$n" || return 1
	up=$(echo "$CODE" | tr a-z A-Z)
	has "$n" "$up" || return 1
	get - "/verifikasi/$CODE"
	status_is 200 || return 1
	for s in "$@"; do body_has "$s" || return 1; done
}
for d in ann adm st-wawancara; do
	check "the $d PDF's QR code (300 dpi) leads to its verify page: hash matches" \
	    verify "$d" "$(sha "$d")" "Cocok" "Peristiwa jejak audit"
done
check "the ranking's QR code: it exists, when, to whom; nothing of its content" \
    all "verify rank-ppk rahasia 'PPK' \
    '$(sq "SELECT sha256 FROM ranking_sent WHERE selection_id = 3")'" \
    "body_lacks DEMAK-2026-3-0003" "body_lacks 'Ahmad Fauzi'"
check "the receipt's QR code: its number and the PDF's hash" \
    verify receipt DEMAK-2026-3-0001 "$(sha receipt)"
check "the minutes' QR code: the stage, when it closed" \
    verify minutes "Berita acara" "Wawancara"
get - /verifikasi/zzzzz-zzzzz
check "an unknown code is 404" status_is 404
get - "/verifikasi?kode=$(echo "$CODE" | tr a-z A-Z)"
check "the code typed in capitals leads to its page" status_is 303 "/verifikasi/$CODE"

# ---- snapshots ----

# look NAME: the first page at 50 dpi against pdf_ref/NAME.pgm.gz (with
# PDF_REF_UPDATE set: written there instead).
look() {
	local page
	pdftoppm -r 50 -gray -f 1 -l 1 "$T/$1.pdf" "$T/look-$1" ||
	    { diag "pdftoppm failed"; return 1; }
	page=$(ls "$T"/look-"$1"*.pgm | head -n 1)
	if [ -n "${PDF_REF_UPDATE:-}" ]; then
		mkdir -p "$REF"
		gzip -9n <"$page" >"$REF/$1.pgm.gz"
		return 0
	fi
	[ -f "$REF/$1.pgm.gz" ] || { diag "no reference $REF/$1.pgm.gz"; return 1; }
	python3 "$HERE/pdf_check.py" look "$page" "$REF/$1.pgm.gz" \
	    >"$T/look.out" 2>&1 || diag "$(cat "$T/look.out")"
}
for d in ann adm st-wawancara rank-ppk receipt minutes; do
	check "the first page of $d looks as its reference" look "$d"
done

# ---- determinism across a restart ----

unserve
if ! serve; then
	notok "selter serve restarts" "$(tail -n 5 "$T/server.err")"
	echo "1..$n"
	exit 1
fi
check "after a restart, the announcement's PDF is the same, byte for byte" \
    all "pdf - /seleksi/3/pengumuman.pdf ann-again" \
    "cmp -s $T/ann.pdf $T/ann-again.pdf"

# ---- an addendum ----

unserve
CLOSE=$(sq "SELECT ann_close FROM selection WHERE id = 1")
if ! serve --now "${CLOSE}T17:00:00Z"; then
	notok "selter serve restarts after the closing date" "$(tail -n 5 "$T/server.err")"
	echo "1..$n"
	exit 1
fi
login ketua
post ketua /kelola/1/administrasi/perpanjang "ref=800/77/PANSEL/2026" \
    "close=$(date -u -d "$CLOSE + 10 days" +%F)"
ADD=$(sq "SELECT max(id) FROM publication WHERE selection_id = 1 AND kind = 'addendum'")
check "the chair extends registration: an addendum is published" \
    test -n "$ADD"
get - /seleksi/1
check "the addendum's PDF is linked beside it on the announcement's page" \
    all "status_is 200" "body_has 'href=\"/seleksi/1/dokumen/$ADD.pdf\">Unduh PDF'"
check "the addendum's PDF: every word, its extension, its trail's hash" all \
    "pdf - /seleksi/1/dokumen/$ADD.pdf addendum" "words $ADD addendum" \
    "same_as_recorded $ADD addendum" \
    "has addendum 'PENGUMUMAN PERUBAHAN' '800/77/PANSEL/2026'"

check "no sanitizer report from the server" sanitizer_quiet
check "the audit trail is intact" audit_ok
unserve
echo "1..$n"
