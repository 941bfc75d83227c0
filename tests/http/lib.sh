# shellcheck shell=bash
# lib.sh - what the HTTP tests stand on (sourced, never run): TAP output,
# curl with a cookie jar per visitor, form tokens, the store dumped around
# a refused request, the security headers of a response, and the server
# started and stopped.
#
# The sourcing script passes the selter program as $1; T is its scratch
# directory, DB its store, removed on exit with the server stopped (kept
# when KEEP is set, for a look at the responses in T/r).
set -u
selter=$(realpath "$1")
T=$(mktemp -d)
DB=$T/selter.db
PW=demo-selter
# The demo without its past selection (demo_past.c), so that the ids the
# tests make stay those of the first two; tests/http/demo.sh serves it.
export SELTER_DEMO_HISTORY=${SELTER_DEMO_HISTORY:-false}
pid=""
mkdir -p "$T/r" "$T/jar"

cleanup() {
	if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
		kill -TERM "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	fi
	if [ -n "${KEEP:-}" ]; then echo "# kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT

# ---- TAP ----

n=0
DIAG=""
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	[ -n "${2:-}" ] && printf '%s\n' "$2" | head -c 4000 | sed 's/^/# /'
	return 0
}
# check NAME CMD...: one TAP line; CMD explains a failure in DIAG.
check() {
	local name=$1
	shift
	DIAG=""
	if "$@"; then ok "$name"; else notok "$name" "$DIAG"; fi
}
# diag TEXT: add to the explanation of the check being made; fails.
diag() { DIAG+="$1"$'\n'; return 1; }

# ---- HTTP ----

# http CURL-ARGS... URL: one request.  Sets code, H (headers file) and
# BODY (body file); every response is kept for the header checks.
nreq=0
http() {
	nreq=$((nreq + 1))
	H=$T/r/$nreq.h
	BODY=$T/r/$nreq.b
	code=$(curl -sS --max-time "${HTTP_TIMEOUT:-30}" -o "$BODY" -D "$H" -w '%{http_code}' \
	    "$@" 2>>"$T/curl.err") || code=000
	printf '%s %s %s\n' "$nreq" "$code" "${*: -1}" >>"$T/r/index"
}
# hdr FILE NAME: the values of a response header (the last block only).
hdr() {
	tr -d '\r' <"$1" | awk -v n="$(echo "$2" | tr A-Z a-z)" '
		/^HTTP\// { delete v; k = 0 }
		{ i = index($0, ":"); if (i == 0) next
		  if (tolower(substr($0, 1, i - 1)) == n) {
			s = substr($0, i + 1); sub(/^[ \t]+/, "", s); v[k++] = s } }
		END { for (j = 0; j < k; j++) print v[j] }'
}
jar() { echo "$T/jar/$1"; }
# as WHO: the cookie options of a visitor ("-": nobody, no cookies).
as() {
	if [ "$1" = - ]; then CK=(); else CK=(-b "$(jar "$1")" -c "$(jar "$1")"); fi
}
# get WHO URL [CURL-ARGS...]: a request as WHO (any method, any body).
get() {
	local who=$1 url=$2
	shift 2
	as "$who"
	http "${CK[@]}" "$@" "$BASE$url"
}
form_token() { grep -o 'name="csrf" value="[^"]*"' "$1" | head -n 1 |
	sed 's/.*value="//; s/"$//'; }
