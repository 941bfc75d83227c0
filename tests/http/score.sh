#!/usr/bin/env bash
# A stage's scoring over HTTP (issue 12 item 2), against `selter serve
# --demo`: the demo's selection 2 is taken to its first stage, the paper
# (graded blind), through the forms only (journey_lib.sh): its plan asks
# for the best 2, the chair publishes it, one invited member joins as
# penilai3 (and one of selection 1's as lain), three applicants register
# and apply, registration closes and the administrative result is
# published.  Then the secretariat opens the paper, three committee
# members score and submit through the sheet, everyone's scores stay
# sealed until the last sheet, the narasumber, the secretariat, the
# administrator and another selection's member are refused with nothing
# changed, and the chair closes the stage.  sqlite3 only reads the store
# (the attempted UPDATE below is refused by the store's trigger).
#
# usage: tests/http/score.sh path/to/selter     Prints TAP.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/journey_lib.sh"
PID=demak-2022
eval "$(profile_vars "$PID")"
T0=2026-08-03

if ! serve --demo --now "${T0}T03:00:00Z"; then
	notok "selter serve --demo starts" "$(cat "$T/server.err")"
	echo "1..$n"
	exit 1
fi
ok "selter serve --demo starts on a store of its own"
for u in sekretariat ketua anggota narasumber admin pengawas ppk; do relogin "$u"; done
# to_paper: selection 2's paper for the best 2 (the plan's stage form),
# published; penilai3 and lain join; c1-c3 apply; closed; the
# administrative result published.
to_paper() {
	local p1 p2 w vac
	p1=$(sq "SELECT starts_on FROM selection_stage WHERE selection_id = 2 AND stage = 'paper'")
	p2=$(sq "SELECT ends_on FROM selection_stage WHERE selection_id = 2 AND stage = 'paper'")
	step sekretariat /kelola/2/tahapan stage=paper "starts_on=$p1" "ends_on=$p2" \
	    method= pass_best=2 || return 1
	step ketua /kelola/2/terbitkan confirm=1 || return 1
	join hadi.purnomo@example.org penilai3 "(Tahap II)" || return 1
	join retno.wulandari@example.org lain "(Tahap I)" || return 1
	OPEN=$(sq "SELECT ann_open FROM selection WHERE id = 2")
	CLOSE=$(sq "SELECT ann_close FROM selection WHERE id = 2")
	restart "${OPEN}T03:00:00Z" || return 1
	vac=$(sq "SELECT min(id) FROM vacancy WHERE selection_id = 2")
	for w in c1 c2 c3; do
		person "$w" "${w#c}" "Calon Nomor ${w#c}"
		applicant "$w" "$vac" || return 1
	done
	restart "${CLOSE}T17:00:00Z" || return 1
	step sekretariat /kelola/2/alur/tutup confirm=1 || return 1
	for w in c1 c2 c3; do
		step sekretariat "/kelola/2/lamaran/${APP[$w]}/periksa" complete=1 \
		    "note=Berkas lengkap." || return 1
		step anggota "/kelola/2/lamaran/${APP[$w]}/putuskan" passed=1 \
		    "reason=Memenuhi syarat." || return 1
	done
	step ketua /kelola/2/administrasi/terbitkan confirm=1
}
check "selection 2 reaches its paper through the forms: three candidates passed" to_paper
N1=${APP[c1]:-0} N2=${APP[c2]:-0} N3=${APP[c3]:-0}
REG=$(reg_of c1)
REG=${REG%-*}-			# the selection's registration numbers
NOW=$(date -u -d "$CLOSE + 2 days" +%F)T03:00:00Z
if ! restart "$NOW"; then
	notok "selter serve restarts with --now $NOW" "$DIAG"
	echo "1..$n"
	exit 1
fi
ok "selter serve restarts at $NOW, the administrative result published"
for u in sekretariat ketua anggota penilai3 narasumber admin lain pengawas ppk c1; do
	ensure "$u"
done
S=/kelola/2/tahap/makalah/nilai

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
    test "$(sq "SELECT count(*) FROM stage_rater WHERE selection_id = 2 AND stage = 'paper'")" = 3
check "  ... a blind code per candidate" \
    test "$(sq "SELECT count(DISTINCT code) FROM blind_code WHERE stage = 'paper'")" = 3
declare -A CODE
for a in $N1 $N2 $N3; do
	CODE[$a]=$(sq "SELECT code FROM blind_code WHERE application_id = $a AND stage = 'paper'")
done

get anggota "$S"
blind_ok() {
	body_has 'inputmode="decimal"' && body_has "Kode ${CODE[$N1]}" &&
	    body_lacks "$REG" && body_lacks "Calon Nomor" &&
	    body_lacks "name=\"calon\" value=\"$N1\""
}
check "the member's sheet: decimal inputs, codes only, no names or numbers" all \
    'status_is 200' blind_ok
check "  ... the seal: 0 of 3" body_has "Disegel: 0 dari 3 penilai telah mengirim."

refused "the narasumber cannot score: 403, STG-INTERVIEW's reason" 403 \
    "Narasumber dapat hadir tetapi tidak memberi nilai (STG-INTERVIEW" \
    post narasumber "$S" aksi=nilai "calon=${CODE[$N1]}" value=90
refused "the secretariat cannot score: 403" 403 "bukan penilai" \
    post sekretariat "$S" aksi=nilai "calon=${CODE[$N1]}" value=90
refused "the administrator cannot score: 403" 403 "" \
    post admin "$S" aksi=nilai "calon=${CODE[$N1]}" value=90
refused "a member of another selection's committee cannot score: 403" 403 "" \
    post lain "$S" aksi=nilai "calon=${CODE[$N1]}" value=90
