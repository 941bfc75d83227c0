#!/usr/bin/env bash
# The applicant's record entered in a form (/pelamar/data/isian, issue 5)
# over HTTP, against `selter serve --demo` on a store of its own.
#
# Two applicants register, confirm through the outbox's token and log in
# with their NIP.  The form is read (every field labelled, the NIP and
# birth date shown but never a field, nothing about religion, ethnicity,
# marital status or disability), rows are added with "Tambah baris" (what
# was typed comes back, rows marked "hapus" go, nothing is stored), bad
# values are refused naming their field and row, the form is saved (the
# stored CANDIDATE.json checked with jq, one record_set event), the
# applicant's page shows its summary, the vacancy's verdict equals the
# command line's on the stored record and the verdict of the same record
# imported as JSON, and the form comes back filled from it.  Without the
# form token, with another visitor's token, as staff or as the other
# applicant, nothing changes: the whole store is dumped (sqlite3 .dump)
# before and after every refused request and compared.
#
# usage: tests/http/record.sh path/to/selter     Prints TAP, one line a check.
# Needs bash, curl, sqlite3, jq and GNU date.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
APW=rahasia-pelamar-1
URL=/pelamar/data/isian

declare -A NIP BIRTH TMT NAME
NIP[ratna]=197407072000032005 BIRTH[ratna]=1974-07-07 TMT[ratna]=2000-03
NAME[ratna]="Ratna Sari, S.KM."
NIP[bambang]=197801012003121001 BIRTH[bambang]=1978-01-01
TMT[bambang]=2003-12 NAME[bambang]="Bambang Wijaya, M.Kes."

# register WHO: /daftar as an anonymous visitor, the outbox's link, login.
register() {
	local w=$1 t
	rm -f "$(jar "$w")"
	csrf_of "$w" /daftar
	TOK[$w]=$CSRF
	post "$w" /daftar "nip=${NIP[$w]}" "name=${NAME[$w]}" \
	    "birth_date=${BIRTH[$w]}" "tmt=${TMT[$w]}" "email=$w@example.org" \
	    "pw1=$APW" "pw2=$APW"
	t=$(sq "SELECT body FROM outbox WHERE to_addr = '$w@example.org'
	    ORDER BY id DESC LIMIT 1" | grep -o '?t=[A-Za-z0-9_-]*' | cut -c 4-)
	get - "/konfirmasi?t=$t"
	login "$w" "$APW" "${NIP[$w]}"
}

# The form as a browser sends it, with overrides: "name=value" replaces
# the field of that name, "+name=value" adds one, "-name" removes it.
FORM0=()
base_form() {
	FORM0=("name=Ratna Sari" "employment=pns" "grade=IV/a"
	    "agency_name=Pemerintah Kabupaten Demak" "agency_kind=regency"
	    "agency_province=Jawa Tengah"
	    "edu-0-level=S2" "edu-0-major=Kesehatan Masyarakat"
	    "edu-1-level=" "edu-1-major="
	    "certs_state=none" "certificates="
	    "post-0-title=Kepala Bidang Pelayanan Kesehatan"
	    "post-0-kind=structural" "post-0-echelon=III.b" "post-0-jf_level="
	    "post-0-fields=kesehatan" "post-0-start=2014-01-02"
	    "post-0-end=2017-03-01"
	    "post-1-title=Sekretaris Dinas Kesehatan" "post-1-kind=structural"
	    "post-1-echelon=III.a" "post-1-jf_level=" "post-1-fields=kesehatan"
	    "post-1-start=2017-03-01" "post-1-end="
	    "post-2-title=" "post-2-kind=" "post-2-echelon=" "post-2-jf_level="
	    "post-2-fields=" "post-2-start=" "post-2-end="
	    "training_state=list" "training=pim_iii"
	    "pens_state=none" "pen-0-kind=" "pen-0-level=" "pen-0-decided="
	    "under_examination=no"
	    "perf_state=list" "perf-0-year=2024" "perf-0-rating=baik"
	    "perf-1-year=2025" "perf-1-rating=sangat_baik"
	    "rec_by=pyb" "rec_ppk_approved=yes")
}
base_form
FORM=()
form_with() {
	local kv i
	base_form
	FORM=("${FORM0[@]}")
	for kv in "$@"; do
		case $kv in
		+*) FORM+=("${kv#+}") ;;
		-*) for i in "${!FORM[@]}"; do
			[ "${FORM[$i]%%=*}" = "${kv#-}" ] && unset "FORM[$i]"
		    done ;;
		*) for i in "${!FORM[@]}"; do
			[ "${FORM[$i]%%=*}" = "${kv%%=*}" ] && FORM[$i]=$kv
		    done ;;
		esac
	done
	FORM=("${FORM[@]}")
}
# save WHO [override...]: the form posted with "Simpan".
save() {
	local w=$1
	shift
	form_with "$@"
	post "$w" "$URL" "${FORM[@]}" save=1
}
# more WHO GROUP [override...]: the form posted with "Tambah baris".
more() {
	local w=$1 g=$2
	shift 2
	form_with "$@"
	post "$w" "$URL" "${FORM[@]}" "more=$g"
}
stored() { sq "SELECT record FROM applicant WHERE nip = '${NIP[$1]}'"; }
events() { sq "SELECT count(*) FROM event WHERE action = '$1'"; }
# value_of ID: the value attribute of the input with this id in BODY.
value_of() {
	grep -o "<input[^>]*id=\"$1\"[^>]*>" "$BODY" | head -n 1 |
	    grep -o ' value="[^"]*"' | sed 's/^ value="//; s/"$//'
}
selected_of() {
	grep -o "<select[^>]*id=\"$1\".*</select>" "$BODY" |
	    sed 's/<\/select>.*//' | grep -o '<option value="[^"]*" selected' |
	    sed 's/<option value="//; s/" selected//'
}