# csrf_of WHO [URL]: the form token a page gives this visitor, in CSRF.
# (Never in $(...): a request made in a subshell would lose its count.)
csrf_of() {
	get "$1" "${2:-/dasbor}"
	CSRF=$(form_token "$BODY")
}
# login WHO [PASSWORD [LOGIN [SOURCE-ADDRESS]]]: a fresh session in WHO's
# cookie jar (LOGIN defaults to WHO).  Sets code like http.
login() {
	local who=$1 pw=${2:-$PW} name=${3:-$1} src=${4:-}
	local ifc=() tok
	[ -n "$src" ] && ifc=(--interface "$src")
	rm -f "$(jar "$who")"
	get "$who" /masuk "${ifc[@]}"
	tok=$(form_token "$BODY")
	get "$who" /masuk "${ifc[@]}" --data-urlencode "csrf=$tok" \
	    --data-urlencode "login=$name" --data-urlencode "password=$pw"
	if [ "$code" = 303 ]; then
		local c=$code h=$H b=$BODY
		csrf_of "$who"
		TOK[$who]=$CSRF
		code=$c H=$h BODY=$b
	fi
	return 0
}
declare -A TOK
# post_tok WHO TOKEN URL [name=value...]: a form with this token ("" for
# none), every value URL-encoded.
post_tok() {
	local who=$1 tok=$2 url=$3 a=()
	shift 3
	[ -n "$tok" ] && a+=(--data-urlencode "csrf=$tok")
	for kv in "$@"; do a+=(--data-urlencode "$kv"); done
	[ ${#a[@]} -eq 0 ] && a=(-d '')
	get "$who" "$url" "${a[@]}"
}
# post WHO URL [name=value...]: a form with WHO's own valid token.
# postf WHO URL FILE KEY=VALUE...: a multipart form with its token and
# FILE as its `letter` (a PDF; "-": none), as the letters' forms send.
postf() {
	local who=$1 url=$2 file=$3 a=()
	shift 3
	a+=(--form-string "csrf=${TOK[$who]:-}")
	for kv in "$@"; do a+=(--form-string "$kv"); done
	[ "$file" != - ] && a+=(-F "letter=@$file;type=application/pdf")
	get "$who" "$url" "${a[@]}"
}

post() {
	local who=$1 tok=""
	shift
	if [ "$who" != - ]; then tok=${TOK[$who]:-}; fi
	post_tok "$who" "$tok" "$@"
}

# ---- the store ----

dump_db() { sqlite3 "$DB" .dump; }
sq() { sqlite3 "$DB" "$1"; }
q() { printf "'%s'" "${1//\'/\'\'}"; }	# an SQL string literal

# refused NAME STATUS MESSAGE REQUEST...: the request is answered STATUS
# with MESSAGE (a fixed string) in the page, and the store is unchanged.
refused() {
	local name=$1 want=$2 msg=$3
	shift 3
	dump_db >"$T/before"
	"$@"
	dump_db >"$T/after"
	check "$name" refusal_ok "$want" "$msg"
}
refusal_ok() {
	local bad=0
	if [ "$code" != "$1" ]; then
		diag "status $code, want $1 ($(hdr "$H" Location))"; bad=1
	fi
	if [ -n "$2" ] && ! grep -qF -- "$2" "$BODY"; then
		diag "the page does not say: $2"
		diag "$(grep -o 'class="msg[^<]*' "$BODY" | head -n 3)"; bad=1
	fi
	if ! cmp -s "$T/before" "$T/after"; then
		diag "the store changed:"
		diag "$(diff "$T/before" "$T/after" | head -n 8)"; bad=1
	fi
	return $bad
}
# status_is WANT [LOCATION]: the last response.
status_is() {
	[ "$code" = "$1" ] || diag "status $code, want $1"
	[ "$code" = "$1" ] || return 1
	if [ -n "${2:-}" ]; then
		local loc
		loc=$(hdr "$H" Location)
		[ "${loc#"$BASE"}" = "$2" ] || diag "Location \"$loc\", want $2"
		[ "${loc#"$BASE"}" = "$2" ] || return 1
	fi
	return 0
}
body_has() { grep -qF -- "$1" "$BODY" || diag "the page does not hold: $1"; }
body_lacks() { ! grep -qF -- "$1" "$BODY" || diag "the page holds: $1"; }
all() { local r=0; for c in "$@"; do eval "$c" || r=1; done; return $r; }

# ---- the security headers of one response ----

sec_ok() {
	local f=$1 csp ct bad=0
	csp=$(hdr "$f" Content-Security-Policy)
	ct=$(hdr "$f" Content-Type)
	[ -n "$csp" ] || { diag "$f: no Content-Security-Policy"; bad=1; }
	case "$csp" in *unsafe-inline* | *unsafe-eval*)
		diag "$f: CSP allows unsafe code: $csp"; bad=1 ;; esac
	if echo "$csp" | grep -qi 'script-src' &&
	    ! echo "$csp" | grep -qi "script-src 'none'"; then
		diag "$f: CSP allows scripts: $csp"; bad=1
	fi
	echo "$csp" | grep -q "default-src 'none'" ||
	    { diag "$f: CSP without default-src 'none'"; bad=1; }
	echo "$csp" | grep -q "frame-ancestors 'none'" ||
	    { diag "$f: CSP without frame-ancestors 'none'"; bad=1; }
	[ "$(hdr "$f" X-Content-Type-Options)" = nosniff ] ||
	    { diag "$f: no X-Content-Type-Options: nosniff"; bad=1; }
	[ -n "$(hdr "$f" Referrer-Policy)" ] ||
	    { diag "$f: no Referrer-Policy"; bad=1; }
	[ -n "$ct" ] || { diag "$f: no Content-Type"; bad=1; }
	case "$ct" in text/html*)
		echo "$ct" | grep -qi 'charset=utf-8' ||
		    { diag "$f: Content-Type \"$ct\""; bad=1; } ;; esac
	if hdr "$f" Server | grep -q '[0-9]'; then
		diag "$f: Server header with a version"; bad=1
	fi
	return $bad
}
# The first response of each status, for one check per status.
declare -A FIRST
seen_statuses() {
	while read -r i c _; do
		[ -z "${FIRST[$c]:-}" ] && FIRST[$c]=$i
	done <"$T/r/index"
}
all_responses_ok() {
	local bad=0 total=0
	while read -r i c url; do
		[ "$c" = 000 ] && continue
		total=$((total + 1))
		sec_ok "$T/r/$i.h" >/dev/null || { diag "response $i ($c $url)"; bad=1; }
	done <"$T/r/index"
	[ "$total" -gt 50 ] || diag "only $total responses"
	[ "$total" -gt 50 ] || return 1
	return $bad
}
# ---- the server ----

