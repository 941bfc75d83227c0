/*
 * test_record.c - core/record: CANDIDATE.json and POST.json decoded, and
 * every class of bad input of CONTRACT.md refused with the JSON path of
 * the value at fault (and its line).
 */
#include <stdio.h>
#include <string.h>

#include "core/profile.h"
#include "core/record.h"
#include "t.h"
#include "base/banned.h"

/* The contract's example decodes field by field. */
static void
test_contract_candidate(void **state)
{
	struct candidate *c = t_candidate(T_ARENA(state), NULL);

	t_str_equal(c->nip, "197505122000031002");
	t_str_equal(c->name, "Budi Santoso");
	assert_int_equal(c->birth, t_date("1975-05-12"));
	assert_int_equal(c->employment, EMP_PNS);
	t_str_equal(c->agency.name, "Pemerintah Kabupaten Demak");
	assert_int_equal(c->agency.kind, AG_REGENCY);
	t_str_equal(c->agency.province, "Jawa Tengah");
	assert_int_equal(c->grade, 12);			/* IV/a */
	assert_int_equal(c->nedu, 1);
	assert_int_equal(c->edu[0].level, EDU_S2);
	t_str_equal(c->edu[0].major, "Kesehatan Masyarakat");
	assert_true(c->has_certs);
	assert_int_equal(c->ncerts, 0);
	assert_int_equal(c->nposts, 2);
	assert_int_equal(c->posts[0].kind, CP_STRUCTURAL);
	assert_int_equal(c->posts[0].echelon, ECH_III_B);
	assert_int_equal(c->posts[0].jf_level, -1);
	assert_int_equal(c->posts[0].start, t_date("2014-01-02"));
	assert_int_equal(c->posts[0].end, t_date("2017-03-01"));
	assert_false(c->posts[0].open);
	assert_false(c->posts[0].acting);
	assert_true(c->posts[0].has_fields);
	t_str_equal(c->posts[0].fields[0], "kesehatan");
	assert_true(c->posts[1].open);			/* "end": null */
	assert_int_equal(c->posts[1].echelon, ECH_III_A);
	assert_true(c->has_training);
	assert_int_equal(c->training, 1u << TR_PIM_III);
	assert_true(c->has_pens);
	assert_int_equal(c->npens, 1);
	assert_int_equal(c->pens[0].kind, PEN_DISCIPLINE);
	assert_int_equal(c->pens[0].level, PL_LIGHT);
	assert_true(c->pens[0].has_decided);
	assert_int_equal(c->pens[0].decided, t_date("2019-06-01"));
	assert_int_equal(c->under_exam, TRI_NO);
	assert_true(c->has_perf);
	assert_int_equal(c->nperf, 2);
	assert_int_equal(c->perf[1].year, 2022);
	assert_int_equal(c->perf[1].rating, RT_SANGAT_BAIK);
	assert_true(c->has_rec);
	assert_int_equal(c->rec_by, REC_PYB);
	assert_int_equal(c->rec_ppk_approved, TRI_YES);
	assert_int_equal(c->invited, TRI_NO);
}

/* Only the 8 required fields: every optional one is "absent". */
static void
test_minimal_candidate(void **state)
{
	struct candidate *c = t_candidate(T_ARENA(state), KV(
	    { "certificates", NULL }, { "training", NULL },
	    { "penalties", NULL }, { "under_examination", NULL },
	    { "performance", NULL }, { "recommendation", NULL },
	    { "invited", NULL },
	    { "posts", "[{\"kind\": \"functional\", \"jf_level\": "
	    "\"ahli_madya\", \"start\": \"2020-01-01\", \"acting\": true}]" }));

	assert_false(c->has_certs);
	assert_false(c->has_training);
	assert_false(c->has_pens);
	assert_false(c->has_perf);
	assert_false(c->has_rec);
	assert_int_equal(c->under_exam, TRI_ABSENT);
	assert_int_equal(c->invited, TRI_ABSENT);
	assert_int_equal(c->posts[0].kind, CP_FUNCTIONAL);
	assert_int_equal(c->posts[0].jf_level, JF_MADYA);
	assert_int_equal(c->posts[0].echelon, -1);
	assert_false(c->posts[0].has_fields);		/* fields unknown */
	assert_true(c->posts[0].acting);
	assert_true(c->posts[0].open);
	assert_int_equal(c->posts[0].title.len, 0);
}

