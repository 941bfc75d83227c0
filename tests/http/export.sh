#!/usr/bin/env bash
# The exports over HTTP (issue 12 item 5): a closed stage's scores, the
# final ranking and the administrative result, each as CSV and XLSX, on
# the demo's selection 1.  For every export: each allowed role gets 200
# with its Content-Type, an attachment with a safe name and no caching;
# every other role 403 and a visitor not logged in the login page; the
# CSV parsed back (python3's csv module) equals what was seeded and what
# the pages show: the administrative queue page, and `selter rank` on the
# same scores for the ranking; the XLSX opened again (python3's zipfile)
# holds the same cells with their types.  A stage that has not closed is
# refused (its scores are sealed) and nothing of it leaks.
#
# Until the stage, scoring and result parts are merged, the rows they
# make (applications past the administrative result, raters, scores,
# recusals, closings, outcomes, the ranking sent) are written with
# sqlite3 in the seed_* functions below, which the lead replaces by the
# real flows.
#
# usage: tests/http/export.sh path/to/selter      Prints TAP, one line a check.
# Needs bash, curl, sqlite3, python3 and GNU date.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CHECK=$ROOT/tests/http/export_check.py
export SELTER_NOW=2026-11-23T03:00:00Z		# 10:00 WIB
DAY=20261123

if ! serve --demo; then
	echo "1..1"
	notok "selter serve starts" "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo listens"
for u in admin sekretariat ketua anggota asesor narasumber pyb ppk pengawas \
    pelamar; do
	login "$u"
done

# ---- seeds (the other parts' rows) ----

AT=2026-11-23T03:00:00Z
VAC="Kepala Dinas Kesehatan"
# id:account:name:nip: the applicants of selection 1, vacancy 1 (the demo
# pelamar is account 10; the others are made here).
APPS=(
	"1:10:Budi Santoso, S.KM.:197804212003031002"
	"2:11:Siti Nur'aini:198501012010012003"
	"3:12:Ñoño Pérez, S.H.:199002022015031001"
	"4:13:=1+2 \"Dewi\" Lestari:197001012000032001"
	"5:14:Rudi Hartono:198203032008011004"
)
reg() { printf 'DEMAK-2026-1-%04d' "$1"; }
# The raters of every stage: ketua (account 3, member 1), anggota (account
# 4, member 2), asesor (account 5, an assessor, no member).  anggota is
# recused from applicant 2 (every stage).
RATERS=(3:1 4:2 5:)
# stage:application:ketua:anggota:asesor, hundredths; R: recused.
SCORES=(
	paper:1:8000:7550:7000 paper:2:9000:R:8500 paper:3:8000:7550:7000
	paper:4:4000:3000:5000
	track_record:1:7000:7000:7000 track_record:2:8000:R:8000
	track_record:3:7000:7000:7000
	assessment:1:7500:7500:7500 assessment:2:7000:R:7000
	assessment:3:7500:7500:7500
	interview:1:8000:8000:8001 interview:2:8500:R:8500
	interview:3:8000:8000:8001
)
FAILED="paper:4"

