#!/usr/bin/env bash
# HTTP checks against a running `selter serve` (issue 4 item 8): security
# headers on every response, login and its throttling, sessions, CSRF,
# the role table, bad input, the publication of a selection, the audit
# chain and a graceful stop.  A refused request must change nothing: the
# whole store is dumped (sqlite3 .dump) before and after it and compared.
#
# usage: tests/http/run.sh path/to/selter        Prints TAP, one line a check.
# Needs bash, curl, sqlite3 and GNU date.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# ---- start the server ----

if ! serve --demo; then
	echo "1..1"
	notok "selter serve starts" "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo listens on a random loopback port"

# One session for each demo account but narasumber, whose login is checked
# below (logout, then throttling).
for u in admin sekretariat ketua anggota asesor pyb ppk pengawas pelamar; do
	login "$u"
	check "login $u: 303 to /dasbor" status_is 303 /dasbor
done

# ---- 1. headers, caching, size of the public pages ----

public_page() {
	local url=$1
	get - "$url"
	status_is 200 || return 1
	sec_ok "$H" || return 1
	case "$(hdr "$H" Cache-Control)" in
	public*) ;;
	*) diag "Cache-Control \"$(hdr "$H" Cache-Control)\""; return 1 ;;
	esac
	[ "$(wc -c <"$BODY")" -le 50000 ] ||
	    diag "$(wc -c <"$BODY") bytes of HTML"
	[ "$(wc -c <"$BODY")" -le 50000 ]
}
check "GET / is public: security headers, Cache-Control public, <= 50 KB" \
    public_page /
check "GET /seleksi/1 is public: headers, Cache-Control public, <= 50 KB" \
    public_page /seleksi/1
private_page() {
	get "$1" "$2"
	status_is 200 && sec_ok "$H" || return 1
	[ "$(hdr "$H" Cache-Control)" = no-store ] ||
	    diag "Cache-Control \"$(hdr "$H" Cache-Control)\""
	[ "$(hdr "$H" Cache-Control)" = no-store ]
}
check "GET /dasbor logged in: Cache-Control no-store" private_page \
    sekretariat /dasbor
check "GET /kelola/2 logged in: Cache-Control no-store" private_page \
    sekretariat /kelola/2
check "GET /admin logged in: Cache-Control no-store" private_page admin /admin
check "GET /masuk: Cache-Control no-store" private_page - /masuk
css_ok() {
	get - /static/selter.css
	status_is 200 && sec_ok "$H" || return 1
	[ "$(hdr "$H" Content-Type)" = "text/css; charset=utf-8" ] ||
	    diag "Content-Type $(hdr "$H" Content-Type)"
}
check "GET /static/selter.css: text/css, security headers" css_ok

# ---- 2. sessions: logout, password change ----

sid_of() { awk '$6 == "sid" { print $7 }' "$(jar "$1")"; }
good_cookie() {
	local c
	c=$(hdr "$H" Set-Cookie | grep '^sid=')
	[ -n "$c" ] || { diag "no sid cookie"; return 1; }
	echo "$c" | grep -q 'HttpOnly' || diag "sid without HttpOnly: $c"
	echo "$c" | grep -q 'SameSite=Strict' || diag "sid without SameSite=Strict: $c"
	echo "$c" | grep -q 'HttpOnly' && echo "$c" | grep -q 'SameSite=Strict'
}
login narasumber
check "good login sets sid with HttpOnly and SameSite=Strict" \
    all 'status_is 303 /dasbor' good_cookie
old=$(sid_of narasumber)
get narasumber /dasbor
check "the session opens /dasbor" all 'status_is 200' \
    'body_has "Prof. Dr. Bambang Sutejo"'
post narasumber /keluar
check "POST /keluar: 303 to /" status_is 303 /
http -H "Cookie: sid=$old" "$BASE/dasbor"
check "after logout the old cookie no longer opens /dasbor (303 /masuk)" \
    status_is 303 /masuk
check "after logout the session row is gone" test "$(sq "SELECT count(*)
    FROM session JOIN account ON account.id = account_id
    WHERE login = 'narasumber'")" = 0

login anggota2 "$PW" anggota
a1=$(sid_of anggota)
a2=$(sid_of anggota2)
refused "password change with a wrong old password: 400, unchanged" 400 \
    "Kata sandi lama salah." post anggota /akun/sandi old=salah-sekali \
    new1=sandi-baru-123 new2=sandi-baru-123
refused "password change with different new passwords: 400, unchanged" 400 \
    "tidak sama" post anggota /akun/sandi "old=$PW" new1=sandi-baru-123 \
    new2=sandi-baru-124
refused "password change to a short password: 400, unchanged" 400 \
    "10 sampai 128" post anggota /akun/sandi "old=$PW" new1=pendek \
    new2=pendek
post anggota /akun/sandi "old=$PW" new1=sandi-baru-123 new2=sandi-baru-123
check "password change: 303 to /masuk" status_is 303 /masuk
http -H "Cookie: sid=$a2" "$BASE/dasbor"
check "password change ends the other sessions (303 /masuk)" \
    status_is 303 /masuk
http -H "Cookie: sid=$a1" "$BASE/dasbor"
check "password change ends its own session too (303 /masuk)" \
    status_is 303 /masuk
login anggota sandi-baru-123
check "login with the new password" status_is 303 /dasbor