# ---- the server and the applicants ----

if ! serve --demo; then
	echo "1..1"
	notok "selter serve starts" "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo listens on a random loopback port"
CLOSE=$(sq "SELECT ann_close FROM selection WHERE id = 1")
login sekretariat
check "login sekretariat: 303" status_is 303 /dasbor
register ratna
check "ratna registers, confirms and logs in with her NIP: 303 to /pelamar" \
    status_is 303 /pelamar
register bambang
check "bambang likewise" status_is 303 /pelamar

# ---- 1. the empty form ----

get - "$URL"
check "the form, anonymous: 303 to /masuk" status_is 303 /masuk
get ratna /pelamar
check "/pelamar links to the form" all 'status_is 200' \
    "body_has 'href=\"$URL\"'" 'body_has "Belum ada."'
get ratna /pelamar/data
check "the JSON import page links to the form" all 'status_is 200' \
    "body_has 'href=\"$URL\"'"
get ratna "$URL"
# labelled: every input, select and text area has a <label for> naming it.
labelled() {
	local id bad=0 n=0
	for id in $(grep -o '<\(input\|select\|textarea\) [^>]*' "$BODY" |
	    grep -v 'type="hidden"' | grep -o ' id="[^"]*"' |
	    sed 's/ id="//; s/"$//'); do
		n=$((n + 1))
		grep -qF "<label for=\"$id\"" "$BODY" ||
		    grep -qF "<label class=\"check\" for=\"$id\"" "$BODY" ||
		    { diag "no label for $id"; bad=1; }
	done
	[ "$n" -ge 40 ] || { diag "only $n fields"; bad=1; }
	return $bad
}
check "GET $URL: 200, the form with its token, every field labelled" all \
    'status_is 200' "body_has 'action=\"$URL\"'" \
    '[ -n "$(form_token "$BODY")" ]' labelled
check "  ... the account's name filled in, NIP and birth date shown, not fields" \
    all "body_has 'value=\"${NAME[ratna]}\"'" "body_has '${NIP[ratna]}'" \
    'body_has "7 Juli 1974"' 'body_lacks "name=\"nip\""' \
    'body_lacks "name=\"birth_date\""'
