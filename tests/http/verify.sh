#!/usr/bin/env bash
# `selter verify FILE.pdf` (issue 13 items 4 and 6, docs/log.md "Verifying
# a document"), on the demo with its past selection, a signing key and a
# witness: the receipt, the minutes and each copy of the confidential
# ranking reach the trail (an event "doc_issue" with the PDF's SHA-256,
# once per PDF) and are signed like the publications; the ranking's
# content is signed when it is sent.  Offline, from the exported bundle:
# each document verifies (exit 0); a byte flipped, a PDF not in the
# bundle, a statement or its signature replaced, the event changed, a
# proof against a checkpoint of another size, a checkpoint not cosigned
# by the given witness: each refused (exit 1) and named.
#
# usage: tests/http/verify.sh path/to/selter    Prints TAP, one line a check.
# Needs bash, curl, sqlite3, python3.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export SELTER_DEMO_HISTORY=true
export SELTER_NOW=2026-11-23T03:00:00Z
K=$T/keys
mkdir -p "$K"
S() { "$selter" "$@"; }
S keys --name bkpsdm.demak.example/selter --out "$K/log.key" >/dev/null
S keys --name pengawas.demak.example --witness --out "$K/w.key" >/dev/null
S keys --name pengawas2.demak.example --witness --out "$K/w2.key" >/dev/null
export SELTER_SIGNING_KEY=$K/log.key SELTER_WITNESS_KEY=$K/w.key.pub
if ! serve --demo; then
	echo "1..1"
	notok "selter serve --demo starts" "$(cat "$T/server.err")"
	exit 1
fi
for u in ketua ppk pengawas calon1; do login "$u"; done