/* The DP-3 words and the newer training names (CONTRACT.md). */
static void
test_vocabulary_aliases(void **state)
{
	static const struct {
		const char	*word;
		enum rating	 want;
	} ratings[] = {
		{ "sangat_baik", RT_SANGAT_BAIK }, { "baik", RT_BAIK },
		{ "butuh_perbaikan", RT_BUTUH_PERBAIKAN },
		{ "kurang", RT_KURANG }, { "sangat_kurang", RT_SANGAT_KURANG },
		{ "amat_baik", RT_SANGAT_BAIK },
		{ "cukup", RT_BUTUH_PERBAIKAN },
		{ "sedang", RT_KURANG }, { "buruk", RT_SANGAT_KURANG },
	};
	static const struct {
		const char	*word;
		unsigned	 want;
	} trainings[] = {
		{ "[\"pim_ii\"]", 1u << TR_PIM_II },
		{ "[\"pkn_ii\"]", 1u << TR_PIM_II },
		{ "[\"pka\"]", 1u << TR_PIM_III },
		{ "[\"pkp\"]", 1u << TR_PIM_IV },
		{ "[\"pim_iv\", \"pka\"]", (1u << TR_PIM_IV) |
		  (1u << TR_PIM_III) },
		{ "[]", 0 },
	};
	struct arena *a = T_ARENA(state);

	for (size_t i = 0; i < ARRAY_LEN(ratings); i++) {
		char perf[96];
		struct candidate *c;

		snprintf(perf, sizeof(perf), "[{\"year\": 2022, \"rating\": "
		    "\"%s\"}]", ratings[i].word);
		c = t_candidate(a, KV({ "performance", perf }));
		if (c->perf[0].rating != ratings[i].want)
			fail_msg("%s: rating %d, want %d", ratings[i].word,
			    c->perf[0].rating, ratings[i].want);
	}
	for (size_t i = 0; i < ARRAY_LEN(trainings); i++) {
		struct candidate *c = t_candidate(a, KV({ "training",
		    trainings[i].word }));

		assert_true(c->has_training);
		assert_int_equal(c->training, trainings[i].want);
	}
}

static size_t
words(const char *const *w)
{
	size_t n = 0;

	while (w[n] != NULL)
		n++;
	return n;
}

/* The word lists of CONTRACT.md line up with the enums, in order. */
static void
test_vocabularies(void **state)
{
	(void)state;
	assert_int_equal(words(vocab_employment), EMP__N);
	assert_int_equal(words(vocab_agency_kind), AG__N);
	assert_int_equal(words(vocab_grade), GRADE__N);
	assert_int_equal(words(vocab_echelon), ECH__N);
	assert_int_equal(words(vocab_edu), EDU__N);
	assert_int_equal(words(vocab_cpost_kind), CP__N);
	assert_int_equal(words(vocab_jf), JF__N);
	assert_int_equal(words(vocab_pen_kind), PEN__N);
	assert_int_equal(words(vocab_pen_level), PL__N);
	assert_int_equal(words(vocab_rating), RT__N + 4);	/* DP-3 */
	assert_int_equal(words(vocab_training), TR__N * 2);	/* newer */
	assert_int_equal(words(vocab_rec_by), REC__N);
	assert_int_equal(words(vocab_level), LV__N);
	assert_int_equal(words(vocab_vpost_kind), VK__N);
	assert_int_equal(words(vocab_origin), OR__N);
	assert_int_equal(words(vocab_decl), DE__N);
	assert_int_equal(words(vocab_stage), ST__N);
	assert_int_equal(words(vocab_day_kind), DK__N);
	/* Orders the rules compare with. */
	assert_string_equal(vocab_grade[12], "IV/a");
	assert_string_equal(vocab_grade[13], "IV/b");
	assert_string_equal(vocab_echelon[ECH_II_B], "II.b");
	assert_true(ECH_II_A > ECH_II_B && ECH_II_B > ECH_III_A &&
	    ECH_III_A > ECH_III_B && ECH_I_A > ECH_I_B);
	assert_true(EDU_S1 > EDU_D4 && EDU_D4 > EDU_D3);
	assert_true(RT_SANGAT_BAIK > RT_BAIK && RT_BAIK > RT_BUTUH_PERBAIKAN);
	assert_true(JF_UTAMA > JF_MADYA && JF_MADYA > JF_MUDA);
	assert_string_equal(label_edu[EDU_D4], "D-IV");
	assert_string_equal(label_jf[JF_MADYA], "ahli madya");
	assert_string_equal(label_rating[RT_BUTUH_PERBAIKAN],
	    "butuh perbaikan");
}

