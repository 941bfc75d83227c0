#!/usr/bin/env bash
# kill -9 in the middle of document uploads (issue 5 item 8): whatever
# moment the server dies, a restarted server finds every document whole
# or not at all, and the applicants carry on.
#
# Each round makes 8 applicants ready (applicants.sh: registered,
# confirmed, logged in, record stored) or takes those of an earlier
# round, and sends, each from its own curl, two documents per applicant:
# the integrity pact as a one-page PDF and the recommendation as a JPEG
# (the demo selection's own limit for it, PDF or JPEG up to 2 MB, is set
# in the store as the secretariat would have before publishing), each a
# real file of 0.5 to 2 MB with random content, so every SHA-256 differs.
# Some are slowed down (curl --limit-rate) so that the kill lands in the
# middle of their bodies.  The server gets SIGKILL: 1. as soon as the
# first body arrives; 2. when half the bodies are half sent; 3. when a
# quarter of the uploads are stored; then replacements of documents
# already current: 4. when a quarter of them are stored, 5. as the first
# one is stored.  It restarts on the same store and files_dir, and:
#  - PRAGMA integrity_check and foreign_key_check, `selter audit verify`;
#  - every document row's file is in the content-addressed store with the
#    row's size and SHA-256, and the row's content is exactly a file a
#    client sent for that applicant and item (a row for an upload that
#    got no answer is allowed only so: whole or nothing, never a torn
#    file); every upload answered 303 has its row (never lost); every
#    answer is 303 or none;
#  - one audit event (document_upload, document_replace) per row, with
#    its item and SHA-256; one current row per applicant and item, each
#    row replacing the one before it;
#  - the temporary files the kill left are removed at start (and logged);
#    files_dir holds only files named by their hash (a file no row names,
#    renamed before the kill and not committed, is counted: harmless);
#  - after a replacement cut short the item shows the old document or the
#    new one, whole (its row, its download, the checklist's link);
#  - every upload cut off is sent again and stored (303, current, whole).
# (docs.sh stops the server gracefully, SIGTERM, in the middle of a slow
# upload; crash.sh kills it during submissions and registrations.)
#
# usage: tests/http/crash_upload.sh path/to/selter   Prints TAP, one line
# a check.  Needs bash, curl, sqlite3, sha256sum, base64 and GNU date.
HTTP_TIMEOUT=60
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/applicants.sh"
FILES=$DB.files
NAPP=8			# applicants a round, two uploads each
SLOW=192k		# the rate of a slowed upload (bytes a second)
mkdir -p "$T/f"

# ---- real documents, each one different ----