# fetch WHO URL NAME: the PDF at URL as WHO into T/NAME.pdf.
fetch() {
	get "$1" "$2"
	[ "$code" = 200 ] && [ "$(head -c 5 "$BODY")" = "%PDF-" ] ||
		{ diag "$2: HTTP $code"; return 1; }
	cp "$BODY" "$T/$3.pdf"
}
sha() { sha256sum "$T/$1.pdf" | cut -c1-64; }
# issued KIND NAME: one doc_issue event of that kind records NAME's hash,
# and its signed statement is kept.
issued() {
	local h; h=$(sha "$2")
	local ev; ev=$(sq "SELECT count(*) FROM event WHERE action = 'doc_issue'
		AND after LIKE '%\"kind\":\"$1\"%' AND after LIKE '%\"pdf_sha256\":\"$h\"%'")
	[ "$ev" = 1 ] || diag "$1: $ev doc_issue events with $h"
	[ "$(sq "SELECT count(*) FROM doc_sig WHERE sha256 = '$h' AND kind = '$1'
		AND note LIKE '%sha256 $h%— bkpsdm.demak.example/selter %'")" = 1 ] ||
		diag "$1: no signed statement of $h"
}

APP=$(sq "SELECT x.id FROM application x JOIN account a ON a.id = x.account_id
    WHERE a.login = 'calon1' AND x.selection_id = 3")
before=$(sq "SELECT count(*) FROM event")
check "the four documents are fetched as PDF" all \
	"fetch - /seleksi/3/pengumuman.pdf ann" \
	"fetch ppk /kelola/3/peringkat/rahasia.pdf rank" \
	"fetch ketua /kelola/3/tahap/wawancara/berita-acara.pdf minutes" \
	"fetch calon1 /pelamar/lamaran/$APP/tanda-terima.pdf receipt"
check "the receipt, the minutes and the PPK's ranking reach the trail, signed (item 6)" all \
	"issued receipt receipt" "issued minutes minutes" "issued ranking rank" \
	'[ "$(sq "SELECT count(*) FROM event") " = "$((before + 3)) " ] || diag "$(sq "SELECT count(*) FROM event") events, $before before"'
check "the issuing event names the reader of a ranking copy and the receipt's number" all \
	"[ \"\$(sq \"SELECT count(*) FROM event WHERE action = 'doc_issue' AND after LIKE '%\\\"of\\\":\\\"%(ppk)%' AND actor LIKE '%(ppk)'\")\" = 1 ] || diag ranking" \
	"[ \"\$(sq \"SELECT count(*) FROM event WHERE action = 'doc_issue' AND after LIKE '%\\\"of\\\":\\\"DEMAK-2026-3-0001\\\"%'\")\" = 1 ] || diag receipt"
n1=$(sq "SELECT count(*) FROM event")
check "the same PDF again: no second event (the ranking, the receipt)" all \
	"fetch ppk /kelola/3/peringkat/rahasia.pdf rank2" "cmp -s $T/rank.pdf $T/rank2.pdf" \
	"fetch calon1 /pelamar/lamaran/$APP/tanda-terima.pdf receipt2" \
	'[ "$(sq "SELECT count(*) FROM event")" = "$n1" ] || diag "$(sq "SELECT count(*) FROM event") events, $n1 before"'
check "the announcement's PDF and the ranking's content as sent are signed (item 6b)" all \
	"[ \"\$(sq \"SELECT count(*) FROM doc_sig WHERE sha256 = '$(sha ann)' AND kind = 'announcement'\")\" = 1 ] || diag announcement" \
	"[ \"\$(sq \"SELECT count(*) FROM doc_sig d JOIN ranking_sent r ON r.sha256 = d.sha256 WHERE d.kind = 'ranking_sent' AND d.note LIKE '%— bkpsdm.demak.example/selter %'\")\" = 1 ] || diag ranking_sent"
check "every publication's PDF hash in the trail has its signed statement" \
	[ "$(sq "SELECT count(*) FROM event e WHERE e.after LIKE '%\"pdf_sha256\":\"%'
	    AND NOT EXISTS (SELECT 1 FROM doc_sig d WHERE instr(e.after, d.sha256) > 0)")" = 0 ]

# The witness cosigns the newest checkpoint (covering the issued ones).
out=$(S witness --key "$K/w.key" --log-key "$K/log.key.pub" --state "$K/w.state" \
	--url "$BASE" --out "$K/cos.txt" 2>&1) &&
	out+=$(S audit cosign --db "$DB" --witness-key "$K/w.key.pub" --in "$K/cos.txt" 2>&1)
check "the witness cosigns the newest checkpoint" grep -q "cosignature stored" <<<"$out"
http "$BASE/log/checkpoints"
cp "$BODY" "$T/cps.txt"
S audit export --db "$DB" --out "$T/b.bundle" >/dev/null
# A copy of the ranking read after the export: not in the bundle.
fetch pengawas /kelola/3/peringkat/rahasia.pdf rank-late
unserve

V() { S verify --key "$K/log.key.pub" --witness "$K/w.key.pub" "$@" 2>&1; }
for d in ann rank minutes receipt; do
	out=$(V --bundle "$T/b.bundle" "$T/$d.pdf"); rc=$?
	check "selter verify $d.pdf: offline, all five hold (exit 0)" all \
		'[ $rc = 0 ] || diag "exit $rc: $out"' 'grep -q "^ok: " <<<"$out" || diag "$out"' \
		"grep -q 'the document: sha256 $(sha $d)' <<<\"\$out\" || diag \"\$out\"" \
		'grep -q "cosigned by pengawas.demak.example" <<<"$out" || diag "$out"'
done
out=$(V --bundle "$T/b.bundle" --checkpoints "$T/cps.txt" "$T/ann.pdf"); rc=$?
check "with the published checkpoints beside the bundle's: ok" test $rc = 0
out=$(V "$T/receipt.pdf" --bundle="$T/b.bundle"); rc=$?
check "the file first, --bundle=FILE: ok" test $rc = 0
out=$(S audit verify --bundle "$T/b.bundle" --key "$K/log.key.pub" --witness "$K/w.key.pub" 2>&1); rc=$?
check "audit verify --bundle: the documents' records checked too, ok" all \
	'[ $rc = 0 ] || diag "exit $rc: $out"' 'grep -q "^ok: " <<<"$out" || diag "$out"'

# refused WHAT PDF BUNDLE NAME [TEXT]: exit 1, "PDF: WHAT: ..." holding TEXT.
refused() {
	local what=$1 pdf=$2 b=$3 name=$4 text=${5:-}
	out=$(V --bundle "$b" "$pdf"); rc=$?
	check "$name" all '[ $rc = 1 ] || diag "exit $rc: $out"' \
		'grep -qF -- "$pdf: $what: " <<<"$out" || diag "want $what: $out"' \
		'[ -z "$text" ] || grep -qF -- "$text" <<<"$out" || diag "want $text: $out"'
}
python3 - "$T/ann.pdf" "$T/flip.pdf" <<'PY'
import sys
b = bytearray(open(sys.argv[1], "rb").read())
b[len(b) // 2] ^= 0x01
open(sys.argv[2], "wb").write(bytes(b))
PY
refused "the document" "$T/flip.pdf" "$T/b.bundle" \
	"a byte flipped in the PDF: the document named" "is that of no document in the bundle"
refused "the document" "$T/rank-late.pdf" "$T/b.bundle" \
	"a PDF not in the bundle (a ranking copy read after the export): the document named"
# edit FIELD VALUE-FROM OUT [PDF]: the bundle with one field of the record
# of PDF (default ann) changed: "note" to the receipt's statement, "sig" a
# character of its signature, "event" to the event before, "size" to
# another checkpoint's size.
edit() {
	python3 - "$T/b.bundle" "$2" "$(sha "${3:-ann}")" "$(sha receipt)" "$1" <<'PY'
import base64, sys
src, out, sha, other, field = sys.argv[1:]
lines = open(src).read().split("\n")
recs = {l.split(" ")[1]: i for i, l in enumerate(lines) if l.startswith("document ")}
sizes = []
for l in lines:
    if l.startswith("checkpoint "):
        sizes.append(int(base64.b64decode(l.split(" ")[1]).decode().split("\n")[1]))
i = recs[sha]
w = lines[i].split(" ")
if field == "note":
    w[5] = lines[recs[other]].split(" ")[5]
elif field == "sig":
    note = base64.b64decode(w[5]).decode()
    head, sig = note.rsplit(" ", 1)
    sig = sig.strip()
    c = "A" if sig[10] != "A" else "B"
    note = head + " " + sig[:10] + c + sig[11:] + "\n"
    w[5] = base64.b64encode(note.encode()).decode()
elif field == "event":
    w[2] = str(int(w[2]) - 1)
elif field == "size":
    w[3] = str(max(s for s in sizes if s != int(w[3])))
lines[i] = " ".join(w)
open(out, "w").write("\n".join(lines))
PY
}
edit note "$T/note.bundle"
refused "the signature" "$T/ann.pdf" "$T/note.bundle" \
	"the statement replaced by another document's: the signature named" "signs another document's hash"
edit sig "$T/sig.bundle"
refused "the signature" "$T/ann.pdf" "$T/sig.bundle" \
	"a character of the statement's signature replaced: the signature named" "does not verify"
edit event "$T/ev.bundle"
refused "the event" "$T/ann.pdf" "$T/ev.bundle" \
	"the record pointing to another event: the event named" "does not record the document's hash"
edit size "$T/size.bundle" receipt
refused "the proof" "$T/receipt.pdf" "$T/size.bundle" \
	"a proof against a checkpoint of another size: the proof named" "does not lead to the root of the checkpoint of size"
out=$(S verify --key "$K/log.key.pub" --witness "$K/w2.key.pub" --bundle "$T/b.bundle" "$T/ann.pdf" 2>&1); rc=$?
check "a checkpoint not cosigned by the given witness: the checkpoint named" all \
	'[ $rc = 1 ] || diag "exit $rc: $out"' \
	'grep -q "ann.pdf: the checkpoint: the checkpoint of size [0-9]* is not cosigned by pengawas2.demak.example" <<<"$out" || diag "$out"'
for f in note sig ev size; do
	out=$(S audit verify --bundle "$T/$f.bundle" --key "$K/log.key.pub" 2>&1); rc=$?
	check "audit verify --bundle names the changed document record ($f)" all \
		'[ $rc = 1 ] || diag "exit $rc: $out"' 'grep -q "document [0-9a-f]\{64\}: " <<<"$out" || diag "$out"'
done
out=$(S verify --bundle "$T/b.bundle" --key "$K/log.key.pub" --witness "$K/w.key.pub" 2>&1); rc=$?
check "no PDF given: exit 2, said" all '[ $rc = 2 ] || diag "exit $rc"' 'grep -q "the PDF file to check is missing" <<<"$out" || diag "$out"'
out=$(S verify --bundle "$T/b.bundle" --key "$K/w.key.pub" --witness "$K/w.key.pub" "$T/ann.pdf" 2>&1); rc=$?
check "a witness's key given as the log's: exit 2" test $rc = 2
out=$(S verify --bundle "$T/ann.pdf" --key "$K/log.key.pub" --witness "$K/w.key.pub" "$T/ann.pdf" 2>&1); rc=$?
check "a bundle that is not one: exit 2" all '[ $rc = 2 ] || diag "exit $rc: $out"' 'grep -q "not a bundle" <<<"$out" || diag "$out"'
echo "1..$n"