/* Unknown fields are ignored: a SIASN export's extras go no further. */
static void
test_unknown_fields_ignored(void **state)
{
	struct arena *a = T_ARENA(state);
	struct candidate *c = t_candidate(a, KV(
	    { "religion", "\"Islam\"" }, { "gender", "\"L\"" },
	    { "marital_status", "\"kawin\"" }, { "ethnicity", "\"Jawa\"" },
	    { "disability", "false" }, { "photo", "{\"url\": 1}" }));
	struct candidate *plain = t_candidate(a, NULL);

	assert_int_equal(c->nposts, plain->nposts);
	assert_int_equal(c->grade, plain->grade);
	t_str_equal(c->nip, "197505122000031002");
}

/* A post may end on the day it starts (an empty interval), not before. */
static void
test_post_end_equal_start(void **state)
{
	struct candidate *c = t_candidate(T_ARENA(state), KV({ "posts",
	    "[{\"kind\": \"structural\", \"echelon\": \"III.a\", "
	    "\"start\": \"2020-01-01\", \"end\": \"2020-01-01\"}]" }));

	assert_int_equal(c->posts[0].start, c->posts[0].end);
	assert_false(c->posts[0].open);
}

/* Bad input: the message starts with the JSON path of the value. */
static void
test_bad_candidates(void **state)
{
	static const struct {
		const char	*key, *json;	/* the override */
		const char	*prefix;	/* the message's start */
		unsigned	 line;		/* 0: not checked */
	} rows[] = {
		/* Dates that do not exist. */
		{ "birth_date", "\"2023-02-30\"",
		  "birth_date: \"2023-02-30\" is not a real date", 4 },
		{ "posts", "[{\"kind\": \"structural\", \"echelon\": \"III.a\", "
		  "\"start\": \"2014-01-02\", \"end\": \"2017-03-01\"},\n"
		  "{\"kind\": \"structural\", \"echelon\": \"III.a\", "
		  "\"start\": \"2023-02-30\"}]",
		  "posts[1].start: \"2023-02-30\" is not a real date", 0 },
		{ "posts", "[{\"kind\": \"structural\", \"start\": "
		  "\"2014-01-02\", \"end\": \"2017-02-29\"}]",
		  "posts[0].end: \"2017-02-29\" is not a real date", 0 },
		{ "penalties", "[{\"kind\": \"criminal\", \"decided\": "
		  "\"2021-13-01\"}]",
		  "penalties[0].decided: \"2021-13-01\" is not a real date", 0 },
		{ "birth_date", "\"12-05-1975\"",
		  "birth_date: \"12-05-1975\" is not a real date", 0 },
		{ "birth_date", "19750512",
		  "birth_date: expected a date YYYY-MM-DD, got a number", 0 },
		/* Grades outside the vocabulary. */
		{ "grade", "\"V/a\"", "grade: unknown value \"V/a\"", 7 },
		{ "grade", "\"IV/f\"", "grade: unknown value \"IV/f\"", 0 },
		{ "grade", "\"iv/a\"", "grade: unknown value \"iv/a\"", 0 },
		{ "grade", "4", "grade: expected a string, got a number", 0 },
		/* A NIP that disagrees with birth_date, or is malformed. */
		{ "nip", "\"197505132000031002\"",
		  "nip: its first 8 digits 19750513 disagree with birth_date "
		  "(19750512)", 2 },
		{ "nip", "\"19750512200003100\"",
		  "nip: a NIP has 18 digits, this one has 17", 0 },
		{ "nip", "\"1975051220000310021\"",
		  "nip: a NIP has 18 digits, this one has 19", 0 },
		{ "nip", "\"1975051220000310O2\"", "nip: a NIP has only digits",
		  0 },
		{ "nip", "\"197505122000131002\"",
		  "nip: digits 13-14 (the TMT month) are not a month", 0 },
		{ "nip", "\"197505122000001002\"",
		  "nip: digits 13-14 (the TMT month) are not a month", 0 },
		{ "nip", "197505122000031002",
		  "nip: expected a string, got a number", 0 },
		/* A post that ends before it starts. */
		{ "posts", "[{\"kind\": \"structural\", \"echelon\": \"III.b\", "
		  "\"start\": \"2014-01-02\", \"end\": \"2017-03-01\"},\n"
		  "{\"kind\": \"structural\", \"echelon\": \"III.a\",\n"
		  "\"start\": \"2017-03-01\",\n\"end\": \"2017-02-28\"}]",
		  "posts[1].end: the post ends before it starts", 13 },
		/* Wrong types. */
		{ "posts", "{}", "posts: expected an array, got an object", 0 },
		{ "posts", "[\"Kepala Dinas\"]",
		  "posts[0]: a post is a JSON object", 0 },
		{ "posts", "[{\"kind\": \"structural\", \"start\": "
		  "\"2014-01-02\", \"acting\": \"yes\"}]",
		  "posts[0].acting: expected a boolean, got a string", 0 },
		{ "posts", "[{\"kind\": \"structural\", \"start\": "
		  "\"2014-01-02\", \"fields\": \"kesehatan\"}]",
		  "posts[0].fields: expected an array, got a string", 0 },
		{ "posts", "[{\"kind\": \"structural\", \"start\": "
		  "\"2014-01-02\", \"fields\": [\"a\", 1]}]",
		  "posts[0].fields[1]: expected a string, got a number", 0 },
		{ "posts", "[{\"kind\": \"functional\", \"jf_level\": "
		  "\"ahli_madia\", \"start\": \"2014-01-02\"}]",
		  "posts[0].jf_level: unknown value \"ahli_madia\"", 0 },
		{ "posts", "[{\"kind\": \"structural\", \"echelon\": \"II.c\", "
		  "\"start\": \"2014-01-02\"}]",
		  "posts[0].echelon: unknown value \"II.c\"", 0 },
		{ "posts", "[{\"kind\": \"staff\", \"start\": \"2014-01-02\"}]",
		  "posts[0].kind: unknown value \"staff\"", 0 },
		{ "under_examination", "\"no\"",
		  "under_examination: expected a boolean, got a string", 0 },
		{ "invited", "1", "invited: expected a boolean, got a number",
		  0 },
		{ "employment", "\"honorer\"",
		  "employment: unknown value \"honorer\"", 0 },
		{ "agency", "\"Pemerintah Kabupaten Demak\"",
		  "agency: expected an object, got a string", 0 },
		{ "agency", "{\"name\": \"X\", \"kind\": \"village\"}",
		  "agency.kind: unknown value \"village\"", 0 },
		{ "education", "[\"S1\"]",
		  "education[0]: an education entry is a JSON object", 0 },
		{ "education", "[{\"level\": \"S4\"}]",
		  "education[0].level: unknown value \"S4\"", 0 },
		{ "training", "[\"diklatpim_ii\"]",
		  "training[0]: unknown value \"diklatpim_ii\"", 0 },
		{ "training", "\"pim_ii\"",
		  "training: expected an array, got a string", 0 },
		{ "certificates", "[true]",
		  "certificates[0]: expected a string, got a boolean", 0 },
		{ "performance", "[{\"year\": \"2021\", \"rating\": \"baik\"}]",
		  "performance[0].year: expected a number, got a string", 0 },
		{ "performance", "[{\"year\": 2021.5, \"rating\": \"baik\"}]",
		  "performance[0].year: expected a whole number", 0 },
		{ "performance", "[{\"year\": 2021, \"rating\": \"baik\"},\n"
		  "{\"year\": 2021, \"rating\": \"baik\"}]",
		  "performance[1].year: year 2021 appears twice", 0 },
		{ "performance", "[{\"year\": 2021, \"rating\": \"excellent\"}]",
		  "performance[0].rating: unknown value \"excellent\"", 0 },
		{ "penalties", "[{\"kind\": \"discipline\", \"decided\": "
		  "\"2020-01-01\"}]", "penalties[0].level: required for a "
		  "disciplinary penalty", 0 },
		{ "penalties", "[{\"kind\": \"criminal\", \"level\": \"heavy\"}]",
		  "penalties[0].level: a criminal sentence has no disciplinary "
		  "level", 0 },
		{ "penalties", "[{\"kind\": \"discipline\", \"level\": "
		  "\"severe\"}]", "penalties[0].level: unknown value \"severe\"",
		  0 },
		{ "recommendation", "{\"by\": \"bupati\"}",
		  "recommendation.by: unknown value \"bupati\"", 0 },
		{ "recommendation", "{\"by\": \"pyb\", \"ppk_approved\": "
		  "\"yes\"}", "recommendation.ppk_approved: expected a boolean",
		  0 },
		{ "name", "\"   \"", "name: the name is empty", 0 },
		/* Required fields missing or null. */
		{ "nip", NULL, "nip: required field is missing", 0 },
		{ "name", NULL, "name: required field is missing", 0 },
		{ "birth_date", NULL, "birth_date: required field is missing",
		  0 },
		{ "employment", NULL, "employment: required field is missing",
		  0 },
		{ "agency", NULL, "agency: required field is missing", 0 },
		{ "grade", NULL, "grade: required field is missing", 0 },
		{ "education", NULL, "education: required field is missing",
		  0 },
		{ "posts", NULL, "posts: required field is missing", 0 },
		{ "grade", "null", "grade: required field is null", 0 },
		{ "posts", "null", "posts: required field is null", 0 },
		{ "agency", "{\"kind\": \"regency\"}",
		  "agency.name: required field is missing", 0 },
		{ "agency", "{\"name\": \"X\"}",
		  "agency.kind: required field is missing", 0 },
		{ "posts", "[{\"kind\": \"structural\"}]",
		  "posts[0].start: required field is missing", 0 },
		{ "posts", "[{\"start\": \"2014-01-02\"}]",
		  "posts[0].kind: required field is missing", 0 },
		{ "education", "[{\"major\": \"Hukum\"}]",
		  "education[0].level: required field is missing", 0 },
		{ "performance", "[{\"year\": 2021}]",
		  "performance[0].rating: required field is missing", 0 },
		{ "penalties", "[{\"level\": \"heavy\"}]",
		  "penalties[0].kind: required field is missing", 0 },
		{ "recommendation", "{\"ppk_approved\": true}",
		  "recommendation.by: required field is missing", 0 },
	};
	struct arena *a = T_ARENA(state);

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct t_kv over[] = { { rows[i].key, rows[i].json },
		    { NULL, NULL } };
		const char *text = t_candidate_json(a, over);
		struct candidate c;
		struct diag d;

		memset(&d, 0, sizeof(d));
		if (candidate_decode(a, t_json(a, text), &c, &d) != SEL_EINVAL)
			fail_msg("row %zu decoded:\n%s", i, text);
		if (strstr(d.msg, rows[i].prefix) != d.msg)
			fail_msg("row %zu: \"%s\" does not start with \"%s\"",
			    i, d.msg, rows[i].prefix);
		if (rows[i].line != 0 && d.line != rows[i].line)
			fail_msg("row %zu: line %u, want %u (%s)\n%s", i,
			    d.line, rows[i].line, d.msg, text);
	}
}

