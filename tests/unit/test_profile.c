/*
 * test_profile.c - core/profile: every profile file loads; the Demak
 * profile's entries and how a vacancy selects them; the strict loader's
 * errors (line and JSON path).
 */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "core/profile.h"
#include "core/record.h"
#include "t.h"
#include "base/banned.h"

/* A small valid profile; rows below splice rules into it. */
#define HEAD								\
	"{\"selter_profile\": 1, \"id\": \"test-2024\",\n"		\
	" \"title\": \"Test\", \"regulation\": \"Peraturan Test\",\n"	\
	" \"cite\": \"Perbup Test 1/2024\",\n"				\
	" \"region\": {\"name\": \"Kabupaten Test\", "			\
	"\"province\": \"Jawa Tengah\", \"timezone\": \"WIB\"},\n"	\
	" \"oversight\": \"BKN\", \"levels\": [\"jpt_pratama\"],\n"	\
	" \"rules\": [\n"
#define TAIL	"\n]}"

/* Every profile of profiles/ loads, and its id is its file name. */
static void
test_every_profile_loads(void **state)
{
	struct arena *a = T_ARENA(state);
	size_t n = 0;
	char **names = t_list(a, "profiles", ".json", &n);
	bool demak = false;

	assert_true(n >= 1);
	for (size_t i = 0; i < n; i++) {
		char id[256];
		size_t l = strlen(names[i]) - 5;
		struct profile *p;

		snprintf(id, sizeof(id), "%.*s", (int)l, names[i]);
		p = t_profile(a, id);
		t_str_equal(p->id, id);
		assert_true(p->nrules > 0);
		assert_true(p->levels != 0);
		for (size_t k = 0; k < p->nrules; k++) {
			/* Every citation starts with the regulation's cite. */
			assert_true(p->rules[k].citation.len > p->cite.len);
			assert_memory_equal(p->rules[k].citation.p, p->cite.p,
			    p->cite.len);
		}
		demak |= strcmp(id, "demak-2022") == 0;
	}
	assert_true(demak);
}

static void
test_demak_header(void **state)
{
	struct profile *p = t_profile(T_ARENA(state), "demak-2022");

	t_str_equal(p->id, "demak-2022");
	t_str_equal(p->regulation, "Peraturan Bupati Demak Nomor 47 Tahun "
	    "2022");
	t_str_equal(p->cite, "Perbup Demak 47/2022");
	t_str_equal(p->province, "Jawa Tengah");
	t_str_equal(p->timezone, "WIB");
	t_str_equal(p->oversight, "KASN");
	assert_int_equal(p->levels, 1u << LV_JPT_PRATAMA);
	assert_false(p->emergency);
	assert_int_equal(p->periods_at, REF_AS_OF);
	assert_true(p->ncontent >= 11);
	assert_true(p->ndocuments >= 3);
	t_str_equal(p->content[0].citation, "Perbup Demak 47/2022 Pasal 9 "
	    "ayat (6) huruf a");
}