check "  ... one empty row per group, each group's \"Tambah baris\" button" all \
    'body_has "id=\"post-0-title\""' 'body_lacks "id=\"post-1-title\""' \
    'body_has "id=\"edu-0-level\""' 'body_has "id=\"pen-0-kind\""' \
    'body_has "id=\"perf-0-year\""' \
    'body_has "name=\"more\" value=\"post\""' \
    'body_has "name=\"more\" value=\"perf\""'
check "  ... every grade, echelon and rating the decoder takes, labelled in Indonesian" \
    all 'body_has "<option value=\"IV/e\">IV/e (Pembina Utama)</option>"' \
    'body_has "<option value=\"I/a\">I/a (Juru Muda)</option>"' \
    'body_has "<option value=\"V.a\">V.a</option>"' \
    'body_has "<option value=\"butuh_perbaikan\">butuh perbaikan</option>"' \
    'body_has "value=\"pim_ii\""'
check "  ... no question about religion, ethnicity, marital status or disability" \
    all 'body_lacks "name=\"religion\""' 'body_lacks "name=\"agama\""' \
    'body_lacks "name=\"suku\""' 'body_lacks "name=\"marital"' \
    'body_lacks "name=\"disab"' 'body_lacks "Jenis kelamin"'
get sekretariat "$URL"
check "the form as the secretariat: 403" all 'status_is 403' \
    'body_has "Halaman ini untuk pelamar."'

# ---- 2. "Tambah baris": values kept, nothing stored ----

refused "\"Tambah baris\" for posts: 200, nothing stored" 200 \
    "Data belum disimpan" more ratna post
check "  ... every value typed comes back, one post row more" all \
    '[ "$(value_of post-1-title)" = "Sekretaris Dinas Kesehatan" ]' \
    '[ "$(value_of post-0-start)" = 2014-01-02 ]' \
    '[ "$(selected_of post-1-echelon)" = III.a ]' \
    '[ "$(selected_of grade)" = IV/a ]' \
    'body_has "id=\"post-3-title\""' 'body_lacks "id=\"post-4-title\""' \
    'body_has "value=\"pim_iii\" checked"' \
    'body_has "id=\"pens_state-none\" name=\"pens_state\" value=\"none\" checked"'
refused "\"Tambah baris\" with a row marked hapus: 200, nothing stored" 200 \
    "Data belum disimpan" more ratna edu +post-0-del=1
check "  ... the marked row is gone, the next one moved up, one edu row more" \
    all '[ "$(value_of post-0-title)" = "Sekretaris Dinas Kesehatan" ]' \
    'body_lacks "Kepala Bidang Pelayanan Kesehatan"' \
    'body_has "id=\"edu-2-level\""'
refused "\"Tambah baris\" for an unknown group: 400, nothing stored" 400 \
    "tidak dikenal" more ratna nip

# ---- 3. refused forms ----

refused "save without the form token: 403, unchanged" 403 \
    "Formulir kedaluwarsa" post_tok ratna "" "$URL" "${FORM0[@]}" save=1
refused "save with bambang's token: 403, unchanged" 403 \
    "Formulir kedaluwarsa" post_tok ratna "${TOK[bambang]}" "$URL" \
    "${FORM0[@]}" save=1
refused "save as the secretariat: 403, unchanged" 403 \
    "Halaman ini untuk pelamar." save sekretariat
