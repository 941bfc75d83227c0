#!/usr/bin/env bash
# The applicant's journey and the administrative selection over HTTP
# (issue 5 item 8), against `selter serve --demo` on a store of its own.
#
# While registration is open: applicants register (the NIP checked against
# the birth date and the TMT CPNS), confirm their e-mail through the token
# the outbox holds, log in with the NIP, import their record (file upload
# and text), read the vacancy's verdict with every ELIG-* rule and its
# citation, apply, and cannot read or withdraw one another's application.
# Restarted with --now at the last second of the closing day, then at the
# first second after it: applying closes, the registrants are public, the
# secretariat checks the file (ADM-COMPLETE), a member decides with a
# reason, the chair signs the result, the applicant reads it; complaints
# are sent and answered.  A refused request must change nothing: the whole
# store is dumped (sqlite3 .dump) before and after it and compared.
#
# usage: tests/http/apply.sh path/to/selter     Prints TAP, one line a check.
# Needs bash, curl, sqlite3, jq and GNU date.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# ---- the applicants ----

# Each: NIP, birth date, TMT CPNS, name, e-mail.  NIP digits 1-8 are the
# birth date, 9-14 the TMT; digit 15 (gender) is never read.
declare -A NIP BIRTH TMT NAME MAIL
person() {
	NIP[$1]=$2 BIRTH[$1]=$3 TMT[$1]=$4 NAME[$1]=$5
	MAIL[$1]=$1@example.org
}
person ratna 197407072000032005 1974-07-07 2000-03 "Ratna Sari, S.KM."
person bambang 197801012003121001 1978-01-01 2003-12 "Bambang Wijaya, M.Kes."
person citra 198002142005012002 1980-02-14 2005-01 "Citra Lestari, S.KM."
person dewi 198103032006042001 1981-03-03 2006-04 "Dewi Anggraini"
person eko 197912122004031002 1979-12-12 2004-03 "Eko Prasetyo, M.M."
APW=rahasia-pelamar-1

# record WHO [NIP]: the applicant's record, a SIASN/SIMPEG style export
# over several lines (the unit tests' record, CONTRACT.md CANDIDATE.json).
record() {
	local nip=${2:-${NIP[$1]}}
	cat <<EOF
{
  "nip": "$nip",
  "name": "${NAME[$1]}",
  "birth_date": "${BIRTH[$1]}",
  "employment": "pns",
  "agency": {"name": "Pemerintah Kabupaten Demak", "kind": "regency",
    "province": "Jawa Tengah"},
  "grade": "IV/a",
  "education": [{"level": "S2", "major": "Kesehatan"}],
  "posts": [{"title": "Sekretaris Dinas", "kind": "structural",
    "echelon": "III.a", "fields": ["kesehatan"], "start": "2015-01-02",
    "end": null}]
}
EOF
}