/* Sekda (II.a) and agency heads (II.b) have separate entries. */
static void
test_demak_echelon_selects_entry(void **state)
{
	static const struct {
		enum rule_id	 id;
		const char	*cite_2a, *cite_2b;	/* NULL: no entry */
	} rows[] = {
		{ R_ELIG_EMPLOYMENT, "Pasal 4 ayat (1) huruf a",
		  "Pasal 4 ayat (2) huruf a" },
		{ R_ELIG_GRADE, "Pasal 4 ayat (1) huruf b",
		  "Pasal 4 ayat (2) huruf b" },
		{ R_ELIG_PRIOR_POST, "Pasal 4 ayat (1) huruf c",
		  "Pasal 4 ayat (2) huruf c dan huruf d" },
		{ R_ELIG_EXPERIENCE, "Pasal 4 ayat (1) huruf d",
		  "Pasal 4 ayat (2) huruf f" },
		{ R_ELIG_AGE, "Pasal 4 ayat (1) huruf e",
		  "Pasal 4 ayat (2) huruf g" },
		{ R_ELIG_DISCIPLINE, "Pasal 4 ayat (1) huruf j",
		  "Pasal 4 ayat (2) huruf k" },
		{ R_ELIG_OTHER, NULL, "Pasal 4 ayat (2) huruf n" },
		{ R_ELIG_CRIMINAL, NULL, NULL },
		{ R_ELIG_TRAINING, NULL, NULL },
		{ R_COM_SIZE, "Pasal 5 ayat (7)", "Pasal 5 ayat (7)" },
	};
	struct arena *a = T_ARENA(state);
	struct profile *p = t_profile(a, "demak-2022");
	struct vacancy *v2a = t_vacancy(a, p, KV({ "echelon", "\"II.a\"" },
	    { "kind", "\"sekda\"" }));
	struct vacancy *v2b = t_vacancy(a, p, NULL);
	const struct prof_rule *r;

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct prof_rule *ra = profile_rule(p, rows[i].id, v2a);
		const struct prof_rule *rb = profile_rule(p, rows[i].id, v2b);

		if ((ra == NULL) != (rows[i].cite_2a == NULL) ||
		    (rb == NULL) != (rows[i].cite_2b == NULL))
			fail_msg("%s: entries %p/%p", rule_name(rows[i].id),
			    (const void *)ra, (const void *)rb);
		if (ra != NULL)
			t_contains(ra->citation, rows[i].cite_2a);
		if (rb != NULL)
			t_contains(rb->citation, rows[i].cite_2b);
	}
	assert_int_equal(profile_rule(p, R_ELIG_GRADE, v2a)->min_grade, 13);
	assert_int_equal(profile_rule(p, R_ELIG_GRADE, v2b)->min_grade, 12);
	r = profile_rule(p, R_ELIG_PRIOR_POST, v2a);
	assert_int_equal(r->nalts, 2);
	assert_true(r->alts[0].current && r->alts[1].current);
	assert_int_equal(r->alts[0].min_echelon, ECH_II_B);
	assert_int_equal(r->alts[1].kind, CP_FUNCTIONAL);
	assert_int_equal(r->alts[1].min_jf, JF_MADYA);
	r = profile_rule(p, R_ELIG_PRIOR_POST, v2b);
	assert_int_equal(r->nalts, 3);
	assert_false(r->alts[0].current);
	assert_int_equal(r->alts[2].min_echelon, ECH_III_B);
	assert_int_equal(r->alts[2].years, 3);
	t_str_equal(r->alts[2].citation, "Perbup Demak 47/2022 Pasal 4 ayat "
	    "(2) huruf d");
	assert_non_null(r->note.p);
}

static void
test_demak_parameters(void **state)
{
	struct profile *p = t_profile(T_ARENA(state), "demak-2022");
	const struct prof_rule *r;

	r = profile_rule_any(p, R_COM_SIZE);
	assert_int_equal(r->min, 5);
	assert_int_equal(r->max, 9);
	assert_true(r->odd);
	assert_int_equal(profile_rule_any(p, R_COM_INTERNAL_MAX)->max_percent,
	    45);
	assert_int_equal(profile_rule_any(p,
	    R_COM_ELEMENTS)->official_min_echelon, ECH_II_B);
	assert_null(profile_rule_any(p, R_COM_ASSESSOR));
	r = profile_rule_any(p, R_SCORE_WEIGHTS);
	assert_true(r->has_ranges);
	assert_false(r->adjustable);
	assert_int_equal(r->lo[ST_PAPER], 1500);
	assert_int_equal(r->hi[ST_PAPER], 2000);
	assert_int_equal(r->lo[ST_ASSESSMENT], 2000);
	assert_int_equal(r->hi[ST_ASSESSMENT], 2500);
	assert_int_equal(r->lo[ST_INTERVIEW], 3000);
	assert_int_equal(r->hi[ST_INTERVIEW], 3500);
	assert_int_equal(r->lo[ST_TRACK_RECORD], 1500);
	assert_int_equal(r->hi[ST_TRACK_RECORD], 2000);
	r = profile_rule_any(p, R_ANN_DURATION);
	assert_int_equal(r->days, 15);
	assert_int_equal(r->day_kind, DK_CALENDAR);
	assert_int_equal(r->reading, READ_INCLUSIVE);
	r = profile_rule_any(p, R_ANN_EXTEND);
	assert_int_equal(r->trigger, TRIG_APPLICANTS_AT_MOST);
	assert_int_equal(r->threshold, 3);
	assert_int_equal(r->max_times, 2);
	assert_int_equal(r->days, 7);
	r = profile_rule_any(p, R_SCORE_TOP3);
	assert_int_equal(r->count, 3);
	assert_int_equal(r->min_to_proceed, 3);
	r = profile_rule_any(p, R_ELIG_AGE);
	assert_int_equal(r->max_age, 56);
	assert_int_equal(r->at, REF_APPOINTMENT);
	r = profile_rule_any(p, R_ELIG_RECOMMENDATION);
	assert_int_equal(r->own_by, 1u << REC_PYB);
	assert_true(r->own_ppk_approval);
	assert_int_equal(r->other_by, 1u << REC_PPK);
	r = profile_rule_any(p, R_ELIG_DISCIPLINE);
	assert_int_equal(r->pen_levels, (1u << PL_MODERATE) |
	    (1u << PL_HEAVY));
	assert_int_equal(r->years, 2);
}