BAD=(
	"a date that is no date|post-1-start|Jabatan 2, tanggal mulai: &quot;2023-02-30&quot; bukan tanggal yang sah|post-1-start=2023-02-30"
	"an unknown grade|grade|Pangkat/golongan: pilihan &quot;V/a&quot; tidak dikenal.|grade=V/a"
	"an unknown echelon|post-0-echelon|Jabatan 1, eselon: pilihan &quot;VI.a&quot; tidak dikenal.|post-0-echelon=VI.a"
	"an end before the start|post-0-end|Jabatan 1: tanggal selesai (2014-01-01) sebelum tanggal mulai (2014-01-02).|post-0-end=2014-01-01"
	"a year out of range|perf-1-year|Penilaian kinerja 2, tahun: &quot;2200&quot; bukan tahun antara 1900 dan 2199.|perf-1-year=2200"
	"an empty name|name|Nama lengkap wajib diisi.|name= "
	"a 26th post row|post|Riwayat jabatan: paling banyak 25 baris.|+post-25-title=Staf"
	"penalties listed under \"none\"|pens_state|Anda memilih &quot;Tidak pernah dijatuhi hukuman&quot; tetapi mengisi rinciannya.|pen-0-kind=criminal"
)
for c in "${BAD[@]}"; do
	IFS='|' read -r -a f <<<"$c"
	refused "save with ${f[0]}: 400, unchanged" 400 "${f[2]}" \
	    save ratna "${f[@]:3}"
	check "  ... named beside its field, linked from the summary, the value kept" \
	    all "body_has 'id=\"${f[1]}-err\"'" "body_has 'href=\"#${f[1]}\"'" \
	    'body_has "Data riwayat belum disimpan"' \
	    '[ "$(value_of post-1-title)" = "Sekretaris Dinas Kesehatan" ]'
done
save ratna post-0-end=2014-01-01
check "  ... the field at fault is marked invalid and described by its message" \
    body_has 'aria-invalid="true" aria-describedby="post-0-end-hint post-0-end-err" value="2014-01-01"'

# ---- 4. saved ----

cat >"$T/want.json" <<EOF
{"nip": "${NIP[ratna]}", "name": "Ratna Sari", "birth_date": "${BIRTH[ratna]}",
 "employment": "pns",
 "agency": {"name": "Pemerintah Kabupaten Demak", "kind": "regency",
   "province": "Jawa Tengah"},
 "grade": "IV/a", "education": [{"level": "S2", "major": "Kesehatan Masyarakat"}],
 "certificates": [],
 "posts": [{"title": "Kepala Bidang Pelayanan Kesehatan", "kind": "structural",
   "echelon": "III.b", "fields": ["kesehatan"], "start": "2014-01-02",
   "end": "2017-03-01"},
  {"title": "Sekretaris Dinas Kesehatan", "kind": "structural", "echelon": "III.a",
   "fields": ["kesehatan"], "start": "2017-03-01", "end": null}],
 "training": ["pim_iii"], "penalties": [], "under_examination": false,
 "performance": [{"year": 2024, "rating": "baik"},
   {"year": 2025, "rating": "sangat_baik"}],
 "recommendation": {"by": "pyb", "ppk_approved": true}}
EOF
E0=$(events record_set)
save ratna +nip=199001012015011001 +birth_date=1990-01-01
stored_ok() {
	stored ratna >"$T/got.json"
	jq -S . "$T/got.json" >"$T/got.n" 2>&1 || { diag "not JSON: $(cat "$T/got.json")"; return 1; }
	jq -S . "$T/want.json" >"$T/want.n"
	cmp -s "$T/got.n" "$T/want.n" || diag "$(diff "$T/want.n" "$T/got.n")"
}
check "save: 303 to /pelamar?ok=1, the CANDIDATE.json stored (the account's NIP, not the posted one)" \
    all 'status_is 303 "/pelamar?ok=1"' stored_ok
check "  ... one record_set audit event, as an import makes" \
    test "$(events record_set)" = $((E0 + 1))
get ratna /pelamar
check "/pelamar: the record's summary" all 'status_is 200' \
    'body_has "<caption>Ringkasan data riwayat</caption>"' \
    'body_has "IV/a (Pembina)"' \
    'body_has "Sekretaris Dinas Kesehatan (Struktural, eselon III.a), 1 Maret 2017 sampai sekarang"' \
    'body_has "2024: baik; 2025: sangat baik"' \
    'body_has "<td>tidak ada</td>"'

