#!/usr/bin/env bash
# The verifiable log (issue 13 items 2-4, docs/log.md), on the demo with
# its past selection: `selter keys` and the key file's mode checked at
# start; every publication signed, its statement beside it; checkpoints
# public and verified; the witness cosigning with its own key, refusing a
# rolled-back or rewritten log; `selter audit verify --checkpoints` and
# the exported bundle naming each tampering (made with sqlite3 on a copy)
# that the chain alone misses.
#
# usage: tests/http/log.sh path/to/selter      Prints TAP, one line a check.
# Needs bash, curl, sqlite3, python3.
export SELTER_DEMO_HISTORY=true
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RECHAIN=$ROOT/tests/http/log_rechain.py
export SELTER_NOW=2026-11-23T03:00:00Z
K=$T/keys
mkdir -p "$K"
S() { "$selter" "$@"; }

# ---- keys ----
out=$(S keys --name bkpsdm.demak.example/selter --out "$K/log.key" 2>&1)
kid=$(sed -n 's/^key id: //p' <<<"$out")
check "selter keys: the secret key 0600, the public key beside it, its id" all \
	'[ "$(stat -c %a "$K/log.key")" = 600 ] || diag "mode $(stat -c %a "$K/log.key")"' \
	'grep -q "^PRIVATE+KEY+bkpsdm.demak.example/selter+$kid+" "$K/log.key" || diag "$(head -c 40 "$K/log.key")"' \
	'grep -qx "bkpsdm.demak.example/selter+$kid+[A-Za-z0-9+/=]*" "$K/log.key.pub" || diag "$(cat "$K/log.key.pub")"' \
	'grep -qF "public key: $(cat "$K/log.key.pub")" <<<"$out" || diag "$out"'
before=$(cat "$K/log.key")
out=$(S keys --name other --out "$K/log.key" 2>&1); rc=$?
check "selter keys never overwrites a key (exit 2, the file unchanged)" all \
	'[ $rc = 2 ] || diag "exit $rc"' '[ "$(cat "$K/log.key")" = "$before" ] || diag changed' \
	'grep -q "exists already" <<<"$out" || diag "$out"'
out=$(S keys --name "a b" --out "$K/bad.key" 2>&1); rc=$?
check "selter keys refuses a name with a space" all '[ $rc = 2 ] || diag "exit $rc"' \
	'[ ! -e "$K/bad.key" ] || diag "a key was written"'
S keys --name pengawas.demak.example --witness --out "$K/w.key" >/dev/null
S keys --name pengawas.demak.example --witness --out "$K/w2.key" >/dev/null

# ---- the key's mode at start ----
chmod 640 "$K/log.key"
SELTER_SIGNING_KEY=$K/log.key timeout 20 "$selter" serve --port 0 --db "$T/x.db" \
	>"$T/x.out" 2>"$T/x.err"; rc=$?
chmod 600 "$K/log.key"
check "serve refuses a signing key group may read (exit 2, the file and chmod named)" all \
	'[ $rc = 2 ] || diag "exit $rc"' \
	'grep -q "log.key: the secret key may be read by group or others (mode 0640).*chmod 600" "$T/x.err" || diag "$(cat "$T/x.err")"'

# ---- the server with the region's key and the witness's public key ----
export SELTER_SIGNING_KEY=$K/log.key SELTER_WITNESS_KEY=$K/w.key.pub
if ! serve --demo; then
	echo "1..$((n + 1))"
	notok "selter serve starts" "$(cat "$T/server.err")"
	exit 1
fi
http "$BASE/kunci"
check "/kunci shows the region's public key, its id and the witness's" all 'status_is 200' \
	"body_has '$(cat "$K/log.key.pub")'" "body_has '$kid'" \
	"body_has '$(cut -d+ -f1-2 "$K/w.key.pub")'" 'body_has "/log/checkpoints"'
check "every page's footer links /kunci" body_has '<a href="/kunci">Kunci publik'


npub=$(sq "SELECT count(*) FROM publication")
check "every publication is signed ($npub), of every kind the demo publishes" all \
	'[ "$npub" -ge 5 ] || diag "$npub publications"' \
	'[ "$(sq "SELECT count(*) FROM publication_sig")" = "$npub" ] || diag "$(sq "SELECT count(*) FROM publication_sig") signed"' \
	'[ "$(sq "SELECT group_concat(DISTINCT kind) FROM publication p JOIN publication_sig s ON s.publication_id = p.id")" = "announcement,adm_result,stage_result" ] || diag "$(sq "SELECT group_concat(DISTINCT kind) FROM publication")"'
