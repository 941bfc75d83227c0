#!/usr/bin/env bash
# An appointed official's term over HTTP (issue 14 item 5: TEN-5Y,
# TEN-EVAL, TEN-PERF, TEN-MUTATION, TEN-MONITOR), on the demo's past
# selection 3 (Demak) carried to its appointment (TMT and inauguration
# 23 November 2026): the term page /kelola/masa-jabatan/V for BKPSDM (the
# secretariat), the PPK and the oversight body and no one else, with the
# dates under their rules and Demak's articles; the refused forms (a team
# of 2 external members, a performance result Demak's articles do not
# provide, a move before 2 years in the post, the extension before the
# team, a day after today, another role, a stale token) answered with the
# rule and its article, what was typed kept and the error beside its
# field, the store unchanged; then, the clock moved to 1 June 2031, the
# list of what falls due in 90 days, the reminders queued once per window
# by `selter tenure remind` (a second run queues nothing), the team, the
# PPK's decision and the end of the term, each with its audit event.
#
# usage: tests/http/tenure.sh path/to/selter     Prints TAP.
# Needs bash, curl and sqlite3.
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
for u in ppk ketua sekretariat pengawas calon1 admin; do login "$u"; done

# ---- the selection carried to its appointment (tests/http/choice.sh) ----

VAC=$(sq "SELECT min(id) FROM vacancy WHERE selection_id = 3")
FIRST=$(sq "SELECT id FROM application WHERE reg_no = 'DEMAK-2026-3-0003'")
post ppk /kelola/3/pilihan/pilih "vacancy=$VAC" "application=$FIRST" \
    chosen_on=2026-11-23 'reason=Nilai akhir tertinggi dan rekam jejak.' \
    confirm=1
post sekretariat /kelola/3/laporan/kirim letter_no=800/7/2026 \
    letter_on=2026-11-23 confirm=1
printf '%%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%%%EOF\n' \
    >"$T/surat.pdf"
postf pengawas /kelola/3/laporan/rekomendasi "$T/surat.pdf" \
    verdict=recommended letter_no=B-1/2026 letter_on=2026-11-23 \
    'text=Proses seleksi sesuai sistem merit.'
postf ppk /kelola/3/pengangkatan/catat "$T/surat.pdf" "vacancy=$VAC" \
    decree_no=821.2/15/2026 decree_on=2026-11-23 tmt=2026-11-23 \
    inaugurated_on=2026-11-23 mode=in_person 'place=Pendopo Kabupaten Demak' \
    confirm=1
check "the choice, the report, the recommendation and the appointment" \
    all '[ "$(sq "SELECT count(*) FROM appointment")" = 1 ]'
URL=/kelola/masa-jabatan/$VAC
get sekretariat /kelola/3/pengangkatan
check "the appointment page links BKPSDM to the term's page" \
    all "status_is 200" "body_has 'href=\"$URL\"'"
get ketua /kelola/3/pengangkatan
check "... not the committee, which may not read it" \
    all "status_is 200" "body_lacks 'href=\"$URL\"'"

# ---- who reads the term ----

get - "$URL"
check "a visitor is sent to the login page" status_is 303 /masuk
for u in ketua calon1 admin; do
	get "$u" "$URL"
	check "$u may not read the term: 403" status_is 403
	get "$u" /kelola/masa-jabatan
	check "$u may not read BKPSDM's list: 403" status_is 403
done
get sekretariat "$URL"
check "BKPSDM reads the dates under their rules and Demak's articles" \
    all "status_is 200" "body_has '22 November 2031'" "body_has 'TEN-5Y'" \
    "body_has 'Pasal 22 ayat (1) sampai ayat (3)'" \
    "body_has '22 Agustus 2031'" "body_has 'TEN-EVAL'" \
    "body_has '22 November 2028'" "body_has 'TEN-MONITOR'" \
    "body_has 'Pasal 26 ayat (1)'" "body_has '23 November 2028'" \
    "body_has 'TEN-MUTATION'"
check "the monitoring is running, the forms are BKPSDM's" all \
    "body_has 'Pemantauan dan evaluasi berjalan sampai dengan 22 November 2028'" \
    "body_has 'Catat tim'" "body_has 'Catat mutasi'" \
    "body_lacks 'Catat keputusan'"
get ppk "$URL"
check "the PPK reads the term with the extension's form only" all \
    "status_is 200" "body_has 'Catat keputusan'" "body_lacks 'Catat tim'"
get pengawas "$URL"
check "the oversight body reads the term without forms" all \
    "status_is 200" "body_has 'TEN-5Y'" "body_lacks '<form method=\"post\"'"
get sekretariat /kelola/masa-jabatan
check "BKPSDM's list: the term, nothing due within 90 days" all \
    "status_is 200" "body_has '$URL'" \
    "body_has 'Tidak ada yang jatuh tempo dalam 90 hari'"
