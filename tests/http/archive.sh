#!/usr/bin/env bash
# The auditor's archive (issue 13 item 5, docs/archive.md), on the demo's
# past selection 3: downloaded by the oversight body (and refused to a
# committee member and the public), exported by the command, imported into
# a new store whose public pages, JSON sheets and PDF letters equal the
# source's, every POST refused and nothing written (the store, the trail's
# head); a byte flipped anywhere, a member removed or added, another key's
# signature: each refused, named, no store made.
#
# usage: tests/http/archive.sh path/to/selter    Prints TAP, one line a check.
# Needs bash, curl, sqlite3, python3.
export SELTER_DEMO_HISTORY=true
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export SELTER_NOW=2026-11-23T03:00:00Z
K=$T/keys
mkdir -p "$K"
S() { "$selter" "$@"; }
S keys --name bkpsdm.demak.example/selter --out "$K/log.key" >/dev/null
S keys --name bkpsdm.lain.example/selter --out "$K/other.key" >/dev/null
export SELTER_SIGNING_KEY=$K/log.key
if ! serve --demo; then
	echo "1..1"
	notok "selter serve starts" "$(cat "$T/server.err")"
	exit 1
fi

# ---- the download: the oversight body and the secretariat only ----
login pengawas
get pengawas /kelola/3
check "the selection's page links the archive for the oversight body" all \
	'status_is 200' 'body_has "href=\"/kelola/3/arsip\""'
get pengawas /kelola/3/arsip
cp "$BODY" "$T/web.arsip"
check "the oversight body downloads it: a signed archive, not cached" all 'status_is 200' \
	'[ "$(head -n 1 "$T/web.arsip")" = "selter-archive 1" ] || diag "$(head -c 80 "$T/web.arsip")"' \
	'hdr "$H" Content-Disposition | grep -q "attachment; filename=\"selter-seleksi-3.arsip\"" || diag "$(hdr "$H" Content-Disposition)"' \
	'hdr "$H" Cache-Control | grep -q no-store || diag "$(hdr "$H" Cache-Control)"'
login sekretariat
get sekretariat /kelola/3/arsip
check "the secretariat downloads it too" all 'status_is 200' \
	'[ "$(head -n 1 "$BODY")" = "selter-archive 1" ] || diag "$(head -c 80 "$BODY")"'
login anggota
get anggota /kelola/3
check "a committee member gets no link and a 403" all 'body_lacks "/kelola/3/arsip"'
get anggota /kelola/3/arsip
check "... and the download is refused to them (403)" status_is 403
get - /kelola/3/arsip
check "the public: refused (403)" status_is 403

# ---- least data ----
python3 - "$T/web.arsip" "$T/web" <<'PY' || true
import sys, os
d = open(sys.argv[1], 'rb').read()
out = sys.argv[2]
os.makedirs(out, exist_ok=True)
off = d.index(b'\n') + 1
while off < len(d):
    nl = d.index(b'\n', off)
    name, size = d[off:nl].decode().rsplit(' ', 1)
    size = int(size)
    p = os.path.join(out, name)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    open(p, 'wb').write(d[nl + 1:nl + 1 + size])
    off = nl + 1 + size + 1
PY
check "the archive holds the manifest, data.json, the events, the checkpoints, the PDFs" all \
	'[ -s "$T/web/manifest" ] && [ -s "$T/web/data.json" ] && [ -s "$T/web/events" ] && [ -s "$T/web/checkpoints" ] || diag "$(ls -R "$T/web")"' \
	'ls "$T/web/pdf/" | grep -q "^publikasi-[0-9]*\.pdf$" || diag "$(ls "$T/web")"'
np=$(sq "SELECT count(*) FROM publication WHERE selection_id = 3")
other=$(sq "SELECT group_concat(reg_no, ' ') FROM application WHERE selection_id <> 3")
check "least data: no password hash, no session, no other selection's applicant, every publication's PDF" all \
	'[ "$(ls "$T/web/pdf" | wc -l)" = "$np" ] || diag "$(ls "$T/web/pdf" | wc -l) PDFs, $np publications"' \
	'! grep -q "argon2id" "$T/web/data.json" || diag "a password hash"' \
	'! grep -q "\"session\"\|\"onetime\"\|\"outbox\"\|\"login_fail\"" "$T/web/data.json" || diag "a session table"' \
	'python3 -c "import sys; d=open(sys.argv[1]).read(); bad=[r for r in sys.argv[2:] if chr(34)+r+chr(34) in d]; print(*bad); sys.exit(1 if bad else 0)" "$T/web/data.json" $other >"$T/o.txt" || diag "$(cat "$T/o.txt")"' \
	'[ "$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sorted({r[\"selection_id\"] for r in d[\"tables\"][\"application\"]}))" "$T/web/data.json")" = "[3]" ] || diag "applications of other selections"' \
	'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); t=d[\"tables\"]; assert all(t[k] for k in (\"selection\",\"vacancy\",\"member\",\"application\",\"adm_decision\",\"score\",\"stage_outcome\",\"publication\",\"ranking_sent\"))" "$T/web/data.json" || diag "a table of the record is empty"'
