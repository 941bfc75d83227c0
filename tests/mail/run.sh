#!/usr/bin/env bash
# The e-mail outbox's sender against a local SMTP sink (Debian's
# python3-aiosmtpd on loopback, tests/mail/sink.py): `selter mail send`
# delivers the queued mails (a non-ASCII subject decoded right, a body
# with a line too long for 8bit, lines of one dot and bare CR or LF line
# ends that must not end the message early), refuses a header injection,
# which never reaches the sink; with the sink down a mail is marked failed
# and not retried before its time, then delivered; `selter serve` with
# smtp_url delivers a mail queued while it runs, and still stops with
# exit 0 on SIGTERM.  Outbox rows are written with the sqlite3 command, as
# the registration code would write them, into a store made by `selter
# admin create`.
#
# usage: tests/mail/run.sh path/to/selter        Prints TAP.
# Needs bash, sqlite3 and Debian's python3 with aiosmtpd.
set -u
selter=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
T=$(mktemp -d)
DB=$T/s.db
SINK=$T/sink
mkdir -p "$SINK"
sink_pid="" serve_pid=""
# Debian's interpreter: a python3 earlier in PATH (pyenv, a venv) may lack
# the python3-aiosmtpd package.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
export SELTER_ARGON_MEM_KIB=8192

stop_pid() {
	if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
		kill -TERM "$1" 2>/dev/null
		wait "$1" 2>/dev/null
	fi
}
cleanup() {
	stop_pid "$serve_pid"
	stop_pid "$sink_pid"
	rm -rf "$T"
}
trap cleanup EXIT

n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	[ -n "${2:-}" ] && printf '%s\n' "$2" | head -c 4000 | sed 's/^/# /'
	return 0
}
# check NAME CMD...: one TAP line; CMD's output explains a failure.
check() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then ok "$name"; else notok "$name" "$out"; fi
}

# sink_up [PORT]: starts the sink; sets sink_pid and URL.
sink_up() {
	rm -f "$T/sink.port"
	"$PY" "$here/sink.py" "$SINK" "$T/sink.port" ${1:+"$1"} \
	    2>>"$T/sink.log" &
	sink_pid=$!
	for _ in $(seq 100); do
		[ -s "$T/sink.port" ] && break
		sleep 0.1
	done
	PORT=$(cat "$T/sink.port" 2>/dev/null)
	URL=smtp://127.0.0.1:$PORT
	[ -n "$PORT" ]
}
sink_down() { stop_pid "$sink_pid"; sink_pid=""; }

q() { sqlite3 -cmd '.timeout 10000' "$DB" "$@"; }
# queue TO SUBJECT BODY: an outbox row due now, as store_mail_add writes it
# (SQL quotes doubled by the caller where needed).
queue() {
	local now
	now=$(date +%s)
	q "INSERT INTO outbox (to_addr, subject, body, created_at, next_at)
	    VALUES ('$1', $2, '$3', $now, $now)"
}
# send [ARGS...]: one pass; its standard output in OUT, error log in ERR.
send() {
	"$selter" mail send --db "$DB" "$@" >"$T/out" 2>"$T/err"
	RC=$?
	OUT=$(cat "$T/out")
}
expect_out() {
	[ "$RC" = 0 ] && [ "$OUT" = "$1" ] && return 0
	echo "exit $RC, output \"$OUT\", want \"$1\""
	cat "$T/err"
	return 1
}
# col ID EXPR: one value of an outbox row.
col() { q "SELECT $2 FROM outbox WHERE id = $1"; }
expect_eq() {
	[ "$1" = "$2" ] && return 0
	echo "got \"$1\", want \"$2\" ${3:-}"
	return 1
}
received() { "$PY" "$here/check.py" "$SINK" "$@"; }
nmsg() { find "$SINK" -name '*.eml' | wc -l; }

# ---- delivering ----