# ---- 3. CSRF ----

VAC=(title=Kepala\ Dinas\ Pendidikan level=jpt_pratama echelon=II.b
    kind=agency_head field=pendidikan reason=pensiun reason_note=-)
refused "CSRF: POST without a token: 403, store unchanged" 403 \
    "Formulir kedaluwarsa atau tidak sah" \
    post_tok sekretariat "" /kelola/2/lowongan "${VAC[@]}"
refused "CSRF: POST with a wrong token: 403, store unchanged" 403 \
    "Formulir kedaluwarsa atau tidak sah" post_tok sekretariat \
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" /kelola/2/lowongan \
    "${VAC[@]}"
refused "CSRF: POST with another session's token: 403, store unchanged" 403 \
    "Formulir kedaluwarsa atau tidak sah" post_tok sekretariat \
    "${TOK[ketua]}" /kelola/2/lowongan "${VAC[@]}"
csrf_of anon /masuk
TOK[anon]=$CSRF
refused "CSRF: POST with the anonymous token of the login form: 403" 403 \
    "Formulir kedaluwarsa atau tidak sah" post_tok sekretariat \
    "${TOK[anon]}" /kelola/2/lowongan "${VAC[@]}"
refused "CSRF: POST /keluar without a token: 403, the session lives" 403 \
    "Formulir kedaluwarsa" post_tok sekretariat "" /keluar
refused "CSRF: login without the form's cookie and token: 403, unchanged" \
    403 "Formulir kedaluwarsa" post_tok - "" /masuk login=sekretariat \
    "password=$PW"
refused "CSRF: login with a token but not its cookie: 403, unchanged" \
    403 "Formulir kedaluwarsa" post_tok - "${TOK[anon]}" /masuk \
    login=sekretariat "password=$PW"
nvac=$(sq 'SELECT count(*) FROM vacancy WHERE selection_id = 2')
post sekretariat /kelola/2/lowongan "${VAC[@]}"
check "the same form with the right token: 303, the vacancy is added" all \
    'status_is 303 "/kelola/2/lowongan?ok=1"' \
    "test $(sq 'SELECT count(*) FROM vacancy WHERE selection_id = 2') = $((nvac + 1))"
vac_new=$(sq "SELECT max(id) FROM vacancy WHERE selection_id = 2")
post sekretariat /kelola/2/hapuslowongan "id=$vac_new"
check "and removed again: 303" status_is 303 "/kelola/2/lowongan?ok=1"

# ---- 4. the role table ----

WORDS=(lowongan hapuslowongan rencana tahapan hapustahapan kirim rekomendasi
    konsultasi anggota hapusanggota tetapkan pengumuman terbitkan)
MEMBER=(name=Dr.\ Palsu origin=academic decl=no_conflict)
refused "sekretariat cannot publish (POST /kelola/2/terbitkan): 403" 403 \
    "Peran Anda tidak mengizinkan" post sekretariat /kelola/2/terbitkan \
    confirm=1
refused "ketua cannot add a vacancy (POST /kelola/2/lowongan): 403" 403 \
    "Peran Anda tidak mengizinkan" post ketua /kelola/2/lowongan "${VAC[@]}"
refused "ppk cannot edit the announcement: 403" 403 \
    "Peran Anda tidak mengizinkan" post ppk /kelola/2/pengumuman \
    number=1 open=2030-01-01 close=2030-02-01
refused "admin cannot enter decisions (POST /kelola/2/anggota): 403" 403 \
    "Peran Anda tidak mengizinkan" post admin /kelola/2/anggota "${MEMBER[@]}"
refused "pengawas cannot confirm the committee: 403" 403 \
    "Peran Anda tidak mengizinkan" post pengawas /kelola/2/tetapkan \
    date=2020-01-01 ref=x
# every_post WHO: every preparation form, empty and filled, then /kelola/baru.
every_post() {
	local who=$1 bad=0 w
	for w in "${WORDS[@]}"; do
		for fill in empty full; do
			dump_db >"$T/before"
			if [ $fill = empty ]; then
				post "$who" "/kelola/2/$w"
			else
				post "$who" "/kelola/2/$w" "${VAC[@]}" "${MEMBER[@]}" \
				    id=1 stage=paper starts_on=2030-01-01 \
				    ends_on=2030-01-02 date=2020-01-01 ref=x text=x \
				    confirm=1 number=1 open=2030-01-01 \
				    close=2030-02-01 duties=x standard=x methods=x \
				    system=x w_paper=20 w_assessment=25 \
				    w_interview=35 w_track_record=20
			fi
			dump_db >"$T/after"
			refusal_ok 403 "" || { diag "(/kelola/2/$w, $fill form)"; bad=1; }
		done
	done
	dump_db >"$T/before"
	post "$who" /kelola/baru region=demak title=Seleksi\ palsu
	dump_db >"$T/after"
	refusal_ok 403 "Hanya sekretariat" || { diag "(/kelola/baru)"; bad=1; }
	dump_db >"$T/before"
	post "$who" /kelola/baru region=demak
	dump_db >"$T/after"
	refusal_ok 403 "" || { diag "(/kelola/baru, no title)"; bad=1; }
	dump_db >"$T/before"
	post "$who" /kelola/baru
	dump_db >"$T/after"
	refusal_ok 403 "" || { diag "(/kelola/baru, empty)"; bad=1; }
	return $bad
}
for u in pelamar asesor admin; do
	check "$u: every POST under /kelola is 403, store unchanged" \
	    every_post "$u"
