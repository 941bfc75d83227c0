# shellcheck shell=bash
# journey_lib.sh - what a whole selection driven over HTTP stands on
# (sourced after lib.sh by journey.sh, never run): the profile read into
# shell variables, people who register, confirm, import and apply through
# the forms, the committee's invited members joining through their mail,
# a stage run from its invitations to its published result, and the
# comparison of a page with `selter rank` on its own sheet.  The store
# is only ever READ here (sqlite3 for the outbox's tokens and for
# assertions); every change goes through the server's forms.
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PROFILES=$ROOT/profiles
APW=rahasia-pelamar-1
MPW=rahasia-panitia-1

# ---- the profile ----

# profile_vars ID: the profile's differences as shell assignments (the
# stages in the order its STG-* rules give them, the weights, the
# committee's declarations, who rates the assessment, whether resource
# persons and administrator posts exist, to whom the ranking goes).
profile_vars() {
	python3 - "$PROFILES/$1.json" <<'EOF'
import json, shlex, sys
p = json.load(open(sys.argv[1]))
rules = p["rules"]
def rule(rid, plain=True):
    rs = [r for r in rules if r["rule"] == rid]
    if plain:
        rs = [r for r in rs if "when" not in r] or rs
    return rs[0] if rs else None
stg = {"STG-PAPER": "paper", "STG-TRACK": "track_record",
       "STG-ASSESS": "assessment", "STG-INTERVIEW": "interview",
       "STG-HEALTH": "health"}
stages = [stg[r["rule"]] for r in rules if r["rule"] in stg]
w = rule("SCORE-WEIGHTS")
ranges = (w or {}).get("ranges", {})
# A weighted stage the rules do not describe (Demak's paper, Pasal 11)
# comes first, as the regulation's list puts it.
for s in ("paper", "track_record", "assessment", "interview"):
    if s in ranges and s not in stages:
        stages.insert(0, s)
dflt = {"paper": 20, "assessment": 25, "interview": 35, "track_record": 20}
weights = {s: (ranges[s][1] if s in ranges else dflt[s])
           for s in stages if s != "health"}
assess = rule("STG-ASSESS") or {}
raters = assess.get("raters", ["committee"])
inter = rule("STG-INTERVIEW") or {}
resource = any(s.get("id") == "resource_persons" for s in inter.get("steps", []))
decl = (rule("COM-MEMBER") or {}).get("declarations", [])
top3 = rule("SCORE-TOP3") or {}
send = top3.get("send", {})
pub = (rule("SCORE-PUBLISH") or {}).get("scores", {}).get("publish", "optional")
reg = rule("ELIG-REGION") or {}
region = p["region"]
kind = "regency" if region["name"].startswith("Kabupaten") else "city"
cont = [c["id"] for c in p.get("announcement_content", [])]
out = {
    "P_TITLE": p["title"], "P_CITE": p["cite"],
    "P_REGION": region["name"], "P_PROVINCE": reg.get("province", region["province"]),
    "P_AGENCY_KIND": kind, "P_OVERSIGHT": p.get("oversight", "KASN"),
    "P_ADMINISTRATOR": "1" if "administrator" in p.get("levels", []) else "",
    "P_RESOURCE": "1" if resource else "",
    "P_ASSESS_COMMITTEE": "1" if "committee" in raters else "",
    "P_ASSESS_ASSESSOR": "1" if "assessor" in raters else "",
    "P_SEND_TO": send.get("to", "ppk"), "P_SEND_COPY": send.get("copy", ""),
    "P_TOP": str(top3.get("count", 3)),
    "P_PUBLISH": pub,
}
for k, v in out.items():
    print("%s=%s" % (k, shlex.quote(v)))
labels = {stg[r["rule"]]: r["label"] for r in rules
          if r["rule"] in stg and "when" not in r and "label" in r}
print("declare -A P_LABEL=(%s)" % " ".join("[%s]=%s" % (k, shlex.quote(v)) for k, v in labels.items()))
vc = {}
for r in rules:
    if r["rule"] in stg and "when" not in r:
        vc[stg[r["rule"]]] = r.get("video_conference", {}).get("mode", "")
print("declare -A P_VC=(%s)" % " ".join("[%s]=%s" % (k, v or "no") for k, v in vc.items()))
print("P_STAGES=(%s)" % " ".join(stages))
print("P_DECL=(%s)" % " ".join(decl))
print("P_CONTENT=(%s)" % " ".join(cont))
print("declare -A P_WEIGHT=(%s)" % " ".join("[%s]=%s" % kv for kv in weights.items()))
EOF
}
declare -A SLUG=([paper]=makalah [track_record]=rekam-jejak [assessment]=asesmen
    [interview]=wawancara [health]=kesehatan)

