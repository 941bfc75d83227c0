#!/usr/bin/env bash
# Today's practice beyond the seeds over HTTP (issue 10 item 6,
# REGULATIONS.md §15): a region on the test profile
# tests/fixtures/profiles/praktik-2026.json (every PRAC rule on), a
# selection prepared through the preparation forms, then the PRAC page
# (/kelola/N/praktik): the oversight body's approval letters, the plan's
# assessment provider, the acting-head flag and the Minister of Home
# Affairs' approval; publication refused while a gate is open and allowed
# once all are met; who may record what; the audit event of each record.
# A refused request must change nothing (the store is dumped and
# compared), and a refused form comes back with what was typed and the
# error beside its field.
#
# usage: tests/http/prac.sh path/to/selter      Prints TAP, one line a check.
# Needs bash, curl, sqlite3 and GNU date.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# The shipped profiles and the test profile; the real holidays.
mkdir -p "$T/data/profiles"
cp "$ROOT"/profiles/*.json "$ROOT/tests/fixtures/profiles/praktik-2026.json" \
    "$T/data/profiles/"
ln -s "$ROOT/data" "$T/data/data"
export SELTER_DATA=$T/data
export SELTER_NOW=2026-11-23T03:00:00Z		# 10:00 WIB

if ! serve --demo; then
	echo "1..1"
	notok "selter serve starts" "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo listens with the test profile praktik-2026"
for u in admin sekretariat ketua anggota ppk pengawas; do login "$u"; done

# ---- a region on praktik-2026, the demo's people granted in it ----

post admin /admin/wilayah code=praktik "name=Pemerintah Kabupaten Praktik" \
    profile=praktik-2026 oversight=BKN "secretariat=Sekretariat Pansel"
check "the administrator adds a region on praktik-2026: 303" status_is 303
# The chair and members get theirs from the confirmed committee.
for g in sekretariat:secretariat ppk:ppk pengawas:oversight; do
	post admin /admin/peran "login=${g%%:*}" region=praktik "role=${g#*:}"
done
check "grants in the region: 303" status_is 303
post sekretariat /kelola/baru region=praktik "title=Seleksi uji praktik 2026"
S=$(hdr "$H" Location | sed 's|.*/kelola/||')
check "the secretariat opens a selection: 303 to /kelola/$S" status_is 303 "/kelola/$S"

# ---- the preparation, through its forms, but for the PRAC gates ----