nsel=$(sq "SELECT count(*) FROM event WHERE selection_id = 3")
check "the events of selection 3 ($nsel), each with its proof, none of another" all \
	'[ "$(grep -c "^event " "$T/web/events")" = "$nsel" ] || diag "$(grep -c "^event " "$T/web/events") events"'

# ---- the source's public pages of selection 3 ----
pages() {	# the public pages of selection 3, from its announcement
	local base=$1 out=$2 u
	mkdir -p "$out"
	: >"$out/urls"
	for u in /seleksi/3 /seleksi/3/pendaftar /seleksi/3/hasil-administrasi; do echo "$u"; done >"$out/seed"
	curl -s "$base/seleksi/3" | grep -o 'href="/seleksi/3/[^"]*"' | sed 's/href="//; s/"$//' >>"$out/seed"
	for u in $(grep '^/seleksi/3/hasil/[a-z-]*$' "$out/seed"); do
		curl -s "$base$u" | grep -o 'href="/seleksi/3/[^"]*"' | sed 's/href="//; s/"$//' >>"$out/seed"
	done
	sort -u "$out/seed" >"$out/urls"
	local i=0
	while read -r u; do
		i=$((i + 1))
		curl -s -o "$out/$i" -w '%{http_code}\n' "$base$u" >"$out/$i.code"
	done <"$out/urls"
}
pages "$BASE" "$T/src"
unserve

out=$(S archive export --db "$DB" --selection 3 --signing-key "$K/log.key" --out "$T/s3.arsip" 2>&1); rc=$?
check "selter archive export writes the archive (no progress line off a terminal)" all \
	'[ $rc = 0 ] || diag "exit $rc: $out"' 'grep -q "^archive: .*s3.arsip" <<<"$out" || diag "$out"' \
	'! grep -q "peristiwa" <<<"$out" || diag "$out"'
out=$(script -qec "$selter archive export --db $DB --selection 3 --signing-key $K/log.key --out $T/tty.arsip" /dev/null 2>&1 || true)
check "on a terminal: a progress line per step" all \
	'grep -q "peristiwa jejak audit: $nsel/$nsel" <<<"$out" || diag "$out"'
out=$(S archive export --db "$DB" --selection 3 --out "$T/x.arsip" 2>&1); rc=$?
check "export without a signing key: refused (exit 2)" all '[ $rc = 2 ] || diag "exit $rc"' \
	'grep -q -- "--signing-key" <<<"$out" || diag "$out"'
out=$(S archive export --db "$DB" --selection 99 --signing-key "$K/log.key" --out "$T/x.arsip" 2>&1); rc=$?
check "export of a selection that does not exist: refused, named" all '[ $rc = 2 ] || diag "exit $rc"' \
	'grep -q "selection 99 does not exist" <<<"$out" || diag "$out"'

