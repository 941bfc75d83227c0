#!/usr/bin/env bash
# A region's dashboard over HTTP (issue 14 item 6): /dasbor/wilayah,
# /dasbor/wilayah/N and their JSON, on the README's demo with its history
# (selections 3 and 4) and a second region (Pontianak) that the
# administrator adds, with its own secretariat and a selection whose title
# is markup.  An appointment on record (a TMT five years back, so its term
# ends in 3 weeks) and an extension are written as the store keeps them.
# Who sees what: the public is sent to the login, an applicant, a
# committee member and the administrator are refused (403), a region's
# staff (secretariat, PPK, PyB) see their region's figures and never
# another's, the oversight body sees every region with the national
# summary; every figure against the rows; every text escaped; each chart
# an image named by its title and description, beside its table.
#
# usage: tests/http/dash.sh path/to/selter      Prints TAP, one line a check.
# Needs bash, curl, sqlite3 and python3.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
export SELTER_DEMO_HISTORY=true
export SELTER_NOW=2026-11-23T03:00:00Z		# 10:00 WIB

if ! serve --demo; then
	echo "1..1"
	notok "selter serve --demo starts" "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo starts with its history"
for u in admin sekretariat ketua anggota ppk pyb pengawas pelamar; do
	login "$u"
done

# ---- a second region, its secretariat and a selection ----

post admin /admin/wilayah code=pontianak "name=Pemerintah Kota Pontianak" \
    profile=pontianak-2015 oversight=BKN "secretariat=Sekretariat Pansel"
check "the administrator adds Pontianak: 303" status_is 303
post admin /admin/akun login=sekpnk "name=Sekretariat Pontianak" \
    email=sekpnk@example.org "password=$PW"
post admin /admin/peran login=sekpnk region=pontianak role=secretariat
check "its secretariat's account and grant: 303" status_is 303
login sekpnk
post sekpnk /kelola/baru region=pontianak \
    "title=Seleksi <script>alert(1)</script> & \"Kota\""
S5=$(hdr "$H" Location | sed 's|.*/kelola/||')
check "Pontianak's secretariat opens a selection: 303" status_is 303 "/kelola/$S5"
PNK=$(sq "SELECT id FROM region WHERE code = 'pontianak'")
DMK=$(sq "SELECT id FROM region WHERE code = 'demak'")

# The rows a later appointment and an extension leave (020_appoint.sql,
# selection.extensions): post 3 filled by a decree whose TMT is
# 2021-12-15, so that its 5 years end on 2026-12-14 (TEN-5Y), 21 days from
# today; selection 4's window extended once.
sq "INSERT INTO appointment (vacancy_id, selection_id, application_id,
    decree_no, decree_on, tmt, inaugurated_on, mode, place, recorded_at,
    recorded_by, account_id) VALUES (3, 3, 1, '821.2/1/2021', '2021-12-14',
    '2021-12-15', '2021-12-15', 'in_person', 'Pendopo', '2021-12-15T03:00:00Z',
    'PPK', (SELECT id FROM account WHERE login = 'ppk'));
    UPDATE selection SET extensions = 1 WHERE id = 4;"

# ---- who may not ----

for u in /dasbor/wilayah /dasbor/wilayah.json "/dasbor/wilayah/$DMK" \
    "/dasbor/wilayah/$DMK.json"; do
	get - "$u"
	check "the public is sent to the login from $u" status_is 303 /masuk
done
for who in pelamar ketua anggota admin; do
	refused "$who may not open the dashboard: 403" 403 \
	    "Dasbor wilayah hanya untuk" get "$who" /dasbor/wilayah
	get "$who" /dasbor/wilayah.json
	check "nor its JSON: 403" status_is 403
	get "$who" /dasbor
	check "$who's /dasbor has no link to it" body_lacks 'href="/dasbor/wilayah"'
done
refused "Demak's secretariat may not open Pontianak's dashboard: 403" 403 \
    "tidak dapat Anda buka" get sekretariat "/dasbor/wilayah/$PNK"
get sekretariat "/dasbor/wilayah/$PNK.json"
check "nor its JSON: 403" all "status_is 403" "body_lacks 'Pontianak'"
get sekretariat /dasbor/wilayah/999
check "a region that does not exist: 403 to the staff (never told)" status_is 403
get pengawas /dasbor/wilayah/999
check "... and 404 to the oversight body" status_is 404