# seed_adm_result: applications 1-5, their checks and decisions (5 fails,
# incomplete), registration closed and the result published.
seed_adm_result() {
	local e id acc name nip pass
	for e in "${APPS[@]}"; do
		IFS=: read -r id acc name nip <<<"$e"
		[ "$acc" = 10 ] || sq "INSERT INTO account (id, login, name, pwhash,
		    created_at) VALUES ($acc, 'calon$acc', $(q "$name"), 'x', '$AT');
		    INSERT INTO applicant (account_id, nip, birth_date, tmt_cpns,
		    confirmed_at) VALUES ($acc, '$nip', '1980-01-01', '2005-01', '$AT')"
		pass=1; [ "$id" = 5 ] && pass=0
		sq "INSERT INTO application (id, selection_id, vacancy_id, account_id,
		    state, reg_no, submitted_at, record, verdict, rules) VALUES ($id, 1,
		    1, $acc, 'submitted', '$(reg "$id")', '$AT', '{}',
		    '$([ $pass = 1 ] && echo eligible || echo incomplete)', '[]');
		    INSERT INTO adm_check VALUES ($id, $pass, $(q "$([ $pass = 1 ] ||
		    echo 'Ijazah, tidak ada')"), 'Sri Wahyuni', '$AT');
		    INSERT INTO adm_decision VALUES ($id, $pass, $(q "$([ $pass = 1 ] &&
		    echo Memenuhi || echo 'Berkas tidak lengkap')"), 'Dr. Siti Aminah',
		    '$AT')"
	done
	sq "UPDATE selection SET closed_at = '$AT', closed_by = 'Sri Wahyuni',
	    adm_published_at = '$AT', adm_signed_by = 'Dr. Siti Aminah'
	    WHERE id = 1;
	    INSERT INTO recusal VALUES (1, 2, 4, 'Kerabat', '$AT')"
}
# seed_open_stage STAGE: the stage opened with its three raters and the
# scores SCORES gives it (what a rater entered; sealed until closing).
seed_open_stage() {
	local st=$1 e r s app k a as i
	sq "INSERT INTO stage_open VALUES (1, '$st', '$AT', 'Dr. Siti Aminah')"
	for r in "${RATERS[@]}"; do
		sq "INSERT INTO stage_rater (selection_id, stage, account_id,
		    member_id, submitted_at) VALUES (1, '$st', ${r%%:*},
		    $([ -n "${r#*:}" ] && echo "${r#*:}" || echo NULL), '$AT')"
	done
	for e in "${SCORES[@]}"; do
		IFS=: read -r s app k a as <<<"$e"
		[ "$s" = "$st" ] || continue
		i=0
		for v in "$k" "$a" "$as"; do
			r=${RATERS[$i]}; i=$((i + 1))
			[ "$v" = R ] && continue
			sq "INSERT INTO score (selection_id, application_id, stage,
			    rater_id, value, entered_at) VALUES (1, $app, '$st',
			    ${r%%:*}, $v, '$AT')"
		done
	done
}
# seed_closed_stage STAGE [APP...]: closes an open stage: every candidate
# APP (default: those with scores) gets the mean of its scores, passed
# unless FAILED names it.
seed_closed_stage() {
	local st=$1 app
	shift
	sq "INSERT INTO stage_close VALUES (1, '$st', '$AT', 'Dr. Siti Aminah',
	    'Ditetapkan dalam rapat panitia tanggal 23 November 2026.')"
	if [ $# = 0 ]; then
		sq "INSERT INTO stage_outcome SELECT 1, application_id, '$st',
		    SUM(value), COUNT(*), CASE WHEN '$FAILED' LIKE '%' || '$st:' ||
		    application_id || '%' THEN 'failed' ELSE 'passed' END FROM score
		    WHERE selection_id = 1 AND stage = '$st' GROUP BY application_id"
	fi
	for app in "$@"; do
		sq "INSERT INTO stage_outcome VALUES (1, $app, '$st', 0, 0, 'passed')"
	done
}
# seed_ranking_sent: the final ranking sent to the PyB.
seed_ranking_sent() {
	sq "INSERT INTO ranking_sent VALUES (1, '$AT', 'Dr. Siti Aminah', 'pyb',
	    '<p>Peringkat akhir</p>', 'x')"
}

# ---- helpers ----

# export WHO PATH FORMAT: one export; the response in code, H, BODY.
export_get() { get "$1" "/kelola/1/ekspor/$2?format=$3"; }
# download_ok KIND NAME: 200, the type, an attachment named NAME, no cache.
download_ok() {
	local ct cd cc bad=0
	ct=$(hdr "$H" Content-Type) cd=$(hdr "$H" Content-Disposition)
	cc=$(hdr "$H" Cache-Control)
	status_is 200 || return 1
	case $1 in
	csv) [ "$ct" = "text/csv; charset=utf-8; header=present" ] ||
		{ diag "Content-Type $ct"; bad=1; } ;;
	xlsx) [ "$ct" = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ] ||
		{ diag "Content-Type $ct"; bad=1; }
		head -c 2 "$BODY" | grep -q PK || { diag "not a zip"; bad=1; } ;;
	esac
	[ "$cd" = "attachment; filename=\"$2\"" ] ||
	    { diag "Content-Disposition $cd, want $2"; bad=1; }
	case $cc in *no-store*) ;; *) diag "Cache-Control $cc"; bad=1 ;; esac
	sec_ok "$H" || bad=1
	return $bad
}
pycheck() { local out; out=$(python3 "$CHECK" "$@" 2>&1) || { diag "$out"; return 1; }; }
# each_role PATH NAME OK-ROLES: 200 for those, 403 for every other role,
# the login page for nobody; both formats.
each_role() {
	local path=$1 name=$2 ok=" $3 " u f
	for f in csv xlsx; do
		for u in admin sekretariat ketua anggota asesor narasumber pyb ppk \
		    pengawas pelamar; do
			export_get "$u" "$path" "$f"
			if [[ $ok == *" $u "* ]]; then
				check "$path ($f) as $u: 200, an attachment" \
				    download_ok "$f" "selter-1-$name-$DAY.$f"
			else
				check "$path ($f) as $u: 403" status_is 403
			fi
		done
		export_get - "$path" "$f"
		check "$path ($f) logged out: to the login page" status_is 303 /masuk
	done
}