static void
test_candidate_not_object(void **state)
{
	struct arena *a = T_ARENA(state);
	struct candidate c;
	struct diag d;

	assert_int_equal(candidate_decode(a, t_json(a, "[1]"), &c, &d),
	    SEL_EINVAL);
	assert_string_equal(d.msg, "(root): a candidate is a JSON object");
}

/* POST.json: the example, defaults, and bad posts. */
static void
test_vacancy(void **state)
{
	struct arena *a = T_ARENA(state);
	struct profile *p = t_profile(a, "demak-2022");
	struct vacancy *v = t_vacancy(a, p, NULL);

	t_str_equal(v->title, "Kepala Dinas Kesehatan");
	assert_int_equal(v->level, LV_JPT_PRATAMA);
	assert_int_equal(v->echelon, ECH_II_B);
	assert_int_equal(v->kind, VK_AGENCY_HEAD);
	assert_int_equal(v->nfields, 1);
	t_str_equal(v->fields[0], "kesehatan");
	assert_int_equal(v->agency.kind, AG_REGENCY);
	v = t_vacancy(a, p, KV({ "kind", NULL }, { "fields", NULL }));
	assert_int_equal(v->kind, VK_OTHER);
	assert_int_equal(v->nfields, 0);
}

static void
test_bad_vacancies(void **state)
{
	static const struct {
		const char	*profile;
		const char	*key, *json;
		const char	*prefix;
	} rows[] = {
		/* A post level the profile does not cover. */
		{ "demak-2022", "level", "\"administrator\"",
		  "level: profile \"demak-2022\" does not cover administrator "
		  "posts" },
		{ "pekalongan-2022", "level", "\"pengawas\"",
		  "level: profile \"pekalongan-2022\" does not cover pengawas "
		  "posts" },
		/* Demak sets requirements by echelon: the echelon is needed. */
		{ "demak-2022", "echelon", NULL,
		  "echelon: required: profile \"demak-2022\" sets different "
		  "requirements by echelon" },
		{ "demak-2022", "echelon", "\"II.c\"",
		  "echelon: unknown value \"II.c\"" },
		{ "demak-2022", "level", NULL,
		  "level: required field is missing" },
		{ "demak-2022", "level", "\"jpt\"", "level: unknown value" },
		{ "demak-2022", "title", NULL,
		  "title: required field is missing" },
		{ "demak-2022", "kind", "\"kepala\"",
		  "kind: unknown value \"kepala\"" },
		{ "demak-2022", "fields", "[1]",
		  "fields[0]: expected a string, got a number" },
		{ "demak-2022", "agency", NULL,
		  "agency: required field is missing" },
		{ "demak-2022", "agency", "{\"name\": \"Demak\"}",
		  "agency.kind: required field is missing" },
	};
	struct arena *a = T_ARENA(state);

	for (size_t i = 0; i < ARRAY_LEN(rows); i++) {
		const struct t_kv over[] = { { rows[i].key, rows[i].json },
		    { NULL, NULL } };
		struct profile *p = t_profile(a, rows[i].profile);
		struct vacancy v;
		struct diag d;

		memset(&d, 0, sizeof(d));
		if (vacancy_decode(a, t_json(a, t_vacancy_json(a, over)), p,
		    &v, &d) != SEL_EINVAL)
			fail_msg("row %zu decoded", i);
		if (strstr(d.msg, rows[i].prefix) != d.msg)
			fail_msg("row %zu: \"%s\" does not start with \"%s\"",
			    i, d.msg, rows[i].prefix);
	}
}

