# shellcheck shell=bash
# applicants.sh - applicants made ready over HTTP, many at once, for the
# crash tests (sourced after lib.sh, never run): applicant I has the NIP
# ending in I (3 digits), the e-mail pI@example.org, a Demak PNS record,
# and a cookie jar, a form token and perhaps an error in W/I.*.
W=$T/w			# one cookie jar, token and answer per worker
mkdir -p "$W"
APW=rahasia-pelamar-1

# ---- one applicant, by number (NIP digits 16-18) ----

nip_of() { printf '197407072000032%03d' "$1"; }
record_of() {
	printf '{"nip": "%s", "name": "Pelamar %d", "birth_date": "1974-07-07", "employment": "pns", "agency": {"name": "Pemerintah Kabupaten Demak", "kind": "regency", "province": "Jawa Tengah"}, "grade": "IV/a", "education": [{"level": "S2", "major": "Kesehatan"}], "posts": [{"title": "Sekretaris Dinas", "kind": "structural", "echelon": "III.a", "fields": ["kesehatan"], "start": "2015-01-02", "end": null}]}' \
	    "$(nip_of "$1")" "$1"
}
# c CURL-ARGS...: a request with applicant I's cookie jar ($J).
c() { curl -sS --max-time 30 -b "$J" -c "$J" "$@" 2>/dev/null; }
code_of() { c -o /dev/null -w '%{http_code}' "$@"; }
token_in() { grep -o 'name="csrf" value="[^"]*"' | head -n 1 |
	sed 's/.*value="//; s/"$//'; }
sqr() { sqlite3 -cmd '.timeout 10000' "$DB" "$1"; }

# register I: the form of /daftar, as a browser sends it; prints the
# status.
register() {
	local J=$W/$1.jar t
	t=$(c "$BASE/daftar" | token_in)
	code_of --data-urlencode "csrf=$t" --data-urlencode "nip=$(nip_of "$1")" \
	    --data-urlencode "name=Pelamar $1" \
	    --data-urlencode birth_date=1974-07-07 --data-urlencode tmt=2000-03 \
	    --data-urlencode "email=p$1@example.org" \
	    --data-urlencode "pw1=$APW" --data-urlencode "pw2=$APW" "$BASE/daftar"
}
# ready I: registered, confirmed, logged in, record stored; the form
# token is left in W/I.tok.  Anything else is written to W/I.err.
ready() {
	local J=$W/$1.jar t code
	code=$(register "$1")
	[ "$code" = 200 ] || { echo "register: $code" >"$W/$1.err"; return; }
	t=$(sqr "SELECT body FROM outbox WHERE to_addr = 'p$1@example.org'" |
	    grep -o '?t=[A-Za-z0-9_-]*' | cut -c 4-)
	code=$(code_of "$BASE/konfirmasi?t=$t")
	[ "$code" = 200 ] || { echo "confirm: $code" >"$W/$1.err"; return; }
	t=$(c "$BASE/masuk" | token_in)
	code=$(code_of --data-urlencode "csrf=$t" \
	    --data-urlencode "login=$(nip_of "$1")" \
	    --data-urlencode "password=$APW" "$BASE/masuk")
	[ "$code" = 303 ] || { echo "login: $code" >"$W/$1.err"; return; }
	t=$(c "$BASE/pelamar" | token_in)
	code=$(code_of --data-urlencode "csrf=$t" \
	    --data-urlencode "record=$(record_of "$1")" "$BASE/pelamar/data")
	[ "$code" = 303 ] || { echo "record: $code" >"$W/$1.err"; return; }
	echo "$t" >"$W/$1.tok"
}
# ready_all FIRST LAST: ready FIRST..LAST, 8 at a time.
ready_all() {
	local pids=() i
	for i in $(seq "$1" "$2"); do
		ready "$i" &
		pids+=($!)
		if [ ${#pids[@]} -ge 8 ]; then wait "${pids[@]}"; pids=(); fi
	done
	[ ${#pids[@]} -gt 0 ] && wait "${pids[@]}"
	return 0
}