# ---- the administrative result (today's data) ----

seed_adm_result
each_role administrasi hasil-administrasi "ketua anggota pengawas"
export_get ketua administrasi csv
cp "$BODY" "$T/adm.csv"
check "administrasi.csv: RFC 4180 framing, provenance" pycheck csv "$T/adm.csv"
get ketua /kelola/1/administrasi
cp "$BODY" "$T/queue.html"
check "the queue page links both exports for the chair" all \
    'body_has "/kelola/1/ekspor/administrasi?format=xlsx"' \
    'body_has "/kelola/1/ekspor/administrasi?format=csv"'
check "administrasi.csv equals the queue page (number, name, check, file, decision)" \
    pycheck queue "$T/adm.csv" "$T/queue.html"
get sekretariat /kelola/1/administrasi
check "the secretariat's queue page has no export links" body_lacks "/ekspor/"
adm_rows() {
	python3 "$CHECK" table "$T/adm.csv" >"$T/adm.json" || return 1
	python3 - "$T/adm.json" <<'PY' || { diag "$(cat "$T/adm.out")"; return 1; }
import json, sys
t = json.load(open(sys.argv[1]))
ix = {h: i for i, h in enumerate(t["head"])}
rows = {r[ix["Nomor pendaftaran"]]: r for r in t["rows"]}
want = {"DEMAK-2026-1-0001": ("197804212003031002", "Budi Santoso, S.KM."),
        "DEMAK-2026-1-0002": ("198501012010012003", "Siti Nur'aini"),
        "DEMAK-2026-1-0003": ("199002022015031001", "Ñoño Pérez, S.H."),
        "DEMAK-2026-1-0004": ("197001012000032001", "'=1+2 \"Dewi\" Lestari")}
for k, (nip, name) in want.items():
    r = rows[k]
    assert r[ix["NIP"]] == nip and r[ix["Nama"]] == name, r
r = rows["DEMAK-2026-1-0005"]
assert r[ix["Keputusan"]] == "tidak lulus", r
assert r[ix["Catatan berkas"]] == "Ijazah, tidak ada", r
assert t["meta"]["Status"].startswith("diumumkan 23 November 2026"), t["meta"]
PY
}
check "administrasi.csv: NIPs whole as text, names with diacritics, the formula-like name neutralised" adm_rows
verify_head() {
	local head
	head=$(python3 "$CHECK" meta "$T/adm.csv" "Kepala jejak audit")
	[[ $head =~ ^[0-9]+:[0-9a-f]{64}$ ]] || { diag "head \"$head\""; return 1; }
	"$selter" audit verify --db "$DB" --head "$head" >"$T/v.out" 2>&1 ||
	    diag "$(cat "$T/v.out")"
}
check "the export's audit head verifies: selter audit verify --head" verify_head
export_get ketua administrasi xlsx
cp "$BODY" "$T/adm.xlsx"
cat >"$T/adm.want" <<'EOF2'
{"A1": ["s", "Lowongan"], "B2": ["s", "DEMAK-2026-1-0001"],
 "C2": ["s", "197804212003031002"], "D3": ["s", "Siti Nur'aini"],
 "D5": ["s", "=1+2 \"Dewi\" Lestari"], "H6": ["s", "tidak lulus"]}
EOF2
check "administrasi.xlsx: NIPs and numbers as strings, the name as typed (a string, no formula), frozen header" \
    pycheck xlsx "$T/adm.xlsx" "$T/adm.want"
refused "format=pdf: 400, nothing changed" 400 "Format ekspor harus csv atau xlsx" \
    export_get ketua administrasi pdf
refused "no format: 400" 400 "Format ekspor" get ketua /kelola/1/ekspor/administrasi
refused "an unknown selection: 404" 404 "Seleksi tidak ditemukan" \
    get ketua "/kelola/99/ekspor/administrasi?format=csv"

# ---- stages: sealed until closed ----

for st in paper track_record assessment; do
	seed_open_stage "$st"
	seed_closed_stage "$st"
