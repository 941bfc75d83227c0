#!/usr/bin/env bash
# Running a stage over HTTP (issue 12 item 1), against `selter serve
# --demo` on a store of its own, its region switched to the Covid
# procedure of Demak (demak-2022-covid: stages by video conference).
#
# The plan's stage form takes a pass criterion, a place or an https link,
# a time and (for the assessment) a provider; bad values are refused with
# the error beside the field and what was typed kept, and nothing changes.
# The selection is then carried to its first stage (seed_adm_result: the
# administrative selection's rows, which apply.sh reaches through its own
# forms), and on the stage's page (/kelola/N/tahap/makalah) the
# secretariat sends the invitations (one outbox mail per candidate, only
# once) and records an absence, which the applicant's page shows with
# the invitation.  The track record's instrument and inquiry notes are the
# committee's and confidential; the interview's material is the
# committee's.  The assessor and the resource person get their pages
# (200, with what they need) and 403 everywhere else.
#
# usage: tests/http/stage.sh path/to/selter     Prints TAP.
# Needs bash, curl, sqlite3 and GNU date.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STAFF=(sekretariat ketua anggota asesor narasumber pengawas admin pelamar)
events() { sq "SELECT count(*) FROM event WHERE action = '$1'"; }

if ! serve --demo; then
	echo "1..1"
	notok "selter serve --demo starts" "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo starts on a store of its own"
sq "UPDATE region SET profile_id = 'demak-2022-covid' WHERE code = 'demak'"
for u in "${STAFF[@]}"; do login "$u"; done

# ---- 1. the plan of each stage (selection 2, not yet published) ----

P1=$(sq "SELECT starts_on FROM selection_stage WHERE selection_id = 2 AND stage = 'paper'")
P2=$(sq "SELECT ends_on FROM selection_stage WHERE selection_id = 2 AND stage = 'paper'")
LINK=https://meet.example.go.id/pansel-demak/makalah
get sekretariat /kelola/2/rencana
check "the plan's stage form asks for the pass criterion, time, place and link" all \
    'status_is 200' 'body_has "name=\"pass_min\""' 'body_has "name=\"pass_best\""' \
    'body_has "name=\"time_text\""' 'body_has "name=\"place\""' 'body_has "name=\"link\""' \
    'body_has "Penulisan makalah (boleh, Perbup Demak 47/2022 Pasal 24 ayat (1))"'
stage_put() { post "$1" /kelola/2/tahapan stage="$2" starts_on="$3" ends_on="$4" method= "${@:5}"; }
refused "a minimum score of 101: 400, beside its field, typed values kept" 400 \
    "Nilai minimum kelulusan harus angka 0 sampai 100" \
    stage_put sekretariat paper "$P1" "$P2" pass_min=101 "link=$LINK" "time_text=08.00-12.00 WIB"
check "  ... the form comes back with 101 and the link" all \
    'body_has "value=\"101\""' "body_has \"value=\\\"$LINK\\\"\"" \
    'body_has "aria-invalid=\"true\""'
refused "a minimum score with 3 decimals: 400" 400 "paling banyak 2 angka di belakang koma" \
    stage_put sekretariat paper "$P1" "$P2" pass_min=70,125
refused "best N of 0: 400" 400 "bilangan bulat 1 sampai 99" \
    stage_put sekretariat paper "$P1" "$P2" pass_best=0
refused "an http:// link: 400 (https only)" 400 "harus alamat https://" \
    stage_put sekretariat paper "$P1" "$P2" link=http://meet.example.go.id/x
refused "a link with a user part: 400" 400 "harus alamat https://" \
    stage_put sekretariat paper "$P1" "$P2" link=https://bank@evil.example/x
refused "the Covid assessment at a place without a link: 400, Pasal 24 ayat (2)" 400 \
    "dilaksanakan melalui konferensi video (Perbup Demak 47/2022 Pasal 24 ayat (2))" \
    stage_put sekretariat assessment "$(sq "SELECT starts_on FROM selection_stage WHERE selection_id = 2 AND stage = 'assessment'")" \
    "$(sq "SELECT ends_on FROM selection_stage WHERE selection_id = 2 AND stage = 'assessment'")" "place=Aula BKPSDM"