# reg_form WHO [name=value...]: the registration form in FORM, with the
# values given in place of WHO's.
reg_form() {
	local w=$1 kv i
	shift
	FORM=("nip=${NIP[$w]}" "name=${NAME[$w]}" "birth_date=${BIRTH[$w]}"
	    "tmt=${TMT[$w]}" "email=${MAIL[$w]}" "pw1=$APW" "pw2=$APW")
	for kv in "$@"; do
		for i in "${!FORM[@]}"; do
			[ "${FORM[$i]%%=*}" = "${kv%%=*}" ] && FORM[$i]=$kv
		done
	done
}
# anon WHO: a fresh anonymous visitor with the registration form's token.
anon() {
	rm -f "$(jar "$1")"
	csrf_of "$1" /daftar
	TOK[$1]=$CSRF
}
# register WHO: registers through /daftar as an anonymous visitor.
register() {
	anon "$1"
	reg_form "$1"
	post "$1" /daftar "${FORM[@]}"
}
# mail_token WHO PURPOSE: the token of the newest mail of that subject to
# WHO (read from the outbox, as the mailer would send it).
mail_token() {
	sq "SELECT body FROM outbox WHERE to_addr = $(q "${MAIL[$1]}") AND
	    subject LIKE $(q "$2%") ORDER BY id DESC LIMIT 1" |
	    grep -o '?t=[A-Za-z0-9_-]*' | head -n 1 | cut -c 4-
}
confirm() {
	get - "/konfirmasi?t=$(mail_token "$1" Konfirmasi)"
}
# enter WHO: logs in with the NIP.
enter() { login "$1" "$APW" "${NIP[$1]}"; }
# set_record WHO FILE: the record as the text area of /pelamar/data.
set_record() {
	post "$1" /pelamar/data "record=$(cat "$2")"
}
# upload WHO FILE: the record as a file (multipart/form-data).
upload() {
	get "$1" /pelamar/data -F "csrf=${TOK[$1]}" \
	    -F "file=@$2;type=application/json;filename=riwayat.json" \
	    -F "record="
}
app_id() { sq "SELECT application.id FROM application JOIN applicant
    USING (account_id) WHERE nip = '${NIP[$1]}'"; }
reg_no() { sq "SELECT reg_no FROM application WHERE id = $1"; }
events() { sq "SELECT count(*) FROM event WHERE action = '$1'"; }
mails() { sq "SELECT count(*) FROM outbox WHERE to_addr = $(q "${MAIL[$1]}")
    AND subject LIKE $(q "$2%")"; }
# unescape: HTML text as the reader sees it.
unescape() {
	sed "s/&quot;/\"/g; s/&#39;/'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\\&/g"
}

# ---- 1. registration is open ----

# The links in e-mails use the public address, never the listener's.
export SELTER_BASE_URL=https://seleksi.example.go.id/
if ! serve --demo; then
	echo "1..1"
	notok "selter serve starts" "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo listens on a random loopback port"
OPEN=$(sq "SELECT ann_open FROM selection WHERE id = 1")
CLOSE=$(sq "SELECT ann_close FROM selection WHERE id = 1")
YEAR=${OPEN:0:4}
check "selection 1 is open for 20 days ($OPEN to $CLOSE)" test \
    "$(date -d "$OPEN + 19 days" +%F)" = "$CLOSE"
for u in sekretariat anggota pelamar; do
	login "$u"
done

get - /daftar
check "GET /daftar: 200, the form with its token and a pre cookie" all \
    'status_is 200' 'body_has "action=\"/daftar\""' \
    '[ -n "$(form_token "$BODY")" ] || diag "no form token"' \
    'hdr "$H" Set-Cookie | grep -q "^pre=.*HttpOnly" || diag "no pre cookie"'

anon ratna
BAD_REG=(
	"a NIP of 17 digits|NIP terdiri dari 18 angka.|nip=19740707200003200"
	"a NIP with a letter|NIP hanya berisi angka.|nip=19740707200003200X"
	"a birth date a day off the NIP|Delapan angka pertama NIP (19740707) tidak sesuai dengan tanggal lahir.|birth_date=1974-07-08"
	"a birth date a year off the NIP|tidak sesuai dengan tanggal lahir.|birth_date=1975-07-07"
	"a TMT a month off the NIP|Angka ke-9 sampai ke-14 NIP tidak sesuai dengan TMT CPNS (TTTT-BB).|tmt=2000-04"
	"a TMT a year off the NIP|Angka ke-9 sampai ke-14 NIP tidak sesuai|tmt=2001-03"
	"a TMT without its dash|Angka ke-9 sampai ke-14 NIP tidak sesuai|tmt=200003"
	"a TMT in month 13, the NIP agreeing|Bulan TMT CPNS tidak sah.|nip=197407072000132005|tmt=2000-13"
	"a TMT in month 00, the NIP agreeing|Bulan TMT CPNS tidak sah.|nip=197407072000002005|tmt=2000-00"
	"a birth date that is no date (1974-02-30)|Tanggal lahir bukan tanggal yang sah (TTTT-BB-HH).|nip=197402302000032005|birth_date=1974-02-30"
	"birth date and TMT swapped|Tanggal lahir bukan tanggal yang sah|birth_date=2000-03|tmt=1974-07"
	"a TMT CPNS at age 5, the NIP agreeing|TMT CPNS (Maret 1979) kurang dari 18 tahun sesudah tanggal lahir|nip=197407071979032005|tmt=1979-03"
	"a TMT CPNS a day before 18 (PP 11/2017 Pasal 23)|PP 11/2017 Pasal 23 ayat (1) huruf a|nip=197407021992072005|birth_date=1974-07-02|tmt=1992-07"
	"no name|Nama lengkap wajib diisi|name="
	"no e-mail address|Alamat surel tidak sah.|email=ratna.example.org"
	"passwords that differ|Kata sandi dan ulangannya tidak sama.|pw2=rahasia-pelamar-2"
	"a password of 9 characters|Kata sandi harus 10 sampai 128 karakter.|pw1=rahasia-1|pw2=rahasia-1"
)
for c in "${BAD_REG[@]}"; do
	IFS='|' read -r -a f <<<"$c"
	reg_form ratna "${f[@]:2}"
	refused "register with ${f[0]}: 400, unchanged" 400 "${f[1]}" \
	    post ratna /daftar "${FORM[@]}"
done
reg_form ratna "birth_date=1974-07-08"
post ratna /daftar "${FORM[@]}"
check "a refused form keeps what was typed but never the password" all \
    'status_is 400' "body_has 'value=\"${NIP[ratna]}\"'" \
    "body_has 'value=\"1974-07-08\"'" "body_lacks '$APW'"
reg_form ratna
refused "register without the form token: 403, unchanged" 403 \
    "Formulir kedaluwarsa" post_tok ratna "" /daftar "${FORM[@]}"
refused "register with another visitor's token: 403, unchanged" 403 \
    "Formulir kedaluwarsa" post_tok - "${TOK[ratna]}" /daftar "${FORM[@]}"

post ratna /daftar "${FORM[@]}"
check "register ratna (NIP ${NIP[ratna]}): 200, account made" all \
    'status_is 200' 'body_has "Periksa surel Anda."'
registered_ok() {
	local w=$1
	[ "$(sq "SELECT count(*) FROM applicant JOIN account ON
	    account.id = account_id WHERE nip = '${NIP[$w]}' AND
	    login = '${NIP[$w]}' AND birth_date = '${BIRTH[$w]}' AND
	    tmt_cpns = '${TMT[$w]}' AND confirmed_at = ''")" = 1 ] ||
	    diag "no unconfirmed applicant row for $w"
	[ "$(mails "$w" Konfirmasi)" = 1 ] || diag "no confirmation mail"
	[ -n "$(mail_token "$w" Konfirmasi)" ] || diag "no token in the mail"
	[ "$(sq "SELECT count(*) FROM event WHERE action =
	    'applicant_register' AND after LIKE '%${NIP[$w]}%'")" = 1 ] ||
	    diag "no audit event"
	[ -z "$DIAG" ]
}
check "  ... the applicant, the outbox's confirmation mail, the audit event" \
    registered_ok ratna
anon ratna2
reg_form ratna "email=lain@example.org"
refused "the same NIP again: the same answer (200), nothing made, no mail" \
    200 "Periksa surel Anda." post ratna2 /daftar "${FORM[@]}"
for w in bambang citra dewi eko; do
	register "$w"
	check "register $w: 200, applicant, mail and event" all \
	    'status_is 200' "registered_ok $w"
done

refused "confirm with a wrong token: 400, unchanged" 400 \
    "Tautan konfirmasi tidak berlaku" get - "/konfirmasi?t=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
refused "confirm without a token: 400, unchanged" 400 \
    "Tautan konfirmasi tidak berlaku" get - /konfirmasi
confirm ratna
check "confirm ratna with the token from the outbox: 200, confirmed" all \
    'status_is 200' 'body_has "Alamat surel dikonfirmasi"' \
    "[ -n \"\$(sq \"SELECT confirmed_at FROM applicant WHERE nip = '${NIP[ratna]}'\")\" ]"
refused "the same confirmation link twice: 400, unchanged" 400 \
    "sudah dipakai" confirm ratna
for w in bambang citra eko; do
	confirm "$w"
	check "confirm $w: 200" status_is 200
done

enter ratna
check "ratna logs in with her NIP: 303 to /pelamar" status_is 303 /pelamar
get ratna /pelamar
check "/pelamar: her NIP and name, no record yet, the open vacancy" all \
    'status_is 200' "body_has '${NIP[ratna]}'" "body_has '${NAME[ratna]}'" \
    'body_has "Belum ada."' 'body_has "href=\"/pelamar/lowongan/1\""' \
    'body_lacks "belum dikonfirmasi"'
for w in bambang citra eko; do
	enter "$w"
	check "$w logs in with the NIP: 303 to /pelamar" status_is 303 /pelamar
done
# An unconfirmed registration is inert: its right password is told to
# confirm first, and nobody else learns more than of any name.
refused "dewi, unconfirmed, with her password: 409, confirm first, no session" \
    409 "belum dikonfirmasi" enter dewi
check "  ... how to go on: the link, 48 hours, register again" all \
    'body_has "Buka tautan konfirmasi"' 'body_has "48 jam"' \
    'body_has "daftarkan lagi NIP Anda"' \
    '! hdr "$H" Set-Cookie | grep -q "^sid=" || diag "a session cookie"'
# no_token FILE: the page without its visitor's form token.
no_token() { sed 's/name="csrf" value="[^"]*"/name="csrf"/' "$1"; }
login dewi-bad salah-sekali-1 "${NIP[dewi]}"
no_token "$BODY" >"$T/dewi-bad.html"
check "dewi's NIP with a wrong password: 400, the usual answer" all \
    'status_is 400' 'body_has "Nama pengguna atau kata sandi salah."' \
    'body_lacks "dikonfirmasi"'
login nobody-bad salah-sekali-1 197001012000011001
no_token "$BODY" >"$T/nobody-bad.html"
check "  ... byte for byte what an NIP nobody registered gets" all \
    'status_is 400' 'cmp -s "$T/nobody-bad.html" "$T/dewi-bad.html" ||
    diag "the pages differ: $(diff "$T/nobody-bad.html" "$T/dewi-bad.html" |
    head -4)"'
login ratna-bad salah-sekali-1 "${NIP[ratna]}"
check "a wrong password for an NIP: 400" all 'status_is 400' \
    'body_has "Nama pengguna atau kata sandi salah."'

# ---- 2. the record ----

for w in ratna bambang citra dewi eko; do record "$w" >"$T/$w.json"; done
get ratna /pelamar/data
check "GET /pelamar/data: the upload and the text area" all \
    'status_is 200' 'body_has "enctype=\"multipart/form-data\""' \
    'body_has "type=\"file\""' 'body_has "<textarea id=\"record\""'
sed '3s/"name": /"name" /' "$T/ratna.json" >"$T/bad3.json"
refused "a record with bad JSON on line 3 (text area): 400 naming line 3" \
    400 "Data riwayat tidak dapat dibaca (baris 3:" \
    set_record ratna "$T/bad3.json"
check "  ... the text area gives the bad record back, escaped" \
    body_has '&quot;name&quot; &quot;Ratna Sari'
sed '9s/,$/,,/' "$T/ratna.json" >"$T/bad9.json"
refused "a record with bad JSON on line 9 (file upload): 400 naming line 9" \
    400 "Data riwayat tidak dapat dibaca (baris 9:" upload ratna "$T/bad9.json"
printf '{"nip": "197407072000032005",\n "name": "x",\n' >"$T/cut.json"
refused "a record cut short (file upload): 400 naming its last line" \
    400 "Data riwayat tidak dapat dibaca (baris 2:" upload ratna "$T/cut.json"
record ratna 197407072000032006 >"$T/other.json"
refused "a record of another NIP: 400, unchanged" 400 \
    "NIP atau tanggal lahir dalam data riwayat berbeda dengan akun Anda." \
    set_record ratna "$T/other.json"
refused "an empty record: 400, unchanged" 400 "Data riwayat kosong" \
    post ratna /pelamar/data record=
# pad N: the record with spaces inside it, N bytes long once the final
# newline is trimmed (as the server trims it).
pad() {
	{ echo "{"; head -c $(($1 + 1 - $(wc -c <"$T/ratna.json"))) /dev/zero |
	    tr '\0' ' '; tail -n +2 "$T/ratna.json"; } >"$T/pad$1.json"
}
pad 61441
refused "a record of 60 KiB + 1 (file upload): 400, unchanged" 400 \
    "lebih dari 60 KB" upload ratna "$T/pad61441.json"
pad 61440
upload ratna "$T/pad61440.json"
check "a record of exactly 60 KiB (file upload): 303, stored" all \
    'status_is 303 "/pelamar?ok=1"' \
    '[ "$(sq "SELECT length(record) FROM applicant WHERE nip = '"'${NIP[ratna]}'"'")" = 61440 ]'
refused "the secretariat cannot store a record: 403, unchanged" 403 \
    "Halaman ini untuk pelamar." set_record sekretariat "$T/ratna.json"
refused "the record without the form token: 403, unchanged" 403 \
    "Formulir kedaluwarsa" post_tok ratna "" /pelamar/data \
    "record=$(cat "$T/ratna.json")"
upload ratna "$T/ratna.json"
stored_record() {
	[ "$(sq "SELECT record FROM applicant WHERE nip = '${NIP[$1]}'")" = \
	    "$(cat "$2")" ] || diag "the stored record differs from $2"
}
check "the record as a file upload: 303 to /pelamar?ok=1, stored as sent" \
    all 'status_is 303 "/pelamar?ok=1"' 'stored_record ratna "$T/ratna.json"'
tr -d '\n' <"$T/ratna.json" >"$T/ratna-line.json"
set_record ratna "$T/ratna-line.json"
check "the record in the text area: 303 to /pelamar?ok=1, stored as sent" \
    all 'status_is 303 "/pelamar?ok=1"' \
    'stored_record ratna "$T/ratna-line.json"'
check "  ... each import is an audit event (record_set)" \
    test "$(sq "SELECT count(*) FROM event WHERE action = 'record_set'
    AND actor_id = (SELECT account_id FROM applicant
    WHERE nip = '${NIP[ratna]}')")" = 3
get ratna /pelamar/data
check "/pelamar/data shows the stored record, escaped" all 'status_is 200' \
    'body_has "&quot;nip&quot;: &quot;${NIP[ratna]}&quot;"'
for w in bambang citra eko; do
	upload "$w" "$T/$w.json"
	check "$w imports the record: 303" status_is 303 "/pelamar?ok=1"
done

# ---- 3. the vacancy's verdict ----

get ratna /pelamar/lowongan/1
check "GET /pelamar/lowongan/1: 200, the verdict and the form to apply" all \
    'status_is 200' 'body_has "Hasil pemeriksaan persyaratan"' \
    'body_has "action=\"/pelamar/lowongan/1/daftar\""'
rule_lines() {
	grep -o '<li class="rule [a-z]*"><strong>[^<]*</strong> <code>ELIG-[A-Z0-9-]*</code>[^<]*<cite>[^<]*</cite>' "$BODY" |
	    sed 's/^<li class="rule \([a-z]*\)"><strong>[^<]*<\/strong> <code>\([^<]*\)<\/code> \([^<]*\) <cite>\([^<]*\)<\/cite>$/\2|\1|\3|\4/' |
	    unescape
}
every_rule() {
	"$selter" eligibility --profile demak-2022 --post "$ROOT/demo/post.json" \
	    --candidate "$T/ratna.json" --as-of "$CLOSE" >"$T/elig.json" ||
	    { diag "selter eligibility failed"; return 1; }
	jq -r '.rules[] | "\(.id)|\(.status)|\(.detail)|\(.citation)"' \
	    "$T/elig.json" >"$T/want.rules"
	rule_lines >"$T/got.rules"
	[ "$(wc -l <"$T/want.rules")" -ge 10 ] ||
	    { diag "only $(wc -l <"$T/want.rules") rules"; return 1; }
	grep -q '|.*|.*|Perbup Demak 47/2022 Pasal' "$T/got.rules" ||
	    diag "no citation of the Perbup"
	cmp -s "$T/want.rules" "$T/got.rules" ||
	    diag "$(diff "$T/want.rules" "$T/got.rules")"
}
check "every ELIG-* rule of selter eligibility (as of $CLOSE), its status, detail and citation" \
    every_rule
VERDICT=$(jq -r .verdict "$T/elig.json" 2>/dev/null)
case $VERDICT in
eligible) WORD="Memenuhi persyaratan" ;;
incomplete) WORD="Belum lengkap" ;;
*) WORD="Tidak memenuhi persyaratan" ;;
esac
check "  ... and the verdict the CLI gives ($VERDICT: $WORD)" \
    body_has "<p class=\"lead\"><strong>$WORD</strong></p>"