# ---- steps that must hold for the journey to go on ----

# must NAME CMD...: a check whose failure ends the journey (what follows
# stands on it); the plan line is printed with what was done.
must() {
	check "$@"
	[ -n "$DIAG" ] || return 0
	echo "# the journey stops here; responses in $T/r (KEEP=1 keeps them)"
	echo "1..$n"
	exit 1
}
# said: the last response's messages, for a diagnosis.
said() { grep -o 'class="msg[^<]*<[^<]*' "$BODY" | head -n 3; }
# step WHO URL [name=value...]: a form that must be answered 303.
step() {
	post "$@"
	[ "$code" = 303 ] || diag "$2: $code $(said)"
}
# page WHO URL: a page that must be answered 200.
page() {
	get "$1" "$2"
	[ "$code" = 200 ] || diag "GET $2 as $1: $code"
}
# restart TIME: the server restarted on the same store at TIME; its
# sessions have expired by then (days later), so each person logs in
# again before their next request (ensure).
restart() {
	unserve
	[ "$rc" = 0 ] || diag "the server exited $rc"
	serve --now "$1" || { diag "no restart at $1: $(tail -n 3 "$T/server.err")"; return 1; }
	LOGGED=()
	[ -z "$DIAG" ]
}
# relogin WHO: a fresh session, staff by login, applicants by NIP, as
# lib.sh's login but following the answer's 303 to the dashboard in the
# same request (the form token is read there).
declare -A LOGIN_PW LOGIN_NAME PERSON LOGGED
relogin() {
	local tok
	PERSON[$1]=1 LOGGED[$1]=1
	rm -f "$(jar "$1")"
	lib_get "$1" /masuk
	tok=$(form_token "$BODY")
	lib_get "$1" /masuk -L --data-urlencode "csrf=$tok" \
	    --data-urlencode "login=${LOGIN_NAME[$1]:-$1}" \
	    --data-urlencode "password=${LOGIN_PW[$1]:-$PW}"
	TOK[$1]=$(form_token "$BODY")
	{ [ "$code" = 200 ] && grep -q '^HTTP/[0-9.]* 303' "$H" && [ -n "${TOK[$1]}" ]; } ||
	    diag "login $1: $code $(said)"
}
# ensure WHO: logged in since the last restart (a person, not "-").
ensure() {
	[ -n "${PERSON[$1]:-}" ] && [ -z "${LOGGED[$1]:-}" ] && relogin "$1"
	return 0
}
# get and post as lib.sh's, a person logged in first.
eval "lib_get() $(declare -f get | tail -n +2)"
eval "lib_post() $(declare -f post | tail -n +2)"
get() { ensure "$1"; lib_get "$@"; }
post() { ensure "$1"; lib_post "$@"; }

# ---- applicants ----