refused "a provider for the paper: 400" 400 "Penyelenggara hanya diisi untuk seleksi kompetensi" \
    stage_put sekretariat paper "$P1" "$P2" provider=Lembaga
refused "a pass criterion on the administrative selection: 400" 400 "hanya untuk tahapan penilaian" \
    stage_put sekretariat administrative "$(sq "SELECT starts_on FROM selection_stage WHERE selection_id = 2 AND stage = 'administrative'")" \
    "$(sq "SELECT ends_on FROM selection_stage WHERE selection_id = 2 AND stage = 'administrative'")" pass_min=60
refused "a member may not edit the plan: 403" 403 "" \
    stage_put anggota paper "$P1" "$P2" pass_min=70
stage_put sekretariat paper "$P1" "$P2" pass_min=65,5 pass_best=3 "link=$LINK" "time_text=08.00-12.00 WIB"
check "the paper's plan: a minimum of 65,5, the best 3, a video link, a time: 303" all \
    'status_is 303' \
    '[ "$(sq "SELECT pass_min || \"|\" || pass_best || \"|\" || link || \"|\" || time_text FROM selection_stage WHERE selection_id = 2 AND stage = '"'"'paper'"'"'")" = "6550|3|'"$LINK"'|08.00-12.00 WIB" ]' \
    '[ "$(sq "SELECT json_extract(after, '"'"'$.pass_min'"'"') FROM event WHERE action = '"'"'stage_put'"'"' ORDER BY id DESC LIMIT 1")" = "65,5" ]'
A1=$(sq "SELECT starts_on FROM selection_stage WHERE selection_id = 2 AND stage = 'assessment'")
A2=$(sq "SELECT ends_on FROM selection_stage WHERE selection_id = 2 AND stage = 'assessment'")
stage_put sekretariat assessment "$A1" "$A2" pass_min=60 "link=https://vc.example.go.id/asesmen" \
    "provider=UPT Penilaian Kompetensi Jawa Tengah (terakreditasi A)"
check "the assessment by video conference with its provider: 303" all 'status_is 303' \
    '[ "$(sq "SELECT provider FROM selection_stage WHERE selection_id = 2 AND stage = '"'"'assessment'"'"'")" = "UPT Penilaian Kompetensi Jawa Tengah (terakreditasi A)" ]'
get sekretariat /kelola/2/rencana
check "the plan page shows each stage's row" all 'status_is 200' \
    'body_has "Nilai minimum 65,5. 3 terbaik per lowongan. 08.00-12.00 WIB."' \
    "body_has \"Konferensi video: $LINK\""

# ---- 2. the stage reached: the administrative result published ----

# seed_adm_result SEL: the administrative selection's rows of selection
# SEL as the administrative part makes them through its own pages
# (apply.sh): published and closed, two applications (the demo's pelamar
# and a second applicant) passed, the result published.
seed_adm_result() {
	local s=$1 vac now
	vac=$(sq "SELECT min(id) FROM vacancy WHERE selection_id = $s")
	now=$(date -u +%FT%TZ)
	sq "INSERT INTO account (login, name, email, pwhash, created_at)
	    SELECT 'pelamar2', 'Siti Rahmawati, S.T., M.T.', 'siti.rahmawati@example.org',
	    pwhash, created_at FROM account WHERE login = 'pelamar';
	  INSERT INTO applicant (account_id, nip, birth_date, tmt_cpns, confirmed_at)
	    SELECT id, '198001012005012001', '1980-01-01', '2005-01', '$now'
	    FROM account WHERE login = 'pelamar2';
	  INSERT INTO application (selection_id, vacancy_id, account_id, state, reg_no,
	    submitted_at, record, verdict, rules)
	    SELECT $s, $vac, id, 'submitted', 'DMK-2026-$s-' || id, '$now', '{}', 'pass', '[]'
	    FROM account WHERE login IN ('pelamar', 'pelamar2');
	  INSERT INTO adm_decision (application_id, passed, reason, decided_by, decided_at)
	    SELECT id, 1, 'Memenuhi persyaratan administrasi.', 'Ketua', '$now'
	    FROM application WHERE selection_id = $s;
	  UPDATE selection SET state = 'published', published_at = '$now',
	    closed_at = '$now', adm_published_at = '$now' WHERE id = $s;"
}
seed_adm_result 2
login pelamar2 demo-selter pelamar2
APP1=$(sq "SELECT x.id FROM application x JOIN account a ON a.id = x.account_id WHERE a.login = 'pelamar' AND x.selection_id = 2")
APP2=$(sq "SELECT x.id FROM application x JOIN account a ON a.id = x.account_id WHERE a.login = 'pelamar2' AND x.selection_id = 2")
REG1=$(sq "SELECT reg_no FROM application WHERE id = $APP1")
REG2=$(sq "SELECT reg_no FROM application WHERE id = $APP2")

