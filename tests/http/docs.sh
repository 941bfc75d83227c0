#!/usr/bin/env bash
# HTTP checks of the applicants' documents (issue 5 item 2) against a
# running `selter serve --demo`: two applicants made over HTTP (/daftar,
# the confirmation token from the outbox, login with the NIP), the
# checklist page, uploads streamed to files named by their SHA-256, the
# upload attacks (a PHP and an HTML file named .pdf, a PNG where PDF is
# required, a PDF polyglot, a zip-bomb-like PDF over the limit, an
# oversized body with and without Content-Length, a path-traversal name),
# who may download (the owner; the committee once an application uses
# it; nobody else, 404), the secretariat's limits, concurrent
# replacements, and the closing date (the server restarted with --now
# past it).  Every refused request leaves `sqlite3 .dump` and the files
# directory's listing unchanged.
#
# usage: tests/http/docs.sh path/to/selter       Prints TAP, one line a check.
# Needs bash, curl, sqlite3, sha256sum and GNU date.
# The helpers (TAP, curl with a jar per visitor, form tokens, login, post,
# the store dumped) are tests/http/lib.sh's; refused and the response
# checks below also compare the files directory.
HTTP_TIMEOUT=60		# a 2 MB upload under ASan
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
FILES=$DB.files
APW=rahasia-pelamar
NIP_A=197407072000032005
NIP_B=198001012005011001
mkdir -p "$T/f"

hdr_is() {
	[ "$(hdr "$H" "$1")" = "$2" ] ||
	    diag "$1: \"$(hdr "$H" "$1")\", want \"$2\""
}

# ---- the store and its files ----

dump_db() { sqlite3 "$DB" .dump; }
sq() { sqlite3 "$DB" "$1"; }
q() { printf "'%s'" "${1//\'/\'\'}"; }
# Every entry under the files directory, temporary files included.
files_ls() { (cd "$FILES" 2>/dev/null && find . -mindepth 1 | LC_ALL=C sort); }
snapshot() { dump_db >"$T/$1.db"; files_ls >"$T/$1.ls"; }

# refused NAME STATUS MESSAGE REQUEST...: answered STATUS with MESSAGE in
# the page; neither the store nor the files directory changed.
refused() {
	local name=$1 want=$2 msg=$3
	shift 3
	snapshot before
	"$@"
	snapshot after
	check "$name" refusal_ok "$want" "$msg"
}
refusal_ok() {
	local bad=0
	if [ "$code" != "$1" ]; then
		diag "status $code, want $1"; bad=1
	fi
	if [ -n "$2" ] && ! grep -qF -- "$2" "$BODY"; then
		diag "the page does not say: $2"
		diag "$(grep -o 'class="msg[^<]*' "$BODY" | head -n 3)"; bad=1
	fi
	if ! cmp -s "$T/before.db" "$T/after.db"; then
		diag "the store changed:"
		diag "$(diff "$T/before.db" "$T/after.db" | head -n 8)"; bad=1
	fi
	if ! cmp -s "$T/before.ls" "$T/after.ls"; then
		diag "the files directory changed:"
		diag "$(diff "$T/before.ls" "$T/after.ls" | head -n 8)"; bad=1
	fi
	return $bad
}

# ---- the server ----

# start [--now TIME]: a server on the store (the demo on the first start).
start() {
	rm -f "$T/port"
	SELTER_ARGON_MEM_KIB=8192 "$selter" serve --port 0 \
	    --port-file "$T/port" --db "$DB" --demo \
	    --access-log "$T/access.log" "$@" \
	    >>"$T/server.out" 2>>"$T/server.err" &
	pid=$!
	for _ in $(seq 300); do
		[ -s "$T/port" ] && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	[ -s "$T/port" ] || return 1
	BASE=http://127.0.0.1:$(cat "$T/port")
}
# stop: SIGTERM, and the exit status (0 when graceful) in rc.
stop() {
	kill -TERM "$pid"
	for _ in $(seq 200); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -KILL "$pid"
		rc=killed
	else
		rc=0
	fi
	wait "$pid" 2>/dev/null || rc=$?
	pid=""
}

if ! start; then
	echo "1..1"
	notok "selter serve starts" "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo listens on a random loopback port"

# ---- applicants, made over HTTP ----

