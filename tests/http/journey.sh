#!/usr/bin/env bash
# One whole selection over HTTP for one profile (issue 12 item 7), as its
# users drive it, against `selter serve --demo` on a store of its own:
# the administrator makes the region on the profile (or takes the demo's
# when it is on it) and the grants; the secretariat prepares the
# selection through the preparation forms (the plan with the profile's
# stages and weights, the committee with an assessor and, where the
# profile has them, a resource person; the oversight body's letter; the
# announcement), the PPK confirms the committee, its invited members join
# through their mail and the chair publishes.  Applicants register,
# confirm through the outbox's link, import a record the profile's ELIG-*
# rules accept (one a PPPK record they refuse) and apply; the server is
# restarted past the closing day; the administrative selection is
# checked, decided and published.  Then every stage of the plan, in the
# profile's order: invitations, one absence, every entitled rater's sheet
# (the paper by blind codes, the assessment by the profile's raters, the
# resource person refused, one recusal), the chair's closing with the
# committee's decision, the signed result published and equal to
# `selter rank` on its own sheet; the final ranking likewise, sent to
# whom the profile names, read by the PPK and refused to the public and
# the secretariat.  At the end the audit chain is intact, the sanitizer
# quiet and no response was a server error.  The differences between
# profiles come from the profile file (journey_lib.sh: profile_vars).
#
# The store is never written by the test: sqlite3 only reads it (the
# outbox's links, assertions).
#
# usage: tests/http/journey.sh path/to/selter PROFILE_ID     Prints TAP.
# Needs bash, curl, sqlite3, python3 and GNU date.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
. "$(dirname "${BASH_SOURCE[0]}")/journey_lib.sh"
PID=${2:?usage: journey.sh SELTER PROFILE_ID}
eval "$(profile_vars "$PID")"
START=$SECONDS

# The days (2026, whose holidays the data holds): preparation and
# registration open on Monday 3 August, closing on the 28th (at least
# 15 days of either kind), the administrative selection, then one stage
# every two or three days.
T0=2026-08-03
CLOSE=2026-08-28
AFTER=${CLOSE}T17:00:00Z			# 00:00 WIB the next day
STAGE_DAYS=(2026-09-02 2026-09-04 2026-09-08 2026-09-10 2026-09-14)

if ! serve --demo --now "${T0}T03:00:00Z"; then
	echo "1..1"
	notok "selter serve --demo starts" "$(cat "$T/server.err")"
	exit 1
fi
ok "selter serve --demo listens at $T0 10:00 WIB; profile $PID: ${P_STAGES[*]}"
STAFF=(admin sekretariat ketua anggota asesor narasumber pyb ppk pengawas)
for u in "${STAFF[@]}"; do relogin "$u"; done
must "the demo's staff log in" true

# ---- 1. the region, the selection, the preparation ----

