#!/usr/bin/env bash
# Nothing published changes (issue 10 item 3), against `selter serve
# --demo` on a store of its own.
#
# Every staff page of every role is read, and every POST form on it is
# submitted as that person would fill it (tests/http/forms.py: each field
# keeps its value, an empty one gets a date or a sentence, every box
# ticked): first while registration is open, then after a restart past the
# closing date, when closing, extending and the administrative result are
# open too.  Before and after each round, every published document of
# every public page (<article class="pub">) is compared byte for byte:
# each must be unchanged; the only new ones allowed are addenda
# (pengumuman perubahan).  Some forms succeed (the oversight body's
# recommendation, an extension): the point is that they do not reach what
# was published.
#
# usage: tests/http/frozen.sh path/to/selter     Prints TAP.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STAFF=(sekretariat ketua anggota asesor narasumber pyb ppk pengawas admin)

# articles DIR: each published document of the public pages, one file per
# page and publication id ("seleksi-1_7.pub"), in DIR.
articles() {
	local dir=$1 url key
	rm -rf "$dir"
	mkdir -p "$dir"
	for url in / /seleksi/1 /seleksi/2 /seleksi/1/hasil-administrasi \
	    /seleksi/2/hasil-administrasi /seleksi/1/pendaftar; do
		get - "$url"
		[ "$code" = 200 ] || continue
		key=$(echo "${url#/}" | tr / -)
		perl -0777 -ne 'while (/<article class="(pub[^"]*)" id="pub-(\d+)">(.*?)<\/article>/sg) {
			open(my $f, ">", "'"$dir/$key"'_$2.$1") or die; print $f $3; close $f }' "$BODY"
	done
}

# unchanged BEFORE AFTER: every document of BEFORE is in AFTER as it was;
# AFTER's new ones on a page that had one already are addenda (a page
# published for the first time, such as a result, may appear).
unchanged() {
	local f b bad=0
	for f in "$1"/*; do
		[ -e "$f" ] || continue
		b=$(basename "$f")
		if ! cmp -s "$f" "$2/$b"; then
			diag "publication $b changed or vanished"
			diag "$(diff "$f" "$2/$b" 2>&1 | head -n 6)"
			bad=1
		fi
	done
	for f in "$2"/*; do
		[ -e "$f" ] || continue
		b=$(basename "$f")
		if [ ! -e "$1/$b" ] && [[ "$b" != *"pub addendum" ]] &&
		    ls "$1/${b%%_*}"_* >/dev/null 2>&1; then
			diag "a new publication that is not an addendum: $b"
			bad=1
		fi
	done
	return $bad
}

# submit_all TODAY LATER: every form of every staff page, as each role;
# and the preparation forms that selection 2 (unpublished) still offers,
# sent to selection 1 too, so that the forms a published selection no
# longer shows are tried against it all the same.
submit_all() {
	local who page line action kv fields url sent=0 okd=0 id
	: >"$T/forms.log"
	for who in "${STAFF[@]}"; do
		for page in /dasbor /admin /kelola/1 /kelola/1/alur \
		    /kelola/1/lowongan /kelola/1/rencana /kelola/1/pengawas \
		    /kelola/1/panitia /kelola/1/pengumuman /kelola/2/lowongan \
		    /kelola/2/rencana /kelola/2/pengawas /kelola/2/panitia \
		    /kelola/2/pengumuman \
		    /kelola/1/administrasi /kelola/1/dokumen /kelola/1/pengaduan \
		    /kelola/1/jejak /kelola/2 /kelola/2/alur /kelola/2/dokumen $(for id in \
		    $(sq "SELECT id FROM application"); do
			echo "/kelola/1/lamaran/$id"; done); do
			get "$who" "$page"
			[ "$code" = 200 ] || continue
			cp "$BODY" "$T/page.html"
			python3 "$HERE/forms.py" "$T/page.html" "$1" "$2" \
			    >"$T/forms" || return 1
			if [[ "$page" == /kelola/2* ]]; then
				sed 's|^/kelola/2/|/kelola/1/|' "$T/forms" \
				    >"$T/forms.1"
				cat "$T/forms.1" >>"$T/forms"
			fi
			while IFS= read -r line; do
				action=${line%%$'\t'*}
				fields=()
				if [ "$line" != "$action" ]; then
					IFS=$'\t' read -r -a fields <<<"${line#*$'\t'}"
				fi
				url=$action
				[[ "$url" == /* ]] || continue
				# The grant forms would lock the roles out of
				# the rest of the round: last, and only once.
				[[ "$url" == /admin/peran/*/cabut ]] && continue
				args=()
				for kv in "${fields[@]}"; do
					args+=(--data-urlencode "$kv")
				done
				get "$who" "$url" "${args[@]}"
				sent=$((sent + 1))
				case $code in 2*|3*) okd=$((okd + 1)) ;; esac
				printf '%s %s %s\n' "$who" "$code" "$url" \
				    >>"$T/forms.log"
			done <"$T/forms"
		done
	done
	SENT=$sent ACCEPTED=$okd
}

