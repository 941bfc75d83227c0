#!/usr/bin/env bash
# STG-REUSE over HTTP (issue 12 item 4): a region on pekalongan-2022 (a
# passed assessment usable for 3 years), the secretariat's record of two
# assessments held outside selter (/kelola/asesmen), then a later
# selection's assessment stage (/kelola/N/tahap/asesmen/ulang): a result
# still valid is applied, one past its 3 years is refused with the rule
# and its citation, who may not is refused, and each record and use is in
# the audit trail.  A refused request must change nothing (the store is
# dumped and compared); a refused form comes back with what was typed and
# the error beside its field.  The clock is fixed (SELTER_NOW).
#
# The stages are other parts of issue 12: seed_assessment_stage writes the
# rows that bring a selection to its assessment stage (administrative
# result published, two candidates passed) straight into the store.
#
# usage: tests/http/reuse.sh path/to/selter      Prints TAP, one line a check.
# Needs bash, curl and sqlite3.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export SELTER_NOW=2026-11-23T03:00:00Z		# 10:00 WIB

if ! serve --demo; then
	echo "1..1"
	notok "selter serve starts" "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo listens"
for u in admin sekretariat ketua anggota pengawas ppk; do login "$u"; done

post admin /admin/wilayah code=pekalongan "name=Pemerintah Kota Pekalongan" \
    profile=pekalongan-2022 oversight=KASN "secretariat=Sekretariat Pansel"
check "the administrator adds a region on pekalongan-2022: 303" status_is 303
post admin /admin/peran login=sekretariat region=pekalongan role=secretariat
check "the secretariat is granted the region: 303" status_is 303
post admin /admin/peran login=pengawas region=pekalongan role=oversight
check "the oversight body too: 303" status_is 303
R=$(sq "SELECT id FROM region WHERE code = 'pekalongan'")

BUDI=199001012015031001
SARI=198502022010012002
# The rows the stage part would have made: selection S of region R at its
# assessment stage (21-22 December 2026), Budi and Sari passed the
# administrative result; the chair of S is the demo's ketua.
seed_assessment_stage() {
	sq "INSERT INTO selection (region_id, title, state, created_at,
	    published_at, adm_published_at) VALUES ($R,
	    'Seleksi JPT Pratama Kota Pekalongan 2026', 'published',
	    '2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z',
	    '2026-11-20T00:00:00Z')"
	S=$(sq "SELECT max(id) FROM selection")
	sq "INSERT INTO selection_stage (selection_id, stage, starts_on, ends_on)
	    VALUES ($S, 'assessment', '2026-12-21', '2026-12-22');
	INSERT INTO vacancy (selection_id, title, agency, level, echelon, kind,
	    reason) VALUES ($S, 'Kepala Dinas Pendidikan',
	    'Pemerintah Kota Pekalongan', 'jpt_pratama', 'II.b', 'agency_head',
	    'pensiun');
	INSERT INTO account (login, name, pwhash, created_at) VALUES
	    ('$BUDI', 'Budi Santoso', 'x', '2026-10-05T00:00:00Z'),
	    ('$SARI', 'Sari Dewi', 'x', '2026-10-05T00:00:00Z');
	INSERT INTO applicant (account_id, nip, birth_date, tmt_cpns)
	    SELECT id, login, CASE login WHEN '$BUDI' THEN '1990-01-01' ELSE
	    '1985-02-02' END, CASE login WHEN '$BUDI' THEN '2015-03' ELSE
	    '2010-01' END FROM account WHERE login IN ('$BUDI', '$SARI');
	INSERT INTO application (selection_id, vacancy_id, account_id, state,
	    reg_no, submitted_at, record, verdict, rules)
	    SELECT $S, (SELECT max(id) FROM vacancy), id, 'submitted',
	    'PKL-2026-' || substr(login, 1, 4), '2026-11-10T00:00:00Z', '{}',
	    'eligible', '[]' FROM account WHERE login IN ('$BUDI', '$SARI');
	INSERT INTO adm_decision (application_id, passed, reason, decided_by,
	    decided_at) SELECT id, 1, 'Memenuhi syarat.', 'Ketua', submitted_at
	    FROM application WHERE selection_id = $S;
	INSERT INTO grant_role (account_id, region_id, selection_id, role)
	    SELECT id, $R, $S, 'chair' FROM account WHERE login = 'ketua';
	INSERT INTO grant_role (account_id, region_id, selection_id, role)
	    SELECT id, $R, $S, 'member' FROM account WHERE login = 'anggota';"
}
seed_assessment_stage
for u in ketua anggota; do login "$u"; done
A_BUDI=$(sq "SELECT x.id FROM application x JOIN applicant a ON a.account_id = x.account_id WHERE a.nip = '$BUDI'")
A_SARI=$(sq "SELECT x.id FROM application x JOIN applicant a ON a.account_id = x.account_id WHERE a.nip = '$SARI'")