/* The parameters of a rich inline profile, including the optional ones. */
static void
test_parameters_inline(void **state)
{
	struct profile *p = t_profile_text(T_ARENA(state),
	    "{\"selter_profile\": 1, \"id\": \"x-covid\", \"title\": \"T\",\n"
	    " \"regulation\": \"R\", \"cite\": \"Perwal X 1/2020\",\n"
	    " \"region\": {\"name\": \"Kota X\", \"province\": \"Kalimantan "
	    "Barat\", \"timezone\": \"WIB\"},\n"
	    " \"oversight\": \"KASN\",\n"
	    " \"levels\": [\"jpt_pratama\", \"administrator\", "
	    "\"pengawas\"],\n"
	    " \"emergency\": {\"until\": \"2023-06-21\", \"citation\": "
	    "\"Keppres 17/2023\"},\n"
	    " \"periods_at\": \"appointment\",\n"
	    " \"rules\": [\n"
	    "  {\"rule\": \"ELIG-DISCIPLINE\", \"penalty_levels\": "
	    "[\"moderate\", \"heavy\"], \"years\": null, \"citation\": "
	    "\"Pasal 8\"},\n"
	    "  {\"rule\": \"ELIG-PERFORMANCE\", \"years\": 2, \"min_rating\": "
	    "null, \"citation\": \"Pasal 8\"},\n"
	    "  {\"rule\": \"ELIG-RECOMMENDATION\", \"own_region\": null, "
	    "\"other_region\": {\"by\": [\"pyb\", \"ppk\"]}, \"citation\": "
	    "\"Pasal 8 ayat (3)\"},\n"
	    "  {\"rule\": \"ELIG-TRAINING\", \"training\": \"pka\", "
	    "\"not_for_functional\": true, \"citation\": \"huruf g\"},\n"
	    "  {\"rule\": \"ELIG-EDUCATION\", \"when\": {\"levels\": "
	    "[\"administrator\"], \"kinds\": [\"camat\"]}, "
	    "\"education_levels\": [\"D4\", \"S1\"], \"major_contains\": "
	    "\"pemerintahan\", \"or_certificate\": \"kepamongprajaan\", "
	    "\"citation\": \"Pasal 8 ayat (2) huruf b\"},\n"
	    "  {\"rule\": \"ELIG-REGION\", \"province\": \"Kalimantan Barat\", "
	    "\"agency_kinds\": [\"regency\", \"city\"], "
	    "\"invited_agency_kinds\": [\"province\"], \"citation\": \"Pasal "
	    "2\"},\n"
	    "  {\"rule\": \"COM-ASSESSOR\", \"min\": 1, \"citation\": \"Pasal "
	    "10\"},\n"
	    "  {\"rule\": \"SCORE-WEIGHTS\", \"adjustable\": true, \"ranges\": "
	    "{\"paper\": [15, 20], \"assessment\": [20, 25], \"interview\": "
	    "[30, 35], \"track_record\": [15.5, 20]}, \"citation\": "
	    "\"Lampiran II\"},\n"
	    "  {\"rule\": \"SCORE-TOP3\", \"count\": 3, \"min_to_proceed\": 2, "
	    "\"citation\": \"x\"},\n"
	    "  {\"rule\": \"ANN-DURATION\", \"days\": 5, \"day_kind\": "
	    "\"working\", \"reading\": \"strict\", \"citation\": \"x\"},\n"
	    "  {\"rule\": \"ANN-EXTEND\", \"trigger\": \"qualified_below\", "
	    "\"threshold\": 3, \"max_times\": null, \"days\": null, "
	    "\"citation\": \"x\"},\n"
	    "  {\"rule\": \"ANN-OPEN\", \"citation\": \"Pasal 12\", \"note\": "
	    "\"n\"}\n"
	    " ]}");
	const struct prof_rule *r;

	assert_true(p->emergency);
	assert_int_equal(p->emergency_end, t_date("2023-06-21"));
	t_str_equal(p->emergency_citation, "Perwal X 1/2020 Keppres 17/2023");
	assert_int_equal(p->periods_at, REF_APPOINTMENT);
	assert_int_equal(p->levels, 7);
	assert_int_equal(profile_rule_any(p, R_ELIG_DISCIPLINE)->years, 0);
	assert_int_equal(profile_rule_any(p, R_ELIG_PERFORMANCE)->min_rating,
	    -1);
	r = profile_rule_any(p, R_ELIG_RECOMMENDATION);
	assert_int_equal(r->own_by, 0);
	assert_int_equal(r->other_by, 3);
	r = profile_rule_any(p, R_ELIG_TRAINING);
	assert_int_equal(r->training, TR_PIM_III);	/* pka is pim_iii */
	assert_true(r->not_for_functional);
	r = profile_rule_any(p, R_ELIG_EDUCATION);
	assert_int_equal(r->when.levels, 1u << LV_ADMINISTRATOR);
	assert_int_equal(r->when.kinds, 1u << VK_CAMAT);
	t_str_equal(r->major_contains, "pemerintahan");
	t_str_equal(r->or_certificate, "kepamongprajaan");
	r = profile_rule_any(p, R_ELIG_REGION);
	assert_int_equal(r->invited_kinds, 1u << AG_PROVINCE);
	r = profile_rule_any(p, R_SCORE_WEIGHTS);
	assert_true(r->adjustable);
	assert_int_equal(r->lo[ST_TRACK_RECORD], 1550);
	r = profile_rule_any(p, R_ANN_DURATION);
	assert_int_equal(r->day_kind, DK_WORKING);
	assert_int_equal(r->reading, READ_STRICT);
	r = profile_rule_any(p, R_ANN_EXTEND);
	assert_int_equal(r->trigger, TRIG_QUALIFIED_BELOW);
	assert_int_equal(r->max_times, 0);
	assert_int_equal(r->days, 0);
	r = profile_rule_any(p, R_ANN_OPEN);
	t_str_equal(r->citation, "Perwal X 1/2020 Pasal 12");
	t_str_equal(r->note, "n");
	assert_int_equal(r->line, 20);
}