get - /pelamar/lowongan/1
check "the vacancy's verdict, anonymous: 303 to /masuk" status_is 303 /masuk
get sekretariat /pelamar/lowongan/1
check "the vacancy's verdict as the secretariat: 403" all 'status_is 403' \
    'body_has "Halaman ini untuk pelamar."'
get ratna /pelamar/lowongan/99
check "an unknown vacancy: 404" all 'status_is 404' \
    'body_has "Lowongan tidak ditemukan."'
get ratna /pelamar/lowongan/2
check "the vacancy of the unpublished selection 2: 404" status_is 404

# ---- 4. applying ----

refused "dewi, unconfirmed, has no session to apply with: 403, unchanged" \
    403 "" post dewi /pelamar/lowongan/1/daftar
refused "the secretariat cannot apply: 403, unchanged" 403 \
    "Hanya pelamar yang dapat mendaftar." post sekretariat \
    /pelamar/lowongan/1/daftar
get pelamar /pelamar/lowongan/1
check "the demo's own pelamar (seeded, record and all) sees the verdict" all \
    'status_is 200' 'body_has "Memenuhi persyaratan"' \
    'body_has "ELIG-GRADE"'
refused "apply to an unknown vacancy: 404, unchanged" 404 \
    "Lowongan tidak ditemukan." post ratna /pelamar/lowongan/99/daftar