# ---- tampering: each refused, named, nothing made ----
imp_refused() {	# FILE WANT [ARGS...]
	local f=$1 want=$2 o r
	shift 2
	rm -rf "$T/bad.db" "$T/bad.db.files"
	o=$(S archive import "$f" --db "$T/bad.db" "$@" 2>&1); r=$?
	[ $r = 2 ] || diag "exit $r: $o"
	grep -qF -- "$want" <<<"$o" || diag "$o"
	[ ! -e "$T/bad.db" ] || diag "a store was made"
	[ $r = 2 ] && grep -qF -- "$want" <<<"$o" && [ ! -e "$T/bad.db" ]
}
flip() {	# IN OUT OFFSET: one byte changed
	python3 -c 'import sys; d=bytearray(open(sys.argv[1],"rb").read()); o=int(sys.argv[3]); d[o]^=0x01; open(sys.argv[2],"wb").write(d)' "$1" "$2" "$3"
}
off_of() { python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); print(d.index(sys.argv[2].encode())+int(sys.argv[3]))' "$T/s3.arsip" "$1" "$2"; }
flip "$T/s3.arsip" "$T/f1" "$(off_of '"tables"' 3)"
check "a byte flipped in data.json: refused, data.json named" imp_refused "$T/f1" "data.json: its SHA-256 is not the manifest's"
flip "$T/s3.arsip" "$T/f2" "$(off_of 'selter-archive-events 1' 200)"
check "a byte flipped in the events: refused, the events named" imp_refused "$T/f2" "events: its SHA-256 is not the manifest's"
flip "$T/s3.arsip" "$T/f3" "$(off_of '%PDF' 500)"
check "a byte flipped in a PDF: refused, the PDF named" imp_refused "$T/f3" "pdf/publikasi-"
flip "$T/s3.arsip" "$T/f4" "$(off_of 'selection 3' 10)"
check "a byte flipped in the manifest (selection 3 made 2): its signature does not verify" imp_refused "$T/f4" "the manifest's signature by bkpsdm.demak.example/selter does not verify"
flip "$T/s3.arsip" "$T/f5" "$(off_of '— bkpsdm' 40)"
check "a byte flipped in the signature: refused" imp_refused "$T/f5" "manifest"
flip "$T/s3.arsip" "$T/f6" "$(off_of $'\ndata.json ' 11)"
check "a byte flipped in a member's header: refused" imp_refused "$T/f6" "data.json"
# every byte of the file is covered: 24 more positions, each refused
bad=0 size=$(stat -c %s "$T/s3.arsip")
for i in $(seq 24); do
	o=$(( (i * 7919 * 131) % size ))
	flip "$T/s3.arsip" "$T/fx" "$o"
	rm -rf "$T/bad.db" "$T/bad.db.files"
	if S archive import "$T/fx" --db "$T/bad.db" >/dev/null 2>&1 || [ -e "$T/bad.db" ]; then
		bad=$((bad + 1)); DIAG+="offset $o accepted"$'\n'
	fi
done
check "24 single-byte changes spread over the file: all refused" '[' $bad = 0 ']'
python3 - "$T/s3.arsip" "$T/rm.arsip" "$T/add.arsip" <<'PY'
import sys
d = open(sys.argv[1], 'rb').read()
off = d.index(b'\n') + 1
parts = [d[:off]]
while off < len(d):
    nl = d.index(b'\n', off)
    name, size = d[off:nl].decode().rsplit(' ', 1)
    end = nl + 1 + int(size) + 1
    parts.append((name, d[off:end]))
    off = end
head = parts[0]
m = [p for p in parts[1:]]
open(sys.argv[2], 'wb').write(head + b''.join(b for n, b in m if not n.startswith('pdf/publikasi-2')))
open(sys.argv[3], 'wb').write(d + b'extra.txt 3\nabc\n')
PY
check "a member removed: refused, the missing file named" imp_refused "$T/rm.arsip" "pdf/publikasi-2.pdf: in the manifest, missing from the archive"
check "a member added: refused, named" imp_refused "$T/add.arsip" "extra.txt: in the archive, not in the manifest"
# an archive signed by another key (made on a copy of the store), given
# as the region's
cp "$DB" "$T/copy.db"
S archive export --db "$T/copy.db" --selection 3 --signing-key "$K/other.key" --out "$T/by-other.arsip" >/dev/null 2>&1
check "an archive signed by another key than the region's (--key): refused, named" imp_refused \
	"$T/by-other.arsip" "signature by bkpsdm.lain.example/selter does not verify with the key bkpsdm.demak.example/selter" --key "$K/log.key.pub"
python3 - "$T/s3.arsip" "$T/other.arsip" <<'PY'
import sys
d = open(sys.argv[1], 'rb').read()
i = d.index('— bkpsdm.demak.example/selter '.encode())
j = d.index(b'\n', i)
# another key's name on the signature line: the archive's key finds none of its own
line = '— bkpsdm.lain.example/selter '.encode() + d[i + len('— bkpsdm.demak.example/selter '.encode()):j]
nd = d[:i] + line + d[j:]
hdr = d.index(b'manifest ')
nl = d.index(b'\n', hdr)
old = int(d[hdr + 9:nl])
nd = nd[:hdr] + ('manifest %d' % (old + len(line) - (j - i))).encode() + nd[nl:]
open(sys.argv[2], 'wb').write(nd)
PY
check "the signature line given another key's name: refused, the signer named" imp_refused "$T/other.arsip" "signature by bkpsdm.lain.example/selter does not verify"
check "--key another key: refused, its key named" imp_refused "$T/s3.arsip" "does not verify with the key bkpsdm.lain.example/selter" --key "$K/other.key.pub"
check "not an archive: refused" imp_refused "$K/log.key.pub" "not an archive of this format"