/* The catalogue: every id has a name that looks itself up. */
static void
test_rule_catalogue(void **state)
{
	static const struct {
		enum rule_id	 id;
		const char	*name;
		enum rule_class	 cls;
	} rows[] = {
		{ R_ELIG_EMPLOYMENT, "ELIG-EMPLOYMENT", RC_ELIG },
		{ R_ELIG_PRIOR_POST, "ELIG-PRIOR-POST", RC_ELIG },
		{ R_ELIG_TRAINING, "ELIG-TRAINING", RC_ADVISORY },
		{ R_ELIG_TRACK_RECORD, "ELIG-TRACK-RECORD", RC_CHECKLIST },
		{ R_ELIG_OTHER, "ELIG-OTHER", RC_CHECKLIST },
		{ R_COM_INTERNAL_MAX, "COM-INTERNAL-MAX", RC_COMMITTEE },
		{ R_SCORE_WEIGHTS_SUM, "SCORE-WEIGHTS-SUM", RC_SCORE },
		{ R_SCORE_TOP3, "SCORE-TOP3", RC_SCORE },
		{ R_ANN_AFTER_EXTENSIONS, "ANN-AFTER-EXTENSIONS", RC_ANN },
		{ R_COM_MULTI_POST, "COM-MULTI-POST", RC_WORKFLOW },
		{ R_TEN_TALENT_POOL, "TEN-TALENT-POOL", RC_WORKFLOW },
	};
	enum rule_id id = R__N;

	(void)state;
	for (int i = 0; i < R__N; i++) {
		const char *n = rule_name((enum rule_id)i);

		assert_non_null(n);
		assert_true(rule_lookup(str_c(n), &id));
		assert_int_equal(id, i);
		for (int k = 0; k < i; k++)
			assert_string_not_equal(n, rule_name((enum rule_id)k));
	}
	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		assert_string_equal(rule_name(rows[i].id), rows[i].name);
		assert_int_equal(rule_class(rows[i].id), rows[i].cls);
	}
	id = R__N;
	assert_false(rule_lookup(STR("ELIG-FOO"), &id));
	assert_false(rule_lookup(STR("elig-grade"), &id));
	assert_false(rule_lookup(STR("ELIG-GRADE "), &id));
	assert_int_equal(id, R__N);
	assert_string_equal(rule_status_name(RS_PASS), "pass");
	assert_string_equal(rule_status_name(RS_FAIL), "fail");
	assert_string_equal(rule_status_name(RS_MISSING), "missing");
}

