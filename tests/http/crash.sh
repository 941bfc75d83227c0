#!/usr/bin/env bash
# kill -9 in the middle of submissions and registrations (issue 5 item 8):
# the store a restarted server finds must be whole.
#
# Each round makes applicants ready (registered, confirmed through the
# outbox's token, logged in, record stored), then sends their submissions
# and as many new registrations at once, each from its own curl, and kills
# the server with SIGKILL while they run: at once, when a quarter, half or
# three quarters of the submissions are stored, or half the registrations.  The server restarts
# on the same store, and the store must be consistent: integrity and
# foreign keys, the audit chain, one application_submit event and one
# receipt in the outbox for every application, registration numbers
# without gap or double, no half-made applicant, every answered request
# kept, and the numbering going on from there.
#
# usage: tests/http/crash.sh path/to/selter     Prints TAP, one line a check.
# Needs bash, curl, sqlite3 and GNU date.  Applicants are made ready by
# applicants.sh; crash_upload.sh kills the server during uploads.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/applicants.sh"
NSUB=20			# submissions and registrations a round
ROUNDS=5

# submit I: applies to vacancy 1; prints the status.
submit() {
	local J=$W/$1.jar
	code_of --data-urlencode "csrf=$(cat "$W/$1.tok")" \
	    "$BASE/pelamar/lowongan/1/daftar"
}

# ---- the store's consistency ----

apps() { sqr "SELECT count(*) FROM application"; }
regs() { sqr "SELECT count(*) FROM applicant"; }
one() {
	local got
	got=$(sqr "$1")
	[ "$got" = "$2" ] || diag "${3:-$1}: $got, want $2"
}
integrity_ok() {
	one "PRAGMA integrity_check" ok "integrity_check" &&
	    one "SELECT count(*) FROM pragma_foreign_key_check" 0 \
	    "foreign_key_check"
}
events_ok() {
	one "SELECT count(*) FROM event WHERE action = 'application_submit'" \
	    "$(apps)" "application_submit events" || return 1
	one "SELECT count(*) FROM application x WHERE (SELECT count(*) FROM
	    event e WHERE e.action = 'application_submit' AND
	    json_extract(e.after, '$.reg_no') = x.reg_no) != 1" 0 \
	    "applications without exactly one event"
}
receipts_ok() {
	one "SELECT count(*) FROM outbox WHERE subject =
	    'Tanda terima lamaran seleksi terbuka'" "$(apps)" "receipts" ||
	    return 1
	one "SELECT count(*) FROM application x JOIN account a ON
	    a.id = x.account_id WHERE (SELECT count(*) FROM outbox o WHERE
	    o.to_addr = a.email AND o.body LIKE
	    '%nomor pendaftaran ' || x.reg_no || '.%') != 1" 0 \
	    "applications without exactly one receipt to their applicant"
}
numbers_ok() {
	local n
	n=$(apps)
	sqr "SELECT reg_no FROM application ORDER BY reg_no" >"$T/got.no"
	for i in $(seq "$n"); do
		printf 'DEMAK-%s-1-%04d\n' "$YEAR" "$i"
	done >"$T/want.no"
	cmp -s "$T/got.no" "$T/want.no" ||
	    diag "$(diff "$T/want.no" "$T/got.no" | head -n 8)"
}
whole_ok() {
	one "SELECT count(*) FROM application WHERE state != 'submitted' OR
	    reg_no = '' OR submitted_at = '' OR record = '' OR verdict = '' OR
	    NOT json_valid(rules) OR json_array_length(rules) < 10" 0 \
	    "half-written applications"
}
applicants_ok() {
	local n
	# The demo's own pelamar (account 10) is seeded, not registered.
	n=$(sqr "SELECT count(*) FROM applicant WHERE account_id > 10")
	one "SELECT count(*) FROM account WHERE id > 10 AND id NOT IN
	    (SELECT account_id FROM applicant)" 0 "accounts without applicant" &&
	    one "SELECT count(*) FROM event WHERE action = 'applicant_register'" \
	    "$n" "applicant_register events" &&
	    one "SELECT count(*) FROM outbox WHERE subject LIKE 'Konfirmasi%'" \
	    "$n" "confirmation mails"
}
# answered_ok LOG: every request answered before the kill is kept.
answered_ok() {
	local kind i code bad=0
	while read -r kind i code; do
		case $kind:$code in
		apply:303)
			[ "$(sqr "SELECT count(*) FROM application JOIN applicant
			    USING (account_id) WHERE nip = '$(nip_of "$i")'")" = 1 ] ||
			    { diag "submission $i answered 303, not stored"; bad=1; } ;;
		register:200)
			[ "$(sqr "SELECT count(*) FROM applicant
			    WHERE nip = '$(nip_of "$i")'")" = 1 ] ||
			    { diag "registration $i answered 200, not stored"; bad=1; } ;;
		esac
	done <"$1"
	return $bad
}