get sekretariat /kelola/masa-jabatan/999999
check "an unknown term: 404" status_is 404

# ---- refusals: the store unchanged, the form refilled ----

# team [NAME=VALUE...]: the team's form in TEAM, these fields changed.
team() {
	local kv out=() f
	for kv in formed_on=2026-11-23 letter_no=800/1/2026 \
	    'member_1=Dr. Ani Rahma' kind_1=external 'member_2=Budi Santoso' \
	    kind_2=internal 'member_3=Citra Lestari' kind_3=internal; do
		for f in "$@"; do [ "${f%%=*}" = "${kv%%=*}" ] && kv=$f; done
		out+=("$kv")
	done
	TEAM=("${out[@]}")
}
team kind_2=external
refused "a team of 2 external members: 400, TEN-EVAL with its article" 400 \
    'TEN-EVAL, Perbup Demak 47/2022 Pasal 22 ayat (4)' \
    post sekretariat "$URL/tim" "${TEAM[@]}"
check "the refused team keeps the names typed, the error beside its field" \
    all "body_has 'value=\"Citra Lestari\"'" \
    "body_has 'aria-describedby=\"tim-kind_1-err\"'" \
    "body_has 'id=\"tim-kind_1-err\"'"
team formed_on=2026-11-24
refused "a team formed tomorrow: 400" 400 'tidak boleh setelah hari ini' \
    post sekretariat "$URL/tim" "${TEAM[@]}"
team
check "the refused date is kept and marked" all \
    "body_has 'value=\"2026-11-24\"'" \
    "body_has 'aria-describedby=\"tim-formed_on-err\"'"
for u in ppk pengawas ketua; do
	refused "$u may not record the team: 403" 403 '' \
	    post "$u" "$URL/tim" "${TEAM[@]}"
done
refused "a stale form token: 403" 403 '' \
    post_tok sekretariat "x${TOK[sekretariat]}" "$URL/tim" "${TEAM[@]}"
refused "a performance result Demak's articles do not provide: 409" 409 \
    'TEN-PERF' post sekretariat "$URL/kinerja" kind=year year=1 met=no \
    assessed_on=2026-11-23
refused "a move before 2 years in the post: 400, TEN-MUTATION" 400 \
    'TEN-MUTATION, Perbup Demak 47/2022 Pasal 20' \
    post sekretariat "$URL/mutasi" moved_on=2026-11-23 \
    'to_post=Kepala Dinas Kesehatan' decree_no=821.2/20/2026 \
    coordination=B-9/2026 tested=1
refused "the extension before the evaluation team: 400, TEN-EVAL" 400 \
    'TEN-EVAL' post ppk "$URL/hasil" extended=yes letter_no=800/2/2026 \
    letter_on=2026-11-23
refused "BKPSDM may not decide the extension: 403" 403 '' \
    post sekretariat "$URL/hasil" extended=yes letter_no=800/2/2026 \
    letter_on=2026-11-23
refused "an unknown act: 404" 404 '' post sekretariat "$URL/hapus"

# ---- the reminders (selter tenure remind) ----

remind() {
	"$selter" tenure remind --db "$DB" --now "$1" >"$T/remind.out" \
	    2>"$T/remind.err"
}
# The demo's staff have no address: the administrator adds a BKPSDM
# account with one, granted the secretariat of Demak's region.
post admin /admin/akun login=bkpsdm 'name=BKPSDM Demak' \
    email=bkpsdm@demak.example password=rahasia-bkpsdm-1
post admin /admin/peran login=bkpsdm region=demak selection= \
    role=secretariat
check "the administrator adds BKPSDM's account with its address" all \
    '[ "$(sq "SELECT count(*) FROM grant_role g JOIN account a ON a.id = g.account_id WHERE a.email = '"'"'bkpsdm@demak.example'"'"' AND g.role = '"'"'secretariat'"'"'")" = 1 ]'
OUT0=$(sq "SELECT count(*) FROM outbox")
remind 2026-11-23T03:00:00Z
check "nothing due in 90 days: nothing queued" \
    all '[ "$(cat "$T/remind.out")" = "queued 0" ]'
remind 2031-05-23T03:00:00Z
check "91 days before the evaluation: nothing queued" \
    all '[ "$(cat "$T/remind.out")" = "queued 0" ]'
remind 2031-05-24T03:00:00Z
check "90 days before the evaluation: one reminder to BKPSDM" \
    all '[ "$(cat "$T/remind.out")" = "queued 1" ]' \
    '[ "$(sq "SELECT count(*) FROM outbox")" = $((OUT0 + 1)) ]' \
    '[ "$(sq "SELECT count(*) FROM outbox WHERE to_addr = '"'"'bkpsdm@demak.example'"'"' AND subject LIKE '"'"'Pengingat masa jabatan%'"'"' AND body LIKE '"'"'%TEN-EVAL%Pasal 22 ayat (4)%'"'"'")" = 1 ]'