# ---- a region's staff ----

# js FILE EXPR: a Python expression over the JSON in FILE (as j).
js() { python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }
# jis EXPR WANT: the last body's JSON gives WANT.
jis() {
	local got
	got=$(js "$BODY" "$1" 2>&1)
	[ "$got" = "$2" ] || diag "$1: $got, want $2"
}

get sekretariat /dasbor
check "the secretariat's /dasbor links to the dashboard" body_has 'href="/dasbor/wilayah"'
for who in sekretariat ppk pyb; do
	get "$who" /dasbor/wilayah
	check "$who reads Demak's dashboard: 200, only Demak" all \
	    "status_is 200" "body_has 'Pemerintah Kabupaten Demak'" \
	    "body_lacks 'Pontianak'" "body_lacks 'Ringkasan nasional'"
done
cp "$BODY" "$T/demak.html"
get sekretariat /dasbor/wilayah.json
cp "$BODY" "$T/demak.json"
check "its JSON: one region, not national" all "status_is 200" \
    "jis 'len(j[\"regions\"])' 1" "jis 'j[\"national\"]' False" \
    "jis 'j[\"regions\"][0][\"code\"]' demak"
R='j["regions"][0]'
check "selections by state: 4, one in each of four states" all \
    "jis '$R[\"selections\"]' 4" \
    "jis '[(s[\"state\"], s[\"selections\"]) for s in $R[\"by_state\"]]' \"[('preparing', 1), ('registration', 1), ('interview', 1), ('choice', 1)]\""
# The days, from the rows: selection 3 entered the choice when its
# ranking was sent, and is in it today.
sent=$(sq "SELECT substr(sent_at, 1, 10) FROM ranking_sent WHERE selection_id = 3")
want=$(( ( $(date -ud 2026-11-23 +%s) - $(date -ud "$sent" +%s) ) / 86400 ))
check "days in the choice: from the ranking's sending ($sent) to today, $want" all \
    "jis '[(d[\"average\"], d[\"max\"], d[\"open\"]) for d in $R[\"days\"] if d[\"state\"] == \"choice\"]' '[($want, $want, 1)]'"
check "every state a selection passed has its days; none a state not reached" all \
    "jis '[d[\"state\"] for d in $R[\"days\"]]' \"['preparing', 'announced', 'registration', 'registration_ended', 'administrative', 'paper', 'track_record', 'assessment', 'interview', 'health', 'ranking', 'choice']\""
apps=$(sq "SELECT count(*) FROM application WHERE selection_id IN (3, 4) AND state <> 'withdrawn'")
check "applicants per vacancy: the applications not withdrawn ($apps)" all \
    "jis '$R[\"applicants\"]' $apps" \
    "jis '[(v[\"vacancy\"], v[\"applicants\"]) for v in $R[\"vacancies\"]]' '[(1, 0), (2, 0), (3, 5), (4, 5)]'"
check "the selection that needed an extension: 4, once" \
    jis "$R[\"extended\"]" "[{'selection': 4, 'extensions': 1}]"
check "posts filled and vacant: 1 and 3" all "jis '$R[\"filled\"]' 1" \
    "jis '$R[\"vacant\"]' 3"
check "terms ending in 12 months: post 3 on 2026-12-14, 21 days from today" \
    jis "$R[\"terms_ending\"]" "[{'selection': 3, 'vacancy': 3, 'ends': '2026-12-14', 'days_left': 21}]"