refused "apply to the unpublished selection's vacancy: 404, unchanged" 404 \
    "Lowongan tidak ditemukan." post ratna /pelamar/lowongan/2/daftar
refused "apply without the form token: 403, unchanged" 403 \
    "Formulir kedaluwarsa" post_tok ratna "" /pelamar/lowongan/1/daftar
post ratna /pelamar/lowongan/1/daftar
A1=$(app_id ratna)
check "ratna applies: 303 to her receipt" all '[ -n "$A1" ]' \
    'status_is 303 "/pelamar/lamaran/$A1"'
R1=$(reg_no "${A1:-0}")
check "  ... registration number $R1 (region, year of opening, selection, 1)" \
    test "$R1" = "DEMAK-$YEAR-1-0001"
submitted_ok() {
	local w=$1 id=$2 r
	r=$(reg_no "$id")
	[ "$(sq "SELECT state || '|' || verdict FROM application WHERE id = $id")" = \
	    "submitted|$VERDICT" ] ||
	    diag "state and verdict: $(sq "SELECT state, verdict FROM application WHERE id = $id")"
	[ "$(sq "SELECT record FROM application WHERE id = $id")" = \
	    "$(sq "SELECT record FROM applicant WHERE nip = '${NIP[$w]}'")" ] ||
	    diag "the record is not frozen into the application"
	[ "$(sq "SELECT count(*) FROM event WHERE action = 'application_submit'
	    AND after LIKE '%$r%'")" = 1 ] || diag "no audit event for $r"
	[ "$(sq "SELECT count(*) FROM outbox WHERE to_addr = $(q "${MAIL[$w]}")
	    AND subject = 'Tanda terima lamaran seleksi terbuka' AND
	    body LIKE '%WIB dengan nomor pendaftaran $r.%' AND
	    body LIKE '%pukul __.__ WIB%' AND body NOT LIKE '%UTC%' AND
	    body LIKE '%: https://seleksi.example.go.id/pelamar/lamaran/$id%'")" = 1 ] ||
	    diag "no receipt mail naming $r, the time in WIB and its public link: $(sq "SELECT body FROM outbox WHERE subject = 'Tanda terima lamaran seleksi terbuka' ORDER BY id DESC LIMIT 1")"
	[ -z "$DIAG" ]
}
check "  ... frozen record and verdict, audit event, the receipt mail" \
    submitted_ok ratna "${A1:-0}"
get ratna "/pelamar/lamaran/$A1"
check "her receipt: number, name, vacancy, submitted (in WIB), withdraw form" all \
    'status_is 200' 'body_has "$R1"' "body_has '${NAME[ratna]}'" \
    'body_has " pukul "' 'body_has " WIB</td>"' 'body_lacks "UTC"' \
    'body_has "Kepala Dinas Kesehatan"' 'body_has "terkirim"' \
    'body_has "action=\"/pelamar/lamaran/$A1/tarik\""' \
    'body_lacks "<h2>Hasil seleksi administrasi</h2>"'
get ratna /pelamar
check "/pelamar lists her application" all 'status_is 200' \
    'body_has "href=\"/pelamar/lamaran/$A1\">$R1</a>"'
refused "apply twice: 409, unchanged" 409 \
    "Anda sudah mendaftar pada lowongan ini." \
    post ratna /pelamar/lowongan/1/daftar
get ratna /pelamar/lowongan/1
check "the vacancy now says she applied, without the form" all \
    'status_is 200' 'body_has "Anda sudah mendaftar pada lowongan ini."' \
    'body_lacks "action=\"/pelamar/lowongan/1/daftar\""'

post bambang /pelamar/lowongan/1/daftar
A2=$(app_id bambang)
check "bambang applies: 303, number DEMAK-$YEAR-1-0002" all \
    'status_is 303 "/pelamar/lamaran/$A2"' \
    '[ "$(reg_no "${A2:-0}")" = "DEMAK-$YEAR-1-0002" ]'
R2=$(reg_no "${A2:-0}")
refused "bambang cannot GET ratna's receipt: 404, unchanged" 404 \
    "Lamaran tidak ditemukan." get bambang "/pelamar/lamaran/$A1"
check "  ... and the page names neither her number nor her name" all \
    'body_lacks "$R1"' "body_lacks '${NAME[ratna]}'"
refused "bambang cannot withdraw ratna's application: 404, unchanged" 404 \
    "Lamaran tidak ditemukan." post bambang "/pelamar/lamaran/$A1/tarik"
refused "the demo pelamar cannot GET ratna's receipt: 404" 404 \
    "Lamaran tidak ditemukan." get pelamar "/pelamar/lamaran/$A1"
refused "the secretariat cannot withdraw ratna's application: 404" 404 \
    "Lamaran tidak ditemukan." post sekretariat "/pelamar/lamaran/$A1/tarik"
refused "an unknown application: 404, unchanged" 404 \
    "Lamaran tidak ditemukan." get ratna /pelamar/lamaran/9999
get - "/pelamar/lamaran/$A1"
check "a receipt, anonymous: 303 to /masuk" status_is 303 /masuk
get sekretariat "/pelamar/lamaran/$A1"
check "the secretariat (the committee's side) may read it: 200, no withdraw form" \
    all 'status_is 200' 'body_has "$R1"' 'body_lacks "/tarik\""'