# ---- the secretariat's record by hand ----

get sekretariat /kelola/asesmen
check "GET /kelola/asesmen: the form for the region, with its token" all \
    'status_is 200' 'body_has "<option value=\"pekalongan\""' \
    'body_has "name=\"csrf\""' 'body_has "Alasan tidak dapat mengikuti tes"'
get - /kelola/asesmen
check "a visitor not logged in is sent to /masuk" status_is 303 /masuk
get anggota /kelola/asesmen
check "a committee member may not open it: 403" status_is 403
get admin /kelola/asesmen
check "nor the administrator: 403" status_is 403
rec() {
	local who=$1
	shift
	# The first of two fields of one name is the one read: "$@" first.
	post "$who" /kelola/asesmen "$@" region=pekalongan "nip=$SARI" "name=Sari Dewi" \
	    level=jpt_pratama "post_title=Kepala Bappeda" \
	    "source=Seleksi terbuka JPT Pratama Kota Pekalongan 2023" \
	    "provider=Pusat Penilaian Kompetensi BKN" accreditation=A \
	    held_on=2023-12-20 result_on=2023-12-27 passed=1 score=78,25 \
	    managerial=80 social= field= report_ref=LHA-7/2023 \
	    "stop_reason=Tugas belajar pada tanggal wawancara akhir."
}
refused "a wrong NIP: 400, unchanged" 400 "NIP harus 18 angka" \
    rec sekretariat nip=1985020220100120
check "the refused form keeps what was typed, the error beside the NIP" all \
    'body_has "id=\"rec-nip-err\""' 'body_has "aria-invalid=\"true\""' \
    'body_has "value=\"1985020220100120\""' \
    'body_has "value=\"Pusat Penilaian Kompetensi BKN\""' \
    'body_has "Tugas belajar pada tanggal wawancara akhir."'
refused "a report dated before the assessment: 400, unchanged" 400 \
    "tidak boleh sebelum tanggal pelaksanaan" rec sekretariat result_on=2023-12-19
refused "an assessment dated after today: 400, unchanged" 400 \
    "tidak boleh sesudah hari ini" rec sekretariat held_on=2026-11-24
refused "a score above 100: 400, unchanged" 400 "angka 0 sampai 100" \
    rec sekretariat score=100,5
refused "a committee member may not record: 403, unchanged" 403 "" rec anggota
refused "nor may the administrator: 403, unchanged" 403 "" rec admin
refused "without the form token: 403, unchanged" 403 "" \
    post_tok sekretariat "" /kelola/asesmen region=pekalongan "nip=$SARI"
refused "Demak (no STG-REUSE): nothing to record, 409, unchanged" 409 \
    "tidak mengatur penggunaan kembali" rec sekretariat region=demak
rec sekretariat
check "Sari's assessment of 20 December 2023 is recorded: 303" status_is 303 "/kelola/asesmen?ok=1"
rec sekretariat "nip=$BUDI" "name=Budi Santoso" held_on=2024-06-03 \
    result_on=2024-06-10 score=81 report_ref=LHA-3/2024
check "Budi's of 3 June 2024 too: 303" status_is 303 "/kelola/asesmen?ok=1"
get sekretariat /kelola/asesmen
check "the region's records are listed" all 'status_is 200' \
    'body_has "$SARI"' 'body_has "$BUDI"' 'body_has "78,25"' \
    'body_has "dicatat sekretariat"'
REC_SARI=$(sq "SELECT id FROM assessment_record WHERE nip = '$SARI'")
REC_BUDI=$(sq "SELECT id FROM assessment_record WHERE nip = '$BUDI'")
check "two audit events assessment_record, citing STG-REUSE" test \
    "$(sq "SELECT count(*) FROM event WHERE action = 'assessment_record' AND
    rules LIKE '%STG-REUSE%Ketentuan Lain-lain huruf A%' AND after LIKE '%LHA-%'")" = 2

# ---- using them in the selection's assessment stage ----