/* The strict loader: each bad profile names its line and JSON path. */
static void
test_errors(void **state)
{
	static const struct {
		const char	*text;
		unsigned	 line;
		const char	*msg;
	} rows[] = {
		{ HEAD "{\"rule\": \"ELIG-FOO\", \"citation\": \"x\"}" TAIL, 7,
		  "rules[0].rule: unknown rule id \"ELIG-FOO\"" },
		{ HEAD "{\"citation\": \"x\"}" TAIL, 7,
		  "rules[0].rule: required: a rule id" },
		{ HEAD "{\"rule\": \"ELIG-GRADE\", \"min_grade\": \"IV/a\"}" TAIL,
		  7, "rules[0].citation: required: every rule names its "
		  "article" },
		{ HEAD "{\"rule\": \"ELIG-GRADE\", \"citation\": \"x\"}" TAIL, 7,
		  "rules[0].min_grade: required field is missing" },
		{ HEAD "{\"rule\": \"ELIG-GRADE\", \"citation\": \"x\",\n"
		  "\"min_grade\": \"V/a\"}" TAIL, 8,
		  "rules[0].min_grade: unknown value \"V/a\"" },
		{ HEAD "{\"rule\": \"ELIG-GRADE\", \"citation\": \"x\",\n"
		  "\"min_grade\": \"IV/a\", \"max_age\": 56}" TAIL, 8,
		  "rules[0].max_age: not a parameter of ELIG-GRADE" },
		{ HEAD "{\"rule\": \"ELIG-GRADE\", \"citation\": \"x\",\n"
		  "\"min_grade\": \"IV/a\", \"min_grde\": 1}" TAIL, 8,
		  "rules[0].min_grde: not a parameter of ELIG-GRADE" },
		{ HEAD "{\"rule\": \"ANN-OPEN\", \"citation\": \"x\", \"days\": "
		  "15}" TAIL, 7, "rules[0].days: not a parameter of ANN-OPEN" },
		/* result: SCORE-PUBLISH "scores", SCORE-TOP3 "send" */
		{ HEAD "{\"rule\": \"SCORE-PUBLISH\", \"citation\": \"x\", "
		  "\"scores\": {\"publish\": \"always\", \"citation\": "
		  "\"y\"}}" TAIL, 7, "rules[0].scores.publish: unknown value "
		  "\"always\"" },
		{ HEAD "{\"rule\": \"SCORE-PUBLISH\", \"citation\": \"x\", "
		  "\"scores\": {\"publish\": \"required\"}}" TAIL, 7,
		  "rules[0].scores.citation: required" },
		{ HEAD "{\"rule\": \"SCORE-TOP3\", \"citation\": \"x\", "
		  "\"count\": 3, \"min_to_proceed\": 3, \"send\": {\"to\": "
		  "\"ppk\", \"direct_when\": [\"sekda\"], \"citation\": "
		  "\"y\"}}" TAIL, 7, "rules[0].send.direct_when: only a ranking "
		  "sent to the PyB" },
		{ HEAD "{\"rule\": \"SCORE-WEIGHTS-SUM\", \"citation\": \"x\", "
		  "\"send\": {}}" TAIL, 7, "rules[0].send: not a parameter of "
		  "SCORE-WEIGHTS-SUM" },
		{ HEAD "{\"rule\": \"ELIG-AGE\", \"citation\": \"x\", "
		  "\"max_age\": 56, \"at\": \"today\"}" TAIL, 7,
		  "rules[0].at: unknown value \"today\"" },
		{ HEAD "{\"rule\": \"ELIG-AGE\", \"citation\": \"x\", "
		  "\"max_age\": 17, \"at\": \"appointment\"}" TAIL, 7,
		  "rules[0].max_age: expected a whole number from 18 to 70" },
		{ HEAD "{\"rule\": \"ELIG-EXPERIENCE\", \"citation\": \"x\", "
		  "\"years\": null}" TAIL, 7,
		  "rules[0].years: expected a whole number from 1 to 40" },
		{ HEAD "{\"rule\": \"ELIG-GRADE\", \"citation\": \"\", "
		  "\"min_grade\": \"IV/a\"}" TAIL, 7,
		  "rules[0].citation: expected a non-empty string" },
		{ HEAD "{\"rule\": \"ELIG-GRADE\", \"citation\": \"x\", "
		  "\"min_grade\": \"IV/a\", \"when\": {\"levels\": "
		  "[\"pengawas\"]}}" TAIL, 7,
		  "rules[0].when.levels: names a level the profile's" },
		{ HEAD "{\"rule\": \"ELIG-GRADE\", \"citation\": \"x\", "
		  "\"min_grade\": \"IV/a\", \"when\": {\"echelon\": "
		  "[\"II.a\"]}}" TAIL, 7,
		  "rules[0].when.echelon: unknown key" },
		{ HEAD "{\"rule\": \"ELIG-GRADE\", \"citation\": \"x\", "
		  "\"min_grade\": \"IV/a\", \"when\": {\"echelons\": []}}" TAIL,
		  7, "rules[0].when.echelons: the list is empty" },
		{ HEAD "{\"rule\": \"COM-SIZE\", \"citation\": \"x\", \"min\": 9, "
		  "\"max\": 5, \"odd\": true}" TAIL, 7,
		  "rules[0].min: is above max" },
		{ HEAD "{\"rule\": \"COM-SIZE\", \"citation\": \"x\", \"min\": 5, "
		  "\"max\": 9, \"odd\": 1}" TAIL, 7,
		  "rules[0].odd: expected true or false" },
		{ HEAD "{\"rule\": \"SCORE-WEIGHTS\", \"citation\": \"x\", "
		  "\"ranges\": {\"paper\": [20, 15], \"assessment\": [20, 25], "
		  "\"interview\": [30, 35], \"track_record\": [15, 20]}}" TAIL,
		  7, "rules[0].ranges.paper: low is above high" },
		{ HEAD "{\"rule\": \"SCORE-WEIGHTS\", \"citation\": \"x\", "
		  "\"ranges\": {\"paper\": [15, 20], \"assessment\": [20, 25], "
		  "\"interview\": [30, 35]}}" TAIL, 7,
		  "rules[0].ranges.track_record: required field is missing" },
		{ HEAD "{\"rule\": \"SCORE-WEIGHTS\", \"citation\": \"x\", "
		  "\"ranges\": {\"paper\": [15, 20.005], \"assessment\": [20, "
		  "25], \"interview\": [30, 35], \"track_record\": [15, 20]}}"
		  TAIL, 7, "rules[0].ranges.paper[1]: expected a number with "
		  "at most 2 decimals" },
		{ HEAD "{\"rule\": \"SCORE-WEIGHTS\", \"citation\": \"x\", "
		  "\"ranges\": {\"essay\": [15, 20]}}" TAIL, 7,
		  "rules[0].ranges.essay: unknown stage" },
		{ HEAD "{\"rule\": \"ELIG-PRIOR-POST\", \"citation\": \"x\", "
		  "\"any_of\": [{\"kind\": \"executor\", \"years\": 2}]}" TAIL,
		  7, "rules[0].any_of[0].kind: only structural or functional" },
		{ HEAD "{\"rule\": \"ELIG-PRIOR-POST\", \"citation\": \"x\", "
		  "\"any_of\": [{\"kind\": \"structural\", \"min_echelon\": "
		  "\"III.a\"}]}" TAIL, 7,
		  "rules[0].any_of[0]: needs \"years\"" },
		{ HEAD "{\"rule\": \"ELIG-PRIOR-POST\", \"citation\": \"x\", "
		  "\"any_of\": [{\"kind\": \"functional\", \"min_echelon\": "
		  "\"III.a\", \"years\": 2}]}" TAIL, 7,
		  "rules[0].any_of[0].min_echelon: unknown key for this kind" },
		{ HEAD "{\"rule\": \"ELIG-PRIOR-POST\", \"citation\": \"x\", "
		  "\"any_of\": []}" TAIL, 7,
		  "rules[0].any_of: expected 1 to 4 ways" },
		{ HEAD "{\"rule\": \"ELIG-RECOMMENDATION\", \"citation\": \"x\", "
		  "\"own_region\": {\"ppk_approval\": true}, \"other_region\": "
		  "null}" TAIL, 7, "rules[0].own_region.by: required field is "
		  "missing" },
		{ HEAD "{\"rule\": \"ELIG-RECOMMENDATION\", \"citation\": \"x\", "
		  "\"own_region\": null, \"other_region\": {\"by\": [\"ppk\"], "
		  "\"ppk_approval\": true}}" TAIL, 7,
		  "rules[0].other_region.ppk_approval: unknown key" },
		{ HEAD "{\"rule\": \"ELIG-HEALTH\", \"citation\": \"x\"}" TAIL, 7,
		  "rules[0].detail: required field is missing" },
		{ HEAD "{\"rule\": \"ANN-DURATION\", \"citation\": \"x\", "
		  "\"days\": 15, \"day_kind\": \"weekday\", \"reading\": "
		  "\"inclusive\"}" TAIL, 7,
		  "rules[0].day_kind: unknown value \"weekday\"" },
		{ HEAD "{\"rule\": \"ELIG-EXAMINATION\", \"citation\": \"x\"},\n"
		  "{\"rule\": \"ELIG-EXAMINATION\", \"citation\": \"x\", "
		  "\"years\": 2}" TAIL, 8,
		  "rules[1].years: not a parameter of ELIG-EXAMINATION" },
		{ HEAD "17" TAIL, 7, "rules[0]: expected an object" },
		{ "{\"selter_profile\": 2}", 1,
		  "selter_profile: expected a whole number from 1 to 1" },
		{ "{\"id\": \"x\"}", 1,
		  "selter_profile: required: the format version, 1" },
		{ "{\"selter_profile\": 1, \"id\": \"x\",\n\"colour\": 1}", 2,
		  "colour: unknown key" },
		{ "{\"selter_profile\": 1, \"id\": \"Demak_2022\", \"title\": "
		  "\"t\", \"regulation\": \"r\", \"cite\": \"c\"}", 1,
		  "id: an id is 1 to 64 of a-z, 0-9 and -" },
		{ "{\"selter_profile\": 1, \"id\": \"x\", \"title\": \"t\", "
		  "\"regulation\": \"r\", \"cite\": \"c\", \"region\": "
		  "{\"name\": \"n\", \"province\": \"p\", \"timezone\": "
		  "\"UTC\"}}", 1, "region.timezone: expected WIB, WITA or WIT" },
		{ "{\"selter_profile\": 1, \"id\": \"x\", \"title\": \"t\", "
		  "\"regulation\": \"r\", \"cite\": \"c\", \"region\": "
		  "{\"name\": \"n\", \"timezone\": \"WIB\"}}", 1,
		  "region.province: required field is missing" },
		{ "{\"selter_profile\": 1, \"id\": \"x\", \"title\": \"t\", "
		  "\"regulation\": \"r\", \"cite\": \"c\", \"region\": "
		  "{\"name\": \"n\", \"province\": \"p\", \"timezone\": "
		  "\"WIB\"}, \"oversight\": \"KASN\", \"levels\": "
		  "[\"eselon\"]}", 1, "levels[0]: unknown value \"eselon\"" },
		{ "{\"selter_profile\": 1, \"id\": \"x\", \"title\": \"t\", "
		  "\"regulation\": \"r\", \"cite\": \"c\", \"region\": "
		  "{\"name\": \"n\", \"province\": \"p\", \"timezone\": "
		  "\"WIB\"}, \"oversight\": \"KASN\", \"levels\": "
		  "[\"pengawas\"], \"emergency\": {\"until\": \"2023-06-31\", "
		  "\"citation\": \"k\"}, \"rules\": []}", 1,
		  "emergency.until: expected a date YYYY-MM-DD" },
		{ "{\"selter_profile\": 1, \"id\": \"x\", \"title\": \"t\", "
		  "\"regulation\": \"r\", \"cite\": \"c\", \"region\": "
		  "{\"name\": \"n\", \"province\": \"p\", \"timezone\": "
		  "\"WIB\"}, \"oversight\": \"KASN\", \"levels\": "
		  "[\"pengawas\"]}", 1, "rules: required: an array" },
		{ "{\"selter_profile\": 1, \"id\": \"x\", \"title\": \"t\", "
		  "\"regulation\": \"r\", \"cite\": \"c\", \"region\": "
		  "{\"name\": \"n\", \"province\": \"p\", \"timezone\": "
		  "\"WIB\"}, \"oversight\": \"KASN\", \"levels\": "
		  "[\"pengawas\"], \"documents\": [{\"id\": \"a\", \"label\": "
		  "\"b\"}], \"rules\": []}", 1,
		  "documents[0]: needs \"id\", \"label\" and \"citation\"" },
		{ "[1, 2]", 1, "(root): a profile is a JSON object" },
		{ "{\"selter_profile\": 1,\n\"id\": \"x\",,}", 2,
		  "invalid JSON: " },
	};

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		struct profile *p = (struct profile *)(uintptr_t)1;
		struct diag d;

		memset(&d, 0, sizeof(d));
		if (profile_parse(T_ARENA(state), "bad.json", rows[i].text,
		    strlen(rows[i].text), &p, &d) != SEL_EINVAL)
			fail_msg("row %zu loaded:\n%s", i, rows[i].text);
		assert_ptr_equal(p, (struct profile *)(uintptr_t)1);
		if (d.line != rows[i].line)
			fail_msg("row %zu: line %u, want %u (%s)", i, d.line,
			    rows[i].line, d.msg);
		if (strstr(d.msg, rows[i].msg) != d.msg)
			fail_msg("row %zu: \"%s\" does not start with \"%s\"",
			    i, d.msg, rows[i].msg);
	}
}