remind 2031-05-24T03:00:00Z
check "a second run queues nothing" \
    all '[ "$(cat "$T/remind.out")" = "queued 0" ]' \
    '[ "$(sq "SELECT count(*) FROM outbox")" = $((OUT0 + 1)) ]'
remind 2031-07-23T03:00:00Z
check "30 days before: the next window, once" \
    all '[ "$(cat "$T/remind.out")" = "queued 1" ]' \
    '[ "$(sq "SELECT group_concat(days) FROM (SELECT days FROM term_reminder ORDER BY days DESC)")" = "90,30" ]'
check "each reminder is in the trail" all \
    '[ "$(sq "SELECT count(*) FROM event WHERE action = '"'"'term_remind'"'"'")" = 2 ]'

# ---- 1 June 2031: what falls due, the team, the decision, the end ----

unserve
export SELTER_NOW=2031-06-01T03:00:00Z
serve || { notok "the server starts again"; echo "1..$n"; exit 1; }
for u in ppk sekretariat pengawas; do login "$u"; done
get sekretariat /kelola/masa-jabatan
check "BKPSDM's list: the evaluation in 82 days, with its rule" all \
    "status_is 200" "body_has '22 Agustus 2031'" "body_has '<td>82</td>'" \
    "body_has 'TEN-EVAL, Perbup Demak 47/2022 Pasal 22 ayat (4)'" \
    "body_lacks '22 November 2031</td><td>'"
team formed_on=2031-06-01
post sekretariat "$URL/tim" "${TEAM[@]}"
check "BKPSDM records the team: 303 back to the term" status_is 303 \
    "$URL?ok=1"
check "the team is kept with its audit event citing TEN-EVAL" all \
    '[ "$(sq "SELECT formed_on FROM term_team")" = 2031-06-01 ]' \
    '[ "$(sq "SELECT count(*) FROM event WHERE action = '"'"'term_team'"'"' AND rules LIKE '"'"'%TEN-EVAL%Pasal 22 ayat (4)%'"'"'")" = 1 ]'
refused "a second team: 409" 409 'sudah dicatat' \
    post sekretariat "$URL/tim" "${TEAM[@]}"
get sekretariat /kelola/masa-jabatan
check "the evaluation is no longer due once its team is formed" \
    body_has 'Tidak ada yang jatuh tempo'
post ppk "$URL/hasil" extended=no letter_no=800/3/2031 \
    letter_on=2031-06-01
check "the PPK decides: not extended, 303" status_is 303 "$URL?ok=1"
check "kept with its audit event citing TEN-5Y" all \
    '[ "$(sq "SELECT extended || letter_no FROM term_outcome")" = 0800/3/2031 ]' \
    '[ "$(sq "SELECT count(*) FROM event WHERE action = '"'"'term_outcome'"'"' AND rules LIKE '"'"'%TEN-5Y%'"'"'")" = 1 ]'
get pengawas "$URL"
check "the oversight body reads the team and the decision" all \
    "status_is 200" "body_has 'Dr. Ani Rahma (eksternal)'" \
    "body_has 'tidak diperpanjang'" \
    "body_has 'Pemantauan dan evaluasi berakhir 22 November 2028'"
refused "an end of term tomorrow: 400" 400 'tidak boleh setelah hari ini' \
    post sekretariat "$URL/akhir" reason=retired ended_on=2031-06-02
refused "an exception for a retirement: 400" 400 'Pengecualian' \
    post sekretariat "$URL/akhir" reason=retired ended_on=2031-06-01 \
    exception=1
post sekretariat "$URL/akhir" reason=retired ended_on=2031-06-01
check "BKPSDM records the end: 303, audited" all "status_is 303" \
    '[ "$(sq "SELECT reason FROM term_end")" = retired ]' \
    '[ "$(sq "SELECT count(*) FROM event WHERE action = '"'"'term_end'"'"'")" = 1 ]'
get sekretariat "$URL"
check "the ended term has no forms" all "status_is 200" \
    "body_has 'Masa jabatan berakhir'" "body_lacks 'Catat mutasi'"
refused "nothing is recorded after the end: 409" 409 'sudah berakhir' \
    post sekretariat "$URL/kinerja" kind=year year=1 met=yes \
    assessed_on=2031-06-01
remind 2031-11-20T03:00:00Z
check "an ended term is reminded of nothing" \
    all '[ "$(cat "$T/remind.out")" = "queued 0" ]'
check "the audit chain is intact" audit_ok
check "no sanitizer report from the server" sanitizer_quiet
echo "1..$n"