/* Without echelon rules a post needs no echelon (Pontianak). */
static void
test_vacancy_echelon_optional(void **state)
{
	struct arena *a = T_ARENA(state);
	struct profile *p = t_profile(a, "pontianak-2015");
	struct vacancy *v = t_vacancy(a, p, KV({ "echelon", NULL },
	    { "level", "\"pengawas\"" }));

	assert_int_equal(v->echelon, -1);
	assert_int_equal(v->level, LV_PENGAWAS);
}

static void
test_agency_same(void **state)
{
	struct agency x = { STR("Pemerintah Kabupaten Demak"), AG_REGENCY,
	    STR("Jawa Tengah") };
	struct agency y = { STR("  pemerintah KABUPATEN demak "), AG_REGENCY,
	    STR("") };
	struct agency z = { STR("Pemerintah Kabupaten Demak"), AG_CITY,
	    STR("Jawa Tengah") };
	struct agency w = { STR("Pemerintah Kota Semarang"), AG_CITY,
	    STR("Jawa Tengah") };

	(void)state;
	assert_true(agency_same(&x, &y));
	assert_false(agency_same(&x, &z));
	assert_false(agency_same(&z, &w));
}

/*
 * The gender digit (the 15th) is not read: two NIPs differing only there
 * decode to the same record, apart from the NIP text itself.
 */