/* The first matching entry wins; a kinds_not entry steps aside. */
static void
test_first_match_and_kinds_not(void **state)
{
	struct arena *a = T_ARENA(state);
	struct profile *p = t_profile_text(a, HEAD
	    "{\"rule\": \"ELIG-GRADE\", \"when\": {\"kinds\": [\"sekda\"]}, "
	    "\"min_grade\": \"IV/c\", \"citation\": \"one\"},\n"
	    "{\"rule\": \"ELIG-GRADE\", \"when\": {\"kinds_not\": "
	    "[\"inspektur\"]}, \"min_grade\": \"IV/b\", \"citation\": "
	    "\"two\"},\n"
	    "{\"rule\": \"ELIG-GRADE\", \"min_grade\": \"IV/a\", "
	    "\"citation\": \"three\"}" TAIL);
	struct vacancy *sekda = t_vacancy(a, p, KV({ "kind", "\"sekda\"" }));
	struct vacancy *insp = t_vacancy(a, p, KV({ "kind",
	    "\"inspektur\"" }));
	struct vacancy *head = t_vacancy(a, p, NULL);

	t_str_equal(profile_rule(p, R_ELIG_GRADE, sekda)->citation,
	    "Perbup Test 1/2024 one");
	t_str_equal(profile_rule(p, R_ELIG_GRADE, insp)->citation,
	    "Perbup Test 1/2024 three");
	t_str_equal(profile_rule(p, R_ELIG_GRADE, head)->citation,
	    "Perbup Test 1/2024 two");
	t_str_equal(profile_rule_any(p, R_ELIG_GRADE)->citation,
	    "Perbup Test 1/2024 one");
	assert_null(profile_rule(p, R_ELIG_AGE, head));
	assert_null(profile_rule_any(p, R_ELIG_AGE));
	assert_int_equal(profile_rule_any(p, R_ELIG_GRADE)->line, 7);
}