declare -A NIP NAME MAIL
# person KEY N NAME: applicant N (1-99), an NIP agreeing with a birth date
# in 1978 and a TMT CPNS of March 2003.
person() {
	NIP[$1]=$(printf '1978%02d%02d2003031%03d' $(($2 % 12 + 1)) $(($2 % 27 + 1)) "$2")
	NAME[$1]=$3
	MAIL[$1]=$1@example.org
}
birth_of() { local n=${NIP[$1]}; echo "${n:0:4}-${n:4:2}-${n:6:2}"; }
# record_of KEY [bad]: a SIASN-style record the profile's ELIG-* rules
# accept (a PNS of the region's own agency), or, with "bad", a PPPK one
# ELIG-EMPLOYMENT refuses.
record_of() {
	python3 - "${NIP[$1]}" "${NAME[$1]}" "$(birth_of "$1")" "$P_REGION" \
	    "$P_AGENCY_KIND" "$P_PROVINCE" "${2:-}" <<'EOF'
import json, sys
nip, name, birth, region, kind, prov, bad = sys.argv[1:8]
rec = {"nip": nip, "name": name, "birth_date": birth,
  "employment": "pppk" if bad else "pns",
  "agency": {"name": "Pemerintah " + region, "kind": kind, "province": prov},
  "grade": "IV/a", "education": [{"level": "S2", "major": "Administrasi Publik"}],
  "certificates": [],
  "posts": [{"title": "Kepala Bidang", "kind": "structural", "echelon": "III.b",
             "fields": ["kesehatan"], "start": "2014-01-02", "end": "2019-03-01"},
            {"title": "Sekretaris Dinas", "kind": "structural", "echelon": "III.a",
             "fields": ["kesehatan"], "start": "2019-03-01", "end": None}],
  "training": ["pim_iii"], "penalties": [], "under_examination": False,
  "performance": [{"year": 2024, "rating": "baik"}, {"year": 2025, "rating": "sangat_baik"}],
  "recommendation": {"by": "pyb", "ppk_approved": True}}
print(json.dumps(rec, indent=1))
EOF
}
# mail_token ADDRESS SUBJECT [TEXT]: the token of the newest such mail
# (with TEXT in its body), the outbox read as the mailer would send it.
mail_token() {
	sq "SELECT body FROM outbox WHERE to_addr = $(q "$1") AND
	    subject LIKE $(q "$2%") AND body LIKE $(q "%${3:-}%")
	    ORDER BY id DESC LIMIT 1" |
	    grep -o '?t=[A-Za-z0-9_-]*' | head -n 1 | cut -c 4-
}
# applicant KEY VACANCY [bad]: registers through /daftar, confirms through
# the mail's link, logs in with the NIP, imports the record and applies.
applicant() {
	local w=$1 vac=$2 tok
	rm -f "$(jar "$w")"
	csrf_of "$w" /daftar
	TOK[$w]=$CSRF
	post "$w" /daftar "nip=${NIP[$w]}" "name=${NAME[$w]}" \
	    "birth_date=$(birth_of "$w")" "tmt=2003-03" "email=${MAIL[$w]}" \
	    "pw1=$APW" "pw2=$APW"
	[ "$code" = 200 ] || { diag "register $w: $code $(said)"; return 1; }
	tok=$(mail_token "${MAIL[$w]}" Konfirmasi)
	get - "/konfirmasi?t=$tok"
	[ "$code" = 200 ] || { diag "confirm $w: $code"; return 1; }
	LOGIN_PW[$w]=$APW LOGIN_NAME[$w]=${NIP[$w]}
	relogin "$w" || return 1
	post "$w" /pelamar/data "record=$(record_of "$w" "${3:-}")"
	[ "$code" = 303 ] || { diag "record $w: $code $(said)"; return 1; }
	get "$w" "/pelamar/lowongan/$vac"
	[ "$code" = 200 ] || { diag "vacancy $vac as $w: $code"; return 1; }
	if [ -z "${3:-}" ]; then
		body_has '<strong>Memenuhi persyaratan</strong>' || return 1
	else
		body_has '<strong>Tidak memenuhi persyaratan</strong>' || return 1
	fi
	post "$w" "/pelamar/lowongan/$vac/daftar"
	[ "$code" = 303 ] || { diag "apply $w: $code $(said)"; return 1; }
	APP[$w]=$(hdr "$H" Location | sed 's|.*/pelamar/lamaran/||')
	VAC_OF[$w]=$vac
}
declare -A APP VAC_OF
reg_of() { sq "SELECT reg_no FROM application WHERE id = ${APP[$1]}"; }

# ---- the committee's invited members ----

# join EMAIL LOGIN [TEXT]: the member opens the invitation of the outbox
# (the one with TEXT, the selection's title) and makes an account.
join() {
	local tok
	tok=$(mail_token "$1" "Undangan anggota panitia" "${3:-}")
	[ -n "$tok" ] || { diag "no invitation to $1"; return 1; }
	rm -f "$(jar "$2")"
	get "$2" "/undangan?t=$tok"
	[ "$code" = 200 ] || { diag "GET /undangan for $1: $code"; return 1; }
	TOK[$2]=$(form_token "$BODY")
	post "$2" /undangan "t=$tok" "login=$2" "pw1=$MPW" "pw2=$MPW"
	[ "$code" = 303 ] || [ "$code" = 200 ] || { diag "join $2: $code $(said)"; return 1; }
	LOGIN_PW[$2]=$MPW
	relogin "$2"
}

# ---- a stage's sheet ----