get sekretariat /kelola/2/alur
check "the flow: the first stage is current and each stage links its page" all \
    'status_is 200' 'body_has "href=\"/kelola/2/tahap/makalah\""' \
    'body_has "href=\"/kelola/2/tahap/rekam-jejak\""' 'body_has "Tahap sekarang: <strong>Penulisan makalah"'
get sekretariat /kelola/2/tahap/makalah
check "the paper's page: schedule, criterion, link, the profile's steps, the candidates" all \
    'status_is 200' 'body_has "Sedang berjalan"' 'body_has "Nilai paling rendah 65,5 dan peringkat 3 terbaik per lowongan"' \
    "body_has \"href=\\\"$LINK\\\"\"" 'body_has "08.00-12.00 WIB"' \
    'body_has "Makalah dikirim secara daring sebagai dokumen"' \
    'body_has "<cite>Perbup Demak 47/2022 Pasal 24 ayat (1)</cite>"' \
    "body_has \"$REG1\"" "body_has \"$REG2\"" 'body_has "Belum dikirim"' \
    'body_has "action=\"/kelola/2/tahap/makalah/undang\""'
get sekretariat /kelola/2/tahap/seleksi
check "an unknown stage: 404" status_is 404

# ---- 3. invitations ----

MAILS0=$(sq "SELECT count(*) FROM outbox")
refused "a member may not send the invitations: 403, nothing sent" 403 "" \
    post anggota /kelola/2/tahap/makalah/undang
refused "the interview is not the current stage: 409, nothing sent" 409 \
    "bukan tahapan yang sedang berjalan" post sekretariat /kelola/2/tahap/wawancara/undang
post sekretariat /kelola/2/tahap/makalah/undang
check "the secretariat sends the invitations: 303, one mail per candidate, recorded" all \
    'status_is 303 "/kelola/2/tahap/makalah?ok=1"' \
    '[ "$(sq "SELECT count(*) FROM outbox")" = $((MAILS0 + 2)) ]' \
    '[ "$(sq "SELECT count(*) FROM stage_invite WHERE selection_id = 2 AND stage = '"'"'paper'"'"'")" = 2 ]' \
    '[ "$(events stage_invite)" = 1 ]'
BODY1=$(sq "SELECT body FROM outbox WHERE to_addr = 'budi.santoso@example.org' AND subject LIKE 'Undangan tahapan%'")
D1=$(sq "SELECT starts_on FROM selection_stage WHERE selection_id = 2 AND stage = 'paper'")
check "  ... the mail names the stage, the date in words, the time, the link and the rule" all \
    '[[ "$BODY1" == *"tahapan Penulisan makalah"* ]]' '[[ "$BODY1" == *"$REG1"* ]]' \
    '[[ "$BODY1" == *"Waktu: 08.00-12.00 WIB"* ]]' '[[ "$BODY1" == *"Tautan konferensi video: $LINK"* ]]' \
    '[[ "$BODY1" == *"Tanggal: $((10#${D1:8:2})) "* ]]' \
    '[[ "$BODY1" == *"Perbup Demak 47/2022 Pasal 16 huruf a; Pasal 24 ayat (1)"* ]]' \
    '[[ "$BODY1" == *"dicatat mengundurkan diri"* ]]'