U=/kelola/$S/tahap/asesmen/ulang
get sekretariat "/kelola/$S/tahap/asesmen"
check "the assessment stage's page links its reuse page" all 'status_is 200' \
    "body_has \"href=\\\"$U\\\"\""
get sekretariat "$U"
check "GET $U: each candidate with the results found for the NIP" all \
    'status_is 200' 'body_has "PKL-2026-1990"' 'body_has "Pusat Penilaian Kompetensi BKN"' \
    'body_has "Berlaku sampai dengan: <strong>3 Juni 2027"' \
    'body_has "Berlaku sampai dengan: <strong>20 Desember 2026"' \
    'body_has "sudah lewat"' 'body_has "22 Desember 2026"' \
    'body_has "name=\"confirm\""' 'body_has "Perwal Pekalongan 47/2022 Lampiran I Ketentuan Lain-lain huruf A"'
get - "$U"
check "a visitor not logged in is sent to /masuk" status_is 303 /masuk
apply() { local who=$1; shift; post "$who" "$U" "$@"; }
refused "Sari's result, past its 3 years: 400, unchanged" 400 \
    "berlaku sampai dengan 20 Desember 2026" \
    apply sekretariat "application=$A_SARI" "record=$REC_SARI" confirm=1
check "the refusal names the rule and its citation, beside the result" all \
    'body_has "Ditolak (STG-REUSE, Perwal Pekalongan 47/2022 Lampiran I Ketentuan Lain-lain huruf A)"' \
    'body_has "id=\"ulang-err\""'
refused "Budi's without the ticked statement: 400, unchanged" 400 \
    "Centang pernyataan" apply sekretariat "application=$A_BUDI" "record=$REC_BUDI"
check "the error is beside the statement" all \
    "body_has \"id=\\\"ulang-$A_BUDI-$REC_BUDI-err\\\"\"" 'body_has "aria-invalid=\"true\""'
refused "Budi's result for Sari: 400, unchanged" 400 "tidak tercatat untuk NIP" \
    apply sekretariat "application=$A_SARI" "record=$REC_BUDI" confirm=1
refused "a committee member may not apply it: 403, unchanged" 403 "" \
    apply anggota "application=$A_BUDI" "record=$REC_BUDI" confirm=1
refused "nor the oversight body: 403, unchanged" 403 "" \
    apply pengawas "application=$A_BUDI" "record=$REC_BUDI" confirm=1
get ppk "$U"
check "the PPK may not open the page: 403" status_is 403
apply ketua "application=$A_BUDI" "record=$REC_BUDI" confirm=1
check "the chair applies Budi's result: 303" status_is 303 "$U?ok=1#digunakan"
get pengawas "$U"
check "the oversight body reads it among the results used, no form" all \
    'status_is 200' 'body_has "Hasil yang sudah digunakan"' \
    'body_has "<td>3 Juni 2027</td>"' 'body_has "<td>81,00</td>"' \
    'body_lacks "name=\"confirm\""'
refused "the same again: 409, unchanged" 409 "sudah digunakan" \
    apply sekretariat "application=$A_BUDI" "record=$REC_BUDI" confirm=1
check "the reuse is kept with its validity" test \
    "$(sq "SELECT valid_until FROM assessment_reuse WHERE application_id = $A_BUDI")" = 2027-06-03
check "its audit event: assessment_reuse of selection $S, citing STG-REUSE" test \
    "$(sq "SELECT count(*) FROM event WHERE action = 'assessment_reuse' AND
    selection_id = $S AND rules LIKE '%STG-REUSE%' AND after LIKE '%PKL-2026-1990%'")" = 1
get pengawas "/kelola/$S/jejak"
check "the selection's trail shows it, in words" all 'status_is 200' 'body_has "Hasil assessment sebelumnya digunakan (STG-REUSE)"' 'body_has "Berlaku sampai dengan"'
check "selter audit verify: the chain is intact" audit_ok

# ---- a region whose regulation has no STG-REUSE ----

get sekretariat /kelola/1/tahap/asesmen/ulang
check "Demak's selection: the page says no result may be reused" all \
    'status_is 200' 'body_has "tidak mengatur penggunaan kembali"' \
    'body_lacks "name=\"confirm\""'

check "every response carries the security headers" all_responses_ok
check "no sanitizer report" sanitizer_quiet
unserve
check "the server stops gracefully" test "$rc" = 0
echo "1..$n"