done
ADMIN_FORMS=("/admin/wilayah code=kudus name=Kudus profile=demak-2022 oversight=BKN"
    "/admin/akun login=palsu name=Palsu password=sandi-palsu-123"
    "/admin/peran login=pelamar region=demak role=secretariat"
    "/admin/peran/1/cabut")
# admin_forms WHO: every administration form is refused.
admin_forms() {
	local who=$1 bad=0 f
	for f in "${ADMIN_FORMS[@]}"; do
		dump_db >"$T/before"
		# shellcheck disable=SC2086
		post "$who" $f
		dump_db >"$T/after"
		refusal_ok 403 "hanya untuk administrator" ||
		    { diag "(${f%% *})"; bad=1; }
	done
	return $bad
}
for u in sekretariat ketua anggota asesor pyb ppk pengawas pelamar; do
	check "$u: every POST under /admin is 403, store unchanged" \
	    admin_forms "$u"
done
refused "anonymous POST /admin/wilayah (good form token): 303, unchanged" \
    303 "" post anon /admin/wilayah code=kudus name=Kudus \
    profile=demak-2022 oversight=BKN
check "  ... the redirect goes to /masuk" status_is 303 /masuk
refused "anonymous POST /kelola/2/lowongan (good form token): 403" 403 \
    "Silakan masuk terlebih dahulu." post anon /kelola/2/lowongan "${VAC[@]}"
refused "anonymous POST /kelola/baru (good form token): 403" 403 \
    "Silakan masuk terlebih dahulu." post anon /kelola/baru region=demak \
    title=Palsu
get pelamar /kelola/2
check "GET /kelola/2 as pelamar: 403" all 'status_is 403' \
    'body_has "Peran Anda tidak mencakup seleksi ini."'
get asesor /kelola/2
check "GET /kelola/2 as asesor: 403" status_is 403
get admin /kelola/2
check "GET /kelola/2 as admin: 403" status_is 403
get - /kelola/2
check "GET /kelola/2 anonymous: 303 to /masuk" status_is 303 /masuk
get - /dasbor
check "GET /dasbor anonymous: 303 to /masuk" status_is 303 /masuk
get sekretariat /admin
check "GET /admin as sekretariat: 403" status_is 403
get pelamar /kelola/2/jejak
check "GET /kelola/2/jejak as pelamar: 403" status_is 403
get sekretariat /kelola/2/jejak
check "GET /kelola/2/jejak as sekretariat (not in the audit role): 403" \
    status_is 403
get pengawas /kelola/2/jejak
check "GET /kelola/2/jejak as pengawas: 200" status_is 200
get ketua /kelola/2/pengumuman
check "ketua sees the publish form, not the vacancy form" all \
    'status_is 200' 'body_has "action=\"/kelola/2/terbitkan\""' \
    'body_lacks "action=\"/kelola/2/lowongan\""'
post admin /admin/wilayah code=kudus name=Pemerintah\ Kabupaten\ Kudus \
    profile=demak-2022 oversight=BKN
check "admin adds a region: 303 to /admin?ok=1" status_is 303 "/admin?ok=1"

# ---- 5. bad input ----