pid1=$(sq "SELECT min(id) FROM publication WHERE kind = 'announcement'")
sel1=$(sq "SELECT selection_id FROM publication WHERE id = $pid1")
sha1=$(sq "SELECT sha256 FROM publication WHERE id = $pid1")
http "$BASE/seleksi/$sel1"
check "the announcement shows its signed statement beside it" all 'status_is 200' \
	"body_has 'href=\"/log/terbitan/$pid1\"'" "body_has 'bkpsdm.demak.example/selter+$kid'"
http "$BASE/log/terbitan/$pid1"
check "the statement names the publication, its kind and its SHA-256, signed" all 'status_is 200' \
	"body_has 'publication $pid1'" "body_has 'kind announcement'" "body_has 'sha256 $sha1'" \
	"body_has '— bkpsdm.demak.example/selter '"
http "$BASE/log/terbitan/999999"
check "a publication that is not there: 404" status_is 404

nev=$(sq "SELECT count(*) FROM event")
http "$BASE/log/checkpoint"
cp "$BODY" "$T/cp1.txt"
check "/log/checkpoint: the origin, the trail's size ($nev), the root, signed" all 'status_is 200' \
	'[ "$(sed -n 1p "$T/cp1.txt")" = bkpsdm.demak.example/selter ] || diag "$(cat "$T/cp1.txt")"' \
	'[ "$(sed -n 2p "$T/cp1.txt")" = "$nev" ] || diag "$(cat "$T/cp1.txt")"' \
	'grep -q "^— bkpsdm.demak.example/selter " "$T/cp1.txt" || diag "$(cat "$T/cp1.txt")"'
http "$BASE/log/checkpoints"
check "/log/checkpoints: one a publication at least" all 'status_is 200' \
	'[ "$(grep -c "^bkpsdm.demak.example/selter$" "$BODY")" -gt "$npub" ] || diag "$(grep -c "^bkpsdm" "$BODY") checkpoints"'
http "$BASE/log/proof?old=0&new=5"
check "/log/proof refuses old = 0 (400)" status_is 400
http "$BASE/log/proof?old=3&new=$((nev + 1))"
check "/log/proof refuses a size beyond the trail (400)" all 'status_is 400' "body_has 'holds $nev events'"

# ---- the witness ----
out=$(S witness --key "$K/w.key" --log-key "$K/log.key.pub" --state "$K/w.state" \
	--url "$BASE" --out "$K/cos1.txt" 2>&1); rc=$?
check "the witness cosigns the first checkpoint it sees" all '[ $rc = 0 ] || diag "$out"' \
	'grep -q "^— pengawas.demak.example " "$K/cos1.txt" || diag "$(cat "$K/cos1.txt")"' \
	'grep -q "cosigned: size $nev" <<<"$out" || diag "$out"'
out=$(S audit cosign --db "$DB" --witness-key "$K/w2.key.pub" --in "$K/cos1.txt" 2>&1); rc=$?
check "a cosignature by another witness key is refused" all '[ $rc = 2 ] || diag "exit $rc: $out"' \
	'grep -q "no valid cosignature" <<<"$out" || diag "$out"'
out=$(S audit cosign --db "$DB" --witness-key "$K/w.key.pub" --in "$K/cos1.txt" 2>&1)
http "$BASE/log/checkpoint"
check "the cosignature stored, shown on the checkpoint" all \
	'grep -q "cosignature stored" <<<"$out" || diag "$out"' "body_has '— pengawas.demak.example '"
# The trail grows: an administrator, a checkpoint on demand.
printf 'sandi-rahasia-123\n' | S admin create --db "$DB" --login adm2 --name "Admin Dua" >/dev/null
out=$(S audit checkpoint --db "$DB" --signing-key "$K/log.key" 2>&1)
check "selter audit checkpoint signs the grown trail" all \
	'[ "$(sed -n 2p <<<"$out")" = $((nev + 1)) ] || diag "$out"'
out=$(S witness --key "$K/w.key" --log-key "$K/log.key.pub" --state "$K/w.state" \
	--url "$BASE" --out "$K/cos2.txt" 2>&1); rc=$?
check "the witness checks the consistency proof from its last size and cosigns" all \
	'[ $rc = 0 ] || diag "$out"' 'grep -q "size $((nev + 1)) (consistent" <<<"$out" || diag "$out"'
S audit cosign --db "$DB" --witness-key "$K/w.key.pub" --in "$K/cos2.txt" >/dev/null
# A state of the same log whose old tree was other: the server rewrote it.
printf 'bkpsdm.demak.example/selter\n40\n%s\n' "$(head -c 32 /dev/zero | base64)" >"$K/fake.state"
out=$(S witness --key "$K/w.key" --log-key "$K/log.key.pub" --state "$K/fake.state" \
	--url "$BASE" --out "$K/cos3.txt" 2>&1); rc=$?