done
seed_open_stage interview
# A score entered, not yet final: sealed (61.23 must never show).
sq "UPDATE score SET value = 6123 WHERE stage = 'interview' AND application_id = 1
    AND rater_id = 3"
for f in csv xlsx; do
	refused "nilai/wawancara ($f) before the stage closes: 409, sealed" 409 \
	    "masih tersegel" export_get ketua nilai/wawancara "$f"
	check "... and no score of it in the answer" body_lacks "61.23"
	refused "nilai/wawancara ($f) before closing, as the oversight body: 409" 409 \
	    "masih tersegel" export_get pengawas nilai/wawancara "$f"
	refused "peringkat ($f) before every stage closes: 409" 409 \
	    "tahap Wawancara akhir belum ditutup" export_get ketua peringkat "$f"
done
refused "nilai/wawancara as the secretariat: 403 (the role first)" 403 "" \
    export_get sekretariat nilai/wawancara csv
refused "an unknown stage: 404" 404 "" export_get ketua nilai/psikotes csv

each_role nilai/makalah nilai-makalah "ketua anggota pengawas"
stage_want() {
	python3 - "$1" "${SCORES[@]}" <<'PY'
import json, sys
st = sys.argv[1]
names = {"1": "Budi Santoso, S.KM.", "2": "Siti Nur'aini",
         "3": "Ñoño Pérez, S.H.", "4": "'=1+2 \"Dewi\" Lestari"}
rows = []
for e in sys.argv[2:]:
    s, app, *v = e.split(":")
    if s != st:
        continue
    got = [int(x) for x in v if x != "R"]
    mean = (2 * sum(got) + len(got)) // (2 * len(got))
    fmt = lambda h: "%d.%02d" % (h // 100, h % 100)
    rows.append(["DEMAK-2026-1-%04d" % int(app), names[app],
                 "Kepala Dinas Kesehatan"] +
                ["rekusal" if x == "R" else fmt(int(x)) for x in v] +
                [str(len(got)), fmt(mean),
                 "tidak lulus" if (st, app) == ("paper", "4") else "lulus"])
print(json.dumps({"head": ["Nomor pendaftaran", "Nama", "Lowongan",
    "Dr. Siti Aminah, M.Si.", "Ir. Joko Prasetyo, M.T.",
    "Dra. Endang Lestari, Psikolog (asesor)", "Jumlah penilai",
    "Nilai tahap", "Hasil"], "rows": rows}, ensure_ascii=False))
PY
}
export_get anggota nilai/makalah csv
cp "$BODY" "$T/paper.csv"
check "nilai-makalah.csv: RFC 4180 framing, provenance" pycheck csv "$T/paper.csv"
stage_want paper >"$T/paper.want"
check "nilai-makalah.csv equals the scores entered: each rater, recusals, count, mean (half up), outcome" \
    pycheck same "$T/paper.csv" "$T/paper.want"
check "nilai-makalah.csv: a stage score of three raters rounded half up (75.17)" \
    grep -q '^DEMAK-2026-1-0001,.*,3,75\.17,lulus' "$T/paper.csv"
export_get pengawas nilai/makalah xlsx
cp "$BODY" "$T/paper.xlsx"
cat >"$T/paper.xlsx.want" <<'EOF2'
{"A1": ["s", "Nomor pendaftaran"], "D1": ["s", "Dr. Siti Aminah, M.Si."],
 "A2": ["s", "DEMAK-2026-1-0001"], "C2": ["s", "Kepala Dinas Kesehatan"],
 "D2": ["n", 80.0], "E2": ["n", 75.5], "F2": ["n", 70.0], "G2": ["n", 3],
 "H2": ["n", 75.17], "I2": ["s", "lulus"], "E3": ["s", "rekusal"],
 "H3": ["n", 87.5], "B4": ["s", "Ñoño Pérez, S.H."],
 "B5": ["s", "=1+2 \"Dewi\" Lestari"], "I5": ["s", "tidak lulus"]}
EOF2
check "nilai-makalah.xlsx: scores as numbers (0.00), names and numbers as strings, recusal as text" \
    pycheck xlsx "$T/paper.xlsx" "$T/paper.xlsx.want"

# ---- the interview and health close: the final ranking ----

sq "UPDATE score SET value = 8000 WHERE stage = 'interview' AND application_id = 1
    AND rater_id = 3"
seed_closed_stage interview
seed_open_stage health
seed_closed_stage health 1 2 3
each_role nilai/wawancara nilai-wawancara "ketua anggota pengawas"
export_get ketua nilai/wawancara csv
cp "$BODY" "$T/interview.csv"
stage_want interview >"$T/interview.want"
check "nilai-wawancara.csv equals the scores once closed" \
    pycheck same "$T/interview.csv" "$T/interview.want"
export_get ketua nilai/kesehatan csv
check "nilai-kesehatan.csv: a stage without scores: count 0, no score, passed" \
    grep -q '^DEMAK-2026-1-0002,.*,0,,lulus' "$BODY"

each_role peringkat peringkat-akhir "ketua anggota pengawas"
export_get ketua peringkat csv
cp "$BODY" "$T/rank.csv"
check "peringkat-akhir.csv: RFC 4180 framing, provenance" pycheck csv "$T/rank.csv"
# The same scores as `selter rank` reads them: each rater's, recusals.
python3 - "${SCORES[@]}" >"$T/scores.json" <<'PY'
import json, sys
who = ["ketua", "anggota", "asesor"]
c = {}
for e in sys.argv[1:]:
    s, app, *v = e.split(":")
    if app == "4":
        continue
    c.setdefault(app, {})[s] = [{"member": w, "recused": True} if x == "R"
        else {"member": w, "score": int(x) / 100} for w, x in zip(who, v)]
print(json.dumps({"weights": {"paper": 20, "assessment": 25,
    "interview": 35, "track_record": 20}, "candidates": [{"id":
    "DEMAK-2026-1-%04d" % int(k), "scores": v} for k, v in c.items()]}))
PY
"$selter" rank --profile demak-2022 --scores "$T/scores.json" >"$T/rank.json"
check "peringkat-akhir.csv equals selter rank on the same scores: rank, final, tie, shortlist" \
    pycheck ranking "$T/rank.csv" "$T/rank.json"
check "peringkat-akhir.csv: the tie shares rank 2 (75.78), the one who failed the paper is absent" \
    all 'grep -q "^Kepala Dinas Kesehatan,2,DEMAK-2026-1-0001,.*,75\.78,seri,ya" "$T/rank.csv"' \
    'grep -q "^Kepala Dinas Kesehatan,2,DEMAK-2026-1-0003,.*,75\.78,seri,ya" "$T/rank.csv"' \
    '! grep -q "DEMAK-2026-1-0004" "$T/rank.csv"'
export_get pengawas peringkat xlsx
cp "$BODY" "$T/rank.xlsx"
cat >"$T/rank.xlsx.want" <<'EOF2'
{"B1": ["s", "Peringkat"], "B2": ["n", 1], "C2": ["s", "DEMAK-2026-1-0002"],
 "I2": ["n", 80.75], "B3": ["n", 2], "I3": ["n", 75.78], "J3": ["s", "seri"]}
EOF2
check "peringkat-akhir.xlsx: rank and scores as numbers, registration numbers as strings" \
    pycheck xlsx "$T/rank.xlsx" "$T/rank.xlsx.want"
# seed_tie_decision: the committee's order of the tie in the final
# ranking (SCORE-TIES), with its reason.
seed_tie_decision() {
	sq "INSERT INTO tie_decision (selection_id, vacancy_id, stage, order_ids,
	    reason, decided_at, decided_by) VALUES (1, 1, '', '3;1',
	    'Nilai wawancara, lalu rekam jejak, sesuai Pasal 17', '$AT',
	    'Dr. Siti Aminah')"
}
seed_tie_decision
export_get anggota peringkat csv
check "peringkat-akhir.csv names the committee's tie decision, by registration number, with its reason" \
    grep -q '^Keputusan seri (Kepala Dinas Kesehatan),"urutan DEMAK-2026-1-0003, DEMAK-2026-1-0001; alasan: Nilai wawancara, lalu rekam jejak, sesuai Pasal 17; Dr. Siti Aminah, 23 November 2026 pukul 10.00 WIB"' "$BODY"
seed_ranking_sent
each_role peringkat peringkat-akhir "ketua anggota pyb ppk pengawas"
export_get pyb peringkat csv
check "peringkat-akhir.csv for the PyB once sent: says so" \
    grep -q '^Dikirim,"kepada PyB, 23 November 2026' "$BODY"

seen_statuses
check "every response carries the security headers" all_responses_ok
check "no sanitizer report" sanitizer_quiet
check "selter audit verify: ok" audit_ok
echo "1..$n"