static void
test_gender_digit_not_decoded(void **state)
{
	struct arena *a = T_ARENA(state);
	struct candidate *m = t_candidate(a, KV({ "nip",
	    "\"197505122000031002\"" }));
	struct candidate *f = t_candidate(a, KV({ "nip",
	    "\"197505122000032002\"" }));
	struct candidate *x = t_candidate(a, KV({ "nip",
	    "\"197505122000039002\"" }));

	assert_int_equal(m->birth, f->birth);
	assert_int_equal(m->birth, x->birth);
	assert_int_equal(m->grade, f->grade);
	assert_int_equal(m->nposts, f->nposts);
	assert_false(str_eq(m->nip, f->nip));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T_TEST(test_contract_candidate),
		T_TEST(test_minimal_candidate),
		RULE_TEST("ELIG-PERFORMANCE", test_vocabulary_aliases),
		T_TEST(test_vocabularies),
		T_TEST(test_unknown_fields_ignored),
		T_TEST(test_post_end_equal_start),
		T_TEST(test_bad_candidates),
		T_TEST(test_candidate_not_object),
		T_TEST(test_vacancy),
		T_TEST(test_bad_vacancies),
		T_TEST(test_vacancy_echelon_optional),
		RULE_TEST("ELIG-RECOMMENDATION", test_agency_same),
		T_TEST(test_gender_digit_not_decoded),
	};

	return cmocka_run_group_tests_name("record", tests, NULL, NULL);
}