refused "a candidate cannot score: 403" 403 "" \
    post c1 "$S" aksi=nilai "calon=${CODE[$N1]}" value=90
refused "a score over 100 is refused beside its field, nothing kept" 400 \
    "Nilai: isi angka 0 sampai 100" post anggota "$S" aksi=nilai "calon=${CODE[$N1]}" value=100,5
check "  ... the typed value comes back" body_has 'value="100,5"'

# three raters, each candidate; a comma and a point both accepted
NS=("$N1" "$N2" "$N3")
score() {	# score WHO V1 V2 V3
	local who=$1 i=0 v
	shift
	for v in "$@"; do
		post "$who" "$S" aksi=nilai "calon=${CODE[${NS[$i]}]}" "value=$v"
		[ "$code" = 303 ] || { diag "$who ${NS[$i]} $v: $code"; return 1; }
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
get anggota /kelola/2/jejak
check "  ... nor does the audit trail: another rater's values are sealed" all \
    'status_is 200' 'body_lacks "78,50"' 'body_has "disegel"' 'body_has "Nilai diisi"'
refused "the chair cannot close a sealed stage: 409" 409 "Disegel: 2 dari 3" \
    post ketua "$S" aksi=tutup "decision=Panitia menetapkan hasil."
refused "a correction after submission needs its reason" 400 "Alasan koreksi" \
    post anggota "$S" aksi=nilai "calon=${CODE[$N2]}" value=73
post anggota "$S" aksi=nilai "calon=${CODE[$N2]}" value=73 "reason=Salah ketik."
check "  ... with it, the correction is kept with both values in the trail" all \
    'status_is 303' \
    "[ \"\$(sq \"SELECT count(*) FROM event WHERE action = 'score_correct' AND before LIKE '%72,50%' AND after LIKE '%73,00%'\")\" = 1 ]"
post penilai3 "$S" aksi=kirim
check "penilai3 submits the last sheet" status_is 303
get anggota "$S/semua"
check "unsealed: a member reads every rater's score and the mean" all \
    'status_is 200' 'body_has "Nilai semua penilai"' 'body_has "80,17"' \
    'body_lacks "$REG"'
refused "  ... the PPK not before closing: 409" 409 "sesudah tahap ditutup" \
    get ppk "$S/semua"
# c2: (70 + 73 + 71) / 3 and c3: (60.25 + 61 + 92.75) / 3, both 71,33,
# for the one place left after c1 (SCORE-TIES)
refused "a tie at the best-2 cut: the chair cannot close before deciding it" 409 \
    "SCORE-TIES" post ketua "$S" aksi=tutup "decision=Panitia menetapkan hasil."
get ketua "$S"
check "  ... the chair's page offers the tie decision, by codes" all \
    'status_is 200' 'body_has "Nilai sama pada batas kelulusan"' \
    "body_has 'name=\"pos-${CODE[$N2]}\"'" 'body_lacks "$REG"'
VAC=$(sq "SELECT vacancy_id FROM application WHERE id = $N2")
refused "  ... a position twice is refused beside the order" 400 "Urutan" \
    post ketua "$S" aksi=seri "lowongan=$VAC" "pos-${CODE[$N2]}=1" \
    "pos-${CODE[$N3]}=1" "reason=Nilai wawancara awal lebih tinggi."
refused "  ... a member cannot decide it: 403" 403 "Hanya ketua" \
    post anggota "$S" aksi=seri "lowongan=$VAC" "pos-${CODE[$N2]}=2" \
    "pos-${CODE[$N3]}=1" "reason=Nilai wawancara awal lebih tinggi."
post ketua "$S" aksi=seri "lowongan=$VAC" "pos-${CODE[$N2]}=2" \
    "pos-${CODE[$N3]}=1" "reason=Makalah c3 lebih sesuai dengan tema."
check "  ... the chair records the order and its reason" all 'status_is 303' \
    "[ \"\$(sq \"SELECT order_ids || '|' || reason FROM tie_decision WHERE stage = 'paper'\")\" = '$N3;$N2|Makalah c3 lebih sesuai dengan tema.' ]"
post ketua "$S" aksi=tutup "decision=Panitia menetapkan hasil penilaian makalah."
check "the chair closes the stage: 303" status_is 303
check "  ... c3 goes on by the decision, c2 does not" \
    test "$(sq "SELECT group_concat(application_id || ':' || outcome, ' ') FROM (SELECT * FROM stage_outcome WHERE stage = 'paper' ORDER BY application_id)")" = "$N1:passed $N2:failed $N3:passed"
check "  ... the outcomes are frozen" all \
    "[ \"\$(sq \"SELECT count(*) FROM stage_outcome WHERE stage = 'paper'\")\" = 3 ]" \
    "! sqlite3 '$DB' \"UPDATE stage_outcome SET outcome = 'failed'\" 2>/dev/null"
get ppk "$S/semua"
check "closed: the PPK reads the table, now with numbers and names" all \
    'status_is 200' 'body_has "$(reg_of c1)"' 'body_has "Calon Nomor 1"'
refused "after closing no score changes: 409" 409 "sudah ditutup" \
    post anggota "$S" aksi=nilai "calon=$N1" value=10 "reason=Terlambat diubah."
refused "  ... nor by its blind code" 409 "sudah ditutup" \
    post anggota "$S" aksi=nilai "calon=${CODE[$N1]}" value=10 "reason=Terlambat diubah."
check "no sanitizer report from the server" sanitizer_quiet
check "the audit trail is intact" audit_ok
unserve
check "SIGTERM: the server exits 0" test "$rc" = 0
echo "1..$n"
