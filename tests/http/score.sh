#!/usr/bin/env bash
# A stage's scoring over HTTP (issue 12 item 2), against `selter serve`
# with the demo data: selection 1 is taken to its first stage, the paper
# (graded blind), by rows written into the store (seed_stage, until the
# stage part is merged); then the secretariat opens it, three committee
# members score and submit through the sheet, everyone's scores stay
# sealed until the last sheet, the narasumber, the secretariat, the
# administrator and another selection's member are refused with nothing
# changed, and the chair closes the stage.
#
# usage: tests/http/score.sh path/to/selter     Prints TAP.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# seed_stage: three candidates the published administrative result
# passed (accounts c1-c3, applications 901-903), a third member with an
# account (penilai3), an account on selection 2's committee only (lain).
seed_stage() {
	sqlite3 "$DB" <<-'EOF'
	INSERT INTO account (id, login, name, pwhash, created_at)
	    SELECT 901 + k.n, 'c' || (k.n + 1), 'Calon Nomor ' || (k.n + 1),
	    a.pwhash, '2026-11-01T00:00:00Z' FROM account a,
	    (SELECT 0 AS n UNION SELECT 1 UNION SELECT 2) k
	    WHERE a.login = 'anggota';
	INSERT INTO grant_role (account_id, region_id, selection_id, role)
	    SELECT id, 1, 1, 'applicant' FROM account WHERE id > 900;
	INSERT INTO application (id, selection_id, vacancy_id, account_id,
	    state, reg_no, submitted_at, record, verdict, rules)
	    SELECT 901 + k.n, 1, v.id, 901 + k.n, 'submitted',
	    'REG-00' || (k.n + 1), '2026-12-01T00:00:00Z', '{}', 'eligible',
	    '[]' FROM (SELECT min(id) AS id FROM vacancy WHERE
	    selection_id = 1) v,
	    (SELECT 0 AS n UNION SELECT 1 UNION SELECT 2) k;
	INSERT INTO adm_decision SELECT id, 1, 'Memenuhi syarat.', 'Panitia',
	    '2026-12-13T00:00:00Z' FROM application WHERE id > 900;
	INSERT INTO account (id, login, name, pwhash, created_at)
	    SELECT 911, 'penilai3', 'Anggota Tiga', pwhash, created_at
	    FROM account WHERE login = 'anggota';
	UPDATE member SET account_id = 911 WHERE id = (SELECT min(id) FROM
	    member WHERE selection_id = 1 AND account_id IS NULL);
	INSERT INTO grant_role (account_id, region_id, selection_id, role,
	    member_id) SELECT 911, 1, 1, 'member', id FROM member
	    WHERE account_id = 911;
	INSERT INTO account (id, login, name, pwhash, created_at)
	    SELECT 912, 'lain', 'Anggota Seleksi Lain', pwhash, created_at
	    FROM account WHERE login = 'anggota';
	INSERT INTO grant_role (account_id, region_id, selection_id, role)
	    VALUES (912, 1, 2, 'member');
	UPDATE selection_stage SET pass_best = 2 WHERE selection_id = 1 AND
	    stage = 'paper';
	UPDATE selection SET closed_at = ann_close || 'T17:00:00Z',
	    closed_by = 'Sekretariat', adm_published_at = ann_close ||
	    'T18:00:00Z', adm_signed_by = 'Ketua' WHERE id = 1;
	EOF
}

if ! serve --demo; then
	notok "selter serve --demo starts" "$(cat "$T/server.err")"
	echo "1..$n"
	exit 1
fi
ok "selter serve --demo starts on a store of its own"
unserve
seed_stage
CLOSE=$(sq "SELECT ann_close FROM selection WHERE id = 1")
NOW=$(date -u -d "$CLOSE + 2 days" +%F)T03:00:00Z
if ! serve --now "$NOW"; then
	notok "selter serve restarts with --now $NOW" "$(tail -n 5 "$T/server.err")"
	echo "1..$n"
	exit 1
fi
ok "selter serve restarts at $NOW, the administrative result published"
for u in sekretariat ketua anggota penilai3 narasumber admin lain pengawas ppk c1; do
	login "$u"
done
S=/kelola/1/tahap/makalah/nilai

get anggota /dasbor
check "the dashboard links a member to the sheet" all 'status_is 200' \
    "body_has 'href=\"$S\"'"
get anggota "$S"
check "before opening: the sheet says so, no score input" all \
    'status_is 200' 'body_has "belum dibuka"' 'body_lacks "inputmode=\"decimal\""'