# register WHO NIP BIRTH TMT: the form, the mailed token, a session.
register() {
	local who=$1 nip=$2 mail="$1@example.org" tok t
	rm -f "$(jar "$who")"
	get "$who" /daftar
	tok=$(form_token "$BODY")
	get "$who" /daftar --data-urlencode "csrf=$tok" \
	    --data-urlencode "nip=$nip" --data-urlencode "name=Pelamar $who" \
	    --data-urlencode "birth_date=$3" --data-urlencode "tmt=$4" \
	    --data-urlencode "email=$mail" --data-urlencode "pw1=$APW" \
	    --data-urlencode "pw2=$APW"
	check "register $who (NIP $nip) over /daftar" all 'status_is 200' \
	    'body_has "Periksa surel Anda"'
	t=$(sq "SELECT body FROM outbox WHERE to_addr = $(q "$mail")" |
	    grep -o '?t=[A-Za-z0-9_-]*' | head -n 1 | cut -c4-)
	get - "/konfirmasi?t=$t"
	check "confirm $who with the token from the outbox" status_is 200
	login "$who" "$APW" "$nip"
	check "log in as $who with the NIP: 303 to /pelamar" status_is 303 \
	    /pelamar
}
register A "$NIP_A" 1974-07-07 2000-03
register B "$NIP_B" 1980-01-01 2005-01
for u in sekretariat ketua pengawas pelamar; do
	login "$u"
done

get A /pelamar
check "the applicant's home links the documents page" \
    body_has '<a href="/pelamar/dokumen">Dokumen persyaratan</a>'
get A /pelamar/dokumen
check "GET /pelamar/dokumen: the checklist of demak-2022, accessible" all \
    'status_is 200' \
    'body_has "<legend>Pakta Integritas yang ditandatangani</legend>"' \
    'body_has "<legend>Rekomendasi/izin tertulis PyB"' \
    'body_has "enctype=\"multipart/form-data\""' \
    'body_has "<label for=\"file-integrity_pact\">"' \
    'body_has "id=\"file-integrity_pact\""' \
    'body_has "Belum diunggah."' \
    'body_has "Pasal 9 ayat (6) huruf d"'
get - /pelamar/dokumen
check "GET /pelamar/dokumen anonymous: 303 to /masuk" status_is 303 /masuk
get sekretariat /pelamar/dokumen
check "GET /pelamar/dokumen as sekretariat: 403" status_is 403

# ---- uploads ----

# upload WHO ITEM FILE NAME [CURL-ARGS...]: the document form, multipart,
# with WHO's form token; the client's declared type is always a PDF's.
upload() {
	local who=$1 item=$2 file=$3 name=$4
	shift 4
	get "$who" /pelamar/dokumen -F "csrf=${TOK[$who]:-}" -F "item=$item" \
	    -F "file=@$file;filename=$name;type=application/pdf" "$@"
}
sha() { sha256sum "$1" | cut -d' ' -f1; }
# stored SHA: the file named by it is there, with that very content.
stored() {
	local h=$1 f="$FILES/${1:0:2}/${1:2}"
	[ -f "$f" ] || { diag "no file $f"; return 1; }
	[ "$(sha "$f")" = "$h" ] || diag "$f: content of another hash"
}
doc_id() { sq "SELECT max(id) FROM document"; }

printf '%%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%%%EOF\n' \
    >"$T/f/pakta.pdf"
upload A integrity_pact "$T/f/pakta.pdf" pakta.pdf
D1=$(doc_id)
H1=$(sha "$T/f/pakta.pdf")
check "upload a PDF: 303 to the checklist" status_is 303 \
    "/pelamar/dokumen?ok=1#dok-integrity_pact"
check "  ... stored under its SHA-256, equal to the file sent" stored "$H1"
check "  ... the row names that hash, current, the sniffed type" \
    test "$(sq "SELECT sha256, mime, name, current FROM document
    WHERE id = $D1")" = "$H1|application/pdf|pakta.pdf|1"
check "  ... the files directory holds hashes only, no temporary file" \
    test -z "$(files_ls | grep -vE '^\./[0-9a-f]{2}(/[0-9a-f]{62})?$')"
check "  ... an audit event document_upload" test \
    "$(sq "SELECT count(*) FROM event WHERE action = 'document_upload'")" = 1
get A "/pelamar/dokumen?ok=1"
check "  ... the checklist shows it, with a link" all 'status_is 200' \
    "body_has 'href=\"/dokumen/$D1\">pakta.pdf</a>'" \
    'body_has "Dokumen tersimpan."' 'body_has "Ganti dokumen"'