big=$T/big.form
tok=${TOK[sekretariat]}
pre="csrf=$tok&level=jpt_pratama&echelon=II.b&kind=other&reason=pensiun&title="
# The title is escaped ("%61" is "a") so that the pieces the server reads
# split escapes: it must not take them for broken ones.
{ printf %s "$pre"; head -c $(((65536 - ${#pre}) / 3)) /dev/zero |
    sed 's/\x0/%61/g'; head -c $(((65536 - ${#pre}) % 3)) /dev/zero |
    tr '\0' a; } >"$big"
refused "a form of exactly 64 KiB is read: 400, the title is too long" \
    400 "Nama jabatan terlalu panjang" \
    get sekretariat /kelola/2/lowongan --data-binary "@$big"
check "  ... that form is 65536 bytes of escapes" test "$(wc -c <"$big")" = 65536
printf a >>"$big"
refused "a form of 64 KiB + 1 with Content-Length: 413, store unchanged" \
    413 "Isian formulir terlalu besar" \
    get sekretariat /kelola/2/lowongan --data-binary "@$big"
refused "a form of 64 KiB + 1, chunked: 413, store unchanged" 413 \
    "Isian formulir terlalu besar" get sekretariat /kelola/2/lowongan \
    -H "Transfer-Encoding: chunked" --data-binary "@$big"
head -c 1000000 /dev/zero | tr '\0' a >"$T/huge"
refused "a 1 MB form, chunked: 413, store unchanged" 413 \
    "Isian formulir terlalu besar" get sekretariat /kelola/2/lowongan \
    -H "Transfer-Encoding: chunked" --data-binary "@$T/huge"
refused "a form with %zz: 400, store unchanged" 400 \
    "Formulir tidak dapat dibaca" get sekretariat /kelola/2/lowongan \
    --data-raw "csrf=$tok&title=%zz&level=jpt_pratama&echelon=II.b&kind=other&reason=pensiun"
refused "a form with a truncated escape (%4): 400, store unchanged" 400 \
    "Formulir tidak dapat dibaca" get sekretariat /kelola/2/lowongan \
    --data-raw "csrf=$tok&level=jpt_pratama&echelon=II.b&kind=other&reason=pensiun&title=a%4"
refused "a POST that is not a form (text/plain): 400, unchanged" 400 \
    "Formulir tidak dapat dibaca" get sekretariat /kelola/2/lowongan \
    -H "Content-Type: text/plain" --data-raw "csrf=$tok&title=x"
refused "a form without its fields: 400 naming the first one" 400 \
    "Nama jabatan wajib diisi." post sekretariat /kelola/2/lowongan
refused "a vacancy with an unknown echelon: 400" 400 \
    "Eselon: pilihan tidak dikenal." post sekretariat /kelola/2/lowongan \
    title=x level=jpt_pratama echelon=IX kind=other reason=pensiun
refused "a control character in a text field: 400" 400 \
    "karakter kendali" post sekretariat /kelola/2/lowongan \
    title=$'a\001b' level=jpt_pratama echelon=II.b kind=other reason=pensiun
refused "a non-date in a date field (2026-02-30): 400" 400 \
    "Tanggal mulai bukan tanggal yang sah" post sekretariat \
    /kelola/2/tahapan stage=paper starts_on=2026-02-30 ends_on=2026-03-02
refused "a non-date in a date field (besok): 400" 400 \
    "Tanggal selesai bukan tanggal yang sah" post sekretariat \
    /kelola/2/tahapan stage=paper starts_on=2027-01-02 ends_on=besok
refused "a stage that ends before it starts: 400" 400 \
    "tidak boleh sebelum tanggal mulai" post sekretariat /kelola/2/tahapan \
    stage=paper starts_on=2027-01-02 ends_on=2027-01-01
# Dates for sense (VAC-PLAN, ANN-DURATION at signing); each refusal names
# the field and the rule and changes nothing.
refused "a stage dated in 1900: 400 naming the stage and VAC-PLAN" 400 \
    "Tanggal mulai tahapan Penulisan makalah (1 Januari 1900) sudah lewat" \
    post sekretariat /kelola/2/tahapan stage=paper starts_on=1900-01-01 \
    ends_on=1900-01-02
check "  ... and the rule" body_has "(VAC-PLAN)"
refused "a stage before the registration window closes: 400" 400 \
    "harus sesudah batas akhir pendaftaran" post sekretariat \
    /kelola/2/tahapan stage=paper starts_on="$(date -d '+5 days' +%F)" \
    ends_on="$(date -d '+6 days' +%F)"
refused "a stage more than two years ahead (a typing error): 400" 400 \
    "lebih dari 2 tahun sesudah hari ini" post sekretariat \
    /kelola/2/tahapan stage=paper starts_on=2062-01-01 ends_on=2062-01-02
PLAN=(duties=Tugas standard=Standar methods=Metode system=Sistem)
refused "weights outside SCORE-WEIGHTS (paper 50%): 400, unchanged" 400 \
    "Bobot ditolak (SCORE-WEIGHTS," post sekretariat /kelola/2/rencana \
    "${PLAN[@]}" w_paper=50 w_assessment=20 w_interview=15 w_track_record=15
refused "weights that do not add up to 100 (SCORE-WEIGHTS-SUM): 400" 400 \
    "Bobot ditolak (SCORE-WEIGHTS-SUM" post sekretariat /kelola/2/rencana \
    "${PLAN[@]}" w_paper=15 w_assessment=20 w_interview=30 w_track_record=15
refused "a weight that is not a number: 400" 400 \
    "harus angka 0 sampai 100" post sekretariat /kelola/2/rencana \
    "${PLAN[@]}" w_paper=dua\ puluh w_assessment=25 w_interview=35 \
    w_track_record=20
refused "a letter dated in the future: 400" 400 \
    "Tanggal tidak boleh sesudah hari ini." post sekretariat /kelola/2/kirim \
    date=2099-01-01 ref=800/1
refused "the committee once confirmed cannot change: 409" 409 \
    "Panitia seleksi sudah ditetapkan" post sekretariat /kelola/2/anggota \
    "${MEMBER[@]}"
refused "publishing without the signature box: 400" 400 \
    "Centang pernyataan" post ketua /kelola/2/terbitkan
refused "the preparation of an unknown selection: 404" 404 \
    "Seleksi tidak ditemukan." post sekretariat /kelola/999/lowongan \
    "${VAC[@]}"
refused "wrong region code for a new selection: 400" 400 \
    "Wilayah tidak ditemukan." post sekretariat /kelola/baru region=xyz \
    title=Baru
refused "an admin form with a bad region code: 400" 400 \
    "Kode wilayah: 2 sampai 32" post admin /admin/wilayah code=Bad\ Code \
    name=x profile=demak-2022 oversight=BKN
refused "an admin grant with a non-numeric selection: 400" 400 \
    "Nomor seleksi harus angka." post admin /admin/peran login=pelamar \
    region=demak selection=dua role=applicant

# ANN-DURATION (demak-2022: 15 calendar days, counted inclusively).
get sekretariat /kelola/2/pengumuman
open=$(grep -o 'id="[a-z-]*open" name="open" value="[^"]*"' "$BODY" | sed 's/.*value="//; s/"$//')
mapfile -t ITEMS < <(grep -o 'name="item" id="item-[0-9]*" value="[^"]*"' "$BODY" |
    sed 's/.*value="//; s/"$//; s/^/item=/')
check "selection 2's announcement form: open date and content items" \
    test -n "$open" -a "${#ITEMS[@]}" -gt 5
c14=$(date -d "$open + 13 days" +%F)
c15=$(date -d "$open + 14 days" +%F)
refused "ANN-DURATION: a window of 14 calendar days is refused: 400" 400 \
    "Jangka waktu ditolak (ANN-DURATION" post sekretariat \
    /kelola/2/pengumuman number=800/1 "open=$open" "close=$c14" "${ITEMS[@]}"
refused "a closing date before the opening: 400" 400 \
    "tidak boleh sebelum tanggal pengumuman" post sekretariat \
    /kelola/2/pengumuman number=800/1 "open=$open" \
    "close=$(date -d "$open - 1 day" +%F)" "${ITEMS[@]}"

# Metacharacters in every text field: stored as text, shown escaped.
P1="'; DROP TABLE account; --"
P2="<script>alert(1)</script>"
P3='"><img src=x>'
E2="&lt;script&gt;alert(1)&lt;/script&gt;"
E3="&quot;&gt;&lt;img src=x&gt;"
post sekretariat /kelola/2/pengumuman "number=$P1 $P2" "open=$open" \
    "close=$c15" "text=$P3 $P2" "${ITEMS[@]}"
check "ANN-DURATION: a window of 15 calendar days is accepted: 303" \
    status_is 303 "/kelola/2/pengumuman?ok=1"
check "  ... and the new closing date is stored" test "$(sq "SELECT ann_close FROM selection WHERE id = 2")" = "$c15"
post sekretariat /kelola/2/rencana "duties=$P2" "standard=$P3" \
    "methods=$P1" "system=$P2$P3" "adjustment_reason=$P1" w_paper=20 \
    w_assessment=25 w_interview=35 w_track_record=20
check "a plan with metacharacters in every text field: 303" \
    status_is 303 "/kelola/2/rencana?ok=1"
post sekretariat /kelola/baru region=demak "title=$P2 $P3"
check "a selection titled with metacharacters: 303 to /kelola/3" \
    status_is 303 /kelola/3
post sekretariat /kelola/3/lowongan "title=$P1" level=jpt_pratama \
    echelon=II.b kind=other "field=$P2" reason=pensiun "reason_note=$P3"
check "a vacancy with metacharacters in every text field: 303" \
    status_is 303 "/kelola/3/lowongan?ok=1"
post sekretariat /kelola/3/tahapan stage=paper \
    starts_on="$(date -d '+40 days' +%F)" \
    ends_on="$(date -d '+41 days' +%F)" "method=$P1"
check "a stage with metacharacters in its method: 303" \
    status_is 303 "/kelola/3/rencana?ok=1"
post sekretariat /kelola/3/anggota "name=$P2" origin=academic "conflict=$P3" \
    email=meta@example.org
check "a member with metacharacters in every text field: 303" \
    status_is 303 "/kelola/3/panitia?ok=1"
post sekretariat /kelola/3/kirim date=2020-01-02 "ref=$P3"
check "a letter with metacharacters in its number: 303" \
    status_is 303 "/kelola/3/pengawas?ok=1"
refused "a recommendation dated before the plan was sent: 400 (VAC-PLAN)" \
    400 "sebelum rencana dikirim kepada instansi pengawas" post pengawas \
    /kelola/3/rekomendasi date=2020-01-01 "ref=$P1" "text=$P2"
post pengawas /kelola/3/rekomendasi date=2020-01-03 "ref=$P1" "text=$P2"
check "a recommendation with metacharacters in every text field: 303" \
    status_is 303 "/kelola/3/pengawas?ok=1"
post admin /admin/wilayah code=meta "name=$P2" profile=demak-2022 \
    "oversight=$P3" "secretariat=$P1"
check "a region with metacharacters in every text field: 303" \
    status_is 303 "/admin?ok=1"
post admin /admin/akun login=meta "name=$P3 $P2" email=a@b.c \
    password=sandi-meta-123
check "an account with metacharacters in its name: 303" \
    status_is 303 "/admin?ok=1"
stored_ok() {
	local bad=0 t
	for t in "selection WHERE ann_number = $(q "$P1 $P2") AND ann_text = $(q "$P3 $P2")" \
	    "selection WHERE plan_duties = $(q "$P2") AND plan_standard = $(q "$P3") AND plan_methods = $(q "$P1") AND plan_system = $(q "$P2$P3")" \
	    "selection WHERE title = $(q "$P2 $P3")" \
	    "vacancy WHERE title = $(q "$P1") AND field = $(q "$P2") AND reason_note = $(q "$P3")" \
	    "selection_stage WHERE method = $(q "$P1")" \
	    "member WHERE name = $(q "$P2") AND conflict = $(q "$P3")" \
	    "selection WHERE plan_sent_ref = $(q "$P3") AND rec_ref = $(q "$P1") AND rec_text = $(q "$P2")" \
	    "region WHERE name = $(q "$P2") AND oversight = $(q "$P3") AND secretariat = $(q "$P1")" \
	    "account WHERE name = $(q "$P3 $P2")"; do
		[ "$(sq "SELECT count(*) FROM $t")" = 1 ] ||
		    { diag "not stored as sent: $t"; bad=1; }
	done
	[ "$(sq 'SELECT count(*) FROM account')" -ge 11 ] ||
	    { diag "accounts missing"; bad=1; }
	return $bad
}
check "metacharacters are stored as text, byte for byte (no SQL run)" \
    stored_ok
# escaped WHO URL: the page holds the payloads escaped and none raw.
escaped() {
	get "$1" "$2"
	status_is 200 || return 1
	all 'body_has "$E2"' 'body_lacks "<script"' 'body_lacks "<img"' \
	    'body_has "</html>"'
}
check "/kelola/3 shows them escaped (&lt;script&gt;)" escaped sekretariat \
    /kelola/3
check "/kelola/2/rencana shows them escaped" all \
    'escaped sekretariat /kelola/2/rencana' \
    'body_has "$E3"'
check "/kelola/3/jejak (audit trail) shows them escaped" escaped pengawas \
    /kelola/3/jejak
check "/dasbor shows the title escaped" all 'escaped sekretariat /dasbor' \
    'body_has "$E3"'
check "/admin shows them escaped" all 'escaped admin /admin' 'body_has "$E3"'

get - /tidak-ada
check "an unknown route: 404 with the Indonesian page" all 'status_is 404' \
    'body_has "Halaman tidak ditemukan."' 'body_has "lang=\"id\""'
get - /seleksi/999
check "an unknown announcement: 404" all 'status_is 404' \
    'body_has "Pengumuman tidak ditemukan."'
get - "/seleksi/99999999999999999999"
check "a number too large in the path: 404" status_is 404
get sekretariat /kelola/999
check "an unknown selection: 404" all 'status_is 404' \
    'body_has "Seleksi tidak ditemukan."'
refused "POST to an unknown form of a selection: 404" 404 \
    "Halaman tidak ditemukan." post sekretariat /kelola/2/lainnya
for m in PUT DELETE PATCH; do
	refused "$m /kelola/2: 405 with the Indonesian page" 405 \
	    "Metode permintaan ini tidak didukung" get sekretariat /kelola/2 \
	    -X "$m" --data-urlencode "csrf=$tok"
done
refused "DELETE /: 405" 405 "Metode permintaan" get - / -X DELETE
allow_ok() {
	[ -n "$(hdr "$H" Allow)" ] || diag "405 without an Allow header"
	[ -n "$(hdr "$H" Allow)" ]
}
check "a 405 names the allowed methods (Allow)" allow_ok
get - /masuk -X PUT
check "PUT /masuk: 405, Allow: GET, HEAD, POST" all 'status_is 405' \
    '[ "$(hdr "$H" Allow)" = "GET, HEAD, POST" ] || diag "Allow: $(hdr "$H" Allow)"'

# ---- 6. the journey: the chair publishes selection 2 ----

get - /seleksi/2
check "before publication /seleksi/2 is 404" status_is 404
get - /
check "before publication / does not list /seleksi/2" all 'status_is 200' \
    'body_lacks "href=\"/seleksi/2\""'
# A window wholly in the past (saved), then partly (at the signature).
refused "a window wholly in the past is not even saved: 400 (ANN-DURATION)" \
    400 "Batas akhir pendaftaran (20 Januari 2020) sudah lewat" post \
    sekretariat /kelola/2/pengumuman "number=$P1 $P2" open=2020-01-01 \
    close=2020-01-20 "text=$P3 $P2" "${ITEMS[@]}"
y1=$(date -d '-1 day' +%F)
post sekretariat /kelola/2/pengumuman "number=$P1 $P2" "open=$y1" \
    "close=$(date -d "$y1 + 20 days" +%F)" "text=$P3 $P2" "${ITEMS[@]}"
refused "publishing a window that opened yesterday: 409 (ANN-DURATION)" 409 \
    "Tanggal pengumuman" post ketua /kelola/2/terbitkan confirm=1
check "  ... the announcement is published no later than it opens" \
    body_has "paling lambat pada tanggal itu"
post sekretariat /kelola/2/pengumuman "number=$P1 $P2" "open=$open" \
    "close=$c15" "text=$P3 $P2" "${ITEMS[@]}"
check "the window set back to the form's opening date, 15 days: 303" \
    status_is 303 "/kelola/2/pengumuman?ok=1"
post ketua /kelola/2/terbitkan confirm=1
check "ketua publishes selection 2: 303" status_is 303 \
    "/kelola/2/pengumuman?ok=1"
check "  ... the store says published, signed by the chair" test \
    "$(sq "SELECT state || '|' || signed_by FROM selection WHERE id = 2")" \
    = "published|Dr. Siti Aminah, M.Si."
check "then /seleksi/2 is public (200, <= 50 KB, escaped)" all \
    'public_page /seleksi/2' 'body_has "$E2"' 'body_has "$E3"' \
    'body_lacks "<script"' 'body_has "Dr. Siti Aminah, M.Si."'
get - /
check "and / lists it" all 'status_is 200' 'body_has "href=\"/seleksi/2\""'
refused "once published the preparation is closed: 409" 409 \
    "Pengumuman sudah diterbitkan" post sekretariat /kelola/2/pengumuman \
    number=2 "open=$open" "close=$c15" "${ITEMS[@]}"
refused "publishing twice: 409" 409 "Pengumuman sudah diterbitkan" \
    post ketua /kelola/2/terbitkan confirm=1

# ---- 6b. the committee is people: joining by the e-mailed invitation ----

INV=$(sq "SELECT body FROM outbox WHERE to_addr = 'hadi.purnomo@example.org'
    ORDER BY id DESC LIMIT 1" | grep -o '/undangan?t=[A-Za-z0-9_-]*' | head -n 1)
check "confirming the committee mailed the invitation (a link to /undangan)" \
    test -n "$INV"
get - "$INV"
check "the invitation page names the member and the selection" all \
    'status_is 200' 'body_has "Drs. Hadi Purnomo, M.Si."' \
    'body_has "name=\"login\""'
csrf_of hadi "$INV"
TOK[hadi]=$CSRF
refused "joining with passwords that differ: 400, unchanged" 400 \
    "tidak sama" post hadi /undangan "t=${INV#*t=}" login=hadi \
    pw1=rahasia-hadi-1 pw2=rahasia-hadi-2
refused "joining as an existing login: 400, unchanged" 400 "sudah dipakai" \
    post hadi /undangan "t=${INV#*t=}" login=ketua pw1=rahasia-hadi-1 \
    pw2=rahasia-hadi-1
post hadi /undangan "t=${INV#*t=}" login=hadi pw1=rahasia-hadi-1 \
    pw2=rahasia-hadi-1
check "joining makes the account and the member's grant: 303 to /masuk" all \
    'status_is 303 /masuk' \
    '[ "$(sq "SELECT count(*) FROM grant_role g JOIN account a ON a.id = g.account_id WHERE a.login = '"'"'hadi'"'"' AND g.role = '"'"'member'"'"' AND g.member_id IS NOT NULL")" -ge 1 ]'
get - "$INV"
check "the link is used up: 404" status_is 404
refused "the administrator cannot grant a chair by hand: 400, unchanged" 400 \
    "susunan panitia" post admin /admin/peran login=pyb region=demak \
    selection=2 role=chair

# ---- 2. login refusals and throttling (last: it locks an address) ----

# Each address has its own count, so these come from addresses of their
# own (all of 127.0.0.0/8 is the loopback); the sessions above are kept.
A=127.0.0.2 B=127.0.0.3 C=127.0.0.4
for x in $A $B $C; do
	curl -s -o /dev/null --interface $x "$BASE/sehat" || A=127.0.0.1 B=""
done
cut_fail() { sqlite3 "$DB" .dump | grep -v 'INSERT INTO login_fail'; }
cut_fail >"$T/before"
login thr salah-sekali narasumber $A
cut_fail >"$T/after"
bad_login() {
	all 'status_is 400' \
	    'body_has "Nama pengguna atau kata sandi salah."' \
	    '[ -z "$(hdr "$H" Set-Cookie | grep "^sid=")" ] || diag "a sid cookie"' \
	    'cmp -s "$T/before" "$T/after" || diag "$(diff "$T/before" "$T/after" | head -n 5)"'
}
check "wrong password: 400, Indonesian message, no cookie, only the count" \
    bad_login
for i in 2 3 4 5; do
	login thr salah-sekali narasumber $A
	check "failed login $i within 15 minutes: 400" status_is 400
done
login thr "$PW" narasumber $A
check "the 6th attempt, with the right password: 429, no cookie" all \
    'status_is 429' 'body_has "Terlalu banyak percobaan masuk"' \
    '[ -z "$(hdr "$H" Set-Cookie | grep "^sid=")" ] || diag "a sid cookie"'
login thr "$PW" pelamar $A
check "5 failures lock the login, not the address: pelamar from there" \
    status_is 303 /dasbor
for i in $(seq 6 30); do	# a name each: no name reaches its own lock
	login thr salah-sekali "tamu$i" $A
done
login thr "$PW" pyb $A
check "30 failures from one address lock it: pyb from there, 429" \
    status_is 429
if [ -n "$B" ]; then
	login thr "$PW" narasumber $B
	check "the lock is per name and address: narasumber's owner from another address, 303" \
	    status_is 303 /dasbor
	# 40 wrong guesses at once from one address: each counted before its
	# password is checked, so 5 are checked (400) and 35 refused (429).
	get par /masuk --interface $C
	tok=$(form_token "$BODY")
	pids=()
	for i in $(seq 40); do
		curl -s -o /dev/null -w '%{http_code}\n' --interface $C \
		    -b "$(jar par)" --data-urlencode "csrf=$tok" \
		    --data-urlencode login=sekretariat \
		    --data-urlencode password=salah-paralel "$BASE/masuk" \
		    >"$T/par.$i" &
		pids+=($!)
	done
	wait "${pids[@]}"	# not the server's
	cat "$T"/par.[0-9]* >"$T/par.codes"
	check "40 parallel wrong guesses: 5 checked (400), 35 refused (429)" \
	    all '[ "$(grep -c "^400$" "$T/par.codes")" = 5 ]' \
	    '[ "$(grep -c "^429$" "$T/par.codes")" = 35 ]'
	login thr "$PW" tidak-ada $C
	check "an unknown login: 400, the same message" all 'status_is 400' \
	    'body_has "Nama pengguna atau kata sandi salah."'
	login thr3 "$PW" pelamar $B
	check "another account from another address still logs in" \
	    status_is 303 /dasbor
else
	for x in "the lock is per name and address" "40 parallel wrong guesses" \
	    "an unknown login" "another address"; do
		ok "$x # SKIP cannot bind 127.0.0.2-4"
	done
fi
get sekretariat /dasbor
check "sessions made before still work" status_is 200

# ---- 1. the headers of every response ----

seen_statuses
for s in 200 303 400 403 404 405 409 413 429; do
	if [ -n "${FIRST[$s]:-}" ]; then
		check "a $s response carries the security headers" \
		    sec_ok "$T/r/${FIRST[$s]}.h"
	else
		notok "a $s response carries the security headers" \
		    "no $s response was seen"
	fi
done
check "every response of this run carries the security headers" \
    all_responses_ok

# ---- 7. the audit trail ----

"$selter" audit verify --db "$DB" >"$T/v.out" 2>"$T/v.err"
rc=$?
check "selter audit verify: ok" all '[ $rc = 0 ] || diag "exit $rc"' \
    'grep -q "^ok: [0-9]* events, chain intact" "$T/v.out" || diag "$(cat "$T/v.out" "$T/v.err")"'
nev=$(sq 'SELECT count(*) FROM event')
sqlite3 "$DB" "UPDATE event SET after = '{}' WHERE id = 3" >"$T/t.out" 2>&1
rc=$?
check "the trigger refuses UPDATE on event" all '[ $rc != 0 ]' \
    'grep -q "append-only" "$T/t.out" || diag "$(cat "$T/t.out")"'
sqlite3 "$DB" "DELETE FROM event WHERE id = 3" >"$T/t.out" 2>&1
rc=$?
check "the trigger refuses DELETE on event" all '[ $rc != 0 ]' \
    'grep -q "append-only" "$T/t.out" || diag "$(cat "$T/t.out")"' \
    "test $nev = \$(sq 'SELECT count(*) FROM event')"

get - /
cp "$BODY" "$T/home.html"
check "the public home page shows the trail's head (N:HASH)" \
    body_has "Kepala jejak audit saat halaman ini disusun: <code>"
# ---- 8. graceful stop ----

kill -TERM "$pid"
for _ in $(seq 100); do
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.05
done
if kill -0 "$pid" 2>/dev/null; then
	notok "SIGTERM: the server exits within 5 seconds" "still running"
	kill -KILL "$pid"
	wait "$pid" 2>/dev/null
else
	wait "$pid"
	rc=$?
	check "SIGTERM: the server exits 0 within 5 seconds" \
	    all "[ $rc = 0 ] || diag 'exit $rc'" \
	    'grep -q "\"msg\":\"stopped\"" "$T/server.err" || diag "$(tail -n 20 "$T/server.err")"'
fi
pid=""
grep -q "ERROR: AddressSanitizer\|ERROR: LeakSanitizer\|runtime error" \
    "$T/server.err"
check "no sanitizer report from the server" test $? != 0

# ---- 7. tampering is found ----

# The newest event deleted: the chain alone is still whole; the head a
# reader kept (event number and hash) is not.
HEAD=$(sq "SELECT id || ':' || lower(hex(hash)) FROM event ORDER BY id DESC LIMIT 1")
PAGEHEAD=$(grep -o 'Kepala jejak audit saat halaman ini disusun: <code>[0-9]*:[0-9a-f]*' "$T/home.html" | sed 's/.*<code>//')
check "the public home page showed the trail's head, which audit verify accepts" \
    all '[ -n "$PAGEHEAD" ] || diag "no head on /"' \
    '"$selter" audit verify --db "$DB" --head "$PAGEHEAD" >/dev/null 2>&1 || diag "rejected: $PAGEHEAD"'
"$selter" audit verify --db "$DB" --head "$HEAD" >"$T/v.out" 2>"$T/v.err"
check "audit verify --head with the trail's own head: exit 0" test $? = 0
sqlite3 "$DB" "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id = ${HEAD%%:*}"
"$selter" audit verify --db "$DB" >"$T/v.out" 2>"$T/v.err"
check "the newest event deleted: the chain alone still says intact" test $? = 0
"$selter" audit verify --db "$DB" --head "$HEAD" >"$T/v.out" 2>"$T/v.err"
rc=$?
check "  ... against the kept head: exit 1, naming the missing event" \
    all '[ $rc = 1 ] || diag "exit $rc"' \
    'grep -q "event ${HEAD%%:*}: the trail ends before the expected head" "$T/v.err" || diag "$(cat "$T/v.err")"'
"$selter" audit verify --db "$DB" --head "12:zz" >"$T/v.out" 2>"$T/v.err"
rc=$?
check "a malformed --head: exit 2 with the reason" \
    all '[ $rc = 2 ] || diag "exit $rc"' 'grep -q "is not N:HASH" "$T/v.err"'

mid=$(sq 'SELECT id FROM event ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM event)')
sqlite3 "$DB" "DROP TRIGGER event_no_update; UPDATE event SET after = '{\"title\":\"palsu\"}' WHERE id = $mid"
"$selter" audit verify --db "$DB" >"$T/v.out" 2>"$T/v.err"
rc=$?
check "a tampered event: audit verify exits non-zero naming its id" \
    all '[ $rc != 0 ] || diag "exit 0: $(cat "$T/v.out")"' \
    'grep -q "event $mid\b" "$T/v.err" || diag "$(cat "$T/v.err")"'

echo "1..$n"
