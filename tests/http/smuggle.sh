#!/usr/bin/env bash
# Request framing (issue 11 item 4): a request with both Content-Length and
# Transfer-Encoding is refused with 400 and the connection closed (else its
# body's tail is answered as a second request behind a proxy); a
# Content-Length over the route's limit is answered 413 at once, before any
# body; a chunked body is answered 413 as soon as it passes the limit, and
# the rest is never read; a transfer coding other than plain "chunked" is
# refused, not waited on.  Raw requests go through raw.py and stream.py
# (python3's sockets), to 127.0.0.1 only, every read bounded.
#
# usage: tests/http/smuggle.sh path/to/selter     Prints TAP, one line a check.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
raw_py=$(dirname "${BASH_SOURCE[0]}")/raw.py
PORT=""

# raw FILE: sends FILE's bytes to the server, prints what came back until
# the server closed or 5 seconds passed, then one line
# "#closed=yes|no #secs=S" (S: when the first byte of the answer came).
raw() { python3 "$raw_py" 127.0.0.1 "$PORT" "$1" 5; }
# stream HEADFILE BYTES: a chunked body of BYTES after the head, sent as
# the server reads it; prints the answer and "#closed= #secs= #sent=
# #before=" (stream.py).
stream() {
	python3 "$(dirname "${BASH_SOURCE[0]}")/stream.py" 127.0.0.1 "$PORT" \
	    "$1" "$2" 20
}

# The idle timeout stays at its default, 30 s: an answer within 2.5 s is
# not the timeout's.
if ! serve --demo; then
	notok "selter serve starts" "$(cat "$T/server.err")"
	echo "1..1"
	exit 0
