#!/usr/bin/env bash
# Abuse of the public forms over HTTP (issue 11 items 2 and 3), against
# `selter serve --demo` with small per-address limits: registrations,
# password reset requests and complaints from one address an hour; reset
# mails to one account; a form value with a NUL byte, invalid UTF-8, an
# overlong form, CR/LF in a one-line field or U+202E is refused with its
# field named and nothing stored (the store is dumped before and after).
#
# usage: tests/http/abuse.sh path/to/selter     Prints TAP, one line a check.
# Needs bash, curl and sqlite3.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if ! SELTER_REGISTER_PER_IP=3 SELTER_RESET_PER_IP=10 \
    SELTER_COMPLAINT_PER_IP=2 serve --demo; then
	echo "1..1"
	notok "selter serve starts" "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo, limits 3 registrations, 10 resets, 2 complaints"

# ---- complaints: text that is not text ----

csrf_of warga /seleksi/1/pengaduan
TOK[warga]=$CSRF
TEXT="Pengumuman+tidak+memuat+jadwal+tahap+berikutnya."
# raw WHO URL BODY: a form body as written (its escapes not re-encoded).
raw() {
	get "$1" "$2" --data "csrf=${TOK[$1]}&$3"
}
refused "a NUL in the name (abc%00def): 400, the field named, unchanged" \
    400 'Isian &quot;name&quot; bukan teks yang sah' \
    raw warga /seleksi/1/pengaduan "name=abc%00def&body=$TEXT"
refused "a NUL in the body: 400, the field named, unchanged" 400 \
    'Isian &quot;body&quot; bukan teks yang sah' \
    raw warga /seleksi/1/pengaduan "name=Warga&body=$TEXT%00lagi"
refused "U+202E in the name: 400, unchanged" 400 'Isian &quot;name&quot;' \
    raw warga /seleksi/1/pengaduan "name=%E2%80%AEagraW&body=$TEXT"
refused "invalid UTF-8 in the contact: 400, unchanged" 400 \
    'Isian &quot;contact&quot;' \
    raw warga /seleksi/1/pengaduan "name=Warga&contact=%FF&body=$TEXT"
refused "an overlong form (%C0%AF) in the name: 400, unchanged" 400 \
    'Isian &quot;name&quot;' \
    raw warga /seleksi/1/pengaduan "name=%C0%AF&body=$TEXT"
refused "CR/LF in the one-line name: 400, the field named, unchanged" 400 \
    'Nama: paling banyak 200 karakter, satu baris' \
    raw warga /seleksi/1/pengaduan "name=Warga%0D%0ABcc:+x&body=$TEXT"
raw warga /seleksi/1/pengaduan "name=Warga&body=Baris+satu.%0D%0ABaris+dua."
check "CR/LF in the multi-line body: taken, 303" all 'status_is 303' \
    '[ "$(sq "SELECT count(*) FROM complaint WHERE body = '"'"'Baris satu.'"'"' || char(13, 10) || '"'"'Baris dua.'"'"'")" = 1 ]'
raw warga /seleksi/1/pengaduan "name=Warga&body=$TEXT"
check "the second complaint from this address: 303" status_is 303
refused "the third within the hour: 429, unchanged" 429 \
    "Terlalu banyak pengaduan" \
    raw warga /seleksi/1/pengaduan "name=Warga&body=$TEXT"

# ---- registrations from one address ----

declare -A NIP=([a]=198001012005011001 [b]=198001012005011002
    [c]=198001012005011003 [d]=198001012005011004)
register() {
	rm -f "$(jar "$1")"
	csrf_of "$1" /daftar
	TOK[$1]=$CSRF
	post "$1" /daftar "nip=${NIP[$1]}" "name=Budi $1" \
	    birth_date=1980-01-01 tmt=2005-01 "email=$1@example.org" \
	    pw1=rahasia-budi-1 pw2=rahasia-budi-1
}
for w in a b c; do
	register "$w"
	check "registration $w from this address: 200, neutral answer" all \
	    'status_is 200' 'body_has "Periksa surel Anda."'
done
refused "the fourth registration within the hour: 429, nothing made" 429 \
    "Terlalu banyak pendaftaran" register d
check "three accounts, three confirmation mails" all \
    '[ "$(sq "SELECT count(*) FROM applicant WHERE nip LIKE '"'"'19800101200501100%'"'"'")" = 3 ]' \
    '[ "$(sq "SELECT count(*) FROM outbox WHERE subject LIKE '"'"'Konfirmasi%'"'"'")" = 3 ]'

# ---- password reset requests ----

lupa() {
	csrf_of x /lupa
	TOK[x]=$CSRF
	post x /lupa "key=$1"
}
for i in $(seq 10); do lupa a@example.org; done
check "10 reset requests for one account: 3 mails in the outbox" \
    [ "$(sq "SELECT count(*) FROM outbox WHERE to_addr = 'a@example.org' AND subject LIKE 'Atur ulang%'")" = 3 ]
refused "the 11th request from this address: 429, unchanged" 429 \
    "Terlalu banyak permintaan" lupa tidak-ada@example.org

# ---- an NIP registered by someone else ----

rm -f "$(jar a2)"
csrf_of a2 /daftar
TOK[a2]=$CSRF
refused "NIP a again from this address, past the hour's limit: 429, unchanged" \
    429 "Terlalu banyak pendaftaran" post a2 /daftar "nip=${NIP[a]}" \
    "name=Budi Asli" birth_date=1980-01-01 tmt=2005-01 \
    email=asli@example.org pw1=rahasia-asli-1 pw2=rahasia-asli-1
login pelamar
get pelamar /kelola/nip
TOK[pelamar]=$(form_token "$BODY")
refused "an applicant cannot release an NIP: 403, unchanged" 403 \
    "Hanya sekretariat" post pelamar /kelola/nip "nip=${NIP[a]}" \
    "reason=Saya ingin NIP itu."
login sekretariat
get sekretariat /kelola/nip
check "GET /kelola/nip as the secretariat: 200, the form" all \
    'status_is 200' 'body_has "name=\"reason\""'
TOK[sekretariat]=$(form_token "$BODY")
refused "release without a reason: 400, unchanged" 400 "Alasan wajib diisi" \
    post sekretariat /kelola/nip "nip=${NIP[a]}" reason=
post sekretariat /kelola/nip "nip=${NIP[a]}" \
    "reason=KTP dan SK CPNS pemilik diperiksa di sekretariat."
check "the secretariat releases NIP a: 200, audited with the reason" all \
    'status_is 200' 'body_has "dilepas"' \
    '[ "$(sq "SELECT count(*) FROM applicant WHERE nip = '"'"'${NIP[a]}'"'"'")" = 0 ]' \
    '[ "$(sq "SELECT count(*) FROM event WHERE action = '"'"'nip_release'"'"' AND after LIKE '"'"'%KTP dan SK CPNS%'"'"'")" = 1 ]'

unserve
check "SIGTERM: the server exits 0" test "$rc" = 0
check "no sanitizer report from the server" sanitizer_quiet

echo "1..$n"