# ---- the rounds ----

if ! serve --demo; then
	echo "1..1"
	notok "selter serve starts" "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo listens on a random loopback port"
YEAR=$(sqr "SELECT substr(ann_open, 1, 4) FROM selection WHERE id = 1")

for r in $(seq "$ROUNDS"); do
	first=$((r * 100 + 1))
	last=$((first + NSUB))		# the last one is held back
	ready_all "$first" "$last"
	nready=$(find "$W" -name "${r}[0-9][0-9].tok" | wc -l)
	check "round $r: $((NSUB + 1)) applicants ready (registered, confirmed, record)" \
	    all "[ $nready = $((NSUB + 1)) ] || diag \"$nready ready: \$(cat $W/*.err 2>/dev/null)\""

	# The storm: every submission and registration at once.
	abase=$(apps)
	rbase=$(regs)
	log=$W/storm$r
	: >"$log"
	pids=()
	for i in $(seq "$first" $((last - 1))); do
		{ echo "apply $i $(submit "$i")" >>"$log"; } &
		pids+=($!)
		{ j=$((i + 50)); echo "register $j $(register "$j")" >>"$log"; } &
		pids+=($!)
	done
	# When to kill: at once, after a quarter, half, three quarters of
	# the submissions, or half the registrations.
	case $r in
	1) what="at once"; stored() { echo 1; } ;;
	2 | 3 | 4) want=$(((r - 1) * NSUB / 4))
		what="after $want of $NSUB submissions stored"
		stored() { [ "$(($(apps) - abase))" -ge "$want" ] && echo 1; } ;;
	*) want=$((NSUB / 2))
		what="after $want of $NSUB registrations stored"
		stored() { [ "$(($(regs) - rbase))" -ge "$want" ] && echo 1; } ;;
	esac
	for _ in $(seq 1000); do
		[ -n "$(stored)" ] && break
		sleep 0.01
	done
	kill -KILL "$pid"
	{ wait "$pid"; } 2>/dev/null
	st=$?
	pid=""
	wait "${pids[@]}"
	note=$(awk '$3 == "000" { u++ } $1 == "apply" && $3 == 303 { a++ }
	    $1 == "register" && $3 == 200 { g++ }
	    END { printf "%d submissions and %d registrations answered, %d cut off", a, g, u }' "$log")
	check "round $r: kill -9 $what ($note)" \
	    all "[ $st = 137 ] || diag 'exit status $st, not SIGKILL'"

	if ! serve; then
		notok "round $r: selter serve restarts on the store" \
		    "$(tail -n 20 "$T/server.err")"
		break
	fi
	ok "round $r: selter serve restarts on the same store"
	get - /sehat
	check "round $r: it answers (GET /sehat: 200)" status_is 200
	check "round $r: PRAGMA integrity_check ok, no foreign key broken" \
	    integrity_ok
	check "round $r: selter audit verify: ok" audit_ok
	check "round $r: one application_submit event per application" events_ok
	check "round $r: one receipt in the outbox per application" receipts_ok
	check "round $r: registration numbers 0001 to $(apps), no gap, none twice" \
	    numbers_ok
	check "round $r: no half-written application" whole_ok
	check "round $r: every account made has its applicant, event and mail" \
	    applicants_ok
	check "round $r: every request answered before the kill is kept" \
	    answered_ok "$log"
	n0=$(apps)
	J=$W/$last.jar
	code=$(submit "$last")
	check "round $r: then a submission gets the next number (303, $(printf %04d $((n0 + 1))))" \
	    all "[ $code = 303 ] || diag 'status $code'" \
	    "[ \"\$(sqr \"SELECT reg_no FROM application ORDER BY id DESC LIMIT 1\")\" = \
	    \"\$(printf 'DEMAK-%s-1-%04d' $YEAR $((n0 + 1)))\" ]" \
	    'receipts_ok' 'events_ok'
done

if [ -n "$pid" ]; then
	unserve
	check "SIGTERM: the server exits 0" test "$rc" = 0
fi
check "no sanitizer report from the server" sanitizer_quiet
echo "1..$n"