REGION=$(sq "SELECT code FROM region WHERE profile_id = $(q "$PID") LIMIT 1")
if [ -z "$REGION" ]; then
	REGION=${PID//-/}
	make_region() {
		step admin /admin/wilayah "code=$REGION" "name=Pemerintah $P_REGION" \
		    "profile=$PID" "oversight=$P_OVERSIGHT" "secretariat=Sekretariat Pansel"
		local g
		for g in sekretariat:secretariat pengawas:oversight; do
			step admin /admin/peran "login=${g%%:*}" "region=$REGION" "role=${g#*:}"
		done
		[ -z "$DIAG" ]
	}
	must "the administrator makes the region $REGION on $PID, grants the secretariat and oversight" make_region
else
	ok "the demo's region $REGION is on $PID"
fi
post sekretariat /kelola/baru "region=$REGION" "title=Seleksi Terbuka $P_REGION 2026 (uji perjalanan)"
S=$(hdr "$H" Location | sed 's|.*/kelola/||')
must "the secretariat opens a selection: 303 to /kelola/$S" status_is 303 "/kelola/$S"
grants() {
	local g
	for g in asesor:assessor ppk:ppk pyb:pyb ${P_RESOURCE:+narasumber:narasumber}; do
		step admin /admin/peran "login=${g%%:*}" "region=$REGION" "selection=$S" "role=${g#*:}"
	done
	[ -z "$DIAG" ]
}
must "the administrator grants the assessor${P_RESOURCE:+, the resource person}, the PPK and the PyB in selection $S" grants

vacancies() {
	step sekretariat "/kelola/$S/lowongan" "title=Kepala Dinas Kesehatan" \
	    level=jpt_pratama echelon=II.b kind=agency_head field=kesehatan \
	    reason=pensiun "reason_note=Pejabat lama pensiun."
	if [ -n "$P_ADMINISTRATOR" ]; then
		step sekretariat "/kelola/$S/lowongan" "title=Lurah Darat Sekip" \
		    level=administrator echelon=III.b kind=lurah field=pemerintahan \
		    reason=pensiun "reason_note=Lurah lama pensiun."
	fi
	[ -z "$DIAG" ]
}
must "the vacancies${P_ADMINISTRATOR:+ (a Lurah post, an Administrator one, too)}: 303" vacancies
mapfile -t VACS < <(sq "SELECT id FROM vacancy WHERE selection_id = $S ORDER BY id")

plan() {
	local w=() s d i=0 where
	for s in "${!P_WEIGHT[@]}"; do w+=("w_$s=${P_WEIGHT[$s]}"); done
	step sekretariat "/kelola/$S/rencana" "duties=Memimpin urusan bidang." \
	    "standard=Standar kompetensi jabatan." "methods=Metode seleksi sesuai peraturan." \
	    "system=Pendaftaran daring melalui selter." "${w[@]}" || return 1
	step sekretariat "/kelola/$S/tahapan" stage=administrative \
	    starts_on=2026-08-31 ends_on=2026-09-01 || return 1
	for s in "${P_STAGES[@]}"; do
		d=${STAGE_DAYS[$i]}
		# By video conference where the profile allows it (STG-*).
		case ${P_VC[$s]:-no} in
		no) where="place=Aula BKPSDM" ;;
		*) where="link=https://vc.example.go.id/$s" ;;
		esac
		step sekretariat "/kelola/$S/tahapan" "stage=$s" "starts_on=$d" \
		    "ends_on=$d" method= "$where" "time_text=08.00-15.00 WIB" || return 1
		i=$((i + 1))
	done
	step sekretariat "/kelola/$S/tahapan" stage=result starts_on=2026-09-16 \
	    ends_on=2026-09-16
}
must "the plan: the profile's weights (${!P_WEIGHT[*]}), its stages in its order" plan
oversight() {
	step sekretariat "/kelola/$S/kirim" date=2026-07-20 ref=800/1/BKPSDM &&
	    step pengawas "/kelola/$S/rekomendasi" date=2026-07-27 "ref=B-1/$P_OVERSIGHT" \
	    "text=Dapat dilanjutkan sesuai rencana."
}
must "the plan sent to $P_OVERSIGHT, its recommendation recorded by the oversight body" oversight

committee() {
	local m nm org ech ch as who d decl=()
	for d in "${P_DECL[@]}"; do decl+=("decl=$d"); done
	for m in "Dr. Siti Aminah, M.Si.:academic::1:0:login=ketua" \
	    "Ir. Joko Prasetyo, M.T.:internal:II.a:0:0:login=anggota" \
	    "Drs. Hadi Purnomo, M.Si.:internal:II.b:0:0:email=hadi@example.org" \
	    "Dr. Retno Wulandari, M.Kes.:other_agency:II.a:0:0:email=retno@example.org" \
	    "Dra. Endang Lestari, Psikolog:professional::0:1:email=endang@example.org"; do
		IFS=: read -r nm org ech ch as who <<<"$m"
		step sekretariat "/kelola/$S/anggota" "name=$nm" "origin=$org" \
		    "echelon=$ech" "chair=$ch" "assessor=$as" "$who" "${decl[@]}" || return 1
	done
	step ppk "/kelola/$S/tetapkan" date=2026-07-30 "ref=800/77/2026"
}
must "the committee of five (an assessor among them) with the profile's declarations, confirmed by the PPK" committee
joined() { join hadi@example.org hadi && join retno@example.org retno &&
    join endang@example.org endang; }
must "the three invited members join through the mail's link" joined
RATERS=(ketua anggota hadi retno endang)
announce() {
	local items=() i
	for i in "${P_CONTENT[@]}"; do items+=("item=$i"); done
	step sekretariat "/kelola/$S/pengumuman" number=1/PANSEL/2026 "open=$T0" \
	    "close=$CLOSE" "text=Seleksi tidak dipungut biaya." "${items[@]}"
}
must "the announcement with the profile's content (${#P_CONTENT[@]} items)" announce
step ketua "/kelola/$S/terbitkan" confirm=1
must "the chair signs and publishes it: 303" true
get - "/seleksi/$S"
must "the announcement is public" all 'status_is 200' 'body_has "Seleksi Terbuka $P_REGION"'

# ---- 2. registration ----