get A "/dokumen/$D1"
check "GET /dokumen/N as its owner: the file, as an attachment" all \
    'status_is 200' 'hdr_is Content-Type application/pdf' \
    "hdr_is Content-Disposition 'attachment; filename=\"pakta.pdf\"'" \
    'hdr_is X-Content-Type-Options nosniff' \
    "hdr_is Cache-Control 'private, no-store'" \
    "[ \"\$(sha \"\$BODY\")\" = $H1 ] || diag 'another content'"

printf '%%PDF-1.7\n%% pakta, ditandatangani ulang\n%%%%EOF\n' \
    >"$T/f/pakta2.pdf"
upload A integrity_pact "$T/f/pakta2.pdf" pakta-baru.pdf
D2=$(doc_id)
H2=$(sha "$T/f/pakta2.pdf")
check "replace it: 303, a new current row, the old one kept" all \
    'status_is 303' 'stored "$H2"' 'stored "$H1"' \
    "[ \"\$(sq \"SELECT current || ',' || ifnull(replaces, '')
    FROM document WHERE id IN ($D1, $D2) ORDER BY id\")\" = \
    \$'0,\n1,$D1' ] || diag 'rows: '\"\$(sq 'SELECT * FROM document')\"" \
    "[ \"\$(sq \"SELECT count(*) FROM event
    WHERE action = 'document_replace'\")\" = 1 ] || diag 'no event'"
get A /pelamar/dokumen
check "  ... the history lists both, the old one as replaced" all \
    'body_has "Riwayat unggahan"' 'body_has ">diganti<"' \
    'body_has ">berlaku<"' "body_has 'href=\"/dokumen/$D1\"'"
get A "/dokumen/$D1"
check "  ... the replaced file is still served to its owner" all \
    'status_is 200' "[ \"\$(sha \"\$BODY\")\" = $H1 ] || diag content"

# ---- the upload attacks ----

printf '<?php system($_GET["c"]); ?>\n' >"$T/f/shell.pdf"
refused "a PHP file named .pdf: 415, nothing stored" 415 \
    "bukan PDF, JPEG atau PNG" upload A integrity_pact "$T/f/shell.pdf" \
    shell.pdf
printf '<!DOCTYPE html><html><body><script>alert(document.cookie)</script>' \
    >"$T/f/page.pdf"
refused "an HTML file named .pdf: 415, nothing stored" 415 \
    "bukan PDF, JPEG atau PNG" upload A integrity_pact "$T/f/page.pdf" \
    page.pdf
# A multipart body cut before its closing boundary (a broken or hostile
# client; the HTTP body itself is whole): the file part must not be kept
# cut short.
{
	printf -- '--XyZ\r\nContent-Disposition: form-data; name="csrf"'
	printf -- '\r\n\r\n%s\r\n' "${TOK[A]}"
	printf -- '--XyZ\r\nContent-Disposition: form-data; name="item"'
	printf -- '\r\n\r\nintegrity_pact\r\n'
	printf -- '--XyZ\r\nContent-Disposition: form-data; name="file"; '
	printf -- 'filename="cut.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
	printf '%%PDF-1.4\n%% the closing boundary never comes\n'
	head -c 100000 /dev/zero | tr '\0' 'x'
} >"$T/f/cut.body"
refused "a multipart body without its closing boundary: 400, nothing stored" \
    400 "Formulir tidak dapat dibaca" get A /pelamar/dokumen \
    -H 'Content-Type: multipart/form-data; boundary=XyZ' \
    --data-binary "@$T/f/cut.body"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\10\2\0\0\0' \
    >"$T/f/scan.pdf"
refused "a PNG where only PDF is allowed: 415, nothing stored" 415 \
    "Berkas ini PNG, padahal dokumen ini harus PDF" \
    upload A integrity_pact "$T/f/scan.pdf" scan.pdf
{ printf '%%PDF-1.4\n'; head -c $((2 * 1024 * 1024)) /dev/zero; } \
    >"$T/f/bomb.pdf"
refused "a zip-bomb-like PDF over 2048 KB: 413, nothing stored" 413 \
    "Berkas lebih besar dari batasnya untuk dokumen ini (2048 KB)." \
    upload A integrity_pact "$T/f/bomb.pdf" laporan.pdf
check "  ... no temporary file left behind" \
    test -z "$(find "$FILES" -name '.upload-*')"