# The verdict of the vacancy's page, rule by rule.
rule_lines() {
	grep -o '<li class="rule [a-z]*"><strong>[^<]*</strong> <code>ELIG-[A-Z0-9-]*</code>[^<]*' "$BODY" |
	    sed 's/<[^>]*>//g'
}
get ratna /pelamar/lowongan/1
rule_lines >"$T/form.rules"
grep -o '<p class="lead"><strong>[^<]*' "$BODY" >"$T/form.verdict"
cli_same() {
	"$selter" eligibility --profile demak-2022 --post "$ROOT/demo/post.json" \
	    --candidate "$T/got.json" --as-of "$CLOSE" >"$T/elig.json" ||
	    { diag "selter eligibility failed"; return 1; }
	local want
	case $(jq -r .verdict "$T/elig.json") in
	eligible) want="Memenuhi persyaratan" ;;
	incomplete) want="Belum lengkap" ;;
	*) want="Tidak memenuhi persyaratan" ;;
	esac
	grep -qF "<strong>$want" "$T/form.verdict" ||
	    diag "verdict $(cat "$T/form.verdict"), the CLI says $want"
	[ "$(wc -l <"$T/form.rules")" = "$(jq '.rules | length' "$T/elig.json")" ] ||
	    diag "$(wc -l <"$T/form.rules") rules shown, the CLI gives $(jq '.rules | length' "$T/elig.json")"
	[ "$(wc -l <"$T/form.rules")" -ge 10 ] || diag "only $(wc -l <"$T/form.rules") rules"
	[ -z "$DIAG" ]
}
check "the vacancy's verdict on the form's record: the command line's ($CLOSE)" \
    all 'status_is 200' cli_same
post ratna /pelamar/data "record=$(cat "$T/want.json")"
check "the same record imported as JSON: 303" status_is 303 "/pelamar?ok=1"
get ratna /pelamar/lowongan/1
rule_lines >"$T/json.rules"
same_rules() {
	cmp -s "$T/form.rules" "$T/json.rules" ||
	    diag "$(diff "$T/form.rules" "$T/json.rules")"
	grep -qF "$(cat "$T/form.verdict")" "$BODY" || diag "another verdict"
}
check "  ... the same verdict and the same rule results as the form's" \
    same_rules

get ratna "$URL"
check "the form comes back filled from the stored record" all 'status_is 200' \
    '[ "$(value_of post-1-title)" = "Sekretaris Dinas Kesehatan" ]' \
    '[ "$(value_of post-1-end)" = "" ]' '[ "$(value_of post-0-end)" = 2017-03-01 ]' \
    '[ "$(selected_of grade)" = IV/a ]' '[ "$(selected_of perf-1-rating)" = sangat_baik ]' \
    '[ "$(selected_of rec_by)" = pyb ]' 'body_has "id=\"post-2-title\""' \
    'body_lacks "id=\"post-3-title\""'

# ---- 5. the other applicant ----

RATNA=$(stored ratna)
get bambang "$URL"
check "bambang's form shows his account, nothing of ratna's" all \
    'status_is 200' "body_has '${NIP[bambang]}'" \
    "body_lacks '${NIP[ratna]}'" 'body_lacks "Sekretaris Dinas Kesehatan"'
refused "bambang posts with ratna's token: 403, unchanged" 403 \
    "Formulir kedaluwarsa" post_tok bambang "${TOK[ratna]}" "$URL" \
    "${FORM0[@]}" save=1
save bambang "name=Bambang Wijaya" "+nip=${NIP[ratna]}"
check "bambang's form, even naming ratna's NIP, is stored as his own" all \
    'status_is 303 "/pelamar?ok=1"' \
    '[ "$(stored ratna)" = "$RATNA" ]' \
    '[ "$(stored bambang | jq -r .nip)" = "${NIP[bambang]}" ]'

# ---- the run ----

every_response_ok() {
	local bad=0 i c url
	while read -r i c url; do
		[ "$c" = 000 ] && continue
		sec_ok "$T/r/$i.h" >/dev/null || { diag "response $i ($c $url)"; bad=1; }
	done <"$T/r/index"
	return $bad
}
check "every response of this run carries the security headers" \
    every_response_ok
check "selter audit verify: ok" audit_ok
unserve
check "SIGTERM: the server exits 0" test "$rc" = 0
check "no sanitizer report from the server" sanitizer_quiet

echo "1..$n"