prep() { local w=$1 word=$2; shift 2; post "$w" "/kelola/$S/$word" "$@"
	[ "$code" = 303 ] || diag "$word: $code $(grep -o 'class="msg[^<]*' "$BODY")"; }
prepare() {
	prep sekretariat lowongan "title=Kepala Dinas Kesehatan" level=jpt_pratama \
	    echelon=II.b kind=agency_head field=kesehatan reason=pensiun || return 1
	prep sekretariat rencana duties=Tugas. standard=Standar. methods=Metode. \
	    system=Sistem. w_paper=20 w_assessment=25 w_interview=35 \
	    w_track_record=20 || return 1
	local st
	for st in administrative:2026-12-14 paper:2026-12-16 track_record:2026-12-18 \
	    assessment:2026-12-21 interview:2026-12-23 health:2026-12-28 \
	    result:2026-12-30; do
		prep sekretariat tahapan "stage=${st%%:*}" "starts_on=${st#*:}" \
		    "ends_on=${st#*:}" || return 1
	done
	prep sekretariat kirim date=2026-10-24 ref=800/1/BKPSDM || return 1
	local m
	for m in "Dr. Siti Aminah:academic::1:0:login=ketua" \
	    "Ir. Joko:internal:II.a:0:0:login=anggota" \
	    "Drs. Hadi:internal:II.b:0:0:email=hadi@example.org" \
	    "Dr. Retno:other_agency:II.a:0:0:email=retno@example.org" \
	    "Dra. Endang:professional::0:1:email=endang@example.org"; do
		IFS=: read -r nm org ech ch as who <<<"$m"
		prep sekretariat anggota "name=$nm" "origin=$org" "echelon=$ech" \
		    "chair=$ch" "assessor=$as" "$who" decl=knowledge_field \
		    decl=knowledge_assessment decl=no_party_stamped decl=no_conflict \
		    decl=integrity_pact decl=code_of_ethics decl=no_party || return 1
	done
	local items=()
	for i in $(grep -o '"id": "[a-z_]*"' "$ROOT/tests/fixtures/profiles/praktik-2026.json" |
	    sed 's/.*: "//; s/"//'); do items+=("item=$i"); done
	prep sekretariat pengumuman number=1/PANSEL/2026 open=2026-11-24 \
	    close=2026-12-12 "${items[@]}" || return 1
	prep ppk tetapkan date=2026-11-13 ref=800/77/2026 || return 1
}
check "the selection is prepared through the preparation forms" prepare

P=/kelola/$S/praktik
refused "publication waits for BKN's letters and the assessment provider: 409" \
    409 "Rencana pelaksanaan seleksi" post ketua "/kelola/$S/terbitkan" confirm=1

get sekretariat "/kelola/$S"
check "the preparation page lists the PRAC gates and links to $P" all \
    'body_has "Persetujuan instansi pengawas sebelum pengumuman"' \
    'body_has "PRAC-OVERSIGHT-APPROVAL"' 'body_has "href=\"$P\""'
get pengawas "$P"
check "GET $P: each gate with its citation, the letter form with its token" \
    all 'status_is 200' 'body_has "Surat Kepala BKN tentang persetujuan"' \
    'body_has "PRAC-HOME-MINISTER"' 'body_has "UU 10/2016 Pasal 162 ayat (3)"' \
    'body_has "action=\"$P/persetujuan\""' 'body_has "name=\"csrf\""' \
    'body_has "paling sedikit 4 pelamar"'

# ---- PRAC-OVERSIGHT-APPROVAL ----

refused "a letter dated before the plan was sent: 400, unchanged" 400 \
    "sebelum rencana dikirim" post pengawas "$P/persetujuan" date=2026-10-23 \
    ref=B-1/BKN "subject=Persetujuan pelaksanaan"
check "the refused form keeps what was typed, the error beside the date" all \
    'body_has "value=\"B-1/BKN\""' 'body_has "value=\"Persetujuan pelaksanaan\""' \
    'body_has "id=\"persetujuan-date-err\""' 'body_has "aria-invalid=\"true\""'
refused "a letter without the form token: 403, unchanged" 403 "" \
    post_tok pengawas "" "$P/persetujuan" date=2026-10-24 ref=B-1/BKN subject=S
refused "a committee member may not record BKN's letter: 403, unchanged" 403 "" \
    post anggota "$P/persetujuan" date=2026-10-24 ref=B-1/BKN subject=S
refused "the PPK may not either: 403, unchanged" 403 "" \
    post ppk "$P/persetujuan" date=2026-10-24 ref=B-1/BKN subject=S
post pengawas "$P/persetujuan" date=2026-10-24 ref=B-1/BKN "subject=Persetujuan pelaksanaan"
check "the oversight body records its first letter: 303" status_is 303 "$P?ok=1#persetujuan"
refused "the same number again: 400, unchanged" 400 "sudah dicatat" \
    post sekretariat "$P/persetujuan" date=2026-11-02 ref=B-1/BKN subject=S
post sekretariat "$P/persetujuan" date=2026-11-23 ref=B-2/BKN "subject=Persetujuan jadwal"
check "the secretariat records the second letter it received: 303" status_is 303
check "two audit events prac_approval_add, citing PRAC-OVERSIGHT-APPROVAL" \
    test "$(sq "SELECT count(*) FROM event WHERE selection_id = $S AND
    action = 'prac_approval_add' AND rules LIKE '%PRAC-OVERSIGHT-APPROVAL%'")" = 2

# ---- PRAC-ASSESSOR ----

refused "an assessment provider accredited B where A is required: 400" 400 \
    "di bawah yang disyaratkan" post sekretariat "$P/asesmen" \
    "name=Lembaga Penilai" grade=B decree=1/2025 valid_until=2027-06-30
check "the refused provider form keeps its values, the error at the grade" all \
    'body_has "value=\"Lembaga Penilai\""' 'body_has "id=\"asesmen-grade-err\""' \
    'body_has "<option value=\"B\" selected>"'
refused "the oversight body does not edit the plan: 403, unchanged" 403 "" \
    post pengawas "$P/asesmen" "name=Lembaga" grade=A decree=1 valid_until=2027-06-30
post sekretariat "$P/asesmen" "name=UPT Penilaian Kompetensi" grade=A \
    decree=12/KEP/2025 valid_until=2027-06-30
check "an A-accredited provider is recorded in the plan: 303" status_is 303
get ketua "/kelola/$S"
check "every step done: the chair is told the announcement may be signed" \
    body_has "Semua langkah selesai"

# ---- PRAC-HOME-MINISTER ----

refused "the oversight body does not set the acting-head flag: 403" 403 "" \
    post pengawas "$P/pj" acting=1
post sekretariat "$P/pj" acting=1
check "the secretariat records that a Pj leads the region: 303" status_is 303
refused "led by a Pj, publication waits for the Minister's approval: 409" 409 \
    "Persetujuan tertulis Menteri Dalam Negeri" post ketua "/kelola/$S/terbitkan" confirm=1
refused "the Minister's letter dated tomorrow: 400, unchanged" 400 \
    "sesudah hari ini" post sekretariat "$P/mendagri" date=2026-11-24 \
    ref=100.2.2.6/5000/OTDA
post sekretariat "$P/mendagri" date=2026-11-20 ref=100.2.2.6/5000/OTDA \
    "subject=Persetujuan pelaksanaan seleksi"
check "the Minister's written approval is recorded: 303" status_is 303
check "audit events for the flag and the Minister's letter" test \
    "$(sq "SELECT count(*) FROM event WHERE selection_id = $S AND action IN
    ('prac_acting_set', 'prac_minister_add', 'prac_assessor_set') AND
    rules LIKE '%PRAC-%'")" = 3

# ---- publication, then nothing more ----

post ketua "/kelola/$S/terbitkan" confirm=1
check "every gate met: the chair publishes the announcement: 303" status_is 303
get - "/seleksi/$S"
check "the announcement is public" status_is 200
refused "after publication no letter is recorded: 409, unchanged" 409 \
    "sudah diterbitkan" post pengawas "$P/persetujuan" date=2026-11-23 \
    ref=B-3/BKN subject=S

# ---- a profile without PRAC rules: nothing to record ----

refused "Demak (no PRAC rule): the letter form is refused, 409" 409 \
    "tidak mensyaratkan" post pengawas /kelola/2/praktik/persetujuan \
    date=2026-11-01 ref=B-9 subject=S
get sekretariat /kelola/2
check "Demak's preparation page has no PRAC link" body_lacks "/kelola/2/praktik"

unserve
check "the server stops gracefully" test "$rc" = 0
echo "1..$n"