head -c $((5 * 1024 * 1024)) /dev/zero >"$T/f/huge.bin"
refused "an oversized body (Content-Length 5 MB): 413, nothing stored" 413 \
    "Kiriman terlalu besar" upload A integrity_pact "$T/f/huge.bin" x.pdf
refused "an oversized chunked body (no Content-Length): 413" 413 \
    "" upload A integrity_pact "$T/f/huge.bin" x.pdf \
    -H "Transfer-Encoding: chunked"
head -c $((1024 * 1024)) /dev/zero | tr '\0' x >"$T/f/field.txt"
refused "a 1 MB text field beside the file: 413, nothing stored" 413 \
    "Kiriman terlalu besar" upload A integrity_pact "$T/f/pakta.pdf" \
    a.pdf -F "note=<$T/f/field.txt"
: >"$T/f/empty.pdf"
refused "an empty file: 400, nothing stored" 400 "Pilih berkas" \
    upload A integrity_pact "$T/f/empty.pdf" empty.pdf
refused "an item not on the checklist: 400, nothing stored" 400 \
    "tidak ada dalam daftar" upload A photo "$T/f/pakta.pdf" foto.pdf
refused "two files in one form: 400, nothing stored" 400 \
    "Formulir tidak dapat dibaca" upload A integrity_pact \
    "$T/f/pakta.pdf" a.pdf -F "file=@$T/f/pakta2.pdf;filename=b.pdf"
refused "an upload without the form token: 403, nothing stored" 403 \
    "Formulir kedaluwarsa" get A /pelamar/dokumen -F item=integrity_pact \
    -F "file=@$T/f/pakta.pdf;filename=a.pdf"
refused "an upload by the public: 403, nothing stored" 403 "" \
    get - /pelamar/dokumen -F item=integrity_pact \
    -F "file=@$T/f/pakta.pdf;filename=a.pdf"
refused "an upload by a staff account: 403, nothing stored" 403 \
    "Hanya pelamar" upload sekretariat integrity_pact "$T/f/pakta.pdf" \
    a.pdf

printf '%%PDF-1.4\n<html><body><script>alert(1)</script></body></html>\n' \
    >"$T/f/poly.pdf"
upload A admin_file "$T/f/poly.pdf" poly.html
DP=$(doc_id)
check "a polyglot starting %PDF- is stored (it is a PDF by its magic)" \
    all 'status_is 303' "stored $(sha "$T/f/poly.pdf")"
get A "/dokumen/$DP"
check "  ... served only as a PDF attachment, nosniff, no script allowed" \
    all 'status_is 200' 'hdr_is Content-Type application/pdf' \
    "hdr_is Content-Disposition 'attachment; filename=\"poly.pdf\"'" \
    'hdr_is X-Content-Type-Options nosniff' \
    "hdr \"\$H\" Content-Security-Policy | grep -q \"default-src 'none'\" ||
    diag 'CSP'"

printf '%%PDF-1.4\n%% rekomendasi\n' >"$T/f/rek.pdf"
upload A recommendation "$T/f/rek.pdf" ../../etc/passwd.pdf
DT=$(doc_id)
check "a path-traversal name: stored by its hash only" all \
    'status_is 303' "stored $(sha "$T/f/rek.pdf")" \
    "[ \"\$(sq 'SELECT name FROM document WHERE id = $DT')\" = passwd.pdf ] ||
    diag 'name: '\"\$(sq 'SELECT name FROM document WHERE id = $DT')\"" \
    '[ ! -e "$T/etc" ] && [ ! -e "$(dirname "$T")/etc/passwd.pdf" ] ||
    diag "a file outside"' \
    'test -z "$(files_ls | grep -vE "^\./[0-9a-f]{2}(/[0-9a-f]{62})?$")" ||
    diag "$(files_ls)"'
get A /pelamar/dokumen
check "  ... the name shown is the sanitised one" all \
    "body_has 'href=\"/dokumen/$DT\">passwd.pdf</a>'" 'body_lacks "../"'

# ---- who may download ----

get B "/dokumen/$D2"
cp "$BODY" "$T/other.b"
check "another applicant guessing the id: 404" all 'status_is 404' \
    'body_has "Dokumen tidak ditemukan."' 'body_lacks "%PDF"'
get B /dokumen/99999
check "  ... the same answer as an id that does not exist" all \
    'status_is 404' 'cmp -s "$BODY" "$T/other.b" || diag "differs"'