# ---- the import ----
out=$(S archive import "$T/s3.arsip" --db "$T/arsip.db" --key "$K/log.key.pub" 2>&1); rc=$?
check "the archive imported: region, selection, events; read-only" all '[ $rc = 0 ] || diag "exit $rc: $out"' \
	'grep -q "imported: Pemerintah Kabupaten Demak, selection 3, exported .*: $nsel events" <<<"$out" || diag "$out"'
out=$(S archive import "$T/s3.arsip" --db "$T/arsip.db" 2>&1); rc=$?
check "never into an existing store" all '[ $rc = 2 ] || diag "exit $rc"' 'grep -q "exists already" <<<"$out" || diag "$out"'
out=$(S archive import "$T/web.arsip" --db "$T/web.db" 2>&1); rc=$?
check "the downloaded archive imports too (the key the manifest names, with a note)" all \
	'[ $rc = 0 ] || diag "exit $rc: $out"' 'grep -q "compare it with the region" <<<"$out" || diag "$out"'

# ---- the read-only instance ----
SRC=$DB
DB=$T/arsip.db
unset SELTER_SIGNING_KEY
dump_db >"$T/ro.before"
head0=$(sq "SELECT id || ':' || hex(hash) FROM event ORDER BY id DESC LIMIT 1")
out=$(printf 'sandi-rahasia-123\n' | S admin create --db "$DB" --login adm9 --name "Admin" 2>&1); rc=$?
check "a write by the command on the archive's store is refused by the store (not only the web)" all \
	'[ $rc != 0 ] || diag "exit 0: $out"' '[ "$(sq "SELECT count(*) FROM account WHERE login = '"'"'adm9'"'"'")" = 0 ] || diag "written"'
if ! serve; then
	notok "selter serve shows the archive" "$(cat "$T/server.err")"
	echo "1..$n"
	exit 1
fi
http "$BASE/"
check "every page says it is an archive of region X, selection N, exported at T" all 'status_is 200' \
	'body_has "<strong>Arsip hanya-baca</strong>: Pemerintah Kabupaten Demak, seleksi 3, diekspor pada 20"'
http "$BASE/tidak-ada"
check "... an error page too" all 'status_is 404' 'body_has "Arsip hanya-baca"'
pages "$BASE" "$T/ro"
# The page without the archive's banner (its own line, see layout.c).
unbanner() { python3 -c 'import sys, re; sys.stdout.buffer.write(re.sub(rb"\n<p class=\"arsip\"[^\n]*</p>\n", b"", open(sys.argv[1], "rb").read()))' "$1"; }
cmp_pages() {
	local bad=0 i=0 u
	[ "$(wc -l <"$T/src/urls")" -ge 10 ] || { diag "$(wc -l <"$T/src/urls") pages"; return 1; }
	cmp -s "$T/src/urls" "$T/ro/urls" || { diag "links differ: $(diff "$T/src/urls" "$T/ro/urls" | head -5)"; bad=1; }
	while read -r u; do
		i=$((i + 1))
		case $u in */pengaduan) continue ;; esac	# a form: its token
		[ "$(cat "$T/src/$i.code")" = 200 ] || { diag "$u: source $(cat "$T/src/$i.code")"; bad=1; }
		if ! cmp -s <(unbanner "$T/src/$i") <(unbanner "$T/ro/$i"); then
			diag "$u differs: $(diff <(unbanner "$T/src/$i" | tr '>' '\n') <(unbanner "$T/ro/$i" | tr '>' '\n') | head -6)"
			bad=1
		fi
	done <"$T/src/urls"
	return $bad
}
check "the imported selection's public pages, JSON sheets and PDF letters equal the source's, byte for byte (the banner aside)" cmp_pages
check "... the sheets and PDFs among them" all \
	'grep -q "lembar.json" "$T/src/urls" || diag "no sheet"' 'grep -q "\.pdf$" "$T/src/urls" || diag "no PDF"'
http -d "login=ketua&password=$PW" "$BASE/masuk"
check "a POST (a login) is refused with an Indonesian page" all 'status_is 403' \
	'body_has "Ini arsip hanya-baca dari satu seleksi"'
http -d "nama=x&kontak=y&isi=z" "$BASE/seleksi/3/pengaduan"
check "a complaint is refused the same way" all 'status_is 403' 'body_has "arsip hanya-baca"'
unserve
dump_db >"$T/ro.after"
check "nothing changed: the store and the trail's head" all \
	'cmp -s "$T/ro.before" "$T/ro.after" || diag "$(diff "$T/ro.before" "$T/ro.after" | head)"' \
	'[ "$(sq "SELECT id || '"'"':'"'"' || hex(hash) FROM event ORDER BY id DESC LIMIT 1")" = "$head0" ] || diag "head moved"'
check "no sanitizer report" sanitizer_quiet
echo "1..$n"