refused "a member cannot open the stage: 403" 403 \
    "Hanya sekretariat atau ketua" post anggota "$S" aksi=buka
get sekretariat "$S"
check "the secretariat is offered the opening" body_has "Buka penilaian tahap ini"
post sekretariat "$S" aksi=buka
check "the secretariat opens the paper for scoring: 303" status_is 303 "$S?ok=1"
check "  ... its raters are the chair and the two members with accounts" \
    test "$(sq "SELECT count(*) FROM stage_rater WHERE selection_id = 1 AND stage = 'paper'")" = 3
check "  ... a blind code per candidate" \
    test "$(sq "SELECT count(DISTINCT code) FROM blind_code WHERE stage = 'paper'")" = 3
declare -A CODE
for a in 901 902 903; do
	CODE[$a]=$(sq "SELECT code FROM blind_code WHERE application_id = $a AND stage = 'paper'")
done

get anggota "$S"
blind_ok() {
	body_has 'inputmode="decimal"' && body_has "Kode ${CODE[901]}" &&
	    body_lacks "REG-00" && body_lacks "Calon Nomor" &&
	    body_lacks 'value="901"' && body_lacks -901
}
check "the member's sheet: decimal inputs, codes only, no names or numbers" all \
    'status_is 200' blind_ok
check "  ... the seal: 0 of 3" body_has "Disegel: 0 dari 3 penilai telah mengirim."

refused "the narasumber cannot score: 403, STG-INTERVIEW's reason" 403 \
    "Narasumber dapat hadir tetapi tidak memberi nilai (STG-INTERVIEW" \
    post narasumber "$S" aksi=nilai "calon=${CODE[901]}" value=90
refused "the secretariat cannot score: 403" 403 "bukan penilai" \
    post sekretariat "$S" aksi=nilai "calon=${CODE[901]}" value=90
refused "the administrator cannot score: 403" 403 "" \
    post admin "$S" aksi=nilai "calon=${CODE[901]}" value=90
refused "a member of another selection's committee cannot score: 403" 403 "" \
    post lain "$S" aksi=nilai "calon=${CODE[901]}" value=90
refused "a candidate cannot score: 403" 403 "" \
    post c1 "$S" aksi=nilai "calon=${CODE[901]}" value=90
refused "a score over 100 is refused beside its field, nothing kept" 400 \
    "Nilai: isi angka 0 sampai 100" post anggota "$S" aksi=nilai "calon=${CODE[901]}" value=100,5
check "  ... the typed value comes back" body_has 'value="100,5"'

# three raters, each candidate; a comma and a point both accepted
score() {	# score WHO V1 V2 V3
	local who=$1 i=0 v
	shift
	for v in "$@"; do
		post "$who" "$S" aksi=nilai "calon=${CODE[$((901 + i))]}" "value=$v"
		[ "$code" = 303 ] || { diag "$who $((901 + i)) $v: $code"; return 1; }
		i=$((i + 1))
	done
}
check "ketua scores the three papers" score ketua 78,5 70 60.25
check "anggota scores the three papers" score anggota 80 72,5 61
check "penilai3 scores the three papers" score penilai3 82 71 92,75
check "  ... the values as typed, in hundredths" \
    test "$(sq "SELECT group_concat(value, ',') FROM (SELECT value FROM score s JOIN account a ON a.id = s.rater_id WHERE a.login = 'ketua' ORDER BY application_id)")" = "7850,7000,6025"
post ketua "$S" aksi=kirim
check "ketua submits his sheet" status_is 303
post anggota "$S" aksi=kirim
check "anggota submits hers" status_is 303
refused "before the last sheet, everyone's scores are sealed to a member: 409" 409 \
    "Disegel: 2 dari 3 penilai telah mengirim" get anggota "$S/semua"
refused "  ... to the secretariat: 409" 409 "Disegel: 2 dari 3" get sekretariat "$S/semua"
refused "  ... to the administrator: 403" 403 "" get admin "$S/semua"
get anggota "$S"
check "  ... the sheet shows no other rater's score" all 'status_is 200' \
    'body_lacks "78,50"' 'body_lacks "82,00"'
get anggota /kelola/1/jejak
check "  ... nor does the audit trail: another rater's values are sealed" all \
    'status_is 200' 'body_lacks "78,50"' 'body_has "disegel"' 'body_has "Nilai diisi"'