SUBJ1='Pendaftaran diterima — Kabupaten Demak'
BODY1=$'Yth. Budi Santoso,\n\nPendaftaran Anda pada seleksi terbuka '\
$'JPT Pratama\nKabupaten Demak telah diterima (nomor 2026-001).\n'
BODY3="Ringkasan: $(printf 'x%.0s' $(seq 1200))"$'\n'"akhir"$'\n'
printf 'rahasia-sekali\n' | "$selter" admin create --db "$DB" --login root \
    --name Admin >"$T/admin.out" 2>&1
sink_up
check "setup: a store from admin create, the sink up" \
	test -n "$PORT" -a "$(cat "$T/admin.out")" = \
	'administrator "root" created'
queue budi@example.go.id "'$SUBJ1'" "$BODY1"
queue siti@example.go.id "'Token konfirmasi'" $'Kode: 123456\n'
queue rudi@example.go.id "'Ringkasan panjang'" "$BODY3"
# Lines of one dot, and bare CR and LF line ends: dot-stuffed, made CRLF,
# so that no line of a body can end the message early (SMTP smuggling).
q "INSERT INTO outbox (to_addr, subject, body, created_at, next_at)
    VALUES ('dewi@example.go.id', 'Titik', 'satu' || char(10, 46, 10) ||
    'MAIL FROM:<x@y>' || char(13) || '..dua' || char(13, 10, 46, 13, 10) ||
    'tiga', 0, 0)"
queue korban@example.go.id \
    "'Halo' || char(13, 10) || 'Bcc: korban2@example.go.id'" $'isi\n'
send --smtp-url "$URL" --from seleksi@demak.go.id
check "mail send: four sent, the injection failed, nothing waits" \
	expect_out "sent 4, failed 1, waiting 0"
check "the sink got the non-ASCII subject decoded, To, From, body, CRLF" \
	received budi@example.go.id "$SUBJ1" "$BODY1" seleksi@demak.go.id
check "the sink got the plain ASCII mail" \
	received siti@example.go.id "Token konfirmasi" $'Kode: 123456\n' \
	seleksi@demak.go.id
check "a line over 998 bytes arrives whole (base64)" \
	received rudi@example.go.id "Ringkasan panjang" "$BODY3" \
	seleksi@demak.go.id
check "lines of a dot and bare CR or LF arrive whole, as lines" \
	received dewi@example.go.id "Titik" \
	$'satu\n.\nMAIL FROM:<x@y>\n..dua\n.\ntiga\n' seleksi@demak.go.id
check "the four delivered rows: sent_at set, one attempt" \
	expect_eq "$(q "SELECT count(*) FROM outbox WHERE id <= 4 AND
	    sent_at > 0 AND attempts = 1")" 4
check "header injection: marked failed for good, with the reason" \
	expect_eq "$(col 5 "sent_at || ' ' || attempts || ' ' || next_at ||
	    ' ' || last_error")" "0 1 253402300799 refused: the subject holds \
a line break (header injection)"
check "header injection: nothing reached the sink" sh -c "
	[ \$(find '$SINK' -name '*.eml' | wc -l) = 4 ] &&
	! grep -rl korban '$SINK'"
check "the failure is in the error log (JSON, in: mail)" \
	grep -q '"level":"error","in":"mail","msg":"outbox 5, attempt 1: ref' \
	"$T/err"

# ---- retrying ----

sink_down
queue tono@example.go.id "'Jadwal seleksi'" $'Besok pukul 08.00.\n'
t0=$(date +%s)
send --smtp-url "$URL"
check "sink down: the mail failed, waits" \
	expect_out "sent 0, failed 1, waiting 1"
check "sink down: attempts 1, last_error set" \
	expect_eq "$(col 6 "attempts || ' ' || (last_error <> '')")" "1 1" \
	"($(col 6 last_error))"
next=$(col 6 next_at)
check "sink down: next_at 30 s in the future" \
	test "$next" -gt "$t0" -a "$next" -le "$(( $(date +%s) + 30 ))"