person a1 1 "Ahmad Fauzi, M.Kes."
person a2 2 "Rina Marlina, S.KM., M.PH."
person a3 3 "Teguh Santoso, M.M."
person a4 4 "Dewi Kartika, M.Si."
person a5 5 "Bambang Wijaya, M.Kes."
person x6 6 "Yusuf Pratama, S.E."
ORDER=(a1 a2 a3 a4 a5)
registered() {
	local w
	for w in "${ORDER[@]}"; do applicant "$w" "${VACS[0]}" || return 1; done
	applicant x6 "${VACS[0]}" bad
}
must "six applicants register, confirm, import their records and apply (one a PPPK, refused by ELIG-EMPLOYMENT)" registered
if [ -n "$P_ADMINISTRATOR" ]; then
	person l1 11 "Rudi Hartono, S.IP."
	person l2 12 "Maya Sari, S.Sos."
	person l3 13 "Andi Wijaya, S.STP."
	ORDER+=(l1 l2 l3)
	lurah() { local w; for w in l1 l2 l3; do applicant "$w" "${VACS[1]}" || return 1; done; }
	must "three apply to the Lurah post" lurah
fi
get a1 "/pelamar/lamaran/${APP[a1]}"
check "the applicant reads her receipt" status_is 200

# ---- 3. closed: the administrative selection ----

must "restarted at $AFTER (00:00 WIB after the closing day)" restart "$AFTER"
step sekretariat "/kelola/$S/alur/tutup" confirm=1
must "the secretariat closes registration: 303" true
get - "/seleksi/$S/pendaftar"
check "the registrants are public" all 'status_is 200' "body_has '${NAME[a1]}'"
administrative() {
	local w
	for w in "${ORDER[@]}" x6; do
		step sekretariat "/kelola/$S/lamaran/${APP[$w]}/periksa" complete=1 \
		    "note=Berkas lengkap." || return 1
	done
	for w in "${ORDER[@]}"; do
		step anggota "/kelola/$S/lamaran/${APP[$w]}/putuskan" passed=1 \
		    "reason=Memenuhi seluruh persyaratan administrasi." || return 1
	done
	step anggota "/kelola/$S/lamaran/${APP[x6]}/putuskan" passed=0 \
	    "reason=Bukan PNS (ELIG-EMPLOYMENT)."
}
must "every file checked, each decided by a member with a reason" administrative
step ketua "/kelola/$S/administrasi/terbitkan" confirm=1
must "the chair signs the administrative result: 303" true
get - "/seleksi/$S/hasil-administrasi"
check "the administrative result is public, without the one who failed" all \
    'status_is 200' "body_has '${NAME[a5]}'" "body_lacks '${NAME[x6]}'"

# ---- 4. every stage ----