fi
PORT=${BASE##*:}
ok "selter serve --demo listens"

# statuses FILE: the status codes of the responses in FILE, one a line.
statuses() { grep -a -o '^HTTP/1\.[01] [0-9][0-9][0-9]' "$1" | cut -d' ' -f2; }
closed() { grep -q '^#closed=yes' "$1" || diag "the connection stayed open"; }
secs() { sed -n 's/.*#secs=\([0-9.]*\).*/\1/p' "$1"; }
fast() {
	local s
	s=$(secs "$1")
	[ -n "$s" ] && awk -v s="$s" 'BEGIN { exit !(s < 2.5) }' ||
	    diag "the answer came after ${s:-never} s (want < 2.5 s)"
}
only() {
	local got
	got=$(statuses "$1" | tr '\n' ' ')
	[ "$got" = "$2 " ] || diag "responses: [${got}], want exactly [$2 ]"
}
not_logged() {
	! grep -q "\"path\":\"$1\"" "$T/access.log" ||
	    diag "the server answered $1: $(grep "$1" "$T/access.log")"
}

# ---- (a) Content-Length and Transfer-Encoding: chunked together ----

before=$(dump_db)
body=$'0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'
printf 'POST /masuk HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\nTransfer-Encoding: chunked\r\n\r\n%s' \
    "${#body}" "$body" >"$T/a.req"
raw "$T/a.req" >"$T/a.out"
check "CL + TE chunked: exactly one response, 400" only "$T/a.out" 400
check "CL + TE chunked: the connection is closed" closed "$T/a.out"
check "CL + TE chunked: the smuggled request never reaches the server" \
    not_logged /smuggled

# The same framing on a GET, its body a second request.
body=$'0\r\n\r\nGET /smuggled-get HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'
printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %d\r\nTransfer-Encoding: chunked\r\n\r\n%s' \
    "${#body}" "$body" >"$T/a2.req"
raw "$T/a2.req" >"$T/a2.out"
check "CL + TE chunked on a GET: exactly one response, 400, closed" \
    all 'only "$T/a2.out" 400' 'closed "$T/a2.out"'
check "CL + TE chunked on a GET: the smuggled request never reaches the server" \
    not_logged /smuggled-get

# ---- (b) a Content-Length over the limit, then nothing ----

printf 'POST /masuk HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000000\r\n\r\n' \
    >"$T/b.req"
raw "$T/b.req" >"$T/b.out"
check "Content-Length over the form limit, no body sent: 413" \
    only "$T/b.out" 413
check "Content-Length over the limit: answered at once, not after the idle timeout" \
    fast "$T/b.out"
check "Content-Length over the limit: the connection is closed" \
    closed "$T/b.out"
# At the limit's edge: one byte over is refused at once too.
printf 'POST /masuk HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n' \
    $((64 * 1024 + 1)) >"$T/b2.req"
raw "$T/b2.req" >"$T/b2.out"
check "Content-Length one byte over 64 KiB: 413 at once" \
    all 'only "$T/b2.out" 413' 'fast "$T/b2.out"'
# An upload route's larger limit is its own: a multipart body over it.
printf 'POST /pelamar/dokumen HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 900000000000\r\n\r\n' \
    >"$T/b3.req"
raw "$T/b3.req" >"$T/b3.out"
check "an upload's Content-Length over the document limit: 413 at once" \
    all 'only "$T/b3.out" 413' 'fast "$T/b3.out"'

# ---- (b2) a chunked body over the limit: 413 once it passes it ----

# sent_below FILE MAX: the body bytes the client could write before the
# answer, and in all, stay under MAX: the server stopped reading (what
# passes the limit is the socket buffers' worth, never the 50 MB).
sent_below() {
	local b a
	b=$(sed -n 's/.*#before=\([0-9]*\).*/\1/p' "$1")
	a=$(sed -n 's/.*#sent=\([0-9]*\).*/\1/p' "$1")
	[ -n "$b" ] && [ "$b" -lt "$2" ] ||
	    diag "${b:-no} bytes sent before the answer (want < $2)"
	[ -n "$b" ] && [ "$b" -lt "$2" ] || return 1
	[ -n "$a" ] && [ "$a" -lt "$2" ] ||
	    diag "${a:-no} bytes sent in all (want < $2)"
}
head_form='POST /masuk HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n'
printf "$head_form" >"$T/e.req"
t0=$(date +%s.%N)
stream "$T/e.req" $((50 * 1024 * 1024)) >"$T/e.out"
t1=$(date +%s.%N)
check "a chunked body of 50 MB to a form (64 KiB): exactly one 413" \
    only "$T/e.out" 413
check "  ... answered at once ($(secs "$T/e.out") s; all in $(awk \
    -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') s), and closed" \
    all 'fast "$T/e.out"' 'closed "$T/e.out"'
check "  ... after $(sed -n 's/.*#before=\([0-9]*\).*/\1/p' "$T/e.out") bytes sent: the rest never read (< 4 MB)" \
    sent_below "$T/e.out" $((4 * 1024 * 1024))
check "  ... the page says why" grep -q "Isian formulir terlalu besar" "$T/e.out"
# The limit's edge: 64 KiB read whole (400: a form of no field, not 413),
# one byte more refused.
printf "${head_form%\\r\\n}Connection: close\r\n\r\n" >"$T/e2.req"
stream "$T/e2.req" $((64 * 1024)) >"$T/e2.out"
check "a chunked body of exactly 64 KiB: read to its end (400, no field)" \
    all 'only "$T/e2.out" 400' \
    'grep -q "Formulir tidak dapat dibaca" "$T/e2.out"'
stream "$T/e2.req" $((64 * 1024 + 1)) >"$T/e3.out"
check "a chunked body of 64 KiB + 1 byte: 413, closed" \
    all 'only "$T/e3.out" 413' 'closed "$T/e3.out"'
# An upload route's limit is its own (2 MB a document, plus the form).
printf 'POST /pelamar/dokumen HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\n\r\n' \
    >"$T/e4.req"
stream "$T/e4.req" $((50 * 1024 * 1024)) >"$T/e4.out"
check "a chunked upload of 50 MB: 413 once past its limit, closed" \
    all 'only "$T/e4.out" 413' 'closed "$T/e4.out"' \
    'sent_below "$T/e4.out" $((8 * 1024 * 1024))'
check "  ... its page names the document limit" \
    grep -q "melebihi batas ukuran dokumen" "$T/e4.out"
check "the server still answers after them" all 'get - /' 'status_is 200'

# ---- (c) Transfer-Encoding: gzip, chunked ----

printf 'POST /masuk HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: gzip, chunked\r\n\r\n5\r\nlogin\r\n' \
    >"$T/c.req"
raw "$T/c.req" >"$T/c.out"
c_status() {
	local got
	got=$(statuses "$1" | tr '\n' ' ')
	[ "$got" = "400 " ] || [ "$got" = "501 " ] ||
	    diag "responses: [${got}], want one 400 or 501"
}
check "Transfer-Encoding: gzip, chunked: refused (400 or 501)" \
    c_status "$T/c.out"
check "Transfer-Encoding: gzip, chunked: at once, and closed" \
    all 'fast "$T/c.out"' 'closed "$T/c.out"'
printf 'POST /masuk HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: identity\r\n\r\n' \
    >"$T/c2.req"
raw "$T/c2.req" >"$T/c2.out"
check "Transfer-Encoding: identity: refused at once" \
    all 'c_status "$T/c2.out"' 'fast "$T/c2.out"'
same_store() {
	[ "$(dump_db)" = "$before" ] || diag "the store changed"
}
check "nothing stored by the refused requests" same_store

# ---- what still works ----

printf 'POST /masuk HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n7\r\nlogin=x\r\n0\r\n\r\n' \
    >"$T/d.req"
raw "$T/d.req" >"$T/d.out"
check "plain chunked POST: still read (403: no form token)" \
    only "$T/d.out" 403
printf 'POST /masuk HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\nConnection: close\r\n\r\nlogin=x' \
    >"$T/d2.req"
raw "$T/d2.req" >"$T/d2.out"
check "POST with a Content-Length within the limit: still read (403)" \
    only "$T/d2.out" 403
get - /
check "a GET still answers 200" status_is 200
unserve
check "the server stops cleanly" test "$rc" = 0
check "no sanitizer report" sanitizer_quiet
echo "1..$n"