refused "the chair cannot close a sealed stage: 409" 409 "Disegel: 2 dari 3" \
    post ketua "$S" aksi=tutup "decision=Panitia menetapkan hasil."
refused "a correction after submission needs its reason" 400 "Alasan koreksi" \
    post anggota "$S" aksi=nilai "calon=${CODE[902]}" value=73
post anggota "$S" aksi=nilai "calon=${CODE[902]}" value=73 "reason=Salah ketik."
check "  ... with it, the correction is kept with both values in the trail" all \
    'status_is 303' \
    "[ \"\$(sq \"SELECT count(*) FROM event WHERE action = 'score_correct' AND before LIKE '%72,50%' AND after LIKE '%73,00%'\")\" = 1 ]"
post penilai3 "$S" aksi=kirim
check "penilai3 submits the last sheet" status_is 303
get anggota "$S/semua"
check "unsealed: a member reads every rater's score and the mean" all \
    'status_is 200' 'body_has "Nilai semua penilai"' 'body_has "80,17"' \
    'body_lacks "REG-00"'
refused "  ... the PPK not before closing: 409" 409 "sesudah tahap ditutup" \
    get ppk "$S/semua"
# 902: (70 + 73 + 71) / 3 and 903: (60.25 + 61 + 92.75) / 3, both 71,33,
# for the one place left after 901 (SCORE-TIES)
refused "a tie at the best-2 cut: the chair cannot close before deciding it" 409 \
    "SCORE-TIES" post ketua "$S" aksi=tutup "decision=Panitia menetapkan hasil."
get ketua "$S"
check "  ... the chair's page offers the tie decision, by codes" all \
    'status_is 200' 'body_has "Nilai sama pada batas kelulusan"' \
    "body_has 'name=\"pos-${CODE[902]}\"'" 'body_lacks "REG-00"'
VAC=$(sq "SELECT vacancy_id FROM application WHERE id = 902")
refused "  ... a position twice is refused beside the order" 400 "Urutan" \
    post ketua "$S" aksi=seri "lowongan=$VAC" "pos-${CODE[902]}=1" \
    "pos-${CODE[903]}=1" "reason=Nilai wawancara awal lebih tinggi."
refused "  ... a member cannot decide it: 403" 403 "Hanya ketua" \
    post anggota "$S" aksi=seri "lowongan=$VAC" "pos-${CODE[902]}=2" \
    "pos-${CODE[903]}=1" "reason=Nilai wawancara awal lebih tinggi."
post ketua "$S" aksi=seri "lowongan=$VAC" "pos-${CODE[902]}=2" \
    "pos-${CODE[903]}=1" "reason=Makalah 903 lebih sesuai dengan tema."
check "  ... the chair records the order and its reason" all 'status_is 303' \
    "[ \"\$(sq \"SELECT order_ids || '|' || reason FROM tie_decision WHERE stage = 'paper'\")\" = '903;902|Makalah 903 lebih sesuai dengan tema.' ]"
post ketua "$S" aksi=tutup "decision=Panitia menetapkan hasil penilaian makalah."
check "the chair closes the stage: 303" status_is 303
check "  ... 903 goes on by the decision, 902 does not" \
    test "$(sq "SELECT group_concat(application_id || ':' || outcome, ' ') FROM (SELECT * FROM stage_outcome WHERE stage = 'paper' ORDER BY application_id)")" = "901:passed 902:failed 903:passed"
check "  ... the outcomes are frozen" all \
    "[ \"\$(sq \"SELECT count(*) FROM stage_outcome WHERE stage = 'paper'\")\" = 3 ]" \
    "! sqlite3 '$DB' \"UPDATE stage_outcome SET outcome = 'failed'\" 2>/dev/null"
get ppk "$S/semua"
check "closed: the PPK reads the table, now with numbers and names" all \
    'status_is 200' 'body_has "REG-001"' 'body_has "Calon Nomor 1"'
refused "after closing no score changes: 409" 409 "sudah ditutup" \
    post anggota "$S" aksi=nilai calon=901 value=10 "reason=Terlambat diubah."
refused "  ... nor by its blind code" 409 "sudah ditutup" \
    post anggota "$S" aksi=nilai "calon=${CODE[901]}" value=10 "reason=Terlambat diubah."
check "no sanitizer report from the server" sanitizer_quiet
check "the audit trail is intact" audit_ok
unserve
check "SIGTERM: the server exits 0" test "$rc" = 0
echo "1..$n"