send --smtp-url "$URL"
check "a second send before next_at does not retry" \
	expect_out "sent 0, failed 0, waiting 1"
check "... and leaves the row alone" \
	expect_eq "$(col 6 "attempts || ' ' || next_at")" "1 $next"
q "UPDATE outbox SET next_at = $((t0 - 1)) WHERE id = 6"
sink_up "$PORT" || sink_up
send --smtp-url "$URL"
check "after next_at, the sink up: delivered" \
	expect_out "sent 1, failed 0, waiting 0"
check "the retried mail arrived once" \
	received tono@example.go.id "Jadwal seleksi" $'Besok pukul 08.00.\n'
check "the retried row: sent, two attempts" \
	expect_eq "$(col 6 "(sent_at > 0) || ' ' || attempts")" "1 2"

# ---- usage ----

send
check "mail send: --smtp-url is required (exit 2)" \
	expect_eq "$RC $(grep -c 'smtp-url' "$T/err")" "2 1"
send --smtp-url "$URL" --from 'a@b
Bcc: c@d'
check "mail send: a bad --from is refused (exit 2)" \
	expect_eq "$RC $(grep -c 'is not an e-mail address' "$T/err")" "2 1"

# ---- the web application's mailer ----

SELTER_SMTP_URL=$URL SELTER_BASE_URL=https://seleksi.example.go.id \
    SELTER_MAIL_INTERVAL=1 "$selter" serve --db "$DB" \
    --port 0 --port-file "$T/web.port" --access-log "" \
    >"$T/serve.out" 2>"$T/serve.err" &
serve_pid=$!
for _ in $(seq 200); do
	[ -s "$T/web.port" ] && break
	sleep 0.1
done
queue wati@example.go.id "'Hasil seleksi administrasi'" $'Anda lulus.\n'
for _ in $(seq 100); do
	[ "$(col 7 sent_at)" != 0 ] && break
	sleep 0.1
done
check "serve with smtp_url: a mail queued while it runs is delivered" \
	received wati@example.go.id "Hasil seleksi administrasi" \
	$'Anda lulus.\n'
kill -TERM "$serve_pid"
wait "$serve_pid"
rc=$?
serve_pid=""
check "serve: SIGTERM still stops it with exit 0, the mailer first" \
	sh -c "[ $rc = 0 ] && grep -q '\"msg\":\"stopped\"' '$T/serve.err' ||
	    { echo exit $rc; cat '$T/serve.err'; exit 1; }"
check "serve: no sanitizer report" sh -c "! grep -E \
	'ERROR: (Address|Leak)Sanitizer|runtime error' '$T/serve.err'"
SELTER_SMTP_URL=$URL "$selter" serve --db "$DB" --port 0 >/dev/null \
    2>"$T/err"
RC=$?
check "serve: smtp_url without base_url is refused before it starts (exit 2)" \
	expect_eq "$RC $(grep -c 'base_url: required with smtp_url' "$T/err")" "2 1"
SELTER_SMTP_URL=$URL SELTER_BASE_URL=127.0.0.1:8080 "$selter" serve \
    --db "$DB" --port 0 >/dev/null 2>"$T/err"
RC=$?
check "serve: a base_url without http:// or https:// is refused (exit 2)" \
	expect_eq "$RC $(grep -c 'is not an http:// or https:// address' "$T/err")" "2 1"
SELTER_SMTP_URL=$URL SELTER_BASE_URL=https://seleksi.example.go.id \
    SELTER_SMTP_FROM=nobody "$selter" serve --db "$DB" \
    --port 0 >/dev/null 2>"$T/err"
RC=$?
check "serve: a bad smtp_from is refused before it starts (exit 2)" \
	expect_eq "$RC $(grep -c 'smtp_from: "nobody" is not' "$T/err")" "2 1"
echo "1..$n"