# An 8x8 grey baseline JPEG (libjpeg, quality 75), 322 bytes.
base64 -d >"$T/tiny.jpg" <<'EOF'
/9j/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAx
NDQ0Hyc5PTgyPC4zNDL/wAALCAAIAAgBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcI
CQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAk
M2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqD
hIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl
5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/AM/wd4O/1f7v9K//2Q==
EOF
# mkjpeg FILE BYTES: that JPEG with comment segments (COM, 64 KiB at most
# each) of random bytes after its start: a decoder skips them.
mkjpeg() {
	local left=$(($2 - 322)) p
	{
		printf '\377\330'
		while [ "$left" -ge 5 ]; do
			p=$((left - 4 > 65533 ? 65533 : left - 4))
			printf "\\377\\376\\$(printf %03o $(((p + 2) >> 8)))\\$(printf %03o $(((p + 2) & 255)))"
			head -c "$p" /dev/urandom
			left=$((left - p - 4))
		done
		tail -c +3 "$T/tiny.jpg"
	} >"$1"
}
# mkpdf FILE BYTES: a one-page PDF 1.4 showing a grey image of noise
# (uncompressed, 1000 pixels wide), with its cross-reference table.
mkpdf() {
	local w=1000 h=$(($2 / 1000)) o=() s=() x c i
	c='q 595 0 0 842 0 0 cm /Im1 Do Q'
	s[0]=$'%PDF-1.4\n%selter\n'
	s[1]=$'1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'
	s[2]=$'2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'
	s[3]=$'3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>\nendobj\n'
	s[4]="4 0 obj"$'\n'"<< /Type /XObject /Subtype /Image /Width $w /Height $h /ColorSpace /DeviceGray /BitsPerComponent 8 /Length $((w * h)) >>"$'\nstream\n'
	s[5]=$'\nendstream\nendobj\n'
	s[6]="5 0 obj"$'\n'"<< /Length ${#c} >>"$'\nstream\n'"$c"$'\nendstream\nendobj\n'
	o[1]=${#s[0]}
	o[2]=$((o[1] + ${#s[1]}))
	o[3]=$((o[2] + ${#s[2]}))
	o[4]=$((o[3] + ${#s[3]}))
	o[5]=$((o[4] + ${#s[4]} + w * h + ${#s[5]}))
	x=$((o[5] + ${#s[6]}))
	{
		printf '%s' "${s[0]}" "${s[1]}" "${s[2]}" "${s[3]}" "${s[4]}"
		head -c $((w * h)) /dev/urandom
		printf '%s' "${s[5]}" "${s[6]}"
		printf 'xref\n0 6\n0000000000 65535 f \n'
		for i in 1 2 3 4 5; do printf '%010d 00000 n \n' "${o[$i]}"; done
		printf 'trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' "$x"
	} >"$1"
}
sha() { sha256sum "$1" | cut -c 1-64; }

# ---- the uploads ----

# plan I ITEM RATE: makes applicant I's next document for ITEM (PDF for
# the pact, JPEG for the recommendation), notes it in W/sent (every file
# sent: "nip|item|sha256|size|mime") and in the round's W/plan.
plan() {
	local i=$1 item=$2 rate=$3 f=$T/f/$1-$2-$r mime ext
	local bytes=$((524288 + (RANDOM * 32768 + RANDOM) % 1475000))
	if [ "$item" = integrity_pact ]; then
		mkpdf "$f" "$bytes"; mime=application/pdf; ext=pdf
	else
		mkjpeg "$f" "$bytes"; mime=image/jpeg; ext=jpg
	fi
	mv "$f" "$f.$ext"
	f=$f.$ext
	echo "$(nip_of "$i")|$item|$(sha "$f")|$(stat -c %s "$f")|$mime" >>"$W/sent"
	echo "$i $item $(sha "$f") $rate $f" >>"$W/plan$r"
}
# send I ITEM SHA RATE FILE: the document form, multipart, with I's form
# token, the file declared with its true type; "-" for full speed.
# Appends "I ITEM SHA STATUS" to W/log (000: no answer).
send() {
	local lim=() code mime=application/pdf
	[ "$4" = - ] || lim=(--limit-rate "$4")
	[ "$2" = integrity_pact ] || mime=image/jpeg
	# The status seen, even when the connection broke after it.
	code=$(curl -sS --max-time 60 -o /dev/null -w '%{http_code}' \
	    -b "$W/$1.jar" "${lim[@]}" -F "csrf=$(cat "$W/$1.tok")" \
	    -F "item=$2" -F "file=@$5;filename=${5##*/};type=$mime" \
	    "$BASE/pelamar/dokumen" 2>/dev/null)
	case $code in 1??) code=000 ;; esac	# 100 Continue is no answer
	[ -n "$code" ] || code=000
	echo "$1 $2 $3 $code" >>"$W/log$r"
}
# storm: every upload of W/plan$r at once, each from its own curl.
storm() {
	cpids=()
	: >"$W/log$r"
	while read -r i item h rate f; do
		send "$i" "$item" "$h" "$rate" "$f" &
		cpids+=($!)
	done <"$W/plan$r"
}

# ---- the store's consistency ----

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
docs() { sqr "SELECT count(*) FROM document"; }
# files_ok [FROM]: every row (id > FROM) has its file, of its size and
# its SHA-256.
files_ok() {
	local id h size f bad=0
	while IFS='|' read -r id h size; do
		f=$FILES/${h:0:2}/${h:2}
		if [ ! -f "$f" ]; then
			diag "document $id: no file $f"; bad=1
		elif [ "$(stat -c %s "$f")" != "$size" ]; then
			diag "document $id: $(stat -c %s "$f") bytes, row says $size"; bad=1
		elif [ "$(sha "$f")" != "$h" ]; then
			diag "document $id: the file's SHA-256 is not its name"; bad=1
		fi
	done < <(sqr "SELECT id, sha256, size FROM document WHERE id > ${1:-0}")
	return $bad
}
# whole_ok: every row is a file a client sent whole for that applicant
# and item, with its size and type.
whole_ok() {
	local extra
	sqr "SELECT p.nip, d.item_id, d.sha256, d.size, d.mime FROM document d
	    JOIN applicant p USING (account_id)" | sort -u >"$T/rows"
	sort -u "$W/sent" >"$T/sent"
	extra=$(comm -23 "$T/rows" "$T/sent")
	[ -z "$extra" ] || diag "rows of no file sent: $extra"
}
# answered_ok LOG: every upload answered 303 has its row; every answer
# is 303 or none.
answered_ok() {
	local i item h code bad=0
	while read -r i item h code; do
		case $code in
		303)
			[ "$(sqr "SELECT count(*) FROM document JOIN applicant
			    USING (account_id) WHERE nip = '$(nip_of "$i")' AND
			    item_id = '$item' AND sha256 = '$h'")" -ge 1 ] ||
			    { diag "$i $item: answered 303, not stored"; bad=1; } ;;
		000) ;;
		*) diag "$i $item: answered $code"; bad=1 ;;
		esac
	done <"$1"
	return $bad
}
events_ok() {
	one "SELECT count(*) FROM event WHERE action IN ('document_upload',
	    'document_replace')" "$(docs)" "document events" || return 1
	one "SELECT count(*) FROM event WHERE action = 'document_replace'" \
	    "$(sqr "SELECT count(*) FROM document WHERE replaces IS NOT NULL")" \
	    "document_replace events" || return 1
	one "SELECT count(*) FROM document d WHERE (SELECT count(*) FROM event e
	    WHERE e.action IN ('document_upload', 'document_replace') AND
	    e.actor_id = d.account_id AND
	    json_extract(e.after, '$.item') = d.item_id AND
	    json_extract(e.after, '$.sha256') = d.sha256 AND
	    json_extract(e.after, '$.size') = CAST(d.size AS TEXT)) !=
	    (SELECT count(*) FROM document x WHERE x.account_id = d.account_id
	    AND x.item_id = d.item_id AND x.sha256 = d.sha256)" 0 \
	    "rows without their own event"
}
history_ok() {
	one "SELECT count(*) FROM (SELECT 1 FROM document GROUP BY account_id,
	    item_id HAVING sum(current) != 1)" 0 \
	    "items without exactly one current row" &&
	    one "SELECT count(*) FROM document d WHERE d.replaces IS NOT
	    (SELECT max(id) FROM document p WHERE p.account_id = d.account_id
	    AND p.item_id = d.item_id AND p.id < d.id)" 0 \
	    "rows not replacing the row before them" &&
	    one "SELECT count(*) FROM document d WHERE current = 1 AND EXISTS
	    (SELECT 1 FROM document n WHERE n.account_id = d.account_id AND
	    n.item_id = d.item_id AND n.id > d.id)" 0 "current rows not last"
}
files_ls() { (cd "$FILES" && find . -mindepth 1 | LC_ALL=C sort); }
temps() { find "$FILES" -maxdepth 1 -name '.upload-*' 2>/dev/null | wc -l; }
# swept_ok K: no temporary file is left; the K the kill left were
# removed at start, and the log says so.
swept_ok() {
	[ "$(temps)" = 0 ] || diag "$(temps) temporary files left"
	[ "$(temps)" = 0 ] || return 1
	[ "$1" = 0 ] || tail -c +$((E0 + 1)) "$T/server.err" |
	    grep -q "removed $1 temporary upload file" ||
	    diag "no log line: removed $1 temporary upload file(s)"
}
# shape_ok: files_dir holds files named by their hash, nothing else.
shape_ok() {
	local odd
	odd=$(files_ls | grep -vE '^\./[0-9a-f]{2}(/[0-9a-f]{62})?$')
	[ -z "$odd" ] || diag "$odd"
}
# silent LOG: uploads stored though their client got no answer.
silent() {
	local i item h code k=0
	while read -r i item h code; do
		[ "$code" = 000 ] && [ "$(sqr "SELECT count(*) FROM document
		    JOIN applicant USING (account_id) WHERE nip =
		    '$(nip_of "$i")' AND item_id = '$item' AND
		    sha256 = '$h'")" -ge 1 ] && k=$((k + 1))
	done <"$1"
	echo "$k"
}
orphans() {
	comm -23 <(files_ls | grep -E '^\./[0-9a-f]{2}/' | tr -d './' | sort) \
	    <(sqr "SELECT DISTINCT sha256 FROM document" | sort) | wc -l
}

# ---- a replacement: the old document or the new one, whole ----

# current I ITEM: "id sha256" of the current row.
current() {
	sqr "SELECT d.id || ' ' || d.sha256 FROM document d JOIN applicant
	    USING (account_id) WHERE nip = '$(nip_of "$1")' AND item_id = '$2'
	    AND current = 1"
}
# replaced_ok: for each replacement of this round (W/old$r: "I ITEM
# OLD-ID OLD-SHA"), the current row is the old one (not answered) or
# the new one replacing it; the download and the checklist agree.
replaced_ok() {
	local i item oid oh nh code cid ch rep link bad=0 J
	while read -r i item oid oh; do
		read -r _ _ nh code < <(grep "^$i $item " "$W/log$r")
		read -r cid ch < <(current "$i" "$item")
		if [ "$ch" = "$nh" ]; then
			rep=$(sqr "SELECT replaces FROM document WHERE id = $cid")
			[ "$rep" = "$oid" ] ||
			    { diag "$i $item: the new row replaces $rep, not $oid"; bad=1; }
		elif [ "$ch" = "$oh" ] && [ "$cid" = "$oid" ]; then
			[ "$code" != 303 ] ||
			    { diag "$i $item: answered 303, the old one current"; bad=1; }
		else
			diag "$i $item: current $cid $ch, neither old nor new"; bad=1
			continue
		fi
		J=$W/$i.jar
		c -o "$T/dl" "$BASE/dokumen/$cid"
		[ "$(sha "$T/dl")" = "$ch" ] ||
		    { diag "$i $item: /dokumen/$cid serves other content"; bad=1; }
		link=$(c "$BASE/pelamar/dokumen" | awk -v RS='<form' \
		    -v it="id=\"dok-$item\"" 'index($0, it)' |
		    grep -o 'Sudah diunggah: <a href="/dokumen/[0-9]*"' |
		    grep -o '[0-9]*')
		[ "$link" = "$cid" ] ||
		    { diag "$i $item: the checklist links \"$link\", not $cid"; bad=1; }
	done <"$W/old$r"
	return $bad
}

# ---- the rounds ----

if ! serve --demo; then
	echo "1..1"
	notok "selter serve starts" "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo listens on a random loopback port"
sqr "INSERT INTO doc_limit (selection_id, item_id, max_bytes, types)
    VALUES (1, 'recommendation', 2097152, 3)"
: >"$W/sent"

# round R FIRST WHAT RATES new|old: applicants FIRST to FIRST+7, made
# ready (new) or already holding both documents (old: each upload is a
# replacement); their uploads slowed by RATES (one word per applicant,
# the list cycled; "-" full speed); killed at R's moment, said as WHAT.
round() {
	local first=$2 rates k=0 i item base t0 st note K
	r=$1 what=$3
	read -ra rates <<<"$4"
	if [ "$5" = new ]; then
		ready_all "$first" $((first + NAPP - 1))
		nready=$(find "$W" -name "${r}[0-9][0-9].tok" | wc -l)
		check "round $r: $NAPP applicants ready (registered, confirmed, record)" \
		    all "[ $nready = $NAPP ] || diag \"$nready ready: \$(cat $W/*.err 2>/dev/null)\""
	fi
	: >"$W/plan$r"
	: >"$W/old$r"
	for i in $(seq "$first" $((first + NAPP - 1))); do
		for item in integrity_pact recommendation; do
			[ "$5" = new ] || echo "$i $item $(current "$i" "$item")" >>"$W/old$r"
			plan "$i" "$item" "${rates[k % ${#rates[@]}]}"
		done
		k=$((k + 1))
	done
	base=$(sqr "SELECT ifnull(max(id), 0) FROM document")
	storm
	for _ in $(seq 1500); do
		case $r in
		1) [ "$(temps)" -ge 1 ] && break ;;
		2) [ "$(find "$FILES" -maxdepth 1 -name '.upload-*' -size +256k |
		    wc -l)" -ge "$NAPP" ] && break ;;
		3 | 4) [ "$(sqr "SELECT count(*) FROM document WHERE id > $base")" \
		    -ge $((NAPP / 2)) ] && break ;;
		*) [ "$(sqr "SELECT count(*) FROM document WHERE id > $base")" \
		    -ge 1 ] && break ;;
		esac
		[ "$(wc -l <"$W/log$r")" -lt "$(wc -l <"$W/plan$r")" ] || break
		sleep 0.01
	done
	kill -KILL "$pid"
	{ wait "$pid"; } 2>/dev/null
	st=$?
	pid=""
	wait "${cpids[@]}"
	K=$(temps)
	note=$(awk '$4 == 303 { a++ } $4 == "000" { u++ }
	    END { printf "%d answered, %d cut off", a, u }' "$W/log$r")
	check "round $r: kill -9 $what ($note, $K temporary files left)" \
	    all "[ $st = 137 ] || diag 'exit status $st, not SIGKILL'"

	E0=$(stat -c %s "$T/server.err")
	if ! serve; then
		notok "round $r: selter serve restarts on the store and files_dir" \
		    "$(tail -n 20 "$T/server.err")"
		return 1
	fi
	ok "round $r: selter serve restarts on the same store and files_dir"
	get - /sehat
	check "round $r: it answers (GET /sehat: 200)" status_is 200
	check "round $r: the $K temporary files are removed at start, and logged" \
	    swept_ok "$K"
	check "round $r: PRAGMA integrity_check ok, no foreign key broken" \
	    integrity_ok
	check "round $r: selter audit verify: ok" audit_ok
	check "round $r: every row's file is there, of its size and SHA-256" \
	    files_ok
	check "round $r: every row is a file sent whole, none torn ($(sqr \
	    "SELECT count(*) FROM document WHERE id > $base") stored this round, $(silent \
	    "$W/log$r") of them unanswered)" whole_ok
	check "round $r: every upload answered 303 is stored, no other answer" \
	    answered_ok "$W/log$r"
	check "round $r: one audit event per row, with its item and SHA-256" \
	    events_ok
	check "round $r: one current row per item, each replacing the one before" \
	    history_ok
	check "round $r: files_dir: files named by their hash only ($(orphans) no row names)" \
	    shape_ok
	if [ "$5" != new ]; then
		check "round $r: each replaced item shows the old or the new document, whole" \
		    replaced_ok
	fi

	# The applicants carry on: what was cut off is sent again.
	base=$(sqr "SELECT ifnull(max(id), 0) FROM document")
	t0=$(wc -l <"$W/log$r")
	cpids=()
	while read -r i item h code; do
		[ "$code" = 303 ] && continue
		send "$i" "$item" "$h" - "$(awk -v i="$i" -v it="$item" \
		    '$1 == i && $2 == it { print $5 }' "$W/plan$r")" &
		cpids+=($!)
	done < <(head -n "$t0" "$W/log$r")
	[ ${#cpids[@]} -gt 0 ] && wait "${cpids[@]}"
	AGAIN=$W/again$r	# global: all() has an r of its own
	tail -n +$((t0 + 1)) "$W/log$r" >"$AGAIN"
	check "round $r: the $(wc -l <"$AGAIN") uploads cut off, sent again: 303, current, whole" \
	    all 'answered_ok "$AGAIN"' \
	    '[ "$(awk "\$4 != 303" "$AGAIN")" = "" ] || diag "not all 303"' \
	    'while read -r i item h code; do
		[ "$(current "$i" "$item" | cut -d" " -f2)" = "$h" ] ||
		    diag "$i $item: not current"; done <"$AGAIN"' \
	    'files_ok "$base"' events_ok history_ok
}

round 1 101 "as the first body arrives" "- $SLOW" new &&
    round 2 201 "with half the bodies half sent" "$SLOW" new &&
    round 3 301 "with a quarter of the uploads stored" "- $SLOW" new &&
    round 4 301 "with a quarter of the replacements stored" "$SLOW -" old &&
    round 5 201 "as the first replacement is stored" "-" old

if [ -n "$pid" ]; then
	unserve
	check "SIGTERM: the server exits 0" test "$rc" = 0
fi
check "no sanitizer report from the server" sanitizer_quiet
echo "1..$n"