get - "/dokumen/$D2"
check "the public: 404" all 'status_is 404' 'body_lacks "%PDF"'
get pelamar "/dokumen/$D2"
check "the demo applicant account: 404" status_is 404
get sekretariat "/dokumen/$D2"
check "the secretariat before any application uses it: 404" \
    status_is 404

RECORD='{"nip": "197407072000032005", "name": "Pelamar A",
 "birth_date": "1974-07-07", "employment": "pns", "agency": {"name":
 "Pemerintah Kabupaten Demak", "kind": "regency", "province":
 "Jawa Tengah"}, "grade": "IV/a", "education": [{"level": "S2",
 "major": "Kesehatan"}], "posts": [{"title": "Sekretaris Dinas", "kind":
 "structural", "echelon": "III.a", "fields": ["kesehatan"], "start":
 "2015-01-02", "end": null}]}'
post A /pelamar/data "record=$RECORD"
check "A imports the record" status_is 303
post A /pelamar/lowongan/1/daftar
check "A applies to the demo vacancy" status_is 303
for u in sekretariat ketua pengawas; do
	get "$u" "/dokumen/$D2"
	check "$u, who may view the selection applied to: 200" all \
	    'status_is 200' "[ \"\$(sha \"\$BODY\")\" = $H2 ]" \
	    'hdr_is X-Content-Type-Options nosniff'
done
get B "/dokumen/$D2"
check "the other applicant still: 404" status_is 404

# ---- the secretariat's limits ----

get sekretariat /kelola/2/dokumen
check "GET /kelola/2/dokumen as sekretariat: the limits and a form" all \
    'status_is 200' 'body_has "<legend>Ubah batas satu dokumen</legend>"' \
    'body_has "<label for=\"kb\">"' 'body_has ">bawaan<"'
post sekretariat /kelola/2/dokumen item=integrity_pact kb=500 type=pdf \
    type=png
check "set a limit on the selection in preparation: 303" status_is 303 \
    "/kelola/2/dokumen?ok=1"
check "  ... stored, and audited" test "$(sq "SELECT max_bytes, types
    FROM doc_limit WHERE selection_id = 2")|$(sq "SELECT count(*) FROM
    event WHERE action = 'doc_limit_set'")" = "512000|5|1"
refused "set a limit on the published selection: 409, unchanged" 409 \
    "sudah diterbitkan" post sekretariat /kelola/1/dokumen \
    item=integrity_pact kb=500 type=pdf
refused "set a limit as the chair: 403, unchanged" 403 "Hanya sekretariat" \
    post ketua /kelola/2/dokumen item=integrity_pact kb=500 type=pdf
refused "set a limit as an applicant: 403, unchanged" 403 "" \
    post A /kelola/2/dokumen item=integrity_pact kb=500 type=pdf
refused "a limit of 0 KB: 400, unchanged" 400 "Batas ukuran" \
    post sekretariat /kelola/2/dokumen item=integrity_pact kb=0 type=pdf
get A /kelola/1/dokumen
check "GET /kelola/1/dokumen as an applicant: 403" status_is 403

# ---- concurrent replacements: answered on the worker threads ----

for i in 1 2 3 4 5 6 7 8; do
	printf '%%PDF-1.4\n%% berkas %s\n' "$i" >"$T/f/c$i.pdf"
done
cpids=()
for i in 1 2 3 4 5 6 7 8; do		# the jar read, never written at once
	curl -sS --max-time 60 -o /dev/null -w '%{http_code}\n' \
	    -b "$(jar A)" -F "csrf=${TOK[A]}" -F item=admin_file \
	    -F "file=@$T/f/c$i.pdf;filename=c$i.pdf" \
	    "$BASE/pelamar/dokumen" >"$T/c$i.code" 2>>"$T/curl.err" &
	cpids+=($!)
done
wait "${cpids[@]}"
check "8 concurrent replacements: all 303, one current, all kept" all \
    '[ "$(cat "$T"/c*.code | sort -u)" = 303 ] ||
    diag "$(cat "$T"/c*.code)"' \
    "[ \"\$(sq \"SELECT count(*) FROM document WHERE item_id = 'admin_file'
    AND current = 1\")\" = 1 ]" \
    "[ \"\$(sq \"SELECT count(*) FROM document
    WHERE item_id = 'admin_file'\")\" = 9 ]"
check "  ... every file the rows name is there, named by its hash" \
    all 'for h in $(sq "SELECT sha256 FROM document"); do
    stored "$h" || return 1; done'