check "the witness refuses a checkpoint not consistent with the last it signed, naming the sizes" all \
	'[ $rc = 1 ] || diag "exit $rc"' \
	'grep -q "size $((nev + 1)) is not consistent with the last one cosigned (size 40)" <<<"$out" || diag "$out"' \
	'[ ! -e "$K/cos3.txt" ] || diag "a cosignature was written"' \
	'grep -qx 40 "$K/fake.state" || diag "the state moved"'
printf 'bkpsdm.demak.example/selter\n%s\n%s\n' $((nev + 50)) "$(head -c 32 /dev/zero | base64)" >"$K/fake.state"
out=$(S witness --key "$K/w.key" --log-key "$K/log.key.pub" --state "$K/fake.state" \
	--url "$BASE" 2>&1); rc=$?
check "the witness refuses a log cut short (a size below its last)" all '[ $rc = 1 ] || diag "exit $rc"' \
	'grep -q "size $((nev + 1)) is smaller than that of the last one cosigned ($((nev + 50)))" <<<"$out" || diag "$out"'
S keys --name bkpsdm.demak.example/selter --out "$K/other.key" >/dev/null
out=$(S witness --key "$K/w.key" --log-key "$K/other.key.pub" --state "$K/x.state" --url "$BASE" 2>&1); rc=$?
check "the witness refuses a checkpoint not signed by the log's key" all '[ $rc = 1 ] || diag "exit $rc: $out"' \
	'grep -q "not signed by the log" <<<"$out" || diag "$out"'

# ---- verification against the published checkpoints ----
http "$BASE/log/checkpoints"
cp "$BODY" "$T/cps.txt"
unserve
V() { S audit verify --key "$K/log.key.pub" --witness "$K/w.key.pub" "$@" 2>&1; }
out=$(V --db "$DB" --checkpoints "$T/cps.txt"); rc=$?
check "the untouched trail verifies against every checkpoint, 2 cosigned" all \
	'[ $rc = 0 ] || diag "$out"' 'grep -q "cosigned by pengawas.demak.example" <<<"$out" || diag "$out"' \
	"grep -q \"$npub of $npub publications signed\" <<<\"\$out\" || diag \"\$out\""
S audit export --db "$DB" --out "$T/b.bundle" >/dev/null
out=$(V --bundle "$T/b.bundle" --checkpoints "$T/cps.txt"); rc=$?
check "the exported bundle verifies offline, no store" all '[ $rc = 0 ] || diag "$out"' \
	"grep -q \"ok: $((nev + 1)) events\" <<<\"\$out\" || diag \"\$out\""
mkdir -p "$T/cpdir"; cp "$T/cps.txt" "$T/cpdir/a.txt"; cp "$K/cos2.txt" "$T/cpdir/b.txt"
out=$(V --db "$DB" --checkpoints "$T/cpdir"); rc=$?
check "--checkpoints DIR: every file of it" test $rc = 0

# tamper SQL...: a copy of the store without its triggers, changed.
tamper() {
	cp "$DB" "$T/t.db"
	sqlite3 "$T/t.db" "DROP TRIGGER event_no_update; DROP TRIGGER event_no_delete;
		DROP TRIGGER checkpoint_no_update; $1"
}
# detected NAME WANT: the chain alone and the checkpoints on the copy;
# the bundle exported from it says the same.
last=$((nev + 1))
detected() {
	local name=$1 want=$2 chain_misses=${3:-}
	out=$(V --db "$T/t.db" --checkpoints "$T/cps.txt"); rc=$?
	rm -f "$T/t.bundle"
	S audit export --db "$T/t.db" --out "$T/t.bundle" >/dev/null
	bout=$(V --bundle "$T/t.bundle" --checkpoints "$T/cps.txt"); brc=$?
	old=$(S audit verify --db "$T/t.db" 2>&1); orc=$?
	check "$name" all '[ $rc = 1 ] || diag "exit $rc: $out"' \
		'grep -qF -- "$want" <<<"$out" || diag "want: $want"$'"'\n'"'"got: $out"' \
		'[ $brc = 1 ] || diag "bundle: exit $brc: $bout"' \
		'grep -qF -- "$want" <<<"$bout" || diag "bundle: $bout"' \
		'[ -z "$chain_misses" ] || [ $orc = 0 ] || diag "the chain alone saw it: $old"'
}
tamper "DELETE FROM event WHERE id > $((last - 3))"
detected "the newest events deleted (the chain alone misses it): named" \
	"the trail ends at event $((last - 3)) but checkpoint" chain-misses