/* A workflow rule carries its text ("detail") and nothing else. */
static void
test_workflow_rule_detail(void **state)
{
	static const char text[] = HEAD "{\"rule\": \"ANN-OPEN\", "
	    "\"citation\": \"Pasal 9 ayat (1)\", \"detail\": \"Diumumkan "
	    "secara terbuka.\"}" TAIL;
	struct profile *p = NULL;
	struct diag d;

	memset(&d, 0, sizeof(d));
	if (profile_parse(T_ARENA(state), "t.json", text, strlen(text), &p,
	    &d) != SEL_OK)
		fail_msg("refused: line %u: %s", d.line, d.msg);
	t_str_equal(profile_rule_any(p, R_ANN_OPEN)->detail, "Diumumkan "
	    "secara terbuka.");
}

/*
 * REGULATIONS.md §14: a Covid procedure used after the emergency ended
 * (21 June 2023, Keppres 17/2023) warns; on the last day and before it
 * does not; a normal profile never warns.
 */
static void
test_emergency_warning_boundary(void **state)
{
	struct arena *a = T_ARENA(state);
	const struct profile *covid = t_profile(a, "demak-2022-covid");
	const struct profile *normal = t_profile(a, "demak-2022");
	struct str w;

	assert_int_equal(profile_emergency_warning(a, covid,
	    t_date("2023-06-20"), "pengumuman").len, 0);
	assert_int_equal(profile_emergency_warning(a, covid,
	    t_date("2023-06-21"), "pengumuman").len, 0);
	w = profile_emergency_warning(a, covid, t_date("2023-06-22"),
	    "pengumuman");
	t_contains(w, "21 Juni 2023");
	t_contains(w, "pengumuman 22 Juni 2023");
	t_contains(covid->emergency_citation, "Perbup Demak 47/2022 ");
	assert_int_equal(profile_emergency_warning(a, normal,
	    t_date("2024-01-01"), "pengumuman").len, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(test_every_profile_loads),
		T_TEST(test_emergency_warning_boundary),
		T_TEST(test_demak_header),
		RULE_TEST("ELIG-GRADE", test_demak_echelon_selects_entry),
		RULE_TEST("COM-SIZE", test_demak_parameters),
		RULE_TEST("SCORE-WEIGHTS", test_parameters_inline),
		T_TEST(test_rule_catalogue),
		T_TEST(test_errors),
		T_TEST(test_first_match_and_kinds_not),
		RULE_TEST("ANN-OPEN", test_workflow_rule_detail),
	};

	return cmocka_run_group_tests_name("profile", tests, NULL, NULL);
}