# ---- after the closing date ----

# ---- a slow upload: streamed to disk as it arrives; a stop cuts it ----

{ printf '%%PDF-1.4\n'; head -c $((1536 * 1024)) /dev/zero; } \
    >"$T/f/slow.pdf"
snapshot before
curl -sS --max-time 60 -o /dev/null -b "$(jar A)" --limit-rate 200k \
    -F "csrf=${TOK[A]}" -F item=admin_file \
    -F "file=@$T/f/slow.pdf;filename=slow.pdf" "$BASE/pelamar/dokumen" \
    2>/dev/null &
cpid=$!
tmpf=""
for _ in $(seq 100); do
	tmpf=$(find "$FILES" -name '.upload-*' | head -n 1)
	[ -n "$tmpf" ] && [ "$(stat -c %s "$tmpf")" -gt 0 ] && break
	sleep 0.05
done
s1=$(stat -c %s "$tmpf" 2>/dev/null || echo 0)
sleep 1
s2=$(stat -c %s "$tmpf" 2>/dev/null || echo 0)
check "a slow upload grows a temporary file while its body arrives" \
    all "[ $s1 -gt 0 ] && [ $s2 -gt $s1 ] && [ $s2 -lt $((1536 * 1024)) ] ||
    diag 'sizes $s1 then $s2'"
get sekretariat /kelola/2/dokumen
check "  ... meanwhile the server answers others" status_is 200
close=$(sq 'SELECT ann_close FROM selection WHERE id = 1')
stop
wait "$cpid" 2>/dev/null
snapshot after
check "SIGTERM during it: exit 0, the temporary file gone, nothing stored" \
    all '[ "$rc" = 0 ] || diag "exit $rc"' \
    'cmp -s "$T/before.db" "$T/after.db" || diag "the store changed"' \
    'cmp -s "$T/before.ls" "$T/after.ls" || diag "$(diff "$T/before.ls" "$T/after.ls")"'
# 00:00 WIB the day after the closing date.
past=$(date -u -d "$close 17:00" +%Y-%m-%dT%H:%M:%SZ)
if ! start --now "$past"; then
	notok "the server restarts with --now $past" "$(tail "$T/server.err")"
	echo "1..$n"
	exit 1
fi
ok "the server restarts with --now $past (00:00 WIB after $close)"
login A "$APW" "$NIP_A"
get A /pelamar/dokumen
check "the checklist after closing: no form, the history kept" all \
    'status_is 200' 'body_has "Tidak ada seleksi yang sedang dibuka"' \
    'body_lacks "type=\"file\""' "body_has 'href=\"/dokumen/$D2\"'"
refused "an upload after the closing date: 409, nothing stored" 409 \
    "sudah lewat" upload A integrity_pact "$T/f/pakta.pdf" pakta.pdf
get A "/dokumen/$D2"
check "the owner still downloads after closing" all 'status_is 200' \
    "[ \"\$(sha \"\$BODY\")\" = $H2 ]"

# ---- every response's headers ----

sec_ok() {
	local f=$1 csp
	csp=$(hdr "$f" Content-Security-Policy)
	echo "$csp" | grep -q "default-src 'none'" || return 1
	echo "$csp" | grep -q "frame-ancestors 'none'" || return 1
	[ "$(hdr "$f" X-Content-Type-Options)" = nosniff ] || return 1
	[ -n "$(hdr "$f" Content-Type)" ] || return 1
}
all_responses_ok() {
	local bad=0 total=0
	while read -r i c url; do
		[ "$c" = 000 ] && continue
		total=$((total + 1))
		sec_ok "$T/r/$i.h" || { diag "response $i ($c $url)"; bad=1; }
	done <"$T/r/index"
	[ "$total" -gt 40 ] || diag "only $total responses"
	[ "$total" -gt 40 ] || return 1
	return $bad
}
check "every response carries CSP, nosniff and a Content-Type" \
    all_responses_ok

"$selter" audit verify --db "$DB" >"$T/v.out" 2>"$T/v.err"
rc=$?
check "selter audit verify: the chain is intact" all \
    '[ $rc = 0 ] || diag "exit $rc: $(cat "$T/v.err")"'
stop
check "SIGTERM again: exit 0" test "$rc" = 0
grep -q "ERROR: AddressSanitizer\|ERROR: LeakSanitizer\|runtime error" \
    "$T/server.err"
check "no sanitizer report from the server" test $? != 0

echo "1..$n"