# serve [ARGS...]: starts `selter serve` on DB on a random loopback port
# with ARGS added; sets pid and BASE.  Its standard error is appended to
# T/server.err across restarts.  Returns 1 when it does not listen.  The
# suites register, reset and complain many times from the loopback: the
# per-address limits are off (0) unless SELTER_REGISTER_PER_IP,
# SELTER_RESET_PER_IP or SELTER_COMPLAINT_PER_IP is set.
serve() {
	rm -f "$T/port"
	SELTER_ARGON_MEM_KIB=8192 \
	    SELTER_REGISTER_PER_IP=${SELTER_REGISTER_PER_IP:-0} \
	    SELTER_RESET_PER_IP=${SELTER_RESET_PER_IP:-0} \
	    SELTER_COMPLAINT_PER_IP=${SELTER_COMPLAINT_PER_IP:-0} \
	    "$selter" serve --port 0 \
	    --port-file "$T/port" --db "$DB" --access-log "$T/access.log" \
	    "$@" >>"$T/server.out" 2>>"$T/server.err" &
	pid=$!
	for _ in $(seq 300); do
		[ -s "$T/port" ] && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	[ -s "$T/port" ] || return 1
	BASE=http://127.0.0.1:$(cat "$T/port")
	return 0
}
# unserve: SIGTERM and wait (5 seconds at most, then SIGKILL); sets rc to
# the exit status, 999 when it had to be killed.
unserve() {
	kill -TERM "$pid" 2>/dev/null
	for _ in $(seq 100); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.05
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -KILL "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		rc=999
	else
		wait "$pid"
		rc=$?
	fi
	pid=""
}
# sanitizer_quiet: no AddressSanitizer, LeakSanitizer or UBSan report in
# the server's standard error so far.
sanitizer_quiet() {
	! grep -q "ERROR: AddressSanitizer\|ERROR: LeakSanitizer\|runtime error\|WARNING: ThreadSanitizer" \
	    "$T/server.err" || diag "$(grep -m 5 -A 5 'Sanitizer\|runtime error' "$T/server.err")"
}
# audit_ok: `selter audit verify` on DB says the chain is intact.
audit_ok() {
	local rc=0
	"$selter" audit verify --db "$DB" >"$T/v.out" 2>"$T/v.err" || rc=$?
	[ $rc = 0 ] || { diag "exit $rc"; return 1; }
	grep -q "^ok: [0-9]* events, chain intact" "$T/v.out" ||
	    diag "$(cat "$T/v.out" "$T/v.err")"
}