ABSENT=a5			# absent at the first stage
RECUSER=anggota			# recuses from a1 at the second
run_stage() {
	local k=$1 st=$2 slug=${SLUG[$2]} who raters=()
	local U=/kelola/$S/tahap/$slug
	# The stage's own day (the clock moves by a restart).
	restart "${STAGE_DAYS[$k]}T03:00:00Z" || return 1
	page sekretariat "$U" || return 1
	# Its name as the profile gives it (Pontianak: health and psychology).
	[ -z "${P_LABEL[$st]:-}" ] || body_has "${P_LABEL[$st]}" || return 1
	step sekretariat "$U/undang" || return 1
	if [ "$k" = 0 ]; then
		step ketua "$U/absen" "application=${APP[$ABSENT]}" \
		    "note=Tidak hadir tanpa keterangan." || return 1
	fi
	case $st in
	track_record)
		step anggota "$U/instrumen" c_name_1=Integritas c_weight_1=60 \
		    "c_name_2=Rekam jejak jabatan" c_weight_2=40 || return 1
		step anggota "$U/penelusuran" "application=${APP[a1]}" source=atasan \
		    "note=Atasan langsung menilai kepemimpinannya baik." || return 1 ;;
	interview)
		local v
		for v in "${VACS[@]}"; do
			step ketua "$U/materi" "vacancy=$v" \
			    "body=Visi, isu aktual dan rencana kerja jabatan." || return 1
		done ;;
	esac
	step sekretariat "$U/nilai" aksi=buka || return 1
	# The raters the profile names for this stage.
	if [ "$st" = health ]; then
		raters=(sekretariat)
	elif [ "$st" = assessment ]; then
		[ -n "$P_ASSESS_COMMITTEE" ] && raters+=("${RATERS[@]}")
		[ -n "$P_ASSESS_ASSESSOR" ] && raters+=(asesor)
	else
		raters=("${RATERS[@]}")
	fi
	local got want
	got=$(sq "SELECT group_concat(a.login, ' ') FROM stage_rater r JOIN account a
	    ON a.id = r.account_id WHERE r.selection_id = $S AND r.stage = '$st'")
	want=$(printf '%s\n' "${raters[@]}" | sort | tr '\n' ' ')
	[ "$(echo "$got" | tr ' ' '\n' | sort | tr '\n' ' ')" = "$want" ] ||
	    diag "$st: raters $got, want $want"
	RATERS_NOW=("${raters[@]}")
	[ -z "$DIAG" ]
}
# close_stage K STAGE: every rater's sheet, the chair's closing, the
# result signed; the public page and sheet kept in T.
close_stage() {
	local k=$1 st=$2 slug=${SLUG[$2]} who
	local U=/kelola/$S/tahap/$slug
	if [ "$k" = 1 ]; then
		post "$RECUSER" "$U/nilai" aksi=benturan "calon=${APP[a1]}" \
		    "reason=Masih kerabat dekat calon."
		[ "$code" = 303 ] || { diag "recusal: $code $(said)"; return 1; }
	fi
	local r=0
	for who in "${RATERS_NOW[@]}"; do
		score_all "$who" "$st" "$r" || return 1
		r=$((r + 1))
	done
	step ketua "$U/nilai" aksi=tutup \
	    "decision=Rapat panitia menetapkan hasil tahap ini sesuai rekapitulasi." || return 1
	step ketua "/kelola/$S/hasil/$slug" confirm=1 scores=1 || return 1
	get - "/seleksi/$S/hasil/$slug"
	[ "$code" = 200 ] || { diag "the public result of $st: $code"; return 1; }
	cp "$BODY" "$T/page.$slug"
	# One sheet per vacancy: lembar.json itself, or its index of them.
	local v
	get - "/seleksi/$S/hasil/$slug/lembar.json"
	[ "$code" = 200 ] || { diag "the sheet of $st: $code"; return 1; }
	cp "$BODY" "$T/sheet.$slug.json"
	if [ ${#VACS[@]} -gt 1 ]; then
		for v in "${VACS[@]}"; do
			grep -qF "/seleksi/$S/hasil/$slug/lembar/$v.json" "$T/sheet.$slug.json" ||
			    { diag "the index of $st's sheets lacks vacancy $v"; return 1; }
			get - "/seleksi/$S/hasil/$slug/lembar/$v.json"
			[ "$code" = 200 ] || { diag "the sheet of $st, vacancy $v: $code"; return 1; }
			cp "$BODY" "$T/sheet.$slug.$v.json"
		done
	else
		cp "$BODY" "$T/sheet.$slug.${VACS[0]}.json"
	fi
}
# result_ok STAGE: the public result, signed by the chair, and (but for
# health, pass or fail) ranked as `selter rank` ranks its own sheet.
result_ok() {
	local slug=${SLUG[$1]}
	grep -qF "Dr. Siti Aminah, M.Si." "$T/page.$slug" || diag "not signed by the chair"
	grep -qF "Keputusan panitia seleksi" "$T/page.$slug" || diag "no committee's decision"
	local v
	for v in "${VACS[@]}"; do
		if [ "$1" = health ]; then
			"$selter" rank --profiles "$PROFILES" --profile "$PID" \
			    --scores "$T/sheet.$slug.$v.json" >/dev/null 2>"$T/rank.err" ||
			    diag "selter rank on the health sheet: $(cat "$T/rank.err")"
			grep -q '"health":' "$T/sheet.$slug.$v.json" || diag "no health in its sheet"
			# met or not met, in words: never a score of 100,00
			grep -qF '<td data-label="Hasil tes kesehatan">Memenuhi syarat</td>' "$T/page.$slug" ||
			    diag "the health result not in words"
			! grep -qF '100,00' "$T/page.$slug" || diag "the health result shows 100,00"
		else
			same_as_rank "$T/sheet.$slug.$v.json" "$T/page.$slug" stage "$v"
		fi
	done
	[ -z "$DIAG" ]
}
k=0
for st in "${P_STAGES[@]}"; do
	slug=${SLUG[$st]}
	what=""
	[ "$k" = 0 ] && what="${NAME[$ABSENT]} absent, "
	must "$st on ${STAGE_DAYS[$k]}: the invitations sent, ${what}opened with the profile's raters" run_stage "$k" "$st"
	if [ "$st" = paper ]; then
		sheet_keys hadi paper
		blind=('body_has "Kode ${KEYS[0]:-?}"')
		for w in "${ORDER[@]}"; do
			blind+=("body_lacks '${NAME[$w]}'" "body_lacks '$(reg_of "$w")'")
		done
		check "paper: graded blind, the member's sheet by codes only (${#KEYS[@]} codes), no name or number" \
		    all 'status_is 200' "${blind[@]}"
	fi
	if [ "$st" = interview ]; then
		# Granted where the profile has resource persons (STG-INTERVIEW).
		ensure narasumber
		sheet_keys ketua "$st"
		refused "interview: the resource person's score is refused (403${P_RESOURCE:+, STG-INTERVIEW}), nothing kept" \
		    403 "${P_RESOURCE:+Narasumber dapat hadir tetapi tidak memberi nilai (STG-INTERVIEW}" \
		    post narasumber "/kelola/$S/tahap/$slug/nilai" aksi=nilai "calon=${KEYS[0]}" value=90
	fi
	what=""
	[ "$k" = 1 ] && what="$RECUSER recuses from ${NAME[a1]}, "
	must "$st: ${what}every rater (${RATERS_NOW[*]}) scores and sends, the chair closes it and signs its result" close_stage "$k" "$st"
	check "$st: its public result, signed by the chair$([ "$st" = health ] || echo ", equals selter rank on its own sheet")" result_ok "$st"
	if [ "$k" = 0 ]; then
		check "$st: ${NAME[$ABSENT]} is listed absent, unranked, and withdrawn from the later stages" all \
		    "grep -q 'tidak hadir' '$T/page.$slug'" \
		    "! grep -q '\"$(reg_of "$ABSENT")\"' '$T/sheet.$slug.${VAC_OF[$ABSENT]}.json' || diag 'ranked in the sheet'"
	fi
	if [ "$k" = 1 ]; then
		check "$st: the recusal is in the sheet, the rater left out of ${NAME[a1]}'s mean" \
		    grep -q '"recused":true' "$T/sheet.$slug.${VAC_OF[a1]}.json"
	fi
	k=$((k + 1))
done

check "the withdrawn candidate is on no later stage's sheet" \
    bash -c "! grep -q '\"$(reg_of "$ABSENT")\"' '$T/sheet.${SLUG[${P_STAGES[-1]}]}.${VAC_OF[$ABSENT]}.json'"

# ---- 5. the ranking, sent as the profile says ----

must "restarted on 2026-09-16, the result day" restart 2026-09-16T03:00:00Z
ranking_ok() {
	local v
	page ketua "/kelola/$S/peringkat" || return 1
	cp "$BODY" "$T/ranking.html"
	for v in "${VACS[@]}"; do
		page ketua "/kelola/$S/peringkat/lembar/$v.json" || return 1
		cp "$BODY" "$T/ranking.$v.json"
		same_as_rank "$T/ranking.$v.json" "$T/ranking.html" final "$v" || return 1
	done
}
check "the final ranking of each vacancy equals selter rank on its sheet (ranks, finals, the best $P_TOP, no tie at the cut)" ranking_ok
check "  ... the best $P_TOP of each vacancy marked ($(( ${#VACS[@]} * P_TOP )) in all)" \
    test "$(grep -o 'data-short="1"' "$T/ranking.html" | wc -l)" = $(( ${#VACS[@]} * P_TOP ))
step ketua "/kelola/$S/peringkat/kirim" confirm=1
must "the chair sends the ranking: 303" true
check "  ... kept as sent, to the $P_SEND_TO as $P_CITE says, with its SHA-256" \
    test "$(sq "SELECT to_role || length(sha256) FROM ranking_sent WHERE selection_id = $S")" = "${P_SEND_TO}64"
for who in $(printf "%s\n" ppk "$P_SEND_TO" $P_SEND_COPY | sort -u); do
	get "$who" "/kelola/$S/peringkat"
	check "the $who reads the ranking: 200, confidential" all 'status_is 200' 'body_has RAHASIA'
done
get - "/kelola/$S/peringkat"
check "the public is sent to log in" status_is 303 /masuk
get sekretariat "/kelola/$S/peringkat"
check "the secretariat is refused: 403" status_is 403
get sekretariat "/kelola/$S/peringkat/lembar/${VACS[0]}.json"
check "  ... and its sheet: 403" status_is 403
get - "/seleksi/$S"
links=('status_is 200')
for st in "${P_STAGES[@]}"; do links+=("body_has /seleksi/$S/hasil/${SLUG[$st]}"); done
check "the selection's page links every stage's result" all "${links[@]}"

echo "# $PID: $((SECONDS - START)) s"
check "no sanitizer report from the server" sanitizer_quiet
check "the audit trail is intact" audit_ok
check "no response was a server error" statuses_expected
unserve
check "SIGTERM: the server exits 0" test "$rc" = 0
echo "1..$n"