post bambang "/pelamar/lamaran/$A2/tarik"
check "bambang withdraws his application: 303 to /pelamar?ok=1" all \
    'status_is 303 "/pelamar?ok=1"' \
    '[ "$(sq "SELECT state FROM application WHERE id = ${A2:-0}")" = withdrawn ]' \
    '[ "$(events application_withdraw)" = 1 ]'
refused "withdrawing twice: 409, unchanged" 409 \
    "Lamaran ini sudah ditarik." post bambang "/pelamar/lamaran/$A2/tarik"
refused "applying again after withdrawing: 409, unchanged" 409 \
    "Anda sudah mendaftar" post bambang /pelamar/lowongan/1/daftar
get bambang "/pelamar/lamaran/$A2"
check "his receipt says withdrawn, without the withdraw form" all \
    'status_is 200' 'body_has "ditarik"' 'body_lacks "/tarik\""'
check "the receipt mails are in the outbox, one per application" all \
    '[ "$(mails ratna "Tanda terima")" = 1 ]' \
    '[ "$(mails bambang "Tanda terima")" = 1 ]'
get - /seleksi/1/pendaftar
check "/seleksi/1/pendaftar before closing: 404" all 'status_is 404' \
    'body_has "sesudah pendaftaran ditutup"'
get - /seleksi/1/hasil-administrasi
check "/seleksi/1/hasil-administrasi before anything: 404" status_is 404
get sekretariat /kelola/1/administrasi
check "/kelola/1/administrasi while open: 200, says it starts after closing" \
    all 'status_is 200' 'body_has "Pendaftaran belum ditutup"' \
    'body_lacks "action=\"/kelola/1/lamaran/"'
refused "checking a file while registration is open: 409, unchanged" 409 \
    "dimulai sesudah pendaftaran ditutup" \
    post sekretariat "/kelola/1/lamaran/$A1/periksa" complete=1 note=x
unserve
check "SIGTERM: the server exits 0" test "$rc" = 0

# ---- 5. the last second of the closing day (23:59:59 WIB) ----

LAST=${CLOSE}T16:59:59Z
if ! serve --now "$LAST"; then
	notok "selter serve restarts with --now $LAST" "$(tail -n 5 "$T/server.err")"
	echo "1..$n"
	exit 1
fi
ok "selter serve restarts on the same store with --now $LAST"
enter citra
get citra /pelamar/lowongan/1
check "at $LAST the vacancy still takes applications" all 'status_is 200' \
    'body_has "action=\"/pelamar/lowongan/1/daftar\""'
post citra /pelamar/lowongan/1/daftar
A3=$(app_id citra)
check "citra applies in the last second: 303, DEMAK-$YEAR-1-0003" all \
    'status_is 303 "/pelamar/lamaran/$A3"' \
    '[ "$(reg_no "${A3:-0}")" = "DEMAK-$YEAR-1-0003" ]'
R3=$(reg_no "${A3:-0}")
get - /seleksi/1/pendaftar
check "/seleksi/1/pendaftar on the closing day: still 404" status_is 404
refused "dewi's confirmation link, 19 days old: expired, 400, unchanged" 400 \
    "Tautan konfirmasi tidak berlaku" confirm dewi
unserve
check "SIGTERM: the server exits 0" test "$rc" = 0

# ---- 6. closed: the administrative selection ----

AFTER=${CLOSE}T17:00:00Z
if ! serve --now "$AFTER"; then
	notok "selter serve restarts with --now $AFTER" "$(tail -n 5 "$T/server.err")"
	echo "1..$n"
	exit 1
fi
ok "selter serve restarts on the same store with --now $AFTER (00:00 WIB)"
for u in sekretariat anggota ketua pengawas ppk pelamar; do
	login "$u"
	check "login $u after the restart: 303 to /dasbor" status_is 303 /dasbor
done
for w in ratna bambang citra eko; do
	enter "$w"
	check "$w logs in after the restart: 303 to /pelamar" \
	    status_is 303 /pelamar
done
refused "eko applies after the closing date: 409 sudah ditutup, unchanged" \
    409 "Pendaftaran sudah ditutup" post eko /pelamar/lowongan/1/daftar
get eko /pelamar/lowongan/1
check "the vacancy says registration is not open, without the form" all \
    'status_is 200' 'body_has "Pendaftaran tidak sedang dibuka."' \
    'body_lacks "action=\"/pelamar/lowongan/1/daftar\""'
get eko /pelamar
check "/pelamar no longer lists the vacancy as open" all 'status_is 200' \
    'body_lacks "href=\"/pelamar/lowongan/1\""'
get - /seleksi/1
check "the public announcement says registration is closed, links to the registrants" all \
    'status_is 200' 'body_has "Pendaftaran sudah ditutup"' \
    'body_has "href=\"/seleksi/1/pendaftar\""' \
    'body_lacks "href=\"/seleksi/1/hasil-administrasi\""' \
    'body_has "Hasil seleksi administrasi diumumkan sesudah"'

# no_personal: the page shows no NIP and no birth date of any applicant.
no_personal() {
	local w bad=0 d
	for w in ratna bambang citra dewi eko; do
		body_lacks "${NIP[$w]}" || bad=1
		body_lacks "${BIRTH[$w]}" || bad=1
		d=$(LC_ALL=C date -d "${BIRTH[$w]}" +%-d)
		body_lacks "$d $(month "${BIRTH[$w]}") ${BIRTH[$w]:0:4}" || bad=1
		body_lacks "${MAIL[$w]}" || bad=1
	done
	return $bad
}
month() {
	local m=(Januari Februari Maret April Mei Juni Juli Agustus September
	    Oktober November Desember)
	echo "${m[$((10#${1:5:2} - 1))]}"
}
get - /seleksi/1/pendaftar
check "/seleksi/1/pendaftar after closing: 200, public, cacheable" all \
    'status_is 200' '[[ "$(hdr "$H" Cache-Control)" == public* ]]' \
    'sec_ok "$H"'
check "  ... each registrant's number and name, the withdrawn one marked" \
    all 'body_has "<td>$R1</td><td>${NAME[ratna]}</td><td></td>"' \
    'body_has "<td>$R2</td><td>${NAME[bambang]}</td><td>menarik lamaran</td>"' \
    'body_has "<td>$R3</td><td>${NAME[citra]}</td>"'
check "  ... and no NIP, birth date or e-mail address" no_personal
check "  ... nor who never applied" all "body_lacks '${NAME[eko]}'" \
    "body_lacks '${NAME[dewi]}'"
get - /seleksi/2/pendaftar
check "/seleksi/2/pendaftar (unpublished): 404" status_is 404