if ! serve --demo; then
	notok "selter serve --demo starts" "$(cat "$T/server.err")"
	echo "1..$n"
	exit 1
fi
ok "selter serve --demo starts on a store of its own"
for u in "${STAFF[@]}"; do
	login "$u"
	check "login $u: 303" status_is 303 /dasbor
done

articles "$T/pub0"
check "the published announcement is an article of its own" \
    test "$(ls "$T/pub0" | wc -l)" -ge 1
TODAY=$(sq "SELECT ann_open FROM selection WHERE id = 1")
LATER=$(date -u -d "$TODAY + 40 days" +%F)
REC0=$(sq "SELECT rec_ref FROM selection WHERE id = 1")

# ---- 1. registration open ----

submit_all "$TODAY" "$LATER"
check "round 1: every form of every staff page submitted ($SENT, $ACCEPTED accepted)" \
    test "$SENT" -ge 25
check "  ... the recommendation the announcement was published with stays" \
    test "$(sq "SELECT rec_ref FROM selection WHERE id = 1")" = "$REC0"
check "  ... its forms were tried and refused" \
    grep -q "^pengawas 409 /kelola/1/rekomendasi" "$T/forms.log"
articles "$T/pub1"
check "  ... every published document is unchanged, byte for byte" \
    unchanged "$T/pub0" "$T/pub1"
get - /seleksi/1
check "  ... the announcement still names the recommendation it was published with" \
    body_has "rekomendasi nomor $REC0"
audit_trail_ok() { audit_ok; }
check "  ... the audit trail is intact" audit_trail_ok

# ---- 2. after the closing date ----

unserve
CLOSE=$(sq "SELECT ann_close FROM selection WHERE id = 1")
AFTER=${CLOSE}T17:00:00Z
if ! serve --now "$AFTER"; then
	notok "selter serve restarts with --now $AFTER" "$(tail -n 5 "$T/server.err")"
	echo "1..$n"
	exit 1
fi
ok "selter serve restarts with --now $AFTER (00:00 WIB, the day after closing)"
for u in "${STAFF[@]}"; do login "$u"; done
articles "$T/pub2"
check "after the restart, every published document is as it was" \
    unchanged "$T/pub1" "$T/pub2"
LATER=$(date -u -d "$CLOSE + 40 days" +%F)
submit_all "$CLOSE" "$LATER"
check "round 2: every form of every staff page submitted ($SENT, $ACCEPTED accepted)" \
    test "$SENT" -ge 25
check "  ... registration was closed by the secretariat's act" \
    test "$(sq "SELECT count(*) FROM event WHERE action = 'registration_close'")" -ge 1
articles "$T/pub3"
check "  ... every document published before is unchanged, byte for byte" \
    unchanged "$T/pub2" "$T/pub3"
check "  ... an extension came as an addendum beside the announcement" \
    test "$(ls "$T/pub3" | grep -c addendum)" = \
    "$(sq "SELECT count(*) FROM publication WHERE kind = 'addendum'")"
get - /seleksi/1
check "  ... the public page shows the announcement, then each addendum" all \
    'status_is 200' \
    "[ \"\$(sq \"SELECT count(*) FROM event WHERE action = 'announcement_extend'\")\" = \"\$(grep -c 'Pengumuman perubahan' \"\$BODY\")\" ]"
check "  ... the store refuses to change a publication" \
    bash -c "! sqlite3 '$DB' \"UPDATE publication SET body = 'x' WHERE id = 1\" 2>/dev/null"
check "  ... or to delete one" \
    bash -c "! sqlite3 '$DB' 'DELETE FROM publication' 2>/dev/null"
check "no sanitizer report from the server" sanitizer_quiet
check "the audit trail is intact" audit_trail_ok
unserve
check "SIGTERM: the server exits 0" test "$rc" = 0
echo "1..$n"