tamper "DELETE FROM event WHERE id = 50"
detected "an event dropped in the middle: named" "event 51: an event is missing before it"
tamper "UPDATE event SET id = -1 WHERE id = 40; UPDATE event SET id = 40 WHERE id = 41;
	UPDATE event SET id = 41 WHERE id = -1"
detected "two events swapped: named" "event 40: "
tamper "UPDATE event SET after = replace(after, '\"', '''') WHERE id = 30"
python3 "$RECHAIN" "$T/t.db"
first=$(awk -v RS= '{ split($0, l, "\n"); if (l[2] + 0 >= 30) print l[2] }' "$T/cps.txt" | sort -n | head -n 1)
detected "the chain rewritten after an edit of event 30 (the chain alone misses it): the first checkpoint past it named" \
	"(size $first): the first $first events do not have its root" chain-misses
# A checkpoint's signature replaced by another checkpoint's.
python3 - "$T/cps.txt" "$T/cps-bad.txt" <<'PY'
import sys
notes = open(sys.argv[1]).read().split("\n\n")
# notes alternate: text, signatures; swap the first two signature blocks
notes[1], notes[3] = notes[3], notes[1]
open(sys.argv[2], "w").write("\n\n".join(notes))
PY
out=$(V --db "$DB" --checkpoints "$T/cps-bad.txt"); rc=$?
check "a checkpoint's signature replaced: the checkpoint named" all '[ $rc = 1 ] || diag "exit $rc: $out"' \
	'grep -q "checkpoint 1 (size [0-9]*): its signature by bkpsdm.demak.example/selter does not verify \[checkpoint 1: published\]" <<<"$out" || diag "$out"'
cp "$DB" "$T/t.db"
sqlite3 "$T/t.db" "DROP TRIGGER checkpoint_no_update;
	UPDATE checkpoint SET note = replace(note, substr(note, instr(note, '— ') + 40, 4), 'AAAA') WHERE id = 2"
out=$(V --db "$T/t.db"); rc=$?
check "a checkpoint's signature changed in the store: named as the store's" all '[ $rc = 1 ] || diag "exit $rc: $out"' \
	'grep -q "does not verify \[checkpoint 2: the store.s, id 2\]" <<<"$out" || diag "$out"'
# Two checkpoints of one size, different roots, both signed by the key: a fork.
cp "$DB" "$T/fork.db"
sqlite3 "$T/fork.db" "DROP TRIGGER event_no_update; UPDATE event SET actor = 'X' WHERE id = 7;
	DROP TRIGGER checkpoint_no_delete; DROP TRIGGER cosignature_no_delete;
	DELETE FROM cosignature; DELETE FROM checkpoint"
python3 "$RECHAIN" "$T/fork.db"
S audit checkpoint --db "$T/fork.db" --signing-key "$K/log.key" >"$T/forked.txt"
{ cat "$T/cps.txt"; echo; cat "$T/forked.txt"; } >"$T/cps-fork.txt"
out=$(V --db "$DB" --checkpoints "$T/cps-fork.txt"); rc=$?
check "two checkpoints of one size with different roots: the fork named" all '[ $rc = 1 ] || diag "exit $rc: $out"' \
	"grep -q \"(size $last): its root differs from that of checkpoint [0-9]* of the same size: the log was forked\" <<<\"\$out\" || diag \"\$out\""
out=$(V --db "$T/fork.db" --checkpoints "$T/cps.txt"); rc=$?
check "the forked store against the published checkpoints: named" all '[ $rc = 1 ] || diag "exit $rc: $out"' \
	'grep -q "one of events 1 to" <<<"$out" || grep -q "the log was forked" <<<"$out" || diag "$out"'
cp "$DB" "$T/t.db"
sqlite3 "$T/t.db" "DROP TRIGGER publication_sig_no_delete; DELETE FROM publication_sig WHERE publication_id = (SELECT max(publication_id) FROM publication_sig)"
out=$(V --db "$T/t.db"); rc=$?
check "a publication's signature removed: the publication named" all '[ $rc = 1 ] || diag "exit $rc: $out"' \
	'grep -q "^selter: broken: publication [0-9]*: it is unsigned though a publication before it is signed" <<<"$out" || diag "$out"'
out=$(S audit verify --db "$DB" --checkpoints "$T/cps.txt" 2>&1); rc=$?
check "--checkpoints without --key: usage error (exit 2)" test $rc = 2
check "no sanitizer report in the server's log" sanitizer_quiet
echo "1..$n"