# sheet_keys WHO STAGE: the candidates the rater's sheet offers a score
# input for (blind codes on the paper, application ids elsewhere), in
# the page's order, into KEYS.
sheet_keys() {
	get "$1" "/kelola/$S/tahap/${SLUG[$2]}/nilai"
	KEYS=()
	[ "$code" = 200 ] || { diag "sheet of $2 as $1: $code"; return 1; }
	mapfile -t KEYS < <(grep -o 'name="aksi" value="nilai"><input type="hidden" name="calon" value="[^"]*"' "$BODY" |
	    sed 's/.*value="//; s/"$//')
}
# value_for STAGE RATER I KEY: a score: the candidate's base for the stage
# (applications by their order of registration; blind codes by the
# sheet's order) spread between raters.
value_for() {
	local st=$1 r=$2 i=$3 base
	base=$((9000 - i * 450 - ${#st} * 7))
	base=$((base + (r * 37 % 150) - 75))
	printf '%d,%02d' $((base / 100)) $((base % 100))
}
# score_all WHO STAGE: every candidate of WHO's sheet scored, then sent.
score_all() {
	local who=$1 st=$2 r=$3 i=0 k
	sheet_keys "$who" "$st" || return 1
	[ ${#KEYS[@]} -gt 0 ] || { diag "$who: no candidate on the $st sheet"; return 1; }
	for k in "${KEYS[@]}"; do
		if [ "$st" = health ]; then
			post "$who" "/kelola/$S/tahap/${SLUG[$st]}/nilai" aksi=nilai "calon=$k" value=100
		else
			post "$who" "/kelola/$S/tahap/${SLUG[$st]}/nilai" aksi=nilai "calon=$k" \
			    "value=$(value_for "$st" "$r" "$(rank_key "$k")")"
		fi
		[ "$code" = 303 ] || { diag "$who scores $k on $st: $code $(said)"; return 1; }
		i=$((i + 1))
	done
	post "$who" "/kelola/$S/tahap/${SLUG[$st]}/nilai" aksi=kirim
	[ "$code" = 303 ] || { diag "$who sends the $st sheet: $code $(said)"; return 1; }
}
# rank_key KEY: the position of an application among the applicants in
# the order they applied (a blind code: its place among the codes).
rank_key() {
	local k=$1 i=0 w
	for w in "${ORDER[@]}"; do
		[ "${APP[$w]}" = "$k" ] && { echo "$i"; return; }
		i=$((i + 1))
	done
	i=0
	for w in "${KEYS[@]}"; do
		[ "$w" = "$k" ] && { echo "$i"; return; }
		i=$((i + 1))
	done
	echo 0
}

# ---- a page against `selter rank` ----

# same_as_rank SHEET PAGE KIND VACANCY: the rows of the vacancy's table
# of the page against `selter rank` on the sheet (KIND stage: data-rank,
# data-score; final: data-rank, data-final, data-short, data-cut), as
# tests/http/result.sh checks.
same_as_rank() {
	local out
	if ! "$selter" rank --profiles "$PROFILES" --profile "$PID" \
	    --scores "$1" >"$T/rank.json" 2>"$T/rank.err"; then
		diag "selter rank: $(cat "$T/rank.err")"
		return 1
	fi
	out=$(python3 - "$T/rank.json" "$2" "$3" "$4" <<'EOF'
import json, re, sys
r = json.load(open(sys.argv[1]))
page = open(sys.argv[2]).read()
kind = sys.argv[3]
m = re.search(r'<table[^>]*data-vacancy="%s".*?</table>' % sys.argv[4], page, re.S)
page = m.group(0) if m else ''
rows = {}
for m in re.finditer(r'<tr data-id="([^"]+)"([^>]*)>', page):
    a = dict(re.findall(r'(data-[a-z]+)="([^"]*)"', m.group(2)))
    if 'data-rank' in a:
        rows[m.group(1)] = a
cli = {c['id']: c for c in r['ranking']}
bad = []
if not cli:
    bad.append('selter rank ranks nobody')
if set(rows) != set(cli):
    bad.append('ids: page %s, rank %s' % (sorted(rows), sorted(cli)))
for i, c in cli.items():
    p = rows.get(i)
    if p is None:
        continue
    if int(p['data-rank']) != c['rank']:
        bad.append('%s rank %s != %s' % (i, p['data-rank'], c['rank']))
    key = 'data-score' if kind == 'stage' else 'data-final'
    if '%.2f' % c['final'] != p.get(key):
        bad.append('%s score %s != %.2f' % (i, p.get(key), c['final']))
if kind == 'final':
    short = sorted(i for i, p in rows.items() if p.get('data-short'))
    cut = sorted(i for i, p in rows.items() if p.get('data-cut'))
    if short != sorted(r['shortlist']):
        bad.append('shortlist %s != %s' % (short, sorted(r['shortlist'])))
    if cut != sorted(r.get('tied_at_cutoff', [])):
        bad.append('tied at cut %s != %s' % (cut, r.get('tied_at_cutoff')))
print('\n'.join(bad))
EOF
)
	[ -z "$out" ] || diag "$out"
}

# statuses_expected: no response of the journey was a server error or
# none at all.
statuses_expected() {
	local bad
	bad=$(awk '$2 == "000" || $2 >= 500' "$T/r/index")
	[ -z "$bad" ] || diag "$bad"
}