refused "sending again: 409, nobody mailed twice" 409 "sudah diundang" \
    post ketua /kelola/2/tahap/makalah/undang

# ---- 4. an absence ----

refused "an absence without a note: 400, beside its field" 400 "Keterangan ketidakhadiran wajib diisi" \
    post sekretariat /kelola/2/tahap/makalah/absen application="$APP2" note=
refused "a member may not record an absence: 403" 403 "" \
    post anggota /kelola/2/tahap/makalah/absen application="$APP2" "note=Tidak hadir tanpa keterangan."
refused "an application that is not a candidate: 404" 404 "bukan peserta" \
    post sekretariat /kelola/2/tahap/makalah/absen application=999999 "note=Tidak hadir tanpa keterangan."
post ketua /kelola/2/tahap/makalah/absen application="$APP2" "note=Tidak hadir sampai batas waktu pengiriman makalah."
check "the chair records an absence: 303, the row and the event" all 'status_is 303' \
    '[ "$(sq "SELECT note FROM stage_absence WHERE application_id = $APP2 AND stage = '"'"'paper'"'"'")" = "Tidak hadir sampai batas waktu pengiriman makalah." ]' \
    '[ "$(sq "SELECT json_extract(after, '"'"'$.state'"'"') FROM event WHERE action = '"'"'stage_absent'"'"'")" = stage_absent ]'
refused "recording it twice: 409" 409 "sudah dicatat" \
    post sekretariat /kelola/2/tahap/makalah/absen application="$APP2" "note=Tidak hadir lagi."
get sekretariat /kelola/2/tahap/makalah
check "the stage's page shows the absence" all 'status_is 200' \
    'body_has "Tidak hadir pada tahapan"' 'body_has "Tidak hadir sampai batas waktu pengiriman makalah."'
get sekretariat "/kelola/2/lamaran/$APP2"
check "the application's page (staff) shows the invitation and the absence" all 'status_is 200' \
    'body_has "Tahapan sesudah seleksi administrasi"' 'body_has "Penulisan makalah: diundang "' \
    'body_has "Tidak hadir pada tahapan"' 'body_has "Tidak hadir sampai batas waktu pengiriman makalah."'
get pelamar2 /pelamar
check "the absent applicant's page shows the invitation and the absence" all 'status_is 200' \
    'body_has "Undangan tahapan seleksi"' "body_has \"$REG2\"" \
    'body_has "dicatat mengundurkan diri dari tahapan ini"' "body_has \"href=\\\"$LINK\\\"\""
get pelamar /pelamar
check "the other applicant's page shows the invitation, the time and the link" all 'status_is 200' \
    "body_has \"$REG1\"" 'body_has "Diundang "' 'body_has "08.00-12.00 WIB"' \
    "body_has \"href=\\\"$LINK\\\"\"" 'body_lacks "dicatat mengundurkan diri"' "body_lacks \"$REG2\""
get pelamar /kelola/2/tahap/makalah
check "an applicant may not read the stage's page: 403" status_is 403

# ---- 5. the track record: the committee's, confidential ----

bad_crit() { post anggota /kelola/2/tahap/rekam-jejak/instrumen c_name_1=Integritas c_weight_1=60 c_name_2="Rekam jejak jabatan" c_weight_2=30; }
refused "an instrument whose weights add up to 90: 400" 400 "Jumlah bobot kriteria harus 100 (sekarang 90)" bad_crit
refused "the secretariat may not set the instrument: 403" 403 "" \
    post sekretariat /kelola/2/tahap/rekam-jejak/instrumen c_name_1=Integritas c_weight_1=100
post anggota /kelola/2/tahap/rekam-jejak/instrumen c_name_1=Integritas c_weight_1=60 \
    c_name_2="Rekam jejak jabatan" c_weight_2=40
check "a member sets the integrity instrument: 303, two criteria" all 'status_is 303' \
    '[ "$(sq "SELECT group_concat(name || \":\" || weight, \";\") FROM track_criterion WHERE selection_id = 2")" = "Integritas:60;Rekam jejak jabatan:40" ]'