get sekretariat /kelola/1/administrasi
check "/kelola/1/administrasi: the queue of submitted applications" all \
    'status_is 200' 'body_has "href=\"/kelola/1/lamaran/$A1\">$R1</a>"' \
    'body_has "href=\"/kelola/1/lamaran/$A3\">$R3</a>"' \
    'body_lacks "$R2"' 'body_has "belum diperiksa"' \
    'body_has "belum diputuskan"' 'body_has "ADM-COMPLETE"'
check "  ... without the chair's publish form for the secretariat" \
    body_lacks "/administrasi/terbitkan"
for w in pelamar ratna; do
	get "$w" /kelola/1/administrasi
	check "/kelola/1/administrasi as $w: 403" all 'status_is 403' \
	    'body_has "Peran Anda tidak mencakup seleksi ini."'
done
get - /kelola/1/administrasi
check "/kelola/1/administrasi anonymous: 303 to /masuk" status_is 303 /masuk
get sekretariat "/kelola/1/lamaran/$A1"
check "the secretariat opens ratna's application: frozen rules, the check form" \
    all 'status_is 200' 'body_has "$R1"' 'body_has "<code>ELIG-GRADE</code>"' \
    'body_has "action=\"/kelola/1/lamaran/$A1/periksa\""' \
    'body_lacks "action=\"/kelola/1/lamaran/$A1/putuskan\""'
get anggota "/kelola/1/lamaran/$A1"
check "the member opens it: the decision form" all 'status_is 200' \
    'body_has "action=\"/kelola/1/lamaran/$A1/putuskan\""'
get pelamar "/kelola/1/lamaran/$A1"
check "the demo pelamar opens it: 403" status_is 403
get sekretariat "/kelola/1/lamaran/$A2"
check "the withdrawn application's page says so, without the forms" all \
    'status_is 200' 'body_has "ditarik oleh pelamar"' \
    'body_lacks "/periksa\""' 'body_lacks "/putuskan\""'

refused "the PPK cannot check a file: 403, unchanged" 403 \
    "Peran Anda tidak mengizinkan" post ppk "/kelola/1/lamaran/$A1/periksa" \
    complete=1 note=Lengkap
refused "a check with neither choice: 400, unchanged" 400 \
    "Pilih salah satu pilihan." post sekretariat \
    "/kelola/1/lamaran/$A1/periksa" complete=2
refused "incomplete without saying what is missing: 400, unchanged" 400 \
    "Sebutkan dokumen atau data yang belum lengkap." post sekretariat \
    "/kelola/1/lamaran/$A1/periksa" complete=0
refused "passing a file not yet checked complete, no override (ADM-COMPLETE): 400" 400 \
    "ADM-COMPLETE: hanya berkas yang sudah dinyatakan lengkap" post anggota \
    "/kelola/1/lamaran/$A1/putuskan" passed=1 reason=Memenuhi\ syarat.
refused "checking the withdrawn application: 404, unchanged" 404 \
    "Lamaran tidak ditemukan." post sekretariat \
    "/kelola/1/lamaran/$A2/periksa" complete=1
post sekretariat "/kelola/1/lamaran/$A1/periksa" complete=1 \
    "note=Semua dokumen ada."
check "the secretariat checks ratna's file complete: 303 to the queue" all \
    'status_is 303 "/kelola/1/administrasi?ok=1"' \
    '[ "$(events adm_check)" = 1 ]'
refused "a decision with a reason of 2 characters: 400, unchanged" 400 \
    "Alasan keputusan wajib diisi" post anggota \
    "/kelola/1/lamaran/$A1/putuskan" passed=1 reason=ok
check "  ... and comes back with what was typed: the choice and the reason" all \
    'body_has "id=\"p1\" value=\"1\" checked"' 'body_has ">ok</textarea>"'
refused "the secretariat deciding: 403, unchanged" 403 \
    "Peran Anda tidak mengizinkan" post sekretariat \
    "/kelola/1/lamaran/$A1/putuskan" passed=1 "reason=Memenuhi syarat."
refused "the pengawas deciding: 403, unchanged" 403 \
    "Peran Anda tidak mengizinkan" post pengawas \
    "/kelola/1/lamaran/$A1/putuskan" passed=1 "reason=Memenuhi syarat."
REASON1="Memenuhi persyaratan administrasi; berkas lengkap."
# Her record lacks penalties, examination and appraisals: the core finds
# her incomplete (ELIG-* missing), so a pass is an override with a reason.
refused "passing ratna, whom the core finds incomplete, without the override: 400" \
    400 "Saya meluluskan pelamar ini" post anggota \
    "/kelola/1/lamaran/$A1/putuskan" passed=1 "reason=$REASON1"
check "  ... naming the rules (ELIG-DISCIPLINE) and not ADM-COMPLETE" all \
    'body_has "ELIG-DISCIPLINE"' 'body_lacks "ADM-COMPLETE: hanya"'
get anggota "/kelola/1/lamaran/$A1"
check "the decision form offers the override, naming the rules" all \
    'status_is 200' 'body_has "name=\"override\" value=\"1\""' \
    'body_has "Saya meluluskan pelamar ini walaupun tidak memenuhi ELIG-"' \
    'body_has "name=\"override_reason\""'
refused "the override ticked without its reason: 400, unchanged" 400 \
    "Alasan meluluskan walaupun tidak memenuhi" post anggota \
    "/kelola/1/lamaran/$A1/putuskan" passed=1 "reason=$REASON1" override=1
OVR1="Riwayat disiplin dan kinerja diperiksa dari dokumen aslinya."
post anggota "/kelola/1/lamaran/$A1/putuskan" passed=1 "reason=$REASON1" \
    override=1 "override_reason=$OVR1"
check "the member passes ratna with the override and reasons: 303 to the queue" \
    all 'status_is 303 "/kelola/1/administrasi?ok=1"' \
    '[ "$(events adm_decide)" = 1 ]'
check "  ... the override is in the trail with the rules it overrides" all \
    '[[ "$(sq "SELECT json_extract(after, '"'"'\$.override'"'"') FROM event WHERE action = '"'"'adm_decide'"'"'")" == *ELIG-DISCIPLINE* ]]' \
    '[ "$(sq "SELECT json_extract(after, '"'"'\$.override_reason'"'"') FROM event WHERE action = '"'"'adm_decide'"'"'")" = "$OVR1" ]' \
    '[[ "$(sq "SELECT rules FROM event WHERE action = '"'"'adm_decide'"'"'")" == *'"'"'"id":"ELIG-DISCIPLINE"'"'"'* ]]'
get anggota /kelola/1/administrasi
check "the queue shows her file complete and passed, marked as an override" \
    all 'status_is 200' \
    'body_has "<td>lengkap</td><td>lulus <strong class=\"override\">(dengan pengecualian: ELIG-"'
get ketua "/kelola/1/lamaran/$A1"
check "her page shows the override: who, the rules, the reason" all \
    'status_is 200' 'body_has "Diluluskan dengan pengecualian</strong> oleh Ir. Joko Prasetyo, M.T."' \
    'body_has "ELIG-DISCIPLINE"' 'body_has "$OVR1"'