# The page: six charts, each an image named by its title and description,
# each beside its table with the same figures.
charts_ok() {
	python3 - "$1" "$2" <<'PY' >"$T/charts" 2>&1 || { diag "$(cat "$T/charts")"; return 1; }
import html as H, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
want = int(sys.argv[2])
svgs = re.findall(r'<svg class="chart".*?</svg>', page, re.S)
assert len(svgs) == want, f"{len(svgs)} charts, want {want}"
for s in svgs:
    m = re.search(r'role="img"[^>]*aria-labelledby="([^" ]+) ([^"]+)"', s)
    assert m, s[:200]
    assert f'<title id="{m.group(1)}">' in s, s[:300]
    assert f'<desc id="{m.group(2)}">' in s, s[:300]
    # bar i is row i of the table right after the chart: its label, and
    # its value in a cell of that row
    after = page[page.index(s) + len(s):]
    assert after.startswith('<div class="scroll"'), after[:80]
    body = after[:after.index("</tbody>")]
    rows = re.findall(r"<tbody>(.*)", body, re.S)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", rows, re.S)
    bars = re.findall(r'font-size="13" fill="#1a1a1a">([^<]*)</text><rect'
        r'[^>]*/><text[^>]*>(\d+)(?: [a-z]+)?</text>', s)
    assert len(bars) == len(rows) or (not bars and len(rows) == 1), \
        (len(bars), len(rows), s[:200])
    for (label, v), row in zip(bars, rows):
        first = H.unescape(re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row)[0])
        label = H.unescape(label)
        assert first.startswith(label.rstrip("\u2026")), (label, first)
        assert re.search(r">" + v + r"( [a-z]+)?</td>", row), (label, v, row)
print("ok")
PY
}
check "six charts, each role=img with its title and description, its figures in the table beside it" \
    charts_ok "$T/demak.html" 6
check "the terms' table names the post and its last day" all \
    "grep -q '14 Desember 2026' '$T/demak.html' || diag 'no 14 Desember 2026'" \
    "grep -q '>21 hari<' '$T/demak.html' || diag 'no 21 hari'"

get sekpnk /dasbor/wilayah
check "Pontianak's secretariat reads only Pontianak's: its title escaped" all \
    "status_is 200" "body_has 'Pemerintah Kota Pontianak'" "body_lacks 'Demak'" \
    "body_lacks '<script>alert'" "body_has '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Kota&quot;'"
get sekpnk "/dasbor/wilayah/$DMK"
check "... and is refused Demak's: 403" all "status_is 403" "body_lacks 'Kepala Dinas'"

# ---- the oversight body: every region, the national summary ----

get pengawas /dasbor
check "the oversight body's /dasbor links to the dashboard" body_has 'href="/dasbor/wilayah"'
get pengawas /dasbor/wilayah
cp "$BODY" "$T/national.html"
check "the oversight body reads the national summary and both regions" all \
    "status_is 200" "body_has 'Ringkasan nasional'" "body_has 'Seluruh wilayah'" \
    "body_has 'Pemerintah Kabupaten Demak'" "body_has 'Pemerintah Kota Pontianak'" \
    "body_lacks '<script>alert'"
check "1 + 6 charts a region, each named and beside its table" \
    charts_ok "$T/national.html" 13
get pengawas /dasbor/wilayah.json
check "its JSON: national, the total over both regions" all "status_is 200" \
    "jis 'j[\"national\"]' True" "jis 'len(j[\"regions\"])' 2" \
    "jis 'j[\"total\"][\"selections\"]' 5" "jis 'j[\"total\"][\"filled\"]' 1" \
    "jis 'j[\"total\"][\"vacant\"]' 3" "jis 'j[\"total\"][\"applicants\"]' $apps"
get pengawas "/dasbor/wilayah/$PNK.json"
check "one region of any: Pontianak's, one selection in preparation" all \
    "status_is 200" "jis '[r[\"code\"] for r in j[\"regions\"]]' \"['pontianak']\"" \
    "jis 'j[\"regions\"][0][\"by_state\"]' \"[{'state': 'preparing', 'label': 'Persiapan seleksi', 'selections': 1}]\""
get pengawas "/dasbor/wilayah/$DMK"
check "Demak's page for the oversight body: its figures without the summary" all \
    "status_is 200" "body_lacks 'Ringkasan nasional'" "body_has 'Kepala Dinas Kesehatan'"

# ---- every answer ----

check "reading changes nothing: no audit event made by the dashboard" \
    all '[ "$(sq "SELECT count(*) FROM event WHERE action LIKE '"'"'%dash%'"'"'")" = 0 ]'
sec_each() {
	local bad=0
	while read -r i c url; do
		case "$url" in */dasbor/wilayah*) ;; *) continue ;; esac
		sec_ok "$T/r/$i.h" || { diag "response $i ($c $url)"; bad=1; }
	done <"$T/r/index"
	return $bad
}
check "every dashboard answer has the security headers" sec_each
echo "1..$n"