post anggota /kelola/2/tahap/rekam-jejak/penelusuran application="$APP1" source=atasan \
    "note=Atasan langsung menilai kepemimpinannya baik."
check "a member adds an inquiry note (superior): 303" all 'status_is 303' \
    '[ "$(sq "SELECT source FROM track_inquiry WHERE application_id = $APP1")" = atasan ]'
refused "an inquiry note with an unknown source: 400" 400 "Sumber penelusuran" \
    post anggota /kelola/2/tahap/rekam-jejak/penelusuran application="$APP1" source=tetangga "note=Catatan."
get pengawas /kelola/2/tahap/rekam-jejak
check "the oversight body reads the instrument and the notes" all 'status_is 200' \
    'body_has "Rekam jejak jabatan: bobot 40%"' 'body_has "Atasan langsung menilai kepemimpinannya baik."'
get sekretariat /kelola/2/tahap/rekam-jejak
check "the secretariat sees the stage but not the confidential track record" all 'status_is 200' \
    'body_lacks "Atasan langsung menilai"' 'body_lacks "Instrumen penilaian integritas"'

# ---- 6. the interview's material; the resource person ----

VAC=$(sq "SELECT min(id) FROM vacancy WHERE selection_id = 2")
post ketua /kelola/2/tahap/wawancara/materi vacancy="$VAC" \
    "body=Visi kesehatan daerah; pengelolaan anggaran; isu stunting."
check "the chair sets the interview's standardised material: 303" all 'status_is 303' \
    '[ "$(events stage_material)" = 1 ]'
get narasumber /dasbor
check "the resource person's dashboard links the interview" all 'status_is 200' \
    'body_has "href=\"/kelola/2/tahap/wawancara\""' 'body_lacks "/nilai"'
get narasumber /kelola/2/tahap/wawancara
check "the resource person reads the interview: schedule, candidates, material, no scoring" all \
    'status_is 200' "body_has \"$REG1\"" 'body_has "Visi kesehatan daerah; pengelolaan anggaran"' \
    'body_has "Narasumber tidak memberikan penilaian."' \
    'body_has "Perbup Demak 47/2022 Pasal 14 ayat (4) dan ayat (5)"' \
    'body_lacks "Belum dikirim"' 'body_lacks "action=\"/kelola"' 'body_lacks "Tidak hadir sampai batas"'
for u in /kelola/2 /kelola/2/alur /kelola/2/tahap/makalah /kelola/2/tahap/asesmen /kelola/2/tahap/rekam-jejak /kelola/1/tahap/wawancara/x; do
	get narasumber "$u"
	check "  ... $u as the resource person: 403 or 404" bash -c "[ $code = 403 ] || [ $code = 404 ]"
done
refused "the resource person may not record an absence: 403" 403 "" \
    post narasumber /kelola/2/tahap/makalah/absen application="$APP1" "note=Tidak hadir tanpa keterangan."

# ---- 7. the assessor ----

get asesor /dasbor
check "the assessor's dashboard links the assessment and its scoring" all 'status_is 200' \
    'body_has "href=\"/kelola/2/tahap/asesmen\""' 'body_has "href=\"/kelola/2/tahap/asesmen/nilai\""'
get asesor /kelola/2/tahap/asesmen
check "the assessor reads the assessment: schedule, provider, candidates" all 'status_is 200' \
    'body_has "UPT Penilaian Kompetensi Jawa Tengah (terakreditasi A)"' "body_has \"$REG1\"" \
    'body_has "Dilaksanakan melalui konferensi video."' 'body_lacks "Belum dikirim"' 'body_lacks "action=\"/kelola"'
for u in /kelola/2 /kelola/2/tahap/makalah /kelola/2/tahap/wawancara /kelola/2/tahap/rekam-jejak /kelola/2/administrasi; do
	get asesor "$u"
	check "  ... $u as the assessor: 403" status_is 403
done
refused "the assessor may not send invitations: 403" 403 "" \
    post asesor /kelola/2/tahap/asesmen/undang

check "no sanitizer report from the server" sanitizer_quiet
check "the audit trail is intact" audit_ok
unserve
check "SIGTERM: the server exits 0" test "$rc" = 0
echo "1..$n"