# FT_CLOSE: the secretariat's act, after the window has ended.
refused "the chair publishing before registration is closed: 409, unchanged" \
    409 "Pendaftaran belum ditutup" post ketua \
    /kelola/1/administrasi/terbitkan confirm=1
get ketua /kelola/1/administrasi
check "before the closing act the queue offers the chair no publish form" all \
    'status_is 200' 'body_lacks "action=\"/kelola/1/administrasi/terbitkan\""' \
    'body_has "sesudah sekretariat menutup pendaftaran"'
refused "the chair closing registration: 403, unchanged" 403 \
    "tidak dapat menutup pendaftaran" post ketua /kelola/1/alur/tutup confirm=1
refused "closing without ticking the statement: 400, unchanged" 400 \
    "Centang pernyataan" post sekretariat /kelola/1/alur/tutup
get sekretariat /kelola/1/alur
check "the progress page offers the secretariat the close form" all \
    'status_is 200' 'body_has "Masa pendaftaran berakhir, menunggu penutupan"' \
    'body_has "action=\"/kelola/1/alur/tutup\""' 'body_has "ANN-DURATION"'
get anggota /kelola/1/alur
check "  ... a member sees the step, without the form" all 'status_is 200' \
    'body_has "Tutup pendaftaran"' 'body_lacks "action=\"/kelola/1/alur/tutup\""'
post sekretariat /kelola/1/alur/tutup confirm=1
check "the secretariat closes registration: 303, in the trail" all \
    'status_is 303 "/kelola/1/alur?ok=1"' \
    '[ "$(events registration_close)" = 1 ]'
refused "closing twice: 409, unchanged" 409 "tidak dapat ditutup sekarang" \
    post sekretariat /kelola/1/alur/tutup confirm=1
refused "the chair publishing with a decision missing: 409, unchanged" 409 \
    "Masih ada lamaran yang belum diputuskan" post ketua \
    /kelola/1/administrasi/terbitkan confirm=1
NOTE3="Ijazah S2 tidak dilampirkan."
# A reason of some 1,500 bytes: the audit event holds it whole.
REASON3="Berkas tidak lengkap: ijazah S2 tidak dilampirkan.$(for i in $(seq 30); do printf ' Catatan %02d: dokumen pendukung belum diunggah.' "$i"; done)"
post sekretariat "/kelola/1/lamaran/$A3/periksa" complete=0 "note=$NOTE3"
check "the secretariat checks citra's file incomplete, with a note: 303" \
    status_is 303 "/kelola/1/administrasi?ok=1"
post anggota "/kelola/1/lamaran/$A3/putuskan" passed=0 "reason=$REASON3"
check "the member fails citra with a reason: 303" \
    status_is 303 "/kelola/1/administrasi?ok=1"
get ratna "/pelamar/lamaran/$A1"
check "before the chair signs, ratna's receipt shows no result" all \
    'status_is 200' 'body_lacks "<h2>Hasil seleksi administrasi</h2>"' \
    'body_lacks "$REASON1"'
get - /seleksi/1/hasil-administrasi
check "/seleksi/1/hasil-administrasi before the signature: 404" all \
    'status_is 404' 'body_has "belum diumumkan"'
refused "the member cannot publish: 403, unchanged" 403 \
    "Peran Anda tidak mengizinkan" post anggota \
    /kelola/1/administrasi/terbitkan confirm=1
refused "the secretariat cannot publish: 403, unchanged" 403 \
    "Peran Anda tidak mengizinkan" post sekretariat \
    /kelola/1/administrasi/terbitkan confirm=1
refused "the chair without ticking the signature: 400, unchanged" 400 \
    "Centang pernyataan" post ketua /kelola/1/administrasi/terbitkan
get ketua /kelola/1/administrasi
check "the chair sees the publish form" all 'status_is 200' \
    'body_has "action=\"/kelola/1/administrasi/terbitkan\""'
refused "publishing while ADM-MIN-3 fails and no path was taken: 409, unchanged" \
    409 "tidak memenuhi ADM-MIN-3" post ketua \
    /kelola/1/administrasi/terbitkan confirm=1
check "  ... naming the vacancy, the citation and the path still open" all \
    'body_has "lowongan Kepala Dinas Kesehatan"' 'body_has "Pasal 12 ayat (5)"' \
    'body_has "penunjukan calon oleh PPK (ADM-INVITE"'
get ketua /kelola/1/administrasi
check "the queue says the result waits for ADM-MIN-3's paths" all \
    'status_is 200' 'body_has "belum dapat diumumkan selama ADM-MIN-3"'
post ppk /kelola/1/administrasi/tunjuk vacancy=1 nip=198001012005011001 \
    "name=Agus Salim"
check "the PPK invites a candidate (ADM-INVITE): 303, in the trail" all \
    'status_is 303 "/kelola/1/administrasi?ok=1"' '[ "$(events invite)" = 1 ]'
post ketua /kelola/1/administrasi/terbitkan confirm=1
check "the chair signs and publishes: 303 to the queue" all \
    'status_is 303 "/kelola/1/administrasi?ok=1"' \
    '[ "$(events adm_publish)" = 1 ]'
refused "a decision after publication: 409 final, unchanged" 409 \
    "keputusan panitia bersifat final" post anggota \
    "/kelola/1/lamaran/$A3/putuskan" passed=1 "reason=Berubah pikiran."
refused "publishing twice: 409, unchanged" 409 "sudah diumumkan" \
    post ketua /kelola/1/administrasi/terbitkan confirm=1

get - /seleksi/1/hasil-administrasi
check "/seleksi/1/hasil-administrasi: 200, public, signed by the chair" all \
    'status_is 200' '[[ "$(hdr "$H" Cache-Control)" == public* ]]' \
    'body_has "Dr. Siti Aminah, M.Si."' 'body_has "ADM-MIN-3"'
check "  ... ratna's number and name, and only those who passed" all \
    'body_has "<td>$R1</td><td>${NAME[ratna]}</td>"' 'body_lacks "$R3"' \
    "body_lacks '${NAME[citra]}'" 'body_lacks "$R2"'
check "  ... no NIP, birth date, e-mail address" no_personal
check "  ... no reasons, notes, verdicts or scores" all \
    'body_lacks "$REASON1"' 'body_lacks "$NOTE3"' 'body_lacks "incomplete"' \
    'body_lacks "eligible"' 'body_lacks "Nilai"' 'body_lacks "nilai"' \
    'body_lacks "skor"'
get ratna "/pelamar/lamaran/$A1"
check "ratna's receipt: Lulus, with the member's reason" all \
    'status_is 200' 'body_has "<strong>Lulus</strong>: $REASON1"' \
    'body_has "Persyaratan saat pengiriman"' \
    'body_has "<code>ELIG-GRADE</code>"'
get citra "/pelamar/lamaran/$A3"
check "citra's receipt: Tidak lulus, with its reason" all \
    'status_is 200' 'body_has "<strong>Tidak lulus</strong>: $REASON3"'
refused "bambang still cannot read ratna's receipt: 404" 404 \
    "Lamaran tidak ditemukan." get bambang "/pelamar/lamaran/$A1"
check "  ... nor her result" body_lacks "$REASON1"

# ---- 7. complaints ----

get - /seleksi/1/pengaduan
check "GET /seleksi/1/pengaduan, anonymous: 200, the form" all \
    'status_is 200' 'body_has "action=\"/seleksi/1/pengaduan\""'
csrf_of warga /seleksi/1/pengaduan
TOK[warga]=$CSRF
BODY1="Pengumuman hasil tidak memuat jadwal tahap berikutnya. <script>alert(1)</script>"
refused "a complaint of 9 characters: 400, unchanged" 400 \
    "Isi pengaduan wajib diisi" post warga /seleksi/1/pengaduan \
    body=Terlambat
refused "a complaint without the form token: 403, unchanged" 403 \
    "Formulir kedaluwarsa" post_tok warga "" /seleksi/1/pengaduan \
    "body=$BODY1"
refused "a complaint about the unpublished selection 2: 404, unchanged" \
    404 "Seleksi tidak ditemukan." post warga /seleksi/2/pengaduan \
    "body=$BODY1"
post warga /seleksi/1/pengaduan "name=Warga Demak" \
    "contact=warga@example.org" "body=$BODY1"
LOC=$(hdr "$H" Location)
ADU=${LOC##*no=}
check "an anonymous complaint: 303 to /pengaduan?no=ADU-..." all \
    'status_is 303' '[[ "$ADU" =~ ^ADU-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$ ]] || diag "Location $LOC"' \
    '[ "$(events complaint_add)" = 1 ]'
get - "/pengaduan?no=$ADU"
check "its status page: the complaint escaped, not answered yet" all \
    'status_is 200' 'body_has "$ADU"' \
    'body_has "&lt;script&gt;alert(1)&lt;/script&gt;"' \
    'body_lacks "<script"' 'body_has "Belum dijawab."'
get - "/pengaduan?no=ADU-0000-0000-0000"
check "an unknown complaint number: 404" all 'status_is 404' \
    'body_has "Pengaduan tidak ditemukan."'
get pengawas /kelola/1/pengaduan
CID=$(sq "SELECT id FROM complaint WHERE tracking = $(q "$ADU")")
check "the pengawas reads it at /kelola/1/pengaduan" all 'status_is 200' \
    'body_has "$ADU"' 'body_has "Warga Demak"' \
    'body_has "&lt;script&gt;"' \
    'body_has "action=\"/kelola/1/pengaduan/$CID/jawab\""'
for w in pelamar sekretariat ratna; do
	get "$w" /kelola/1/pengaduan
	check "/kelola/1/pengaduan as $w: 403" all 'status_is 403' \
	    'body_has "hanya untuk instansi pengawas dan ketua panitia"' \
	    'body_lacks "$ADU"'
done
get - /kelola/1/pengaduan
check "/kelola/1/pengaduan anonymous: 303 to /masuk" status_is 303 /masuk
ANSWER="Jadwal tahap berikutnya diumumkan bersama hasil; lihat pengumuman."
for w in pelamar sekretariat; do
	refused "$w answering the complaint: 403, unchanged" 403 \
	    "Hanya instansi pengawas dan ketua panitia" post "$w" \
	    "/kelola/1/pengaduan/$CID/jawab" "answer=$ANSWER"
done
refused "an answer of 3 characters: 400, unchanged" 400 \
    "Jawaban wajib diisi" post pengawas "/kelola/1/pengaduan/$CID/jawab" \
    answer=Oke
refused "answering an unknown complaint: 404, unchanged" 404 \
    "Pengaduan tidak ditemukan." post pengawas \
    /kelola/1/pengaduan/9999/jawab "answer=$ANSWER"
post pengawas "/kelola/1/pengaduan/$CID/jawab" "answer=$ANSWER"
check "the pengawas answers: 303 to /kelola/1/pengaduan?ok=1" all \
    'status_is 303 "/kelola/1/pengaduan?ok=1"' \
    '[ "$(events complaint_answer)" = 1 ]'
get - "/pengaduan?no=$ADU"
check "the status page shows the answer and who gave it" all \
    'status_is 200' 'body_has "$ANSWER"' 'body_has "Petugas BKN (demo)"' \
    'body_lacks "Belum dijawab."'

# ---- 8. every response, the audit trail, the stop ----

seen_statuses
for s in 200 303 400 403 404 409; do
	if [ -n "${FIRST[$s]:-}" ]; then
		check "a $s response carries the security headers" \
		    sec_ok "$T/r/${FIRST[$s]}.h"
	else
		notok "a $s response carries the security headers" \
		    "no $s response was seen"
	fi
done
# The signed result stays as signed: a withdrawal afterwards is noted
# beside it, never inside it.
get - /seleksi/1/hasil-administrasi
perl -0777 -ne 'print $1 if /(<article class="pub".*?<\/article>)/s' "$BODY" >"$T/adm0"
post ratna "/pelamar/lamaran/$A1/tarik"
get - /seleksi/1/hasil-administrasi
perl -0777 -ne 'print $1 if /(<article class="pub".*?<\/article>)/s' "$BODY" >"$T/adm1"
check "a withdrawal after the result: the signed result unchanged, the withdrawal beside it" all \
    'test -s "$T/adm0"' 'cmp -s "$T/adm0" "$T/adm1"' \
    'body_has "Sesudah pengumuman ini"' 'body_has "$R1 ${NAME[ratna]} menarik lamaran."'
check "every response of this run carries the security headers" \
    all_responses_ok
check "selter audit verify: ok" audit_ok
json_ok() {
	local bad
	bad=$(sq "SELECT id, action FROM event WHERE NOT json_valid(before)
	    OR NOT json_valid(after) OR NOT json_valid(rules)")
	[ -z "$bad" ] || diag "events with broken JSON: $bad"
	bad=$(sq "SELECT reg_no FROM application WHERE NOT json_valid(rules)
	    OR json_array_length(rules) < 10")
	[ -z "$bad" ] || diag "applications with broken rules: $bad"
	[ "$(sq "SELECT count(*) FROM event WHERE action = 'adm_decide'
	    AND json_extract(after, '\$.reason') = $(q "$REASON3")")" = 1 ] ||
	    diag "the long reason is not whole in its audit event"
	[ -z "$DIAG" ]
}
check "every audit event's before, after, rules and every application's rules are whole JSON" \
    json_ok
unserve
check "SIGTERM: the server exits 0" test "$rc" = 0
check "no sanitizer report from the server" sanitizer_quiet

echo "1..$n"
